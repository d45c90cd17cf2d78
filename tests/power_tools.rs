//! Browser tests of the power tools of issue #9 beyond import/export: reverse lookup ("Used by",
//! "Who can …?"), undo after delete, concurrent-edit safety, bulk assignment and the feed's diffs.
#![cfg(target_arch = "wasm32")]
mod support;

use dbaccess::backend::local::LocalBackend;
use dbaccess::backend::Backend;
use domain::demo::DemoKind;
use domain::model::{DatabaseUser, DatabaseUserRole, InheritedRole};
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const LIST: &str = "/database-access/custom-roles";

/// The texts of the `<li>` items under the heading `heading` in `root`.
fn listed_under(root: &str, heading: &str) -> Vec<String> {
    let Some(h) = query_all(&format!("{root} h3"))
        .into_iter()
        .find(|h| h.text_content().unwrap_or_default() == heading)
    else {
        return Vec::new();
    };
    let Some(list) = h.next_element_sibling() else {
        return Vec::new();
    };
    let items = list.query_selector_all("li").unwrap();
    (0..items.length())
        .filter_map(|i| items.item(i)?.text_content())
        .collect()
}

/// A custom role granting FIND on every collection of `db`.
fn find_role(name: &str, db: &str) -> domain::model::CustomDbRole {
    domain::model::CustomDbRole {
        role_name: name.into(),
        actions: vec![domain::model::PrivilegeAction {
            action: "FIND".into(),
            resources: vec![domain::model::Resource::namespace(db, "")],
        }],
        inherited_roles: vec![],
    }
}

/// A fresh store of the standard demo plus "unheld", a role no user or role holds: its key.
async fn demo_with_unheld() -> String {
    let key = fresh_key();
    LocalBackend::open(&key, DemoKind::Standard)
        .create_custom_role(find_role("unheld", "hr"))
        .await
        .unwrap();
    key
}

#[wasm_bindgen_test]
async fn used_by_lists_who_holds_a_role_directly_and_through_inheritance() {
    let key = demo_with_unheld().await;
    let _app = mount_with(LIST, &key);
    list_ready().await;
    find("button", "Used by orders_reader").await.click();
    wait_until("the Used by dialog opens", || {
        text_of("[role=dialog] h2") == "Used by orders_reader"
    })
    .await;
    let roles = listed_under("[role=dialog]", "Custom roles that inherit it");
    assert_eq!(
        roles,
        [
            "orders_writer — directly",
            "reporting — directly",
            "support_readonly — through reporting",
        ]
    );
    let users = listed_under("[role=dialog]", "Database users");
    assert_eq!(
        users,
        [
            "bi-reader — through reporting",
            "orders-api — through orders_writer",
            "support-bot — through support_readonly → reporting",
        ]
    );
    find("button", "Close").await.click();
    wait_until("the dialog closes", || query("[role=dialog]").is_none()).await;

    // A role nobody holds says so rather than showing empty lists.
    find("button", "Used by unheld").await.click();
    wait_until("the dialog says nobody holds it", || {
        text_of("[role=dialog] .empty-state") == "No database user or custom role holds unheld."
    })
    .await;
    assert!(query("[role=dialog] h3").is_none(), "no empty lists");
    find("button", "Close").await.click();

    find("button", "Used by index_tuner").await.click();
    wait_until("the dialog names catalog-writer", || {
        listed_under("[role=dialog]", "Database users") == ["catalog-writer — directly"]
    })
    .await;
    find("button", "Close").await.click();
    find("button", "Used by support_readonly").await.click();
    wait_until("only support-bot holds it", || {
        listed_under("[role=dialog]", "Database users") == ["support-bot — directly"]
            && listed_under("[role=dialog]", "Custom roles that inherit it").is_empty()
    })
    .await;
}

#[wasm_bindgen_test]
async fn who_can_answers_with_the_granting_chain_and_follows_the_question() {
    let _app = mount_with("/who-can?action=FIND&ns=sales.orders", &fresh_key());
    let answer = ".who-can-answer";
    wait_until("the answer for FIND on sales.orders", || {
        !listed_under(answer, "Custom roles").is_empty()
    })
    .await;
    let roles = listed_under(answer, "Custom roles");
    assert_eq!(
        roles,
        [
            "orders_reader — directly",
            "orders_writer — through orders_reader",
            "reporting — through orders_reader",
            "support_readonly — through reporting → orders_reader",
        ]
    );
    let users = listed_under(answer, "Database users");
    let has = |prefix: &str| users.iter().any(|u| u.starts_with(prefix));
    assert!(
        has("bi-reader — through reporting → orders_reader"),
        "{users:?}"
    );
    assert!(
        has("etl-job — through readWriteAnyDatabase@admin"),
        "{users:?}"
    );
    assert!(!has("app-service"), "app_backend grants nothing on sales");
    assert!(!has("monitoring"));

    // A narrower question: writing to sales.orders.
    let action = input_labelled("Action").unwrap();
    select(&action.id(), "INSERT");
    wait_until("only writers are left", || {
        listed_under(answer, "Custom roles") == ["orders_writer — directly"]
    })
    .await;
    assert!(
        text_of(answer).contains("can insert on sales.orders"),
        "{}",
        text_of(answer)
    );

    // Another database: a custom role through the built-in role it inherits.
    type_into(
        &input_labelled("Database[.collection]").unwrap(),
        "inventory.items",
    );
    wait_until("the answer follows the namespace", || {
        listed_under(answer, "Custom roles") == ["inventory_admin — through readWrite@inventory"]
            && listed_under(answer, "Database users").iter().any(|u| {
                u.starts_with("inventory-svc — through inventory_admin → readWrite@inventory")
            })
    })
    .await;

    // Without a database there is no question yet.
    type_into(&input_labelled("Database[.collection]").unwrap(), " ");
    wait_until("asks for a database", || {
        text_of(answer).contains("Type a database")
    })
    .await;
}

fn stored_users(key: &str) -> Vec<DatabaseUser> {
    stored(key, "users")
}

fn inherits(key: &str, role: &str, inherited: &str) -> bool {
    stored_roles(key)
        .iter()
        .find(|r| r.role_name == role)
        .is_some_and(|r| {
            r.inherited_roles
                .contains(&InheritedRole::new(inherited, "admin"))
        })
}

fn confirm_button() -> web_sys::HtmlButtonElement {
    by_name("[role=alertdialog] button", "Delete")
        .unwrap()
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn deleting_a_held_role_needs_its_name_and_undo_puts_it_back_everywhere() {
    let key = fresh_key();
    let _app = mount_with(LIST, &key);
    list_ready().await;
    find("button", "Delete orders_reader").await.click();
    wait_until("asked", || query("[role=alertdialog]").is_some()).await;
    let dialog = text_of("[role=alertdialog]");
    assert!(
        dialog.contains("3 database users and 3 custom roles hold it"),
        "{dialog}"
    );
    assert!(confirm_button().disabled(), "the name must be typed first");
    let typed = input_labelled("Type orders_reader to confirm").unwrap();
    type_into(&typed, "orders_reade");
    sleep(50).await;
    assert!(confirm_button().disabled(), "a near miss does not confirm");
    type_into(&typed, "orders_reader");
    wait_until("the name confirms", || !confirm_button().disabled()).await;
    confirm_button().click();
    wait_until("deleted", || by_name("th", "orders_reader").is_none()).await;
    assert!(!inherits(&key, "orders_writer", "orders_reader"));
    assert!(!stored_roles(&key)
        .iter()
        .any(|r| r.role_name == "orders_reader"));

    let undo = find("button", "Undo").await;
    assert!(text_of(".undo-region").contains("Deleted custom role orders_reader."));
    assert_eq!(
        document()
            .active_element()
            .map(|e| e.text_content().unwrap_or_default()),
        Some("Undo".to_string()),
        "focus goes to Undo, so a keyboard user can act at once"
    );
    // The offer lasts at least 10 seconds.
    sleep(10_500).await;
    assert!(
        by_name("button", "Undo").is_some(),
        "still offered after 10 s"
    );
    undo.click();
    wait_until("restored", || {
        text_of(".undo-region").contains("Restored custom role orders_reader.")
    })
    .await;
    wait_until("back in the list", || {
        by_name("th", "orders_reader").is_some()
    })
    .await;
    for heir in ["orders_writer", "reporting"] {
        assert!(
            inherits(&key, heir, "orders_reader"),
            "{heir} inherits it again"
        );
    }
    assert!(by_name("button", "Undo").is_none(), "one undo per delete");
}

#[wasm_bindgen_test]
async fn dismiss_takes_the_undo_away_and_keeps_focus_in_the_page() {
    let key = demo_with_unheld().await;
    let _app = mount_with(LIST, &key);
    list_ready().await;
    find("button", "Delete unheld").await.click();
    wait_until("asked", || query("[role=alertdialog]").is_some()).await;
    confirm_button().click();
    wait_until("deleted", || by_name("th", "unheld").is_none()).await;
    find("button", "Undo").await;
    let focused = || {
        document()
            .active_element()
            .map(|e| e.text_content().unwrap_or_default())
    };
    wait_until("focus on Undo", || focused().as_deref() == Some("Undo")).await;
    find("button", "Dismiss").await.click();
    wait_until("the offer is gone", || by_name("button", "Undo").is_none()).await;
    assert!(!text_of(".undo-region").contains("Deleted"));
    // Focus went to the page's heading, not to the document's body (from where Tab starts over).
    assert_eq!(focused().as_deref(), Some("Database Access"));
    sleep(100).await;
    assert!(
        !stored_roles(&key).iter().any(|r| r.role_name == "unheld"),
        "dismissed: the role stays deleted"
    );
    assert!(by_name("th", "unheld").is_none());
}

#[wasm_bindgen_test]
async fn a_deleted_user_comes_back_unless_it_signs_in_with_a_password() {
    let key = fresh_key();
    let mut iam = DatabaseUser::new("arn:aws:iam::123456789012:role/etl");
    domain::user_form::AuthMethod::AwsIamRole.apply(&mut iam);
    iam.roles = vec![
        DatabaseUserRole::new("orders_reader", "admin"),
        DatabaseUserRole::new("read", "catalog"),
    ];
    iam.description = Some("nightly ETL".into());
    LocalBackend::open(&key, DemoKind::Standard)
        .create_database_user(iam.clone())
        .await
        .unwrap();
    let _app = mount_with("/database-access/users", &key);
    find("button", &format!("Delete {}", iam.username))
        .await
        .click();
    wait_until("asked", || query("[role=alertdialog]").is_some()).await;
    assert!(text_of("[role=alertdialog]").contains("You can undo this for 15 seconds."));
    confirm_button().click();
    wait_until("deleted", || {
        !stored_users(&key)
            .iter()
            .any(|u| u.username == iam.username)
    })
    .await;
    find("button", "Undo").await.click();
    wait_until("restored", || {
        stored_users(&key)
            .iter()
            .any(|u| u.username == iam.username)
    })
    .await;
    let back = stored_users(&key)
        .into_iter()
        .find(|u| u.username == iam.username)
        .unwrap();
    assert_eq!(back, iam, "re-created exactly: method, roles, description");

    // A password user: the dialog says why there is no undo, and none is offered.
    find("button", "Delete bi-reader").await.click();
    wait_until("asked", || query("[role=alertdialog]").is_some()).await;
    assert!(
        text_of("[role=alertdialog]").contains("Undo isn't offered for a password user"),
        "{}",
        text_of("[role=alertdialog]")
    );
    confirm_button().click();
    wait_until("deleted", || {
        !stored_users(&key).iter().any(|u| u.username == "bi-reader")
    })
    .await;
    sleep(100).await;
    assert!(by_name("button", "Undo").is_none());
}

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

const EDIT_READER: &str = "/database-access/custom-roles/orders_reader/edit";

#[wasm_bindgen_test]
async fn an_edit_marks_changed_rows_reverts_and_ends_in_a_review_of_the_diff() {
    let key = fresh_key();
    let _app = mount_with(EDIT_READER, &key);
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
    let _app = mount_with(EDIT_READER, &key);
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
    let _app = mount_with(EDIT_READER, &key);
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
    let mut u = stored_users(&key)
        .into_iter()
        .find(|u| u.username == "analyst")
        .unwrap();
    u.roles
        .push(DatabaseUserRole::new("orders_reader", "admin"));
    backend
        .update_database_user("admin".into(), "analyst".into(), u)
        .await
        .unwrap();

    let _app = mount_with("/activity", &key);
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

fn roles_of(key: &str, username: &str) -> Vec<String> {
    stored_users(key)
        .into_iter()
        .find(|u| u.username == username)
        .map(|u| u.roles.into_iter().map(|r| r.role_name).collect())
        .unwrap_or_default()
}

fn plan_rows() -> Vec<String> {
    query_all(".bulk-plan tbody tr")
        .iter()
        .map(|r| r.text_content().unwrap_or_default())
        .collect()
}

async fn tick(username: &str) {
    find("input", &format!("Select {username}")).await.click();
}

#[wasm_bindgen_test]
async fn bulk_assignment_checks_every_user_first_and_reports_per_user() {
    let key = fresh_key();
    let backend = LocalBackend::open(&key, DemoKind::Standard);
    let mut full = DatabaseUser::new("full-user");
    full.password = Some("long-enough-secret".into());
    for i in 0..21 {
        let name = format!("bulk_{i}");
        backend
            .create_custom_role(find_role(&name, "bulk"))
            .await
            .unwrap();
        if i < 20 {
            full.roles.push(DatabaseUserRole::new(name, "admin"));
        }
    }
    backend.create_database_user(full).await.unwrap();

    let _app = mount_with("/database-access/users", &key);
    tick("full-user").await;
    tick("analyst").await;
    find("button", "Add or remove a custom role").await.click();
    wait_until("the dialog opens", || {
        text_of("[role=dialog] h2") == "Add or remove a custom role for 2 users"
    })
    .await;
    select(&input_labelled("Custom role").unwrap().id(), "bulk_20");
    wait_until("the plan is shown", || plan_rows().len() == 2).await;
    let rows = plan_rows();
    assert!(
        rows[0].starts_with("analyst") && rows[0].contains("Will get bulk_20"),
        "{rows:?}"
    );
    assert!(
        rows[1].starts_with("full-user")
            && rows[1].contains("Refused")
            && rows[1].contains("at most 20 custom roles"),
        "{rows:?}"
    );
    assert!(text_of("[role=dialog] [role=status]").contains("1 of 2 users will be updated"));
    assert!(
        !roles_of(&key, "analyst").contains(&"bulk_20".to_string()),
        "nothing sent yet"
    );
    find("button", "Apply to 1 users").await.click();
    wait_until("done", || {
        text_of("[role=dialog] [role=status]").contains("Done: 1 updated, 0 failed.")
    })
    .await;
    assert!(plan_rows()[0].ends_with("Updated"), "{:?}", plan_rows());
    assert!(roles_of(&key, "analyst").contains(&"bulk_20".to_string()));
    assert_eq!(
        roles_of(&key, "full-user").len(),
        20,
        "the refused user is untouched"
    );
    find("button", "Close").await.click();
    wait_until("closed", || query("[role=dialog]").is_none()).await;

    // Removing a user's only role is refused before anything is sent. (The ticks stay after a bulk
    // change: untick the two, tick bi-reader.)
    tick("full-user").await;
    tick("analyst").await;
    tick("bi-reader").await;
    find("button", "Add or remove a custom role").await.click();
    wait_until("the dialog opens", || {
        input_labelled("Remove the role").is_some()
    })
    .await;
    input_labelled("Remove the role").unwrap().click();
    select(&input_labelled("Custom role").unwrap().id(), "reporting");
    wait_until("the plan is shown", || plan_rows().len() == 1).await;
    assert!(
        plan_rows()[0].contains("Refused: Give the user at least one role."),
        "{:?}",
        plan_rows()
    );
    let apply: web_sys::HtmlButtonElement =
        find("button", "Apply to 0 users").await.unchecked_into();
    assert!(apply.disabled());
    find("button", "Cancel").await.click();
    assert_eq!(roles_of(&key, "bi-reader"), ["reporting"]);
}

#[wasm_bindgen_test]
async fn the_least_privilege_report_and_the_editor_show_findings_with_severity_and_location() {
    let key = fresh_key();
    let app = mount_with("/least-privilege", &key);
    wait_until("the report is shown", || {
        text_of(".page [role=status]") == "2 errors, 1 warning and 4 suggestions"
    })
    .await;
    let items = query_all(".lint-list li");
    let first = items[0].text_content().unwrap_or_default();
    assert!(
        first.starts_with("Error · Custom role index_tuner: CREATE_INDEX on any database"),
        "{first}"
    );
    let link = by_name("a", "Custom role index_tuner").unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/database-access/custom-roles/index_tuner/edit")
    );
    drop(app);

    // The editor shows the role's findings live, and they go once the role is narrowed.
    let _app = mount_with("/database-access/custom-roles/index_tuner/edit", &key);
    editor_ready().await;
    wait_until("the editor's checks", || {
        text_of(".lint-panel h3")
            == "Least-privilege checks: 2 errors, 0 warnings and 0 suggestions"
    })
    .await;
    input_labelled("Apply to any database").unwrap().click();
    type_into(&input_labelled("Database").unwrap(), "catalog");
    wait_until("no findings left", || query(".lint-panel").is_none()).await;
}
