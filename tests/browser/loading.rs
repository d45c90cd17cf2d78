//! What a screen shows before its data is there: a skeleton with "Loading …" (busy), never a blank page,
//! then the data (issue 22). Over HTTP, so the emulator can hold the first read.
use crate::support::*;
use dbaccess::config::Config;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn a_slow_first_load_shows_a_skeleton_then_the_list() {
    emu_reset().await;
    emu_arm("delay:2000", "GET", "/customDBRoles/roles", 1).await;
    let _app = mount_config(
        "/database-access/custom-roles",
        Config::http(emu_url(), EMU_PROJECT, 10_000),
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
    wait_until("the list replaces it", || {
        query(".roles-table tbody tr").is_some()
    })
    .await;
    assert!(query(".skeleton").is_none(), "no skeleton once loaded");
}
