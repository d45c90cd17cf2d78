//! The sections: the project's areas (Database Access, Project Access), then the tools. A sidebar on a
//! wide console; on a narrow one the top bar's Menu button shows and hides it (disclosure pattern).
use crate::ui::shell::base::{link, route_of};
use crate::ui::shell::routes::{
    ACTIVITY, HOME, LEAST_PRIVILEGE, PROJECT_USERS, WHICH_ROLE, WHO_CAN,
};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// One group of links: its heading and (label, route) pairs.
type Group = (&'static str, &'static [(&'static str, &'static str)]);

const GROUPS: [Group; 2] = [
    (
        "Security",
        &[("Database Access", HOME), ("Project Access", PROJECT_USERS)],
    ),
    (
        "Tools",
        &[
            ("Which role do I need?", WHICH_ROLE),
            ("Who can …?", WHO_CAN),
            ("Least privilege", LEAST_PRIVILEGE),
            ("Activity Feed", ACTIVITY),
        ],
    ),
];

/// The section a console route belongs to: its first segment (`/database-access/users` → `database-access`).
pub fn section_of(route: &str) -> &str {
    route
        .trim_start_matches('/')
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default()
}

/// The "Sections" landmark; `open` is the narrow layout's Menu button state. Following a link closes it.
#[component]
pub fn Sections(id: String, open: RwSignal<bool>) -> impl IntoView {
    let location = use_location();
    let here = Memo::new(move |_| {
        route_of(&location.pathname.get())
            .map(|r| section_of(&r).to_string())
            .unwrap_or_default()
    });
    let groups = GROUPS
        .iter()
        .enumerate()
        .map(|(i, (heading, links))| {
            let heading_id = format!("{id}-{i}");
            let items = links
                .iter()
                .map(|(label, route)| {
                    let section = section_of(route);
                    let current = move || (here.get() == section).then_some("page");
                    view! { <li><a href=link(route) aria-current=current>{*label}</a></li> }
                })
                .collect_view();
            view! {
                <p class="dba-nav-heading" id=heading_id.clone()>{*heading}</p>
                <ul aria-labelledby=heading_id>{items}</ul>
            }
        })
        .collect_view();
    view! {
        <nav
            id=id
            class="header-nav"
            class:is-open=move || open.get()
            aria-label="Sections"
            on:click=move |ev| {
                let on_link = event_target::<web_sys::Element>(&ev).closest("a").ok().flatten().is_some();
                if on_link {
                    open.set(false);
                }
            }
        >
            {groups}
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::section_of;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_route_belongs_to_its_first_segment() {
        assert_eq!(
            section_of("/database-access/users/admin/x/edit"),
            "database-access"
        );
        assert_eq!(section_of("/project-access/teams"), "project-access");
        assert_eq!(section_of("/who-can?action=FIND"), "who-can");
        assert_eq!(section_of("/"), "");
    }
}
