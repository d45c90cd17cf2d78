//! Browser tests of the power tools for custom roles: Duplicate, "Start from",
//! "Duplicate row", Export in three formats and a checked Import, driven through the UI.

use crate::support::*;
use dbaccess::ui::shell::routes;
use domain::model::CustomDbRole;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

const LIST: &str = routes::CUSTOM_ROLES;
const NEW: &str = routes::NEW_ROLE;

fn role<'a>(roles: &'a [CustomDbRole], name: &str) -> Option<&'a CustomDbRole> {
    roles.iter().find(|r| r.role_name == name)
}

/// The `<textarea>` labelled `label`.
pub fn textarea_labelled(label: &str) -> Option<HtmlElement> {
    query_all("label").into_iter().find_map(|l| {
        (l.text_content().unwrap_or_default().trim() == label)
            .then(|| by_id(&l.get_attribute("for")?))
            .flatten()
    })
}

fn value_of(el: &HtmlElement) -> String {
    js_sys::Reflect::get(el, &"value".into())
        .unwrap()
        .as_string()
        .unwrap_or_default()
}

/// Clicks the list's `button` and waits for the dialog `id` it opens.
async fn open_dialog(button: &str, id: &str) {
    find("button", button).await.click();
    wait_until("the dialog opens", || by_id(id).is_some()).await;
}

/// Opens Export with the list's `button` ("Export all", "Export 1 selected"): the exported text, shown.
async fn open_export(button: &str) -> HtmlElement {
    open_dialog(button, "export-dialog").await;
    let text = textarea_labelled("Exported roles").unwrap();
    wait_until("the export is shown", || !value_of(&text).is_empty()).await;
    text
}

/// Pastes `text` into a textarea as a person would (value set, `input` fired).
pub fn paste_into(el: &HtmlElement, text: &str) {
    el.focus().unwrap();
    js_sys::Reflect::set(el, &"value".into(), &text.into()).unwrap();
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    el.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn duplicate_opens_the_editor_prefilled_under_a_free_name_and_saves_a_copy() {
    let key = fresh_key();
    let _app = mount_with(LIST, &key);
    list_ready().await;
    find("a", "Duplicate orders_reader").await.click();
    let name = editor_ready().await;
    wait_until("the copy's name is filled in", || {
        name.value() == "orders_reader_copy"
    })
    .await;
    assert!(pathname().ends_with("/custom-roles/new"));
    submit_with(&["Add Custom Role"]);
    wait_until("back on the list", || pathname() == LIST).await;
    let roles = stored_roles(&key);
    let (orig, copy) = (
        role(&roles, "orders_reader").unwrap(),
        role(&roles, "orders_reader_copy").unwrap(),
    );
    assert_eq!(copy.actions, orig.actions);
    assert_eq!(copy.inherited_roles, orig.inherited_roles);
}

#[wasm_bindgen_test]
async fn a_new_role_starts_from_an_existing_role_or_pasted_json_and_rows_duplicate() {
    let key = fresh_key();
    let _app = mount_with(NEW, &key);
    let name = editor_ready().await;
    find("summary", "Start from an existing role or Admin API JSON")
        .await
        .click();
    // Bad JSON gets a clear message and changes nothing.
    let json = {
        wait_until("the JSON field shows", || {
            textarea_labelled("Admin API JSON").is_some()
        })
        .await;
        textarea_labelled("Admin API JSON").unwrap()
    };
    paste_into(&json, "{\"roleName\": \"x\", oops");
    find("button", "Use this JSON").await.click();
    wait_until("the JSON error shows", || {
        text_of(".start-from [role=alert]").contains("This is not valid JSON")
    })
    .await;
    assert_eq!(pickers().len(), 1);
    paste_into(
        &json,
        r#"{"roleName": "from_json", "actions": [{"action": "FIND", "resources": [{"db": "sales", "collection": "orders"}]},
            {"action": "INSERT", "resources": [{"db": "sales", "collection": "orders"}]}]}"#,
    );
    find("button", "Use this JSON").await.click();
    wait_until("the pasted role fills the form", || {
        name.value() == "from_json"
    })
    .await;
    assert!(
        query(".start-from").is_none(),
        "the panel goes once the form has rows of its own"
    );
    wait_until("one row with the pasted target", || {
        input_labelled("Collection").map(|c| c.value()) == Some("orders".into())
    })
    .await;
    // Duplicate row: the same actions on another collection.
    find("button", "Duplicate action or role 1").await.click();
    wait_until("a second row", || pickers().len() == 2).await;
    let colls: Vec<web_sys::HtmlInputElement> = query_all("input")
        .into_iter()
        .filter(|i| i.id().ends_with("-coll"))
        .map(|i| i.unchecked_into())
        .collect();
    assert_eq!(colls.len(), 2);
    type_into(&colls[1], "invoices");
    // The copy lives on its own: removing another row leaves it working.
    find("button", "Add an action or role").await.click();
    wait_until("a third row", || pickers().len() == 3).await;
    find("button", "Remove action or role 3").await.click();
    wait_until("two rows again", || pickers().len() == 2).await;
    submit_with(&["Add Custom Role"]);
    wait_until("back on the list", || pathname() == LIST).await;
    let roles = stored_roles(&key);
    let saved = role(&roles, "from_json").expect("saved");
    for a in &saved.actions {
        let colls: Vec<&str> = a.resources.iter().map(|r| r.collection.as_str()).collect();
        assert_eq!(colls, ["orders", "invoices"], "{}", a.action);
    }
}

#[wasm_bindgen_test]
async fn export_gives_the_selected_roles_in_each_format() {
    let _app = mount_app_at(LIST);
    list_ready().await;
    let all = find("button", "Export all").await;
    find("input", "Select orders_reader").await.click();
    wait_until("the button counts the selection", || {
        all.text_content().unwrap_or_default() == "Export 1 selected"
    })
    .await;
    let text = open_export("Export 1 selected").await;
    let exported: CustomDbRole =
        serde_json::from_str(&value_of(&text)).expect("Admin API JSON of one role");
    assert_eq!(exported.role_name, "orders_reader");
    input_labelled("Terraform").unwrap().click();
    wait_until("Terraform", || {
        value_of(&text).starts_with("resource \"mongodbatlas_custom_db_role\" \"orders_reader\" {")
    })
    .await;
    input_labelled("Atlas CLI script").unwrap().click();
    wait_until("the CLI script", || {
        value_of(&text).contains("atlas customDbRoles create orders_reader")
    })
    .await;
    find("button", "Close").await.click();
    wait_until("closed", || by_id("export-dialog").is_none()).await;
    // Nothing selected: all eight demo roles.
    find("input", "Select orders_reader").await.click();
    let text = open_export("Export all").await;
    let all: Vec<CustomDbRole> = serde_json::from_str(&value_of(&text)).unwrap();
    assert_eq!(all.len(), 8);
}

/// A database name with a comma would reach Atlas through the CLI as two privileges;
/// the CLI export says why it can't be used, offers nothing to copy, and JSON still exports the role.
#[wasm_bindgen_test]
async fn cli_export_refuses_a_name_the_cli_would_split() {
    use dbaccess::backend::OnDemand;
    let key = fresh_key();
    dbaccess::backend::local::LocalBackend::open(&key, domain::demo::DemoKind::Standard)
        .create_custom_role(find_role("comma_reader", "sales,admin"))
        .await
        .unwrap();
    let _app = mount_with(LIST, &key);
    list_ready().await;
    find("input", "Select comma_reader").await.click();
    let text = open_export("Export 1 selected").await;
    assert!(value_of(&text).contains("sales,admin"), "JSON carries it");
    input_labelled("Atlas CLI script").unwrap().click();
    wait_until("the refusal shows", || {
        text_of("#export-dialog [role=alert]").contains("can't be exported as an Atlas CLI command")
    })
    .await;
    assert!(text_of("#export-dialog [role=alert]").contains("commas"));
    assert!(value_of(&text).is_empty(), "no script to run");
    assert!(by_name("button", "Copy").is_none() && by_name("button", "Download").is_none());
    input_labelled("Terraform").unwrap().click();
    wait_until("Terraform", || value_of(&text).contains("sales,admin")).await;
    assert!(by_name("button", "Download").is_some());
}

#[wasm_bindgen_test]
async fn import_reports_every_role_and_writes_only_on_confirmation() {
    let key = fresh_key();
    let _app = mount_with(LIST, &key);
    list_ready().await;
    let before = stored_roles(&key);
    open_dialog("Import", "import-dialog").await;
    let text = textarea_labelled("Admin API JSON").unwrap();
    // Hostile input: a clear message, no report, nothing to create.
    paste_into(&text, &"[".repeat(5_000));
    find("button", "Check").await.click();
    wait_until("the nesting error shows", || {
        text_of("#import-dialog [role=alert]").contains("nested more than")
    })
    .await;
    assert!(by_name("button", "Create 0 roles").is_some_and(|b| b.has_attribute("disabled")));
    let orders_reader = serde_json::to_value(role(&before, "orders_reader").unwrap()).unwrap();
    let import = serde_json::json!([
        {"roleName": "imported_child", "actions": [], "inheritedRoles": [{"role": "imported_base", "db": "admin"}]},
        {"roleName": "imported_base", "actions": [{"action": "FIND", "resources": [{"db": "hr", "collection": ""}]}]},
        orders_reader,
        {"roleName": "orders_writer", "actions": [{"action": "FIND", "resources": [{"db": "x", "collection": ""}]}]},
        {"roleName": "<b>bold</b>", "actions": [{"action": "FIND", "resources": [{"db": "x", "collection": ""}]}]}
    ]);
    paste_into(&text, &import.to_string());
    find("button", "Check").await.click();
    wait_until("the report shows", || query(".import-report").is_some()).await;
    let rows: Vec<String> = query_all(".import-report tbody tr")
        .iter()
        .map(|r| r.text_content().unwrap_or_default())
        .collect();
    assert_eq!(rows.len(), 5);
    assert!(
        rows[0].contains("imported_child") && rows[0].contains("Will be created"),
        "{rows:?}"
    );
    assert!(rows[1].contains("Will be created"), "{rows:?}");
    assert!(
        rows[2].contains("Already exists with the same definition"),
        "{rows:?}"
    );
    assert!(rows[3].contains("Would conflict"), "{rows:?}");
    assert!(
        rows[4].contains("<b>bold</b>") && rows[4].contains("Invalid"),
        "the name is shown as text: {rows:?}"
    );
    assert!(
        query(".import-report b").is_none(),
        "no markup from the import reaches the page"
    );
    // Cancel writes nothing.
    find("button", "Cancel").await.click();
    wait_until("closed", || by_id("import-dialog").is_none()).await;
    assert_eq!(stored_roles(&key), before);
    // Again, and confirm: the two valid roles are created, the base first.
    open_dialog("Import", "import-dialog").await;
    paste_into(
        &textarea_labelled("Admin API JSON").unwrap(),
        &import.to_string(),
    );
    find("button", "Check").await.click();
    find("button", "Create 2 roles").await.click();
    wait_until("the result shows", || {
        text_of("#import-dialog [role=status]") == "2 of 2 roles created."
    })
    .await;
    let after = stored_roles(&key);
    assert_eq!(after.len(), before.len() + 2);
    assert!(role(&after, "imported_child").is_some() && role(&after, "imported_base").is_some());
    find("button", "Close").await.click();
    wait_until("the list shows the new roles", || {
        text_of("#role-count").starts_with("10 of")
    })
    .await;
}

/// Chooses a file named `name` holding `text` in the file input `input`, as the file picker does.
fn choose_file(input: &HtmlElement, name: &str, text: &str) {
    let global = js_sys::global();
    let ctor = |n: &str| {
        js_sys::Reflect::get(&global, &n.into())
            .unwrap()
            .unchecked_into::<js_sys::Function>()
    };
    let parts = js_sys::Array::of1(&text.into());
    let file = js_sys::Reflect::construct(&ctor("File"), &js_sys::Array::of2(&parts, &name.into()))
        .unwrap();
    let transfer =
        js_sys::Reflect::construct(&ctor("DataTransfer"), &js_sys::Array::new()).unwrap();
    let items = js_sys::Reflect::get(&transfer, &"items".into()).unwrap();
    let add: js_sys::Function = js_sys::Reflect::get(&items, &"add".into())
        .unwrap()
        .unchecked_into();
    add.call1(&items, &file).unwrap();
    let files = js_sys::Reflect::get(&transfer, &"files".into()).unwrap();
    js_sys::Reflect::set(input, &"files".into(), &files).unwrap();
    input
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn a_chosen_file_is_checked_at_once_and_a_huge_one_is_refused_unread() {
    let _app = mount_app_at(LIST);
    list_ready().await;
    open_dialog("Import", "import-dialog").await;
    let input = input_labelled("Or choose a JSON file").unwrap();
    choose_file(&input, "huge.json", &" ".repeat(6 * 1024 * 1024));
    wait_until("the size error shows", || {
        text_of("#import-dialog [role=alert]").starts_with("huge.json: The file is 6.0 MB")
    })
    .await;
    assert!(
        value_of(&textarea_labelled("Admin API JSON").unwrap()).is_empty(),
        "not read"
    );
    let role = serde_json::json!({"roleName": "from_file", "actions": [{"action": "FIND", "resources": [{"db": "x", "collection": ""}]}]});
    choose_file(&input, "role.json", &role.to_string());
    wait_until("the report shows", || query(".import-report").is_some()).await;
    assert!(text_of(".import-report tbody").contains("from_file"));
    assert!(by_name("button", "Create 1 role").is_some());
}

/// Stands in for the system clipboard: `writeText` records the text in `window.__copied` and succeeds,
/// or refuses like a browser that doesn't allow the page to write. `None` puts the browser's back.
fn fake_clipboard(accepts: Option<bool>) {
    let clipboard = web_sys::window().unwrap().navigator().clipboard();
    match accepts {
        None => {
            js_sys::Reflect::delete_property(&clipboard, &"writeText".into()).unwrap();
        }
        Some(ok) => {
            let body = if ok {
                "window.__copied = text; return Promise.resolve();"
            } else {
                "return Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));"
            };
            let f = js_sys::Function::new_with_args("text", body);
            js_sys::Reflect::set(&clipboard, &"writeText".into(), &f).unwrap();
        }
    }
}

#[wasm_bindgen_test]
async fn copy_says_copied_only_when_the_clipboard_took_the_text() {
    let _app = mount_app_at(LIST);
    list_ready().await;
    let text = open_export("Export all").await;
    let status = || text_of("#export-dialog [role=status]");

    fake_clipboard(Some(false));
    find("button", "Copy").await.click();
    wait_until("the refusal is said", || {
        status().contains("didn't allow copying")
    })
    .await;
    assert!(!status().contains("Copied"), "{}", status());

    fake_clipboard(Some(true));
    find("button", "Copy").await.click();
    wait_until("Copied", || status() == "Copied").await;
    let copied = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__copied".into())
        .unwrap()
        .as_string();
    fake_clipboard(None);
    assert_eq!(copied, Some(value_of(&text)), "the exported text, whole");
}
