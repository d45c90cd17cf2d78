//! Where the console's routes live in the page's URL: `/` standalone, e.g. `/portal/db-access` when a
//! portal embeds it. Routes are written from `/` everywhere; links get the base added, and paths read
//! from the browser get it removed. The router adds it when navigating.
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Clone)]
struct RouteBase(Arc<str>);

/// The query naming the backend when the page URL chose it (`Config::url_backend`), kept on every link.
#[derive(Clone)]
struct Carried(Arc<str>);

pub fn provide_carried(query: &str) {
    provide_context(Carried(query.into()));
}

/// This console's carried query (see `Carried`); `""` when there is none.
pub fn use_carried() -> Arc<str> {
    use_context::<Carried>().map_or_else(|| Arc::from(""), |c| c.0)
}

/// `href` with `carried` in its query (before any `#fragment`), unless it is there already.
pub fn with_carried(href: &str, carried: &str) -> String {
    let (rest, fragment) = href
        .split_once('#')
        .map_or((href, None), |(r, f)| (r, Some(f)));
    let query = rest.split_once('?').map_or("", |(_, q)| q);
    if carried.is_empty()
        || query
            .split('&')
            .any(|kv| carried.split('&').any(|c| c == kv))
    {
        return href.to_string();
    }
    let sep = if rest.contains('?') { '&' } else { '?' };
    let fragment = fragment.map(|f| format!("#{f}")).unwrap_or_default();
    format!("{rest}{sep}{carried}{fragment}")
}

/// The same page on another project: `href` (path, query and fragment as the browser has them) with
/// `project=` naming `project`, and the rest of the backend query `carried` names kept. The page opens
/// anew there (the backend is built once, for one project).
pub fn on_project(href: &str, carried: &str, project: &str) -> String {
    let href = with_carried(href, carried);
    let (rest, fragment) = href
        .split_once('#')
        .map_or((href.as_str(), ""), |(r, _)| (r, &href[r.len()..]));
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let mut pairs: Vec<String> = query
        .split('&')
        .filter(|kv| !kv.is_empty() && !kv.starts_with("project="))
        .map(str::to_string)
        .collect();
    pairs.push(format!("project={}", domain::api::encode(project)));
    format!("{path}?{}{fragment}", pairs.join("&"))
}

/// `/portal/db-access/` and `portal/db-access` both mean `/portal/db-access`; `/` means none.
pub fn normalize(base: &str) -> String {
    let trimmed = base.trim().trim_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("/{trimmed}")
    }
}

pub fn provide_base_path(base: &str) {
    provide_context(RouteBase(normalize(base).into()));
}

/// This console's base path. DOM listeners run outside the reactive owner, where the context can't be
/// read: they capture this value when set up and resolve routes with `route_under`.
pub fn use_base_path() -> Arc<str> {
    use_context::<RouteBase>().map_or_else(|| Arc::from(""), |b| b.0)
}

/// The `href` of a console route (`/database-access/...`).
pub fn link(route: impl AsRef<str>) -> String {
    with_carried(
        &format!("{}{}", use_base_path(), route.as_ref()),
        &use_carried(),
    )
}

/// The console route of a browser path, or `None` when the path is outside the console.
pub fn route_of(path: &str) -> Option<String> {
    route_under(&use_base_path(), path)
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
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
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

    #[wasm_bindgen_test]
    fn another_project_keeps_the_page_the_api_and_the_rest_of_the_query() {
        let c = "api=%2Fp&project=aaa";
        assert_eq!(
            on_project("/database-access/users?api=%2Fp&project=aaa", c, "bbb"),
            "/database-access/users?api=%2Fp&project=bbb"
        );
        // The address may have lost the carried query (a redirect): it comes back, for the new project.
        assert_eq!(
            on_project("/who-can?action=FIND#top", c, "bbb"),
            "/who-can?action=FIND&api=%2Fp&project=bbb#top"
        );
        assert_eq!(
            on_project("/activity", "", "b b"),
            "/activity?project=b%20b"
        );
    }

    #[wasm_bindgen_test]
    fn the_backend_query_is_kept_on_links_once() {
        let c = "api=%2Fp&project=g";
        assert_eq!(with_carried("/who-can", c), "/who-can?api=%2Fp&project=g");
        assert_eq!(
            with_carried("/who-can?action=FIND#x", c),
            "/who-can?action=FIND&api=%2Fp&project=g#x"
        );
        assert_eq!(
            with_carried("/a?api=%2Fp&project=g", c),
            "/a?api=%2Fp&project=g"
        );
        assert_eq!(with_carried("/a", ""), "/a");
    }
}
