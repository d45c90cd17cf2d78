//! How the console is started: which backend and demo project. The standalone page reads it from the URL
//! (`?demo=large`, or `?api=<base URL>&project=<id>` for the Admin API); tests and hosts build it in code.
use domain::demo::DemoKind;

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
    /// CSS custom properties set on the host element, e.g. `{"--color-primary": "#0b5"}`.
    #[serde(default)]
    pub theme: std::collections::BTreeMap<String, String>,
}

impl EmbedOptions {
    pub fn parse(json: &str) -> Result<EmbedOptions, String> {
        let o: EmbedOptions = serde_json::from_str(json)
            .map_err(|e| format!("mountConsole: the configuration is not valid: {e}"))?;
        if let Some(bad) = o.theme.keys().find(|k| !k.starts_with("--")) {
            return Err(format!(
                "mountConsole: theme keys are CSS custom properties (\"--name\"), not {bad:?}"
            ));
        }
        Ok(o)
    }

    /// The console configuration these options describe.
    pub fn config(&self) -> Result<Config, String> {
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

    /// From a query string such as `?demo=large`; anything unknown means the standard demo.
    pub fn from_query(search: &str) -> Self {
        let param = |name: &str| {
            search
                .trim_start_matches('?')
                .split('&')
                .filter_map(|kv| kv.split_once('='))
                .find(|(k, _)| *k == name)
                .and_then(|(_, v)| domain::api::decode(v))
        };
        if let (Some(api), Some(project)) = (param("api"), param("project")) {
            return Config::http(&api, &project, DEFAULT_TIMEOUT_MS);
        }
        let demo = param("demo")
            .and_then(|d| DemoKind::parse(&d))
            .unwrap_or_default();
        Config::embedded(demo)
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

    #[test]
    fn the_demo_parameter_picks_the_project_and_its_own_storage() {
        let large = Config::from_query("?x=1&demo=large");
        assert_eq!(large.demo, DemoKind::Large);
        let standard = Config::from_query("");
        assert_eq!(standard, Config::default());
        assert_ne!(
            large.storage_key, standard.storage_key,
            "the large demo never overwrites the standard one"
        );
        assert_eq!(Config::from_query("?demo=huge").demo, DemoKind::Standard);
    }

    #[test]
    fn a_host_configures_backend_project_principal_base_and_theme() {
        let o = EmbedOptions::parse(
            r##"{"backend":"/api/proxy","projectId":"p1","basePath":"/portal/db-access/","theme":{"--accent":"#0b5"}}"##,
        )
        .unwrap();
        let c = o.config().unwrap();
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
            .config()
            .unwrap();
        let b = EmbedOptions::parse(r#"{"projectId":"b"}"#)
            .unwrap()
            .config()
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
            let err = EmbedOptions::parse(bad).unwrap().config().unwrap_err();
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
            Config::from_query("?api=http%3A%2F%2Fx").backend,
            BackendConfig::Embedded,
            "without a project id there is nothing to manage over HTTP"
        );
    }
}
