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
