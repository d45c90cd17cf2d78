//! Browser tests of the app shell: routing, the Database Access tabs by mouse, keyboard and URL.

use crate::support::*;
use dbaccess::ui::shell::routes;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

fn tab(id: &str) -> web_sys::HtmlElement {
    by_id(&format!("tab-{id}")).unwrap_or_else(|| panic!("tab {id} is rendered"))
}

fn is_selected(id: &str) -> bool {
    by_id(&format!("tab-{id}")).and_then(|t| t.get_attribute("aria-selected"))
        == Some("true".into())
}

#[wasm_bindgen_test]
async fn root_redirects_to_custom_roles_with_heading_and_project() {
    let _app = mount_app_at("/");
    wait_until("the custom roles tab is selected", || {
        is_selected("custom-roles")
    })
    .await;
    assert_eq!(pathname(), routes::CUSTOM_ROLES);
    assert_eq!(text_of("h1"), "Database Access");
    wait_until("the project name is loaded", || {
        text_of(".header-project-name") == "Demo Project"
    })
    .await;
    assert!(!is_selected("database-users"));
    let list = query("[role=tablist]").expect("a tablist");
    assert_eq!(list.query_selector_all("[role=tab]").unwrap().length(), 2);
    let panel = query("[role=tabpanel]").expect("a tabpanel");
    assert_eq!(
        attr(&panel, "aria-labelledby").as_deref(),
        Some("tab-custom-roles")
    );
    assert_eq!(attr(&tab("custom-roles"), "tabindex").as_deref(), Some("0"));
    assert_eq!(
        attr(&tab("database-users"), "tabindex").as_deref(),
        Some("-1")
    );
}

#[wasm_bindgen_test]
async fn clicking_a_tab_switches_panel_and_url() {
    let _app = mount_app_at(routes::CUSTOM_ROLES);
    wait_until("the custom roles panel is rendered", || {
        text_of("[role=tabpanel]").contains("Custom Roles")
    })
    .await;
    assert!(is_selected("custom-roles"));

    tab("database-users").click();
    // The router updates the URL after the new route has resolved, so wait for both.
    wait_until("the users tab is selected and in the URL", || {
        is_selected("database-users") && pathname() == routes::DATABASE_USERS
    })
    .await;
    assert!(!is_selected("custom-roles"));
    let panel_text = text_of("[role=tabpanel]");
    assert!(
        panel_text.contains("Database Users"),
        "panel shows users: {panel_text}"
    );
    assert!(!panel_text.contains("Custom Roles"));
    let panel = query("[role=tabpanel]").unwrap();
    assert_eq!(
        attr(&panel, "aria-labelledby").as_deref(),
        Some("tab-database-users")
    );
}

#[wasm_bindgen_test]
async fn arrow_keys_move_selection_and_focus_between_tabs() {
    let _app = mount_app_at(routes::CUSTOM_ROLES);
    wait_until("the app is rendered", || is_selected("custom-roles")).await;

    let roles = tab("custom-roles");
    roles.focus().unwrap();
    press_key(&roles, "ArrowRight"); // wraps from the last tab to the first
    wait_until("the users tab is selected and in the URL", || {
        is_selected("database-users") && pathname() == routes::DATABASE_USERS
    })
    .await;
    let active = document()
        .active_element()
        .and_then(|e| e.get_attribute("id"));
    assert_eq!(active.as_deref(), Some("tab-database-users"));

    press_key(&tab("database-users"), "End");
    wait_until("the last tab is selected", || is_selected("custom-roles")).await;
    press_key(&tab("custom-roles"), "ArrowLeft");
    wait_until("the users tab is selected again", || {
        is_selected("database-users")
    })
    .await;
}

#[wasm_bindgen_test]
async fn deep_link_opens_the_users_tab() {
    let _app = mount_app_at(routes::DATABASE_USERS);
    wait_until("the users tab is selected", || {
        is_selected("database-users")
    })
    .await;
    assert!(!is_selected("custom-roles"));
    assert!(text_of("[role=tabpanel]").contains("Database Users"));
}

#[wasm_bindgen_test]
async fn project_access_and_unknown_pages_render() {
    let app = mount_app_at(routes::PROJECT_ACCESS);
    wait_until("the project access page is shown", || {
        text_of("h1") == "Project Access"
    })
    .await;
    drop(app);
    let _app = mount_app_at("/no-such-page");
    wait_until("the not-found page is shown", || {
        text_of("h1") == "Page not found"
    })
    .await;
}

#[wasm_bindgen_test]
async fn browser_back_with_unsaved_changes_asks_first_and_keeps_the_edit() {
    let _app = mount_app_at(routes::CUSTOM_ROLES);
    list_ready().await;
    by_name("a", "Edit orders_reader").unwrap().click();
    editor_ready().await;
    let editor = pathname();
    choose(&pickers().remove(0), "insert").await;
    effects_run().await;
    let history = web_sys::window().unwrap().history().unwrap();
    history.back().unwrap();
    asked_to_discard().await;
    assert_eq!(pathname(), editor, "the address stays on the form");
    keep_editing();
    wait_until("still editing", || query("[role=alertdialog]").is_none()).await;
    assert!(
        by_name("button", "Remove insert").is_some(),
        "the edit is kept"
    );
    assert_eq!(pathname(), editor);

    history.back().unwrap();
    find("button", "Discard changes").await.click();
    wait_until("back on the list", || {
        pathname() == routes::CUSTOM_ROLES && query(".roles-table").is_some()
    })
    .await;
    // Nothing unsaved: Back and Forward move freely.
    history.back().unwrap();
    wait_until("the editor again, unasked", || by_id("role-name").is_some()).await;
    assert!(query("[role=alertdialog]").is_none());
}

#[wasm_bindgen_test]
async fn under_a_portal_path_leaving_a_dirty_form_asks_and_lands_on_the_route_once() {
    let base = "/portal/db-access";
    let _app = mount_config(
        &format!("{base}{}", routes::CUSTOM_ROLES),
        dbaccess::config::Config {
            base_path: base.into(),
            storage_key: fresh_key(),
            ..dbaccess::config::Config::embedded(domain::demo::DemoKind::Standard)
        },
    );
    list_ready().await;
    by_name("a", "Edit orders_reader").unwrap().click();
    editor_ready().await;
    let editor = pathname();
    assert!(editor.starts_with(base), "{editor}");
    choose(&pickers().remove(0), "insert").await;
    effects_run().await;
    // Back: asked, the address stays on the form.
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .back()
        .unwrap();
    find("button", "Discard changes").await;
    assert_eq!(pathname(), editor);
    keep_editing();
    wait_until("still editing", || query("[role=alertdialog]").is_none()).await;
    // A link: asked, and once agreed the route gets the portal's path once.
    by_name("a", "Cancel").unwrap().click();
    find("button", "Discard changes").await.click();
    wait_until("on the list under the portal's path", || {
        pathname() == format!("{base}{}", routes::CUSTOM_ROLES)
    })
    .await;
}

// ---------- failing closed ----------

/// Runs `code` in the page (test set-up only: stubs of browser APIs).
fn js(code: &str) {
    js_sys::eval(code).unwrap();
}

/// Without Web Crypto, or when it refuses, no secret is made: before, a zero-filled buffer made "AAAA…".
#[wasm_bindgen_test]
async fn without_web_crypto_no_password_is_generated() {
    use dbaccess::random::{random_string, ALPHANUMERIC};
    let working = random_string(ALPHANUMERIC, 24).unwrap();
    assert_eq!(working.len(), 24);
    assert_ne!(working, "A".repeat(24));
    js("window.__crypto = Object.getOwnPropertyDescriptor(window, 'crypto') || Object.getOwnPropertyDescriptor(Object.getPrototypeOf(window), 'crypto');
        crypto.getRandomValues = () => { throw new DOMException('refused', 'QuotaExceededError'); };");
    let refused = random_string(ALPHANUMERIC, 24);
    js("delete crypto.getRandomValues;
        Object.defineProperty(window, 'crypto', { value: undefined, configurable: true, writable: true });");
    let missing = random_string(ALPHANUMERIC, 24);
    let _app = mount_app_at(routes::NEW_USER);
    find("button", "Autogenerate Secure Password").await.click();
    wait_until("the dialog says why", || {
        text_of("[role=dialog] .field-error").contains("nothing was generated")
    })
    .await;
    let password = input_labelled("Password").unwrap().value();
    js("Object.defineProperty(window, 'crypto', window.__crypto);");
    assert!(refused.unwrap_err().0.contains("refused"));
    assert!(missing.unwrap_err().0.contains("no secure random numbers"));
    assert_eq!(password, "", "no password was filled in");
    assert!(random_string(ALPHANUMERIC, 4).is_ok(), "restored");
}

/// Makes `localStorage.setItem` throw a QuotaExceededError for keys `when` (a JS predicate on `k`) holds.
fn refuse_storage(when: &str) {
    js(&format!(
        "window.__setItem = window.__setItem || Storage.prototype.setItem;
         Storage.prototype.setItem = function (k, v) {{
           if ({when}) throw new DOMException('full', 'QuotaExceededError');
           return window.__setItem.call(this, k, v);
         }};"
    ));
}

fn allow_storage() {
    js("if (window.__setItem) Storage.prototype.setItem = window.__setItem;");
}

#[wasm_bindgen_test]
async fn a_reset_that_cannot_keep_the_old_data_does_not_reset() {
    let key = fresh_key();
    storage().set_item(&key, "{not json").unwrap();
    let _app = mount_with(routes::CUSTOM_ROLES, &key);
    let reset = find("button", "Reset demo project").await;
    refuse_storage("k.endsWith('.previous')");
    reset.click();
    wait_until("the reset is refused with the reason", || {
        text_of(".banner .field-error").contains("was not reset")
    })
    .await;
    allow_storage();
    assert_eq!(
        storage().get_item(&key).unwrap().as_deref(),
        Some("{not json"),
        "the old data is still there"
    );
}

#[wasm_bindgen_test]
async fn storage_that_refuses_writes_keeps_the_demo_working_in_memory_and_says_so() {
    let key = fresh_key();
    let _app = mount_with(routes::CUSTOM_ROLES, &key);
    list_ready().await;
    let stored_before = storage().get_item(&key).unwrap();
    refuse_storage("true");
    select("view-as", "rory.readonly@example.com");
    wait_until("the notice says changes stay in this tab", || {
        page_text().contains("its changes stay in this tab only")
    })
    .await;
    allow_storage();
    let view_as: web_sys::HtmlSelectElement = by_id("view-as").unwrap().unchecked_into();
    assert_eq!(
        view_as.value(),
        "rory.readonly@example.com",
        "the change took effect"
    );
    assert!(
        !page_text().contains("refused to save"),
        "no error: {}",
        page_text()
    );
    assert_eq!(storage().get_item(&key).unwrap(), stored_before);
}

#[wasm_bindgen_test]
async fn unmount_leaves_the_host_element_as_it_found_it() {
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    host.set_class_name("portal-slot");
    host.set_attribute("data-owner", "portal").unwrap();
    host.set_attribute("style", "margin: 1px;").unwrap();
    host.set_inner_html("<p>placeholder</p>");
    document().body().unwrap().append_child(&host).unwrap();
    let before = host.outer_html();
    let options =
        js_sys::JSON::parse(r##"{"projectId":"unmount-test","theme":{"--dba-accent":"#5a2ca0"}}"##)
            .unwrap();
    let mut handle = dbaccess::embed::mount_console(host.clone(), options).unwrap();
    wait_until("the console is mounted", || {
        host.query_selector(".header").unwrap().is_some()
    })
    .await;
    handle.unmount();
    assert_eq!(host.outer_html(), before);
    host.remove();
}

/// The page's title names the screen, and follows navigation.
#[wasm_bindgen_test]
async fn the_page_title_names_the_screen() {
    let _app = mount_app_at(routes::CUSTOM_ROLES);
    wait_until("the title", || {
        document().title() == "Custom Roles · Database Access"
    })
    .await;
    find("a", "Database Users").await.click();
    wait_until("the title follows", || {
        document().title() == "Database Users · Database Access"
    })
    .await;
}

/// Issue 22: a list with nothing in it says so and offers the action that fills it (the users list said
/// "No database user matches your search." without a search; project access lists offered no action).
#[wasm_bindgen_test]
async fn empty_lists_say_so_and_offer_the_action_that_fills_them() {
    let key = fresh_key();
    let mut project = domain::demo::DemoKind::Standard.project();
    project.custom_roles.clear();
    project.users.clear();
    project.api_keys.clear();
    let stored = serde_json::json!({
        "version": dbaccess::backend::local::FORMAT_VERSION,
        "project": project,
    });
    storage().set_item(&key, &stored.to_string()).unwrap();
    let empty = |title: &str, action: &str| {
        query_all(".empty-state").iter().any(|e| {
            e.text_content().unwrap_or_default().contains(title)
                && e.query_selector_all("a, button")
                    .map(|l| {
                        (0..l.length())
                            .filter_map(|i| l.item(i))
                            .any(|n| n.text_content().unwrap_or_default() == action)
                    })
                    .unwrap_or_default()
        })
    };
    let app = mount_with("/database-access/custom-roles", &key);
    wait_until("no custom roles, and the way to add one", || {
        empty("No custom roles yet", "Add New Custom Role")
    })
    .await;
    drop(app);
    let app = mount_with("/database-access/users", &key);
    wait_until("no database users, and the way to add one", || {
        empty("No database users yet", "Add New Database User")
    })
    .await;
    assert!(query(".users-table").is_none(), "no empty table");
    drop(app);
    let _app = mount_with("/project-access/api-keys", &key);
    wait_until("no API keys, and the way to create one", || {
        empty("No API keys in this project yet", "Create API Key")
    })
    .await;
}

/// Issue 22: the sections (grouped: the project's areas, then the tools) mark the one the page is in.
#[wasm_bindgen_test]
async fn the_sections_mark_where_the_page_is() {
    let current = || {
        query_all("nav[aria-label=Sections] a[aria-current=page]")
            .iter()
            .map(|a| a.text_content().unwrap_or_default())
            .collect::<Vec<_>>()
    };
    let _app = mount_app_at("/project-access/teams");
    wait_until("Project Access is marked", || {
        current() == ["Project Access"]
    })
    .await;
    let groups: Vec<String> = query_all("nav[aria-label=Sections] ul")
        .iter()
        .map(|ul| {
            let heading = by_id(&attr(ul, "aria-labelledby").unwrap()).unwrap();
            heading.text_content().unwrap_or_default()
        })
        .collect();
    assert_eq!(groups, ["Security", "Tools"]);
    by_name("nav[aria-label=Sections] a", "Who can …?")
        .unwrap()
        .click();
    wait_until("Who can …? is marked", || current() == ["Who can …?"]).await;
}
