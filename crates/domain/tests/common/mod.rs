//! Builders shared by the domain's test files.
#![allow(dead_code)] // each test binary uses a different subset
use domain::model::*;

/// A custom role from (action, resources) pairs and (role, db) inherited roles.
pub fn role(
    name: &str,
    actions: &[(&str, Vec<Resource>)],
    inherited: &[(&str, &str)],
) -> CustomDbRole {
    CustomDbRole {
        role_name: name.into(),
        actions: actions
            .iter()
            .map(|(a, r)| PrivilegeAction {
                action: a.to_string(),
                resources: r.clone(),
            })
            .collect(),
        inherited_roles: inherited
            .iter()
            .map(|(r, d)| InheritedRole::new(*r, *d))
            .collect(),
    }
}

/// A SCRAM database user (no password) holding (role, db) pairs.
pub fn user(name: &str, roles: &[(&str, &str)]) -> DatabaseUser {
    let mut u = DatabaseUser::new(name);
    u.roles = roles
        .iter()
        .map(|(r, d)| DatabaseUserRole::new(*r, *d))
        .collect();
    u
}

pub fn ns(db: &str, collection: &str) -> Resource {
    Resource::namespace(db, collection)
}
