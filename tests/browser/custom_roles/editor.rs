//! The role editor: a valid role created, listed, stored and previewed; name errors next to the field;
//! the name read-only on edit; a refusal keeps every input; Cancel asks first; the Activity Feed records
//! each change.
use super::*;

#[wasm_bindgen_test]
async fn create_a_valid_role_and_see_it_listed_stored_and_previewed() {
    let key = fresh_key();
    let _app = mount_with(NEW, &key);
    fill_find_role("orders_auditor", "sales", "orders").await;
    let picker = pickers().remove(0);
    choose(&picker, "insert").await;
    open_preview().await;
    wait_until("preview is live", || {
        text_of("#preview-json").contains("INSERT")
    })
    .await;
    let preview: CustomDbRole = serde_json::from_str(&text_of("#preview-json")).unwrap();
    assert!(text_of("#preview-cli").starts_with("atlas customDbRoles create orders_auditor"));
    assert!(text_of("#preview-cli").contains("FIND@sales.orders,INSERT@sales.orders"));
    submit_role();
    wait_until("back on the list", || {
        pathname() == LIST && query(".roles-table").is_some()
    })
    .await;
    wait_until("the new role is listed", || {
        row_names().contains(&"orders_auditor".to_string())
    })
    .await;
    let stored = stored_role(&key, "orders_auditor");
    assert_eq!(
        stored, preview,
        "the preview is exactly what the backend received"
    );
    // The demo's catalog-dev and prototype (listed by /flexClusters only) are Flex clusters: Atlas
    // applies custom-role changes there up to 30 s later.
    wait_until("the propagation note", || {
        text_of("#role-propagation-note").starts_with("orders_auditor saved. Changes to custom roles might take up to 30 seconds to deploy in Free clusters and Flex clusters (catalog-dev, prototype).")
    })
    .await;
}

#[wasm_bindgen_test]
async fn each_kind_of_name_error_shows_next_to_the_field() {
    let _app = mount_app_at(NEW);
    let name = editor_ready().await;
    let cases = [
        ("bad name!", "letters"),
        ("read", "built-in"),
        ("atlasAdmin", "built-in"),
        ("xgen-tools", "xgen-"),
        ("orders_reader", "already exists"),
    ];
    for (value, expect) in cases {
        type_into(&name, value);
        blur(&name);
        wait_until(&format!("{value} is flagged"), || {
            name.get_attribute("aria-invalid").as_deref() == Some("true")
        })
        .await;
        let msg = messages_of(&name);
        assert!(
            msg.to_lowercase().contains(&expect.to_lowercase()),
            "{value}: {msg}"
        );
    }
    type_into(&name, "fine_name");
    wait_until("a good name clears the error", || {
        name.get_attribute("aria-invalid").is_none()
    })
    .await;
}

#[wasm_bindgen_test]
async fn edit_keeps_the_name_read_only_and_persists_changes() {
    let key = fresh_key();
    let app = mount_with(LIST, &key);
    list_ready().await;
    by_name("a", "Edit orders_reader").unwrap().click();
    let name = editor_ready().await;
    assert_eq!(pathname(), routes::edit_role("orders_reader"));
    assert_eq!(name.value(), "orders_reader");
    assert!(name.read_only());
    assert!(
        by_name("button", "Remove find").is_some(),
        "existing actions are chips"
    );
    let picker = pickers().remove(0);
    open(&picker).await;
    // In a row of its own, custom roles would be open; the role itself never is.
    let rows = pickers().len();
    by_name("button", "Add an action or role").unwrap().click();
    wait_until("a new row", || pickers().len() == rows + 1).await;
    let added = pickers().remove(rows);
    open(&added).await;
    assert!(
        option_disabled(&added, "orders_reader"),
        "a role can't inherit itself"
    );
    assert!(!option_disabled(&added, "reporting"));
    by_name("button", &format!("Remove action or role {}", rows + 1))
        .unwrap()
        .click();
    wait_until("the new row is gone", || pickers().len() == rows).await;
    choose(&picker, "insert").await;
    submit_role();
    find("button", "Save changes").await.click();
    wait_until("back on the list", || pathname() == LIST).await;
    let stored = stored_role(&key, "orders_reader");
    assert!(stored.actions.iter().any(|a| a.action == "INSERT"));
    drop(app);
    // Data survives a reload (a new mount reading the same storage).
    let _app = mount_with(LIST, &key);
    list_ready().await;
    wait_until("the change is shown after reload", || {
        text_of(".roles-table").contains("insert on sales.orders")
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_backend_refusal_keeps_every_input() {
    let key = fresh_key();
    let _app = mount_with(NEW, &key);
    fill_find_role("late_duplicate", "sales", "orders").await;
    // Another tab creates the same role meanwhile: the client's check passes, the backend refuses.
    let other =
        dbaccess::backend::local::LocalBackend::open(&key, domain::demo::DemoKind::Standard);
    open_preview().await;
    let role: CustomDbRole = serde_json::from_str(&text_of("#preview-json")).unwrap();
    use dbaccess::backend::OnDemand;
    other.create_custom_role(role).await.unwrap();
    submit_role();
    let name = input_labelled("Custom Role Name").unwrap();
    wait_until("the refusal shows next to the name", || {
        messages_of(&name).contains("already exists")
    })
    .await;
    assert_eq!(pathname(), NEW);
    assert_eq!(name.value(), "late_duplicate");
    assert_eq!(input_labelled("Database").unwrap().value(), "sales");
    assert_eq!(input_labelled("Collection").unwrap().value(), "orders");
    assert!(by_name("button", "Remove find").is_some());
}

#[wasm_bindgen_test]
async fn cancel_with_unsaved_changes_asks_first() {
    let _app = mount_app_at(NEW);
    let name = editor_ready().await;
    type_into(&name, "half_done");
    effects_run().await;
    by_name("a", "Cancel").unwrap().click();
    asked_to_discard().await;
    keep_editing();
    wait_until("still editing", || query("[role=alertdialog]").is_none()).await;
    assert_eq!(
        input_labelled("Custom Role Name").unwrap().value(),
        "half_done"
    );
    by_name("a", "Cancel").unwrap().click();
    find("button", "Discard changes").await.click();
    wait_until("left the editor", || pathname() == LIST).await;
}

#[wasm_bindgen_test]
async fn the_activity_feed_records_create_update_and_delete() {
    let key = fresh_key();
    let app = mount_with(NEW, &key);
    fill_find_role("feed_role", "sales", "orders").await;
    submit_role();
    wait_until("created", || {
        pathname() == LIST && row_names().contains(&"feed_role".to_string())
    })
    .await;
    by_name("a", "Edit feed_role").unwrap().click();
    editor_ready().await;
    choose(&pickers().remove(0), "insert").await;
    submit_role();
    find("button", "Save changes").await.click();
    wait_until("updated", || {
        pathname() == LIST && text_of(".roles-table").contains("insert on sales.orders")
    })
    .await;
    by_name("button", "Delete feed_role").unwrap().click();
    find("[role=alertdialog] button", "Delete").await.click();
    wait_until("deleted", || {
        !row_names().contains(&"feed_role".to_string())
    })
    .await;
    drop(app);
    let _app = mount_with(routes::ACTIVITY, &key);
    wait_until("the feed lists three events", || {
        query_all(".activity-table tbody tr:first-child").len() == 3
    })
    .await;
    let rows: Vec<String> = query_all(".activity-table tbody tr:first-child")
        .iter()
        .map(|r| r.text_content().unwrap())
        .collect();
    assert!(
        rows[0].contains("Custom role deleted") && rows[0].contains("feed_role"),
        "{rows:?}"
    );
    assert!(
        rows[1].contains("Custom role updated") && rows[1].contains("Added INSERT@sales.orders"),
        "{rows:?}"
    );
    assert!(
        rows[2].contains("Custom role created") && rows[2].contains("ada.admin@example.com"),
        "{rows:?}"
    );
}
