//! The role list: search as you type, sort by name, "N of LIMIT custom roles", Edit and Delete per row.
//! Only a page of matching rows is in the DOM at a time (with "Show more"), so filtering 1,400 roles
//! re-renders what the user can see, not the whole project. Its state is `list_state`, its toolbar
//! `toolbar`, its table and row actions `rows`.
use super::dialogs::list_dialog;
use super::list_state::{ListDialogs, RoleList};
use super::rows::RolesTable;
use super::section::use_custom_roles;
use super::toolbar::RolesToolbar;
use crate::ui::shell::ids::dom_id;
use crate::ui::shell::routes;
use crate::ui::shell::state::{use_data, Load};
use crate::ui::widgets::{Loaded, OnDemandDialog, PermissionNotice, PermittedAction};
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
        <OpenDialog dialogs=dialogs />
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

/// The dialog open, once its code is in (`dialogs`).
#[component]
fn OpenDialog(dialogs: ListDialogs) -> impl IntoView {
    let open = dialogs.open;
    let on_close = Callback::new(move |_| open.set(None));
    move || {
        open.get().map(|dialog| {
            let title = dialog.title();
            view! { <OnDemandDialog load=list_dialog(dialog, on_close) title=title on_close=on_close /> }
        })
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
