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
}
