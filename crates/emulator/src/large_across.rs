//! Five large projects kept alike by hand (issue 30: "it stays usable with 1,400 roles in each of 5
//! projects"), served with `--demo large-across` for `scripts/bench` (bench/across.mjs): the large demo
//! project and four copies of it that drifted the ways `domain::demo::across` shows on the standard one, at
//! scale. Here and not in `domain::demo`: code there, even unused by the console, moved its release bundle
//! (127 bytes brotli measured), and the console reads these projects over HTTP only.
use domain::model::{CustomDbRole, PrivilegeAction, Resource};
use domain::project::Project;
use std::collections::BTreeSet;

/// The copies' ids and names, after the large project (which keeps the standard demo project's id).
pub const COPIES: [(&str, &str); 4] = [
    ("6650f1c2a4b3c2d1e0f9b001", "Large Staging"),
    ("6650f1c2a4b3c2d1e0f9b002", "Large Production"),
    ("6650f1c2a4b3c2d1e0f9b003", "Large QA"),
    ("6650f1c2a4b3c2d1e0f9b004", "Large EU"),
];

/// The large project (1,400 roles, 100 users) and its four copies. In copy `k` (1 to 4) about 2% of the
/// roles are missing (none that another role inherits), about 2% grant one collection more, and `3k` roles
/// exist only there; users holding a missing role aren't there either. Deterministic.
pub fn projects() -> Vec<Project> {
    let first = domain::demo::large(1_400, 100);
    let inherited: BTreeSet<&str> = first
        .custom_roles
        .iter()
        .flat_map(|r| r.inherited_roles.iter().map(|i| i.role.as_str()))
        .collect();
    let mut all = vec![];
    for (k, (id, name)) in (1..).zip(COPIES) {
        let mut p = first.clone();
        p.id = id.to_string();
        p.name = name.to_string();
        let gone: BTreeSet<String> = (0..)
            .zip(&first.custom_roles)
            .filter(|(i, r)| i % 50 == 10 * k && !inherited.contains(r.role_name.as_str()))
            .map(|(_, r)| r.role_name.clone())
            .collect();
        p.custom_roles.retain(|r| !gone.contains(&r.role_name));
        for (i, r) in (0..).zip(p.custom_roles.iter_mut()) {
            if let Some(action) = r.actions.first_mut().filter(|_| i % 40 == 3 + 5 * k) {
                let db = action.resources[0].db.clone();
                action.resources.push(Resource::namespace(db, "archive"));
            }
        }
        let prefix = name.to_lowercase().replace(' ', "_");
        p.custom_roles.extend((0..3 * k).map(|j| CustomDbRole {
            role_name: format!("{prefix}_only_{j}"),
            actions: vec![PrivilegeAction {
                action: "FIND".to_string(),
                resources: vec![Resource::namespace("reports", format!("daily{j}"))],
            }],
            inherited_roles: vec![],
        }));
        p.users
            .retain(|u| !u.roles.iter().any(|r| gone.contains(&r.role_name)));
        all.push(p);
    }
    all.insert(0, first);
    all
}
