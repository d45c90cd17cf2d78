//! The embedding API: a host page (an internal portal) mounts the console into an element of its own.
//!
//! ```js
//! import init, { mountConsole } from "/dbaccess-<hash>.js";
//! await init({ module_or_path: "/dbaccess-<hash>_bg.wasm" });
//! const handle = mountConsole(document.getElementById("access"), {
//!   backend: "/api/atlas-proxy",   // or "embedded" (the default): the in-browser demo project
//!   projectId: "6650f1c2a4b3c2d1e0f9a8b7",
//!   principal: "rory.readonly@example.com", // embedded mode only
//!   allowedOrigins: ["https://proxy.example"], // origins besides the page's own `backend` may name
//!   basePath: "/portal/db-access",
//!   theme: { "--color-primary": "#00684a" },
//! });
//! handle.unmount();
//! ```
//! Each call gets its own reactive owner, data and (per project id) demo storage.
use crate::config::EmbedOptions;
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use std::sync::atomic::{AtomicU32, Ordering};
use wasm_bindgen::prelude::*;

/// A mounted console; `unmount()` (or dropping it) removes it and everything it listens to.
#[wasm_bindgen]
pub struct ConsoleHandle {
    handle: Option<leptos::mount::UnmountHandle<AnyViewState>>,
    owner: Owner,
}

#[wasm_bindgen]
impl ConsoleHandle {
    pub fn unmount(&mut self) {
        drop(self.handle.take());
        self.owner.cleanup();
    }
}

/// Mounts the console into `element` with `options` (see the module docs). Bad options are refused
/// with an error message naming the problem, and nothing is mounted.
#[wasm_bindgen(js_name = mountConsole)]
pub fn mount_console(
    element: web_sys::HtmlElement,
    options: JsValue,
) -> Result<ConsoleHandle, JsValue> {
    let json = if options.is_undefined() || options.is_null() {
        "{}".to_string()
    } else {
        js_sys::JSON::stringify(&options)
            .map(String::from)
            .map_err(|_| JsValue::from_str("mountConsole: the options must be a plain object"))?
    };
    let options = EmbedOptions::parse(&json).map_err(|e| JsValue::from_str(&e))?;
    let page_origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let mut config = options
        .config(&page_origin)
        .map_err(|e| JsValue::from_str(&e))?;
    // Every mounted console gets its own DOM id prefix, so two consoles never share an id.
    static MOUNTED: AtomicU32 = AtomicU32::new(0);
    config.id_prefix = format!("dba{}-", MOUNTED.fetch_add(1, Ordering::Relaxed) + 1);
    // Theme variables go on the host element through the CSSOM, which a strict CSP allows.
    for (name, value) in &options.theme {
        element
            .style()
            .set_property(name, value)
            .map_err(|_| JsValue::from_str(&format!("mountConsole: cannot set {name}")))?;
    }
    element.class_list().add_1("dbaccess-host").ok();
    let owner = Owner::new();
    let handle = owner.with(|| {
        leptos::mount::mount_to(element, move || {
            view! { <crate::ui::App config=config /> }.into_any()
        })
    });
    Ok(ConsoleHandle {
        handle: Some(handle),
        owner,
    })
}
