//! A local Atlas Admin API v2 emulator: the endpoints the console uses, answered with the same rules as
//! Atlas (every write goes through `domain::project`, after the rules `atlas_rules` decides on its own), persisted to a file, with CORS for the dev server
//! and fault injection for tests. The network part is in `main.rs`; everything here is plain data in,
//! data out, so the contract tests call it directly.
mod access;
mod answers;
pub mod atlas_rules;
pub mod auth;
pub mod clock;
pub mod faults;
pub mod http;
pub mod large_across;
pub mod org;
mod routes;
pub mod shape;
pub mod users;

use domain::demo::DemoKind;
use domain::model::ApiError;
use domain::project::Project;
use domain::ErrorCode;
use faults::{Armed, FaultKind};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The organization the emulated project belongs to.
pub const ORG_ID: &str = domain::demo::ORG_ID;

/// The project served first and the organization's others: the standard demo project with its staging and
/// production, or (`--demo large-across`, for the benchmark) the large project and its four drifted copies.
fn demo_projects(settings: &Settings) -> (Project, Vec<Project>) {
    if settings.large_across {
        let mut all = large_across::projects();
        let first = all.remove(0);
        return (first, all);
    }
    (
        DemoKind::Standard.project(),
        vec![DemoKind::Staging.project(), DemoKind::Prod.project()],
    )
}

/// One HTTP request, as the server read it.
#[derive(Clone, Debug, Default)]
pub struct Request {
    pub method: String,
    /// The path without the query, still percent-encoded.
    pub path: String,
    pub query: Vec<(String, String)>,
    /// The `Accept` header (the versioned media type).
    pub accept: Option<String>,
    /// `X-Emulator-Fault`, to make this one request fail.
    pub fault: Option<String>,
    /// `Authorization`: Basic credentials at the token endpoint, a bearer token elsewhere.
    pub authorization: Option<String>,
    pub body: String,
}

impl Request {
    /// Splits `/path?a=1&b=2` into path and decoded query pairs.
    pub fn from_url(method: &str, url: &str) -> Request {
        let (path, query) = url.split_once('?').unwrap_or((url, ""));
        let query = query
            .split('&')
            .filter(|kv| !kv.is_empty())
            .map(|kv| {
                let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
                let dec = |s: &str| domain::api::decode(&s.replace('+', " ")).unwrap_or_default();
                (dec(k), dec(v))
            })
            .collect();
        Request {
            method: method.to_ascii_uppercase(),
            path: path.to_string(),
            query,
            ..Request::default()
        }
    }

    pub fn query(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// What to send back.
#[derive(Clone, Debug, PartialEq)]
pub struct Reply {
    pub status: u16,
    pub body: Option<Value>,
    /// The versioned media type of the body (Atlas answers in the version asked for).
    pub content_type: Option<String>,
    pub retry_after: Option<u32>,
    /// Wait before answering.
    pub delay: Option<Duration>,
    /// Wait for a test's release before answering.
    pub held: Option<faults::Held>,
    /// Close the connection mid-answer instead.
    pub drop: bool,
    /// A body sent as is instead of `body` (a garbled answer, a proxy's HTML page).
    pub raw: Option<String>,
}

/// Atlas's media type for an answer in `version`, with `;charset=utf-8` (as the recordings show).
pub fn answer_media_type(version: &str) -> String {
    format!("{};charset=utf-8", domain::api::media_type(version))
}

impl Reply {
    /// Atlas answers in the version asked for.
    pub fn json(status: u16, body: Value, version: &str) -> Reply {
        Reply {
            status,
            body: Some(body),
            content_type: Some(answer_media_type(version)),
            retry_after: None,
            delay: None,
            held: None,
            drop: false,
            raw: None,
        }
    }

    /// An answer without a body. Atlas still names the versioned media type (recorded 204s do).
    pub fn no_content(version: &str) -> Reply {
        Reply {
            content_type: Some(answer_media_type(version)),
            ..Reply::empty(204)
        }
    }

    pub fn empty(status: u16) -> Reply {
        Reply {
            status,
            body: None,
            content_type: None,
            retry_after: None,
            delay: None,
            held: None,
            drop: false,
            raw: None,
        }
    }

    /// `body` sent as is, with `content_type`.
    pub fn raw(status: u16, content_type: &str, body: &str) -> Reply {
        Reply {
            content_type: Some(content_type.to_string()),
            raw: Some(body.to_string()),
            ..Reply::empty(status)
        }
    }

    pub fn error(e: &ApiError) -> Reply {
        let mut r = Reply::json(
            e.error,
            serde_json::to_value(e).unwrap_or(Value::Null),
            "2023-01-01",
        );
        r.content_type = Some("application/json".to_string());
        r
    }
}

/// How the emulator was started.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// Where the project is kept between runs; `None` keeps it in memory only.
    pub data_file: Option<PathBuf>,
    /// Added to every API answer.
    pub latency: Duration,
    /// Applied to every API request (e.g. `--fault 500`).
    pub always: Option<FaultKind>,
    /// For this long after a custom role is created, reading it by name answers 404
    /// `ATLAS_CUSTOM_ROLE_NOT_FOUND`, as Atlas does while a new role propagates.
    pub propagation: Duration,
    /// OAuth client credentials and whether Admin API calls need a bearer token.
    pub auth: auth::AuthSettings,
    /// Serve the five large projects (`domain::demo::large_across`) instead of the standard three.
    pub large_across: bool,
}

pub struct Emulator {
    pub project: Project,
    /// The organization's other projects (issue 30: a role kept alike in several projects), answered
    /// under their own ids; in memory only (`--data` keeps the first).
    pub others: Vec<Project>,
    /// The project's organization: its people's organization roles and teams (not kept in `--data`:
    /// the Admin API the emulator serves never changes them).
    pub org: org::Organization,
    pub settings: Settings,
    armed: Vec<Armed>,
    /// Where answers armed with `hold` wait for `POST /__emulator/release`.
    gate: std::sync::Arc<faults::Gate>,
    created: HashMap<String, Instant>,
    /// `METHOD path status` of every API request, for tests (`GET /__emulator/requests`).
    log: Vec<String>,
    /// The same line and the JSON body of every write, for tests (`GET /__emulator/bodies`).
    bodies: Vec<Value>,
    pub tokens: auth::Tokens,
}

impl Emulator {
    /// Opens the project in `settings.data_file`, or the standard demo project when there is none.
    pub fn open(settings: Settings) -> Result<Emulator, String> {
        let (demo, others) = demo_projects(&settings);
        let project = match &settings.data_file {
            Some(path) if path.exists() => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                serde_json::from_str(&text)
                    .map_err(|e| format!("{} is not an emulator project: {e}", path.display()))?
            }
            _ => demo,
        };
        Ok(Emulator {
            project,
            others,
            org: org::Organization::demo(),
            settings,
            armed: Vec::new(),
            gate: Default::default(),
            created: HashMap::new(),
            log: Vec::new(),
            bodies: Vec::new(),
            tokens: auth::Tokens::default(),
        })
    }

    /// Answers one request: control endpoints, then faults, then the Admin API.
    pub fn handle(&mut self, req: &Request) -> Reply {
        if req.method == "OPTIONS" {
            return Reply::empty(204);
        }
        if let Some(rest) = req.path.strip_prefix("/__emulator/") {
            return self.control(&req.method, rest, &req.body);
        }
        if req.path == "/api/oauth/token" && req.method == "POST" {
            return self
                .tokens
                .issue(&self.settings.auth, req.authorization.as_deref(), &req.body);
        }
        if let Some(refused) = self
            .tokens
            .check(&self.settings.auth, req.authorization.as_deref())
        {
            self.log.push(format!("{} {} 401", req.method, req.path));
            return refused;
        }
        let fault = req
            .fault
            .as_deref()
            .and_then(FaultKind::parse)
            .or_else(|| faults::take(&mut self.armed, &req.method, &req.path))
            .or_else(|| self.settings.always.clone());
        let mut reply = match fault {
            Some(FaultKind::Status(status)) => Reply::error(&ApiError {
                error: status,
                error_code: ErrorCode::UNEXPECTED_ERROR.as_str().to_string(),
                detail: Some("Injected fault: the emulator failed this request.".to_string()),
                reason: Some("Internal Server Error".to_string()),
                ..ApiError::default()
            }),
            Some(FaultKind::RateLimited { retry_after }) => {
                let mut r = Reply::error(&ApiError::new(
                    ErrorCode::RATE_LIMITED,
                    "Too many requests: wait and try again.",
                    vec![],
                ));
                r.retry_after = Some(retry_after);
                r
            }
            Some(FaultKind::Drop) => Reply {
                drop: true,
                ..Reply::empty(200)
            },
            Some(FaultKind::Garbled) => Reply::raw(
                200,
                &answer_media_type("2023-01-01"),
                "{\"results\": [{\"roleName\": \"orders_rea",
            ),
            Some(FaultKind::Html) => Reply::raw(
                502,
                "text/html",
                "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>",
            ),
            Some(FaultKind::Delay { ms }) => Reply {
                delay: Some(Duration::from_millis(ms)),
                ..self.api(req)
            },
            Some(FaultKind::Hold) => Reply {
                held: Some(self.gate.hold()),
                ..self.api(req)
            },
            None => self.api(req),
        };
        if reply.delay.is_none() && !self.settings.latency.is_zero() {
            reply.delay = Some(self.settings.latency);
        }
        let line = format!("{} {} {}", req.method, req.path, reply.status);
        if req.method != "GET" && !req.body.is_empty() {
            let body = serde_json::from_str(&req.body).unwrap_or_else(|_| json!(req.body));
            self.bodies.push(json!({ "request": line, "body": body }));
        }
        self.log.push(line);
        reply
    }

    fn api(&mut self, req: &Request) -> Reply {
        // Reads change nothing: no copy to roll back to, nothing to save.
        if req.method == "GET" {
            return routes::route(self, req);
        }
        let before = self.project.clone();
        let reply = routes::route(self, req);
        if self.project != before {
            if let Err(e) = self.save() {
                self.project = before;
                return Reply::error(&ApiError::new(ErrorCode::UNEXPECTED_ERROR, e, vec![]));
            }
        }
        reply
    }

    fn save(&self) -> Result<(), String> {
        let Some(path) = &self.settings.data_file else {
            return Ok(());
        };
        let text = serde_json::to_string(&self.project).map_err(|e| e.to_string())?;
        // Written beside and renamed, so a crash never leaves half a file.
        let tmp = path.with_extension("tmp");
        std::fs::write(&tmp, text)
            .and_then(|()| std::fs::rename(&tmp, path))
            .map_err(|e| format!("the emulator could not save {}: {e}", path.display()))
    }

    /// Test and demo controls; never part of the Admin API.
    fn control(&mut self, method: &str, what: &str, body: &str) -> Reply {
        let ok = |v: Value| Reply::json(200, v, "2023-01-01");
        let bad =
            |why: String| Reply::json(400, json!({ "error": 400, "detail": why }), "2023-01-01");
        match (method, what) {
            ("POST", "reset") => {
                (self.project, self.others) = demo_projects(&self.settings);
                self.org = org::Organization::demo();
                self.armed.clear();
                self.created.clear();
                self.log.clear();
                self.bodies.clear();
                self.settings.propagation = Duration::ZERO;
                match self.save() {
                    Ok(()) => ok(json!({ "reset": true })),
                    Err(e) => bad(e),
                }
            }
            ("POST", "faults") => {
                match serde_json::from_str::<faults::ArmRequest>(body)
                    .map_err(|e| e.to_string())
                    .and_then(faults::ArmRequest::into_armed)
                {
                    Ok(a) => {
                        self.armed.push(a);
                        ok(json!({ "armed": self.armed.len() }))
                    }
                    Err(e) => bad(e),
                }
            }
            ("POST", "release") => {
                self.gate.release();
                ok(json!({ "released": true }))
            }
            ("DELETE", "faults") => {
                self.armed.clear();
                ok(json!({ "armed": 0 }))
            }
            ("POST", "propagation") => match serde_json::from_str::<Value>(body)
                .ok()
                .and_then(|v| v.get("ms").and_then(Value::as_u64))
            {
                Some(ms) => {
                    self.settings.propagation = Duration::from_millis(ms);
                    ok(json!({ "ms": ms }))
                }
                None => bad("send {\"ms\": <milliseconds>}".to_string()),
            },
            ("GET", "requests") => ok(json!(self.log)),
            // Tokens: how many were issued; expire them all (as if their time had passed).
            ("GET", "auth") => ok(json!({ "issued": self.tokens.issued })),
            ("POST", "auth/expire") => {
                self.tokens.expire_all();
                ok(json!({ "expired": true }))
            }
            ("GET", "bodies") => ok(json!(self.bodies)),
            // Who the API is called as (`{"name": …, "projectRoles": [...]}`, organization roles
            // included): the tests try the spec's x-rolesRequirements as, e.g., a Project Access Manager.
            ("POST", "principal") => match serde_json::from_str::<domain::project::Principal>(body)
            {
                Ok(p) => {
                    // The same caller on every project (an API key's or service account's roles).
                    for other in &mut self.others {
                        other.principal = p.clone();
                    }
                    self.project.principal = p;
                    ok(json!({ "principal": self.project.principal.name }))
                }
                Err(e) => bad(e.to_string()),
            },
            // More than a page of database users (Atlas pages by at most 500): copies of the first user
            // named gen-user-0001, gen-user-0002, ... (test data: not checked as a write would be).
            ("POST", "database-users") => match serde_json::from_str::<Value>(body)
                .ok()
                .and_then(|v| v.get("count").and_then(Value::as_u64))
                .filter(|n| *n <= 5_000)
            {
                Some(n) => match self.project.users.first().cloned() {
                    Some(template) => {
                        for i in 1..=n {
                            let mut u = template.clone();
                            u.username = format!("gen-user-{i:04}");
                            self.project.users.push(u);
                        }
                        ok(json!({ "databaseUsers": self.project.users.len() }))
                    }
                    None => bad("the project has no database user to copy".to_string()),
                },
                None => bad("send {\"count\": <1 to 5000>}".to_string()),
            },
            _ => Reply::json(
                404,
                json!({ "error": 404, "detail": "no such control" }),
                "2023-01-01",
            ),
        }
    }

    /// Records that a role was just created (it is "propagating" for `settings.propagation`).
    fn created_now(&mut self, name: &str) {
        self.created.insert(name.to_string(), Instant::now());
    }

    fn propagating(&self, name: &str) -> bool {
        self.created
            .get(name)
            .is_some_and(|at| at.elapsed() < self.settings.propagation)
    }
}
