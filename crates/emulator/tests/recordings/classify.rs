//! What the console reads each recorded answer into (or why it never sends the request), and what a
//! reading may drop: nothing the screens show.
use super::harness::*;
use domain::answer;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeSet;

/// What the console reads an answer into, or why it never sends the request.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Read {
    RoleList,
    Role,
    UserList,
    User,
    ApiKeyList,
    ApiKey,
    ProjectUsers,
    /// `Paginated<TeamRole>`: the project's teams, also the answer to adding or updating one.
    Teams,
    OrgTeams,
    /// A delete: 204 and no body.
    Empty,
    /// A new X.509 certificate: PEM text.
    Pem,
    NotSent(&'static str),
}

pub fn classify(r: &Recording) -> Read {
    use Read::*;
    let m = r.method.as_str();
    if let Some(rest) = r.flat.strip_prefix("api_atlas_v2_groups_") {
        let Some((_, rest)) = rest.split_once('_') else {
            return NotSent("creating a project");
        };
        return match (m, rest) {
            ("GET", "customDBRoles_roles") => RoleList,
            ("POST", "customDBRoles_roles") => Role,
            ("GET" | "PATCH", r) if r.starts_with("customDBRoles_roles_") => Role,
            ("DELETE", r) if r.starts_with("customDBRoles_roles_") => Empty,
            ("POST", r) if r.starts_with("databaseUsers_") && r.ends_with("_certs") => Pem,
            (_, r) if r.starts_with("databaseUsers_") && r.ends_with("_certs") => {
                NotSent("listing a user's certificates")
            }
            ("GET", "databaseUsers") => UserList,
            ("POST", "databaseUsers") => User,
            ("GET" | "PATCH", r) if r.starts_with("databaseUsers_") => User,
            ("DELETE", r) if r.starts_with("databaseUsers_") => Empty,
            ("GET", "apiKeys") => ApiKeyList,
            ("POST", "apiKeys") => ApiKey,
            ("PATCH", r) if r.starts_with("apiKeys_") => ApiKey,
            ("DELETE", r) if r.starts_with("apiKeys_") => Empty,
            ("GET", "users") => ProjectUsers,
            ("GET" | "POST", "teams") => Teams,
            ("PATCH", r) if r.starts_with("teams_") => Teams,
            ("DELETE", r) if r.starts_with("teams_") => Empty,
            _ => panic!("{}: a project request this test doesn't know", r.name),
        };
    }
    if r.flat == "api_atlas_v2_groups" {
        return NotSent("creating a project");
    }
    if let Some(rest) = r.flat.strip_prefix("api_atlas_v2_orgs_") {
        let rest = rest.split_once('_').map(|(_, r)| r).unwrap_or_default();
        return match (m, rest) {
            ("GET", "teams") => OrgTeams,
            (_, r) if r.starts_with("teams") => NotSent("managing the organization's teams"),
            (_, "users") => NotSent("the organization's users"),
            (_, r) if r.starts_with("apiKeys") => NotSent("deleting an organization API key"),
            _ => panic!("{}: an organization request this test doesn't know", r.name),
        };
    }
    if r.flat.starts_with("api_atlas_v2_users") {
        return NotSent("Atlas users outside a project");
    }
    panic!("{}: a request this test doesn't know", r.name)
}

/// Fields Atlas sends that the console doesn't read, each for a stated reason.
pub const NOT_READ: &[(&str, &str)] = &[
    (
        "links",
        "hypermedia links: the console builds its own paths",
    ),
    (
        "country",
        "a project user's profile: the screens show the username",
    ),
    (
        "createdAt",
        "a project user's profile: the screens show the username",
    ),
    (
        "firstName",
        "a project user's profile: the screens show the username",
    ),
    (
        "lastName",
        "a project user's profile: the screens show the username",
    ),
    (
        "lastAuth",
        "a project user's profile: the screens show the username",
    ),
    (
        "mobileNumber",
        "a project user's profile: the screens show the username",
    ),
    ("invitationCreatedAt", "a pending invitation's details"),
    ("invitationExpiresAt", "a pending invitation's details"),
    ("inviterUsername", "a pending invitation's details"),
];

pub fn not_read(key: &str) -> bool {
    NOT_READ.iter().any(|(k, _)| *k == key)
}

/// Every value of `original` (except fields the console doesn't read) must be in `parsed`, at the same path.
pub fn dropped(original: &Value, parsed: &Value, path: &str, out: &mut Vec<String>) {
    match (original, parsed) {
        (Value::Object(o), Value::Object(p)) => {
            for (k, v) in o {
                if not_read(k) {
                    continue;
                }
                match p.get(k) {
                    Some(pv) => dropped(v, pv, &format!("{path}.{k}"), out),
                    // An empty list or null is what the parsed default means.
                    None if v.is_null() || v.as_array().is_some_and(Vec::is_empty) => {}
                    None => out.push(format!("{path}.{k}")),
                }
            }
        }
        (Value::Array(o), Value::Array(p)) if o.len() == p.len() => {
            for (i, (ov, pv)) in o.iter().zip(p).enumerate() {
                dropped(ov, pv, &format!("{path}[{i}]"), out);
            }
        }
        (o, p) if o == p => {}
        _ => out.push(format!("{path}: {original} became {parsed}")),
    }
}

/// Reads the recording as the HTTP backend does, into `T`, and checks nothing the screens show was lost.
pub fn read_as<T: DeserializeOwned + Serialize>(r: &Recording) -> T {
    let value = answer::read(r.status, r.content_type.as_deref(), &r.body)
        .unwrap_or_else(|e| panic!("{}: not readable: {e:?}", r.name))
        .unwrap_or_else(|| panic!("{}: no body", r.name));
    let typed: T =
        answer::parse(value.clone()).unwrap_or_else(|e| panic!("{}: not parsed: {e:?}", r.name));
    let again = serde_json::to_value(&typed).unwrap();
    let mut lost = Vec::new();
    dropped(&value, &again, "", &mut lost);
    assert!(lost.is_empty(), "{}: dropped {lost:?}", r.name);
    typed
}

/// The shape of a JSON document: every path to a field, with `[]` for array items (so a list's shape is
/// the union of its items'), and the kind of each leaf.
pub fn shape(v: &Value) -> BTreeSet<String> {
    fn walk(v: &Value, path: String, out: &mut BTreeSet<String>) {
        match v {
            Value::Object(o) => {
                for (k, v) in o {
                    if k != "links" {
                        walk(v, format!("{path}.{k}"), out);
                    }
                }
            }
            Value::Array(a) => {
                out.insert(format!("{path}[]"));
                for v in a {
                    walk(v, format!("{path}[]"), out);
                }
            }
            Value::Null => drop(out.insert(format!("{path}: null"))),
            Value::Bool(_) => drop(out.insert(format!("{path}: bool"))),
            Value::Number(_) => drop(out.insert(format!("{path}: number"))),
            Value::String(_) => drop(out.insert(format!("{path}: string"))),
        }
    }
    let mut out = BTreeSet::new();
    walk(v, String::new(), &mut out);
    out
}
