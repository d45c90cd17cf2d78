//! "Add New Database User" / "Edit Database User": a routed dialog. Every rule comes from
//! `domain::validate::validate_user`; the password lives only in this dialog's memory and in the request.
use super::conflict::{change_of, update_unless_changed, UserDeleted};
use super::fields::{AccessLimits, PasswordField};
use super::privileges::EffectivePrivileges;
use super::roles::{BuiltinRoleSelect, CustomRolesSelect, SpecRow, SpecificPrivileges};
use crate::ui::shell::guard::{track_unsaved, use_guard};
use crate::ui::shell::routes::{self, DATABASE_USERS as LIST_PATH};
use crate::ui::shell::state::{use_data, Area};
use crate::ui::widgets::form::{Conflict, EditEnd, Field, FormControl, ReviewGate, Step};
use crate::ui::widgets::{Dialog, FieldMessages, FormActions, RefusalBanner, TheirVersion};
use domain::diff::{user_change, user_lines};
use domain::model::DatabaseUser;
use domain::user_form::{AuthMethod, UserRoles};
use domain::validate::{validate_user, Field as IssueField, UserField, UserMode};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn NewUserDialog() -> impl IntoView {
    view! { <UserDialog original=None /> }
}

fn now_secs() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

fn iso_in_hours(hours: i64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        js_sys::Date::now() + (hours * 3600 * 1000) as f64,
    ));
    String::from(d.to_iso_string())
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
    let base = original.clone().unwrap_or_else(|| DatabaseUser::new(""));
    let project_roles = Memo::new(move |_| {
        data.roles.with(|r| {
            r.ready()
                .map(|r| r.iter().map(|c| c.role_name.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let split = UserRoles::from_roles(&base.roles, |n| {
        project_roles.with_untracked(|p| p.iter().any(|c| c == n))
    });

    let method = RwSignal::new(AuthMethod::of(&base).unwrap_or(AuthMethod::Password));
    let username = RwSignal::new(base.username.clone());
    let password = RwSignal::new(String::new());
    let builtin = RwSignal::new(split.builtin.clone());
    let custom = RwSignal::new(split.custom.clone());
    let next_id = StoredValue::new(split.specific.len());
    let spec_rows = RwSignal::new(
        split
            .specific
            .iter()
            .enumerate()
            .map(|(i, p)| SpecRow::new(i, p))
            .collect::<Vec<_>>(),
    );
    let restrict = RwSignal::new(!base.scopes.is_empty());
    let scopes = RwSignal::new(base.scopes.clone());
    let current_scopes = base.scopes.clone();
    let temporary = RwSignal::new(base.delete_after_date.is_some());
    let expiry = RwSignal::new(if base.delete_after_date.is_some() {
        "keep".to_string()
    } else {
        "24".to_string()
    });
    let description = RwSignal::new(base.description.clone().unwrap_or_default());
    // The user as last read: what the form starts from and what a re-read before saving is compared with.
    let base = RwSignal::new(base);
    let theirs_shown = RwSignal::new(None::<DatabaseUser>);

    let user = Memo::new(move |_| {
        let mut u = base.get();
        u.username = username.get().trim().to_string();
        let m = method.get();
        m.apply(&mut u);
        let pw = password.get();
        u.password = (m.has_password() && !pw.is_empty()).then_some(pw);
        u.roles = UserRoles {
            builtin: builtin.get(),
            custom: custom.get(),
            specific: spec_rows.get().iter().map(SpecRow::get).collect(),
        }
        .to_roles();
        // Each scope keeps its type; unticking the restriction sends `"scopes": []`.
        u.scopes = if restrict.get() {
            scopes.get()
        } else {
            Vec::new()
        };
        u.delete_after_date = match (temporary.get(), expiry.get().as_str()) {
            (false, _) => None,
            (true, "keep") => base.with(|b| b.delete_after_date.clone()),
            (true, hours) => Some(iso_in_hours(hours.parse().unwrap_or(24))),
        };
        // Emptying a description sends `""`, which is how Atlas removes it (absent would keep it).
        let d = description.get();
        u.description = if d.trim().is_empty() {
            base.with(|b| b.description.is_some()).then(String::new)
        } else {
            Some(d)
        };
        u
    });
    let initial = StoredValue::new(user.get_untracked());
    let changed = move || user.with(|u| initial.with_value(|i| u != i));

    let issues = Memo::new(move |_| {
        let original = base.get();
        let mode = if create {
            UserMode::Create
        } else {
            UserMode::Update {
                original: &original,
            }
        };
        data.with_context(|ctx| user.with(|u| validate_user(u, ctx, mode, now_secs())))
    });
    let form = FormControl::new(Area::DatabaseAccess, issues, move || user.track());
    track_unsaved(move || !form.done() && changed());
    let of = |belongs: fn(&UserField) -> bool| {
        move |f: &IssueField| match f {
            IssueField::User(f) => belongs(f),
            IssueField::Form => belongs(&UserField::Roles),
            _ => false,
        }
    };
    let username_issues = form.shown(
        UserField::Username,
        of(|f| {
            matches!(
                f,
                UserField::Username | UserField::AuthMethod | UserField::AuthDatabase
            )
        }),
    );
    let password_issues = form.shown(UserField::Password, of(|f| *f == UserField::Password));
    let roles_issues =
        form.shown_on_submit(of(|f| matches!(f, UserField::Roles | UserField::Role(_))));
    let other_issues = form.shown(
        UserField::Description,
        of(|f| matches!(f, UserField::Description | UserField::Scope(_))),
    );
    // Shown at once: the only way to get one is to untick "Temporary User" (or pick an expiry) on a user
    // Atlas can't change that way, and the person should learn it before saving.
    let expiry_issues =
        Signal::derive(move || form.issues_where(&of(|f| *f == UserField::DeleteAfter)));

    let close = {
        let navigate = navigate.clone();
        Callback::new(move |_| {
            if guard.allows(LIST_PATH) {
                navigate(LIST_PATH, Default::default());
            }
        })
    };
    // An edit ends in a review of the change; it stays shown only while the form is as reviewed.
    let gate = ReviewGate::new(user);
    let send = {
        let navigate = navigate.clone();
        move |recreate: bool| {
            let u = user.get_untracked();
            let navigate = navigate.clone();
            let o = base.get_untracked();
            // A new Atlas-managed X.509 user gets its certificate next (the list opens the dialog).
            let certificate_next = create && u.x509_type == domain::model::X509Type::Managed;
            let name = u.username.clone();
            let on_ok = move |_| {
                password.set(String::new());
                let to = if certificate_next {
                    routes::certificate_for(&name)
                } else {
                    LIST_PATH.to_string()
                };
                navigate(&to, Default::default());
            };
            if create || recreate {
                form.send(move |b| b.create_database_user(u), on_ok);
            } else {
                // Re-read first: a change or deletion since `base` is the user's to decide, never overwritten.
                form.send_checked(
                    move |b| update_unless_changed(b, o, u),
                    on_ok,
                    move |o| gate.show_focused(o, "conflict-title"),
                );
            }
        }
    };
    let keep_mine = {
        let send = send.clone();
        gate.with_theirs(move |theirs| {
            base.set(*theirs);
            gate.show(Step::Review);
            send(false);
        })
    };
    let merge = gate.with_theirs(move |theirs| {
        base.set((*theirs).clone());
        theirs_shown.set(Some(*theirs));
        gate.back();
    });
    let take = gate.with_theirs(move |theirs| {
        if let Some(take) = on_take_theirs {
            take.run(*theirs);
        }
    });
    let on_submit = form.on_submit({
        let send = send.clone();
        move || {
            if create {
                send(false);
            } else {
                gate.show_focused(Step::Review, "review-title");
            }
        }
    });
    let save = Callback::new({
        let send = send.clone();
        move |()| send(false)
    });
    let recreate = Callback::new({
        let send = send.clone();
        move |()| send(true)
    });
    let review_change = move || base.with_untracked(|b| change_of(b, &user.get_untracked()));
    let name = base.with_untracked(|b| b.username.clone());
    let conflict = Conflict {
        title: "Someone else changed this user",
        message: format!("{name} was changed since you opened it. Saving replaces its roles, restrictions, labels and description with yours, so their change would be lost. Choose what to keep."),
        their_change: Callback::new(move |theirs: Box<DatabaseUser>| user_change(&base.get_untracked(), &theirs)),
        keep_mine,
        take_theirs: take,
        merge,
    };
    let gone = move || {
        let back = Callback::new(move |()| gate.back());
        view! { <UserDeleted mine=user.get_untracked() busy=form.sending() on_recreate=recreate on_back=back /> }
    };
    let title = if create {
        "Add New Database User".to_string()
    } else {
        "Edit Database User".to_string()
    };

    view! {
        <Dialog id="user-dialog" title=title on_close=close>
            <form class="user-form" node_ref=form.node_ref() novalidate on:submit=on_submit>
            <crate::ui::widgets::PermissionNotice permission=domain::permissions::Permission::DatabaseAccess what="database users" />
                <Field id="user-auth" label="Authentication Method" let:c>
                    <select id=c.id() aria-describedby=c.described_by() disabled=!create on:change=move |ev| {
                        if let Some(m) = AuthMethod::from_key(&event_target_value(&ev)) { method.set(m) }
                    }>
                        {AuthMethod::ALL.iter().map(|m| view! {
                            <option value=m.key() selected=move || method.get() == *m>{m.label()}</option>
                        }).collect_view()}
                    </select>
                </Field>
                <Field id="user-name" label="Username" issues=username_issues
                    help=Signal::derive(move || format!("{} · authentication database: {}", method.get().username_hint(), method.get().auth_db()))
                    let:c>
                    <input id=c.id() type="text" autocomplete="off" readonly=!create
                        prop:value=move || username.get()
                        aria-invalid=c.aria_invalid()
                        aria-describedby=c.described_by()
                        on:input=move |ev| username.set(event_target_value(&ev))
                        on:blur=move |_| form.touch(UserField::Username)
                    />
                </Field>
                <PasswordField method=method password=password create=create invalid=password_issues on_blur=form.touch_cb(UserField::Password) />
                <h3>"Database User Privileges"</h3>
                <BuiltinRoleSelect builtin=builtin />
                <CustomRolesSelect custom=custom project_roles=project_roles />
                <SpecificPrivileges rows=spec_rows next_id=next_id />
                <FieldMessages id="user-roles-messages" issues=roles_issues />
                <AccessLimits method=method restrict=restrict scopes=scopes current_scopes=current_scopes temporary=temporary expiry=expiry current_expiry=base.with_untracked(|b| b.delete_after_date.clone()) expiry_issues=expiry_issues />
                <Field id="user-description" label="Description" issues=other_issues let:c>
                    <input id=c.id() type="text" maxlength="200" prop:value=move || description.get()
                        aria-invalid=c.aria_invalid()
                        aria-describedby=c.described_by()
                        on:input=move |ev| description.set(event_target_value(&ev))
                        on:blur=move |_| form.touch(UserField::Description) />
                </Field>
                <EffectivePrivileges user=user roles=Signal::derive(move || data.roles.with(|r| r.ready().cloned().unwrap_or_default())) />
                {move || form.error().map(|e| view! { <RefusalBanner error=e /> })}
                {move || theirs_shown.get().map(|t| view! { <TheirVersion lines=user_lines(&t) help="Edit the form to combine both; saving checks the user again first." /> })}
                <EditEnd gate=gate busy=form.sending() on_save=save conflict=conflict gone=gone
                    intro=format!("What changes for {name} once saved:")
                    change=Callback::new(move |()| review_change())>
                    <FormActions submit=if create { "Add User" } else { "Update User" } write=form.write() on_cancel=close
                        refusal_elsewhere=true on_revert=on_revert unchanged=Signal::derive(move || !changed()) />
                </EditEnd>
            </form>
        </Dialog>
    }
}
