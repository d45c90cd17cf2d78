//! Browser tests of the Database Users tab: list, the add/edit dialog with its rules, effective privileges,
//! delete, and that no password ever reaches browser storage.
//! One file for adding users (`adding`), one for the list and editing (`editing`).
use crate::support::*;
use dbaccess::backend::local::LocalBackend;
use dbaccess::backend::Backend;
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
