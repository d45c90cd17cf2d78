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

/// Moves focus to the element with DOM id `name` once it is rendered (a step's heading).
pub fn focus_when_shown(name: &str) {
    let id = dom_id(name);
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    });
}

#[component]
pub fn ReviewStep(
    base: CustomDbRole,
    mine: CustomDbRole,
    busy: Signal<bool>,
    on_save: Callback<()>,
    on_back: Callback<()>,
) -> impl IntoView {
    let change = role_change(&base, &mine);
    let unchanged = change.is_empty();
    view! {
        <section class="review" aria-labelledby=dom_id("review-title")>
            <h3 id=dom_id("review-title") tabindex="-1">"Review changes"</h3>
            <p>{format!("What {} will grant differently once saved:", base.role_name)}</p>
            <ChangeList change=change empty="Nothing changed: saving would send the role as it is." />
            <div class="form-actions">
                <button type="button" class="button" on:click=move |_| on_back.run(())>"Back to editing"</button>
                <button
                    type="button"
                    class="button button-primary"
                    disabled=move || busy.get() || unchanged
                    aria-busy=move || busy.get().then_some("true")
                    on:click=move |_| on_save.run(())
                >
                    "Save changes"
                </button>
            </div>
        </section>
    }
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
