//! `dbaccess-portal`: a reference portal for the Database Access console. It serves the console's release
//! build and proxies the Atlas Admin API v2 on the same origin, with an Atlas service account's token the
//! browser never sees (`proxy`, `token`). It keeps no state but the token, so it scales out behind any load
//! balancer.
pub mod assets;
pub mod config;
pub mod proxy;
pub mod token;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, Uri};
use axum::response::Response;
use axum::routing::any;
use axum::Router;
use config::Config;
use std::sync::Arc;

/// Where audit lines go: one JSON object per write (who, operation, project, status).
pub type AuditSink = Box<dyn Fn(String) + Send + Sync>;

pub struct App {
    pub config: Config,
    pub assets: assets::Assets,
    pub tokens: token::TokenSource,
    client: reqwest::Client,
    audit: AuditSink,
}

impl App {
    /// Loads the release build and prepares the Atlas client; `audit` receives each write's line.
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
        let tokens = token::TokenSource::new(
            client.clone(),
            &config.atlas_base_url,
            config.client_id.clone(),
            config.client_secret.clone(),
            config.token_refresh_margin,
        );
        Ok(App {
            config,
            assets,
            tokens,
            client,
            audit,
        })
    }

    fn audit(&self, mut line: serde_json::Value) {
        line["time"] = serde_json::json!(std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or_default());
        (self.audit)(line.to_string());
    }
}

async fn api(
    State(app): State<Arc<App>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    proxy::forward(app, method, uri, headers, body).await
}

async fn page(State(app): State<Arc<App>>, uri: Uri, headers: HeaderMap) -> Response {
    app.assets.answer(uri.path(), &headers)
}

pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/api/atlas/v2/{*rest}", any(api))
        .fallback(page)
        .with_state(app)
}

/// Serves until the process is stopped.
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
    axum::serve(listener, router(Arc::new(app)))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|e| e.to_string())
}
