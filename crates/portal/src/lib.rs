//! `dbaccess-portal`: a reference portal for the Database Access console. It serves the console's release
//! build and proxies the Atlas Admin API v2 on the same origin, with an Atlas service account's token the
//! browser never sees, letting each person do only what their own project roles allow (`proxy`, `roles`,
//! `token`). It keeps no state but the token and a short-lived cache of roles, so it scales out behind any
//! load balancer.
pub mod assets;
pub mod config;
pub mod identity;
pub mod me;
pub mod path;
pub mod proxy;
pub mod query;
pub mod refusal;
pub mod roles;
pub mod token;
pub mod upstream;

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Method, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::{Json, Router};
use config::Config;
use identity::Caller;
use refusal::Refusal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Where audit lines go: one JSON object per write or refusal.
pub type AuditSink = Box<dyn Fn(String) + Send + Sync>;

pub struct App {
    pub config: Config,
    pub assets: assets::Assets,
    pub tokens: Arc<token::TokenSource>,
    pub directory: roles::Directory,
    /// `atlas_base_url`, parsed once: the scheme and host every upstream URL starts from.
    atlas: reqwest::Url,
    client: reqwest::Client,
    audit: AuditSink,
    /// Request ids: a random prefix per process and a counter, so ids from several instances don't meet.
    ids: (u64, AtomicU64),
}

impl App {
    /// Loads the release build and prepares the Atlas client; `audit` receives each audit line.
    /// Compressing the build is left to [`assets::Assets::compress`] (`run` does it in the background).
    pub fn new(config: Config, audit: AuditSink) -> Result<App, String> {
        // One process-wide TLS provider (ring): reqwest is built without a provider of its own.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let assets = assets::Assets::load(&config.dist)?;
        let mut client = reqwest::Client::builder().user_agent("dbaccess-portal");
        if !config.upstream_keep_alive {
            client = client.pool_max_idle_per_host(0);
        }
        let client = client
            .build()
            .map_err(|e| format!("cannot build the HTTP client: {e}"))?;
        let atlas = reqwest::Url::parse(&config.atlas_base_url)
            .map_err(|e| format!("atlas_base_url: {e}"))?;
        let tokens = Arc::new(token::TokenSource::new(
            client.clone(),
            &config.atlas_base_url,
            config.client_id.clone(),
            config.client_secret.clone(),
            config.token_refresh_margin,
            config.token_timeout,
        ));
        let prefix = {
            use std::hash::{BuildHasher, Hasher};
            let mut h = std::collections::hash_map::RandomState::new().build_hasher();
            h.write_u32(std::process::id());
            h.finish() & 0xffff_ffff
        };
        Ok(App {
            config,
            assets,
            tokens,
            directory: roles::Directory::default(),
            atlas,
            client,
            audit,
            ids: (prefix, AtomicU64::new(0)),
        })
    }

    fn request_id(&self) -> String {
        let n = self.ids.1.fetch_add(1, Ordering::Relaxed);
        format!("{:08x}-{n:x}", self.ids.0)
    }

    /// One audit line, the same fields for every request that is audited.
    fn audit(
        &self,
        id: &str,
        method: &Method,
        facts: &proxy::Facts,
        refused: Option<&Refusal>,
        status: u16,
    ) {
        let time = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or_default();
        let line = serde_json::json!({
            "request": id,
            "who": facts.who,
            "roles": facts.roles,
            "operation": facts.operation.clone().unwrap_or_else(|| format!("{method} (not forwarded)")),
            "path": facts.path,
            "project": facts.project,
            "credentials": facts.credentials,
            "refused": refused.map(Refusal::code),
            "status": status,
            "time": time,
        });
        (self.audit)(line.to_string());
    }
}

fn with_request_id(mut response: Response, id: &str) -> Response {
    if let Ok(v) = HeaderValue::from_str(id) {
        response.headers_mut().insert("x-request-id", v);
    }
    response
}

async fn api(
    State(app): State<Arc<App>>,
    caller: Result<Caller, Refusal>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Response {
    use tracing::Instrument;
    let id = app.request_id();
    let span = tracing::info_span!("request", id = %id, method = %method);
    let mut facts = proxy::Facts::default();
    let outcome = proxy::forward(&app, caller, &method, &uri, &headers, body, &mut facts)
        .instrument(span.clone())
        .await;
    let _entered = span.enter();
    let (response, refused) = match outcome {
        Ok(r) => (r, None),
        Err(r) => (r.clone().into_response(), Some(r)),
    };
    let status = response.status().as_u16();
    tracing::info!(who = ?facts.who, path = ?facts.path, status, refused = ?refused.as_ref().map(Refusal::code), why = ?refused.as_ref().map(Refusal::detail), "api");
    if method != Method::GET || refused.is_some() {
        app.audit(&id, &method, &facts, refused.as_ref(), status);
    }
    with_request_id(response, &id)
}

async fn portal(
    State(app): State<Arc<App>>,
    caller: Result<Caller, Refusal>,
    method: Method,
    uri: Uri,
) -> Response {
    let id = app.request_id();
    let outcome = if method == Method::GET && uri.path() == domain::portal::ME_PATH {
        me::me(&app, caller).await
    } else {
        Err(Refusal::NotFound)
    };
    let response = match outcome {
        Ok(me) => {
            let mut r = Json(me).into_response();
            r.headers_mut()
                .insert("cache-control", HeaderValue::from_static("no-store"));
            r
        }
        Err(refused) => {
            tracing::info!(request = %id, path = uri.path(), refused = refused.code(), "portal");
            let status = refused.status().as_u16();
            app.audit(
                &id,
                &method,
                &proxy::Facts::default(),
                Some(&refused),
                status,
            );
            refused.into_response()
        }
    };
    with_request_id(response, &id)
}

async fn page(State(app): State<Arc<App>>, uri: Uri, headers: HeaderMap) -> Response {
    app.assets.answer(uri.path(), &headers)
}

pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/api/atlas/v2/{*rest}", any(api))
        .route("/api/{*rest}", any(portal))
        .route("/api", any(portal))
        .fallback(page)
        .with_state(app)
}

/// Serves until the process is stopped: listening first, the build compressed in the background.
pub async fn run(app: App) -> Result<(), String> {
    let listen = app.config.listen;
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .map_err(|e| format!("cannot listen on {listen}: {e}"))?;
    eprintln!(
        "dbaccess-portal: http://{} (Atlas: {})",
        listener.local_addr().map_err(|e| e.to_string())?,
        app.config.atlas_base_url
    );
    if let Some(who) = &app.config.local_identity {
        eprintln!("dbaccess-portal: local_identity is set: every request without the identity header acts as {who}. Never set it in production.");
    }
    let app = Arc::new(app);
    let compressing = Arc::clone(&app);
    tokio::task::spawn_blocking(move || compressing.assets.compress());
    axum::serve(listener, router(app))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|e| e.to_string())
}
