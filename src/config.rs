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
    /// CSS custom properties set on the host element, e.g. `{"--color-primary": "#0b5"}`.
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
mod tests {
    use super::*;

    const PAGE: &str = "http://127.0.0.1:8080";

    #[test]
    fn the_demo_parameter_picks_the_project_and_its_own_storage() {
        let large = Config::from_query("?x=1&demo=large", PAGE);
        assert_eq!(large.demo, DemoKind::Large);
        let standard = Config::from_query("", PAGE);
        assert_eq!(standard, Config::default());
        assert_ne!(
            large.storage_key, standard.storage_key,
            "the large demo never overwrites the standard one"
        );
        assert_eq!(
            Config::from_query("?demo=huge", PAGE).demo,
            DemoKind::Standard
        );
    }

    #[test]
    fn a_host_configures_backend_project_principal_base_and_theme() {
        let o = EmbedOptions::parse(
            r##"{"backend":"/api/proxy","projectId":"p1","basePath":"/portal/db-access/","theme":{"--accent":"#0b5"}}"##,
        )
        .unwrap();
        let c = o.config(PAGE).unwrap();
        assert_eq!(
            c.backend,
            BackendConfig::Http {
                base_url: "/api/proxy".into(),
                project_id: "p1".into(),
                timeout_ms: DEFAULT_TIMEOUT_MS
            }
        );
        assert_eq!(c.base_path, "/portal/db-access/");
        let a = EmbedOptions::parse(r#"{"projectId":"a","principal":"rory.readonly@example.com"}"#)
            .unwrap()
            .config(PAGE)
            .unwrap();
        let b = EmbedOptions::parse(r#"{"projectId":"b"}"#)
            .unwrap()
            .config(PAGE)
            .unwrap();
        assert_ne!(
            a.storage_key, b.storage_key,
            "two embedded consoles keep separate data"
        );
        assert_eq!(a.principal.unwrap().project_roles, ["GROUP_READ_ONLY"]);
        for (bad, why) in [
            (r#"{"backend":"/x"}"#, "projectId is required"),
            (
                r#"{"principal":"nobody@example.com"}"#,
                "not one of the demo's principals",
            ),
        ] {
            let err = EmbedOptions::parse(bad).unwrap().config(PAGE).unwrap_err();
            assert!(err.contains(why), "{err}");
        }
        for (bad, why) in [
            (r#"{"projectid":"typo"}"#, "unknown field"),
            (r#"{"theme":{"color":"red"}}"#, "custom properties"),
            ("[1,2]", "not valid"),
        ] {
            let err = EmbedOptions::parse(bad).unwrap_err();
            assert!(err.contains(why), "{err}");
        }
    }

    #[test]
    fn an_api_base_and_a_project_select_the_admin_api() {
        let c = Config::from_query(
            "?api=http%3A%2F%2F127.0.0.1%3A9000&project=6650f1c2a4b3c2d1e0f9a8b7",
            PAGE,
        );
        assert_eq!(
            c.backend,
            BackendConfig::Http {
                base_url: "http://127.0.0.1:9000".to_string(),
                project_id: "6650f1c2a4b3c2d1e0f9a8b7".to_string(),
                timeout_ms: DEFAULT_TIMEOUT_MS,
            }
        );
        assert_eq!(
            Config::from_query("?api=http%3A%2F%2Fx", PAGE).backend,
            BackendConfig::Embedded,
            "without a project id there is nothing to manage over HTTP"
        );
    }

    #[test]
    fn a_link_to_another_origin_or_scheme_opens_nothing_and_says_why() {
        let release = Allowed {
            page_origin: "https://portal.example.com",
            extra: &[],
            loopback: false,
        };
        for api in [
            "https%3A%2F%2Felsewhere.example",
            "data%3Aapplication%2Fjson%2C%7B%7D",
            "http%3A%2F%2F127.0.0.1%3A8090",
        ] {
            let c = Config::from_query_allowing(&format!("?api={api}&project=p"), &release);
            match c.backend {
                BackendConfig::Refused(why) => assert!(why.contains("Nothing was loaded"), "{why}"),
                other => panic!("{api} opened {other:?}"),
            }
            assert_eq!(
                c.url_backend, "",
                "a refused backend is not carried on links"
            );
        }
        let same = Config::from_query_allowing("?api=%2Fapi%2Fproxy&project=p1", &release);
        assert!(
            matches!(same.backend, BackendConfig::Http { .. }),
            "{same:?}"
        );
    }

    #[test]
    fn the_backend_from_the_url_is_carried_on_links_as_given() {
        let c = Config::from_query("?x=1&api=http%3A%2F%2F127.0.0.1%3A9000&project=p%2F1", PAGE);
        assert_eq!(
            c.url_backend,
            "api=http%3A%2F%2F127.0.0.1%3A9000&project=p%2F1"
        );
        assert_eq!(
            Config::from_query("?demo=large", PAGE).url_backend,
            "demo=large"
        );
        assert_eq!(
            Config::from_query("", PAGE).url_backend,
            "",
            "the default needs nothing"
        );
    }

    #[test]
    fn the_header_names_the_backend() {
        let http = |base: &str| Config::http(base, "p", DEFAULT_TIMEOUT_MS).backend_label();
        assert_eq!(
            Config::default().backend_label(),
            "Demo project: nothing is sent to Atlas"
        );
        assert_eq!(http("http://127.0.0.1:8090"), "Atlas at 127.0.0.1:8090");
        assert_eq!(
            http("https://Proxy.example.com/atlas"),
            "Atlas at proxy.example.com"
        );
        assert_eq!(http(""), "Atlas through this portal");
        assert_eq!(http("/api/proxy"), "Atlas through this portal");
    }

    #[test]
    fn mount_console_refuses_odd_timeouts_a_principal_over_http_and_foreign_origins() {
        let config = |json: &str| EmbedOptions::parse(json).and_then(|o| o.config(PAGE));
        for t in [0, 999, 120_001] {
            let err = config(&format!(r#"{{"timeoutMs":{t}}}"#)).unwrap_err();
            assert!(err.contains("between 1000 and 120000"), "{err}");
        }
        for t in [1_000, 120_000] {
            assert!(config(&format!(r#"{{"timeoutMs":{t}}}"#)).is_ok(), "{t}");
        }
        let err =
            config(r#"{"backend":"","projectId":"p","principal":"rory.readonly@example.com"}"#)
                .unwrap_err();
        assert!(
            err.contains("principal is for the embedded demo only"),
            "{err}"
        );
        let err = config(r#"{"backend":"https://elsewhere.example","projectId":"p"}"#).unwrap_err();
        assert!(err.contains("another origin"), "{err}");
        let ok = config(
            r#"{"backend":"https://proxy.example/v2","projectId":"p","allowedOrigins":["https://proxy.example"]}"#,
        );
        assert!(ok.is_ok(), "{ok:?}");
        let err =
            config(r#"{"backend":"","projectId":"p","allowedOrigins":["https://x.example/path"]}"#)
                .unwrap_err();
        assert!(err.contains("allowedOrigins"), "{err}");
    }

    /// index.html carries the policy README "Content-Security-Policy" gives (the smoke test serves it as a
    /// header too), so any static host applies it; connect-src adds only loopback, for the emulator.
    #[test]
    fn index_html_carries_the_strict_content_security_policy() {
        let html = include_str!("../index.html");
        let meta = html
            .split("<meta")
            .find(|m| m.contains(r#"http-equiv="Content-Security-Policy""#))
            .expect("index.html has a Content-Security-Policy meta tag");
        let policy = meta
            .split(r#"content=""#)
            .nth(1)
            .and_then(|c| c.split('"').next())
            .unwrap();
        let directive = |name: &str| {
            policy
                .split(';')
                .map(str::trim)
                .find_map(|d| d.strip_prefix(name).map(str::trim))
                .unwrap_or_else(|| panic!("{name} in {policy}"))
        };
        assert_eq!(directive("default-src"), "'self'");
        assert_eq!(directive("script-src"), "'self' 'wasm-unsafe-eval'");
        assert_eq!(directive("style-src"), "'self'");
        assert_eq!(
            directive("connect-src"),
            "'self' http://127.0.0.1:* http://localhost:*"
        );
        assert!(
            !html.contains("<script"),
            "no inline script: Trunk writes boot.js's tag"
        );
    }
}
