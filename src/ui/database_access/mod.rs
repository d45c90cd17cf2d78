//! The Database Access page: "Database Users" and "Custom Roles" tabs.
use leptos::prelude::*;
use leptos_router::components::Outlet;

use crate::ui::shell::routes;
use crate::ui::widgets::{LinkTabs, TabLink};

const TABS: [TabLink; 2] = [
    TabLink {
        id: "database-users",
        label: "Database Users",
        href: routes::DATABASE_USERS,
    },
    TabLink {
        id: "custom-roles",
        label: "Custom Roles",
        href: routes::CUSTOM_ROLES,
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
