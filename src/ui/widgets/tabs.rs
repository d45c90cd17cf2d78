//! ARIA tabs whose tabs are links, so every tab has a URL that can be bookmarked and shared.
//! Follows the WAI-ARIA tabs pattern with automatic activation: arrow keys, Home and End move to
//! a tab and select it (navigate), with a roving tabindex so Tab enters and leaves the list once.
use crate::ui::shell::ids::dom_id;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use web_sys::KeyboardEvent;

/// One tab: `id` makes the DOM ids (`tab-{id}`), `href` is the route it selects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TabLink {
    pub id: &'static str,
    pub label: &'static str,
    pub href: &'static str,
}

fn is_selected(path: &str, href: &str) -> bool {
    path == href || path.starts_with(&format!("{href}/"))
}

/// Which tab a key press moves to, if any.
fn target_index(key: &str, current: usize, len: usize) -> Option<usize> {
    match key {
        "ArrowRight" => Some((current + 1) % len),
        "ArrowLeft" => Some((current + len - 1) % len),
        "Home" => Some(0),
        "End" => Some(len - 1),
        _ => None,
    }
}

/// A tablist of links plus the tabpanel that holds `children` (usually the route's `<Outlet/>`).
#[component]
pub fn LinkTabs(
    /// Accessible name of the tab list.
    label: &'static str,
    tabs: Vec<TabLink>,
    /// DOM id of the panel.
    panel_id: &'static str,
    children: Children,
) -> impl IntoView {
    let location = use_location();
    let navigate = use_navigate();
    let guard = use_context::<crate::ui::shell::guard::UnsavedGuard>();
    // The tabs' DOM ids, made once: the key handler runs outside the component's context.
    let tab_ids = StoredValue::new(
        tabs.iter()
            .map(|t| dom_id(&format!("tab-{}", t.id)))
            .collect::<Vec<_>>(),
    );
    let panel_id = dom_id(panel_id);
    let tabs = StoredValue::new(tabs);
    let selected = Memo::new(move |_| {
        let path = crate::ui::shell::base::route_of(&location.pathname.get()).unwrap_or_default();
        tabs.with_value(|t| t.iter().position(|tab| is_selected(&path, tab.href)))
    });

    let on_keydown = move |ev: KeyboardEvent| {
        let len = tabs.with_value(Vec::len);
        let current = selected.get_untracked().unwrap_or(0);
        if let Some(next) = target_index(&ev.key(), current, len) {
            ev.prevent_default();
            let tab = tabs.with_value(|t| t[next]);
            if guard.is_some_and(|g| !g.allows(tab.href)) {
                return;
            }
            navigate(tab.href, Default::default());
            let tab_id = tab_ids.with_value(|ids| ids[next].clone());
            if let Some(el) = document().get_element_by_id(&tab_id) {
                use wasm_bindgen::JsCast;
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        }
    };

    let tab_views = tabs.with_value(|t| {
        t.iter()
            .enumerate()
            .map(|(i, tab)| {
                let is_sel = move || selected.get() == Some(i);
                view! {
                    <a
                        role="tab"
                        class="tab"
                        id=tab_ids.with_value(|ids| ids[i].clone())
                        href=crate::ui::shell::base::link(tab.href)
                        aria-controls=panel_id.clone()
                        aria-selected=move || if is_sel() { "true" } else { "false" }
                        tabindex=move || if is_sel() { "0" } else { "-1" }
                    >
                        {tab.label}
                    </a>
                }
            })
            .collect_view()
    });
    let labelled_by = move || {
        selected
            .get()
            .map(|i| tab_ids.with_value(|ids| ids[i].clone()))
    };

    view! {
        <div role="tablist" class="tablist" aria-label=label on:keydown=on_keydown>
            {tab_views}
        </div>
        <div role="tabpanel" class="tabpanel" id=panel_id aria-labelledby=labelled_by tabindex="0">
            {children()}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_tab_is_selected_by_its_path_and_subpaths_only() {
        assert!(is_selected(
            "/database-access/users",
            "/database-access/users"
        ));
        assert!(is_selected(
            "/database-access/users/new",
            "/database-access/users"
        ));
        assert!(!is_selected(
            "/database-access/users-old",
            "/database-access/users"
        ));
        assert!(!is_selected(
            "/database-access/custom-roles",
            "/database-access/users"
        ));
    }

    #[wasm_bindgen_test]
    fn arrow_keys_wrap_and_home_end_jump() {
        assert_eq!(target_index("ArrowRight", 0, 2), Some(1));
        assert_eq!(target_index("ArrowRight", 1, 2), Some(0));
        assert_eq!(target_index("ArrowLeft", 0, 2), Some(1));
        assert_eq!(target_index("Home", 1, 3), Some(0));
        assert_eq!(target_index("End", 0, 3), Some(2));
        assert_eq!(target_index("a", 0, 3), None);
    }
}
