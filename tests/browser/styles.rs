//! The console's style sheets in a page: nothing in them reaches the host page's own elements, and the
//! frame fits the window (no sideways scrolling, every section in one navigation landmark).

use crate::support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

/// The sheets a portal loads: every stylesheet index.html lists except the standalone page's own.
const SHEETS: &[(&str, &str)] = &[
    ("style/main.css", include_str!("../../style/main.css")),
    (
        "style/controls.css",
        include_str!("../../style/controls.css"),
    ),
    (
        "style/components.css",
        include_str!("../../style/components.css"),
    ),
    ("style/editor.css", include_str!("../../style/editor.css")),
    ("style/access.css", include_str!("../../style/access.css")),
];
const STANDALONE: &str = "style/standalone.css";
const INDEX: &str = include_str!("../../index.html");

/// The console's sheets in the page's head until dropped.
struct Styles(web_sys::Element);

impl Styles {
    fn load() -> Styles {
        let style = document().create_element("style").unwrap();
        let text: String = SHEETS.iter().map(|(_, css)| *css).collect();
        style.set_text_content(Some(&text));
        document().head().unwrap().append_child(&style).unwrap();
        Styles(style)
    }
}

impl Drop for Styles {
    fn drop(&mut self) {
        self.0.remove();
    }
}

/// A console mounted as a portal mounts it, into a fresh element of the page.
struct Console {
    handle: dbaccess::embed::ConsoleHandle,
    host: web_sys::HtmlElement,
    project: String,
}

impl Console {
    fn mount(url: &str) -> Console {
        let window = web_sys::window().unwrap();
        let history = window.history().unwrap();
        history
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url))
            .unwrap();
        let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
        // A failed test's leftovers are removed by the next mount (support::mount_config).
        host.set_class_name("test-host");
        document().body().unwrap().append_child(&host).unwrap();
        let project = fresh_key().replace('.', "-");
        let options = js_sys::JSON::parse(&format!(r#"{{"projectId":"{project}"}}"#)).unwrap();
        let handle = dbaccess::embed::mount_console(host.clone(), options).unwrap();
        Console {
            handle,
            host,
            project,
        }
    }

    fn find(&self, selector: &str) -> Option<web_sys::HtmlElement> {
        self.host
            .query_selector(selector)
            .unwrap()
            .map(|e| e.unchecked_into())
    }

    fn all(&self, selector: &str) -> Vec<web_sys::HtmlElement> {
        let list = self.host.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .map(|n| n.unchecked_into())
            .collect()
    }
}

impl Drop for Console {
    fn drop(&mut self) {
        self.handle.unmount();
        self.host.remove();
        let _ = storage().remove_item(&format!("dbaccess.demo.{}", self.project));
    }
}

#[wasm_bindgen_test]
fn the_sheets_under_test_are_the_ones_a_portal_loads() {
    let listed: Vec<&str> = INDEX
        .split("rel=\"css\" href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|href| *href != STANDALONE)
        .collect();
    let tested: Vec<&str> = SHEETS.iter().map(|(name, _)| *name).collect();
    assert_eq!(listed, tested);
}

/// What a user sees of an element: the computed properties a stray global rule would change.
fn look(el: &web_sys::Element) -> Vec<(String, String)> {
    let style = web_sys::window()
        .unwrap()
        .get_computed_style(el)
        .unwrap()
        .unwrap();
    [
        "color",
        "background-color",
        "font-family",
        "font-size",
        "font-weight",
        "line-height",
        "margin-top",
        "margin-left",
        "padding-top",
        "padding-left",
        "border-top-width",
        "border-top-color",
        "border-radius",
        "box-sizing",
        "display",
        "text-decoration-line",
        "color-scheme",
        "min-height",
    ]
    .into_iter()
    .map(|p| (p.to_string(), style.get_property_value(p).unwrap()))
    .collect()
}

/// Issue 21: a portal's own button, link, field and text look the same before and after two consoles
/// mount with their style sheets (the sheets used to restyle `body`, `a`, `.button`, `.field`, …).
#[wasm_bindgen_test]
async fn the_host_page_keeps_its_look_when_two_consoles_mount() {
    let page = document().create_element("div").unwrap();
    page.set_inner_html(
        r#"<button class="button">Portal button</button> <a href="/elsewhere">Portal link</a>
           <div class="field"><label>Portal field <input type="text"></label></div>
           <p class="note help">Portal note</p> <select><option>Portal choice</option></select>"#,
    );
    document().body().unwrap().append_child(&page).unwrap();
    let elements: Vec<web_sys::Element> = ["button", "a", ".field", "input", "p", "select"]
        .iter()
        .map(|s| page.query_selector(s).unwrap().unwrap())
        .chain([
            document().body().unwrap().into(),
            document().document_element().unwrap(),
        ])
        .collect();
    let before: Vec<_> = elements.iter().map(look).collect();

    let styles = Styles::load();
    let first = Console::mount("/database-access/custom-roles");
    let second = Console::mount("/database-access/custom-roles");
    wait_until("both consoles show their roles", || {
        first.find(".roles-table").is_some() && second.find(".roles-table").is_some()
    })
    .await;
    // The sheets do style the console itself.
    let console_button = first.find(".button-primary").unwrap();
    assert_ne!(
        look(&console_button),
        before[0],
        "the console's styles are in effect"
    );

    let after: Vec<_> = elements.iter().map(look).collect();
    for ((el, b), a) in elements.iter().zip(&before).zip(&after) {
        let changed: Vec<_> = b.iter().zip(a).filter(|(x, y)| x != y).collect();
        assert!(changed.is_empty(), "{} changed: {changed:?}", el.tag_name());
    }
    drop((first, second, styles));
    page.remove();
}

fn shown(el: &web_sys::HtmlElement) -> bool {
    el.offset_width() > 0 && el.offset_height() > 0
}

fn assert_fits(what: &str) {
    let root = document().document_element().unwrap();
    assert!(
        root.scroll_width() <= root.client_width(),
        "{what} scrolls sideways: {} > {} px",
        root.scroll_width(),
        root.client_width()
    );
}

/// Issue 22: no screen makes the page scroll sideways at the test window's width (the role guide's
/// matrix scrolls in its own box; its hidden caption used to widen the page).
#[wasm_bindgen_test]
async fn no_screen_scrolls_sideways() {
    let _styles = Styles::load();
    for (route, shown) in [
        ("/database-access/custom-roles", ".roles-table"),
        ("/project-access/users", ".members-table"),
        ("/which-role", ".role-matrix"),
        ("/activity", "main .empty-state, main .activity-table"),
        ("/least-privilege", ".lint-list"),
        ("/who-can", "main h1"),
    ] {
        let console = Console::mount(route);
        wait_until(&format!("{route} shows {shown}"), || {
            console.find(shown).is_some()
        })
        .await;
        assert_fits(route);
    }
}

/// A console in a portal's narrow side panel scrolls its table inside itself; the host page doesn't
/// scroll sideways (the table's visually hidden labels, absolutely positioned, used to widen it).
#[wasm_bindgen_test]
async fn a_console_in_a_narrow_panel_keeps_the_page_from_scrolling_sideways() {
    let _styles = Styles::load();
    let console = Console::mount("/database-access/custom-roles");
    // A side panel at the window's right edge, as in examples/portal.html.
    let style = console.host.style();
    style.set_property("width", "300px").unwrap();
    style.set_property("margin-left", "auto").unwrap();
    wait_until("the roles are listed", || {
        console.find(".roles-table").is_some()
    })
    .await;
    assert_fits("a console 300 px wide");
}

/// Issue 22: at the test window's width the Database Users tab (with the LDAP group's long DN) doesn't
/// scroll sideways, and every section is a link in the one navigation landmark, shown or one button away.
#[wasm_bindgen_test]
async fn database_users_fit_the_window_and_every_section_is_in_one_nav() {
    let _styles = Styles::load();
    let console = Console::mount("/database-access/users");
    wait_until("the users are listed", || {
        console
            .find(".users-table")
            .is_some_and(|t| t.text_content().unwrap_or_default().contains("CN=dba-team"))
    })
    .await;
    assert_fits("the Database Users tab");

    let navs = console.all("nav[aria-label=Sections]");
    assert_eq!(navs.len(), 1, "one Sections landmark");
    let names: Vec<String> = console
        .all("nav[aria-label=Sections] a")
        .iter()
        .map(|a| a.text_content().unwrap_or_default())
        .collect();
    assert_eq!(
        names,
        [
            "Database Access",
            "Project Access",
            "Which role do I need?",
            "Who can …?",
            "Least privilege",
            "Activity Feed"
        ]
    );
    let links = console.all("nav[aria-label=Sections] a");
    if !links.iter().all(shown) {
        // Collapsed on a narrow window: one real button opens it.
        let nav_id = navs[0].id();
        let toggle = console
            .find(&format!("button[aria-controls='{nav_id}']"))
            .expect("a button that opens the navigation");
        assert_eq!(attr(&toggle, "aria-expanded").as_deref(), Some("false"));
        assert!(shown(&toggle));
        toggle.click();
        wait_until("the navigation opens", || {
            attr(&toggle, "aria-expanded").as_deref() == Some("true")
        })
        .await;
        assert!(links.iter().all(shown), "every section is shown");
        assert_fits("the open navigation");
    }
}
