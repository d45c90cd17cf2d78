//! The role list: the demo roles with count, search and row buttons, delete blocked or allowed, a
//! corrupt store reported and reset, the large demo a page at a time, the custom-role limit, and the list
//! as it was left when coming back from the editor.
use super::*;

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
    effects_run().await;
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
    assert_eq!(row_names().len(), 20, "only one page is in the DOM");
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
    wait_until("one page shown", || row_names().len() == 20).await;
    find("button", &format!("Show more (20 of {matching} shown)"))
        .await
        .click();
    wait_until("the next page is shown", || {
        row_names().len() == matching.min(40)
    })
    .await;
    // How many match is still said where a screen reader hears it: the count is a status.
    assert_eq!(
        query("#role-count")
            .unwrap()
            .get_attribute("role")
            .as_deref(),
        Some("status")
    );
    assert!(text_of("#role-count").ends_with(&format!("{matching} matching")));
}

/// Sorted the other way, the role at the far end of 1,400 is the first row, with its Edit link: a role past
/// the first page is one click away, not 70 clicks of "Show more".
#[wasm_bindgen_test]
async fn the_last_of_1400_roles_is_reached_by_sorting() {
    let key = fresh_key();
    let _app = mount_config(LIST, large_demo(key));
    list_ready().await;
    let first = row_names()[0].clone();
    find("button", "Role name ▲").await.click();
    wait_until("sorted descending", || {
        row_names().first().is_some_and(|n| *n != first)
    })
    .await;
    let last = row_names()[0].clone();
    assert_eq!(text_of("#role-count"), "1400 of 1400 custom roles");
    let edit = by_name("a", &format!("Edit {last}")).expect("the last role's Edit link is shown");
    assert!(edit.get_attribute("href").unwrap().contains("/edit"));
}

/// A Project Owner raises the project's custom-role limit from the list (up to Atlas's
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

/// Back from the editor (Cancel), the list is as it was left: the search, the ticked roles,
/// and how far down the page it was.
#[wasm_bindgen_test]
async fn back_from_the_editor_the_list_is_as_it_was_left() {
    let _app = mount_config(LIST, large_demo(fresh_key()));
    list_ready().await;
    let search = input_labelled("Search custom roles").unwrap();
    type_into(&search, "sales_role_0");
    wait_until("filtered", || text_of("#role-count").contains("matching")).await;
    // The roles below are on the third page (rows 43 and 44), so how many pages are shown is part of how
    // the list was left.
    for pages in [1, 2] {
        query(".show-more").expect("more pages match").click();
        wait_until("another page shown", || row_names().len() > 20 * pages).await;
    }
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
    assert!(row_names().len() > 40, "the three pages shown again");
    wait_until("scrolled back", || {
        (web_sys::window().unwrap().scroll_y().unwrap() - before).abs() < 2.0
    })
    .await;
}
