//! Custom role names, database and collection names.
use super::{Field, Issue};
use crate::catalog::{is_builtin_name, RESERVED_PREFIX};
use crate::errors::ErrorCode::*;

/// The rules for a new custom role's name (reference §3); `existing` are the project's custom role names.
/// The maximum length is UNCONFIRMED, so none is enforced.
pub fn validate_role_name<'a>(
    name: &str,
    existing: impl IntoIterator<Item = &'a str>,
) -> Vec<Issue> {
    let mut issues = Vec::new();
    let field = || Field::Name;
    if name.is_empty() {
        issues.push(Issue::error(
            field(),
            ATLAS_CUSTOM_ROLE_INVALID_NAME,
            "Enter a custom role name.",
        ));
        return issues;
    }
    let valid_chars = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    let valid_first = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    if !valid_chars || !valid_first {
        issues.push(Issue::error(
            field(),
            ATLAS_CUSTOM_ROLE_INVALID_NAME,
            format!(
                "The role name, \"{name}\", is invalid. A custom role name must be a non-empty string made up of \
                 only ASCII letters, numbers, hyphens, and underscores, and should begin with a letter or number."
            ),
        ));
    }
    // Case-insensitive on purpose: whether the server's checks ignore case is UNCONFIRMED, and refusing
    // "XGEN-x" or "ROOT" costs nothing while accepting them might fail at Atlas.
    if name.len() >= RESERVED_PREFIX.len()
        && name[..RESERVED_PREFIX.len()].eq_ignore_ascii_case(RESERVED_PREFIX)
    {
        issues.push(Issue::error(
            field(),
            ATLAS_RESERVED_CUSTOM_ROLE_RESTRICTED,
            format!("Cannot create custom role {name} because the prefix \"xgen-\" is reserved for built-in roles."),
        ));
    }
    if is_builtin_name(name) {
        issues.push(Issue::error(
            field(),
            ATLAS_INVALID_CUSTOM_ROLE_RESTRICTED,
            format!("Cannot create custom role {name} because a built-in role with that name already exists."),
        ));
    }
    let existing: Vec<&str> = existing.into_iter().collect();
    if existing.contains(&name) {
        issues.push(Issue::error(
            field(),
            ATLAS_CUSTOM_ROLE_NAME_ALREADY_EXISTS,
            format!("A custom role with the name {name} already exists."),
        ));
    } else if let Some(other) = existing.iter().find(|e| e.eq_ignore_ascii_case(name)) {
        // Role names are case-sensitive in MongoDB, so this is allowed, but two names that differ only by
        // case are easy to confuse when granting.
        issues.push(Issue::warning(
            field(),
            VALIDATION_ERROR,
            format!("{name} differs only in letter case from the existing custom role {other}."),
        ));
    }
    issues
}

/// Why a database name is invalid, if it is (MongoDB's naming restrictions; "" means any database).
pub(crate) fn database_name_problem(db: &str) -> Option<String> {
    if let Some(c) = db.chars().find(|c| "/\\. \"$\0".contains(*c)) {
        let shown = if c == ' ' {
            "a space".to_string()
        } else {
            format!("\"{c}\"")
        };
        return Some(format!(
            "Invalid database name specified: {db}. A database name cannot contain {shown}."
        ));
    }
    if db.len() > 63 {
        return Some(format!(
            "Invalid database name specified: {db}. A database name is at most 63 characters."
        ));
    }
    None
}

/// Why a collection name is invalid, if it is ("" means any collection).
pub(crate) fn collection_name_problem(collection: &str) -> Option<String> {
    if collection.contains('$') || collection.contains('\0') {
        return Some(format!(
            "Invalid collection names specified: {collection}. A collection name cannot contain \"$\"."
        ));
    }
    None
}

/// Why `db.collection` is too long, if it is.
pub(crate) fn namespace_problem(db: &str, collection: &str) -> Option<String> {
    (db.len() + 1 + collection.len() > 255).then(|| {
        format!("Database name + collection names too long: {db}.{collection}. A namespace is at most 255 bytes.")
    })
}
