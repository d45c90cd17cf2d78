//! Browser tests of the Custom Roles tab on the embedded backend: list, editor, delete, storage, activity
//! feed (the editor's picker: tests/role_picker.rs). They act like a person: find controls by their labels
//! and names, click and type.

use crate::support::*;
use dbaccess::ui::shell::routes;
use domain::model::CustomDbRole;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

const LIST: &str = routes::CUSTOM_ROLES;
const NEW: &str = routes::NEW_ROLE;

#[wasm_bindgen_test]
async fn list_shows_the_demo_roles_with_count_search_and_row_buttons() {
    let _app = mount_app_at(LIST);
    list_ready().await;
    assert_eq!(row_names().len(), 8);
    assert_eq!(text_of("#role-count"), "8 of 100 custom roles");
    assert!(by_name("a", "Edit orders_reader").is_some());
    assert!(by_name("button", "Delete orders_reader").is_some());
    let search = input_labelled("Search custom roles").unwrap();
    type_into(&search, "orders");
    // By name, by collection, and by inheriting orders_reader.
    wait_until("the search filters", || {
        row_names() == ["orders_reader", "orders_writer", "reporting"]
    })
    .await;
    type_into(&search, "changeStream app");
    wait_until("action + database words filter", || {
        row_names() == ["app_backend"]
    })
    .await;
    type_into(&search, "zzz-nothing");
    wait_until("the no-match state shows", || {
        text_of(".empty-state").contains("No custom role matches")
    })
    .await;
    type_into(&search, "");
    wait_until("all rows are back", || row_names().len() == 8).await;
    query("th .sort").unwrap().click();
    wait_until("sorted descending", || {
        row_names().first().map(String::as_str) == Some("support_readonly")
    })
    .await;
}

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
    let stored = stored_roles(&key)
        .into_iter()
        .find(|r| r.role_name == "orders_auditor")
        .unwrap();
    assert_eq!(
        stored, preview,
        "the preview is exactly what the backend received"
    );
    // The demo's catalog-dev is a Flex cluster: Atlas applies custom-role changes there up to 30 s later.
    wait_until("the propagation note", || {
        text_of("#role-propagation-note").starts_with("orders_auditor saved. Changes to custom roles might take up to 30 seconds to deploy in Free clusters and Flex clusters (catalog-dev).")
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
    let stored = stored_roles(&key)
        .into_iter()
        .find(|r| r.role_name == "orders_reader")
        .unwrap();
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
async fn delete_is_blocked_while_a_user_would_have_no_role() {
    let key = fresh_key();
    let _app = mount_with(LIST, &key);
    list_ready().await;
    let delete = by_name("button", "Delete app_backend").unwrap();
    delete.focus().unwrap();
    delete.click();
    wait_until("the dialog opens", || query("[role=alertdialog]").is_some()).await;
    let dialog = query("[role=alertdialog]").unwrap();
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    assert!(text_of("[role=alertdialog] h2").contains("app_backend"));
    assert!(text_of(".blockers").contains("app-service"));
    let confirm = by_name("[role=alertdialog] button", "Delete").unwrap();
    assert!(confirm.has_attribute("disabled"));
    wait_until("focus is inside the dialog", || {
        dialog.contains(
            document()
                .active_element()
                .as_ref()
                .map(|e| e.unchecked_ref()),
        )
    })
    .await;
    press_key(&dialog, "Escape");
    wait_until("Escape closes it", || query("[role=alertdialog]").is_none()).await;
    wait_until("focus goes back to the Delete button", || {
        document()
            .active_element()
            .and_then(|e| e.get_attribute("aria-label"))
            .as_deref()
            == Some("Delete app_backend")
    })
    .await;
    assert!(stored_roles(&key)
        .iter()
        .any(|r| r.role_name == "app_backend"));
}

#[wasm_bindgen_test]
async fn delete_removes_a_role_whose_users_keep_other_roles() {
    let key = fresh_key();
    let _app = mount_with(LIST, &key);
    list_ready().await;
    by_name("button", "Delete index_tuner").unwrap().click();
    wait_until("the dialog opens", || query("[role=alertdialog]").is_some()).await;
    // catalog-writer holds it, so the name is typed to confirm.
    type_into(
        &input_labelled("Type index_tuner to confirm").unwrap(),
        "index_tuner",
    );
    sleep(30).await;
    by_name("[role=alertdialog] button", "Delete")
        .unwrap()
        .click();
    wait_until("the role is gone", || {
        query("[role=alertdialog]").is_none() && !row_names().contains(&"index_tuner".to_string())
    })
    .await;
    assert!(!stored_roles(&key)
        .iter()
        .any(|r| r.role_name == "index_tuner"));
    assert!(text_of("#role-propagation-note")
        .starts_with("index_tuner deleted. Changes to custom roles"));
}

#[wasm_bindgen_test]
async fn corrupt_stored_data_shows_a_notice_and_reset_recovers() {
    let key = fresh_key();
    storage()
        .set_item(&key, "{\"version\": 1, \"project\": 42")
        .unwrap();
    let _app = mount_with(LIST, &key);
    let reset = find("button", "Reset demo project").await;
    assert!(text_of("[role=alert]").contains("not readable"));
    reset.click();
    list_ready().await;
    assert_eq!(row_names().len(), 8);
    assert_eq!(
        storage()
            .get_item(&format!("{key}.previous"))
            .unwrap()
            .as_deref(),
        Some("{\"version\": 1, \"project\": 42")
    );
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
    use dbaccess::backend::Backend;
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
    sleep(20).await; // a person takes longer than one microtask to reach the button
    by_name("a", "Cancel").unwrap().click();
    wait_until("asked to discard", || {
        text_of("[role=alertdialog] h2") == "Discard unsaved changes?"
    })
    .await;
    by_name("[role=alertdialog] button", "Cancel")
        .unwrap()
        .click();
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

#[wasm_bindgen_test]
async fn the_large_demo_lists_1400_roles_a_page_at_a_time() {
    let key = fresh_key();
    let config = large_demo(key);
    let _app = mount_config(LIST, config);
    list_ready().await;
    assert_eq!(text_of("#role-count"), "1400 of 1400 custom roles");
    assert!(
        by_name("button", "Add New Custom Role")
            .unwrap()
            .has_attribute("disabled"),
        "the limit is reached"
    );
    assert!(text_of("#role-limit-note").contains("limit of 1400"));
    assert_eq!(row_names().len(), 50, "only one page is in the DOM");
    let search = input_labelled("Search custom roles").unwrap();
    type_into(&search, "billing_role_0001");
    wait_until("one match", || row_names() == ["billing_role_0001"]).await;
    type_into(&search, "billing");
    wait_until("the count shows the matches", || {
        text_of("#role-count").ends_with(" matching")
    })
    .await;
    let count = text_of("#role-count");
    let matching: usize = count
        .rsplit(" · ")
        .next()
        .unwrap()
        .trim_end_matches(" matching")
        .parse()
        .unwrap();
    assert!(
        (175..400).contains(&matching),
        "175 billing roles plus roles inheriting them: {count}"
    );
    wait_until("one page shown", || row_names().len() == 50).await;
    find("button", &format!("Show more (50 of {matching} shown)"))
        .await
        .click();
    wait_until("the next page is shown", || {
        row_names().len() == matching.min(100)
    })
    .await;
}

/// Issue 18 §3: a Project Owner raises the project's custom-role limit from the list (up to Atlas's
/// 1,400, never below the roles it has); anyone else sees Change Limit disabled with the reason.
#[wasm_bindgen_test]
async fn a_project_owner_changes_the_custom_role_limit_from_the_list() {
    let key = fresh_key();
    let _app = mount_with(LIST, &key);
    list_ready().await;
    assert!(text_of("#role-count").starts_with("8 of 100 custom roles"));
    find("button", "Change Limit").await.click();
    wait_until("the dialog opens", || by_id("limit-dialog").is_some()).await;
    let field = input_labelled("Custom roles this project may have").unwrap();
    wait_until("the current limit is filled in", || field.value() == "100").await;
    type_into(&field, "1500");
    blur(&field);
    wait_until("the field says why", || {
        messages_of(&field).contains("Atlas allows at most 1400 custom roles per project.")
    })
    .await;
    type_into(&field, "150");
    find("button", "Save Limit").await.click();
    wait_until("saved and closed", || by_id("limit-dialog").is_none()).await;
    wait_until("the count shows the new limit", || {
        text_of("#role-count").starts_with("8 of 150 custom roles")
    })
    .await;
    assert_eq!(stored::<usize>(&key, "customRoleLimit"), 150);

    wait_until("View as offered", || by_id("view-as").is_some()).await;
    select("view-as", "dana.dbadmin@example.com");
    let disabled = || {
        by_name("button", "Change Limit")
            .filter(|b| b.get_attribute("aria-disabled").as_deref() == Some("true"))
    };
    wait_until("disabled for a Database Access Admin", || {
        disabled().is_some()
    })
    .await;
    assert!(messages_of(&disabled().unwrap()).contains("Requires Project Owner"));
}

/// Issue 22: back from the editor (Cancel), the list is as it was left: the search, the ticked roles,
/// and how far down the page it was.
#[wasm_bindgen_test]
async fn back_from_the_editor_the_list_is_as_it_was_left() {
    let _app = mount_config(LIST, large_demo(fresh_key()));
    list_ready().await;
    let search = input_labelled("Search custom roles").unwrap();
    type_into(&search, "sales_role_0");
    wait_until("filtered", || text_of("#role-count").contains("matching")).await;
    find("input", "Select sales_role_0016").await.click();
    wait_until("ticked", || {
        by_name("button", "Export 1 selected").is_some()
    })
    .await;
    web_sys::window()
        .unwrap()
        .scroll_to_with_x_and_y(0.0, 600.0);
    let before = web_sys::window().unwrap().scroll_y().unwrap();
    assert!(before > 300.0, "the page scrolls: {before}");
    find("a", "Edit sales_role_0024").await.click();
    editor_ready().await;
    find("a", "Cancel").await.click();
    wait_until("back on the list", || {
        pathname() == LIST && query(".roles-table").is_some()
    })
    .await;
    assert_eq!(
        input_labelled("Search custom roles").unwrap().value(),
        "sales_role_0"
    );
    assert!(
        by_name("button", "Export 1 selected").is_some(),
        "still ticked"
    );
    wait_until("scrolled back", || {
        (web_sys::window().unwrap().scroll_y().unwrap() - before).abs() < 2.0
    })
    .await;
}
