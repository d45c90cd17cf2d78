//! Helpers for browser tests: mount the app at a URL, wait for the DOM, find and act like a person.
#![allow(dead_code)]
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent, KeyboardEventInit};

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

pub fn pathname() -> String {
    web_sys::window().unwrap().location().pathname().unwrap()
}

/// A mounted app; dropping it cleans up its reactive owner (so the router's window listeners go
/// away and can't swallow the next test's clicks), unmounts it and removes its host element.
pub struct Mounted {
    handle: Option<leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>>,
    owner: Owner,
    host: HtmlElement,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        drop(self.handle.take());
        self.owner.cleanup();
        self.host.remove();
    }
}

/// Sets the browser URL (the router reads it at mount), then mounts the whole app into a fresh element.
pub fn mount_app_at(url: &str) -> Mounted {
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url))
        .unwrap();
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    // mount_to's own owner becomes a child of this one, which we can clean up explicitly.
    let owner = Owner::new();
    let handle = owner.with(|| mount_to(host.clone(), || dbaccess::ui::App().into_any()));
    Mounted {
        handle: Some(handle),
        owner,
        host,
    }
}

async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits (up to 2 s) until `cond` holds, letting the reactive system and timers run; panics with `what`.
pub async fn wait_until(what: &str, cond: impl Fn() -> bool) {
    for _ in 0..200 {
        leptos::task::tick().await;
        if cond() {
            return;
        }
        sleep_ms(10).await;
    }
    panic!("timed out waiting until {what}");
}

pub fn by_id(id: &str) -> Option<HtmlElement> {
    document().get_element_by_id(id).map(|e| e.unchecked_into())
}

pub fn query(selector: &str) -> Option<HtmlElement> {
    document()
        .query_selector(selector)
        .unwrap()
        .map(|e| e.unchecked_into())
}

pub fn text_of(selector: &str) -> String {
    query(selector)
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

pub fn attr(el: &HtmlElement, name: &str) -> Option<String> {
    el.get_attribute(name)
}

/// Dispatches a bubbling keydown on `el`, as the browser would for a key press on the focused element.
pub fn press_key(el: &HtmlElement, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(&ev).unwrap();
}
