//! Driving the console's screens: the role list and editor, the shared grouped combobox, the review
//! step, and what the embedded backend stored.
use super::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};

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

/// The stored custom role `name`; panics when there is none.
pub fn stored_role(key: &str, name: &str) -> domain::model::CustomDbRole {
    stored_roles(key)
        .into_iter()
        .find(|r| r.role_name == name)
        .unwrap_or_else(|| panic!("no stored custom role {name}"))
}

/// The stored database user `username`; panics when there is none.
pub fn stored_user(key: &str, username: &str) -> domain::model::DatabaseUser {
    stored_users(key)
        .into_iter()
        .find(|u| u.username == username)
        .unwrap_or_else(|| panic!("no stored database user {username}"))
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
    use dbaccess::backend::OnDemand;
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
    labelled_in(&listbox, "[role=option]", ".listbox-label", label)
}

/// The option labelled `label` under the picker group headed `group`.
pub fn option_in(picker: &HtmlInputElement, group: &str, label: &str) -> Option<HtmlElement> {
    let listbox = by_id(&picker.get_attribute("aria-controls")?)?;
    let group = labelled_in(&listbox, "[role=group]", ".listbox-group-label", group)?;
    labelled_in(&group, "[role=option]", ".listbox-label", label)
}

/// The first `item` inside `within` whose `label` element reads exactly `text`.
fn labelled_in(
    within: &web_sys::Element,
    item: &str,
    label: &str,
    text: &str,
) -> Option<HtmlElement> {
    let list = within.query_selector_all(item).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into::<HtmlElement>())
        .find(|o| {
            o.query_selector(label)
                .unwrap()
                .and_then(|l| l.text_content())
                .as_deref()
                == Some(text)
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

/// The PEM the X.509 certificate dialog shows, once it shows one.
pub fn shown_certificate() -> Option<String> {
    let area = query("#cert-dialog textarea")?;
    js_sys::Reflect::get(&area, &"value".into())
        .ok()?
        .as_string()
        .filter(|v| v.contains("-----BEGIN CERTIFICATE-----"))
}

/// Waits for the unsaved-changes guard's question ("Discard unsaved changes?").
pub async fn asked_to_discard() {
    wait_until("asked to discard", || {
        text_of("[role=alertdialog] h2") == "Discard unsaved changes?"
    })
    .await;
}

/// Answers the guard's question with Cancel: the form stays as it was.
pub fn keep_editing() {
    by_name("[role=alertdialog] button", "Cancel")
        .unwrap()
        .click();
}
