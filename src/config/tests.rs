//! How the console is configured: from the page URL and from mountConsole, and index.html's policy.
use super::*;
use wasm_bindgen_test::wasm_bindgen_test;

const PAGE: &str = "http://127.0.0.1:8080";

#[wasm_bindgen_test]
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

/// Issue 30: the demo's projects open by id (the project switcher's links), each with its own storage,
/// and the id is carried on every link; an id that is no demo project's opens the standard one.
#[wasm_bindgen_test]
fn a_demo_project_opens_by_its_id() {
    let prod = Config::from_query(&format!("?project={}", domain::demo::PROD_ID), PAGE);
    assert_eq!(prod.demo, DemoKind::Prod);
    assert_eq!(prod.backend, BackendConfig::Embedded);
    assert_eq!(
        prod.url_backend,
        format!("project={}", domain::demo::PROD_ID)
    );
    assert_eq!(prod.storage_key, "dbaccess.demo.prod");
    assert_eq!(
        crate::backend::local::sibling_key("test-1.prod", DemoKind::Staging),
        "test-1.staging"
    );
    assert_eq!(Config::from_query("?project=nope", PAGE), Config::default());
    // With an API base, the id is the Atlas project's.
    let api = Config::from_query(
        &format!(
            "?api=http%3A%2F%2F127.0.0.1%3A1&project={}",
            domain::demo::PROD_ID
        ),
        PAGE,
    );
    assert!(matches!(api.backend, BackendConfig::Http { .. }));
}

#[wasm_bindgen_test]
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

#[wasm_bindgen_test]
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

#[wasm_bindgen_test]
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

#[wasm_bindgen_test]
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

#[wasm_bindgen_test]
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

#[wasm_bindgen_test]
fn mount_console_refuses_odd_timeouts_a_principal_over_http_and_foreign_origins() {
    let config = |json: &str| EmbedOptions::parse(json).and_then(|o| o.config(PAGE));
    for t in [0, 999, 120_001] {
        let err = config(&format!(r#"{{"timeoutMs":{t}}}"#)).unwrap_err();
        assert!(err.contains("between 1000 and 120000"), "{err}");
    }
    for t in [1_000, 120_000] {
        assert!(config(&format!(r#"{{"timeoutMs":{t}}}"#)).is_ok(), "{t}");
    }
    let err = config(r#"{"backend":"","projectId":"p","principal":"rory.readonly@example.com"}"#)
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
#[wasm_bindgen_test]
fn index_html_carries_the_strict_content_security_policy() {
    let html = include_str!("../../index.html");
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
    // No inline script: the one script is boot.js, a file (its tag names the build's folder).
    for script in html.split("<script").skip(1) {
        let (tag, rest) = script.split_once('>').unwrap_or_default();
        assert!(
            tag.contains(r#"src="/boot.js""#),
            "a script that is not boot.js: {tag}"
        );
        assert!(rest.starts_with("</script>"), "an inline script: {rest}");
    }
}
