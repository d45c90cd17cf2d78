//! Browser tests of the principal-aware console: "View as" switches who the demo acts as, controls the
//! principal may not use are disabled with the reason, the backend refuses on its own with 403, and an
//! open form keeps what was typed across a switch.

use crate::support::*;
use dbaccess::backend::local::LocalBackend;
use dbaccess::backend::OnDemand;
use dbaccess::ui::shell::routes;
use domain::demo::DemoKind;
use domain::model::CreateProjectApiKey;
use domain::project_access::MemberKind;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn a_read_only_principal_sees_disabled_controls_with_the_reason_and_the_backend_refuses_with_403(
) {
    let key = fresh_key();
    let _app = mount_with(routes::CUSTOM_ROLES, &key);
    let edit = find("a", "Edit orders_reader").await;
    assert_eq!(edit.get_attribute("aria-disabled"), None);
    // Switch without reloading the page.
    wait_until("View as offered", || by_id("view-as").is_some()).await;
    select("view-as", "rory.readonly@example.com");
    let edit = find("button", "Edit orders_reader").await;
    assert_eq!(edit.get_attribute("aria-disabled").as_deref(), Some("true"));
    assert!(messages_of(&edit).contains("Requires Project Owner or Project Database Access Admin"));
    edit.click();
    // Positive and ordered, not a pause: a search typed after the click is applied after anything the
    // click set off, so once the filtered list shows, a navigation or dialog would be there too.
    let search = input_labelled("Search custom roles").unwrap();
    type_into(&search, "orders_reader");
    let shows = |name: &str| row_names().iter().any(|r| r == name);
    wait_until("the search after the click is applied", || {
        shows("orders_reader") && !shows("index_tuner")
    })
    .await;
    assert_eq!(
        pathname(),
        routes::CUSTOM_ROLES,
        "a disabled control does nothing"
    );
    let delete = by_name("button", "Delete orders_reader").unwrap();
    assert_eq!(
        delete.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    delete.click();
    type_into(&search, "index_tuner");
    wait_until("the search after the click is applied", || {
        shows("index_tuner") && !shows("orders_reader")
    })
    .await;
    assert!(query("[role=alertdialog]").is_none());
    type_into(&search, "");
    assert!(page_text().contains("You are viewing as rory.readonly@example.com"));
    let add = by_name("button", "Add New Custom Role").unwrap();
    assert_eq!(add.get_attribute("aria-disabled").as_deref(), Some("true"));

    // Forcing the mutation past the UI: the backend refuses on its own.
    let backend = LocalBackend::open(&key, DemoKind::Standard);
    let before = storage().get_item(&key).unwrap();
    let err = backend
        .delete_custom_role("orders_reader".into())
        .await
        .unwrap_err();
    assert_eq!(
        (err.error, err.error_code.as_str()),
        (403, "USER_UNAUTHORIZED")
    );
    let err = backend
        .create_api_key(CreateProjectApiKey {
            desc: "x".into(),
            roles: vec!["GROUP_READ_ONLY".into()],
        })
        .await
        .unwrap_err();
    assert_eq!(err.error, 403);
    assert_eq!(storage().get_item(&key).unwrap(), before, "nothing changed");

    // Back to an owner: enabled again, still without a reload.
    select("view-as", "ada.admin@example.com");
    wait_until("editing enabled again", || {
        by_name("a", "Edit orders_reader").is_some()
    })
    .await;
}

#[wasm_bindgen_test]
async fn switching_principal_changes_what_is_enabled_on_each_screen() {
    let _app = mount_app_at(routes::PROJECT_USERS);
    wait_until("View as offered", || by_id("view-as").is_some()).await;
    // A database access admin manages database access but not project access.
    select("view-as", "dana.dbadmin@example.com");
    let invite = find("button", "Invite to Project").await;
    assert_eq!(
        invite.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    assert!(messages_of(&invite).contains("Requires Project Owner or Project Access Manager"));
    // An access manager is the other way round.
    select("view-as", "amir.access@example.com");
    find("a", "Invite to Project").await;
    find("a", "Edit Roles for rory.readonly@example.com").await;
    find("a", "Database Access").await.click();
    let add = find("button", "Add New Custom Role").await;
    assert_eq!(add.get_attribute("aria-disabled").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn switching_principal_while_editing_keeps_what_was_typed() {
    let _app = mount_app_at(&routes::edit_user("admin", "app-service"));
    wait_until("the user dialog", || {
        input_labelled("Description").is_some()
    })
    .await;
    type_into(
        &input_labelled("Description").unwrap(),
        "typed before switching",
    );
    select("view-as", "dana.dbadmin@example.com");
    // The reload that follows the switch must not re-create the open form.
    wait_until("the principal switched", || {
        by_id("view-as").is_some_and(|s| {
            s.unchecked_into::<web_sys::HtmlSelectElement>().value() == "dana.dbadmin@example.com"
        })
    })
    .await;
    reads_done().await;
    assert_eq!(
        input_labelled("Description").unwrap().value(),
        "typed before switching"
    );
}

#[wasm_bindgen_test]
async fn a_project_access_manager_sees_service_account_changes_disabled_with_the_reason() {
    let key = fresh_key();
    let _app = mount_with(routes::SERVICE_ACCOUNTS, &key);
    wait_until("View as offered", || by_id("view-as").is_some()).await;
    select("view-as", "amir.access@example.com");
    // The spec reserves service-account create, update and delete for Project Owner.
    for name in [
        "Create Service Account",
        "Edit Roles for backup-bot",
        "Remove backup-bot from Project",
    ] {
        let control = find("button", name).await;
        assert_eq!(
            control.get_attribute("aria-disabled").as_deref(),
            Some("true"),
            "{name}"
        );
        assert!(
            messages_of(&control).contains("Requires Project Owner"),
            "{name}"
        );
    }
    assert!(page_text().contains("who can't change service accounts"));
    // API keys stay theirs to manage.
    find("[role=tab]", "API Keys").await.click();
    find("a", "Create API Key").await;

    // Past the UI, the embedded backend refuses on its own.
    let backend = LocalBackend::open(&key, DemoKind::Standard);
    let err = backend
        .remove_member(
            MemberKind::ServiceAccount,
            "mdb_sa_id_dddddddddddddddddddd0001".into(),
        )
        .await
        .unwrap_err();
    assert_eq!(
        (err.error, err.error_code.as_str()),
        (403, "USER_UNAUTHORIZED")
    );

    // A Project Owner may remove it, and is told it stays in the organization with its secrets.
    select("view-as", "ada.admin@example.com");
    find("[role=tab]", "Service Accounts").await.click();
    find("button", "Remove backup-bot from Project")
        .await
        .click();
    wait_until("the confirmation", || query("[role=alertdialog]").is_some()).await;
    let said = text_of("[role=alertdialog]");
    assert!(
        said.contains("stays in your organization") && said.contains("keep working"),
        "{said}"
    );
}
