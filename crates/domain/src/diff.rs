//! What changed between two versions of a custom role or database user, as lines added and removed:
//! the review step before saving, the conflict view when someone else changed a role meanwhile, and the
//! Activity Feed's before/after all show the same thing.
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
/// cluster scopes, expiry. Never the password (the console doesn't keep one).
pub fn user_lines(user: &DatabaseUser) -> BTreeSet<String> {
    let mut out: BTreeSet<String> = user.roles.iter().map(DatabaseUserRole::spec).collect();
    if let Some(d) = user.description.as_deref().filter(|d| !d.is_empty()) {
        out.insert(format!("description: {d}"));
    }
    for s in &user.scopes {
        out.insert(format!("only {}", s.name));
    }
    if let Some(at) = &user.delete_after_date {
        out.insert(format!("expires {at}"));
    }
    out
}

pub fn user_change(before: &DatabaseUser, after: &DatabaseUser) -> Change {
    Change::between(&user_lines(before), &user_lines(after))
}
