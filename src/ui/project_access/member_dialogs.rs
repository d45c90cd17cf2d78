//! "Invite to Project", "Add Team" and "Edit Roles": routed dialogs around the shared project-role
//! picker. Rules come from `domain::validate`; the backend checks them again.
use super::form::{close_to_list, AccessForm, FormActions, TextField};
use super::picker::ProjectRolePicker;
use super::{kind_of_path, list_path};
use crate::ui::ids::dom_id;
use crate::ui::state::{lookup, use_data, Lookup};
use crate::ui::widgets::guard::track_unsaved;
use crate::ui::widgets::{focus_when_shown, Banner, Dialog, RefusalBanner, ReviewStep};
use domain::catalog::project_role_name;
use domain::model::InviteProjectUser;
use domain::project_access::{Member, MemberKind};
use domain::validate::{validate_invite, validate_member_roles, AccessField, Field, Issue};
use domain::ErrorCode;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_params_map};

/// Leaves the dialog for the list (once the change was accepted).
fn back_to_list(kind: MemberKind) -> impl Fn() + Clone + 'static {
    let navigate = use_navigate();
    move || navigate(list_path(kind), Default::default())
}

#[component]
pub fn InviteDialog() -> impl IntoView {
    let email = RwSignal::new(String::new());
    let roles = RwSignal::new(Vec::<String>::new());
    let issues = Memo::new(move |_| {
        validate_invite(&InviteProjectUser {
            username: email.get(),
            roles: roles.get(),
        })
    });
    let form = AccessForm::new(issues);
    track_unsaved(move || {
        !form.done.get() && (!email.with(String::is_empty) || !roles.with(Vec::is_empty))
    });
    let close = close_to_list(MemberKind::User);
    let back = back_to_list(MemberKind::User);
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let invite = InviteProjectUser {
            username: email.get_untracked().trim().to_string(),
            roles: roles.get_untracked(),
        };
        let back = back.clone();
        form.send(move |b| b.invite_user(invite), move |_| back());
    };
    view! {
        <Dialog id="invite-dialog" title="Invite to Project" on_close=close>
            <form novalidate on:submit=on_submit>
                <TextField id="invite-email" label="Email address" value=email form=form field=AccessField::Email input_type="email" />
                <ProjectRolePicker id="invite-roles" label="Project Roles" roles=roles issues=form.shown(AccessField::Roles) on_blur=form.touch_cb(AccessField::Roles) />
                <FormActions form=form submit_label="Invite" on_cancel=close />
            </form>
        </Dialog>
    }
}

#[component]
pub fn AddTeamDialog() -> impl IntoView {
    let data = use_data();
    let team = RwSignal::new(String::new());
    let roles = RwSignal::new(Vec::<String>::new());
    // The organization team the typed name names, and whether it is already in the project.
    let team_id = move || {
        let name = team.with(|t| t.trim().to_lowercase());
        data.org_teams.with(|t| {
            t.ready()
                .and_then(|ts| ts.iter().find(|t| t.name.to_lowercase() == name))
                .map(|t| t.id.clone())
        })
    };
    let issues = Memo::new(move |_| {
        let mut issues = validate_member_roles(MemberKind::Team, &roles.get(), &[]);
        let name = team.get();
        let field = Field::Access(AccessField::Team);
        let already = |id: &str| {
            data.members.with(|m| {
                m.ready()
                    .is_some_and(|ms| ms.iter().any(|m| m.kind == MemberKind::Team && m.id == id))
            })
        };
        if name.trim().is_empty() {
            issues.push(Issue::error(
                field,
                ErrorCode::VALIDATION_ERROR,
                "Enter the name of a team of your organization.",
            ));
        } else {
            match team_id() {
                None => issues.push(Issue::error(field, ErrorCode::RESOURCE_NOT_FOUND, format!("No team named {} exists in your organization.", name.trim()))),
                Some(id) if already(&id) => issues.push(Issue::error(field, ErrorCode::USER_ALREADY_IN_GROUP, format!("The team {} is already in this project; use Edit Roles to change its roles.", name.trim()))),
                Some(_) => {}
            }
        }
        issues
    });
    let form = AccessForm::new(issues);
    track_unsaved(move || {
        !form.done.get() && (!team.with(String::is_empty) || !roles.with(Vec::is_empty))
    });
    let close = close_to_list(MemberKind::Team);
    let back = back_to_list(MemberKind::Team);
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        // Without a known team the form has an error and nothing is sent.
        let (id, r) = (team_id().unwrap_or_default(), roles.get_untracked());
        let back = back.clone();
        form.send(move |b| b.add_team(id, r), move |_| back());
    };
    view! {
        <Dialog id="team-dialog" title="Add Team" on_close=close>
            <form novalidate on:submit=on_submit>
                <TextField id="team-name" label="Team name" value=team form=form field=AccessField::Team list="org-teams" />
                <datalist id=dom_id("org-teams")>
                    {move || data.org_teams.with(|t| t.ready().cloned().unwrap_or_default()).into_iter().map(|t| view! { <option value=t.name /> }).collect_view()}
                </datalist>
                <ProjectRolePicker id="team-roles" label="Project Roles" roles=roles issues=form.shown(AccessField::Roles) on_blur=form.touch_cb(AccessField::Roles) />
                <FormActions form=form submit_label="Add Team" on_cancel=close />
            </form>
        </Dialog>
    }
}

#[component]
pub fn EditRolesDialog() -> impl IntoView {
    let data = use_data();
    let params = use_params_map();
    let kind = kind_of_path(
        &crate::ui::base::route_of(&use_location().pathname.get_untracked()).unwrap_or_default(),
    );
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let member = lookup(data.members, move |m: &Member| {
        m.kind == kind && m.id == id()
    });
    move || {
        match member() {
        Lookup::Found(m) => view! { <EditRolesForm member=m /> }.into_any(),
        Lookup::Missing => view! { <Banner message=format!("There is no {} {} in this project.", kind.label(), id()) /> }.into_any(),
        _ => ().into_any(),
    }
    }
}

#[component]
fn EditRolesForm(member: Member) -> impl IntoView {
    let kind = member.kind;
    let initial = member.roles.clone();
    let loaded = StoredValue::new(member.roles.clone());
    let roles = RwSignal::new(member.roles.clone());
    // Roles already held stay valid even when unknown to the console; only added ones must be known.
    let held = member.roles.clone();
    let issues = Memo::new(move |_| roles.with(|r| validate_member_roles(kind, r, &held)));
    let form = AccessForm::new(issues);
    track_unsaved(move || !form.done.get() && roles.with(|r| *r != initial));
    let close = close_to_list(kind);
    let back = back_to_list(kind);
    let id = member.id.clone();
    // Saving ends in a review of the roles added and removed, shown while the choice is as reviewed.
    let reviewed = RwSignal::new(None::<Vec<String>>);
    let reviewing =
        move || reviewed.with(|r| r.as_ref().is_some_and(|r| roles.with(|now| now == r)));
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if form.ready() {
            reviewed.set(Some(roles.get_untracked()));
            focus_when_shown("review-title");
        }
    };
    let save = Callback::new(move |()| {
        let (id, r) = (id.clone(), roles.get_untracked());
        let back = back.clone();
        form.send(move |b| b.set_member_roles(kind, id, r), move |_| back());
    });
    let names = |roles: &[String]| -> std::collections::BTreeSet<String> {
        roles
            .iter()
            .map(|r| project_role_name(r).to_string())
            .collect()
    };
    let before = names(&member.roles);
    let change =
        move || domain::diff::Change::between(&before, &roles.with_untracked(|r| names(r)));
    let who = member.name.clone();
    let label = if kind == MemberKind::ApiKey {
        "Project Permissions"
    } else {
        "Project Roles"
    };
    view! {
        <Dialog id="roles-dialog" title=format!("Edit Roles for {}", member.name) on_close=close>
            <form novalidate on:submit=on_submit>
                <p class="note">{format!("{} · {}", kind.title(), member.detail)}</p>
                <ProjectRolePicker id="member-roles" label=label roles=roles issues=form.shown(AccessField::Roles) on_blur=form.touch_cb(AccessField::Roles) held=member.roles.clone() />
                <Show
                    when=reviewing
                    fallback=move || view! {
                        <FormActions form=form submit_label="Save Roles" on_cancel=close />
                        <button
                            type="button"
                            class="button"
                            disabled=move || loaded.with_value(|l| roles.with(|r| r == l))
                            on:click=move |_| roles.set(loaded.get_value())
                        >
                            "Revert changes"
                        </button>
                    }
                >
                    {move || form.error.get().map(|e| view! { <RefusalBanner error=e /> })}
                    <ReviewStep
                        intro=format!("How the project roles of {who} change once saved:")
                        change=change()
                        busy=form.sending.into()
                        on_save=save
                        on_back=Callback::new(move |()| reviewed.set(None))
                    />
                </Show>
            </form>
        </Dialog>
    }
}
