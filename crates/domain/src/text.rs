//! How grants and counts are written as text: a role's grants in the Atlas CLI notation (what change
//! summaries and the CLI export share), and plurals for messages.
use crate::catalog::{org_role, project_role};
use crate::model::{CustomDbRole, Resource};
use std::collections::BTreeSet;

/// Everything a role grants directly, in the Atlas CLI notation (`FIND@db.coll`, `read@db`), so changes
/// can be summarised as set differences.
pub fn grants(role: &CustomDbRole) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for a in &role.actions {
        for r in &a.resources {
            out.insert(privilege_spec(&a.action, r));
        }
        if a.resources.is_empty() {
            out.insert(a.action.clone());
        }
    }
    for i in &role.inherited_roles {
        out.insert(format!("{}@{}", i.role, i.db));
    }
    out
}

/// `ACTION`, `ACTION@db` or `ACTION@db.collection`: the `--privilege` syntax of `atlas customDbRoles`.
/// An empty db ("any database") is written `ACTION@` so it is not mistaken for a cluster resource.
pub fn privilege_spec(action: &str, r: &Resource) -> String {
    if r.cluster {
        action.to_string()
    } else if r.collection.is_empty() {
        format!("{action}@{}", r.db)
    } else {
        format!("{action}@{}.{}", r.db, r.collection)
    }
}

/// Up to six grants, then "and N more"; "nothing" for none.
pub fn describe_grants<'a>(set: impl IntoIterator<Item = &'a String>) -> String {
    const SHOWN: usize = 6;
    let all: Vec<&str> = set.into_iter().map(String::as_str).collect();
    let more = all.len().saturating_sub(SHOWN);
    let mut parts: Vec<&str> = all.into_iter().take(SHOWN).collect();
    let more_text = format!("and {more} more");
    if more > 0 {
        parts.push(&more_text);
    }
    if parts.is_empty() {
        "nothing".to_string()
    } else {
        parts.join(", ")
    }
}

/// "1 role", "3 roles": counts in messages.
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Atlas's name for a project or organization role ("Project Read Only"), or the API value.
pub fn role_name(api: &str) -> &str {
    project_role(api)
        .map(|r| r.name)
        .or_else(|| org_role(api).map(|r| r.name))
        .unwrap_or(api)
}

/// The roles as a person reads them: "Project Owner, Organization Read Only".
pub fn roles_label(roles: &[String]) -> String {
    if roles.is_empty() {
        return "no role in this project".to_string();
    }
    let names: Vec<&str> = roles.iter().map(|r| role_name(r)).collect();
    names.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_read_as_atlas_names_them() {
        let roles = ["GROUP_READ_ONLY".to_string(), "ORG_OWNER".to_string()];
        assert_eq!(roles_label(&roles), "Project Read Only, Organization Owner");
        assert_eq!(roles_label(&[]), "no role in this project");
        assert_eq!(role_name("SOMETHING_NEW"), "SOMETHING_NEW");
    }
}
