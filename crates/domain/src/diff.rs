//! What changed between two versions of a custom role, database user or member's project roles, as lines
//! added and removed: the review step before saving, the conflict view when someone else changed it
//! meanwhile, and the Activity Feed's before/after all show the same thing.
use crate::catalog::project_role_name;
use crate::model::{CustomDbRole, DatabaseUser, DatabaseUserRole};
use crate::text::grants;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Lines only in the new version (`added`) and only in the old one (`removed`), each sorted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub added: Vec<String>,
    pub removed: Vec<String>,
}

impl Change {
    pub fn between(before: &BTreeSet<String>, after: &BTreeSet<String>) -> Change {
        Change {
            added: after.difference(before).cloned().collect(),
            removed: before.difference(after).cloned().collect(),
        }
    }

    /// Everything added: a creation.
    pub fn created(lines: BTreeSet<String>) -> Change {
        Change::between(&BTreeSet::new(), &lines)
    }

    /// Everything removed: a deletion.
    pub fn deleted(lines: BTreeSet<String>) -> Change {
        Change::between(&lines, &BTreeSet::new())
    }

    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty()
    }
}

/// Actions on their resources and inherited roles, in the `atlas customDbRoles` notation.
pub fn role_lines(role: &CustomDbRole) -> BTreeSet<String> {
    grants(role)
}

pub fn role_change(before: &CustomDbRole, after: &CustomDbRole) -> Change {
    Change::between(&role_lines(before), &role_lines(after))
}

/// Whether two versions grant the same (order and duplicates carry no meaning in Atlas).
pub fn same_role(a: &CustomDbRole, b: &CustomDbRole) -> bool {
    a.role_name == b.role_name && role_lines(a) == role_lines(b)
}

/// A user's roles (`role@db[.collection]`) and the settings a review should show: description,
/// cluster scopes, labels, expiry. Never the password (the console doesn't keep one).
pub fn user_lines(user: &DatabaseUser) -> BTreeSet<String> {
    let mut out: BTreeSet<String> = user.roles.iter().map(DatabaseUserRole::spec).collect();
    if let Some(d) = user.description.as_deref().filter(|d| !d.is_empty()) {
        out.insert(format!("description: {d}"));
    }
    for s in &user.scopes {
        out.insert(format!("only {}", s.name));
    }
    // The console's PATCH always sends the labels it read, so someone else's label change is a change.
    for l in &user.labels {
        out.insert(format!("label {}: {}", l.key, l.value));
    }
    if let Some(at) = &user.delete_after_date {
        out.insert(format!("expires {at}"));
    }
    out
}

/// Whether two reads of a user hold the same for everything an update would send: its lines and how it
/// authenticates (the password is write-only and `groupId` depends on who answered, so neither counts).
pub fn same_user(a: &DatabaseUser, b: &DatabaseUser) -> bool {
    let auth = |u: &DatabaseUser| {
        (
            u.database_name.clone(),
            u.username.clone(),
            u.aws_iam_type,
            u.x509_type,
            u.ldap_auth_type,
            u.oidc_auth_type,
        )
    };
    auth(a) == auth(b) && user_lines(a) == user_lines(b)
}

/// A member's project roles by their Atlas names (an unknown role keeps its API name).
pub fn member_lines(roles: &[String]) -> BTreeSet<String> {
    roles
        .iter()
        .map(|r| project_role_name(r).to_string())
        .collect()
}

pub fn member_change(before: &[String], after: &[String]) -> Change {
    Change::between(&member_lines(before), &member_lines(after))
}

/// Whether two reads of a member's project roles hold the same roles (order carries no meaning).
pub fn same_member_roles(a: &[String], b: &[String]) -> bool {
    let set = |r: &[String]| r.iter().cloned().collect::<BTreeSet<String>>();
    set(a) == set(b)
}

pub fn user_change(before: &DatabaseUser, after: &DatabaseUser) -> Change {
    Change::between(&user_lines(before), &user_lines(after))
}
