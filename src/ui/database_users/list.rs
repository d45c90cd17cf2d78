//! The user list: username, authentication method, roles, cluster restriction and expiry; search; Edit and
//! Delete per user. The routed dialogs (add, edit) open over it through the `<Outlet/>`.
use super::bulk::{BulkAssignDialog, UserKey};
use super::certificate::CertificateDialog;
use crate::ui::shell::ids::dom_id;
use crate::ui::shell::routes;
use crate::ui::shell::routes::url_segment;
use crate::ui::shell::state::{use_data, Area, Load};
use crate::ui::shell::undo::{use_undo, Undoable, UNDO_SECONDS};
use crate::ui::shell::write::use_write;
use crate::ui::widgets::Loaded;
use crate::ui::widgets::{
    ConfirmDialog, GrantChips, PermissionNotice, PermittedAction, RowSelect, SearchBox,
};
use domain::model::{DatabaseUser, DatabaseUserRole, X509Type};
use domain::permissions::Permission;
use domain::undo::user_undo;
use domain::user_form::AuthMethod;
use leptos::prelude::*;
use leptos_router::components::Outlet;
use std::collections::BTreeSet;

fn roles_text(u: &DatabaseUser) -> Vec<String> {
    u.roles.iter().map(DatabaseUserRole::spec).collect()
}

fn haystack(u: &DatabaseUser) -> String {
    let method = AuthMethod::of(u).map(AuthMethod::label).unwrap_or_default();
    format!("{} {} {}", u.username, method, roles_text(u).join(" ")).to_lowercase()
}

/// The users whose name, method or roles hold every word of `query`, by username.
fn matching_users(users: &[DatabaseUser], query: &str) -> Vec<DatabaseUser> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    let mut list: Vec<DatabaseUser> = users
        .iter()
        .filter(|u| {
            let h = haystack(u);
            words.iter().all(|w| h.contains(w.as_str()))
        })
        .cloned()
        .collect();
    list.sort_by(|a, b| a.username.cmp(&b.username));
    list
}

/// The Atlas-managed X.509 user a certificate is being issued for; `?certificate=<username>` opens it (the
/// add dialog sends there after creating such a user). The list stays mounted under the routed add dialog,
/// so the parameter is followed, not read once. Closing drops it from the address.
fn certificate_from_query() -> (RwSignal<Option<String>>, Callback<()>) {
    let query_map = leptos_router::hooks::use_query_map();
    let certificate = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(name) = query_map.with(|q| q.get("certificate")) {
            certificate.set(Some(name));
        }
    });
    let navigate = leptos_router::hooks::use_navigate();
    let close = Callback::new(move |_| {
        certificate.set(None);
        if query_map.with_untracked(|q| q.get("certificate").is_some()) {
            let replace = leptos_router::NavigateOptions {
                replace: true,
                ..Default::default()
            };
            navigate(routes::DATABASE_USERS, replace);
        }
    });
    (certificate, close)
}

/// What a row opens: the user being deleted, the certificate dialog, the ticked users.
#[derive(Clone, Copy)]
struct UserDialogs {
    deleting: RwSignal<Option<(String, String)>>,
    certificate: RwSignal<Option<String>>,
    /// Users ticked for bulk assignment.
    selected: RwSignal<BTreeSet<UserKey>>,
}

#[component]
pub fn DatabaseUsersTab() -> impl IntoView {
    let data = use_data();
    let users_state = Memo::new(move |_| data.users.with(Load::has_items));
    let query = RwSignal::new(String::new());
    let (certificate, close_certificate) = certificate_from_query();
    let dialogs = UserDialogs {
        deleting: RwSignal::new(None),
        certificate,
        selected: RwSignal::new(BTreeSet::new()),
    };
    let UserDialogs {
        deleting, selected, ..
    } = dialogs;
    let bulk = RwSignal::new(false);
    let visible = Signal::derive(move || {
        data.users
            .with(|u| query.with(|q| matching_users(u.ready().map_or(&[], Vec::as_slice), q)))
    });
    view! {
        <h2 class="visually-hidden">"Database Users"</h2>
        <PermissionNotice permission=Permission::DatabaseAccess what="custom roles or database users" />
        <div class="toolbar">
            <SearchBox id="user-search" label="Search database users" placeholder="Username, method or role" query=query />
            <p class="count" role="status" id=dom_id("user-count")>
                {move || data.users.with(|u| u.ready().map(|u| domain::text::plural(u.len(), "database user")).unwrap_or_default())}
            </p>
            <div class="toolbar-actions">
                <PermittedAction permission=Permission::DatabaseAccess id="add-user" label="Add New Database User" href=routes::NEW_USER class="button button-primary" />
                <Show when=move || !selected.with(BTreeSet::is_empty)>
                    <span class="note">{move || format!("{} selected", selected.with(BTreeSet::len))}</span>
                    <PermittedAction permission=Permission::DatabaseAccess id="bulk-assign" label="Add or remove a custom role" on_click=Callback::new(move |_| bulk.set(true)) />
                </Show>
            </div>
        </div>
        <Loaded load=users_state what="database users" let:any>
            {match any {
                false => view! { <NoUsersYet /> }.into_any(),
                true => view! { <UsersTable visible=visible dialogs=dialogs /> }.into_any(),
            }}
        </Loaded>
        {move || bulk.get().then(|| view! {
            <BulkAssignDialog selected=selected.get_untracked() on_close=Callback::new(move |_| bulk.set(false)) />
        })}
        {move || certificate.get().map(|name| view! {
            <CertificateDialog username=name on_close=close_certificate />
        })}
        {move || deleting.get().map(|(db, name)| view! {
            <DeleteUserDialog db=db username=name on_done=Callback::new(move |_| deleting.set(None)) />
        })}
        <Outlet />
    }
}

#[component]
fn NoUsersYet() -> impl IntoView {
    view! {
        <div class="empty-state">
            <p class="empty-state-title">"No database users yet"</p>
            <p>"A database user is how an application or a person signs in to the project's clusters."</p>
            <PermittedAction permission=Permission::DatabaseAccess id="add-user-empty" label="Add New Database User" href=routes::NEW_USER class="button button-primary" />
        </div>
    }
}

#[component]
fn UsersTable(visible: Signal<Vec<DatabaseUser>>, dialogs: UserDialogs) -> impl IntoView {
    let UserDialogs {
        deleting,
        certificate,
        selected,
    } = dialogs;
    view! {
        <table class="users-table roles-table">
            <thead>
                <tr>
                    <th scope="col"><span class="visually-hidden">"Select"</span></th>
                    <th scope="col">"User name"</th>
                    <th scope="col">"Authentication Method"</th>
                    <th scope="col">"MongoDB Roles"</th>
                    <th scope="col">"Resources"</th>
                    <th scope="col"><span class="visually-hidden">"Row actions"</span></th>
                </tr>
            </thead>
            <tbody>
                <For each=move || visible.get() key=|u| format!("{:?}", u) let(user)>
                    <UserRow user=user deleting=deleting selected=selected certificate=certificate />
                </For>
            </tbody>
        </table>
        <Show when=move || visible.with(Vec::is_empty)>
            <p class="empty-state" role="status">"No database user matches your search."</p>
        </Show>
    }
}

#[component]
fn UserRow(
    user: DatabaseUser,
    deleting: RwSignal<Option<(String, String)>>,
    selected: RwSignal<BTreeSet<UserKey>>,
    certificate: RwSignal<Option<String>>,
) -> impl IntoView {
    let name = user.username.clone();
    let managed = user.x509_type == X509Type::Managed;
    let key: UserKey = (user.database_name.clone(), user.username.clone());
    let method = AuthMethod::of(&user)
        .map(AuthMethod::label)
        .unwrap_or("Unknown");
    let resources = if user.scopes.is_empty() {
        "All resources".to_string()
    } else {
        user.scopes
            .iter()
            .map(|s| s.name.clone())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let expires = user
        .delete_after_date
        .clone()
        .map(|d| format!("Expires {d}"));
    let (db, del_name) = (user.database_name.clone(), user.username.clone());
    view! {
        <tr>
            <RowSelect name=name.clone() key=key selected=selected />
            <th scope="row" class="role-name">{user.username.clone()}{expires.map(|e| view! { <span class="note">" "{e}</span> })}</th>
            <td>{method}</td>
            <td><GrantChips lines=roles_text(&user) /></td>
            <td>{resources}</td>
            <td class="row-actions">
                {managed.then(|| {
                    let cert_name = name.clone();
                    view! {
                        <PermittedAction
                            permission=Permission::Certificates
                            id=format!("cert-user-{}", url_segment(&name))
                            label="Download Certificate"
                            aria_label=format!("Download Certificate for {name}")
                            on_click=Callback::new(move |_| certificate.set(Some(cert_name.clone())))
                        />
                    }
                })}
                <PermittedAction
                    permission=Permission::DatabaseAccess
                    id=format!("edit-user-{}-{}", url_segment(&user.database_name), url_segment(&name))
                    label="Edit"
                    aria_label=format!("Edit {name}")
                    href=routes::edit_user(&user.database_name, &name)
                />
                <PermittedAction
                    permission=Permission::DatabaseAccess
                    id=format!("delete-user-{}-{}", url_segment(&user.database_name), url_segment(&name))
                    label="Delete"
                    aria_label=format!("Delete {name}")
                    class="button button-danger-outline"
                    on_click=Callback::new(move |_| deleting.set(Some((db.clone(), del_name.clone()))))
                />
            </td>
        </tr>
    }
}

#[component]
fn DeleteUserDialog(db: String, username: String, on_done: Callback<()>) -> impl IntoView {
    let data = use_data();
    let write = use_write();
    let (db2, name2) = (db.clone(), username.clone());
    // Captured when the dialog opens: what "Undo" re-creates, or why it can't.
    let undo_write = data.users.with_untracked(|l| {
        l.ready()
            .and_then(|users| {
                users
                    .iter()
                    .find(|u| u.database_name == db && u.username == username)
            })
            .map(user_undo)
    });
    let undo_note = match &undo_write {
        Some(Ok(_)) => format!("You can undo this for {UNDO_SECONDS} seconds."),
        Some(Err(why)) => why.to_string(),
        None => String::new(),
    };
    let undo = use_undo();
    let confirm = Callback::new(move |_| {
        let (db, name) = (db2.clone(), name2.clone());
        let offer = undo_write.clone().and_then(Result::ok);
        write.run(
            Area::DatabaseAccess,
            move |b| b.delete_database_user(db, name),
            move |()| {
                if let Some(w) = offer {
                    undo.offer(Undoable::User(w));
                }
                on_done.run(())
            },
        );
    });
    view! {
        <ConfirmDialog
            id="delete-user"
            title=format!("Delete database user {username}?")
            confirm_label="Delete"
            danger=true
            busy=write.sending_signal()
            on_confirm=confirm
            on_cancel=on_done
        >
            <p>{format!("{username} ({db}) will lose access to every cluster of the project.")}</p>
            <p class="note">{undo_note}</p>
            {move || write.error().map(|e| view! { <p class="field-error" role="alert">{e.message()}</p> })}
        </ConfirmDialog>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn every_word_matches_the_name_method_or_roles_and_the_list_is_by_name() {
        let user = |name: &str, role: &str| {
            let mut u = DatabaseUser::new(name);
            u.roles = vec![DatabaseUserRole::new(role, "sales")];
            u
        };
        let users = [
            user("zoe", "read"),
            user("app", "readWrite"),
            user("bob", "read"),
        ];
        let names = |q: &str| -> Vec<String> {
            matching_users(&users, q)
                .into_iter()
                .map(|u| u.username)
                .collect()
        };
        assert_eq!(names(""), ["app", "bob", "zoe"]);
        assert_eq!(names("READ@sales"), ["bob", "zoe"]);
        assert_eq!(names("readwrite"), ["app"]);
        assert_eq!(names("bob read"), ["bob"]);
        assert!(names("nobody").is_empty());
    }
}
