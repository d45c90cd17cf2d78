//! The role table of a database user: built-in roles on the databases they exist for, custom roles on
//! `admin`, no duplicates, at least one role and at most 20 custom roles.
use super::{err, UserField, MAX_CUSTOM_ROLES_PER_USER};
use crate::catalog::{builtin_role, UserScope as RoleScope};
use crate::errors::ErrorCode::*;
use crate::model::{DatabaseUser, ADMIN_DB};
use crate::validate::{Issue, ProjectContext};
use std::collections::HashSet;

pub(super) fn check_roles(user: &DatabaseUser, ctx: &ProjectContext<'_>, issues: &mut Vec<Issue>) {
    if user.roles.is_empty() {
        issues.push(err(
            UserField::Roles,
            // Atlas refuses a user without roles with a code it doesn't document (CANNOT_REMOVE_ALL_USER_ROLES
            // is about Atlas users' project roles), hence the generic code.
            VALIDATION_ERROR,
            "Give the user at least one role. (The console's own check: Atlas's code for it is undocumented.)",
        ));
    }
    let mut seen = HashSet::new();
    let mut custom = 0;
    for (i, r) in user.roles.iter().enumerate() {
        let f = UserField::Role(i);
        let coll = r.collection_name.as_deref().filter(|c| !c.is_empty());
        if !seen.insert((&r.role_name, &r.database_name, coll)) {
            issues.push(err(
                f,
                DUPLICATE_DATABASE_ROLES,
                format!(
                    "Duplicate database roles specified for user {}: {}@{}.",
                    user.username, r.role_name, r.database_name
                ),
            ));
            continue;
        }
        if let Some(b) = builtin_role(&r.role_name) {
            match b.user_scope {
                None => issues.push(err(
                    f,
                    ATLAS_INVALID_ROLE,
                    format!(
                        "The specified role {}@{} does not exist.",
                        r.role_name, r.database_name
                    ),
                )),
                Some(RoleScope::AdminOnly) if r.database_name != ADMIN_DB => issues.push(err(
                    f,
                    ATLAS_INVALID_ROLE_DATABASE,
                    format!(
                        "The specified role {} only exists for database admin.",
                        r.role_name
                    ),
                )),
                Some(RoleScope::AdminOnly) if coll.is_some() => issues.push(err(
                    f,
                    VALIDATION_ERROR,
                    format!("{} cannot be limited to a collection.", r.role_name),
                )),
                Some(RoleScope::AnyDatabase { collection_allowed }) => {
                    if r.database_name.is_empty() {
                        issues.push(err(
                            f,
                            INVALID_DATABASE_NAME,
                            format!("Enter the database {} applies to.", r.role_name),
                        ));
                    } else if let Some(m) =
                        crate::validate::names::database_name_problem(&r.database_name)
                    {
                        issues.push(err(f, INVALID_DATABASE_NAME, m));
                    }
                    if coll.is_some() && !collection_allowed {
                        issues.push(err(f, VALIDATION_ERROR, format!("{} cannot be limited to a collection; only read and readWrite can.", r.role_name)));
                    }
                }
                _ => {}
            }
            continue;
        }
        custom += 1;
        if ctx.custom_role(&r.role_name).is_none() {
            issues.push(err(
                f,
                ATLAS_INVALID_ROLE,
                format!(
                    "The specified role {}@{} does not exist.",
                    r.role_name, r.database_name
                ),
            ));
        } else if r.database_name != ADMIN_DB || coll.is_some() {
            issues.push(err(f, UNSUPPORTED_ROLE, format!(
                "The provided role is not supported: custom role {} can only be granted on admin, without a collection.", r.role_name
            )));
        }
    }
    if custom > MAX_CUSTOM_ROLES_PER_USER {
        issues.push(err(UserField::Roles, VALIDATION_ERROR, format!(
            "A database user can have at most {MAX_CUSTOM_ROLES_PER_USER} custom roles; this one has {custom}."
        )));
    }
}
