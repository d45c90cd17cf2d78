//! Browser tests of the power tools beyond import/export, undo and safe edits (`role_transfer`, `undo`,
//! `safe_edits`): reverse lookup ("Used by", "Who can …?"), bulk assignment, least-privilege lint.

use crate::support::*;
use dbaccess::backend::local::LocalBackend;
use dbaccess::backend::OnDemand;
use dbaccess::ui::shell::routes;
use domain::demo::DemoKind;
use domain::model::{DatabaseUser, DatabaseUserRole};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

const LIST: &str = routes::CUSTOM_ROLES;

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
    let _app = mount_with(
        &format!("{}?action=FIND&ns=sales.orders", routes::WHO_CAN),
        &fresh_key(),
    );
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

    let _app = mount_with(routes::DATABASE_USERS, &key);
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
    let app = mount_with(routes::LEAST_PRIVILEGE, &key);
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
        Some(routes::edit_role("index_tuner").as_str())
    );
    drop(app);

    // The editor shows the role's findings live, and they go once the role is narrowed.
    let _app = mount_with(&routes::edit_role("index_tuner"), &key);
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
