//! Browser tests of the power tools of issue #9 beyond import/export: reverse lookup ("Used by",
//! "Who can …?"), undo after delete, concurrent-edit safety, bulk assignment and the feed's diffs.
#![cfg(target_arch = "wasm32")]
mod support;

use support::*;
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

#[wasm_bindgen_test]
async fn used_by_lists_who_holds_a_role_directly_and_through_inheritance() {
    let _app = mount_with(LIST, &fresh_key());
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
