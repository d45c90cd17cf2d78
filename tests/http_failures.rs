//! Browser tests of the HTTP mode's edges against the emulator (started by `scripts/test browser`, which
//! passes its address in `DBACCESS_EMULATOR`): which backend a link may open and that it stays open
//! across navigation, and what the console does when a proxy in front of Atlas fails in each way.
#![cfg(target_arch = "wasm32")]
mod support;

use dbaccess::config::Config;
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

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
        pathname() == "/database-access/custom-roles" && search().contains(&q)
    })
    .await;
    find("a", "Database Users").await.click();
    wait_until("on the users tab, backend kept", || {
        pathname() == "/database-access/users" && search().contains(&q)
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
        pathname() == "/least-privilege" && search().contains(&q)
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_header_says_when_nothing_is_sent_to_atlas() {
    let _app = mount_app_at("/database-access/custom-roles");
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
        let app = open_link(&format!(
            "/database-access/custom-roles?api={api}&project=p"
        ));
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
        "/database-access/custom-roles/new",
        Config::http(emu_url(), EMU_PROJECT, 10_000),
    );
    fill_find_role("fresh_role", "sales", "orders").await;
    // The first load reads the project first: submit once its list request is held.
    let list = "/customDBRoles/roles 200";
    for _ in 0..100 {
        if emu_requests().await.iter().any(|l| l.ends_with(list)) {
            break;
        }
        sleep(50).await;
    }
    assert!(
        emu_requests().await.iter().any(|l| l.ends_with(list)),
        "the first load asked for the list"
    );
    submit_role();
    wait_until_for("the newer load lists the new role", 10_000, || {
        row_names().contains(&"fresh_role".to_string())
    })
    .await;
    // Ordered, not timed: a request held as long as the first load's, sent after it, ends after it.
    slow_list(SLOW_MS).await;
    sleep(200).await;
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
