//! Custom database roles on the wire.
use serde::{Deserialize, Serialize};

/// `UserCustomDBRole`: body of POST, response of GET/POST/PATCH.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomDbRole {
    pub role_name: String,
    #[serde(default)]
    pub actions: Vec<PrivilegeAction>,
    #[serde(default)]
    pub inherited_roles: Vec<InheritedRole>,
}

/// `UpdateCustomDBRole`: body of PATCH; no `roleName` (roles cannot be renamed). Both lists are always
/// sent because PATCH replaces them wholesale (omitting one is UNCONFIRMED, reference §1.1).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateCustomDbRole {
    #[serde(default)]
    pub actions: Vec<PrivilegeAction>,
    #[serde(default)]
    pub inherited_roles: Vec<InheritedRole>,
}

impl From<&CustomDbRole> for UpdateCustomDbRole {
    fn from(role: &CustomDbRole) -> Self {
        UpdateCustomDbRole {
            actions: role.actions.clone(),
            inherited_roles: role.inherited_roles.clone(),
        }
    }
}

/// `DatabasePrivilegeAction`. `action` stays a string so a role holding an action this console does not
/// know still loads (and is reported by validation) instead of failing to parse.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PrivilegeAction {
    pub action: String,
    #[serde(default)]
    pub resources: Vec<Resource>,
}

/// `DatabasePermittedNamespaceResource`. `db: ""` = any database, `collection: ""` = any collection.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Resource {
    #[serde(default)]
    pub cluster: bool,
    #[serde(default)]
    pub collection: String,
    #[serde(default)]
    pub db: String,
}

impl Resource {
    pub fn cluster() -> Self {
        Resource {
            cluster: true,
            ..Default::default()
        }
    }

    pub fn namespace(db: impl Into<String>, collection: impl Into<String>) -> Self {
        Resource {
            cluster: false,
            db: db.into(),
            collection: collection.into(),
        }
    }

    /// The server ignores db/collection when `cluster` is true; comparing that way avoids false duplicates.
    pub fn normalized(&self) -> Resource {
        if self.cluster {
            Resource::cluster()
        } else {
            self.clone()
        }
    }
}

/// `DatabaseInheritedRole`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InheritedRole {
    pub db: String,
    pub role: String,
}

impl InheritedRole {
    pub fn new(role: impl Into<String>, db: impl Into<String>) -> Self {
        InheritedRole {
            role: role.into(),
            db: db.into(),
        }
    }
}
