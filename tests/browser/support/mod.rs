//! Helpers for browser tests: mount the app at a URL, wait for the DOM, find and act like a person.
#![allow(dead_code)]
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit};

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
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url))
        .unwrap();
    // A test that failed could not unmount its app; don't let its DOM confuse the next test.
    for stale in query_all(".test-host") {
        stale.remove();
    }
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    host.set_class_name("test-host");
    document().body().unwrap().append_child(&host).unwrap();
    // mount_to's own owner becomes a child of this one, which we can clean up explicitly.
    let owner = Owner::new();
    let handle = owner.with(|| {
        mount_to(host.clone(), move || {
            leptos::view! { <dbaccess::ui::App config=config /> }.into_any()
        })
    });
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

pub async fn sleep(ms: i32) {
    sleep_ms(ms).await
}

/// Waits (up to 2 s) until `cond` holds, letting the reactive system and timers run; panics with `what`.
pub async fn wait_until(what: &str, cond: impl Fn() -> bool) {
    wait_until_for(what, 2_000, cond).await
}

/// [`wait_until`] with a longer deadline, for what involves network retries or timeouts.
pub async fn wait_until_for(what: &str, ms: u32, cond: impl Fn() -> bool) {
    for _ in 0..ms / 10 {
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

/// All elements matching `selector`.
pub fn query_all(selector: &str) -> Vec<HtmlElement> {
    let list = document().query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

/// The element whose accessible name (`aria-label` or text) is exactly `name`, among `selector`.
pub fn by_name(selector: &str, name: &str) -> Option<HtmlElement> {
    query_all(selector).into_iter().find(|e| {
        e.get_attribute("aria-label").as_deref() == Some(name)
            || (e.get_attribute("aria-label").is_none()
                && e.text_content().unwrap_or_default().trim() == name)
    })
}

/// Finds `selector` named `name`, waiting for it to appear.
pub async fn find(selector: &str, name: &str) -> HtmlElement {
    wait_until(&format!("{selector} named {name:?} appears"), || {
        by_name(selector, name).is_some()
    })
    .await;
    by_name(selector, name).unwrap()
}

/// Opens the role editor's "Preview the Admin API request and Atlas CLI command" (built only while
/// open) and waits for the request body to show.
pub async fn open_preview() {
    if query("#preview-json").is_none() {
        query("details.preview summary")
            .expect("the editor offers a preview")
            .click();
        wait_until("the request preview shows", || {
            query("#preview-json").is_some()
        })
        .await;
    }
}

/// The review step shows `added` among the additions and removes nothing.
pub fn assert_review_only_adds(added: &str) {
    let review = text_of(".review");
    assert!(
        review.contains("Added") && review.contains(added),
        "{review}"
    );
    assert!(!review.contains("Removed"), "{review}");
}

/// The `<input>` labelled `label` through `<label for>` (first match).
pub fn input_labelled(label: &str) -> Option<web_sys::HtmlInputElement> {
    query_all("label").into_iter().find_map(|l| {
        let text = l.text_content().unwrap_or_default();
        if text.trim() != label {
            return None;
        }
        let id = l.get_attribute("for")?;
        document()
            .get_element_by_id(&id)
            .map(|e| e.unchecked_into())
    })
}

/// Types `text` into `input` like a person: focus, set the value, fire `input`, then blur.
pub fn type_into(input: &web_sys::HtmlInputElement, text: &str) {
    input.focus().unwrap();
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

/// Moves focus away from `el`, firing `blur` (as tabbing out does).
pub fn blur(el: &HtmlElement) {
    el.blur().unwrap();
    // A headless window may not have focus, in which case blur() fires nothing; send it ourselves.
    el.dispatch_event(&web_sys::Event::new("blur").unwrap())
        .unwrap();
}

/// The ids in `el`'s `aria-describedby`, their texts joined: what a screen reader announces with the field.
pub fn messages_of(el: &HtmlElement) -> String {
    el.get_attribute("aria-describedby")
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(by_id)
        .map(|e| e.text_content().unwrap_or_default())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A field of the project the embedded backend stored under `key` (e.g. "customRoles", "users").
pub fn stored<T: serde::de::DeserializeOwned>(key: &str, field: &str) -> T {
    let raw = storage().get_item(key).unwrap().expect("project is stored");
    let v: serde_json::Value = serde_json::from_str(&raw).unwrap();
    serde_json::from_value(v["project"][field].clone()).unwrap()
}

/// The custom roles the embedded backend stored under `key`.
pub fn stored_roles(key: &str) -> Vec<domain::model::CustomDbRole> {
    stored(key, "customRoles")
}

pub fn stored_users(key: &str) -> Vec<domain::model::DatabaseUser> {
    stored(key, "users")
}

/// A custom role granting FIND on every collection of `db`.
pub fn find_role(name: &str, db: &str) -> domain::model::CustomDbRole {
    domain::model::CustomDbRole {
        role_name: name.into(),
        actions: vec![domain::model::PrivilegeAction {
            action: "FIND".into(),
            resources: vec![domain::model::Resource::namespace(db, "")],
        }],
        inherited_roles: vec![],
    }
}

/// A fresh store of the standard demo plus "unheld", a role no user or role holds: its key.
pub async fn demo_with_unheld() -> String {
    use dbaccess::backend::Backend;
    let key = fresh_key();
    dbaccess::backend::local::LocalBackend::open(&key, domain::demo::DemoKind::Standard)
        .create_custom_role(find_role("unheld", "hr"))
        .await
        .unwrap();
    key
}

/// The names of the custom roles the list shows, in order.
pub fn row_names() -> Vec<String> {
    query_all(".roles-table tbody th")
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect()
}

/// Submits the role editor ("Add Custom Role" or "Update Custom Role").
pub fn submit_role() {
    submit_with(&["Add Custom Role", "Update Custom Role"]);
}

pub async fn list_ready() {
    wait_until("the role table is shown", || {
        query(".roles-table").is_some()
    })
    .await;
}

/// Clicks the form's submit button, whichever of `labels` it shows.
pub fn submit_with(labels: &[&str]) {
    let button = labels
        .iter()
        .find_map(|l| by_name("button", l))
        .expect("a submit button");
    button.click();
}

// ---------- the shared grouped combobox ----------

/// The open dialog's role picker (a project role, a custom role).
pub fn dialog_picker() -> HtmlInputElement {
    query("[role=dialog] [role=combobox]")
        .unwrap()
        .unchecked_into()
}

/// Whether the picker's option `label` is locked (`aria-disabled`); panics when there is none.
pub fn option_disabled(picker: &HtmlInputElement, label: &str) -> bool {
    option(picker, label)
        .unwrap_or_else(|| panic!("option {label}"))
        .get_attribute("aria-disabled")
        .as_deref()
        == Some("true")
}

/// The option labelled `label` in the listbox of picker `picker`.
pub fn option(picker: &HtmlInputElement, label: &str) -> Option<HtmlElement> {
    let listbox = by_id(&picker.get_attribute("aria-controls").unwrap())?;
    let list = listbox.query_selector_all("[role=option]").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into::<HtmlElement>())
        .find(|o| {
            o.query_selector(".listbox-label")
                .unwrap()
                .and_then(|l| l.text_content())
                .as_deref()
                == Some(label)
        })
}

pub async fn open(picker: &HtmlInputElement) {
    if picker.get_attribute("aria-expanded").as_deref() != Some("true") {
        picker.focus().unwrap();
        press_key(picker, "ArrowDown");
    }
    wait_until("the listbox opens", || {
        picker.get_attribute("aria-expanded").as_deref() == Some("true")
    })
    .await;
}

pub async fn choose(picker: &HtmlInputElement, label: &str) {
    open(picker).await;
    let opt = option(picker, label).unwrap_or_else(|| panic!("option {label}"));
    opt.click();
    wait_until(&format!("{label} is selected"), || {
        option(picker, label)
            .and_then(|o| o.get_attribute("aria-selected"))
            .as_deref()
            == Some("true")
    })
    .await;
}

/// Chooses `value` in the `<select>` with DOM id `id`, firing `change` as the browser does.
pub fn select(id: &str, value: &str) {
    let s: web_sys::HtmlSelectElement = by_id(id).unwrap().unchecked_into();
    s.set_value(value);
    s.dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

// ---------- the role editor ----------

pub async fn editor_ready() -> HtmlInputElement {
    wait_until("the role editor is shown", || by_id("role-name").is_some()).await;
    input_labelled("Custom Role Name").expect("name field labelled Custom Role Name")
}

pub fn pickers() -> Vec<HtmlInputElement> {
    query_all("[role=combobox]")
        .into_iter()
        .map(|e| e.unchecked_into())
        .collect()
}

/// Fills the new-role form: name, then `find` on `db.coll`.
pub async fn fill_find_role(name: &str, db: &str, coll: &str) {
    let name_input = editor_ready().await;
    type_into(&name_input, name);
    blur(&name_input);
    let picker = pickers().remove(0);
    choose(&picker, "find").await;
    blur(&picker);
    wait_until("target fields appear", || {
        input_labelled("Collection").is_some()
    })
    .await;
    type_into(&input_labelled("Database").unwrap(), db);
    type_into(&input_labelled("Collection").unwrap(), coll);
}

/// Everything the mounted console says, as text.
pub fn page_text() -> String {
    text_of(".test-host")
}

/// The PEM the X.509 certificate dialog shows, once it shows one.
pub fn shown_certificate() -> Option<String> {
    let area = query("#cert-dialog textarea")?;
    js_sys::Reflect::get(&area, &"value".into())
        .ok()?
        .as_string()
        .filter(|v| v.contains("-----BEGIN CERTIFICATE-----"))
}

// ---------- the Admin API emulator (HTTP tests; `scripts/test browser` starts it) ----------

/// The emulator's address, from `DBACCESS_EMULATOR` at build time.
pub fn emu_url() -> &'static str {
    option_env!("DBACCESS_EMULATOR").unwrap_or_else(|| {
        panic!("DBACCESS_EMULATOR is not set: run these tests with scripts/test browser, which starts the emulator")
    })
}

/// The emulator's project (the standard demo's id).
pub const EMU_PROJECT: &str = "6650f1c2a4b3c2d1e0f9a8b7";

/// Sends `body` to the emulator's test control `what` and returns its JSON answer.
pub async fn emu_control(method: &str, what: &str, body: &str) -> serde_json::Value {
    let url = format!("{}/__emulator/{what}", emu_url());
    let res = gloo_net::http::RequestBuilder::new(&url)
        .method(method.parse().unwrap())
        .header("Content-Type", "application/json")
        .body(body.to_string())
        .unwrap()
        .send()
        .await
        .expect("the emulator answers");
    let ok = res.ok();
    let text = res.text().await.unwrap();
    assert!(ok, "control {what}: {text}");
    serde_json::from_str(&text).unwrap_or(serde_json::Value::Null)
}

/// Back to the standard demo project, no faults armed, an empty request log.
pub async fn emu_reset() {
    emu_control("POST", "reset", "").await;
}

/// Arms `fault` for the next `times` requests matching `method` and a path containing `path`.
pub async fn emu_arm(fault: &str, method: &str, path: &str, times: u32) {
    let body =
        serde_json::json!({ "fault": fault, "method": method, "path": path, "times": times });
    emu_control("POST", "faults", &body.to_string()).await;
}

/// `METHOD path status` of each API request the emulator answered.
pub async fn emu_requests() -> Vec<String> {
    let url = format!("{}/__emulator/requests", emu_url());
    let res = gloo_net::http::Request::get(&url).send().await.unwrap();
    res.json().await.unwrap()
}

/// The page's query string (`?…`).
pub fn search() -> String {
    web_sys::window().unwrap().location().search().unwrap()
}
