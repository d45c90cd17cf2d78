//! What an edit shows when the thing it changes was changed by someone else since it was read (the Admin
//! API has no conditional writes, so every editor re-reads before writing): both changes side by side as
//! `domain::diff` lines, and a choice of "Merge by hand", "Take theirs" or "Keep mine". Used by the role
//! editor, the database user dialog and a member's "Edit Roles".
use super::ChangeList;
use crate::ui::shell::ids::dom_id;
use domain::diff::Change;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// The conflict, with its heading (`conflict-title`, focused when shown) and the three choices.
#[component]
pub fn ConflictStep(
    /// E.g. "Someone else changed this role".
    #[prop(into)]
    title: String,
    /// What saving now would do, and that the user chooses.
    #[prop(into)]
    message: String,
    /// From the version the edit started from to the one read now.
    their_change: Change,
    /// From the version the edit started from to the form.
    my_change: Change,
    busy: Signal<bool>,
    on_keep_mine: Callback<()>,
    on_take_theirs: Callback<()>,
    /// Merging here: the form stays, their version beside it.
    #[prop(optional)]
    on_merge: Option<Callback<()>>,
    /// Merging elsewhere (another project's editor): a link opening it in a new tab, so this page, with
    /// both changes and any other results, stays open.
    #[prop(optional)]
    merge_href: Option<String>,
) -> impl IntoView {
    let merge = match merge_href {
        Some(href) => {
            view! { <a class="button" href=href target="_blank" rel="noopener">"Merge by hand"</a> }
                .into_any()
        }
        None => view! {
            <button type="button" class="button" disabled=move || busy.get()
                on:click=move |_| on_merge.iter().for_each(|m| m.run(()))>"Merge by hand"</button>
        }
        .into_any(),
    };
    view! {
        <section class="review conflict" role="alert" aria-labelledby=dom_id("conflict-title")>
            <h3 id=dom_id("conflict-title") tabindex="-1">{title}</h3>
            <p>{message}</p>
            <div class="conflict-columns">
                <div>
                    <h4>"Their change"</h4>
                    <ChangeList change=their_change />
                </div>
                <div>
                    <h4>"Your change"</h4>
                    <ChangeList change=my_change />
                </div>
            </div>
            <div class="form-actions">
                {merge}
                <button type="button" class="button" disabled=move || busy.get() on:click=move |_| on_take_theirs.run(())>"Take theirs"</button>
                <button type="button" class="button button-danger" disabled=move || busy.get() on:click=move |_| on_keep_mine.run(())>"Keep mine"</button>
            </div>
        </section>
    }
}

/// Their version while merging by hand, read-only next to the form.
#[component]
pub fn TheirVersion(
    lines: BTreeSet<String>,
    /// What saving does now, e.g. "saving checks the role again first".
    #[prop(into)]
    help: String,
) -> impl IntoView {
    view! {
        <aside class="their-version" aria-labelledby=dom_id("their-version-title")>
            <h3 id=dom_id("their-version-title")>"Their version (now saved)"</h3>
            <ul>{lines.into_iter().map(|l| view! { <li><code>{l}</code></li> }).collect_view()}</ul>
            <p class="help">{help}</p>
        </aside>
    }
}
