//! The role list: search as you type, sort by name, "N of LIMIT custom roles", Edit and Delete per row.
//! Only a page of matching rows is in the DOM at a time (with "Show more"), so filtering 1,400 roles
//! re-renders what the user can see, not the whole project. Its state is `list_state`, its toolbar
//! `toolbar`, its table and row actions `rows`.
use super::delete::DeleteRoleDialog;
use super::import::ImportDialog;
use super::limit::LimitDialog;
use super::list_state::{ListDialogs, RoleList};
use super::rows::RolesTable;
use super::section::use_custom_roles;
use super::toolbar::RolesToolbar;
use super::transfer::ExportDialog;
use crate::ui::shell::ids::dom_id;
use crate::ui::shell::routes;
use crate::ui::shell::state::{use_data, Load};
use crate::ui::widgets::{Loaded, PermissionNotice, PermittedAction, UsedByDialog};
use domain::permissions::Permission;
use leptos::prelude::*;

#[component]
pub fn CustomRolesTab() -> impl IntoView {
    let data = use_data();
    let roles_state = Memo::new(move |_| data.roles.with(Load::has_items));
    // Back from the editor, the list is as the user left it (section.rs).
    let list = RoleList::open();
    let dialogs = ListDialogs::new();
    view! {
        <h2 class="visually-hidden">"Custom Roles"</h2>
        <PermissionNotice permission=Permission::DatabaseAccess what="custom roles or database users" />
        <LateClustersNote />
        <RolesToolbar list=list dialogs=dialogs />
        <Loaded load=roles_state what="custom roles" let:any>
            {match any {
                false => view! { <NoRolesYet /> }.into_any(),
                true => view! { <RolesTable list=list dialogs=dialogs /> }.into_any(),
            }}
        </Loaded>
        <OpenDialogs dialogs=dialogs selected=list.selected />
    }
}

#[component]
fn NoRolesYet() -> impl IntoView {
    view! {
        <div class="empty-state">
            <p class="empty-state-title">"No custom roles yet"</p>
            <p>"A custom role grants exactly the actions a database user needs."</p>
            <PermittedAction permission=Permission::DatabaseAccess id="add-role-empty" label="Add New Custom Role" href=routes::NEW_ROLE class="button button-primary" />
        </div>
    }
}

#[component]
fn OpenDialogs(
    dialogs: ListDialogs,
    selected: RwSignal<std::collections::BTreeSet<String>>,
) -> impl IntoView {
    let ListDialogs {
        deleting,
        used_by,
        exporting,
        importing,
        changing_limit,
        ..
    } = dialogs;
    view! {
        {move || exporting.get().then(|| view! {
            <ExportDialog names=selected.get_untracked() on_close=Callback::new(move |_| exporting.set(false)) />
        })}
        {move || importing.get().then(|| view! {
            <ImportDialog on_close=Callback::new(move |_| importing.set(false)) />
        })}
        {move || changing_limit.get().then(|| view! {
            <LimitDialog on_close=Callback::new(move |_| changing_limit.set(false)) />
        })}
        {move || used_by.get().map(|name| view! {
            <UsedByDialog name=name on_close=Callback::new(move |_| used_by.set(None)) />
        })}
        {move || deleting.get().map(|name| view! {
            <DeleteRoleDialog name=name on_done=Callback::new(move |_| deleting.set(None)) />
        })}
    }
}
/// Next to the custom-role change just saved: when it reaches the project's Free and Flex clusters.
#[component]
fn LateClustersNote() -> impl IntoView {
    let data = use_data();
    let saved = use_custom_roles().saved;
    let note = move || {
        // try_: read once more as the console is unmounted.
        let saved = saved.try_get().flatten()?;
        let late = data.late_clusters();
        (!late.is_empty()).then(|| {
            format!(
                "{saved}. Changes to custom roles might take up to 30 seconds to deploy in Free clusters and Flex clusters ({}).",
                late.join(", ")
            )
        })
    };
    move || {
        note().map(|text| view! { <p class="note" role="status" id=dom_id("role-propagation-note")>{text}</p> })
    }
}
