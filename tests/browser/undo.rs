//! Browser tests of undo after a delete: a held role needs its name typed, Undo puts a role
//! back in every heir role and user, a user comes back unless it signs in with a password, Dismiss.

use crate::support::*;
use dbaccess::backend::local::LocalBackend;
use dbaccess::backend::OnDemand;
use dbaccess::ui::shell::routes;
use dbaccess::ui::shell::undo::{ManualClock, UNDO_SECONDS};
use domain::demo::DemoKind;
use domain::model::{DatabaseUser, DatabaseUserRole, InheritedRole};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

const LIST: &str = routes::CUSTOM_ROLES;

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
    let clock = ManualClock::default();
    let _app = mount_with_clock(LIST, &key, clock.clone());
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
    // Every reaction to the input has run once the queued tasks have: then the button must still refuse.
    leptos::task::tick().await;
    assert_eq!(typed.value(), "orders_reade");
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
    // The offer lasts its full time (at least 10 s, the issue asks): on the undo clock, not the wall's.
    clock.advance(UNDO_SECONDS * 1000 - 1);
    leptos::task::tick().await;
    assert!(
        by_name("button", "Undo").is_some(),
        "still offered 1 ms before {UNDO_SECONDS} s"
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
async fn the_offer_goes_when_its_time_is_up_and_focus_stays_in_the_page() {
    let key = demo_with_unheld().await;
    let clock = ManualClock::default();
    let _app = mount_with_clock(LIST, &key, clock.clone());
    list_ready().await;
    find("button", "Delete unheld").await.click();
    wait_until("asked", || query("[role=alertdialog]").is_some()).await;
    confirm_button().click();
    find("button", "Undo").await;
    let focused = || {
        document()
            .active_element()
            .map(|e| e.text_content().unwrap_or_default())
    };
    wait_until("focus on Undo", || focused().as_deref() == Some("Undo")).await;
    clock.advance(UNDO_SECONDS * 1000 - 1);
    leptos::task::tick().await;
    assert!(by_name("button", "Undo").is_some(), "not yet");
    clock.advance(1);
    wait_until("the offer is gone", || by_name("button", "Undo").is_none()).await;
    assert!(!text_of(".undo-region").contains("Deleted"));
    assert_eq!(
        focused().as_deref(),
        Some("Database Access"),
        "from Undo, focus goes to the page's heading, not the document's body"
    );
    assert!(!stored_roles(&key).iter().any(|r| r.role_name == "unheld"));
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
    let _app = mount_with(routes::DATABASE_USERS, &key);
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
    let back = stored_user(&key, &iam.username);
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
    // Positive marker, not a pause: the list is re-read after the delete's success handler (which
    // offers any undo) has run, so once it no longer shows the user, an offer would be showing.
    wait_until("the list no longer shows bi-reader", || {
        query(".users-table").is_some() && !text_of(".users-table").contains("bi-reader")
    })
    .await;
    assert!(by_name("button", "Undo").is_none());
}
