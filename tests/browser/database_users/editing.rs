//! The user list and editing a user: identity read-only, delete asks first, effective privileges and
//! "Can this user …?", unsaved input guarded, a refusal keeps the input, Revert changes, scopes and
//! descriptions kept or removed, LDAP group users.
use super::*;

#[wasm_bindgen_test]
async fn list_shows_users_with_method_roles_and_resources_and_filters() {
    let _app = mount_app_at(LIST);
    wait_until("users listed", || row_names().len() == 13).await;
    assert!(text_of(".users-table").contains("orders_writer@admin"));
    assert!(text_of(".users-table").contains("All resources"));
    assert!(by_name("a", "Edit bi-reader").is_some());
    assert!(by_name("button", "Delete bi-reader").is_some());
    type_into(
        &input_labelled("Search database users").unwrap(),
        "readAnyDatabase",
    );
    wait_until("filtered by role", || row_names() == ["analyst"]).await;
}

#[wasm_bindgen_test]
async fn edit_keeps_identity_read_only_and_delete_asks_first() {
    let key = fresh_key();
    let _app = mount_with(LIST, &key);
    find("a", "Edit bi-reader").await.click();
    let name = dialog_ready().await;
    assert_eq!(pathname(), routes::edit_user("admin", "bi-reader"));
    assert!(name.read_only());
    assert!(by_id("user-auth")
        .unwrap()
        .unchecked_into::<HtmlSelectElement>()
        .disabled());
    assert!(
        by_name("button", "Remove reporting").is_some(),
        "custom roles show as chips"
    );
    select("user-builtin", "readAnyDatabase");
    submit();
    // The edit ends in a review of the change; nothing is sent before "Save changes".
    let save = find("button", "Save changes").await;
    assert_review_only_adds("readAnyDatabase@admin");
    assert_eq!(
        stored_users(&key)
            .iter()
            .find(|u| u.username == "bi-reader")
            .unwrap()
            .roles
            .len(),
        1
    );
    save.click();
    wait_until("saved", || pathname() == LIST).await;
    let u = stored_user(&key, "bi-reader");
    assert_eq!(u.roles.len(), 2);
    find("button", "Delete bi-reader").await.click();
    wait_until("asked", || {
        text_of("[role=alertdialog] h2") == "Delete database user bi-reader?"
    })
    .await;
    by_name("[role=alertdialog] button", "Delete")
        .unwrap()
        .click();
    wait_until("deleted", || !row_names().contains(&"bi-reader".into())).await;
    assert!(!stored_users(&key).iter().any(|u| u.username == "bi-reader"));
}

#[wasm_bindgen_test]
async fn effective_privileges_show_the_union_and_answer_can_this_user() {
    let key = fresh_key();
    // The Atlas documentation's example: read + bypassDocumentValidation in one role, dbAdmin in another.
    let backend = LocalBackend::open(&key, DemoKind::Standard);
    backend
        .create_custom_role(CustomDbRole {
            role_name: "reader_bypass".into(),
            actions: vec![PrivilegeAction {
                action: "BYPASS_DOCUMENT_VALIDATION".into(),
                resources: vec![Resource::namespace("sales", "")],
            }],
            inherited_roles: vec![domain::model::InheritedRole::new("read", "sales")],
        })
        .await
        .unwrap();
    let _app = mount_with(NEW, &key);
    dialog_ready().await;
    let picker: HtmlInputElement = by_id("user-custom-roles").unwrap().unchecked_into();
    type_into(&picker, "reader_bypass");
    press_key(&picker, "Enter");
    wait_until("chosen", || {
        by_name("button", "Remove reader_bypass").is_some()
    })
    .await;
    find("button", "Add Specific Privilege").await.click();
    wait_until("a privilege row", || input_labelled("Database").is_some()).await;
    select(&query_all("[id^=spec-][id$=-role]")[0].id(), "dbAdmin");
    type_into(&input_labelled("Database").unwrap(), "sales");
    wait_until("union shown", || {
        let t = text_of(".effective-list");
        t.contains("bypassDocumentValidation") && t.contains("find") && t.contains("collMod")
    })
    .await;
    type_into(
        &input_labelled("Database[.collection]").unwrap(),
        "sales.orders",
    );
    wait_until("yes with the chain", || {
        text_of("#can-answer").starts_with("Yes")
            && text_of("#can-answer").contains("reader_bypass")
    })
    .await;
    type_into(
        &input_labelled("Database[.collection]").unwrap(),
        "billing.invoices",
    );
    wait_until("no elsewhere", || text_of("#can-answer").starts_with("No")).await;
}

#[wasm_bindgen_test]
async fn escape_with_unsaved_input_asks_before_closing_and_changes_reach_the_feed() {
    let key = fresh_key();
    let app = mount_with(NEW, &key);
    let name = dialog_ready().await;
    type_into(&name, "half-typed");
    effects_run().await;
    press_key(&query("[role=dialog]").unwrap(), "Escape");
    asked_to_discard().await;
    keep_editing();
    wait_until("still in the dialog", || {
        query("[role=alertdialog]").is_none()
    })
    .await;
    assert_eq!(input_labelled("Username").unwrap().value(), "half-typed");
    type_into(
        &input_labelled("Password").unwrap(),
        "a-secret-for-the-feed",
    );
    select("user-builtin", "readAnyDatabase");
    submit();
    wait_until("saved", || pathname() == LIST).await;
    drop(app);
    let _app = mount_with(routes::ACTIVITY, &key);
    wait_until("the feed shows the user", || {
        text_of(".activity-table").contains("Database user created")
    })
    .await;
    assert!(text_of(".activity-table").contains("half-typed"));
    assert!(!text_of("body").contains("a-secret-for-the-feed"));
}

#[wasm_bindgen_test]
async fn a_backend_refusal_keeps_the_dialog_input() {
    let key = fresh_key();
    let _app = mount_with(NEW, &key);
    submit_a_user_taken_meanwhile(&key, "race-user").await;
    assert_eq!(pathname(), NEW);
    assert_eq!(input_labelled("Username").unwrap().value(), "race-user");
    assert_eq!(
        input_labelled("Password").unwrap().value(),
        "long-enough-secret"
    );
}

#[wasm_bindgen_test]
async fn revert_changes_restores_the_loaded_user() {
    let _app = mount_app_at(&routes::edit_user("admin", "bi-reader"));
    dialog_ready().await;
    let revert: web_sys::HtmlButtonElement =
        find("button", "Revert changes").await.unchecked_into();
    assert!(revert.disabled(), "nothing to revert yet");
    select("user-builtin", "readAnyDatabase");
    type_into(&input_labelled("Description").unwrap(), "half-typed note");
    wait_until("revert is offered", || !revert.disabled()).await;
    revert.click();
    wait_until("the form is as loaded", || {
        input_labelled("Description").is_some_and(|d| d.value().is_empty())
            && by_id("user-builtin")
                .map(|s| s.unchecked_into::<HtmlSelectElement>().value())
                .is_some_and(|v| v != "readAnyDatabase")
    })
    .await;
    let revert: web_sys::HtmlButtonElement =
        find("button", "Revert changes").await.unchecked_into();
    assert!(revert.disabled(), "nothing left to revert");
    assert_eq!(
        pathname(),
        routes::edit_user("admin", "bi-reader"),
        "still editing"
    );
}

#[wasm_bindgen_test]
async fn an_edit_keeps_each_scope_type_and_emptying_the_description_removes_it() {
    let key = fresh_key();
    let _app = mount_with(LIST, &key);
    find("a", "Edit lake-analyst").await.click();
    dialog_ready().await;
    // The project's federated database is offered as one, and ticked: the user is scoped to it.
    wait_until("the federated database is offered", || {
        input_labelled("SalesLake").is_some()
    })
    .await;
    assert!(input_labelled("SalesLake").unwrap().checked());
    assert!(text_of(".scopes").contains("Federated Database Instances"));
    assert!(text_of(".scopes").contains("Stream Processing Workspaces"));
    type_into(&input_labelled("Description").unwrap(), "Lake reports");
    select("user-builtin", "readAnyDatabase");
    submit();
    find("button", "Save changes").await.click();
    wait_until("saved", || pathname() == LIST).await;
    let u = stored_user(&key, "lake-analyst");
    assert_eq!(u.scopes.len(), 1);
    assert_eq!(
        u.scopes[0].kind,
        domain::model::ScopeType::DataLake,
        "never rewritten to CLUSTER"
    );
    assert_eq!(u.description.as_deref(), Some("Lake reports"));

    find("a", "Edit lake-analyst").await.click();
    dialog_ready().await;
    // The list reloads after a save; the dialog shows the user as stored once it has.
    wait_until("the saved description is shown", || {
        input_labelled("Description").is_some_and(|i| i.value() == "Lake reports")
    })
    .await;
    reads_done().await;
    type_into(&input_labelled("Description").unwrap(), "");
    submit();
    find("button", "Save changes").await.click();
    wait_until("saved", || pathname() == LIST).await;
    let u = stored_user(&key, "lake-analyst");
    assert_eq!(u.description, None);
}

#[wasm_bindgen_test]
async fn an_ldap_group_user_is_on_admin_and_can_be_edited() {
    let key = fresh_key();
    let _app = mount_with(LIST, &key);
    let name = "CN=dba-team,OU=groups,DC=example,DC=com";
    find("a", &format!("Edit {name}")).await.click();
    dialog_ready().await;
    assert!(text_of("#user-name-help").contains("authentication database: admin"));
    select("user-builtin", "readAnyDatabase");
    submit();
    find("button", "Save changes").await.click();
    wait_until("saved", || pathname() == LIST).await;
    let u = stored_user(&key, name);
    assert_eq!(u.database_name, "admin");
    assert_eq!(u.ldap_auth_type, domain::model::LdapAuthType::Group);
    assert!(u.roles.iter().any(|r| r.role_name == "readAnyDatabase"));
}
