//! Builders shared by the domain's test files.
use domain::demo;
use domain::model::*;
use domain::project::{Principal, Project};
use domain::project_access::NewApiKeyIds;
use domain::validate::Issue;
use domain::ErrorCode;

pub mod users;

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

/// `child` inherits `base`, and comes first in the list (exports must create `base` first).
pub fn family() -> Vec<CustomDbRole> {
    vec![
        role(
            "child",
            &[("INSERT", vec![ns("sales", "orders")])],
            &[("base", "admin")],
        ),
        role("base", &[("FIND", vec![ns("sales", "")])], &[]),
    ]
}

pub fn ns(db: &str, collection: &str) -> Resource {
    Resource::namespace(db, collection)
}

/// The standard demo project, acted on by someone holding only `role`.
pub fn as_role(role: &str) -> Project {
    let mut p = demo::standard();
    p.principal = Principal {
        name: format!("someone-{role}@example.com"),
        project_roles: vec![role.to_string()],
    };
    p
}

/// The error code of a refused write.
pub fn code(r: Result<impl std::fmt::Debug, domain::model::ApiError>) -> ErrorCode {
    r.expect_err("the write should be refused").code().unwrap()
}

pub fn key_ids(n: u8) -> NewApiKeyIds {
    NewApiKeyIds {
        id: format!("{:024x}", n),
        public_key: format!("pubkey{n:02}"),
        private_key: format!("private-secret-{n}"),
    }
}

pub fn key(desc: &str, roles: &[&str]) -> CreateProjectApiKey {
    CreateProjectApiKey {
        desc: desc.to_string(),
        roles: roles.iter().map(|r| r.to_string()).collect(),
    }
}

pub fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// The codes of the error-severity issues, in order.
pub fn codes(issues: &[Issue]) -> Vec<ErrorCode> {
    issues
        .iter()
        .filter(|i| i.is_error())
        .map(|i| i.code)
        .collect()
}

/// A project's custom roles: `top` inherits `mid`, which inherits `base` (FIND on sales).
pub fn project() -> Vec<CustomDbRole> {
    vec![
        role("base", &[("FIND", vec![ns("sales", "")])], &[]),
        role("mid", &[], &[("base", "admin")]),
        role("top", &[], &[("mid", "admin")]),
    ]
}
