//! "Add New Database User" / "Edit Database User": a routed dialog. Every rule comes from
//! `domain::validate::validate_user`; the password lives only in this dialog's memory and in the request.
use super::conflict::{change_of, update_unless_changed, UserDeleted};
use super::fields::{ClusterScopes, PasswordField, TemporaryUser};
use super::form_state::{belongs_to, UserFormState};
use super::privileges::EffectivePrivileges;
use super::roles::{BuiltinRoleSelect, CustomRolesSelect, SpecificPrivileges};
use crate::ui::shell::guard::{track_unsaved, use_guard};
use crate::ui::shell::routes::{self, DATABASE_USERS as LIST_PATH};
use crate::ui::shell::state::{use_data, Area};
use crate::ui::widgets::form::{use_safe_edit, EditEnd, FormControl, FormField, SafeEdit};
use crate::ui::widgets::{Dialog, FieldMessages, FormActions, RefusalBanner, TheirVersion};
use domain::diff::{user_change, user_lines};
use domain::model::DatabaseUser;
use domain::user_form::AuthMethod;
use domain::validate::{validate_user, Issue, UserField, UserMode};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn NewUserDialog() -> impl IntoView {
    view! { <UserDialog original=None /> }
}

fn now_secs() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

type UserForm = FormControl<UserField>;
type UserEdit = SafeEdit<DatabaseUser, Box<DatabaseUser>>;

/// The messages of each part of the form, as they show.
#[derive(Clone, Copy)]
struct UserIssues {
    username: Signal<Vec<Issue>>,
    password: Signal<Vec<Issue>>,
    roles: Signal<Vec<Issue>>,
    other: Signal<Vec<Issue>>,
    expiry: Signal<Vec<Issue>>,
}

impl UserIssues {
    fn of(form: UserForm) -> Self {
        let b = belongs_to;
        UserIssues {
            username: form.shown(
                UserField::Username,
                b(|f| {
                    matches!(
                        f,
                        UserField::Username | UserField::AuthMethod | UserField::AuthDatabase
                    )
                }),
            ),
            password: form.shown(UserField::Password, b(|f| *f == UserField::Password)),
            roles: form.shown_on_submit(b(|f| matches!(f, UserField::Roles | UserField::Role(_)))),
            other: form.shown(
                UserField::Description,
                b(|f| matches!(f, UserField::Description | UserField::Scope(_))),
            ),
            // Shown at once: the only way to get one is to untick "Temporary User" (or pick an expiry)
            // on a user Atlas can't change that way, and the person should learn it before saving.
            expiry: Signal::derive(move || form.issues_where(&b(|f| *f == UserField::DeleteAfter))),
        }
    }
}

#[component]
pub(super) fn UserDialog(
    original: Option<DatabaseUser>,
    /// Offered when editing: restores the loaded user.
    #[prop(optional)]
    on_revert: Option<Callback<()>>,
    /// Offered when editing: opens the dialog anew on their version after a conflict.
    #[prop(optional)]
    on_take_theirs: Option<Callback<DatabaseUser>>,
) -> impl IntoView {
    let data = use_data();
    let guard = use_guard();
    let navigate = use_navigate();
    let create = original.is_none();
    let opened = original.unwrap_or_else(|| DatabaseUser::new(""));
    let project_roles = Memo::new(move |_| data.role_names());
    let state = UserFormState::new(&opened, |n| {
        project_roles.with_untracked(|p| p.iter().any(|c| c == n))
    });
    // The user as last read: what the form builds on and what a re-read before saving is compared with.
    let last_read = RwSignal::new(Box::new(opened.clone()));
    let user = Memo::new(move |_| last_read.with(|b| state.to_user(b)));
    let edit = use_safe_edit(user, last_read);
    let initial = StoredValue::new(user.get_untracked());
    let changed = move || user.with(|u| initial.with_value(|i| u != i));
    let issues = Memo::new(move |_| {
        let original = last_read.get();
        let mode = match create {
            true => UserMode::Create,
            false => UserMode::Update {
                original: &original,
            },
        };
        data.with_context(|ctx| user.with(|u| validate_user(u, ctx, mode, now_secs())))
    });
    let form = FormControl::new(Area::DatabaseAccess, issues, move || user.track());
    track_unsaved(move || !form.done() && changed());
    let close = Callback::new({
        let navigate = navigate.clone();
        move |_| {
            if guard.allows(LIST_PATH) {
                navigate(LIST_PATH, Default::default());
            }
        }
    });
    let send = sender(form, edit, user, state.password, create);
    let on_submit = form.on_submit(move || match create {
        true => send.run(false),
        false => edit.review(),
    });
    let title = match create {
        true => "Add New Database User",
        false => "Edit Database User",
    };
    let name = opened.username.clone();
    view! {
        <Dialog id="user-dialog" title=title.to_string() on_close=close>
            <form class="user-form" node_ref=form.node_ref() novalidate on:submit=on_submit>
                <crate::ui::widgets::PermissionNotice permission=domain::permissions::Permission::DatabaseAccess what="database users" />
                <UserFields state=state form=form create=create opened=opened project_roles=project_roles />
                <EffectivePrivileges user=user roles=Signal::derive(move || data.custom_roles()) />
                {move || form.error().map(|e| view! { <RefusalBanner error=e /> })}
                {move || edit.their_version.get().map(|t| view! { <TheirVersion lines=user_lines(&t) help="Edit the form to combine both; saving checks the user again first." /> })}
                <UserEditEnd edit=edit form=form user=user send=send name=name on_take_theirs=on_take_theirs>
                    <FormActions submit=if create { "Add User" } else { "Update User" } write=form.write() on_cancel=close
                        refusal_elsewhere=true on_revert=on_revert unchanged=Signal::derive(move || !changed()) />
                </UserEditEnd>
            </form>
        </Dialog>
    }
}

/// Sends the user: created, re-created (`true`), or updated only if unchanged since last read.
fn sender(
    form: UserForm,
    edit: UserEdit,
    user: Memo<DatabaseUser>,
    password: RwSignal<String>,
    create: bool,
) -> Callback<bool> {
    let navigate = use_navigate();
    Callback::new(move |recreate: bool| {
        let u = user.get_untracked();
        let navigate = navigate.clone();
        // A new Atlas-managed X.509 user gets its certificate next (the list opens the dialog).
        let certificate_next = create && u.x509_type == domain::model::X509Type::Managed;
        let name = u.username.clone();
        let on_ok = move |_| {
            password.set(String::new());
            let to = match certificate_next {
                true => routes::certificate_for(&name),
                false => LIST_PATH.to_string(),
            };
            navigate(&to, Default::default());
        };
        if create || recreate {
            form.send(move |b| b.create_database_user(u), on_ok);
        } else {
            edit.save(form, move |b, o| update_unless_changed(b, *o, u), on_ok);
        }
    })
}

/// The edit's end: the review, the conflict with its choices, or the user gone (offering to re-create it).
#[component]
fn UserEditEnd(
    edit: UserEdit,
    form: UserForm,
    user: Memo<DatabaseUser>,
    send: Callback<bool>,
    name: String,
    on_take_theirs: Option<Callback<DatabaseUser>>,
    children: ChildrenFn,
) -> impl IntoView {
    let save = Callback::new(move |()| send.run(false));
    let conflict = edit.conflict(
        "Someone else changed this user",
        format!("{name} was changed since you opened it. Saving replaces its roles, restrictions, labels and description with yours, so their change would be lost. Choose what to keep."),
        |mine, theirs| user_change(mine, theirs),
        save,
        move |theirs| {
            if let Some(take) = on_take_theirs {
                take.run(*theirs);
            }
        },
    );
    let gone = move || {
        let back = Callback::new(move |()| edit.gate.back());
        let recreate = Callback::new(move |()| send.run(true));
        view! { <UserDeleted mine=user.get_untracked() busy=form.sending() on_recreate=recreate on_back=back /> }
    };
    let last_read = edit.last_read;
    view! {
        <EditEnd gate=edit.gate busy=form.sending() on_save=save conflict=conflict gone=gone
            intro=format!("What changes for {name} once saved:")
            change=Callback::new(move |()| last_read.with_untracked(|b| change_of(b, &user.get_untracked())))
            children=children />
    }
}

/// Every control of the user: how it signs in, its roles, where and until when it has access.
#[component]
fn UserFields(
    state: UserFormState,
    form: UserForm,
    create: bool,
    /// The user as the dialog opened on it: its scopes and expiry are offered even if gone elsewhere.
    opened: DatabaseUser,
    project_roles: Memo<Vec<String>>,
) -> impl IntoView {
    let issues = UserIssues::of(form);
    let UserFormState {
        method,
        username,
        password,
        description,
        ..
    } = state;
    view! {
        <FormField id="user-auth" label="Authentication Method" let:c>
            <select id=c.id() aria-describedby=c.described_by() disabled=!create on:change=move |ev| {
                if let Some(m) = AuthMethod::from_key(&event_target_value(&ev)) { method.set(m) }
            }>
                {AuthMethod::ALL.iter().map(|m| view! {
                    <option value=m.key() selected=move || method.get() == *m>{m.label()}</option>
                }).collect_view()}
            </select>
        </FormField>
        <FormField id="user-name" label="Username" issues=issues.username
            help=Signal::derive(move || format!("{} · authentication database: {}", method.get().username_hint(), method.get().auth_db()))
            let:c>
            <input id=c.id() type="text" autocomplete="off" readonly=!create
                prop:value=move || username.get()
                aria-invalid=c.aria_invalid()
                aria-describedby=c.described_by()
                on:input=move |ev| username.set(event_target_value(&ev))
                on:blur=move |_| form.touch(UserField::Username)
            />
        </FormField>
        <PasswordField method=method password=password create=create invalid=issues.password on_blur=form.touch_cb(UserField::Password) />
        <h3>"Database User Privileges"</h3>
        <BuiltinRoleSelect builtin=state.roles.builtin />
        <CustomRolesSelect custom=state.roles.custom project_roles=project_roles />
        <SpecificPrivileges rows=state.roles.spec_rows next_id=state.roles.next_id />
        <FieldMessages id="user-roles-messages" issues=issues.roles />
        <ClusterScopes restrict=state.limits.restrict scopes=state.limits.scopes current_scopes=opened.scopes />
        <TemporaryUser method=method temporary=state.limits.temporary expiry=state.limits.expiry current_expiry=opened.delete_after_date expiry_issues=issues.expiry />
        <FormField id="user-description" label="Description" issues=issues.other let:c>
            <input id=c.id() type="text" maxlength="200" prop:value=move || description.get()
                aria-invalid=c.aria_invalid()
                aria-describedby=c.described_by()
                on:input=move |ev| description.set(event_target_value(&ev))
                on:blur=move |_| form.touch(UserField::Description) />
        </FormField>
    }
}
