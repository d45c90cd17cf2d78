//! Browser tests of the Database Users tab: list, the add/edit dialog with its rules, effective privileges,
//! delete, and that no password ever reaches browser storage.
//! One file for adding users (`adding`), one for the list and editing (`editing`).
use crate::support::*;
use dbaccess::backend::local::LocalBackend;
use dbaccess::backend::OnDemand;
use dbaccess::ui::shell::routes;
use domain::demo::DemoKind;
use domain::model::{CustomDbRole, DatabaseUser, PrivilegeAction, Resource};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement};

mod adding;
mod editing;

const LIST: &str = routes::DATABASE_USERS;
const NEW: &str = routes::NEW_USER;

async fn dialog_ready() -> HtmlInputElement {
    wait_until("the user dialog is shown", || {
        query("[role=dialog]").is_some() && by_id("user-name").is_some()
    })
    .await;
    input_labelled("Username").unwrap()
}

fn row_names() -> Vec<String> {
    query_all(".users-table tbody th")
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect()
}

fn submit() {
    submit_with(&["Add User", "Update User"]);
}

/// Types a new password user `username` into Add New Database User while another tab creates the same
/// user first, and submits: Atlas's refusal is shown. Returns the Username field.
async fn submit_a_user_taken_meanwhile(key: &str, username: &str) -> HtmlInputElement {
    let name = dialog_ready().await;
    type_into(&name, username);
    type_into(&input_labelled("Password").unwrap(), "long-enough-secret");
    select("user-builtin", "readAnyDatabase");
    // Another tab creates the same user first: only the backend can tell.
    let mut other = DatabaseUser::new(username);
    other.password = Some("another-secret-1".into());
    other.roles = vec![domain::model::DatabaseUserRole::new("read", "sales")];
    LocalBackend::open(key, DemoKind::Standard)
        .create_database_user(other)
        .await
        .unwrap();
    submit();
    wait_until("the refusal is shown", || {
        text_of("[role=dialog] [role=alert]").contains("refused")
    })
    .await;
    name
}
