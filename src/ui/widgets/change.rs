//! A change as lines added and removed (`domain::diff::Change`): the review before saving, the conflict
//! view and the Activity Feed's before/after all show it the same way.
use crate::ui::shell::ids::dom_id;
use domain::diff::Change;
use leptos::prelude::*;

#[component]
pub fn ChangeList(
    change: Change,
    /// Shown when nothing changed.
    #[prop(default = "No changes.")]
    empty: &'static str,
) -> impl IntoView {
    if change.is_empty() {
        return view! { <p class="change-none">{empty}</p> }.into_any();
    }
    let section = |title: &'static str,
                   class: &'static str,
                   sign: &'static str,
                   lines: Vec<String>| {
        (!lines.is_empty()).then(|| {
            view! {
                <h4 class="change-title">{title}</h4>
                <ul class=class>
                    {lines.into_iter().map(|l| view! { <li><span aria-hidden="true">{sign}</span><code>{l}</code></li> }).collect_view()}
                </ul>
            }
        })
    };
    view! {
        <div class="change-list">
            {section("Added", "change-added", "+ ", change.added)}
            {section("Removed", "change-removed", "− ", change.removed)}
        </div>
    }
    .into_any()
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

/// The review at the end of an edit: the change, "Back to editing" and "Save changes" (disabled when
/// nothing changed). Its heading (`review-title`) takes focus when it appears.
#[component]
pub fn ReviewStep(
    /// What the change is to, e.g. "orders_reader will grant".
    #[prop(into)]
    intro: String,
    change: Change,
    busy: Signal<bool>,
    on_save: Callback<()>,
    on_back: Callback<()>,
) -> impl IntoView {
    let unchanged = change.is_empty();
    view! {
        <section class="review" aria-labelledby=dom_id("review-title")>
            <h3 id=dom_id("review-title") tabindex="-1">"Review changes"</h3>
            <p>{intro}</p>
            <ChangeList change=change empty="Nothing changed: saving would send it as it is." />
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
