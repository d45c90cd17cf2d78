//! What the portal tests share: the emulator with `--require-auth`, a stand-in release build, the
//! portal's configuration, and the portal running in-process.
use atlas_emulator::auth::AuthSettings;
use atlas_emulator::{Emulator, Settings};
use dbaccess_portal::config::Config;
use dbaccess_portal::App;
use serde_json::Value;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub const PROJECT: &str = "6650f1c2a4b3c2d1e0f9a8b7";
pub const ORIGIN: &str = "http://console.example.test";
pub const WASM: &str = "/dbaccess-0123456789abcdef_bg.wasm";
/// A split release build's chunk: a build's modules share a folder named after their hash
/// (scripts/build-wasm), the files in it keep plain names.
pub const CHUNK: &str = "/pkg-0123456789abcdef0123/split_role_editor.wasm";

pub fn emulator(lifetime: Duration) -> (String, Arc<Mutex<Emulator>>) {
    let emu = Emulator::open(Settings {
        auth: AuthSettings {
            required: true,
            lifetime,
            ..AuthSettings::default()
        },
        ..Settings::default()
    })
    .unwrap();
    let emu = Arc::new(Mutex::new(emu));
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let base = format!("http://{}", server.server_addr().to_ip().unwrap());
    let shared = Arc::clone(&emu);
    std::thread::spawn(move || atlas_emulator::http::serve_forever(&server, &shared));
    (base, emu)
}

/// A release build's shape: the page, the loader and a hashed module.
pub fn dist() -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "portal-dist-{}-{}",
        std::process::id(),
        rand_suffix()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><title>Database Access</title>",
    )
    .unwrap();
    std::fs::write(dir.join("boot.js"), "import('./x.js');").unwrap();
    std::fs::write(dir.join(&WASM[1..]), vec![7u8; 4096]).unwrap();
    std::fs::create_dir_all(dir.join(&CHUNK[1..CHUNK.rfind('/').unwrap()])).unwrap();
    std::fs::write(dir.join(&CHUNK[1..]), vec![9u8; 1024]).unwrap();
    dir
}

pub fn rand_suffix() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}

/// A configuration on loopback for `atlas`: `settings` are extra top-level keys, `roles` the `[roles]`
/// table's lines, `access` the `[access]` table's.
pub fn config_for(atlas: &str, settings: &str, roles: &str, access: &str) -> String {
    format!(
        "listen = \"127.0.0.1:0\"\ndist = \".\"\nconsole_origin = \"{ORIGIN}\"\natlas_base_url = \"{atlas}\"\n{settings}\n\n[service_account]\nclient_id = \"mdb_sa_id_emulator\"\n\n[roles]\n{roles}\n\n[access]\n{access}\n"
    )
}

/// Roles from the file: ada owns PROJECT, rory reads it, amir manages its access, other holds a project
/// of its own.
pub fn config_text(atlas: &str, margin: u64) -> String {
    config_for(
        atlas,
        &format!("identity_header = \"X-Portal-User\"\ntoken_refresh_margin_seconds = {margin}\nupstream_keep_alive = false"),
        "source = \"config\"",
        &format!(
            r#""ada@example.com" = {{ "{PROJECT}" = ["GROUP_OWNER"] }}
"rory@example.com" = {{ "{PROJECT}" = ["GROUP_READ_ONLY"] }}
"amir@example.com" = {{ "{PROJECT}" = ["GROUP_ACCESS_MANAGER"] }}
"other@example.com" = {{ "aaaaaaaaaaaaaaaaaaaaaaaa" = ["GROUP_OWNER"] }}"#
        ),
    )
}

/// Roles read from Atlas (the emulator's project users).
pub fn config_text_atlas_roles(atlas: &str) -> String {
    config_for(
        atlas,
        "upstream_keep_alive = false",
        "ttl_seconds = 60",
        &format!(
            r#""ada.admin@example.com" = ["{PROJECT}"]
"rory.readonly@example.com" = ["{PROJECT}"]
"nobody@example.com" = ["{PROJECT}"]"#
        ),
    )
}

/// What reached the emulator, one `METHOD path status` a line.
pub async fn emulator_log(p: &Portal, atlas: &str) -> Vec<String> {
    let log = p
        .client
        .get(format!("{atlas}/__emulator/requests"))
        .send()
        .await
        .unwrap();
    serde_json::from_value(body(log).await).unwrap()
}

pub fn env_with_secret(name: &str) -> Option<String> {
    (name == "DBACCESS_PORTAL_CLIENT_SECRET").then(|| "mdb_sa_sk_emulator".to_string())
}

pub struct Portal {
    pub base: String,
    pub app: Arc<App>,
    pub audit: Arc<Mutex<Vec<Value>>>,
    pub client: reqwest::Client,
}

pub async fn portal(atlas: &str, margin: u64) -> Portal {
    portal_with(&config_text(atlas, margin)).await
}

pub async fn portal_with(text: &str) -> Portal {
    portal_from(Config::parse(text, &dist(), &env_with_secret).unwrap()).await
}

pub async fn portal_from(config: Config) -> Portal {
    let audit = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&audit);
    let app = Arc::new(
        App::new(
            config,
            Box::new(move |line| {
                sink.lock()
                    .unwrap()
                    .push(serde_json::from_str(&line).unwrap())
            }),
        )
        .unwrap(),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let router = dbaccess_portal::router(Arc::clone(&app));
    tokio::spawn(async move { axum::serve(listener, router).await });
    Portal {
        base,
        app,
        audit,
        client: reqwest::Client::new(),
    }
}

impl Portal {
    pub fn get(&self, path: &str) -> reqwest::RequestBuilder {
        self.get_as("ada@example.com", path)
    }

    pub fn get_as(&self, who: &str, path: &str) -> reqwest::RequestBuilder {
        self.client
            .get(format!("{}{path}", self.base))
            .header("X-Portal-User", who)
            .header("Accept", "application/vnd.atlas.2023-01-01+json")
    }

    pub fn write_as(
        &self,
        who: &str,
        method: reqwest::Method,
        path: &str,
        body: Value,
    ) -> reqwest::RequestBuilder {
        self.client
            .request(method, format!("{}{path}", self.base))
            .header("X-Portal-User", who)
            .header("Origin", ORIGIN)
            .header("Accept", "application/vnd.atlas.2023-01-01+json")
            .header("Content-Type", "application/vnd.atlas.2023-01-01+json")
            .body(body.to_string())
    }

    pub fn audit(&self) -> Vec<Value> {
        self.audit.lock().unwrap().clone()
    }

    pub fn write(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Value,
    ) -> reqwest::RequestBuilder {
        self.write_as("ada@example.com", method, path, body)
    }
}

pub fn roles_path() -> String {
    format!("/api/atlas/v2/groups/{PROJECT}/customDBRoles/roles")
}

pub fn issued(emu: &Arc<Mutex<Emulator>>) -> usize {
    emu.lock().unwrap().tokens.issued
}

pub async fn body(r: reqwest::Response) -> Value {
    serde_json::from_slice(&r.bytes().await.unwrap()).unwrap_or(Value::Null)
}

/// `futures::future::join_all` without the dependency: each future on its own task.
pub async fn futures_join<F, T>(fs: impl Iterator<Item = F>) -> Vec<T>
where
    F: std::future::Future<Output = T> + Send + 'static,
    T: Send + 'static,
{
    let handles: Vec<_> = fs.map(tokio::spawn).collect();
    let mut out = Vec::new();
    for h in handles {
        out.push(h.await.unwrap());
    }
    out
}

pub fn parse(text: &str, env: &dyn Fn(&str) -> Option<String>) -> Result<Config, String> {
    Config::parse(text, &dist(), env)
}

/// A stand-in for Atlas that records every request exactly as it arrived, for the tests that must see
/// what reaches Atlas byte for byte, and whose token endpoint can be made to hang.
pub mod fake_atlas {
    use axum::extract::State;
    use axum::http::{Method, StatusCode, Uri};
    use axum::response::IntoResponse;
    use axum::routing::post;
    use axum::Router;
    use std::collections::HashMap;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};

    pub const HERS: &str = "6650f1c2a4b3c2d1e0f9a8b7";
    pub const OTHER: &str = "5e2211c17a3e5a48f5497de0";
    pub const HER_ORG: &str = "60f1c2a4b3c2d1e0f9a8b7c6";
    pub const OTHER_ORG: &str = "70f1c2a4b3c2d1e0f9a8b7c6";

    #[derive(Default)]
    pub struct Fake {
        /// `METHOD path?query`, as received, of every request but the token's and the portal's own reads.
        pub forwarded: Mutex<Vec<(String, String)>>,
        /// While set, the token endpoint accepts and never answers.
        pub hang_tokens: AtomicBool,
        pub token_requests: AtomicUsize,
        pub tokens_issued: AtomicUsize,
        /// Seconds each token is valid.
        pub token_lifetime: AtomicUsize,
        /// Atlas users' project roles: username → roles.
        pub roles: Mutex<HashMap<String, Vec<String>>>,
    }

    async fn token(State(f): State<Arc<Fake>>) -> impl IntoResponse {
        f.token_requests.fetch_add(1, Ordering::SeqCst);
        if f.hang_tokens.load(Ordering::SeqCst) {
            std::future::pending::<()>().await;
        }
        let n = f.tokens_issued.fetch_add(1, Ordering::SeqCst);
        let lifetime = f.token_lifetime.load(Ordering::SeqCst);
        axum::Json(serde_json::json!({
            "access_token": format!("token-{n}"),
            "expires_in": if lifetime == 0 { 3600 } else { lifetime },
            "token_type": "Bearer",
        }))
    }

    async fn any(State(f): State<Arc<Fake>>, method: Method, uri: Uri) -> impl IntoResponse {
        let path = uri.path();
        let group = |id: &str| format!("/api/atlas/v2/groups/{id}");
        for (id, org, name) in [(HERS, HER_ORG, "hers"), (OTHER, OTHER_ORG, "other")] {
            if method == Method::GET && path == group(id) && uri.query().is_none() {
                return (
                    StatusCode::OK,
                    serde_json::json!({ "id": id, "name": name, "orgId": org }).to_string(),
                );
            }
            if method == Method::GET
                && path == format!("{}/users", group(id))
                && uri.query().is_some_and(|q| q.contains("flattenTeams=true"))
            {
                let q = uri.query().unwrap_or_default();
                let who = q
                    .split('&')
                    .find_map(|kv| kv.strip_prefix("username="))
                    .and_then(domain::api::decode)
                    .unwrap_or_default();
                let roles = f.roles.lock().unwrap().get(&who).cloned();
                let results: Vec<_> = roles
                    .into_iter()
                    .map(|r| serde_json::json!({ "username": who, "roles": r }))
                    .collect();
                return (
                    StatusCode::OK,
                    serde_json::json!({ "results": results, "totalCount": results.len() })
                        .to_string(),
                );
            }
        }
        f.forwarded.lock().unwrap().push((
            method.to_string(),
            uri.path_and_query()
                .map_or(path.to_string(), |p| p.as_str().to_string()),
        ));
        (StatusCode::OK, "{}".to_string())
    }

    /// Starts it on loopback: its base URL and its state.
    pub async fn start() -> (String, Arc<Fake>) {
        let fake = Arc::new(Fake::default());
        let router = Router::new()
            .route("/api/oauth/token", post(token))
            .fallback(any)
            .with_state(Arc::clone(&fake));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, router).await });
        (base, fake)
    }
}

/// Sends `METHOD target` exactly as written (no URL library in between, which would resolve `..` or
/// read `\` as `/` before the portal saw it) and returns the status.
pub async fn raw_request(
    base: &str,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
) -> (u16, String) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let mut head = format!(
        "{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: 2\r\n"
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n{}");
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer).await;
    let text = String::from_utf8_lossy(&answer).to_string();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

/// Waits for `done` (a positive sign), polling; fails after a deadline generous for a slow machine.
pub async fn until(what: &str, done: impl Fn() -> bool) {
    let deadline = std::time::Instant::now() + Duration::from_secs(120);
    while !done() {
        assert!(std::time::Instant::now() < deadline, "never saw {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
