//! Every rule, each returning issues addressed to a field, with a message a person can act on, a
//! severity, and the Atlas `errorCode` the server would answer with. The editor runs these as the user
//! types; the embedded backend runs them as Atlas would before accepting a write.
mod access;
mod form;
mod formats;
mod names;
mod role;
mod user;

pub use crate::datetime::parse_datetime;
pub use access::{
    is_email, validate_api_key, validate_invite, validate_member_roles, validate_project_roles,
    validate_service_account, AccessField,
};
pub use form::validate_form;
pub use names::validate_role_name;
pub use role::{
    clusters_too_old, delete_blocked_by, delete_blockers, validate_role, DeleteBlockers, RoleMode,
};
pub use user::{validate_user, UserField, UserMode, MAX_CUSTOM_ROLES_PER_USER};

use crate::errors::ErrorCode;
use crate::model::{ClusterSummary, CustomDbRole, DatabaseUser, DEFAULT_CUSTOM_ROLES_LIMIT};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Atlas would reject it: saving is blocked.
    Error,
    /// Allowed, but probably not what the user wants.
    Warning,
}

/// Where an issue belongs, so the UI can show it next to that field.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The whole role/user/key (e.g. "no permissions", "limit reached").
    Form,
    /// The custom role name.
    Name,
    /// A picker row (its "Action or Role" field).
    Row(usize),
    TargetDb {
        row: usize,
        target: usize,
    },
    TargetCollection {
        row: usize,
        target: usize,
    },
    /// Parts of a role the rows cannot show (see `role_form::Extra`).
    Extra,
    /// API role addressing: `actions[i]`.
    Action(usize),
    /// `actions[action].resources[resource]`.
    Resource {
        action: usize,
        resource: usize,
    },
    /// `inheritedRoles[i]`.
    InheritedRole(usize),
    User(UserField),
    Access(AccessField),
    /// The project's custom-role limit ("Change Limit").
    CustomRoleLimit,
    /// How many months a new X.509 certificate is valid.
    CertificateMonths,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub field: Field,
    pub severity: Severity,
    pub code: ErrorCode,
    pub message: String,
}

impl Issue {
    pub fn error(field: Field, code: ErrorCode, message: impl Into<String>) -> Self {
        Issue {
            field,
            severity: Severity::Error,
            code,
            message: message.into(),
        }
    }

    pub fn warning(field: Field, code: ErrorCode, message: impl Into<String>) -> Self {
        Issue {
            field,
            severity: Severity::Warning,
            code,
            message: message.into(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// True when nothing blocks saving.
pub fn is_valid(issues: &[Issue]) -> bool {
    !issues.iter().any(Issue::is_error)
}

/// What the rules need to know about the project.
#[derive(Clone, Copy, Debug)]
pub struct ProjectContext<'a> {
    pub custom_roles: &'a [CustomDbRole],
    pub users: &'a [DatabaseUser],
    pub clusters: &'a [ClusterSummary],
    /// The project's custom-role limit: 100 by default, up to 1,400.
    pub custom_role_limit: usize,
}

impl<'a> ProjectContext<'a> {
    pub fn new(custom_roles: &'a [CustomDbRole]) -> Self {
        ProjectContext {
            custom_roles,
            users: &[],
            clusters: &[],
            custom_role_limit: DEFAULT_CUSTOM_ROLES_LIMIT,
        }
    }

    pub fn custom_role(&self, name: &str) -> Option<&'a CustomDbRole> {
        self.custom_roles.iter().find(|r| r.role_name == name)
    }
}

/// "a, b and c" for messages that name several things.
pub(crate) fn join_names<S: AsRef<str>>(names: &[S]) -> String {
    match names {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => format!(
            "{} and {}",
            init.iter()
                .map(AsRef::as_ref)
                .collect::<Vec<_>>()
                .join(", "),
            last.as_ref()
        ),
    }
}
