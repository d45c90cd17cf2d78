//! Custom roles over HTTP: created, edited and deleted with a 429 retried; a 500 and a timeout keep the
//! input and offer "Try again"; a 409 lands on its field.
use super::*;

#[wasm_bindgen_test]
async fn a_role_is_created_edited_and_deleted_over_http_with_a_429_retried() {
    emu_reset().await;
    // Atlas answers 202 before a new role is readable: the console waits for it.
    emu_control("POST", "propagation", r#"{"ms": 600}"#).await;
    emu_arm("429:1", "POST", "/customDBRoles/roles", 1).await;
    let _app = mount_http(NEW);
    fill_find_role("http_auditor", "sales", "orders").await;
    submit_role();
    settle("back on the list with the new role", || {
        pathname() == LIST && row_names().contains(&"http_auditor".to_string())
    })
    .await;
    let log = emu_requests().await;
    let posts: Vec<&String> = log
        .iter()
        .filter(|l| l.starts_with("POST") && l.contains("customDBRoles"))
        .collect();
    assert_eq!(
        posts.len(),
        2,
        "rate limited once, then sent again: {log:?}"
    );
    assert!(
        posts[0].ends_with("429") && posts[1].ends_with("202"),
        "{posts:?}"
    );
    assert!(
        log.iter()
            .any(|l| l.starts_with("GET") && l.contains("roles/http_auditor 404")),
        "read back while it propagated: {log:?}"
    );
    let created = roles()
        .await
        .into_iter()
        .find(|r| r.role_name == "http_auditor")
        .unwrap();
    assert_eq!(created.actions[0].action, "FIND");

    find("a", "Edit http_auditor").await.click();
    editor_ready().await;
    let coll = input_labelled("Collection").unwrap();
    type_into(&coll, "invoices");
    submit_role();
    // The review step, then the save re-reads the role before the PATCH.
    find("button", "Save changes").await.click();
    settle("saved", || pathname() == LIST).await;
    wait_until_async_roles("the collection changed on the server", |rs| {
        rs.iter().any(|r| {
            r.role_name == "http_auditor" && r.actions[0].resources[0].collection == "invoices"
        })
    })
    .await;
    let log = emu_requests().await;
    let patch = log
        .iter()
        .position(|l| l.starts_with("PATCH") && l.contains("roles/http_auditor"))
        .expect("the update was sent");
    // Reads of this one role before the PATCH: the create's read-back, then the editor's re-read
    // (other entries are background reloads).
    let reads = log[..patch]
        .iter()
        .filter(|l| l.starts_with("GET") && l.ends_with("roles/http_auditor 200"))
        .count();
    assert_eq!(reads, 2, "the role is re-read before the PATCH: {log:?}");

    find("button", "Delete http_auditor").await.click();
    settle("asked", || query("[role=alertdialog]").is_some()).await;
    by_name("[role=alertdialog] button", "Delete")
        .unwrap()
        .click();
    settle("gone from the list", || {
        !row_names().contains(&"http_auditor".to_string())
    })
    .await;
    assert!(!roles().await.iter().any(|r| r.role_name == "http_auditor"));
}

#[wasm_bindgen_test]
async fn a_server_error_keeps_the_input_and_try_again_sends_it() {
    emu_reset().await;
    emu_arm("500", "POST", "/customDBRoles/roles", 1).await;
    let _app = mount_http(NEW);
    fill_find_role("after_outage", "sales", "orders").await;
    submit_role();
    settle("the failure is reported", || {
        text_of("[role=alert]").contains("The change was not completed")
    })
    .await;
    assert_eq!(pathname(), NEW, "still in the editor");
    assert_eq!(
        input_labelled("Custom Role Name").unwrap().value(),
        "after_outage"
    );
    assert_eq!(input_labelled("Collection").unwrap().value(), "orders");
    assert!(!roles().await.iter().any(|r| r.role_name == "after_outage"));
    find("[role=alert] button", "Try again").await.click();
    settle("created on the second try", || {
        pathname() == LIST && row_names().contains(&"after_outage".to_string())
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_timeout_keeps_the_input_says_so_and_offers_retry() {
    emu_reset().await;
    emu_arm("delay:6000", "POST", "/customDBRoles/roles", 1).await;
    let _app = mount_config(NEW, Config::http(emu_url(), EMU_PROJECT, SHORT_TIMEOUT_MS));
    fill_find_role("slow_answer", "sales", "orders").await;
    submit_role();
    settle("the timeout is reported", || {
        text_of("[role=alert]").contains("did not answer within 3 seconds")
    })
    .await;
    // A create that timed out may still land: the message says so instead of promising either way.
    assert!(text_of("[role=alert]").contains("may or may not have been made"));
    assert!(by_name("[role=alert] button", "Try again").is_some());
    assert_eq!(pathname(), NEW);
    assert_eq!(
        input_labelled("Custom Role Name").unwrap().value(),
        "slow_answer"
    );
    assert_eq!(input_labelled("Collection").unwrap().value(), "orders");
}

#[wasm_bindgen_test]
async fn a_conflict_from_atlas_lands_on_the_name_field() {
    emu_reset().await;
    let _app = mount_http(NEW);
    fill_find_role("taken_meanwhile", "sales", "orders").await;
    // Someone else creates the same name after the console loaded the roles.
    let other = CustomDbRole {
        role_name: "taken_meanwhile".to_string(),
        ..roles().await[0].clone()
    };
    atlas().create_custom_role(other).await.unwrap();
    submit_role();
    let name = input_labelled("Custom Role Name").unwrap();
    settle("the name is marked invalid", || {
        name.get_attribute("aria-invalid").as_deref() == Some("true")
    })
    .await;
    assert!(
        messages_of(&name).contains("already exists"),
        "{}",
        messages_of(&name)
    );
    assert_eq!(name.value(), "taken_meanwhile");
}
