//! A `<details>` whose content is built only while it is open: for panels that are costly to build, or
//! to keep up to date while nobody looks (a list of 1,400 roles, a live request preview).
use leptos::prelude::*;

#[component]
pub fn LazyDetails(
    class: &'static str,
    /// The summary's text (the disclosure's accessible name).
    summary: &'static str,
    /// Whether it is open, when the caller's state outlives the element (e.g. a panel hidden and shown).
    #[prop(optional)]
    open: Option<RwSignal<bool>>,
    children: ChildrenFn,
) -> impl IntoView {
    let open = open.unwrap_or_else(|| RwSignal::new(false));
    view! {
        <details class=class prop:open=move || open.get()>
            // The summary toggles the signal, not the element: the content follows the signal.
            <summary on:click=move |ev| {
                ev.prevent_default();
                open.update(|o| *o = !*o);
            }>{summary}</summary>
            {move || open.get().then(|| children())}
        </details>
    }
}
