//! "Copy" for secrets and commands: writes to the clipboard and says so (announced politely).
use leptos::prelude::*;

#[component]
pub fn CopyButton(
    /// What is copied, read when clicked.
    #[prop(into)]
    text: Signal<String>,
    #[prop(into)] label: String,
) -> impl IntoView {
    let copied = RwSignal::new(false);
    view! {
        <button
            type="button"
            class="link-button"
            on:click=move |_| {
                let _ = window().navigator().clipboard().write_text(&text.get_untracked());
                copied.set(true);
            }
        >
            {label}
        </button>
        <span class="note" role="status">{move || if copied.get() { "Copied" } else { "" }}</span>
    }
}
