//! Const tables of everything Atlas defines: privilege actions, built-in roles, organization and
//! project roles with the capability model. One source of truth for the UI, the backends and validation.
mod actions;
mod atlas_roles;
mod builtin_roles;

pub use actions::{Action, ActionInfo, Category, DocsGroup, ResourceKind, ACTIONS};
pub use atlas_roles::{
    capabilities_of, org_role, project_role, project_role_name, Capability, OrgRole, ProjectRole,
    RolePurpose, ORG_ROLES, PROJECT_ROLES,
};
pub use builtin_roles::{
    builtin_role, inheritable_roles, is_builtin_name, user_assignable_roles, BuiltinRole, Grant,
    GrantScope, InheritDb, UserScope, BUILTIN_ROLES, RESERVED_PREFIX,
};
