//! What a screen shows before its data is there: a skeleton with "Loading …" (busy), never a blank page,
//! then the data (issue 22). Over HTTP, so the emulator can hold the first read.
use crate::support::*;
use dbaccess::config::Config;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn a_slow_first_load_shows_a_skeleton_then_the_list() {
    emu_reset().await;
    // Held until the skeleton has been seen: however slow the machine, the list can't come first.
    emu_arm("hold", "GET", "/customDBRoles/roles", 1).await;
    let _app = mount_config(
        "/database-access/custom-roles",
        Config::http(emu_url(), EMU_PROJECT, 600_000),
    );
    wait_until("the skeleton shows", || {
        query(".skeleton[aria-busy=true] [role=status]")
            .is_some_and(|s| s.text_content().unwrap_or_default() == "Loading custom roles…")
    })
    .await;
    assert!(
        query_all(".skeleton .skeleton-row").len() >= 3,
        "placeholder rows where the table will be"
    );
    let main = query("main.main").unwrap();
    assert_eq!(
        main.get_attribute("aria-busy").as_deref(),
        Some("true"),
        "the page is busy while the project is read"
    );
    wait_until_async("the list read is out (held)", async || {
        emu_requests()
            .await
            .iter()
            .any(|l| l.starts_with("GET") && l.ends_with("/customDBRoles/roles 200"))
    })
    .await;
    emu_release().await;
    wait_until("the list replaces it", || {
        query(".roles-table tbody tr").is_some()
    })
    .await;
    assert!(query(".skeleton").is_none(), "no skeleton once loaded");
    reads_done().await;
    assert!(main.is_connected(), "the same page, no longer busy");
}
