//! A database user changed or deleted by someone else while its dialog is open is never overwritten
//! silently: "Save changes" re-reads it and shows both changes.
use crate::support::*;
use dbaccess::backend::local::LocalBackend;
use dbaccess::backend::OnDemand;
use dbaccess::ui::shell::routes;
use domain::demo::DemoKind;
use domain::model::{DatabaseUser, DatabaseUserRole};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

fn edit_bi_reader() -> String {
    routes::edit_user("admin", "bi-reader")
}
const USERS: &str = routes::DATABASE_USERS;

fn bi_reader(key: &str) -> Option<DatabaseUser> {
    stored_users(key)
        .into_iter()
        .find(|u| u.username == "bi-reader")
}

/// Another tab (or person) changes bi-reader through its own backend on the same storage.
async fn someone_else_changes(key: &str, change: impl FnOnce(&mut DatabaseUser)) {
    let other = LocalBackend::open(key, DemoKind::Standard);
    let mut u = bi_reader(key).unwrap();
    change(&mut u);
    other
        .update_database_user("admin".into(), "bi-reader".into(), u)
        .await
        .unwrap();
}

async fn user_dialog_ready() {
    wait_until("the user dialog is shown", || {
        input_labelled("Description").is_some()
    })
    .await;
}

async fn save_into_user_conflict() {
    submit_with(&["Update User"]);
    find("button", "Save changes").await.click();
    wait_until("the conflict is shown", || {
        text_of(".conflict h3") == "Someone else changed this user"
    })
    .await;
}

/// Opens bi-reader, describes it, lets someone else add readAnyDatabase meanwhile, and saves.
async fn describe_into_conflict(key: &str, mine: &str) {
    user_dialog_ready().await;
    type_into(&input_labelled("Description").unwrap(), mine);
    someone_else_changes(key, |u| {
        u.roles
            .push(DatabaseUserRole::new("readAnyDatabase", "admin"))
    })
    .await;
    save_into_user_conflict().await;
}

#[wasm_bindgen_test]
async fn a_database_user_changed_meanwhile_is_never_overwritten_silently() {
    let key = fresh_key();
    let _app = mount_with(&edit_bi_reader(), &key);
    describe_into_conflict(&key, "Weekly reports").await;
    let conflict = text_of(".conflict");
    assert!(
        conflict.contains("Their change") && conflict.contains("readAnyDatabase@admin"),
        "{conflict}"
    );
    assert!(
        conflict.contains("Your change") && conflict.contains("description: Weekly reports"),
        "{conflict}"
    );
    let stored = bi_reader(&key).unwrap();
    assert_eq!(stored.roles.len(), 2, "their change is still there");
    assert_eq!(stored.description, None, "mine is not sent");

    // Merge by hand: their version stays in view while mine is completed.
    find("button", "Merge by hand").await.click();
    wait_until("their version is shown", || {
        text_of(".their-version").contains("readAnyDatabase@admin")
    })
    .await;
    assert_eq!(
        input_labelled("Description").unwrap().value(),
        "Weekly reports",
        "the form still holds mine"
    );
    select("user-builtin", "readAnyDatabase");
    submit_with(&["Update User"]);
    find("button", "Save changes").await.click();
    wait_until("saved", || pathname() == USERS).await;
    let stored = bi_reader(&key).unwrap();
    assert_eq!(stored.description.as_deref(), Some("Weekly reports"));
    let mut roles: Vec<String> = stored.roles.iter().map(DatabaseUserRole::spec).collect();
    roles.sort();
    assert_eq!(
        roles,
        ["readAnyDatabase@admin", "reporting@admin"],
        "both changes kept"
    );
}

#[wasm_bindgen_test]
async fn after_a_user_conflict_take_theirs_or_keep_mine() {
    let key = fresh_key();
    let _app = mount_with(&edit_bi_reader(), &key);
    describe_into_conflict(&key, "Weekly reports").await;
    find("button", "Take theirs").await.click();
    wait_until("the form now holds their version", || {
        query(".conflict").is_none()
            && input_labelled("Description").is_some_and(|d| d.value().is_empty())
            && by_id("user-builtin").is_some_and(|s| {
                s.unchecked_into::<web_sys::HtmlSelectElement>().value() == "readAnyDatabase"
            })
    })
    .await;

    // Another change comes in; this time the user keeps theirs out and saves their own.
    type_into(&input_labelled("Description").unwrap(), "Mine after all");
    someone_else_changes(&key, |u| u.description = Some("Theirs again".into())).await;
    save_into_user_conflict().await;
    find("button", "Keep mine").await.click();
    wait_until("saved", || pathname() == USERS).await;
    let stored = bi_reader(&key).unwrap();
    assert_eq!(
        stored.description.as_deref(),
        Some("Mine after all"),
        "mine replaced theirs, as chosen"
    );
    assert_eq!(stored.roles.len(), 2, "the version taken is kept");
}

#[wasm_bindgen_test]
async fn a_user_deleted_meanwhile_is_said_so_and_not_silently_recreated() {
    let key = fresh_key();
    let _app = mount_with(&edit_bi_reader(), &key);
    user_dialog_ready().await;
    type_into(&input_labelled("Description").unwrap(), "Weekly reports");
    LocalBackend::open(&key, DemoKind::Standard)
        .delete_database_user("admin".into(), "bi-reader".into())
        .await
        .unwrap();
    submit_with(&["Update User"]);
    find("button", "Save changes").await.click();
    wait_until("the deletion is shown", || {
        text_of(".conflict h3") == "Someone else deleted this user"
    })
    .await;
    let text = text_of(".conflict");
    assert!(
        text.contains("password"),
        "why it can't be re-created: {text}"
    );
    assert!(
        by_name("button", "Re-create User").is_none(),
        "a password user can't be re-created without a password"
    );
    assert!(bi_reader(&key).is_none(), "nothing re-created");

    // With a new password typed, re-creating it sends nothing it would have to invent.
    find("button", "Back to editing").await.click();
    let password = wait_for_password().await;
    type_into(&password, "A-new-passw0rd-for-bi");
    submit_with(&["Update User"]);
    find("button", "Save changes").await.click();
    find("button", "Re-create User").await.click();
    wait_until("re-created", || pathname() == USERS).await;
    let u = bi_reader(&key).expect("re-created");
    assert_eq!(u.description.as_deref(), Some("Weekly reports"));
}

async fn wait_for_password() -> web_sys::HtmlInputElement {
    wait_until("the password field", || by_id("user-password").is_some()).await;
    by_id("user-password").unwrap().unchecked_into()
}
