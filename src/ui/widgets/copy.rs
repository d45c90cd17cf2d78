//! "Copy" for secrets and commands: writes to the clipboard and says whether it worked (announced
//! politely). A private key is shown once: "Copied" must never be said when the browser refused.
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

#[component]
pub fn CopyButton(
    /// What is copied, read when clicked.
    #[prop(into)]
    text: Signal<String>,
    #[prop(into)] label: String,
) -> impl IntoView {
    // None until clicked; then whether the clipboard took the text.
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        copied.set(None);
        let written = window()
            .navigator()
            .clipboard()
            .write_text(&text.get_untracked());
        spawn_local(async move {
            copied.set(Some(JsFuture::from(written).await.is_ok()));
        });
    };
    view! {
        <button type="button" class="link-button" on:click=copy>
            {label}
        </button>
        <span class="note" class:field-error=move || copied.get() == Some(false) role="status">
            {move || match copied.get() {
                Some(true) => "Copied",
                Some(false) => "The browser didn't allow copying: select the text and press Ctrl+C (⌘C on a Mac).",
                None => "",
            }}
        </span>
    }
}
