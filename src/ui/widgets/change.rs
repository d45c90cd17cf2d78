//! A change as lines added and removed (`domain::diff::Change`): the review before saving, the conflict
//! view and the Activity Feed's before/after all show it the same way.
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
