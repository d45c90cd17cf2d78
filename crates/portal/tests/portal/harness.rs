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
    dir
}

pub fn rand_suffix() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}

pub fn config_text(atlas: &str, margin: u64) -> String {
    format!(
        r#"
listen = "127.0.0.1:0"
dist = "."
console_origin = "{ORIGIN}"
atlas_base_url = "{atlas}"
identity_header = "X-Portal-User"
token_refresh_margin_seconds = {margin}
upstream_keep_alive = false

[service_account]
client_id = "mdb_sa_id_emulator"

[access]
"ada@example.com" = ["{PROJECT}"]
"other@example.com" = ["aaaaaaaaaaaaaaaaaaaaaaaa"]
"#
    )
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
    let dir = dist();
    let config = Config::parse(&config_text(atlas, margin), &dir, &env_with_secret).unwrap();
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
        self.client
            .get(format!("{}{path}", self.base))
            .header("X-Portal-User", "ada@example.com")
            .header("Accept", "application/vnd.atlas.2023-01-01+json")
    }

    pub fn write(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Value,
    ) -> reqwest::RequestBuilder {
        self.client
            .request(method, format!("{}{path}", self.base))
            .header("X-Portal-User", "ada@example.com")
            .header("Origin", ORIGIN)
            .header("Accept", "application/vnd.atlas.2023-01-01+json")
            .header("Content-Type", "application/vnd.atlas.2023-01-01+json")
            .body(body.to_string())
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
