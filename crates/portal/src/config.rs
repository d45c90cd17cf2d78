//! The portal's configuration: one TOML file, plus the service account's secret from the environment or a
//! file (never from the TOML, never logged). A bad file is refused at start with the key at fault.
use serde::Deserialize;
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The environment variable the client secret is read from unless `service_account.secret_env` names
/// another.
pub const DEFAULT_SECRET_ENV: &str = "DBACCESS_PORTAL_CLIENT_SECRET";

/// The file as written. Every key is documented in `--help` (see `main.rs`) and the README.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    listen: String,
    dist: PathBuf,
    console_origin: String,
    #[serde(default = "default_atlas")]
    atlas_base_url: String,
    #[serde(default = "default_identity_header")]
    identity_header: String,
    #[serde(default)]
    local_identity: Option<String>,
    #[serde(default = "default_timeout")]
    request_timeout_seconds: u64,
    #[serde(default = "default_margin")]
    token_refresh_margin_seconds: u64,
    #[serde(default = "default_keep_alive")]
    upstream_keep_alive: bool,
    service_account: ServiceAccountFile,
    access: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ServiceAccountFile {
    client_id: String,
    #[serde(default)]
    secret_env: Option<String>,
    #[serde(default)]
    secret_file: Option<PathBuf>,
}

fn default_atlas() -> String {
    "https://cloud.mongodb.com".to_string()
}
fn default_identity_header() -> String {
    "X-Portal-User".to_string()
}
fn default_timeout() -> u64 {
    30
}
fn default_margin() -> u64 {
    60
}
fn default_keep_alive() -> bool {
    true
}

/// A client secret that never prints.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Self {
        Secret(s.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

#[derive(Clone, Debug)]
pub struct Config {
    pub listen: SocketAddr,
    pub dist: PathBuf,
    /// Writes must come from this origin (`Origin` header).
    pub console_origin: String,
    /// Where Atlas is: `https://cloud.mongodb.com`, or the emulator.
    pub atlas_base_url: String,
    /// The header the portal's SSO sets to the signed-in person (lower case).
    pub identity_header: String,
    /// Local runs only: who a request without the identity header is.
    pub local_identity: Option<String>,
    pub request_timeout: Duration,
    /// A token is refreshed when less than this is left of it.
    pub token_refresh_margin: Duration,
    /// Reuse connections to Atlas. The local emulator (tiny_http) sometimes leaves an answer on a reused
    /// connection unsent, so its configurations turn this off.
    pub upstream_keep_alive: bool,
    pub client_id: String,
    pub client_secret: Secret,
    /// Who may manage which projects (ids).
    pub access: BTreeMap<String, Vec<String>>,
}

fn is_http_origin(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.contains('/') && !r.contains(char::is_whitespace))
}

fn is_project_id(s: &str) -> bool {
    s.len() == 24 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

impl Config {
    /// Reads and checks the file at `path`; `env` gives environment variables (the secret).
    pub fn load(path: &Path, env: &dyn Fn(&str) -> Option<String>) -> Result<Config, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Config::parse(&text, path.parent().unwrap_or(Path::new(".")), env)
    }

    /// `base` is where relative paths in the file start from.
    pub fn parse(
        text: &str,
        base: &Path,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Config, String> {
        let file: File = toml::from_str(text).map_err(|e| format!("bad configuration: {e}"))?;
        let listen: SocketAddr = file.listen.parse().map_err(|_| {
            format!(
                "listen: {:?} is not an address like 127.0.0.1:8081",
                file.listen
            )
        })?;
        let dist = base.join(&file.dist);
        if !dist.join("index.html").is_file() {
            return Err(format!(
                "dist: {} holds no index.html (build the console with `trunk build --release`)",
                dist.display()
            ));
        }
        if !is_http_origin(&file.console_origin) {
            return Err(format!(
                "console_origin: {:?} is not an origin like https://portal.example.com",
                file.console_origin
            ));
        }
        let atlas = file.atlas_base_url.trim_end_matches('/').to_string();
        if !is_http_origin(&atlas) {
            return Err(format!(
                "atlas_base_url: {:?} is not a base URL like https://cloud.mongodb.com",
                file.atlas_base_url
            ));
        }
        if file.identity_header.is_empty()
            || !file
                .identity_header
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        {
            return Err(format!(
                "identity_header: {:?} is not a header name",
                file.identity_header
            ));
        }
        if !(1..=300).contains(&file.request_timeout_seconds) {
            return Err("request_timeout_seconds: must be 1 to 300".to_string());
        }
        if file.service_account.client_id.trim().is_empty() {
            return Err("service_account.client_id: must not be empty".to_string());
        }
        let secret = match (
            &file.service_account.secret_file,
            &file.service_account.secret_env,
        ) {
            (Some(_), Some(_)) => {
                return Err("service_account: set secret_file or secret_env, not both".to_string())
            }
            (Some(f), None) => std::fs::read_to_string(base.join(f))
                .map(|s| s.trim().to_string())
                .map_err(|e| {
                    format!(
                        "service_account.secret_file: cannot read {}: {e}",
                        f.display()
                    )
                })?,
            (None, name) => {
                let name = name.as_deref().unwrap_or(DEFAULT_SECRET_ENV);
                env(name).map(|s| s.trim().to_string()).unwrap_or_default()
            }
        };
        if secret.is_empty() {
            return Err(format!(
                "service_account: no client secret (set {} or service_account.secret_file)",
                file.service_account
                    .secret_env
                    .as_deref()
                    .unwrap_or(DEFAULT_SECRET_ENV)
            ));
        }
        if file.access.is_empty() {
            return Err(
                "access: no one may use the portal (map people to project ids)".to_string(),
            );
        }
        for (who, projects) in &file.access {
            for (i, id) in projects.iter().enumerate() {
                if !is_project_id(id) {
                    return Err(format!(
                        "access.{who:?}[{i}]: {id:?} is not a project id (24 hexadecimal digits)"
                    ));
                }
            }
        }
        Ok(Config {
            listen,
            dist,
            console_origin: file.console_origin,
            atlas_base_url: atlas,
            identity_header: file.identity_header.to_ascii_lowercase(),
            local_identity: file.local_identity,
            request_timeout: Duration::from_secs(file.request_timeout_seconds),
            token_refresh_margin: Duration::from_secs(file.token_refresh_margin_seconds),
            upstream_keep_alive: file.upstream_keep_alive,
            client_id: file.service_account.client_id,
            client_secret: Secret::new(secret),
            access: file.access,
        })
    }

    /// Whether `who` may manage project `id`.
    pub fn may_manage(&self, who: &str, id: &str) -> bool {
        self.access
            .get(who)
            .is_some_and(|ids| ids.iter().any(|p| p == id))
    }
}

#[cfg(test)]
mod tests {
    use super::{is_http_origin, is_project_id};

    #[test]
    fn an_origin_is_a_scheme_and_a_host_only() {
        for ok in ["https://portal.example.com", "http://127.0.0.1:8081"] {
            assert!(is_http_origin(ok), "{ok}");
        }
        for bad in [
            "portal.example.com",
            "https://",
            "https://portal.example.com/",
            "https://portal.example.com/path",
            "ftp://portal.example.com",
            "https://portal example.com",
        ] {
            assert!(!is_http_origin(bad), "{bad}");
        }
    }

    #[test]
    fn a_project_id_is_24_hexadecimal_digits() {
        assert!(is_project_id("6650f1c2a4b3c2d1e0f9a8b7"));
        assert!(!is_project_id("6650f1c2a4b3c2d1e0f9a8b"));
        assert!(!is_project_id("6650f1c2a4b3c2d1e0f9a8bz"));
    }
}
