//! What the Custom Roles list and the role editor share, provided by their parent route: how the list
//! looked when the user left it for the editor (search, sort, how many rows, the ticked roles, how far
//! down the page), so Cancel or Save brings it back as it was; and the change saved last, for the note
//! about Free and Flex clusters. Kept while the Custom Roles routes are open, in memory only.
use leptos::prelude::*;
use leptos_router::components::Outlet;
use std::collections::BTreeSet;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListMemory {
    pub query: String,
    pub descending: bool,
    pub page_rows: usize,
    pub selected: BTreeSet<String>,
    pub scroll_y: f64,
}

#[derive(Clone, Copy)]
pub struct CustomRolesContext {
    left: StoredValue<Option<ListMemory>>,
    /// The custom-role change saved last ("orders_reader saved"): Free and Flex clusters apply it later,
    /// and the list says so.
    pub saved: RwSignal<Option<String>>,
}

pub fn provide_custom_roles() {
    provide_context(CustomRolesContext::new());
}

/// The section's context. Switching tabs, the router may first render the Custom Roles list for a moment
/// in the outlet of the tab being left (the Database Users tab has one for its dialogs), outside this
/// section: that short-lived copy gets a context of its own, which nothing shares.
pub fn use_custom_roles() -> CustomRolesContext {
    use_context().unwrap_or_else(CustomRolesContext::new)
}

impl CustomRolesContext {
    fn new() -> Self {
        CustomRolesContext {
            left: StoredValue::new(None),
            saved: RwSignal::new(None),
        }
    }

    /// What the list looked like when it was left, taken once (the next visit starts from it).
    pub fn recall(&self) -> Option<ListMemory> {
        self.left.try_update_value(Option::take).flatten()
    }

    /// Keeps the list as it is when it goes. Safe to call from a cleanup: the routes may be going too,
    /// and then there is nothing to keep it for.
    pub fn keep(&self, memory: ListMemory) {
        let _ = self.left.try_update_value(|m| *m = Some(memory));
    }
}

/// The parent route of the list and the editor: provides what they share, then shows the one routed.
#[component]
pub fn CustomRolesSection() -> impl IntoView {
    provide_custom_roles();
    view! { <Outlet /> }
}
