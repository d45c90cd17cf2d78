//! How the console is started: which backend and demo project. The standalone page reads it from the URL
//! (`?demo=large`); tests and hosts build it in code.
use domain::demo::DemoKind;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    pub demo: DemoKind,
    /// Where the embedded backend keeps its project in `localStorage`.
    pub storage_key: String,
}

impl Config {
    pub fn embedded(demo: DemoKind) -> Self {
        Config {
            demo,
            storage_key: crate::backend::local::default_key(demo),
        }
    }

    /// From a query string such as `?demo=large`; anything unknown means the standard demo.
    pub fn from_query(search: &str) -> Self {
        let demo = search
            .trim_start_matches('?')
            .split('&')
            .filter_map(|kv| kv.strip_prefix("demo="))
            .find_map(DemoKind::parse)
            .unwrap_or_default();
        Config::embedded(demo)
    }
}

impl Default for Config {
    fn default() -> Self {
        Config::embedded(DemoKind::Standard)
    }
}
