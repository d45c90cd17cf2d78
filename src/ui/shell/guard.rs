//! "Never lose an edit": while a form has unsaved changes, leaving it (a link, a tab, the browser's
//! Back and Forward, a reload) asks first. Forms mark themselves dirty; the app intercepts in-app links
//! and history moves before the router sees them; the app shows one confirmation for all screens
//! (`ui::app::guard`) while `asking()`.
use crate::ui::shell::base::{route_under, use_base_path};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Clone, Copy)]
pub struct UnsavedGuard {
    dirty: RwSignal<bool>,
    /// Where the user wanted to go when we asked.
    pending: RwSignal<Option<String>>,
    /// The console's current URL as the router knows it (kept by `intercept_leaving`).
    here: StoredValue<String>,
}

impl UnsavedGuard {
    pub fn set_dirty(&self, dirty: bool) {
        if self.dirty.get_untracked() != dirty {
            self.dirty.set(dirty);
        }
    }

    /// Whether the caller may navigate to `href` now; if not, the user is asked and the guard navigates
    /// once they agree.
    pub fn allows(&self, href: &str) -> bool {
        if self.dirty.get_untracked() {
            self.pending.set(Some(href.to_string()));
            false
        } else {
            true
        }
    }

    /// Whether the person is being asked to confirm leaving (tracked).
    pub fn asking(&self) -> bool {
        self.pending.with(Option::is_some)
    }

    /// "Cancel": the form stays as it is.
    pub fn stay(&self) {
        self.pending.set(None);
    }

    /// "Discard changes": where the person wanted to go, with the form no longer holding them back.
    pub fn leave(&self) -> Option<String> {
        let href = self.pending.get_untracked()?;
        self.pending.set(None);
        self.dirty.set(false);
        Some(href)
    }
}

pub fn use_guard() -> UnsavedGuard {
    expect_context::<UnsavedGuard>()
}

/// Marks the current form as having unsaved changes while `dirty` is true; clears it when the form goes.
pub fn track_unsaved(dirty: impl Fn() -> bool + Send + Sync + 'static) {
    let guard = use_guard();
    Effect::new(move |_| guard.set_dirty(dirty()));
    on_cleanup(move || guard.dirty.set(false));
}

/// The in-app link a click would follow, if it is a plain left click on one (`base`: the console's).
fn internal_link(ev: &web_sys::MouseEvent, base: &str) -> Option<String> {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.ctrl_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return None;
    }
    let el: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let a = el.closest("a[href]").ok()??;
    if a.has_attribute("download") || a.get_attribute("target").is_some_and(|t| t != "_self") {
        return None;
    }
    // Routes, not hrefs: the router adds the base path when it navigates.
    route_under(base, &a.get_attribute("href")?)
}

/// The page's path, query and fragment as the browser shows them now.
fn browser_path() -> String {
    let l = window().location();
    format!(
        "{}{}{}",
        l.pathname().unwrap_or_default(),
        l.search().unwrap_or_default(),
        l.hash().unwrap_or_default()
    )
}

/// Makes the guard and listens for Back and Forward. Call before the `<Router>` is made: when popstate
/// fires, the address bar already shows the other entry, and window listeners run in the order they
/// were added, so this one runs before the router's. While a form is dirty it keeps the router from
/// following, puts the form's URL back, and asks.
pub fn provide_guard() {
    let guard = UnsavedGuard {
        dirty: RwSignal::new(false),
        pending: RwSignal::new(None),
        here: StoredValue::new(String::new()),
    };
    provide_context(guard);
    let base = use_base_path();
    let on_pop = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if !guard.dirty.get_untracked() {
            return;
        }
        let Some(route) = route_under(&base, &browser_path()) else {
            return;
        };
        ev.stop_immediate_propagation();
        if let Ok(history) = window().history() {
            let here = guard.here.get_value();
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&here));
        }
        guard.pending.set(Some(route));
    });
    let _ = window().add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
    let listener = SendWrapper::new(on_pop);
    on_cleanup(move || {
        let pop = listener.take();
        let _ =
            window().remove_event_listener_with_callback("popstate", pop.as_ref().unchecked_ref());
    });
}

/// Intercepts in-app links and reloads while a form is dirty, for as long as the calling component lives.
/// Must be inside the `<Router>`, after `provide_guard`.
pub fn intercept_leaving() {
    let guard = use_guard();
    // Where Back or Forward would be undone to: the router's own location (the browser's address may
    // not have caught up when effects run). Its search has no "?"; its hash may lack the "#".
    let location = use_location();
    Effect::new(move |_| {
        let (search, hash) = (location.search.get(), location.hash.get());
        guard.here.set_value(format!(
            "{}{}{search}{}{hash}",
            location.pathname.get(),
            if search.is_empty() { "" } else { "?" },
            if hash.is_empty() || hash.starts_with('#') {
                ""
            } else {
                "#"
            },
        ));
    });

    // Capture phase on the document runs before the router's own click listener on the window.
    let base = use_base_path();
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if let Some(href) = internal_link(&ev, &base) {
            if !guard.allows(&href) {
                ev.prevent_default();
                ev.stop_propagation();
            }
        }
    });
    let on_unload = Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(
        move |ev: web_sys::BeforeUnloadEvent| {
            if guard.dirty.get_untracked() {
                ev.prevent_default();
                ev.set_return_value("unsaved");
            }
        },
    );
    let doc = document();
    let win = window();
    let _ = doc.add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    let _ =
        win.add_event_listener_with_callback("beforeunload", on_unload.as_ref().unchecked_ref());
    let listeners = SendWrapper::new((on_click, on_unload));
    on_cleanup(move || {
        let (click, unload) = listeners.take();
        let _ = document().remove_event_listener_with_callback_and_bool(
            "click",
            click.as_ref().unchecked_ref(),
            true,
        );
        let _ = window()
            .remove_event_listener_with_callback("beforeunload", unload.as_ref().unchecked_ref());
    });
}
