//! "Add New Database User" / "Edit Database User": a routed dialog. Every rule comes from
//! `domain::validate::validate_user`; the password lives only in this dialog's memory and in the request.
use super::conflict::{
    change_of, update_unless_changed, Outcome, TheirUser, UserConflict, UserDeleted,
};
use super::fields::{AccessLimits, PasswordField};
use super::privileges::EffectivePrivileges;
use super::roles::{BuiltinRoleSelect, CustomRolesSelect, SpecRow, SpecificPrivileges};
use crate::ui::shell::guard::{track_unsaved, use_guard};
use crate::ui::shell::ids::{dom_id, dom_ids};
use crate::ui::shell::routes::DATABASE_USERS as LIST_PATH;
use crate::ui::shell::state::{use_data, Area};
use crate::ui::widgets::{
    aria_invalid, focus_first_invalid, focus_when_shown, Dialog, FieldMessages, RefusalBanner,
    ReviewStep,
};
use domain::model::{ApiError, DatabaseUser};
use domain::user_form::{AuthMethod, UserRoles};
use domain::validate::{is_valid, validate_user, Field, Issue, UserField, UserMode};
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
    let touched = RwSignal::new(Vec::<UserField>::new());
    let submitted = RwSignal::new(false);
    let sending = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let server_error = RwSignal::new(None::<ApiError>);
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
    track_unsaved(move || !saved.get() && changed());

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
    // The issues `belongs` picks out, once one of the `watched` fields was left or the form submitted.
    let shown_issues = move |watched: &'static [UserField], belongs: fn(&UserField) -> bool| {
        Signal::derive(move || {
            if !(submitted.get() || touched.with(|t| watched.iter().any(|f| t.contains(f)))) {
                return Vec::new();
            }
            issues.with(|all| {
                all.iter()
                    .filter(|i| match &i.field {
                        Field::User(f) => belongs(f),
                        Field::Form => belongs(&UserField::Roles),
                        _ => false,
                    })
                    .cloned()
                    .collect::<Vec<Issue>>()
            })
        })
    };
    let touch = move |f: UserField| {
        touched.update(|t| {
            if !t.contains(&f) {
                t.push(f)
            }
        })
    };
    let username_issues = shown_issues(&[UserField::Username], |f| {
        matches!(
            f,
            UserField::Username | UserField::AuthMethod | UserField::AuthDatabase
        )
    });
    let password_issues = shown_issues(&[UserField::Password], |f| *f == UserField::Password);
    let roles_issues = shown_issues(&[], |f| matches!(f, UserField::Roles | UserField::Role(_)));
    let other_issues = shown_issues(&[], |f| {
        matches!(f, UserField::Description | UserField::Scope(_))
    });
    // Shown at once: the only way to get one is to untick "Temporary User" (or pick an expiry) on a user
    // Atlas can't change that way, and the person should learn it before saving.
    let expiry_issues = Signal::derive(move || {
        issues.with(|all| {
            all.iter()
                .filter(|i| i.field == Field::User(UserField::DeleteAfter))
                .cloned()
                .collect::<Vec<Issue>>()
        })
    });

    let close = {
        let navigate = navigate.clone();
        Callback::new(move |_| {
            if guard.allows(LIST_PATH) {
                navigate(LIST_PATH, Default::default());
            }
        })
    };
    // An edit ends in a review of the change; it stays shown only while the form is as reviewed.
    let reviewed = RwSignal::new(None::<DatabaseUser>);
    let reviewing = move || reviewed.with(|r| r.as_ref().is_some_and(|r| user.with(|u| u == r)));
    let outcome = RwSignal::new(Outcome::Review);
    let review = move || {
        reviewed.set(Some(user.get_untracked()));
        outcome.set(Outcome::Review);
    };
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
                saved.set(true);
                password.set(String::new());
                let to = if certificate_next {
                    format!("{LIST_PATH}?certificate={}", domain::api::encode(&name))
                } else {
                    LIST_PATH.to_string()
                };
                navigate(&to, Default::default());
            };
            if create || recreate {
                data.write(
                    Area::DatabaseAccess,
                    sending,
                    server_error,
                    move |b| b.create_database_user(u),
                    on_ok,
                );
            } else {
                // Re-read first: a change or deletion since `base` is the user's to decide, never overwritten.
                data.write(
                    Area::DatabaseAccess,
                    sending,
                    server_error,
                    move |b| update_unless_changed(b, o, u),
                    move |r| match r {
                        Ok(saved) => on_ok(saved),
                        Err(o) => {
                            outcome.set(o);
                            focus_when_shown("conflict-title");
                        }
                    },
                );
            }
        }
    };
    let keep_mine = {
        let send = send.clone();
        Callback::new(move |()| {
            if let Outcome::Changed(theirs) = outcome.get_untracked() {
                base.set(*theirs);
                review();
                send(false);
            }
        })
    };
    let merge = Callback::new(move |()| {
        if let Outcome::Changed(theirs) = outcome.get_untracked() {
            base.set((*theirs).clone());
            theirs_shown.set(Some(*theirs));
            reviewed.set(None);
            outcome.set(Outcome::Review);
        }
    });
    let take = Callback::new(move |()| {
        if let (Outcome::Changed(theirs), Some(take)) = (outcome.get_untracked(), on_take_theirs) {
            take.run(*theirs);
        }
    });
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let on_submit = {
        let send = send.clone();
        move |ev: web_sys::SubmitEvent| {
            ev.prevent_default();
            submitted.set(true);
            if sending.get_untracked() {
                return;
            }
            if !is_valid(&issues.get_untracked()) {
                focus_first_invalid(form_ref);
                return;
            }
            if create {
                send(false);
            } else {
                review();
                focus_when_shown("review-title");
            }
        }
    };
    let save = Callback::new({
        let send = send.clone();
        move |()| send(false)
    });
    let recreate = Callback::new({
        let send = send.clone();
        move |()| send(true)
    });
    let review_change = move || base.with_untracked(|b| change_of(b, &user.get_untracked()));
    let title = if create {
        "Add New Database User".to_string()
    } else {
        "Edit Database User".to_string()
    };

    view! {
        <Dialog id="user-dialog" title=title on_close=close>
            <form class="user-form" node_ref=form_ref novalidate on:submit=on_submit>
            <crate::ui::widgets::PermissionNotice permission=domain::permissions::Permission::DatabaseAccess what="database users" />
                <div class="field">
                    <label for=dom_id("user-auth")>"Authentication Method"</label>
                    <select id=dom_id("user-auth") disabled=!create on:change=move |ev| {
                        if let Some(m) = AuthMethod::from_key(&event_target_value(&ev)) { method.set(m) }
                    }>
                        {AuthMethod::ALL.iter().map(|m| view! {
                            <option value=m.key() selected=move || method.get() == *m>{m.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=dom_id("user-name")>"Username"</label>
                    <input id=dom_id("user-name") type="text" autocomplete="off" readonly=!create
                        prop:value=move || username.get()
                        aria-invalid=aria_invalid(username_issues)
                        aria-describedby=dom_ids("user-name-help user-name-messages")
                        on:input=move |ev| username.set(event_target_value(&ev))
                        on:blur=move |_| touch(UserField::Username)
                    />
                    <p id=dom_id("user-name-help") class="help">{move || format!("{} · authentication database: {}", method.get().username_hint(), method.get().auth_db())}</p>
                    <FieldMessages id="user-name-messages" issues=username_issues />
                </div>
                <PasswordField method=method password=password create=create invalid=password_issues touched=touched />
                <h3>"Database User Privileges"</h3>
                <BuiltinRoleSelect builtin=builtin />
                <CustomRolesSelect custom=custom project_roles=project_roles />
                <SpecificPrivileges rows=spec_rows next_id=next_id />
                <FieldMessages id="user-roles-messages" issues=roles_issues />
                <AccessLimits method=method restrict=restrict scopes=scopes current_scopes=current_scopes temporary=temporary expiry=expiry current_expiry=base.with_untracked(|b| b.delete_after_date.clone()) expiry_issues=expiry_issues />
                <div class="field">
                    <label for=dom_id("user-description")>"Description"</label>
                    <input id=dom_id("user-description") type="text" maxlength="200" prop:value=move || description.get()
                        aria-describedby=dom_id("user-other-messages")
                        on:input=move |ev| description.set(event_target_value(&ev)) />
                </div>
                <FieldMessages id="user-other-messages" issues=other_issues />
                <EffectivePrivileges user=user roles=Signal::derive(move || data.roles.with(|r| r.ready().cloned().unwrap_or_default())) />
                {move || server_error.get().map(|e| view! { <RefusalBanner error=e /> })}
                {move || theirs_shown.get().map(|t| view! { <TheirUser theirs=t /> })}
                <Show
                    when=reviewing
                    fallback=move || view! {
                        <div class="form-actions">
                            <button type="button" class="button" on:click=move |_| close.run(())>"Cancel"</button>
                            {on_revert.map(|revert| view! {
                                <button type="button" class="button" disabled=move || !changed() on:click=move |_| revert.run(())>"Revert changes"</button>
                            })}
                            <button type="submit" class="button button-primary" disabled=move || sending.get()>
                                {if create { "Add User" } else { "Update User" }}
                            </button>
                        </div>
                    }
                >
                    {move || match outcome.get() {
                        Outcome::Review => view! {
                            <ReviewStep
                                intro=format!("What changes for {} once saved:", base.with_untracked(|b| b.username.clone()))
                                change=review_change()
                                busy=sending.into()
                                on_save=save
                                on_back=Callback::new(move |()| reviewed.set(None))
                            />
                        }.into_any(),
                        Outcome::Changed(theirs) => view! {
                            <UserConflict
                                base=base.get_untracked()
                                theirs=*theirs
                                mine=user.get_untracked()
                                busy=sending.into()
                                on_keep_mine=keep_mine
                                on_take_theirs=take
                                on_merge=merge
                            />
                        }.into_any(),
                        Outcome::Deleted => view! {
                            <UserDeleted
                                mine=user.get_untracked()
                                busy=sending.into()
                                on_recreate=recreate
                                on_back=Callback::new(move |()| reviewed.set(None))
                            />
                        }.into_any(),
                    }}
                </Show>
            </form>
        </Dialog>
    }
}
