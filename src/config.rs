//! How the console is started: which backend and demo project. The standalone page reads it from the URL
//! (`?demo=large`, or `?api=<base URL>&project=<id>` for the Admin API); tests and hosts build it in code.
//! An Admin API base is used only where `origin` allows it; otherwise the console opens nothing.
use domain::demo::DemoKind;

pub mod origin;
use origin::{check_allowed_origin, check_base, Allowed};

/// Timeouts a host may choose (`timeoutMs`): under a second every answer through a proxy would time out,
/// over two minutes a user waits on a dead connection.
pub const TIMEOUT_RANGE_MS: std::ops::RangeInclusive<u32> = 1_000..=120_000;

/// A request without an answer after this long fails with a retryable error.
pub const DEFAULT_TIMEOUT_MS: u32 = 20_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackendConfig {
    /// The in-browser demo project (the default).
    Embedded,
    /// The Admin API v2 at `base_url` (the portal's proxy; "" = this page's origin).
    Http {
        base_url: String,
        project_id: String,
        timeout_ms: u32,
    },
    /// The link or host named a backend the console must not use; why, for the user. Nothing is loaded.
    Refused(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    pub demo: DemoKind,
    /// Where the embedded backend keeps its project in `localStorage`.
    pub storage_key: String,
    pub backend: BackendConfig,
    /// Where the console's routes start in the page URL (`""` standalone, e.g. `/portal/db-access`).
    pub base_path: String,
    /// Who the embedded demo acts as (a host may choose); `None` keeps the stored one.
    pub principal: Option<domain::project::Principal>,
    /// Over HTTP, who is behind the proxy when already known (a test); `None` asks the portal
    /// (`GET /api/portal/me`) once at start.
    pub caller: Option<crate::backend::person::Caller>,
    /// Prefix of this console's DOM ids (`""` standalone; each embedded console gets its own).
    pub id_prefix: String,
    /// The query naming the backend when the page URL chose it (`api=…&project=…`, `demo=large`): kept on
    /// every link and address of the console, so a reload, a new tab or a shared link opens the same one.
    pub url_backend: String,
}

/// What a host page passes to `mountConsole` (see `embed.rs`), as JSON.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EmbedOptions {
    /// `"embedded"` (default) or the base URL of the portal's Admin API proxy (`""`-relative paths allowed).
    #[serde(default)]
    pub backend: Option<String>,
    #[serde(default)]
    pub project_id: Option<String>,
    /// Embedded mode: the email of one of the demo's principals.
    #[serde(default)]
    pub principal: Option<String>,
    #[serde(default)]
    pub base_path: Option<String>,
    #[serde(default)]
    pub timeout_ms: Option<u32>,
    /// Origins besides the page's own whose Admin API `backend` may name (e.g. `"https://proxy.example"`).
    #[serde(default)]
    pub allowed_origins: Vec<String>,
    /// CSS custom properties set on the host element, e.g. `{"--dba-accent": "#0b5"}`.
    #[serde(default)]
    pub theme: std::collections::BTreeMap<String, String>,
}

impl EmbedOptions {
    pub fn parse(json: &str) -> Result<EmbedOptions, String> {
        let o: EmbedOptions = serde_json::from_str(json)
            .map_err(|e| format!("mountConsole: the configuration is not valid: {e}"))?;
        for origin in &o.allowed_origins {
            check_allowed_origin(origin)?;
        }
        if let Some(bad) = o.theme.keys().find(|k| !k.starts_with("--")) {
            return Err(format!(
                "mountConsole: theme keys are CSS custom properties (\"--name\"), not {bad:?}"
            ));
        }
        Ok(o)
    }

    /// The console configuration these options describe, for a page at `page_origin`.
    pub fn config(&self, page_origin: &str) -> Result<Config, String> {
        if let Some(t) = self.timeout_ms.filter(|t| !TIMEOUT_RANGE_MS.contains(t)) {
            return Err(format!(
                "mountConsole: timeoutMs must be between 1000 and 120000 (1 to 120 seconds), not {t}"
            ));
        }
        let mut config = match self.backend.as_deref() {
            None | Some("embedded") => {
                let mut c = Config::default();
                // Each project id keeps its own demo data, so two embedded consoles don't share one.
                if let Some(id) = &self.project_id {
                    c.storage_key = format!("{}.{id}", c.storage_key);
                }
                c
            }
            Some(url) => {
                let project = self
                    .project_id
                    .as_deref()
                    .ok_or("mountConsole: projectId is required with an HTTP backend")?;
                if self.principal.is_some() {
                    return Err("mountConsole: principal is for the embedded demo only; over HTTP Atlas acts as the proxy's credentials allow".to_string());
                }
                let allowed = Allowed {
                    page_origin,
                    extra: &self.allowed_origins,
                    loopback: cfg!(debug_assertions),
                };
                check_base(url, &allowed).map_err(|e| format!("mountConsole: {e}"))?;
                Config::http(url, project, self.timeout_ms.unwrap_or(DEFAULT_TIMEOUT_MS))
            }
        };
        config.base_path = self.base_path.clone().unwrap_or_default();
        if let Some(email) = &self.principal {
            let p = domain::permissions::demo_principals()
                .into_iter()
                .find(|p| p.name.eq_ignore_ascii_case(email))
                .ok_or_else(|| {
                    format!("mountConsole: {email} is not one of the demo's principals")
                })?;
            config.principal = Some(p);
        }
        Ok(config)
    }
}

impl Config {
    pub fn embedded(demo: DemoKind) -> Self {
        Config {
            demo,
            storage_key: crate::backend::local::default_key(demo),
            backend: BackendConfig::Embedded,
            base_path: String::new(),
            principal: None,
            caller: None,
            id_prefix: String::new(),
            url_backend: String::new(),
        }
    }

    pub fn http(base_url: &str, project_id: &str, timeout_ms: u32) -> Self {
        Config {
            backend: BackendConfig::Http {
                base_url: base_url.to_string(),
                project_id: project_id.to_string(),
                timeout_ms,
            },
            ..Config::default()
        }
    }

    /// From the page's query string (`?demo=large`, `?api=…&project=…`) on a page at `page_origin`;
    /// anything unknown means the standard demo. A refused `api` opens nothing (see `origin`).
    pub fn from_query(search: &str, page_origin: &str) -> Self {
        let allowed = Allowed {
            page_origin,
            extra: &[],
            loopback: cfg!(debug_assertions),
        };
        Config::from_query_allowing(search, &allowed)
    }

    fn from_query_allowing(search: &str, allowed: &Allowed) -> Self {
        let pairs: Vec<(&str, &str)> = search
            .trim_start_matches('?')
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .collect();
        let raw = |name: &str| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| *v);
        let param = |name: &str| raw(name).and_then(domain::api::decode);
        if let (Some(api), Some(project)) = (param("api"), param("project")) {
            if let Err(why) = check_base(&api, allowed) {
                return Config {
                    backend: BackendConfig::Refused(why),
                    ..Config::default()
                };
            }
            return Config {
                url_backend: format!(
                    "api={}&project={}",
                    raw("api").unwrap_or_default(),
                    raw("project").unwrap_or_default()
                ),
                ..Config::http(&api, &project, DEFAULT_TIMEOUT_MS)
            };
        }
        // A demo project chosen by its id: the project switcher's links in the demo.
        if let Some(kind) = param("project").and_then(|id| DemoKind::of_project(&id)) {
            return Config {
                url_backend: format!("project={}", raw("project").unwrap_or_default()),
                ..Config::embedded(kind)
            };
        }
        match param("demo").and_then(|d| DemoKind::parse(&d)) {
            Some(demo) if demo != DemoKind::Standard => Config {
                url_backend: format!("demo={}", raw("demo").unwrap_or_default()),
                ..Config::embedded(demo)
            },
            _ => Config::default(),
        }
    }

    /// What the header says about where the data comes from and goes to.
    pub fn backend_label(&self) -> String {
        match &self.backend {
            BackendConfig::Embedded => "Demo project: nothing is sent to Atlas".to_string(),
            BackendConfig::Http { base_url, .. } => match origin::origin_of(base_url) {
                Ok(o) => format!(
                    "Atlas at {}",
                    o.split_once("://").map_or(o.as_str(), |(_, h)| h)
                ),
                Err(_) => "Atlas through this portal".to_string(),
            },
            BackendConfig::Refused(_) => "Not connected".to_string(),
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config::embedded(DemoKind::Standard)
    }
}

#[cfg(test)]
mod tests;
