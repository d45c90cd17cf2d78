//! Who holds a role or an action, and how: "Used by" on a custom role (a dialog from its row) and the
//! answer list of "Who can …?" (`domain::lookup`), with the chain of roles behind each answer.
use super::Dialog;
use crate::ui::shell::state::use_data;
use domain::lookup::{used_by, Holder};
use leptos::prelude::*;

/// How a holder gets what was looked up: "directly" or "through top → mid". A role's chain starts with
/// the role itself (`skip_first`); in "Used by" every chain ends with the role looked up (`drop_last`).
fn through(chain: &[String], skip_first: bool, drop_last: bool) -> String {
    let start = usize::from(skip_first).min(chain.len());
    let end = chain
        .len()
        .saturating_sub(usize::from(drop_last))
        .max(start);
    match &chain[start..end] {
        [] => "directly".to_string(),
        via => format!("through {}", via.join(" → ")),
    }
}

/// A list of holders (users or roles) under a heading, or nothing when there are none.
pub fn holders(
    heading: &'static str,
    list: Vec<Holder>,
    skip_first: bool,
    drop_last: bool,
) -> impl IntoView {
    (!list.is_empty()).then(|| {
        view! {
            <h3>{heading}</h3>
            <ul class="holders">
                {list.into_iter().map(|h| {
                    let how = through(&h.chain, skip_first, drop_last);
                    view! { <li><strong>{h.name}</strong>" — "{how}</li> }
                }).collect_view()}
            </ul>
        }
    })
}

/// "Used by <role>": the users and roles holding it, directly or through inheritance.
#[component]
pub fn UsedByDialog(name: String, on_close: Callback<()>) -> impl IntoView {
    let data = use_data();
    let answer = {
        let name = name.clone();
        Memo::new(move |_| data.with_context(|ctx| used_by(&name, ctx.custom_roles, ctx.users)))
    };
    let empty_note = format!("No database user or custom role holds {name}.");
    view! {
        <Dialog id="used-by" title=format!("Used by {name}") on_close=on_close>
            <div class="dialog-body" role="status">
                {move || {
                    let a = answer.get();
                    if a.is_empty() {
                        view! { <p class="empty-state">{empty_note.clone()}</p> }.into_any()
                    } else {
                        view! {
                            {holders("Database users", a.users, false, true)}
                            {holders("Custom roles that inherit it", a.roles, true, true)}
                        }.into_any()
                    }
                }}
            </div>
            <div class="dialog-actions">
                <button type="button" class="button" on:click=move |_| on_close.run(())>"Close"</button>
            </div>
        </Dialog>
    }
}
