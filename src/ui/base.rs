//! Where the console's routes live in the page's URL: `/` standalone, e.g. `/portal/db-access` when a
//! portal embeds it. Routes are written from `/` everywhere; links get the base added, and paths read
//! from the browser get it removed. The router adds it when navigating.
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Clone)]
struct RouteBase(Arc<str>);

/// `/portal/db-access/` and `portal/db-access` both mean `/portal/db-access`; `/` means none.
pub fn normalize(base: &str) -> String {
    let trimmed = base.trim().trim_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("/{trimmed}")
    }
}

pub fn provide(base: &str) {
    provide_context(RouteBase(normalize(base).into()));
}

/// This console's base path. DOM listeners run outside the reactive owner, where the context can't be
/// read: they capture this value when set up and resolve routes with `route_under`.
pub fn current() -> Arc<str> {
    use_context::<RouteBase>().map_or_else(|| Arc::from(""), |b| b.0)
}

/// The `href` of a console route (`/database-access/...`).
pub fn link(route: impl AsRef<str>) -> String {
    format!("{}{}", current(), route.as_ref())
}

/// The console route of a browser path, or `None` when the path is outside the console.
pub fn route_of(path: &str) -> Option<String> {
    route_under(&current(), path)
}

/// The console route of a browser path under `base` (see `current`), or `None` outside the console.
pub fn route_under(base: &str, path: &str) -> Option<String> {
    match path.strip_prefix(base) {
        Some("") => Some("/".to_string()),
        Some(rest) if rest.starts_with('/') || rest.starts_with('?') || rest.starts_with('#') => {
            Some(rest.to_string())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bases_normalize_and_paths_outside_the_console_are_not_routes() {
        assert_eq!(normalize("/portal/db-access/"), "/portal/db-access");
        assert_eq!(normalize("portal"), "/portal");
        assert_eq!(normalize("/"), "");
        let b = "/portal/db-access";
        assert_eq!(
            route_under(b, "/portal/db-access/database-access/users").as_deref(),
            Some("/database-access/users")
        );
        assert_eq!(route_under(b, "/portal/db-access").as_deref(), Some("/"));
        assert_eq!(route_under(b, "/portal/db-accessories"), None);
        assert_eq!(route_under(b, "/elsewhere"), None);
        assert_eq!(route_under("", "/x").as_deref(), Some("/x"));
    }
}
