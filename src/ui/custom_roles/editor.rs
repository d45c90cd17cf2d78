//! The role editor ("Add New Custom Role" / edit): name, rows, live validation from the domain, a preview
//! of the request, and a submit that keeps every input when the backend refuses.
use super::form_state::{FormState, Touch};
use super::preview::RequestPreview;
use super::row_editor::{RowContext, RowEditor};
use super::section::use_custom_roles;
use super::start_from::{copy_name, StartFrom};
use crate::ui::shell::guard::track_unsaved;
use crate::ui::shell::ids::dom_id;
use crate::ui::shell::routes;
use crate::ui::shell::state::{find_for_edit, use_data, Area};
use crate::ui::widgets::form::{use_safe_edit, EditEnd, FormControl, FormField, SafeEdit, Step};
use crate::ui::widgets::Loaded;
use crate::ui::widgets::{FieldMessages, FormActions, RefusalBanner, TheirVersion};
use domain::diff::{role_change, role_lines, same_role};
use domain::model::{ApiError, CustomDbRole, UpdateCustomDbRole};
use domain::role_form::RoleForm;
use domain::validate::{validate_form, Field as IssueField, Issue, RoleMode};
use domain::ErrorCode::*;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

type RoleForms = FormControl<Touch>;

/// A new role, blank or (`?from=<role>`, the list's "Duplicate") a copy of a role under a free name.
#[component]
pub fn NewRolePage() -> impl IntoView {
    let data = use_data();
    let Some(source) = use_query_map().with_untracked(|q| q.get("from")) else {
        return view! { <RoleEditor initial=RoleForm::new() editing=None /> }.into_any();
    };
    let wanted = source.clone();
    let role = find_for_edit(data.roles, move |r: &CustomDbRole| r.role_name == wanted);
    let found = Memo::new(move |_| role().into_load());
    view! {
        <Loaded load=found what="custom roles" let:found>
            {match found {
                Some(role) => {
                    let mut form = RoleForm::from_role(&role);
                    form.name = copy_name(data, &role.role_name);
                    view! { <RoleEditor initial=form editing=None /> }.into_any()
                }
                None => view! { <RoleNotFound name=source.clone() /> }.into_any(),
            }}
        </Loaded>
    }
    .into_any()
}

#[component]
fn RoleNotFound(name: String) -> impl IntoView {
    view! {
        <div class="empty-state">
            <h2>"Custom role not found"</h2>
            <p>{format!("There is no custom role named “{name}” in this project.")}</p>
            <a href=crate::ui::shell::base::link(routes::CUSTOM_ROLES)>"Back to custom roles"</a>
        </div>
    }
}

#[component]
pub fn EditRolePage() -> impl IntoView {
    let data = use_data();
    let params = use_params_map();
    let name = move || params.with(|p| p.get("name").unwrap_or_default());
    let role = find_for_edit(data.roles, move |r: &CustomDbRole| r.role_name == name());
    let found = Memo::new(move |_| role().into_load());
    view! {
        <Loaded load=found what="custom roles" let:found>
            {match found {
                Some(role) => view! { <RoleEditor initial=RoleForm::from_role(&role) editing=Some(role.role_name.clone()) /> }.into_any(),
                None => view! { <RoleNotFound name=name() /> }.into_any(),
            }}
        </Loaded>
    }
}

/// Backend error codes that are about the name, shown next to the name field rather than in a banner.
fn is_name_error(e: &ApiError) -> bool {
    matches!(
        e.code(),
        Some(
            ATLAS_CUSTOM_ROLE_NAME_ALREADY_EXISTS
                | ATLAS_CUSTOM_ROLE_INVALID_NAME
                | ATLAS_RESERVED_CUSTOM_ROLE_RESTRICTED
                | ATLAS_INVALID_CUSTOM_ROLE_RESTRICTED
        )
    )
}

#[component]
fn RoleEditor(initial: RoleForm, editing: Option<String>) -> impl IntoView {
    let data = use_data();
    let create = editing.is_none();
    let state = FormState::new(&initial);
    let value = Memo::new(move |_| state.to_form());
    let role = Memo::new(move |_| value.with(RoleForm::to_role));
    let mode = match create {
        true => RoleMode::Create,
        false => RoleMode::Update,
    };
    let issues =
        Memo::new(move |_| data.with_context(|ctx| value.with(|f| validate_form(f, ctx, mode))));
    let form = FormControl::new(Area::DatabaseAccess, issues, move || value.track());
    // Editing ends in a review; a save re-reads the role and is checked against it as last read.
    let last_read = RwSignal::new(initial.to_role());
    let edit = use_safe_edit(value, last_read);
    let initial = StoredValue::new(initial);
    // Unchanged since loaded (or since their version was taken): nothing to lose, nothing to revert.
    let pristine = move || value.with(|f| initial.with_value(|i| f == i));
    track_unsaved(move || !form.done() && !pristine());
    let form_issues = form.shown_on_submit(|f| {
        !matches!(
            f,
            IssueField::Name
                | IssueField::Row(_)
                | IssueField::TargetDb { .. }
                | IssueField::TargetCollection { .. }
        )
    });
    let cx = RowContext {
        state,
        form,
        data,
        editing: StoredValue::new(editing.clone()),
    };
    let saved = on_saved();
    let on_submit = form.on_submit(move || match create {
        true => {
            let role: CustomDbRole = role.get_untracked();
            form.send(move |b| b.create_custom_role(role), move |r| saved.run(r));
        }
        false => edit.review(),
    });
    let save = save_role(form, edit, role, saved);
    // Someone else changed the role since the editor opened (the Admin API replaces actions and inherited
    // roles wholesale): both changes side by side, and the person chooses.
    let name = last_read.with_untracked(|b| b.role_name.clone());
    let conflict = edit.conflict(
        "Someone else changed this role",
        format!("{name} was changed since you opened it. Saving replaces its actions and inherited roles with yours, so their change would be lost. Choose what to keep."),
        role_change,
        save,
        move |theirs| {
            let form = RoleForm::from_role(&theirs);
            initial.set_value(form.clone());
            state.load_rows(&form);
        },
    );
    let revert = (!create).then(|| Callback::new(move |()| state.load_rows(&initial.get_value())));
    let title = match &editing {
        None => "Add New Custom Role".to_string(),
        Some(n) => format!("Edit Custom Role {n}"),
    };
    view! {
        <form node_ref=form.node_ref() class="role-editor" novalidate on:submit=on_submit aria-labelledby=dom_id("role-editor-title")>
            <h2 id=dom_id("role-editor-title")>{title}</h2>
            <crate::ui::widgets::PermissionNotice permission=domain::permissions::Permission::DatabaseAccess what="custom roles" />
            <RoleNameField state=state form=form create=create />
            {create.then(|| view! {
                <StartFrom state=state pristine=Signal::derive(move || value.with(|f| initial.with_value(|i| f.rows == i.rows))) />
            })}
            <For each=move || state.rows.get() key=|r| r.id let(row)>
                <RowEditor row=row cx=cx />
            </For>
            <button type="button" class="button" on:click=move |_| { state.add_row(); }>
                "Add an action or role"
            </button>
            <FieldMessages id="role-form-messages" issues=form_issues />
            {move || form.error().filter(|e| !is_name_error(e)).map(|e| view! { <RefusalBanner error=e /> })}
            <crate::ui::widgets::LintPanel role=role exists=!create />
            {move || edit.their_version.get().map(|t| view! { <TheirVersion lines=role_lines(&t) help="Edit the form to combine both; saving checks the role again first." /> })}
            <RequestPreview role=role create=create project_id=Signal::derive(move || data.project_id()) />
            <EditEnd gate=edit.gate busy=form.sending() on_save=save conflict=conflict
                intro=format!("What {name} will grant differently once saved:")
                change=Callback::new(move |()| role_change(&last_read.get_untracked(), &role.get_untracked()))>
                <FormActions submit=if create { "Add Custom Role" } else { "Update Custom Role" } write=form.write()
                    cancel_href=routes::CUSTOM_ROLES.to_string() on_revert=revert unchanged=Signal::derive(pristine) refusal_elsewhere=true />
            </EditEnd>
        </form>
    }
}

/// Once a role is saved: back to the list, which says so (and when Free and Flex clusters apply it).
fn on_saved() -> Callback<CustomDbRole> {
    let saved_note = use_custom_roles().saved;
    let navigate = use_navigate();
    Callback::new(move |r: CustomDbRole| {
        // try_: the routes may be gone by the time the write is answered.
        let _ = saved_note.try_set(Some(format!("{} saved", r.role_name)));
        navigate(routes::CUSTOM_ROLES, Default::default());
    })
}

/// "Save changes": re-reads the role and updates it only if it is still as last read.
fn save_role(
    form: RoleForms,
    edit: SafeEdit<RoleForm, CustomDbRole>,
    role: Memo<CustomDbRole>,
    saved: Callback<CustomDbRole>,
) -> Callback<()> {
    Callback::new(move |()| {
        let mine = role.get_untracked();
        edit.save(
            form,
            move |b, expected| {
                Box::pin(async move {
                    let theirs = b.get_custom_role(mine.role_name.clone()).await?;
                    if !same_role(&theirs, &expected) {
                        return Ok(Err(Step::Changed(theirs)));
                    }
                    let update = UpdateCustomDbRole::from(&mine);
                    b.update_custom_role(mine.role_name, update).await.map(Ok)
                })
            },
            move |r| saved.run(r),
        );
    })
}

/// "Custom Role Name", with Atlas's refusals that are about the name shown beside it.
#[component]
fn RoleNameField(state: FormState, form: RoleForms, create: bool) -> impl IntoView {
    let name_only = form.shown(Touch::Name, |f| *f == IssueField::Name);
    let issues = Signal::derive(move || {
        let mut shown = name_only.get();
        if let Some(e) = form.error().filter(is_name_error) {
            let code = e.code().unwrap_or(VALIDATION_ERROR);
            shown.push(Issue::error(IssueField::Name, code, e.message()));
        }
        shown
    });
    let help = match create {
        true => "Letters, digits, hyphens and underscores. A role can't be renamed later.",
        false => "Custom roles can't be renamed.",
    };
    view! {
        <FormField id="role-name" label="Custom Role Name" help=help issues=issues let:c>
            <input
                id=c.id()
                type="text"
                autocomplete="off"
                readonly=!create
                aria-readonly=(!create).then_some("true")
                prop:value=move || state.name.get()
                aria-invalid=c.aria_invalid()
                aria-describedby=c.described_by()
                on:input=move |ev| state.name.set(event_target_value(&ev))
                on:blur=move |_| form.touch(Touch::Name)
            />
        </FormField>
    }
}
