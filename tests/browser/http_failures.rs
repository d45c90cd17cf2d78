//! Browser tests of the HTTP mode's edges against the emulator (started by `scripts/test browser`, which
//! passes its address in `DBACCESS_EMULATOR`): which backend a link may open and that it stays open
//! across navigation, and what the console does when a proxy in front of Atlas fails in each way.

use crate::support::*;
use dbaccess::config::Config;
use dbaccess::ui::shell::routes;
use wasm_bindgen_test::*;

fn page_origin() -> String {
    web_sys::window().unwrap().location().origin().unwrap()
}

/// The console as the standalone page starts it from `url`'s query.
fn open_link(url: &str) -> Mounted {
    let search = url.split_once('?').map_or("", |(_, q)| q);
    mount_config(
        url,
        Config::from_query(&format!("?{search}"), &page_origin()),
    )
}

fn api_query() -> String {
    format!(
        "api={}&project={EMU_PROJECT}",
        js_sys::encode_uri_component(emu_url())
    )
}

#[wasm_bindgen_test]
async fn the_backend_from_the_link_stays_in_the_address_and_on_every_link() {
    emu_reset().await;
    let q = api_query();
    let _app = open_link(&format!("/?{q}"));
    list_ready().await;
    let host = emu_url().trim_start_matches("http://");
    assert_eq!(text_of(".header-backend"), format!("Atlas at {host}"));
    // The redirect from / to the custom roles kept it; a reload here opens the same backend.
    wait_until("the redirect kept the backend", || {
        pathname() == routes::CUSTOM_ROLES && search().contains(&q)
    })
    .await;
    find("a", "Database Users").await.click();
    wait_until("on the users tab, backend kept", || {
        pathname() == routes::DATABASE_USERS && search().contains(&q)
    })
    .await;
    // A new tab from any link (no script runs there) opens the same backend too.
    let header_links = query_all(".header-nav a");
    assert!(!header_links.is_empty());
    for a in header_links {
        let href = a.get_attribute("href").unwrap();
        assert!(href.contains(&q), "{href}");
    }
    find("a", "Least privilege").await.click();
    wait_until("on another page, backend kept", || {
        pathname() == routes::LEAST_PRIVILEGE && search().contains(&q)
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_header_says_when_nothing_is_sent_to_atlas() {
    let _app = mount_app_at(routes::CUSTOM_ROLES);
    list_ready().await;
    assert_eq!(
        text_of(".header-backend"),
        "Demo project: nothing is sent to Atlas"
    );
}

#[wasm_bindgen_test]
async fn a_link_to_another_origin_or_a_data_url_opens_nothing_and_says_why() {
    for api in [
        "https%3A%2F%2Felsewhere.example",
        "data%3Aapplication%2Fjson%2C%7B%7D",
    ] {
        let app = open_link(&format!("{}?api={api}&project=p", routes::CUSTOM_ROLES));
        wait_until("the refusal is shown", || {
            text_of("h1") == "This link can't be opened"
        })
        .await;
        let why = text_of("[role=alert]");
        assert!(why.contains("Nothing was loaded"), "{why}");
        assert!(query(".roles-table").is_none(), "no project is shown");
        drop(app);
    }
}

/// Sends the list request the console sends, held `ms` by the emulator; returns once answered.
async fn slow_list(ms: u32) {
    let url = format!(
        "{}/api/atlas/v2/groups/{EMU_PROJECT}/customDBRoles/roles",
        emu_url()
    );
    let res = gloo_net::http::Request::get(&url)
        .header("Accept", "application/vnd.atlas.2023-01-01+json")
        .header("X-Emulator-Fault", &format!("delay:{ms}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
}

#[wasm_bindgen_test]
async fn a_slow_answer_from_an_older_load_never_replaces_a_newer_one() {
    const SLOW_MS: u32 = 4_000;
    emu_reset().await;
    // The first load's custom roles are slow; the list read after the create below is not.
    emu_arm(
        &format!("delay:{SLOW_MS}"),
        "GET",
        "/customDBRoles/roles",
        1,
    )
    .await;
    let _app = mount_config(
        routes::NEW_ROLE,
        Config::http(emu_url(), EMU_PROJECT, 10_000),
    );
    fill_find_role("fresh_role", "sales", "orders").await;
    // The first load reads the project first: submit once its list request is held.
    let list = "/customDBRoles/roles 200";
    wait_until_async("the first load asked for the list", async || {
        emu_requests().await.iter().any(|l| l.ends_with(list))
    })
    .await;
    submit_role();
    wait_until("the newer load lists the new role", || {
        row_names().contains(&"fresh_role".to_string())
    })
    .await;
    // Ordered, not timed: a request held as long as the first load's, sent after it, ends after it.
    slow_list(SLOW_MS).await;
    reads_done().await;
    let log = emu_requests().await;
    assert!(
        log.iter()
            .filter(|l| l.starts_with("GET") && l.ends_with("/customDBRoles/roles 200"))
            .count()
            >= 3,
        "the first load's slow list, the newer one and ours were answered: {log:?}"
    );
    assert!(
        row_names().contains(&"fresh_role".to_string()),
        "the older answer (without the role) replaced the newer one: {:?}",
        row_names()
    );
}

// ---------- what a proxy in front of Atlas can do ----------

const NEW: &str = routes::NEW_ROLE;
const LIST: &str = routes::CUSTOM_ROLES;

/// The new-role editor over HTTP, filled with `name` (FIND on sales.orders) and submitted.
async fn submit_new_role(name: &str) -> Mounted {
    let app = mount_config(NEW, Config::http(emu_url(), EMU_PROJECT, 5_000));
    fill_find_role(name, "sales", "orders").await;
    submit_role();
    app
}

/// The failure says `expect`, offers Try again and keeps the input; Try again then creates `name`.
async fn fails_then_try_again_creates(name: &str, expect: &str) {
    wait_until("the failure is reported", || {
        text_of("[role=alert]").contains(expect)
    })
    .await;
    assert_eq!(pathname(), NEW, "still in the editor");
    assert_eq!(input_labelled("Custom Role Name").unwrap().value(), name);
    find("[role=alert] button", "Try again").await.click();
    wait_until("created on Try again", || {
        pathname() == LIST && row_names().contains(&name.to_string())
    })
    .await;
}

fn role_posts(log: &[String]) -> Vec<&String> {
    log.iter()
        .filter(|l| l.starts_with("POST") && l.contains("/customDBRoles/roles"))
        .collect()
}

#[wasm_bindgen_test]
async fn a_429_on_every_retry_shows_the_last_error_and_try_again() {
    emu_reset().await;
    // The first send and each of the 3 retries.
    emu_arm("429:1", "POST", "/customDBRoles/roles", 4).await;
    let _app = submit_new_role("limited_role").await;
    wait_until("the rate limit is reported", || {
        text_of("[role=alert]").contains("Too many requests")
    })
    .await;
    let posts: Vec<String> = role_posts(&emu_requests().await)
        .into_iter()
        .cloned()
        .collect();
    assert_eq!(posts.len(), 4, "sent, then retried 3 times: {posts:?}");
    assert!(posts.iter().all(|p| p.ends_with(" 429")), "{posts:?}");
    fails_then_try_again_creates("limited_role", "Too many requests").await;
}

#[wasm_bindgen_test]
async fn a_retry_after_of_an_hour_is_capped() {
    emu_reset().await;
    emu_arm("429:3600", "POST", "/customDBRoles/roles", 1).await;
    let _app = submit_new_role("patient_role").await;
    // Capped at 10 s: an hour's wait would leave the editor open past the wait's deadline (PATIENCE_MS, two
    // minutes: this tells a capped wait from an hour's, not 10 s from 60 s).
    wait_until("created after the capped wait", || {
        pathname() == LIST && row_names().contains(&"patient_role".to_string())
    })
    .await;
    let log = emu_requests().await;
    let posts = role_posts(&log);
    assert!(
        posts.len() == 2 && posts[0].ends_with(" 429") && posts[1].ends_with(" 202"),
        "{posts:?}"
    );
}

#[wasm_bindgen_test]
async fn a_dropped_connection_keeps_the_input_and_try_again_sends_it() {
    emu_reset().await;
    emu_arm("drop", "POST", "/customDBRoles/roles", 1).await;
    let _app = submit_new_role("dropped_role").await;
    fails_then_try_again_creates("dropped_role", "Try again").await;
}

/// A list answer the proxy broke: the list says it could not be loaded, and Try again loads it.
async fn a_broken_list_answer_is_reported_and_try_again_loads(fault: &str, expect: &str) {
    emu_reset().await;
    emu_arm(fault, "GET", "/customDBRoles/roles", 1).await;
    let _app = mount_config(LIST, Config::http(emu_url(), EMU_PROJECT, 5_000));
    wait_until("the failure is reported", || {
        let t = page_text();
        t.contains("could not be loaded") && t.contains(expect)
    })
    .await;
    assert!(
        query(".roles-table").is_none(),
        "nothing made up from a broken answer"
    );
    find("button", "Try again").await.click();
    wait_until("the list loads", || {
        row_names().contains(&"orders_reader".to_string())
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_garbled_2xx_is_reported_not_read() {
    a_broken_list_answer_is_reported_and_try_again_loads("garbled", "could not be read").await;
}

#[wasm_bindgen_test]
async fn an_html_5xx_page_from_the_proxy_is_reported() {
    a_broken_list_answer_is_reported_and_try_again_loads("html", "502").await;
}

#[wasm_bindgen_test]
async fn a_create_that_timed_out_but_landed_is_recognised_on_try_again() {
    emu_reset().await;
    // Answered after the console's 5 s timeout, but applied at once: the role lands.
    emu_arm("delay:7000", "POST", "/customDBRoles/roles", 1).await;
    let _app = mount_config(NEW, Config::http(emu_url(), EMU_PROJECT, 5_000));
    // Loaded before the create, as when a user fills a form: the editor doesn't know the role yet.
    wait_until("the first load has ended", || {
        by_name("a", "Custom Roles").is_some() && page_text().contains("Atlas at")
    })
    .await;
    wait_until_async("the first load read the database users", async || {
        emu_requests()
            .await
            .iter()
            .any(|l| l.contains("/databaseUsers") && l.ends_with(" 200"))
    })
    .await;
    reads_done().await;
    fill_find_role("landed_role", "sales", "orders").await;
    submit_role();
    wait_until("the timeout is reported", || {
        text_of("[role=alert]").contains("may or may not have been made")
    })
    .await;
    find("[role=alert] button", "Try again").await.click();
    // Try again meets 409 for the same role and takes it as its own write: done, no conflict shown.
    wait_until("done on Try again", || {
        pathname() == LIST && row_names().contains(&"landed_role".to_string())
    })
    .await;
    let log = emu_requests().await;
    let posts = role_posts(&log);
    assert!(
        posts.last().is_some_and(|p| p.ends_with(" 409")),
        "{posts:?}"
    );
}

#[wasm_bindgen_test]
async fn a_create_meeting_a_different_role_of_that_name_is_still_a_conflict() {
    emu_reset().await;
    // Someone else's role of that name, granting something else.
    let other = serde_json::json!({"roleName": "taken_role", "actions": [{"action": "INSERT", "resources": [{"db": "hr", "collection": ""}]}]});
    let res = gloo_net::http::Request::post(&format!(
        "{}/api/atlas/v2/groups/{EMU_PROJECT}/customDBRoles/roles",
        emu_url()
    ))
    .header("Accept", "application/vnd.atlas.2023-01-01+json")
    .header("Content-Type", "application/vnd.atlas.2023-01-01+json")
    .body(other.to_string())
    .unwrap()
    .send()
    .await
    .unwrap();
    assert_eq!(res.status(), 202);
    // Through the backend the console uses (the editor would already refuse the known name).
    use dbaccess::backend::OnDemand;
    let http = dbaccess::backend::http::HttpBackend::new(emu_url(), EMU_PROJECT, 5_000, None);
    let err = http
        .create_custom_role(find_role("taken_role", "sales"))
        .await
        .unwrap_err();
    assert_eq!(err.error_code, "ATLAS_CUSTOM_ROLE_NAME_ALREADY_EXISTS");
    // The same grants as the existing role: that is this write, done.
    let same: domain::model::CustomDbRole = serde_json::from_value(other).unwrap();
    assert_eq!(
        http.create_custom_role(same).await.unwrap().role_name,
        "taken_role"
    );
}

#[wasm_bindgen_test]
async fn database_users_past_the_first_page_of_500_are_listed() {
    emu_reset().await;
    let total = emu_control("POST", "database-users", r#"{"count": 1100}"#).await["databaseUsers"]
        .as_u64()
        .unwrap();
    assert!(total > 1_000, "more than two pages of 500: {total}");
    let _app = mount_config(
        routes::DATABASE_USERS,
        Config::http(emu_url(), EMU_PROJECT, 10_000),
    );
    wait_until("the users are listed", || query(".users-table").is_some()).await;
    let search = input_labelled("Search database users").unwrap();
    type_into(&search, "gen-user-1100");
    wait_until("the last user, from page 3, is found", || {
        text_of(".users-table").contains("gen-user-1100")
    })
    .await;
    let pages: Vec<String> = emu_requests()
        .await
        .into_iter()
        .filter(|l| l.starts_with("GET") && l.contains("/databaseUsers"))
        .collect();
    assert!(pages.len() >= 3, "read page by page: {pages:?}");
}

#[wasm_bindgen_test]
async fn a_create_still_propagating_when_the_read_back_retries_run_out_is_done() {
    emu_reset().await;
    // Unreadable by name for a minute: longer than the console's read-back retries (about 5 s).
    emu_control("POST", "propagation", r#"{"ms": 60000}"#).await;
    let _app = submit_new_role("slow_to_appear").await;
    wait_until("back on the list with the role", || {
        pathname() == LIST && row_names().contains(&"slow_to_appear".to_string())
    })
    .await;
    let log = emu_requests().await;
    let reads = log
        .iter()
        .filter(|l| l.contains("roles/slow_to_appear 404"))
        .count();
    assert!(reads >= 2, "read back until the retries ran out: {log:?}");
    emu_control("POST", "propagation", r#"{"ms": 0}"#).await;
}
