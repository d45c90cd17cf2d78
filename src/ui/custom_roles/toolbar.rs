//! Above the Custom Roles list: search, the count, and what applies to the list as a whole (add, export,
//! import, change the limit).
use super::list_state::{count_text, ListDialog, ListDialogs, RoleList, PAGE};
use crate::ui::shell::base::link;
use crate::ui::shell::ids::dom_id;
use crate::ui::shell::routes;
use crate::ui::shell::state::use_data;
use crate::ui::widgets::{PermittedAction, SearchBox};
use domain::permissions::Permission;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn RolesToolbar(list: RoleList, dialogs: ListDialogs) -> impl IntoView {
    let data = use_data();
    let limit = move || data.custom_role_limit();
    let at_limit = move || limit().is_some_and(|l| list.total() >= l);
    let status = move || {
        let searching = list.query.with(|q| !q.trim().is_empty());
        count_text(
            list.total(),
            limit(),
            searching,
            list.matching.with(Vec::len),
        )
    };
    let selected = list.selected;
    view! {
        <div class="toolbar">
            <SearchBox
                id="role-search"
                label="Search custom roles"
                placeholder="Name, action, role, database or collection"
                query=list.query
                on_change=Callback::new(move |_| list.page_rows.set(PAGE))
            />
            <p class="count" role="status" id=dom_id("role-count")>{status}</p>
            <div class="toolbar-actions">
                <AddRoleButton at_limit=Signal::derive(at_limit) />
                <button type="button" class="button" on:click=move |_| dialogs.show(ListDialog::Export(selected.get_untracked()))>
                    {move || match selected.with(|s| s.len()) {
                        0 => "Export all".to_string(),
                        n => format!("Export {n} selected"),
                    }}
                </button>
                <Show when=move || dialogs.across.get()>
                    <a class="button" href=link(routes::COMPARE_ROLES)>"Compare projects"</a>
                    {move || {
                        let names: Vec<String> = selected.get().into_iter().collect();
                        (!names.is_empty()).then(|| {
                            let names: Vec<&str> = names.iter().map(String::as_str).collect();
                            view! { <a class="button" href=link(routes::copy_roles(&names, None))>{format!("Copy {} selected to projects…", names.len())}</a> }
                        })
                    }}
                </Show>
                <PermittedAction permission=Permission::DatabaseAccess id="import-roles" label="Import" on_click=Callback::new(move |_| dialogs.show(ListDialog::Import)) />
                <PermittedAction permission=Permission::ProjectSettings id="change-limit" label="Change Limit" on_click=Callback::new(move |_| dialogs.show(ListDialog::ChangeLimit)) />
                <Show when=at_limit>
                    <p id=dom_id("role-limit-note") class="note">
                        {move || format!("This project has reached its limit of {} custom roles. Delete a role, or (as Project Owner) raise the limit with Change Limit, to add another.", limit().unwrap_or_default())}
                    </p>
                </Show>
            </div>
        </div>
    }
}

/// "Add New Custom Role": disabled with the reason when the principal may not, or at the project's limit.
#[component]
fn AddRoleButton(at_limit: Signal<bool>) -> impl IntoView {
    let data = use_data();
    let navigate = use_navigate();
    view! {
        <Show
            when=move || data.refusal(Permission::DatabaseAccess).is_none()
            fallback=|| view! { <PermittedAction permission=Permission::DatabaseAccess id="add-role" label="Add New Custom Role" class="button button-primary" /> }
        >
            <button
                type="button"
                class="button button-primary"
                disabled=at_limit
                aria-describedby={
                    let note = dom_id("role-limit-note");
                    move || at_limit.get().then(|| note.clone())
                }
                on:click={
                    let navigate = navigate.clone();
                    move |_| navigate(routes::NEW_ROLE, Default::default())
                }
            >
                "Add New Custom Role"
            </button>
        </Show>
    }
}
