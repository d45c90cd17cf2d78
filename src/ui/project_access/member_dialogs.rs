//! "Invite to Project", "Add Team" and "Edit Roles": routed dialogs around the shared project-role
//! picker. Rules come from `domain::validate`; the backend checks them again.
use super::form::{access_form, adding_form, close_to_list, shown, AccessDialog, TextField};
use super::picker::ProjectRolePicker;
use crate::ui::shell::guard::track_unsaved;
use crate::ui::shell::ids::dom_id;
use crate::ui::shell::routes::{member_kind_of, member_list};
use crate::ui::shell::state::{find_for_edit, use_data, ForEdit};
use crate::ui::widgets::form::{use_safe_edit, EditEnd, FormControl, SafeEdit, Step};
use crate::ui::widgets::{Banner, Dialog, FormActions, RefusalBanner, TheirVersion};
use domain::diff::{member_change, member_lines, same_member_roles};
use domain::model::InviteProjectUser;
use domain::project_access::{Member, MemberKind};
use domain::validate::{validate_invite, validate_member_roles, AccessField, Field, Issue};
use domain::ErrorCode;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_params_map};

/// Leaves the dialog for the list (once the change was accepted).
fn back_to_list(kind: MemberKind) -> impl Fn() + Clone + 'static {
    let navigate = use_navigate();
    move || navigate(member_list(kind), Default::default())
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
    // `|`, not `||`: every input is read, so every edit counts.
    let form = adding_form(issues, move || {
        !email.with(String::is_empty) | !roles.with(Vec::is_empty)
    });
    let back = back_to_list(MemberKind::User);
    let send = Callback::new(move |()| {
        let invite = InviteProjectUser {
            username: email.get_untracked().trim().to_string(),
            roles: roles.get_untracked(),
        };
        let back = back.clone();
        form.send(move |b| b.invite_user(invite), move |_| back());
    });
    view! {
        <AccessDialog id="invite-dialog" title="Invite to Project".to_string() submit="Invite" kind=MemberKind::User form=form send=send>
            <TextField id="invite-email" label="Email address" value=email form=form field=AccessField::Email input_type="email" />
            <ProjectRolePicker id="invite-roles" label="Project Roles" roles=roles issues=shown(form, AccessField::Roles) on_blur=form.touch_cb(AccessField::Roles) />
        </AccessDialog>
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
        data.org_teams().with(|t| {
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
            data.members().with(|m| {
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
    let form = adding_form(issues, move || {
        !team.with(String::is_empty) | !roles.with(Vec::is_empty)
    });
    let back = back_to_list(MemberKind::Team);
    let send = Callback::new(move |()| {
        // Without a known team the form has an error and nothing is sent.
        let (id, r) = (team_id().unwrap_or_default(), roles.get_untracked());
        let back = back.clone();
        form.send(move |b| b.add_team(id, r), move |_| back());
    });
    view! {
        <AccessDialog id="team-dialog" title="Add Team".to_string() submit="Add Team" kind=MemberKind::Team form=form send=send>
            <TextField id="team-name" label="Team name" value=team form=form field=AccessField::Team list="org-teams" />
            <datalist id=dom_id("org-teams")>
                {move || data.org_teams().with(|t| t.ready().cloned().unwrap_or_default()).into_iter().map(|t| view! { <option value=t.name /> }).collect_view()}
            </datalist>
            <ProjectRolePicker id="team-roles" label="Project Roles" roles=roles issues=shown(form, AccessField::Roles) on_blur=form.touch_cb(AccessField::Roles) />
        </AccessDialog>
    }
}

#[component]
pub fn EditRolesDialog() -> impl IntoView {
    let data = use_data();
    let params = use_params_map();
    let kind = member_kind_of(
        &crate::ui::shell::base::route_of(&use_location().pathname.get_untracked())
            .unwrap_or_default(),
    );
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let member = find_for_edit(data.members(), move |m: &Member| {
        m.kind == kind && m.id == id()
    });
    // Once open, the form stays even if the member leaves the list (removed meanwhile): saving says so.
    let open = Memo::new({
        let member = member.clone();
        move |was: Option<&bool>| was == Some(&true) || matches!(member(), ForEdit::Found(_))
    });
    move || {
        if open.get() {
            return match untrack(&member) {
                ForEdit::Found(m) => view! { <EditRolesForm member=m /> }.into_any(),
                _ => ().into_any(),
            };
        }
        match member() {
            ForEdit::Missing => view! { <Banner message=format!("There is no {} {} in this project.", kind.label(), id()) /> }.into_any(),
            _ => ().into_any(),
        }
    }
}

#[component]
fn EditRolesForm(member: Member) -> impl IntoView {
    let kind = member.kind;
    let initial = member.roles.clone();
    // The roles as last read: the review's "before", what "Revert changes" restores and what a re-read
    // before writing is compared with.
    let last_read = RwSignal::new(member.roles.clone());
    let roles = RwSignal::new(member.roles.clone());
    // Roles already held (as opened, or as a colleague's version taken since) stay valid even when
    // unknown to the console; only added ones must be known.
    let held = member.roles.clone();
    let issues = Memo::new(move |_| {
        let held: Vec<String> = last_read.with(|l| held.iter().chain(l).cloned().collect());
        roles.with(|r| validate_member_roles(kind, r, &held))
    });
    let input = Memo::new(move |_| roles.get());
    let form = access_form(issues, move || input.track());
    track_unsaved(move || !form.done() && roles.with(|r| *r != initial));
    let close = close_to_list(kind);
    // Saving ends in a review of the roles added and removed; a removed member has no roles left to save.
    let edit = use_safe_edit(input, last_read).done_when_gone();
    let on_submit = form.on_submit(move || edit.review());
    let save = save_roles(form, edit, kind, member.id.clone(), roles);
    let who = member.name.clone();
    let conflict = edit.conflict(
        "Someone else changed these roles",
        format!("The project roles of {who} were changed since you opened them. Saving replaces them with yours, so their change would be lost. Choose what to keep."),
        |mine, theirs| member_change(mine, theirs),
        save,
        move |theirs| roles.set(theirs),
    );
    let gone = {
        let who = who.clone();
        move || view! { <MemberGone who=who.clone() close=close /> }
    };
    let label = match kind {
        MemberKind::ApiKey => "Project Permissions",
        _ => "Project Roles",
    };
    view! {
        <Dialog id="roles-dialog" title=format!("Edit Roles for {}", member.name) on_close=close>
            <form node_ref=form.node_ref() novalidate on:submit=on_submit>
                <p class="note">{format!("{} · {}", kind.title(), member.detail)}</p>
                <ProjectRolePicker id="member-roles" label=label roles=roles issues=shown(form, AccessField::Roles) on_blur=form.touch_cb(AccessField::Roles) held=member.roles.clone() />
                {move || edit.their_version.get().map(|t| view! {
                    <TheirVersion lines=member_lines(&t) help="Change the roles to combine both; saving checks them again first." />
                })}
                {move || form.error().map(|e| view! { <RefusalBanner error=e /> })}
                <EditEnd gate=edit.gate busy=form.sending() on_save=save conflict=conflict gone=gone
                    intro=format!("How the project roles of {who} change once saved:")
                    change=Callback::new(move |()| member_change(&last_read.get_untracked(), &roles.get_untracked()))>
                    <FormActions submit="Save Roles" write=form.write() on_cancel=close refusal_elsewhere=true
                        on_revert=Some(Callback::new(move |()| roles.set(last_read.get_untracked())))
                        unchanged=Signal::derive(move || last_read.with(|l| roles.with(|r| r == l))) />
                </EditEnd>
            </form>
        </Dialog>
    }
}

/// Re-reads the member first: roles changed or the member removed since last read is the person's to
/// decide, never overwritten (the Admin API replaces a member's roles wholesale).
fn save_roles(
    form: FormControl<AccessField>,
    edit: SafeEdit<Vec<String>, Vec<String>>,
    kind: MemberKind,
    id: String,
    roles: RwSignal<Vec<String>>,
) -> Callback<()> {
    let back = back_to_list(kind);
    Callback::new(move |()| {
        let (id, r) = (id.clone(), roles.get_untracked());
        let back = back.clone();
        edit.save(
            form,
            move |b, expected| {
                Box::pin(async move {
                    let now = b.list_members().await?;
                    match now.into_iter().find(|m| m.kind == kind && m.id == id) {
                        None => Ok(Err(Step::Gone)),
                        Some(m) if !same_member_roles(&m.roles, &expected) => {
                            Ok(Err(Step::Changed(m.roles)))
                        }
                        Some(_) => b.set_member_roles(kind, id, r).await.map(Ok),
                    }
                })
            },
            move |_| back(),
        );
    })
}

#[component]
fn MemberGone(who: String, close: Callback<()>) -> impl IntoView {
    view! {
        <section class="review conflict" role="alert" aria-labelledby=dom_id("conflict-title")>
            <h3 id=dom_id("conflict-title") tabindex="-1">"Someone else removed this member"</h3>
            <p>{format!("{who} was removed from the project since you opened this, so there are no roles to change. Add them again from the list if they still need access.")}</p>
            <div class="form-actions">
                <button type="button" class="button" on:click=move |_| close.run(())>"Close"</button>
            </div>
        </section>
    }
}
