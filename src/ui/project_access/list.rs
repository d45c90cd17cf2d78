//! The Project Access page: tabs "Users", "Teams", "API Keys", "Service Accounts", each a searchable
//! list of members with their project roles, "Edit Roles" and "Remove" (from the project) per member. The
//! routed dialogs open over the list through the `<Outlet/>`.
use super::{add_label, mints_credentials};
use crate::ui::shell::routes;
use crate::ui::shell::routes::url_segment;
use crate::ui::shell::state::{use_data, Area, Load};
use crate::ui::shell::write::use_write;
use crate::ui::widgets::Loaded;
use crate::ui::widgets::{
    ConfirmDialog, GrantChips, LinkTabs, PermissionNotice, PermittedAction, SearchBox, TabLink,
};
use domain::catalog::project_role_name;
use domain::permissions::Permission;
use domain::project_access::{Member, MemberKind};
use leptos::prelude::*;
use leptos_router::components::Outlet;

const TABS: [TabLink; 4] = [
    TabLink {
        id: "access-users",
        label: "Users",
        href: routes::PROJECT_USERS,
    },
    TabLink {
        id: "access-teams",
        label: "Teams",
        href: routes::TEAMS,
    },
    TabLink {
        id: "access-api-keys",
        label: "API Keys",
        href: routes::API_KEYS,
    },
    TabLink {
        id: "access-service-accounts",
        label: "Service Accounts",
        href: routes::SERVICE_ACCOUNTS,
    },
];

#[component]
pub fn ProjectAccessPage() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Project Access"</h1>
            <p class="help">
                "Give each person, team, API key and service account the least privilege that does their job. Not sure which role? "
                <a href=crate::ui::shell::base::link(routes::WHICH_ROLE)>"Which role do I need?"</a>
            </p>
            <PermissionNotice permission=Permission::ProjectAccess what="project access" />
            <LinkTabs label="Project Access" tabs=TABS.to_vec() panel_id="project-access-panel">
                <Outlet />
            </LinkTabs>
        </section>
    }
}

#[component]
pub fn UsersTab() -> impl IntoView {
    view! { <MembersTab kind=MemberKind::User /> }
}

#[component]
pub fn TeamsTab() -> impl IntoView {
    view! { <MembersTab kind=MemberKind::Team /> }
}

#[component]
pub fn ApiKeysTab() -> impl IntoView {
    view! { <MembersTab kind=MemberKind::ApiKey /> }
}

#[component]
pub fn ServiceAccountsTab() -> impl IntoView {
    view! { <MembersTab kind=MemberKind::ServiceAccount /> }
}

pub fn role_names(roles: &[String]) -> Vec<String> {
    roles
        .iter()
        .map(|r| project_role_name(r).to_string())
        .collect()
}

fn matches(m: &Member, words: &[String]) -> bool {
    let hay = format!("{} {} {}", m.name, m.detail, role_names(&m.roles).join(" ")).to_lowercase();
    words.iter().all(|w| hay.contains(w.as_str()))
}

#[component]
fn MembersTab(kind: MemberKind) -> impl IntoView {
    let data = use_data();
    let members_state = Memo::new(move |_| data.members().with(Load::has_items));
    let query = RwSignal::new(String::new());
    let removing = RwSignal::new(None::<Member>);
    let visible = move || {
        let words: Vec<String> =
            query.with(|q| q.split_whitespace().map(str::to_lowercase).collect());
        data.members().with(|all| {
            let mut list: Vec<Member> = all
                .ready()
                .map(|ms| {
                    ms.iter()
                        .filter(|m| m.kind == kind && matches(m, &words))
                        .cloned()
                        .collect()
                })
                .unwrap_or_default();
            list.sort_by_key(|m| m.name.to_lowercase());
            list
        })
    };
    let plural = match kind {
        MemberKind::User => "users",
        MemberKind::Team => "teams",
        MemberKind::ApiKey => "API keys",
        MemberKind::ServiceAccount => "service accounts",
    };
    let search_id = match kind {
        MemberKind::User => "access-search-users",
        MemberKind::Team => "access-search-teams",
        MemberKind::ApiKey => "access-search-api-keys",
        MemberKind::ServiceAccount => "access-search-service-accounts",
    };
    let has_any = move || {
        data.members().with(|all| {
            all.ready()
                .is_some_and(|ms| ms.iter().any(|m| m.kind == kind))
        })
    };
    // Service accounts are Project Owner's to change: a Project Access Manager sees why here too.
    let notice = (kind == MemberKind::ServiceAccount).then(|| {
        view! { <PermissionNotice permission=Permission::ServiceAccounts what="service accounts" /> }
    });
    view! {
        <h2 class="visually-hidden">{format!("Project {plural}")}</h2>
        {notice}
        <div class="toolbar">
            <SearchBox id=search_id label="Search" placeholder="Name or role" query=query />
            <p class="count" role="status">
                {move || data.members().with(|m| m.ready().map(|m| domain::text::plural(m.iter().filter(|m| m.kind == kind).count(), kind.label())).unwrap_or_default())}
            </p>
            <div class="toolbar-actions">
                <PermittedAction permission=kind.permission() id=format!("add-{search_id}") label=add_label(kind) href=routes::add_member(kind) class="button button-primary" mints=mints_credentials(kind) />
            </div>
        </div>
        <Loaded load=members_state what="project members" let:_loaded>
            {view! {
                <Show when=has_any fallback=move || view! {
                    <div class="empty-state">
                        <p class="empty-state-title">{format!("No {plural} in this project yet")}</p>
                        <PermittedAction permission=kind.permission() id=format!("add-{search_id}-empty") label=add_label(kind) href=routes::add_member(kind) class="button button-primary" mints=mints_credentials(kind) />
                    </div>
                }>
                <table class="roles-table members-table">
                    <thead>
                        <tr>
                            <th scope="col">"Name"</th>
                            <th scope="col">"Project Roles"</th>
                            <th scope="col"><span class="visually-hidden">"Row actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=visible key=|m| format!("{:?}", m) let(member)>
                            <MemberRow member=member removing=removing />
                        </For>
                    </tbody>
                </table>
                <Show when=move || visible().is_empty()>
                    <p class="empty-state" role="status">{format!("No {} matches your search.", kind.label())}</p>
                </Show>
                </Show>
            }}
        </Loaded>
        {move || removing.get().map(|m| view! {
            <RemoveMemberDialog member=m on_done=Callback::new(move |_| removing.set(None)) />
        })}
        <Outlet />
    }
}

#[component]
fn MemberRow(member: Member, removing: RwSignal<Option<Member>>) -> impl IntoView {
    let name = member.name.clone();
    let dom = url_segment(&member.id);
    let to_remove = member.clone();
    view! {
        <tr>
            <th scope="row" class="role-name">
                {member.name.clone()}
                <span class="note member-detail">{member.detail.clone()}</span>
            </th>
            <td><GrantChips lines=role_names(&member.roles) /></td>
            <td class="row-actions">
                <PermittedAction
                    permission=member.kind.permission()
                    id=format!("edit-roles-{dom}")
                    label="Edit Roles"
                    aria_label=format!("Edit Roles for {name}")
                    href=routes::member_roles(member.kind, &member.id)
                />
                <PermittedAction
                    permission=member.kind.permission()
                    id=format!("remove-{dom}")
                    label="Remove"
                    aria_label=format!("Remove {name} from Project")
                    class="button button-danger-outline"
                    on_click=Callback::new(move |_| removing.set(Some(to_remove.clone())))
                />
            </td>
        </tr>
    }
}

#[component]
fn RemoveMemberDialog(member: Member, on_done: Callback<()>) -> impl IntoView {
    let write = use_write();
    let (kind, id) = (member.kind, member.id.clone());
    let confirm = Callback::new(move |_| {
        let id = id.clone();
        write.run(
            Area::ProjectAccess,
            move |b| b.remove_member(kind, id),
            move |()| on_done.run(()),
        );
    });
    let consequence = match member.kind {
        // "The Service Account will still be a part of the Organization it was created in, and the
        // credentials will remain active" (spec, deleteGroupServiceAccount).
        MemberKind::ServiceAccount => {
            "The service account loses its roles in this project. It stays in your organization, and its client secrets keep working until they expire or are revoked."
        }
        MemberKind::ApiKey => {
            "The API key loses its roles in this project (it stays in the organization)."
        }
        MemberKind::Team => "Members of the team lose the roles the team gave them here.",
        MemberKind::User => "They lose every role they hold in this project.",
    };
    view! {
        <ConfirmDialog
            id="remove-member"
            title=format!("Remove {} from the project?", member.name)
            confirm_label="Remove from Project"
            danger=true
            busy=write.sending_signal()
            on_confirm=confirm
            on_cancel=on_done
        >
            <p>{consequence}</p>
            {move || write.error().map(|e| view! { <p class="field-error" role="alert">{e.message()}</p> })}
        </ConfirmDialog>
    }
}
