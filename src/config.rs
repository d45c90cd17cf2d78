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
}

impl Config {
    pub fn embedded(demo: DemoKind) -> Self {
        Config {
            demo,
            storage_key: crate::backend::local::default_key(demo),
            backend: BackendConfig::Embedded,
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
