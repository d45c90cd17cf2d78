//! The end of editing a role: a review of the change before it is sent, and, when someone else changed
//! the role since the editor opened (the Admin API replaces actions and inherited roles wholesale), both
//! changes side by side with a choice: keep mine, take theirs, or merge by hand.
use crate::ui::ids::dom_id;
use crate::ui::widgets::ChangeList;
use domain::diff::role_change;
use domain::model::CustomDbRole;
use leptos::prelude::*;

/// Where an edit stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Stage {
    Editing,
    /// The change is shown; nothing sent yet.
    Review,
    /// The role as re-read differs from the one the editor opened with.
    Conflict(CustomDbRole),
}

#[component]
pub fn ConflictStep(
    base: CustomDbRole,
    theirs: CustomDbRole,
    mine: CustomDbRole,
    busy: Signal<bool>,
    on_keep_mine: Callback<()>,
    on_take_theirs: Callback<()>,
    on_merge: Callback<()>,
) -> impl IntoView {
    let their_change = role_change(&base, &theirs);
    let my_change = role_change(&base, &mine);
    view! {
        <section class="review conflict" role="alert" aria-labelledby=dom_id("conflict-title")>
            <h3 id=dom_id("conflict-title") tabindex="-1">"Someone else changed this role"</h3>
            <p>{format!(
                "{} was changed since you opened it. Saving replaces its actions and inherited roles with yours, so their change would be lost. Choose what to keep.",
                base.role_name
            )}</p>
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
                <button type="button" class="button" disabled=move || busy.get() on:click=move |_| on_merge.run(())>"Merge by hand"</button>
                <button type="button" class="button" disabled=move || busy.get() on:click=move |_| on_take_theirs.run(())>"Take theirs"</button>
                <button type="button" class="button button-danger" disabled=move || busy.get() on:click=move |_| on_keep_mine.run(())>"Keep mine"</button>
            </div>
        </section>
    }
}

/// Their version of the role while merging by hand, read-only next to the form.
#[component]
pub fn TheirVersion(theirs: CustomDbRole) -> impl IntoView {
    let lines = domain::diff::role_lines(&theirs);
    view! {
        <aside class="their-version" aria-labelledby=dom_id("their-version-title")>
            <h3 id=dom_id("their-version-title")>"Their version (now saved)"</h3>
            <ul>{lines.into_iter().map(|l| view! { <li><code>{l}</code></li> }).collect_view()}</ul>
            <p class="help">"Edit the form to combine both; saving checks the role again first."</p>
        </aside>
    }
}
