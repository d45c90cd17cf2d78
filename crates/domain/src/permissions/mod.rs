//! Who may change what. The console disables what the signed-in principal may not do (with the reason),
//! and the backend refuses it independently with 403: the UI is never the only check. What each Admin
//! API operation needs comes from the spec (`operations`), which roles meet that from the Atlas docs
//! (`hierarchy`).
mod hierarchy;
mod operations;

pub use hierarchy::Requirement;
pub use operations::{access_of, console_operation, operation, Access, OPERATIONS};

use crate::api::{Call, Method};
use crate::errors::ErrorCode::USER_UNAUTHORIZED;
use crate::model::ApiError;
use serde::{Deserialize, Serialize};

/// The signed-in person or key the console acts as, with their project roles (API values); organization
/// roles that reach into the project (`ORG_OWNER`, `ORG_READ_ONLY`, …) may be listed there too.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Principal {
    pub name: String,
    pub project_roles: Vec<String>,
}

/// The kinds of change this console makes, each with the roles the spec's `x-rolesRequirements` ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Permission {
    /// Custom database roles and database users: Project Database Access Admin or Project Stream
    /// Processing Owner.
    DatabaseAccess,
    /// Atlas users (invite, remove, `:addRole`/`:removeRole`), teams and API keys in the project:
    /// Project Access Manager.
    ProjectAccess,
    /// Creating, changing and removing the project's service accounts: Project Owner.
    ServiceAccounts,
    /// The project's limits (e.g. how many custom roles it may have): Project Owner.
    ProjectSettings,
    /// Atlas-managed X.509 certificates for database users: Project Owner.
    Certificates,
}

impl Permission {
    /// Any one of these is enough (Organization Owner and Project Owner meet them all).
    pub fn requirements(self) -> &'static [Requirement] {
        match self {
            Permission::DatabaseAccess => &[
                Requirement::ProjectDatabaseAccessAdmin,
                Requirement::ProjectStreamProcessingOwner,
            ],
            Permission::ProjectAccess => &[Requirement::ProjectAccessManager],
            Permission::ServiceAccounts
            | Permission::ProjectSettings
            | Permission::Certificates => &[Requirement::ProjectOwner],
        }
    }

    /// The reason shown next to a disabled control: every role that meets one of [`Self::requirements`]
    /// (the project roles first, then the organization roles that reach into the project).
    pub fn requirement(self) -> &'static str {
        match self {
            Permission::DatabaseAccess => {
                "Requires Project Owner or Project Database Access Admin (or Project Stream Processing \
                 Owner, Organization Owner, Organization Stream Processing Admin)"
            }
            Permission::ProjectAccess => {
                "Requires Project Owner or Project Access Manager (or Organization Owner)"
            }
            Permission::ServiceAccounts
            | Permission::ProjectSettings
            | Permission::Certificates => "Requires Project Owner (or Organization Owner)",
        }
    }
}

impl Principal {
    /// `project_roles` may also hold the principal's organization roles (`ORG_OWNER`, …): Atlas grants
    /// by either.
    pub fn may(&self, permission: Permission) -> bool {
        self.meets(permission.requirements())
    }

    fn meets(&self, any_of: &[Requirement]) -> bool {
        any_of.iter().any(|r| r.met_by_any(&self.project_roles))
    }

    /// Whether the principal may send `call`: what the spec's `x-rolesRequirements` say. A call outside
    /// the operations the console knows is left to the server.
    pub fn may_send(&self, call: &Call) -> bool {
        access_of(call).is_none_or(|a| self.meets(a.requirements()))
    }

    /// Why the principal may not do this, or `None` when they may.
    pub fn refusal(&self, permission: Permission) -> Option<&'static str> {
        (!self.may(permission)).then(|| permission.requirement())
    }

    /// Granting Project Owner hands out everything, so only a Project Owner may grant it. Whether Atlas
    /// lets a Project Access Manager grant Project Owner is UNCONFIRMED: refusing is the safe choice.
    pub fn may_grant(&self, role: &str) -> bool {
        role != "GROUP_OWNER" || Requirement::ProjectOwner.met_by_any(&self.project_roles)
    }

    /// The 403 a server answers `method path` (under `/api/atlas/v2`) with when the spec reserves the
    /// operation for roles the principal lacks.
    pub fn authorize_operation(&self, method: Method, path: &str) -> Result<(), ApiError> {
        match operation(method, path).map(|(_, a)| a) {
            Some(a) if !self.meets(a.requirements()) => {
                let why = match a {
                    Access::Change(p) => p.requirement(),
                    Access::Read => "Requires a role in this project",
                };
                Err(forbidden(&self.name, why))
            }
            _ => Ok(()),
        }
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

impl crate::model::MemberKind {
    /// What changing members of this kind needs: service accounts are Project Owner's (the spec's
    /// `x-rolesRequirements` for their create, update and delete), the rest Project Access Manager's.
    pub fn permission(self) -> Permission {
        match self {
            crate::model::MemberKind::ServiceAccount => Permission::ServiceAccounts,
            _ => Permission::ProjectAccess,
        }
    }
}
