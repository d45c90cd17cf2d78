//! Custom roles in and out of the console: export as Admin API JSON, as an `atlas customDbRoles` script
//! and as Terraform `mongodbatlas_custom_db_role` resources; import of Admin API JSON with every role
//! checked before anything is written (reference §1, §7, §8).
mod export;
mod import;

pub use export::{
    creation_order, to_api_json, to_cli_script, to_cli_scripts, to_terraform, to_terraform_across,
};
pub use import::{
    parse_roles, plan_import, ImportEntry, ImportError, ImportPlan, ImportStatus, MAX_IMPORT_BYTES,
    MAX_NESTING,
};

use crate::model::CustomDbRole;

/// `{base}_copy`, or `{base}_copy_2`, … : the first of these no custom role of the project has, for a
/// duplicated role (names are unique, and the copy must be told apart from its source).
pub fn free_copy_name(base: &str, roles: &[CustomDbRole]) -> String {
    let taken = |n: &str| roles.iter().any(|r| r.role_name.eq_ignore_ascii_case(n));
    let first = format!("{base}_copy");
    if !taken(&first) {
        return first;
    }
    (2..)
        .map(|i| format!("{base}_copy_{i}"))
        .find(|n| !taken(n))
        .expect("some suffix is free")
}
