//! Browser tests of safe edits: changed rows marked, "Revert changes" and a review of the diff
//! before saving; a role, a database user (`users`), a member's roles (`members`) or a bulk change's users
//! (`bulk`) changed meanwhile are never overwritten silently; the Activity Feed's changes.
mod bulk;
mod members;
mod users;

use crate::support::*;
use dbaccess::backend::local::LocalBackend;
use dbaccess::backend::OnDemand;
use dbaccess::ui::shell::routes;
use domain::demo::DemoKind;
use domain::model::{DatabaseUserRole, InheritedRole};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

const LIST: &str = routes::CUSTOM_ROLES;

/// The actions of the PATCH body the editor previews (what the form holds now).
fn preview_actions() -> Vec<String> {
    let body: domain::model::UpdateCustomDbRole =
        serde_json::from_str(&text_of("#preview-json")).unwrap();
    let mut a: Vec<String> = body.actions.iter().map(|a| a.action.clone()).collect();
    a.sort();
    a
}

fn actions_of(role: &domain::model::CustomDbRole) -> Vec<String> {
    let mut a: Vec<String> = role.actions.iter().map(|a| a.action.clone()).collect();
    a.sort();
    a
}

fn stored_actions(key: &str, name: &str) -> Vec<String> {
    actions_of(
        stored_roles(key)
            .iter()
            .find(|r| r.role_name == name)
            .unwrap(),
    )
}

fn legends() -> Vec<String> {
    query_all("fieldset.role-row legend")
        .iter()
        .map(|l| l.text_content().unwrap_or_default())
        .collect()
}

fn edit_reader() -> String {
    routes::edit_role("orders_reader")
}

#[wasm_bindgen_test]
async fn an_edit_marks_changed_rows_reverts_and_ends_in_a_review_of_the_diff() {
    let key = fresh_key();
    let _app = mount_with(&edit_reader(), &key);
    editor_ready().await;
    assert_eq!(legends(), ["Action or role 1", "Action or role 2"]);
    let revert = || -> web_sys::HtmlButtonElement {
        by_name("button", "Revert changes")
            .unwrap()
            .unchecked_into()
    };
    assert!(revert().disabled(), "nothing to revert yet");
    choose(&pickers().remove(0), "insert").await;
    wait_until("row 1 is marked", || {
        legends()[0] == "Action or role 1 (Changed)"
    })
    .await;
    find("button", "Add an action or role").await.click();
    wait_until("the new row is marked", || {
        legends().get(2).map(String::as_str) == Some("Action or role 3 (New)")
    })
    .await;
    assert_eq!(
        legends()[1],
        "Action or role 2",
        "an untouched row has no mark"
    );

    revert().click();
    wait_until("back to the loaded rows", || {
        legends() == ["Action or role 1", "Action or role 2"]
    })
    .await;
    open_preview().await;
    assert_eq!(preview_actions(), ["FIND", "LIST_COLLECTIONS"]);

    choose(&pickers().remove(0), "insert").await;
    submit_with(&["Update Custom Role"]);
    find("button", "Save changes").await;
    assert_review_only_adds("INSERT@sales.orders");
    assert_eq!(
        stored_actions(&key, "orders_reader"),
        ["FIND", "LIST_COLLECTIONS"],
        "nothing sent yet"
    );
    find("button", "Back to editing").await.click();
    wait_until("the form's buttons are back", || {
        by_name("button", "Revert changes").is_some()
    })
    .await;
    submit_with(&["Update Custom Role"]);
    find("button", "Save changes").await.click();
    wait_until("saved", || pathname() == LIST).await;
    assert_eq!(
        stored_actions(&key, "orders_reader"),
        ["FIND", "INSERT", "LIST_COLLECTIONS"]
    );
}

/// Another tab (or person) adds `action` on sales.orders to orders_reader.
async fn someone_else_adds(key: &str, action: &str) {
    let other = LocalBackend::open(key, DemoKind::Standard);
    let mut update = domain::model::UpdateCustomDbRole::from(
        stored_roles(key)
            .iter()
            .find(|r| r.role_name == "orders_reader")
            .unwrap(),
    );
    update.actions.push(domain::model::PrivilegeAction {
        action: action.into(),
        resources: vec![domain::model::Resource::namespace("sales", "orders")],
    });
    other
        .update_custom_role("orders_reader".into(), update)
        .await
        .unwrap();
}

/// Opens orders_reader, adds INSERT, lets someone else add REMOVE meanwhile, and saves into the conflict.
async fn edit_into_conflict(key: &str) {
    editor_ready().await;
    choose(&pickers().remove(0), "insert").await;
    someone_else_adds(key, "REMOVE").await;
    save_into_conflict().await;
}

async fn save_into_conflict() {
    submit_with(&["Update Custom Role"]);
    find("button", "Save changes").await.click();
    wait_until("the conflict is shown", || {
        text_of(".conflict h3") == "Someone else changed this role"
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_role_changed_meanwhile_is_never_overwritten_silently() {
    let key = fresh_key();
    let _app = mount_with(&edit_reader(), &key);
    edit_into_conflict(&key).await;
    let conflict = text_of(".conflict");
    assert!(
        conflict.contains("Their change") && conflict.contains("REMOVE@sales.orders"),
        "{conflict}"
    );
    assert!(
        conflict.contains("Your change") && conflict.contains("INSERT@sales.orders"),
        "{conflict}"
    );
    assert_eq!(
        stored_actions(&key, "orders_reader"),
        ["FIND", "LIST_COLLECTIONS", "REMOVE"],
        "their change is still there"
    );

    // Merge by hand: their version stays in view while mine is completed.
    find("button", "Merge by hand").await.click();
    wait_until("their version is shown", || {
        text_of(".their-version").contains("REMOVE@sales.orders")
    })
    .await;
    choose(&pickers().remove(0), "remove").await;
    submit_with(&["Update Custom Role"]);
    find("button", "Save changes").await.click();
    wait_until("saved", || pathname() == LIST).await;
    assert_eq!(
        stored_actions(&key, "orders_reader"),
        ["FIND", "INSERT", "LIST_COLLECTIONS", "REMOVE"],
        "both changes kept"
    );
}

#[wasm_bindgen_test]
async fn after_a_conflict_take_theirs_or_keep_mine() {
    let key = fresh_key();
    let _app = mount_with(&edit_reader(), &key);
    edit_into_conflict(&key).await;
    find("button", "Take theirs").await.click();
    open_preview().await;
    wait_until("the form now holds their version", || {
        preview_actions() == ["FIND", "LIST_COLLECTIONS", "REMOVE"]
    })
    .await;
    assert_eq!(
        legends(),
        ["Action or role 1", "Action or role 2"],
        "their version is the new baseline"
    );

    // Another change comes in; this time the user keeps theirs out and saves their own.
    choose(&pickers().remove(0), "update").await;
    someone_else_adds(&key, "BYPASS_DOCUMENT_VALIDATION").await;
    save_into_conflict().await;
    find("button", "Keep mine").await.click();
    wait_until("saved", || pathname() == LIST).await;
    assert_eq!(
        stored_actions(&key, "orders_reader"),
        ["FIND", "LIST_COLLECTIONS", "REMOVE", "UPDATE"],
        "mine replaced theirs, as chosen"
    );
}

fn feed_rows() -> Vec<String> {
    query_all(".activity-table tbody tr:first-child")
        .iter()
        .map(|r| r.text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn the_feed_expands_each_change_and_filters_by_target_and_actor() {
    let key = fresh_key();
    let backend = LocalBackend::open(&key, DemoKind::Standard);
    let mut update = domain::model::UpdateCustomDbRole::from(
        stored_roles(&key)
            .iter()
            .find(|r| r.role_name == "orders_reader")
            .unwrap(),
    );
    update
        .inherited_roles
        .push(InheritedRole::new("read", "hr"));
    backend
        .update_custom_role("orders_reader".into(), update)
        .await
        .unwrap();
    backend
        .set_principal(domain::project::Principal {
            name: "dana.dbadmin@example.com".into(),
            project_roles: vec!["GROUP_DATABASE_ACCESS_ADMIN".into()],
        })
        .unwrap();
    backend
        .delete_database_user("admin".into(), "bi-reader".into())
        .await
        .unwrap();
    let mut u = stored_user(&key, "analyst");
    u.roles
        .push(DatabaseUserRole::new("orders_reader", "admin"));
    backend
        .update_database_user("admin".into(), "analyst".into(), u)
        .await
        .unwrap();

    let _app = mount_with(routes::ACTIVITY, &key);
    wait_until("three changes listed", || feed_rows().len() == 3).await;
    assert!(text_of(".feed-filters [role=status]").contains("3 of 3 changes"));

    // The role update expands to its before/after.
    let show = find("button", "Show change to orders_reader").await;
    assert_eq!(
        show.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    let detail = by_id(&show.get_attribute("aria-controls").unwrap()).unwrap();
    assert!(detail.hidden());
    show.click();
    wait_until("the change is shown", || !detail.hidden()).await;
    assert_eq!(show.get_attribute("aria-expanded").as_deref(), Some("true"));
    let text = detail.text_content().unwrap_or_default();
    assert!(text.contains("Added") && text.contains("read@hr"), "{text}");
    // A deleted user's entry shows what it had.
    find("button", "Show change to bi-reader").await.click();
    wait_until("the deleted user's roles are listed as removed", || {
        query_all(".feed-change:not([hidden])").iter().any(|r| {
            r.text_content().unwrap_or_default().contains("Removed")
                && r.text_content()
                    .unwrap_or_default()
                    .contains("reporting@admin")
        })
    })
    .await;

    // Filter by who made the change, then by target.
    select(
        &input_labelled("By").unwrap().id(),
        "dana.dbadmin@example.com",
    );
    wait_until("only dana's two changes", || feed_rows().len() == 2).await;
    assert!(feed_rows()
        .iter()
        .all(|r| r.contains("dana.dbadmin@example.com")));
    select(&input_labelled("Role or user").unwrap().id(), "analyst");
    wait_until("dana's change to analyst", || feed_rows().len() == 1).await;
    assert!(feed_rows()[0].contains("Database user updated"));
    select(&input_labelled("By").unwrap().id(), "");
    select(
        &input_labelled("Role or user").unwrap().id(),
        "orders_reader",
    );
    wait_until("the role's own change", || {
        feed_rows().len() == 1 && feed_rows()[0].contains("Custom role updated")
    })
    .await;
}
