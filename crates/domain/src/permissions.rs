//! Who may change what. The console disables what the signed-in principal may not do (with the reason),
//! and the backend refuses it independently with 403: the UI is never the only check.
use crate::catalog::{capabilities_of, Capability};
use crate::errors::ErrorCode::USER_UNAUTHORIZED;
use crate::model::ApiError;
use crate::project::Principal;

/// The two kinds of change this console makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Permission {
    /// Custom database roles and database users: Organization Owner, Project Owner, Project Database
    /// Access Admin or Project Stream Processing Owner (the spec's `x-rolesRequirements`).
    DatabaseAccess,
    /// Atlas users, teams, API keys and service accounts in the project: Project Owner or Project Access
    /// Manager.
    ProjectAccess,
}

impl Permission {
    fn capability(self) -> Capability {
        match self {
            Permission::DatabaseAccess => Capability::ManageDatabaseAccess,
            Permission::ProjectAccess => Capability::ManageProjectAccess,
        }
    }

    /// The reason shown next to a disabled control.
    pub fn requirement(self) -> &'static str {
        match self {
            Permission::DatabaseAccess => "Requires Project Owner or Project Database Access Admin",
            Permission::ProjectAccess => "Requires Project Owner or Project Access Manager",
        }
    }
}

impl Principal {
    pub fn may(&self, permission: Permission) -> bool {
        capabilities_of([], self.project_roles.iter().map(String::as_str))
            .contains(&permission.capability())
    }

    /// Why the principal may not do this, or `None` when they may.
    pub fn refusal(&self, permission: Permission) -> Option<&'static str> {
        (!self.may(permission)).then(|| permission.requirement())
    }

    /// Granting Project Owner hands out everything, so only a Project Owner may grant it. Whether Atlas
    /// lets a Project Access Manager grant Project Owner is UNCONFIRMED: refusing is the safe choice.
    pub fn may_grant(&self, role: &str) -> bool {
        role != "GROUP_OWNER" || self.project_roles.iter().any(|r| r == "GROUP_OWNER")
    }

    /// The 403 the backend answers with when the principal may not do this.
    pub fn authorize(&self, permission: Permission) -> Result<(), ApiError> {
        match self.refusal(permission) {
            None => Ok(()),
            Some(why) => Err(forbidden(&self.name, why)),
        }
    }
}

pub(crate) fn forbidden(name: &str, why: &str) -> ApiError {
    ApiError::new(
        USER_UNAUTHORIZED,
        format!("{name} is not authorized to perform this action. {why}."),
        vec![name.to_string()],
    )
}

/// The principals the embedded demo can "View as": one per way of holding (or lacking) the rights.
pub fn demo_principals() -> Vec<Principal> {
    [
        ("ada.admin@example.com", "GROUP_OWNER"),
        ("dana.dbadmin@example.com", "GROUP_DATABASE_ACCESS_ADMIN"),
        ("rory.readonly@example.com", "GROUP_READ_ONLY"),
        ("ines.indexer@example.com", "GROUP_INDEX_MANAGER"),
        ("amir.access@example.com", "GROUP_ACCESS_MANAGER"),
    ]
    .into_iter()
    .map(|(name, role)| Principal {
        name: name.to_string(),
        project_roles: vec![role.to_string()],
    })
    .collect()
}

/// Who the console acts as on the Admin API: the portal proxy's credentials, whose roles the browser
/// can't see. UNCONFIRMED which roles a portal grants, so the UI offers every change and Atlas decides:
/// a refusal comes back as its 403 envelope next to the form, with the input kept.
pub fn proxy_principal() -> Principal {
    Principal {
        name: "the portal's Atlas credentials".to_string(),
        project_roles: vec!["GROUP_OWNER".to_string()],
    }
}
