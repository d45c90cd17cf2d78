//! The list's dialogs (Export, Import, Change Limit, "Used by", Delete): each opens only from a click, so a
//! split build puts their code (the form controller, the import's batch, the exports, the delete checks)
//! in the on-demand chunk with the screens, not in the first screen. One split point for the five: each
//! costs bytes in both modules.
use super::delete::DeleteRoleDialog;
use super::import::ImportDialog;
use super::limit::LimitDialog;
use super::list_state::ListDialog;
use super::transfer::ExportDialog;
use crate::backend::LoadFailed;
use crate::ui::widgets::{Placeholder, UsedByDialog};
use leptos::prelude::*;
use std::future::Future;

/// `dialog`'s view, once the chunk is in (at once in a build that isn't split).
pub fn list_dialog(
    dialog: ListDialog,
    on_close: Callback<()>,
) -> impl Future<Output = Result<AnyView, LoadFailed>> + Send {
    #[cfg(feature = "split")]
    let loaded = list_dialog_view(dialog, on_close);
    #[cfg(not(feature = "split"))]
    let loaded = std::future::ready(list_dialog_view(dialog, on_close));
    loaded
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(screens, fallible))]
fn list_dialog_view(dialog: ListDialog, on_close: Callback<()>) -> Result<AnyView, LoadFailed> {
    // `scripts/bench --floor` leaves them out, as the other screens (a constant: the dialogs aren't linked).
    if cfg!(feature = "first-screen-only") {
        return Ok(view! { <Placeholder /> }.into_any());
    }
    Ok(match dialog {
        ListDialog::Export(names) => {
            view! { <ExportDialog names=names on_close=on_close /> }.into_any()
        }
        ListDialog::Import => view! { <ImportDialog on_close=on_close /> }.into_any(),
        ListDialog::ChangeLimit => view! { <LimitDialog on_close=on_close /> }.into_any(),
        ListDialog::UsedBy(name) => {
            view! { <UsedByDialog name=name on_close=on_close /> }.into_any()
        }
        ListDialog::Delete(name) => {
            view! { <DeleteRoleDialog name=name on_done=on_close /> }.into_any()
        }
    })
}
