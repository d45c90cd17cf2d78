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
//!   theme: { "--dba-accent": "#00684a" }, // any --dba-* token of style/main.css
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
    element: web_sys::HtmlElement,
    /// The host element as the page gave it, put back by `unmount`.
    found: Option<Found>,
}

#[wasm_bindgen]
impl ConsoleHandle {
    pub fn unmount(&mut self) {
        drop(self.handle.take());
        self.owner.cleanup();
        if let Some(found) = self.found.take() {
            found.restore(&self.element);
        }
    }
}

/// The host element's attributes (class and style included) and children before mounting.
struct Found {
    attributes: Vec<(String, String)>,
    children: Vec<web_sys::Node>,
}

impl Found {
    fn of(element: &web_sys::Element) -> Found {
        let names = element.get_attribute_names();
        let attributes = names
            .iter()
            .filter_map(|n| n.as_string())
            .filter_map(|n| element.get_attribute(&n).map(|v| (n, v)))
            .collect();
        let list = element.child_nodes();
        let children = (0..list.length()).filter_map(|i| list.item(i)).collect();
        Found {
            attributes,
            children,
        }
    }

    /// Removes what the console added (nodes, attributes) and sets the page's attributes back.
    fn restore(&self, element: &web_sys::Element) {
        let now = Found::of(element);
        for node in now.children.iter().filter(|n| !self.children.contains(n)) {
            let _ = element.remove_child(node);
        }
        for (name, _) in now
            .attributes
            .iter()
            .filter(|(n, _)| !self.attributes.iter().any(|(o, _)| o == n))
        {
            let _ = element.remove_attribute(name);
        }
        for (name, value) in &self.attributes {
            let _ = element.set_attribute(name, value);
        }
    }
}

/// Mounts the console into `element` with `options` (see the module docs). Bad options are refused
/// with an error message naming the problem, and nothing is mounted.
/// The standalone page (index.html), the other host: the entry point src/main.rs calls this, so that the
/// code is in the library and linted with it.
pub fn start_standalone() {
    console_error_panic_hook::set_once();
    // Only the standalone page starts the console by itself; a portal loads the same module and calls
    // mountConsole where and how it wants.
    let standalone = document()
        .body()
        .is_some_and(|b| b.has_attribute("data-dbaccess-standalone"));
    if !standalone {
        return;
    }
    let location = window().location();
    let search = location.search().unwrap_or_default();
    let config = crate::config::Config::from_query(&search, &location.origin().unwrap_or_default());
    if let Some(boot) = document().query_selector(".dba-boot").ok().flatten() {
        boot.remove();
    }
    leptos::mount::mount_to_body(move || view! { <crate::ui::App config=config /> });
}

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
    let found = Found::of(&element);
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
        element.style().set_property(name, value).map_err(|_| {
            found.restore(&element);
            JsValue::from_str(&format!("mountConsole: cannot set {name}"))
        })?;
    }
    element.class_list().add_1("dbaccess-host").ok();
    let owner = Owner::new();
    let host = element.clone();
    let handle = owner.with(|| {
        leptos::mount::mount_to(host, move || {
            view! { <crate::ui::App config=config /> }.into_any()
        })
    });
    Ok(ConsoleHandle {
        handle: Some(handle),
        owner,
        element,
        found: Some(found),
    })
}
