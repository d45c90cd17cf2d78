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
    #[serde(default = "default_token_timeout")]
    token_timeout_seconds: u64,
    #[serde(default = "default_max_body")]
    max_body_bytes: usize,
    #[serde(default)]
    sign_in: Option<SignInFile>,
    #[serde(default)]
    roles: RolesFile,
    service_account: ServiceAccountFile,
    access: BTreeMap<String, AccessFile>,
}

/// `[roles]`: where each person's project roles come from.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RolesFile {
    #[serde(default = "default_roles_source")]
    source: String,
    #[serde(default = "default_roles_ttl")]
    ttl_seconds: u64,
}

impl Default for RolesFile {
    fn default() -> Self {
        RolesFile {
            source: default_roles_source(),
            ttl_seconds: default_roles_ttl(),
        }
    }
}

/// `[sign_in]`: trust the identity header only from the sign-in proxy, which proves itself with a shared
/// secret in a header of its own.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SignInFile {
    proxy_secret_header: String,
    #[serde(default)]
    proxy_secret_env: Option<String>,
}

/// One person's entry in `[access]`: project ids (roles read from Atlas) or project id → roles.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum AccessFile {
    Projects(Vec<String>),
    Roles(BTreeMap<String, Vec<String>>),
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
fn default_token_timeout() -> u64 {
    10
}
fn default_max_body() -> usize {
    1 << 20
}
fn default_roles_source() -> String {
    "atlas".to_string()
}
fn default_roles_ttl() -> u64 {
    60
}

/// The environment variable the sign-in proxy's shared secret is read from unless
/// `sign_in.proxy_secret_env` names another.
pub const DEFAULT_PROXY_SECRET_ENV: &str = "DBACCESS_PORTAL_PROXY_SECRET";

/// Where each person's project roles come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RolesSource {
    /// Read from Atlas (`GET /groups/{id}/users?username=…`), kept for `ttl`.
    Atlas { ttl: Duration },
    /// Listed in the file, per person and project.
    Config,
}

/// The sign-in proxy's proof: `header` must carry `secret` on every request.
#[derive(Clone, Debug)]
pub struct SignIn {
    pub header: String,
    pub secret: Secret,
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
    /// The service account's token request gives up after this (within `request_timeout`).
    pub token_timeout: Duration,
    /// Request bodies larger than this are refused.
    pub max_body_bytes: usize,
    pub sign_in: Option<SignIn>,
    pub roles_source: RolesSource,
    pub client_id: String,
    pub client_secret: Secret,
    /// Who may manage which projects: project id (lower case) → the roles listed in the file (empty
    /// with the `atlas` source, which reads them from Atlas).
    pub access: BTreeMap<String, BTreeMap<String, Vec<String>>>,
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
        let file: File = toml::from_str(text).map_err(|e| toml_error(text, &e))?;
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
        if !is_header_name(&file.identity_header) {
            return Err(format!(
                "identity_header: {:?} is not a header name",
                file.identity_header
            ));
        }
        if !(1..=300).contains(&file.request_timeout_seconds) {
            return Err("request_timeout_seconds: must be 1 to 300".to_string());
        }
        if !(1..=file.request_timeout_seconds).contains(&file.token_timeout_seconds) {
            return Err("token_timeout_seconds: must be 1 to request_timeout_seconds".to_string());
        }
        if !(1024..=64 << 20).contains(&file.max_body_bytes) {
            return Err("max_body_bytes: must be 1024 to 67108864".to_string());
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
                if !is_env_name(name) {
                    // Someone may have pasted the secret itself here: never repeat it.
                    return Err("service_account.secret_env: must name an environment variable (A-Z, 0-9, _), not hold the secret".to_string());
                }
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
        let sign_in = match &file.sign_in {
            None => None,
            Some(s) => {
                if !is_header_name(&s.proxy_secret_header) {
                    return Err("sign_in.proxy_secret_header: is not a header name".to_string());
                }
                let name = s
                    .proxy_secret_env
                    .as_deref()
                    .unwrap_or(DEFAULT_PROXY_SECRET_ENV);
                if !is_env_name(name) {
                    return Err("sign_in.proxy_secret_env: must name an environment variable (A-Z, 0-9, _), not hold the secret".to_string());
                }
                let secret = env(name).map(|v| v.trim().to_string()).unwrap_or_default();
                if secret.len() < 16 {
                    return Err(format!("sign_in: {name} must hold the sign-in proxy's shared secret (16 characters or more)"));
                }
                Some(SignIn {
                    header: s.proxy_secret_header.to_ascii_lowercase(),
                    secret: Secret::new(secret),
                })
            }
        };
        let roles_source = match file.roles.source.as_str() {
            "atlas" => {
                if !(1..=3600).contains(&file.roles.ttl_seconds) {
                    return Err("roles.ttl_seconds: must be 1 to 3600".to_string());
                }
                RolesSource::Atlas {
                    ttl: Duration::from_secs(file.roles.ttl_seconds),
                }
            }
            "config" => RolesSource::Config,
            _ => return Err("roles.source: must be \"atlas\" or \"config\"".to_string()),
        };
        if file.access.is_empty() {
            return Err(
                "access: no one may use the portal (map people to project ids)".to_string(),
            );
        }
        let mut access = BTreeMap::new();
        for (who, entry) in file.access {
            let projects = access_entry(&who, entry, &roles_source)?;
            access.insert(who, projects);
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
            token_timeout: Duration::from_secs(file.token_timeout_seconds),
            max_body_bytes: file.max_body_bytes,
            sign_in,
            roles_source,
            client_id: file.service_account.client_id,
            client_secret: Secret::new(secret),
            access,
        })
    }

    /// Whether `who` may manage project `id`.
    pub fn may_manage(&self, who: &str, id: &str) -> bool {
        self.access.get(who).is_some_and(|p| p.contains_key(id))
    }

    /// The projects `who` may use, in id order.
    pub fn projects_of(&self, who: &str) -> Vec<String> {
        self.access
            .get(who)
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default()
    }
}

fn access_entry(
    who: &str,
    entry: AccessFile,
    source: &RolesSource,
) -> Result<BTreeMap<String, Vec<String>>, String> {
    let pairs: Vec<(String, Vec<String>)> = match (entry, source) {
        (AccessFile::Projects(ids), RolesSource::Atlas { .. }) => {
            ids.into_iter().map(|id| (id, Vec::new())).collect()
        }
        (AccessFile::Roles(map), RolesSource::Config) => map.into_iter().collect(),
        (AccessFile::Projects(_), RolesSource::Config) => {
            return Err(format!(
                "access.{who:?}: with roles.source = \"config\", map each project id to the person's roles there, e.g. {{ \"6650f1c2a4b3c2d1e0f9a8b7\" = [\"GROUP_READ_ONLY\"] }}"
            ))
        }
        (AccessFile::Roles(_), RolesSource::Atlas { .. }) => {
            return Err(format!(
                "access.{who:?}: with roles.source = \"atlas\" (the default), list project ids only: Atlas says the roles"
            ))
        }
    };
    let mut out = BTreeMap::new();
    for (i, (id, roles)) in pairs.into_iter().enumerate() {
        if !is_project_id(&id) {
            return Err(format!(
                "access.{who:?}[{i}]: {id:?} is not a project id (24 hexadecimal digits)"
            ));
        }
        for role in &roles {
            if !is_role_name(role) {
                return Err(format!(
                    "access.{who:?}.{id}: {role:?} is not an Atlas role (GROUP_… or ORG_…, as the Admin API spells it)"
                ));
            }
        }
        out.insert(id.to_ascii_lowercase(), roles);
    }
    Ok(out)
}

fn is_env_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 128
        && !s.starts_with(|c: char| c.is_ascii_digit())
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

fn is_header_name(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

fn is_role_name(s: &str) -> bool {
    (s.starts_with("GROUP_") || s.starts_with("ORG_"))
        && s.bytes().all(|b| b.is_ascii_uppercase() || b == b'_')
}

/// A TOML error as line, column and what's wrong, without the line's text or any quoted value: a secret
/// pasted into the file must not reach a terminal or a log.
fn toml_error(text: &str, e: &toml::de::Error) -> String {
    let mut message = String::new();
    let mut quoted = false;
    for c in e.message().chars() {
        match c {
            '"' if !quoted => {
                quoted = true;
                message.push_str("\"…\"");
            }
            '"' => quoted = false,
            _ if quoted => {}
            _ => message.push(c),
        }
    }
    let message = message.trim().replace('\n', " ");
    match e.span() {
        Some(span) => {
            let before = text.get(..span.start).unwrap_or(text);
            let line = before.matches('\n').count() + 1;
            let column = before
                .rsplit('\n')
                .next()
                .unwrap_or_default()
                .chars()
                .count()
                + 1;
            format!("bad configuration at line {line}, column {column}: {message}")
        }
        None => format!("bad configuration: {message}"),
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
