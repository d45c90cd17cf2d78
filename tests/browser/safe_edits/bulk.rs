//! "Add or remove a custom role" for ticked users re-reads each user before writing it: one changed or
//! deleted since the plan was shown is not written, and is reported so the plan can be made again.
use crate::support::*;
use dbaccess::backend::local::LocalBackend;
use dbaccess::backend::OnDemand;
use dbaccess::ui::shell::routes;
use domain::demo::DemoKind;
use wasm_bindgen_test::*;

fn plan_rows() -> Vec<String> {
    query_all(".bulk-plan tbody tr")
        .iter()
        .map(|r| r.text_content().unwrap_or_default())
        .collect()
}

fn row(name: &str) -> String {
    plan_rows()
        .into_iter()
        .find(|r| r.starts_with(name))
        .unwrap_or_default()
}

fn status() -> String {
    text_of("[role=dialog] [role=status]")
}

fn stored_user(key: &str, name: &str) -> Option<domain::model::DatabaseUser> {
    stored_users(key).into_iter().find(|u| u.username == name)
}

fn holds(key: &str, name: &str, role: &str) -> bool {
    stored_user(key, name).is_some_and(|u| u.roles.iter().any(|r| r.role_name == role))
}

#[wasm_bindgen_test]
async fn a_bulk_change_skips_users_changed_since_the_plan_and_can_plan_again() {
    let key = fresh_key();
    let _app = mount_with(routes::DATABASE_USERS, &key);
    for name in ["analyst", "bi-reader", "monitoring"] {
        find("input", &format!("Select {name}")).await.click();
    }
    find("button", "Add or remove a custom role").await.click();
    wait_until("the dialog opens", || {
        text_of("[role=dialog] h2") == "Add or remove a custom role for 3 users"
    })
    .await;
    select(
        &input_labelled("Custom role").unwrap().id(),
        "orders_reader",
    );
    wait_until("the plan is shown", || plan_rows().len() == 3).await;
    assert!(
        status().contains("3 of 3 users will be updated"),
        "{}",
        status()
    );

    // Meanwhile a colleague describes bi-reader and deletes monitoring.
    let other = LocalBackend::open(&key, DemoKind::Standard);
    let mut bi = stored_user(&key, "bi-reader").unwrap();
    bi.description = Some("Theirs".into());
    other
        .update_database_user("admin".into(), "bi-reader".into(), bi)
        .await
        .unwrap();
    other
        .delete_database_user("admin".into(), "monitoring".into())
        .await
        .unwrap();

    find("button", "Apply to 3 users").await.click();
    wait_until("done", || status().starts_with("Done:")).await;
    assert_eq!(
        status(),
        "Done: 1 updated, 2 changed since you reviewed and not changed, 0 failed."
    );
    assert!(row("analyst").ends_with("Updated"), "{:?}", plan_rows());
    assert!(
        row("bi-reader").ends_with("Changed since you reviewed: not changed"),
        "{:?}",
        plan_rows()
    );
    assert!(
        row("monitoring").ends_with("Deleted since you reviewed: not changed"),
        "{:?}",
        plan_rows()
    );
    assert!(holds(&key, "analyst", "orders_reader"));
    assert!(!holds(&key, "bi-reader", "orders_reader"), "not written");
    assert_eq!(
        stored_user(&key, "bi-reader")
            .unwrap()
            .description
            .as_deref(),
        Some("Theirs"),
        "their change kept"
    );
    assert!(stored_user(&key, "monitoring").is_none(), "not re-created");

    // Planning again starts from the users as they are now.
    find("button", "Plan again").await.click();
    wait_until("the new plan", || {
        row("bi-reader").contains("Will get orders_reader") && !status().starts_with("Done:")
    })
    .await;
    find("button", "Apply to 1 users").await.click();
    wait_until("done again", || status().starts_with("Done:")).await;
    assert!(holds(&key, "bi-reader", "orders_reader"));
    assert_eq!(
        stored_user(&key, "bi-reader")
            .unwrap()
            .description
            .as_deref(),
        Some("Theirs"),
        "their change still kept"
    );
}
