//! Long work shows progress and can be stopped: bulk assignment and import send one request at a time,
//! say "Sending N of M", and Stop sends nothing after the request that is out (issue 22). Over HTTP, so a
//! request can be held by the emulator while Stop is clicked.
use crate::role_transfer::{paste_into, textarea_labelled};
use crate::support::*;
use dbaccess::config::Config;
use wasm_bindgen_test::*;

fn status(dialog: &str) -> String {
    text_of(&format!("#{dialog} [role=status]"))
}

/// The console's timeout: longer than any test holds a request, which it answers only once released.
const HELD: u32 = 600_000;

#[wasm_bindgen_test]
async fn stopping_a_bulk_change_sends_nothing_after_the_request_that_is_out() {
    emu_reset().await;
    // The first user's update is held until Stop has been clicked.
    emu_arm("hold", "PATCH", "/databaseUsers/", 1).await;
    let _app = mount_config(
        "/database-access/users",
        Config::http(emu_url(), EMU_PROJECT, HELD),
    );
    for name in ["analyst", "bi-reader", "monitoring"] {
        find("input", &format!("Select {name}")).await.click();
    }
    find("button", "Add or remove a custom role").await.click();
    wait_until("the dialog opens", || by_id("bulk-assign").is_some()).await;
    select(
        &input_labelled("Custom role").unwrap().id(),
        "orders_reader",
    );
    find("button", "Apply to 3 users").await.click();
    wait_until("progress shows", || {
        status("bulk-assign") == "Sending 1 of 3 users…"
    })
    .await;
    assert!(query("#bulk-assign progress").is_some(), "a progress bar");
    wait_until_async("the first update is out (held)", async || {
        emu_sent("PATCH", "/databaseUsers/").await == 1
    })
    .await;
    find("button", "Stop").await.click();
    emu_release().await;
    wait_until("stopped", || status("bulk-assign").starts_with("Stopped")).await;
    assert_eq!(
        status("bulk-assign"),
        "Stopped: 1 updated, 0 failed, 2 not sent."
    );
    assert_eq!(
        emu_sent("PATCH", "/databaseUsers/").await,
        1,
        "nothing sent after Stop"
    );
    assert!(
        query("#bulk-assign progress").is_none(),
        "the bar goes once stopped"
    );
}

#[wasm_bindgen_test]
async fn stopping_an_import_creates_only_the_roles_already_sent() {
    emu_reset().await;
    emu_arm("hold", "POST", "/customDBRoles/roles", 1).await;
    let _app = mount_config(
        "/database-access/custom-roles",
        Config::http(emu_url(), EMU_PROJECT, HELD),
    );
    find("button", "Import").await.click();
    wait_until("the dialog opens", || by_id("import-dialog").is_some()).await;
    let roles: Vec<serde_json::Value> = (1..=3)
        .map(|i| serde_json::json!({"roleName": format!("batch_{i}"), "actions": [{"action": "FIND", "resources": [{"db": "x", "collection": ""}]}]}))
        .collect();
    paste_into(
        &textarea_labelled("Admin API JSON").unwrap(),
        &serde_json::Value::Array(roles).to_string(),
    );
    find("button", "Check").await.click();
    find("button", "Create 3 roles").await.click();
    wait_until("progress shows", || {
        status("import-dialog") == "Sending 1 of 3 roles…"
    })
    .await;
    wait_until_async("the first create is out (held)", async || {
        emu_sent("POST", "/customDBRoles/roles").await == 1
    })
    .await;
    find("button", "Stop").await.click();
    emu_release().await;
    wait_until("stopped", || status("import-dialog").starts_with("Stopped")).await;
    assert_eq!(
        status("import-dialog"),
        "Stopped: 1 of 3 roles created, 2 not sent."
    );
    assert_eq!(
        emu_sent("POST", "/customDBRoles/roles").await,
        1,
        "nothing sent after Stop"
    );
}
