//! Atlas's own answers as the oracle. `../shared/atlas-recordings` holds HTTP responses real Atlas sent,
//! recorded by the Atlas CLI's end-to-end tests (no code of ours produced them). For every recorded answer
//! to a request the console sends:
//! 1. it is read through the HTTP backend's own code (`domain::answer`, then the type the backend parses
//!    it into): no error, and nothing the screens show is dropped;
//! 2. the emulator, holding the same data, answers the same request with the same status, the same media
//!    type and the same shape (the same fields present and absent, at every depth).
//!
//! Every recording must be classified: a new one the console sends but this test doesn't know fails it.
use atlas_emulator::{Emulator, Request, Settings, ORG_ID};
use domain::answer;
use domain::model::{
    ApiKey, CustomDbRole, DatabaseUser, Paginated, ProjectUser, TeamRole, UpdateCustomDbRole,
};
use domain::project_access::OrgTeam;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Where the recordings are: `ATLAS_RECORDINGS`, or `../shared/atlas-recordings` beside the repository.
fn recordings_dir() -> PathBuf {
    let dir = std::env::var_os("ATLAS_RECORDINGS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/atlas-recordings")
        });
    assert!(
        dir.is_dir(),
        "the recordings of real Atlas answers are not at {} (set ATLAS_RECORDINGS to their folder)",
        dir.display()
    );
    dir
}

#[derive(Clone)]
struct Recording {
    /// Relative to the recordings folder.
    name: String,
    method: String,
    /// The request path with `_` for `/`, from the file name (`api_atlas_v2_groups_<id>_…`).
    flat: String,
    status: u16,
    content_type: Option<String>,
    body: String,
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a readable folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "snaphost") {
            out.push(path);
        }
    }
}

fn recordings() -> Vec<Recording> {
    let dir = recordings_dir();
    let mut paths = Vec::new();
    files(&dir, &mut paths);
    paths.sort();
    assert!(paths.len() >= 40, "only {} recordings found", paths.len());
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("a recording is text");
            let (head, body) = text.split_once("\n\n").unwrap_or((&text, ""));
            let mut lines = head.lines();
            let status = lines
                .next()
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|s| s.parse().ok())
                .expect("a status line");
            let content_type = lines
                .filter_map(|l| l.split_once(':'))
                .find(|(k, _)| k.eq_ignore_ascii_case("content-type"))
                .map(|(_, v)| v.trim().to_string());
            let file = p.file_name().unwrap().to_string_lossy().to_string();
            let (method, rest) = file.split_once('_').expect("METHOD_path");
            let flat = rest
                .trim_end_matches(".snaphost")
                .rsplit_once('_')
                .expect("a sequence number")
                .0
                .to_string();
            Recording {
                name: p.strip_prefix(&dir).unwrap().display().to_string(),
                method: method.to_string(),
                flat,
                status,
                content_type,
                body: body.trim().to_string(),
            }
        })
        .collect()
}

/// What the console reads an answer into, or why it never sends the request.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Read {
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

fn classify(r: &Recording) -> Read {
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
const NOT_READ: &[(&str, &str)] = &[
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

fn not_read(key: &str) -> bool {
    NOT_READ.iter().any(|(k, _)| *k == key)
}

/// Every value of `original` (except fields the console doesn't read) must be in `parsed`, at the same path.
fn dropped(original: &Value, parsed: &Value, path: &str, out: &mut Vec<String>) {
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
fn read_as<T: DeserializeOwned + Serialize>(r: &Recording) -> T {
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
fn shape(v: &Value) -> BTreeSet<String> {
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

/// The request path (for the emulator) from the flat file name: `/api/atlas/v2/groups/<id>/<rest…>`,
/// where the rest's own underscores are restored from `segments` (what the recording addresses).
fn path_for(group: &str, segments: &[&str]) -> String {
    let mut p = format!("/api/atlas/v2/groups/{group}");
    for s in segments {
        p.push('/');
        p.push_str(&domain::api::encode(s));
    }
    p
}

fn emulator() -> Emulator {
    Emulator::open(Settings::default()).expect("an in-memory emulator")
}

fn send(
    emu: &mut Emulator,
    method: &str,
    path: &str,
    version: &str,
    body: Option<Value>,
) -> (u16, Option<String>, Value) {
    let mut req = Request::from_url(method, path);
    req.accept = Some(domain::api::media_type(version));
    req.body = body.map(|b| b.to_string()).unwrap_or_default();
    let reply = emu.handle(&req);
    // A text answer (a certificate) comes back as a JSON string.
    let body = match reply.raw {
        Some(text) => Value::String(text),
        None => reply.body.unwrap_or(Value::Null),
    };
    (reply.status, reply.content_type, body)
}

/// The emulator's answer has the recording's status, media type and shape.
fn same_answer(r: &Recording, got: (u16, Option<String>, Value)) {
    let (status, content_type, body) = got;
    assert_eq!(status, r.status, "{}: status; emulator said {body}", r.name);
    assert_eq!(
        content_type.as_deref().map(str::to_ascii_lowercase),
        r.content_type.as_deref().map(str::to_ascii_lowercase),
        "{}: media type",
        r.name
    );
    if r.body.is_empty() {
        assert!(
            body.is_null(),
            "{}: Atlas sent no body, the emulator {body}",
            r.name
        );
        return;
    }
    let atlas: Value = serde_json::from_str(&r.body).unwrap();
    let (want, got) = (shape(&atlas), shape(&body));
    let missing: Vec<_> = want.difference(&got).collect();
    let extra: Vec<_> = got.difference(&want).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{}: the emulator's answer has another shape.\n missing (Atlas sends): {missing:?}\n extra (Atlas doesn't): {extra:?}\n emulator: {body}",
        r.name
    );
}

/// A recorded user as a request body: without what only answers carry (`links`, `groupId`).
fn as_request(mut v: Value) -> Value {
    if let Some(o) = v.as_object_mut() {
        o.remove("links");
        o.remove("groupId");
    }
    v
}

#[test]
fn every_recorded_answer_the_console_reads_parses_without_loss() {
    let mut read = 0;
    for r in recordings() {
        match classify(&r) {
            Read::RoleList => drop(read_as::<Vec<CustomDbRole>>(&r)),
            Read::Role => drop(read_as::<CustomDbRole>(&r)),
            Read::UserList => drop(read_as::<Paginated<DatabaseUser>>(&r)),
            Read::User => drop(read_as::<DatabaseUser>(&r)),
            Read::ApiKeyList => drop(read_as::<Paginated<ApiKey>>(&r)),
            Read::ApiKey => drop(read_as::<ApiKey>(&r)),
            Read::ProjectUsers => drop(read_as::<Paginated<ProjectUser>>(&r)),
            Read::Teams => drop(read_as::<Paginated<TeamRole>>(&r)),
            Read::OrgTeams => drop(read_as::<Paginated<OrgTeam>>(&r)),
            Read::Empty => {
                assert_eq!(r.status, 204, "{}", r.name);
                let got = answer::read(r.status, r.content_type.as_deref(), &r.body);
                assert_eq!(got, Ok(None), "{}", r.name);
            }
            Read::Pem => {
                let pem = answer::read_text(r.status, &r.body)
                    .unwrap_or_else(|e| panic!("{}: {e:?}", r.name));
                // The spec says certificate and private key; the recording holds the certificate only.
                assert!(pem.starts_with("-----BEGIN CERTIFICATE-----"), "{}", r.name);
                assert!(pem.contains("-----END CERTIFICATE-----"), "{}", r.name);
            }
            Read::NotSent(_) => continue,
        }
        read += 1;
    }
    assert!(read >= 30, "only {read} recordings read");
}

/// A project's id as the recordings address it (the CLI's placeholders and real test projects).
fn group_of(r: &Recording) -> String {
    r.flat
        .strip_prefix("api_atlas_v2_groups_")
        .and_then(|rest| rest.split('_').next())
        .unwrap_or_default()
        .to_string()
}

/// The emulator holding the recording's project id (so paths match), the clusters the recordings'
/// users are scoped to, and of the demo only its Atlas users (a project always keeps a Project Owner).
fn empty_project(group: &str) -> Emulator {
    let mut emu = emulator();
    let p = &mut emu.project;
    p.id = group.to_string();
    p.custom_roles.clear();
    p.users.clear();
    p.api_keys.clear();
    p.teams.clear();
    for name in [
        "Cluster0",
        "Cluster1",
        "snapshotCluster0",
        "snapshotCluster1",
    ] {
        p.clusters.push(domain::model::ClusterSummary {
            name: name.into(),
            mongo_db_version: "8.0.4".into(),
            ..Default::default()
        });
    }
    emu
}

/// The part of the flat path after `prefix`, for a name that may itself contain `_`.
fn tail<'a>(r: &'a Recording, prefix: &str) -> &'a str {
    let group = group_of(r);
    r.flat
        .strip_prefix(&format!("api_atlas_v2_groups_{group}_{prefix}"))
        .unwrap_or_else(|| panic!("{}: not under {prefix}", r.name))
}

fn body_of(r: &Recording) -> Value {
    serde_json::from_str(&r.body).unwrap()
}

#[test]
fn the_emulator_answers_custom_role_requests_as_atlas_does() {
    let all = recordings();
    let create = all
        .iter()
        .find(|r| r.name.starts_with("customdbroles/TestDBRoles/Create/"))
        .expect("a recorded create");
    let created: CustomDbRole = serde_json::from_str(&create.body).unwrap();
    let mut checked = 0;
    for r in all.iter().filter(|r| r.name.starts_with("customdbroles/")) {
        let group = group_of(r);
        let mut emu = empty_project(&group);
        let got = match classify(r) {
            Read::RoleList => {
                emu.project.custom_roles = serde_json::from_str(&r.body).unwrap();
                send(
                    &mut emu,
                    "GET",
                    &path_for(&group, &["customDBRoles", "roles"]),
                    "2023-01-01",
                    None,
                )
            }
            Read::Role if r.method == "POST" => send(
                &mut emu,
                "POST",
                &path_for(&group, &["customDBRoles", "roles"]),
                "2023-01-01",
                Some(body_of(r)),
            ),
            Read::Role | Read::Empty => {
                let name = tail(r, "customDBRoles_roles_");
                emu.project.custom_roles = vec![created.clone()];
                let body = (r.method == "PATCH").then(|| {
                    let role: CustomDbRole = serde_json::from_str(&r.body).unwrap();
                    serde_json::to_value(UpdateCustomDbRole::from(&role)).unwrap()
                });
                if r.method == "GET" {
                    emu.project.custom_roles = vec![serde_json::from_str(&r.body).unwrap()];
                }
                send(
                    &mut emu,
                    &r.method,
                    &path_for(&group, &["customDBRoles", "roles", name]),
                    "2023-01-01",
                    body,
                )
            }
            other => panic!("{}: {other:?}", r.name),
        };
        same_answer(r, got);
        checked += 1;
    }
    assert!(checked >= 7, "{checked}");
}

#[test]
fn the_emulator_answers_database_user_requests_as_atlas_does() {
    let mut checked = 0;
    for r in recordings().iter().filter(|r| {
        r.name.starts_with("dbusers/")
            || (r.name.starts_with("dbuserscerts/")
                && matches!(classify(r), Read::User | Read::Empty))
    }) {
        let group = group_of(r);
        let mut emu = empty_project(&group);
        let recorded: Value = if r.body.is_empty() {
            Value::Null
        } else {
            body_of(r)
        };
        let got = match classify(r) {
            Read::UserList => {
                let users: Paginated<DatabaseUser> = serde_json::from_value(recorded).unwrap();
                emu.project.users = users.results;
                send(
                    &mut emu,
                    "GET",
                    &path_for(&group, &["databaseUsers"]),
                    "2023-01-01",
                    None,
                )
            }
            Read::User if r.method == "POST" => {
                // The recorded user, sent back as its create request (a password for SCRAM users, and an
                // expiry in the future: the recording's has passed).
                let mut body = as_request(recorded);
                if body["x509Type"] == "NONE" && body["oidcAuthType"] == "NONE" {
                    body["password"] = json!("a-Long-enough-passw0rd");
                }
                if body.get("deleteAfterDate").is_some() {
                    body["deleteAfterDate"] = json!(tomorrow());
                }
                body["groupId"] = json!(group);
                send(
                    &mut emu,
                    "POST",
                    &path_for(&group, &["databaseUsers"]),
                    "2023-01-01",
                    Some(body),
                )
            }
            Read::User | Read::Empty => {
                let user = stored_user(r);
                let (db, name) = (user.database_name.clone(), user.username.clone());
                emu.project.users = vec![user];
                let body = (r.method == "PATCH").then(|| {
                    let mut b = as_request(recorded);
                    b.as_object_mut().unwrap().remove("deleteAfterDate");
                    b
                });
                send(
                    &mut emu,
                    &r.method,
                    &path_for(&group, &["databaseUsers", &db, &name]),
                    "2023-01-01",
                    body,
                )
            }
            other => panic!("{}: {other:?}", r.name),
        };
        if matches!(classify(r), Read::User) && r.method != "GET" {
            // The expiry the request carried (or not) decides whether it is in the answer: compare without it.
            let without = Recording {
                body: strip_expiry(&r.body),
                ..r.clone()
            };
            same_answer(&without, (got.0, got.1, strip_expiry_value(got.2)));
        } else {
            same_answer(r, got);
        }
        checked += 1;
    }
    assert!(checked >= 14, "{checked}");
}

fn strip_expiry_value(mut v: Value) -> Value {
    if let Some(o) = v.as_object_mut() {
        o.remove("deleteAfterDate");
    }
    v
}

fn strip_expiry(body: &str) -> String {
    if body.is_empty() {
        return String::new();
    }
    strip_expiry_value(serde_json::from_str(body).unwrap()).to_string()
}

fn tomorrow() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        + 86_400;
    atlas_emulator::clock::iso(std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs))
}

/// The user a describe, update or delete recording addresses, as the emulator would hold it: the
/// recorded answer when there is one, otherwise a user with that name on the path's database.
fn stored_user(r: &Recording) -> DatabaseUser {
    if !r.body.is_empty() {
        let mut u: DatabaseUser = serde_json::from_str(&r.body).unwrap();
        u.group_id = None;
        return u;
    }
    let rest = tail(r, "databaseUsers_");
    let (db, name) = rest.split_once('_').unwrap();
    let db = domain::api::decode(db).unwrap();
    // The flat name can't tell `/` from `_`: an OIDC group user is `<IdP id>/<group>`.
    let name = match name.split_once('_') {
        Some((idp, group)) if idp.len() == 24 => format!("{idp}/{group}"),
        _ => name.to_string(),
    };
    let mut u = DatabaseUser::new(name);
    u.database_name = db;
    u.roles = vec![domain::model::DatabaseUserRole::new(
        "readAnyDatabase",
        "admin",
    )];
    u
}

#[test]
fn the_emulator_answers_project_access_requests_as_atlas_does() {
    let mut checked = 0;
    for r in recordings().iter().filter(|r| {
        r.name.starts_with("atlasprojectapikeys/")
            || r.name.starts_with("atlasprojectteams/")
            || r.name.starts_with("atlasteams/")
            || r.name.starts_with("atlasusers/")
            || r.name.starts_with("atlasprojects/")
    }) {
        let kind = classify(r);
        if matches!(kind, Read::NotSent(_)) {
            continue;
        }
        let group = group_of(r);
        let mut emu = empty_project(if group.is_empty() {
            "b0123456789abcdef012345b"
        } else {
            &group
        });
        let recorded: Value = if r.body.is_empty() {
            Value::Null
        } else {
            body_of(r)
        };
        let got = match kind {
            Read::ApiKeyList => {
                let keys: Paginated<ApiKey> = serde_json::from_value(recorded).unwrap();
                emu.project.api_keys = keys.results;
                send(
                    &mut emu,
                    "GET",
                    &path_for(&group, &["apiKeys"]),
                    "2023-01-01",
                    None,
                )
            }
            Read::ApiKey if r.method == "POST" => {
                let key: ApiKey = serde_json::from_value(recorded).unwrap();
                let roles: Vec<&str> = key
                    .roles
                    .iter()
                    .filter(|a| a.group_id.as_deref() == Some(group.as_str()))
                    .map(|a| a.role_name.as_str())
                    .collect();
                let body = json!({ "desc": key.desc, "roles": roles });
                send(
                    &mut emu,
                    "POST",
                    &path_for(&group, &["apiKeys"]),
                    "2023-01-01",
                    Some(body),
                )
            }
            Read::ApiKey | Read::Empty if r.name.starts_with("atlasprojectapikeys/") => {
                let id = tail(r, "apiKeys_").to_string();
                let key: ApiKey = if recorded.is_null() {
                    ApiKey {
                        id: id.clone(),
                        desc: "e2e-test".into(),
                        public_key: "flezioeg".into(),
                        private_key: None,
                        roles: vec![domain::model::RoleAssignment {
                            group_id: Some(group.clone()),
                            org_id: None,
                            role_name: "GROUP_READ_ONLY".into(),
                        }],
                    }
                } else {
                    serde_json::from_value(recorded.clone()).unwrap()
                };
                emu.project.api_keys = vec![key.clone()];
                let body = (r.method == "PATCH").then(|| {
                    let roles: Vec<&str> = key
                        .roles
                        .iter()
                        .filter(|a| a.group_id.as_deref() == Some(group.as_str()))
                        .map(|a| a.role_name.as_str())
                        .collect();
                    json!({ "roles": roles })
                });
                send(
                    &mut emu,
                    &r.method,
                    &path_for(&group, &["apiKeys", &id]),
                    "2023-01-01",
                    body,
                )
            }
            Read::ProjectUsers => {
                // Atlas's project users replace the demo's (they include Project Owners).
                let users: Paginated<ProjectUser> = serde_json::from_value(recorded).unwrap();
                emu.project.members = users.results;
                send(
                    &mut emu,
                    "GET",
                    &path_for(&group, &["users"]),
                    "2025-02-19",
                    None,
                )
            }
            Read::Teams => {
                let teams: Paginated<TeamRole> = serde_json::from_value(recorded).unwrap();
                let team = teams.results[0].team_id.clone();
                emu.project.org_teams = vec![OrgTeam {
                    id: team.clone(),
                    name: "teams643".into(),
                }];
                match r.method.as_str() {
                    "GET" => {
                        emu.project.teams = teams.results;
                        send(
                            &mut emu,
                            "GET",
                            &path_for(&group, &["teams"]),
                            "2023-01-01",
                            None,
                        )
                    }
                    "POST" => {
                        let body =
                            json!([{ "teamId": team, "roleNames": teams.results[0].role_names }]);
                        send(
                            &mut emu,
                            "POST",
                            &path_for(&group, &["teams"]),
                            "2023-01-01",
                            Some(body),
                        )
                    }
                    _ => {
                        emu.project.teams = vec![TeamRole {
                            team_id: team.clone(),
                            role_names: vec!["GROUP_READ_ONLY".into()],
                        }];
                        let body = json!({ "roleNames": teams.results[0].role_names });
                        send(
                            &mut emu,
                            "PATCH",
                            &path_for(&group, &["teams", &team]),
                            "2023-01-01",
                            Some(body),
                        )
                    }
                }
            }
            Read::Empty => {
                let team = tail(r, "teams_").to_string();
                emu.project.teams = vec![
                    TeamRole {
                        team_id: team.clone(),
                        role_names: vec!["GROUP_READ_ONLY".into()],
                    },
                    TeamRole {
                        team_id: "another".into(),
                        role_names: vec!["GROUP_OWNER".into()],
                    },
                ];
                send(
                    &mut emu,
                    "DELETE",
                    &path_for(&group, &["teams", &team]),
                    "2023-01-01",
                    None,
                )
            }
            Read::OrgTeams => {
                let teams: Paginated<OrgTeam> = serde_json::from_value(recorded).unwrap();
                emu.project.org_teams = teams.results;
                send(
                    &mut emu,
                    "GET",
                    &format!("/api/atlas/v2/orgs/{ORG_ID}/teams"),
                    "2023-01-01",
                    None,
                )
            }
            other => panic!("{}: {other:?}", r.name),
        };
        same_answer(r, got);
        checked += 1;
    }
    assert!(checked >= 12, "{checked}");
}

#[test]
fn the_emulator_answers_a_certificate_request_as_atlas_does() {
    let r = recordings()
        .into_iter()
        .find(|r| classify(r) == Read::Pem)
        .expect("a recorded certificate");
    let group = group_of(&r);
    let mut emu = empty_project(&group);
    let username = tail(&r, "databaseUsers_")
        .trim_end_matches("_certs")
        .to_string();
    let mut user = DatabaseUser::new(username.clone());
    user.database_name = "$external".into();
    user.x509_type = domain::model::X509Type::Managed;
    user.roles = vec![domain::model::DatabaseUserRole::new(
        "readAnyDatabase",
        "admin",
    )];
    emu.project.users.push(user);
    let (status, content_type, body) = send(
        &mut emu,
        "POST",
        &path_for(&group, &["databaseUsers", &username, "certs"]),
        "2023-01-01",
        Some(json!({ "monthsUntilExpiration": 3 })),
    );
    assert_eq!(
        (status, content_type.as_deref()),
        (r.status, r.content_type.as_deref())
    );
    // Text, not JSON, as Atlas sends it; a certificate and its private key.
    let pem = body.as_str().expect("PEM text");
    assert!(
        pem.contains("-----BEGIN CERTIFICATE-----") && pem.contains("-----BEGIN PRIVATE KEY-----")
    );
}
