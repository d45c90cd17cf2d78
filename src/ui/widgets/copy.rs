//! "Copy" and "Download" for secrets, commands and exports. Copy writes to the clipboard and says whether it worked (announced
//! politely). A private key is shown once: "Copied" must never be said when the browser refused.
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
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

/// Saves `text` as a file named `name` (a temporary object URL, revoked right after the click).
pub fn download(name: &str, text: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let Ok(blob) = web_sys::Blob::new_with_str_sequence(&parts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = document().create_element("a") {
        let a: web_sys::HtmlElement = a.unchecked_into();
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
