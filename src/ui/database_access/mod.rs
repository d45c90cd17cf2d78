//! The Database Access page: "Database Users" and "Custom Roles" tabs.
use leptos::prelude::*;
use leptos_router::components::Outlet;

use super::widgets::{LinkTabs, TabLink};

pub const USERS_PATH: &str = crate::ui::database_users::LIST_PATH;
pub const CUSTOM_ROLES_PATH: &str = crate::ui::custom_roles::LIST_PATH;

const TABS: [TabLink; 2] = [
    TabLink {
        id: "database-users",
        label: "Database Users",
        href: USERS_PATH,
    },
    TabLink {
        id: "custom-roles",
        label: "Custom Roles",
        href: CUSTOM_ROLES_PATH,
    },
];

#[component]
pub fn DatabaseAccessPage() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Database Access"</h1>
            <LinkTabs label="Database Access" tabs=TABS.to_vec() panel_id="database-access-panel">
                <Outlet />
            </LinkTabs>
        </section>
    }
}
