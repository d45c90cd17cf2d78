//! Browser tests of Project Access: members and their project roles, the dialogs with the shared role
//! picker, secrets shown once, and the role guide. The principal-aware console is in `view_as.rs`.
//! One file for the member lists and their roles (`members`), adding members (`adding`), and choosing
//! roles (`choosing`).
use crate::support::*;
use dbaccess::ui::shell::routes;
use domain::model::{ApiKey, ServiceAccount, TeamRole};
use domain::project::ActivityEvent;
use domain::project_access::MemberKind;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

mod adding;
mod choosing;
mod members;

async fn dialog(title: &str) -> HtmlElement {
    wait_until(&format!("the dialog {title:?} is shown"), || {
        query("[role=dialog] .dialog-title")
            .is_some_and(|t| t.text_content().unwrap_or_default() == title)
    })
    .await;
    query("[role=dialog]").unwrap()
}

fn row_of(name: &str) -> Option<HtmlElement> {
    query_all(".members-table tbody tr").into_iter().find(|r| {
        r.query_selector("th")
            .unwrap()
            .and_then(|t| t.text_content())
            .unwrap_or_default()
            .starts_with(name)
    })
}

/// The standard demo project's id.
const PROJECT: &str = "6650f1c2a4b3c2d1e0f9a8b7";
