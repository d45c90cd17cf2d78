//! Helpers for browser tests: mount the app at a URL and wait for the DOM (here), find and act like a
//! person (`dom`), drive the console's screens (`screens`), control the Admin API emulator (`emulator`).
#![allow(dead_code)]
mod dom;
mod emulator;
mod screens;

pub use dom::*;
pub use emulator::*;
use leptos::mount::mount_to;
use leptos::prelude::*;
pub use screens::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

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
    id: u64,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        LIVE.with_borrow_mut(|live| live.retain(|(id, _)| *id != self.id));
        drop(self.handle.take());
        self.owner.cleanup();
        self.host.remove();
    }
}

thread_local! {
    /// The owners of the apps mounted and not yet dropped. A test that panicked never drops its `Mounted`
    /// (a panic aborts in wasm: nothing unwinds), so its router's window listeners and timers would live
    /// on into the next tests and trip them: the next mount cleans them up, so one failure stays one.
    static LIVE: std::cell::RefCell<Vec<(u64, Owner)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A storage key no other test uses, cleared: each test starts from the standard demo project.
pub fn fresh_key() -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let key = format!(
        "dbaccess.test.{}.{}",
        js_sys::Date::now(),
        N.fetch_add(1, Ordering::Relaxed)
    );
    storage().remove_item(&key).unwrap();
    key
}

pub fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Mounts the app at `url` on a fresh standard demo project.
pub fn mount_app_at(url: &str) -> Mounted {
    mount_with(url, &fresh_key())
}

/// Sets the browser URL (the router reads it at mount), then mounts the whole app, with the embedded
/// backend on the project stored under `key`, into a fresh element.
pub fn mount_with(url: &str, key: &str) -> Mounted {
    mount_config(
        url,
        dbaccess::config::Config {
            storage_key: key.to_string(),
            ..dbaccess::config::Config::embedded(domain::demo::DemoKind::Standard)
        },
    )
}

/// The large demo project (1,400 custom roles, 100 users) stored under `key`.
pub fn large_demo(key: String) -> dbaccess::config::Config {
    dbaccess::config::Config {
        storage_key: key,
        ..dbaccess::config::Config::embedded(domain::demo::DemoKind::Large)
    }
}

pub fn mount_config(url: &str, config: dbaccess::config::Config) -> Mounted {
    mount_config_in(url, config, || {})
}

/// Mounts the app on the project stored under `key`, with undo offers timed by `clock`, not the browser.
pub fn mount_with_clock(
    url: &str,
    key: &str,
    clock: dbaccess::ui::shell::undo::ManualClock,
) -> Mounted {
    let config = dbaccess::config::Config {
        storage_key: key.to_string(),
        ..dbaccess::config::Config::embedded(domain::demo::DemoKind::Standard)
    };
    mount_config_in(url, config, move || provide_context(clock))
}

/// [`mount_config`], running `provide` (which provides contexts the app reads) in the app's parent owner.
pub fn mount_config_in(
    url: &str,
    config: dbaccess::config::Config,
    provide: impl FnOnce(),
) -> Mounted {
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url))
        .unwrap();
    // A test that failed could not unmount its app; don't let its DOM or its reactive owner (listeners,
    // effects) confuse the next test. One app at a time: a mount ends any app still mounted.
    for (_, stale) in LIVE.with_borrow_mut(std::mem::take) {
        stale.cleanup();
    }
    for stale in query_all(".test-host") {
        stale.remove();
    }
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    host.set_class_name("test-host");
    document().body().unwrap().append_child(&host).unwrap();
    // mount_to's own owner becomes a child of this one, which we can clean up explicitly.
    let owner = Owner::new();
    let handle = owner.with(|| {
        provide();
        mount_to(host.clone(), move || {
            leptos::view! { <dbaccess::ui::App config=config /> }.into_any()
        })
    });
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let id = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    LIVE.with_borrow_mut(|live| live.push((id, owner.clone())));
    Mounted {
        handle: Some(handle),
        owner,
        host,
        id,
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

/// Lets the effects a DOM event set off run before the next action, as they always have by the time a
/// person acts: they are queued as microtasks, and every microtask runs before a timer's callback, so a
/// 0 ms timer waits for exactly that, however slow the machine.
pub async fn effects_run() {
    sleep_ms(0).await
}

/// How long a wait for a sign may take before the test fails: generous, since a test waits for a sign and
/// never for a time, and a busy machine (`scripts/test --stress`: one core shared with a busy loop) is slow.
pub const PATIENCE_MS: f64 = 120_000.0;

/// Waits until `cond` holds, letting the reactive system, timers and the network run; panics with `what`
/// after [`PATIENCE_MS`].
pub async fn wait_until(what: &str, cond: impl Fn() -> bool) {
    // `tick` needs Leptos's executor, which mounting an app starts: a test that waits before it mounts
    // anything must not depend on a test before it having mounted one (a filtered run has none).
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let deadline = js_sys::Date::now() + PATIENCE_MS;
    loop {
        leptos::task::tick().await;
        if cond() {
            return;
        }
        if js_sys::Date::now() > deadline {
            panic!("timed out waiting until {what}");
        }
        sleep_ms(10).await;
    }
}

/// [`wait_until`] for a condition that is itself asynchronous (e.g. reads the emulator over HTTP).
pub async fn wait_until_async(what: &str, check: impl AsyncFn() -> bool) {
    let deadline = js_sys::Date::now() + PATIENCE_MS;
    loop {
        if check().await {
            return;
        }
        if js_sys::Date::now() > deadline {
            panic!("timed out waiting until {what}");
        }
        sleep_ms(50).await;
    }
}

/// Waits until the console has finished reading the project (its `<main>` is no longer `aria-busy`):
/// the sign that a reload set off by a write, "View as" or a switch has been applied, where a test must
/// see what stays once it has.
pub async fn reads_done() {
    wait_until("the console's reads are done", || {
        document()
            .query_selector("main.main")
            .ok()
            .flatten()
            .is_some_and(|m| !m.has_attribute("aria-busy"))
    })
    .await
}

/// Waits until no request of any console on the page (this test's or an earlier one's) is under way, so
/// the emulator has seen all of them.
pub async fn requests_answered() {
    wait_until("every request sent has been answered", || {
        dbaccess::backend::http::requests_under_way() == 0
    })
    .await
}

/// The page's query string (`?…`).
pub fn search() -> String {
    web_sys::window().unwrap().location().search().unwrap()
}
