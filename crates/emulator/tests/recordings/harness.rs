//! Where the recordings are and what each one is, and the emulator asked the same request, its answer
//! compared with Atlas's in status, media type and shape.
use super::classify::*;
use atlas_emulator::{Emulator, Request, Settings};
use domain::model::DatabaseUser;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Where the recordings are: `ATLAS_RECORDINGS`, or `../shared/atlas-recordings` beside the repository.
pub fn recordings_dir() -> PathBuf {
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
pub struct Recording {
    /// Relative to the recordings folder.
    pub name: String,
    pub method: String,
    /// The request path with `_` for `/`, from the file name (`api_atlas_v2_groups_<id>_…`).
    pub flat: String,
    pub status: u16,
    pub content_type: Option<String>,
    pub body: String,
}

pub fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a readable folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "snaphost") {
            out.push(path);
        }
    }
}

pub fn recordings() -> Vec<Recording> {
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

/// The request path (for the emulator) from the flat file name: `/api/atlas/v2/groups/<id>/<rest…>`,
/// where the rest's own underscores are restored from `segments` (what the recording addresses).
pub fn path_for(group: &str, segments: &[&str]) -> String {
    let mut p = format!("/api/atlas/v2/groups/{group}");
    for s in segments {
        p.push('/');
        p.push_str(&domain::api::encode(s));
    }
    p
}

pub fn emulator() -> Emulator {
    Emulator::open(Settings::default()).expect("an in-memory emulator")
}

pub fn send(
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
pub fn same_answer(r: &Recording, got: (u16, Option<String>, Value)) {
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
pub fn as_request(mut v: Value) -> Value {
    if let Some(o) = v.as_object_mut() {
        o.remove("links");
        o.remove("groupId");
    }
    v
}

/// A project's id as the recordings address it (the CLI's placeholders and real test projects).
pub fn group_of(r: &Recording) -> String {
    r.flat
        .strip_prefix("api_atlas_v2_groups_")
        .and_then(|rest| rest.split('_').next())
        .unwrap_or_default()
        .to_string()
}

/// The emulator holding the recording's project id (so paths match), the clusters the recordings'
/// users are scoped to, and of the demo only its Atlas users (a project always keeps a Project Owner).
pub fn empty_project(group: &str) -> Emulator {
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
pub fn tail<'a>(r: &'a Recording, prefix: &str) -> &'a str {
    let group = group_of(r);
    r.flat
        .strip_prefix(&format!("api_atlas_v2_groups_{group}_{prefix}"))
        .unwrap_or_else(|| panic!("{}: not under {prefix}", r.name))
}

pub fn body_of(r: &Recording) -> Value {
    serde_json::from_str(&r.body).unwrap()
}

pub fn strip_expiry_value(mut v: Value) -> Value {
    if let Some(o) = v.as_object_mut() {
        o.remove("deleteAfterDate");
    }
    v
}

pub fn strip_expiry(body: &str) -> String {
    if body.is_empty() {
        return String::new();
    }
    strip_expiry_value(serde_json::from_str(body).unwrap()).to_string()
}

pub fn tomorrow() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        + 86_400;
    atlas_emulator::clock::iso(std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs))
}

/// The user a describe, update or delete recording addresses, as the emulator would hold it: the
/// recorded answer when there is one, otherwise a user with that name on the path's database.
pub fn stored_user(r: &Recording) -> DatabaseUser {
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
