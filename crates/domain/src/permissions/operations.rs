//! Who may call each Admin API operation the console sends: the `x-rolesRequirements` of
//! `spec/atlas-openapi-subset.yaml`, one row per operation. The embedded backend, the emulator and the
//! UI all read it (through [`Permission`]), and `crates/emulator/tests/roles_requirements.rs` checks every
//! row against the spec and every call `domain::api` builds against a row.
use super::hierarchy::Requirement;
use super::Permission;
use crate::api::{Call, Method, PREFIX};

/// What an operation needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Access {
    /// "Project Read Only".
    Read,
    /// A change, allowed by this permission.
    Change(Permission),
}

impl Access {
    /// Any one of these is enough (the spec's list, in its order).
    pub fn requirements(self) -> &'static [Requirement] {
        match self {
            Access::Read => &[Requirement::ProjectReadOnly],
            Access::Change(p) => p.requirements(),
        }
    }
}

use Access::{Change, Read};
use Method::{Delete, Get, Patch, Post};
use Permission::{Certificates, DatabaseAccess, ProjectAccess, ProjectSettings, ServiceAccounts};

/// `(method, path template under /api/atlas/v2/groups/{groupId}, access)`.
pub const OPERATIONS: &[(Method, &str, Access)] = &[
    (Get, "", Read),
    (Get, "/clusters", Read),
    (Get, "/flexClusters", Read),
    (Get, "/limits/{limitName}", Read),
    (Patch, "/limits/{limitName}", Change(ProjectSettings)),
    (Get, "/events", Read),
    (Get, "/customDBRoles/roles", Read),
    (Post, "/customDBRoles/roles", Change(DatabaseAccess)),
    (Get, "/customDBRoles/roles/{roleName}", Read),
    (
        Patch,
        "/customDBRoles/roles/{roleName}",
        Change(DatabaseAccess),
    ),
    (
        Delete,
        "/customDBRoles/roles/{roleName}",
        Change(DatabaseAccess),
    ),
    (Get, "/databaseUsers", Read),
    (Post, "/databaseUsers", Change(DatabaseAccess)),
    (
        Post,
        "/databaseUsers/{username}/certs",
        Change(Certificates),
    ),
    (Get, "/databaseUsers/{databaseName}/{username}", Read),
    (
        Patch,
        "/databaseUsers/{databaseName}/{username}",
        Change(DatabaseAccess),
    ),
    (
        Delete,
        "/databaseUsers/{databaseName}/{username}",
        Change(DatabaseAccess),
    ),
    (Get, "/users", Read),
    (Post, "/users", Change(ProjectAccess)),
    (Delete, "/users/{userId}", Change(ProjectAccess)),
    (Post, "/users/{userId}:addRole", Change(ProjectAccess)),
    (Post, "/users/{userId}:removeRole", Change(ProjectAccess)),
    (Get, "/teams", Read),
    (Post, "/teams", Change(ProjectAccess)),
    (Patch, "/teams/{teamId}", Change(ProjectAccess)),
    (Delete, "/teams/{teamId}", Change(ProjectAccess)),
    (Get, "/apiKeys", Read),
    (Post, "/apiKeys", Change(ProjectAccess)),
    (Patch, "/apiKeys/{apiUserId}", Change(ProjectAccess)),
    (Delete, "/apiKeys/{apiUserId}", Change(ProjectAccess)),
    (Get, "/serviceAccounts", Read),
    (Post, "/serviceAccounts", Change(ServiceAccounts)),
    (
        Patch,
        "/serviceAccounts/{clientId}",
        Change(ServiceAccounts),
    ),
    (
        Delete,
        "/serviceAccounts/{clientId}",
        Change(ServiceAccounts),
    ),
];

/// Whether a concrete path (after `/groups/{groupId}`) fits a template: `{x}` matches one non-empty
/// segment, or the part of a segment before a `:verb`.
fn fits(template: &str, path: &str) -> bool {
    let t: Vec<&str> = template.split('/').collect();
    let p: Vec<&str> = path.split('/').collect();
    t.len() == p.len()
        && t.iter().zip(&p).all(|(t, p)| match t.find('}') {
            Some(end) if t.starts_with('{') => match &t[end + 1..] {
                "" => !p.is_empty() && !p.contains(':'),
                verb => p.len() > verb.len() && p.ends_with(verb),
            },
            _ => t == p,
        })
}

/// The operation `method path` addresses, for a path under `/api/atlas/v2` (without the query): its
/// template and what it needs. `None` for an operation the console never sends.
pub fn operation(method: Method, path: &str) -> Option<(&'static str, Access)> {
    let rest = path.strip_prefix(PREFIX)?.strip_prefix("/groups/")?;
    // What follows the project id: "" for the project itself, else "/…".
    let rest = rest.find('/').map_or("", |i| &rest[i..]);
    OPERATIONS
        .iter()
        .find(|(m, t, _)| *m == method && fits(t, rest))
        .map(|(_, t, a)| (*t, *a))
}

/// What `call` needs, or `None` when it isn't one of the project operations above.
pub fn access_of(call: &Call) -> Option<Access> {
    operation(call.method, &call.path).map(|(_, a)| a)
}

/// The operation a request is, when it is one the console sends (`METHOD /api/atlas/v2/…` with `{…}` for
/// ids), or `None`: a proxy in front of Atlas forwards only these. `path` is without the query.
pub fn console_operation(method: Method, path: &str) -> Option<String> {
    // A dot segment (also percent-encoded) would reach another resource once a server resolves it.
    if path.split('/').any(|s| {
        matches!(
            crate::api::decode(s).as_deref(),
            Some(".") | Some("..") | None
        )
    }) {
        return None;
    }
    if let Some((template, _)) = operation(method, path) {
        return Some(format!(
            "{} {PREFIX}/groups/{{groupId}}{template}",
            method.as_str()
        ));
    }
    let segments: Vec<&str> = path.split('/').collect();
    crate::api::OUTSIDE_SUBSET
        .iter()
        .find(|(m, t)| {
            let ts: Vec<&str> = t.split('/').collect();
            *m == method
                && ts.len() == segments.len()
                && ts
                    .iter()
                    .zip(&segments)
                    .all(|(t, s)| (t.starts_with('{') && !s.is_empty()) || t == s)
        })
        .map(|(m, t)| format!("{} {t}", m.as_str()))
}
