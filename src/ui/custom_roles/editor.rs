//! The role editor ("Add New Custom Role" / edit): name, rows, live validation from the domain, a preview
//! of the request, and a submit that keeps every input when the backend refuses.
use super::form_state::FormState;
use super::preview::RequestPreview;
use super::review::{ConflictStep, Stage, TheirVersion};
use super::row_editor::{RowContext, RowEditor};
use super::start_from::{copy_name, StartFrom};
use crate::ui::shell::guard::track_unsaved;
use crate::ui::shell::ids::{dom_id, dom_ids};
use crate::ui::shell::loaded::LoadStatus;
use crate::ui::shell::routes;
use crate::ui::shell::state::{lookup, use_data, Area, Lookup};
use crate::ui::widgets::{aria_invalid, focus_first_invalid, FieldMessages, RefusalBanner};
use crate::ui::widgets::{focus_when_shown, ReviewStep};
use domain::diff::same_role;
use domain::model::{ApiError, CustomDbRole, UpdateCustomDbRole};
use domain::role_form::RoleForm;
use domain::validate::{is_valid, validate_form, Field, Issue, RoleMode};
use domain::ErrorCode::*;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

/// A new role, blank or (`?from=<role>`, the list's "Duplicate") a copy of a role under a free name.
#[component]
pub fn NewRolePage() -> impl IntoView {
    let data = use_data();
    let Some(source) = use_query_map().with_untracked(|q| q.get("from")) else {
        return view! { <RoleEditor initial=RoleForm::new() editing=None /> }.into_any();
    };
    let wanted = source.clone();
    let role = lookup(data.roles, move |r: &CustomDbRole| r.role_name == wanted);
    (move || match role() {
        Lookup::Loading => {
            view! { <LoadStatus data=data what="custom roles" error=None /> }.into_any()
        }
        Lookup::Failed(e) => {
            view! { <LoadStatus data=data what="custom roles" error=Some(e) /> }.into_any()
        }
        Lookup::Found(role) => {
            let mut form = RoleForm::from_role(&role);
            form.name = copy_name(data, &role.role_name);
            view! { <RoleEditor initial=form editing=None /> }.into_any()
        }
        Lookup::Missing => view! { <RoleNotFound name=source.clone() /> }.into_any(),
    })
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
    let role = lookup(data.roles, move |r: &CustomDbRole| r.role_name == name());
    move || {
        match role() {
        Lookup::Loading => view! { <LoadStatus data=data what="custom roles" error=None /> }.into_any(),
        Lookup::Failed(e) => view! { <LoadStatus data=data what="custom roles" error=Some(e) /> }.into_any(),
        Lookup::Found(role) => view! { <RoleEditor initial=RoleForm::from_role(&role) editing=Some(role.role_name.clone()) /> }.into_any(),
        Lookup::Missing => view! { <RoleNotFound name=name() /> }.into_any(),
    }
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
    let navigate = use_navigate();
    let create = editing.is_none();
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let state = FormState::new(&initial);
    let form = Memo::new(move |_| state.to_form());
    let role = Memo::new(move |_| form.with(RoleForm::to_role));
    let project_id = Signal::derive(move || {
        data.project
            .with(|p| p.ready().map(|p| p.id.clone()).unwrap_or_default())
    });
    let mode = if create {
        RoleMode::Create
    } else {
        RoleMode::Update
    };
    let issues =
        Memo::new(move |_| data.with_context(|ctx| form.with(|f| validate_form(f, ctx, mode))));
    let server_error = RwSignal::new(None::<ApiError>);
    let sending = RwSignal::new(false);
    let saved = RwSignal::new(false);
    // Editing ends in a review; `base` is the role as last read, what a conflict is judged against.
    let stage = RwSignal::new(Stage::Editing);
    // The form a review or conflict was shown for: any edit after it returns to editing (compared, not
    // reset by an effect, which could run after a quick submit and hide the review it should not).
    let staged_form = RwSignal::new(None::<RoleForm>);
    let shown_stage = Memo::new(move |_| {
        let current = staged_form.with(|s| s.as_ref().is_some_and(|s| form.with(|f| f == s)));
        if current {
            stage.get()
        } else {
            Stage::Editing
        }
    });
    let enter = move |s: Stage| {
        staged_form.set(Some(form.get_untracked()));
        stage.set(s);
    };
    let base = RwSignal::new(initial.to_role());
    let theirs_shown = RwSignal::new(None::<CustomDbRole>);
    let initial = StoredValue::new(initial);
    // Unchanged since loaded (or since their version was taken): nothing to lose, nothing to revert.
    let pristine = move || form.with(|f| initial.with_value(|i| f == i));
    track_unsaved(move || !saved.get() && !pristine());
    // Any edit makes the last refusal stale (cleared only if there is one: setting None again would
    // re-run everything that reads it when the editor opens).
    Effect::new(move |_| {
        form.track();
        if server_error.with_untracked(Option::is_some) {
            server_error.set(None);
        }
    });

    let name_issues = Signal::derive(move || {
        let mut shown: Vec<Issue> = if state.name_touched.get() || state.submitted.get() {
            issues.with(|all| {
                all.iter()
                    .filter(|i| i.field == Field::Name)
                    .cloned()
                    .collect()
            })
        } else {
            Vec::new()
        };
        if let Some(e) = server_error.get().filter(is_name_error) {
            let code = e.code().unwrap_or(VALIDATION_ERROR);
            shown.push(Issue::error(Field::Name, code, e.message()));
        }
        shown
    });
    let form_issues = Signal::derive(move || {
        if !state.submitted.get() {
            return Vec::new();
        }
        issues.with(|all| {
            all.iter()
                .filter(|i| {
                    !matches!(
                        i.field,
                        Field::Name
                            | Field::Row(_)
                            | Field::TargetDb { .. }
                            | Field::TargetCollection { .. }
                    )
                })
                .cloned()
                .collect()
        })
    });
    let cx = RowContext {
        state,
        issues,
        data,
        editing: StoredValue::new(editing.clone()),
    };

    let on_submit = {
        let navigate = navigate.clone();
        move |ev: web_sys::SubmitEvent| {
            ev.prevent_default();
            state.submitted.set(true);
            if sending.get_untracked() {
                return;
            }
            if !is_valid(&issues.get_untracked()) {
                focus_first_invalid(form_ref);
                return;
            }
            if create {
                let role: CustomDbRole = role.get_untracked();
                let navigate = navigate.clone();
                data.write(
                    Area::DatabaseAccess,
                    sending,
                    server_error,
                    move |b| b.create_custom_role(role),
                    move |created: CustomDbRole| {
                        saved.set(true);
                        data.role_saved
                            .set(Some(format!("{} saved", created.role_name)));
                        navigate(routes::CUSTOM_ROLES, Default::default());
                    },
                );
            } else {
                enter(Stage::Review);
                focus_when_shown("review-title");
            }
        }
    };
    // Re-reads the role first: if it changed since `base`, the user chooses instead of overwriting.
    let save = {
        let navigate = navigate.clone();
        Callback::new(move |()| {
            let mine = role.get_untracked();
            let expected = base.get_untracked();
            let navigate = navigate.clone();
            data.write(
                Area::DatabaseAccess,
                sending,
                server_error,
                move |b| {
                    Box::pin(async move {
                        let theirs = b.get_custom_role(mine.role_name.clone()).await?;
                        if !same_role(&theirs, &expected) {
                            return Ok(Err(theirs));
                        }
                        let update = UpdateCustomDbRole::from(&mine);
                        b.update_custom_role(mine.role_name, update).await.map(Ok)
                    })
                },
                move |outcome| match outcome {
                    Ok(updated) => {
                        saved.set(true);
                        data.role_saved
                            .set(Some(format!("{} saved", updated.role_name)));
                        navigate(routes::CUSTOM_ROLES, Default::default());
                    }
                    Err(theirs) => {
                        enter(Stage::Conflict(theirs));
                        focus_when_shown("conflict-title");
                    }
                },
            );
        })
    };
    let keep_mine = Callback::new(move |()| {
        if let Stage::Conflict(theirs) = stage.get_untracked() {
            base.set(theirs);
            save.run(());
        }
    });
    let take_theirs = Callback::new(move |()| {
        if let Stage::Conflict(theirs) = stage.get_untracked() {
            let form = RoleForm::from_role(&theirs);
            initial.set_value(form.clone());
            base.set(theirs);
            theirs_shown.set(None);
            stage.set(Stage::Editing);
            state.load_rows(&form);
        }
    });
    let merge = Callback::new(move |()| {
        if let Stage::Conflict(theirs) = stage.get_untracked() {
            base.set(theirs.clone());
            theirs_shown.set(Some(theirs));
            stage.set(Stage::Editing);
        }
    });
    let revert = move |_| state.load_rows(&initial.get_value());
    // A refusal may concern a field: take the user there.
    Effect::new(move |_| {
        if server_error.with(Option::is_some) {
            focus_first_invalid(form_ref);
        }
    });

    let title = match &editing {
        None => "Add New Custom Role".to_string(),
        Some(n) => format!("Edit Custom Role {n}"),
    };
    view! {
        <form node_ref=form_ref class="role-editor" novalidate on:submit=on_submit aria-labelledby=dom_id("role-editor-title")>
            <h2 id=dom_id("role-editor-title")>{title}</h2>
            <crate::ui::widgets::PermissionNotice permission=domain::permissions::Permission::DatabaseAccess what="custom roles" />
            <div class="field">
                <label for=dom_id("role-name")>"Custom Role Name"</label>
                <input
                    id=dom_id("role-name")
                    type="text"
                    autocomplete="off"
                    readonly=!create
                    aria-readonly=(!create).then_some("true")
                    prop:value=move || state.name.get()
                    aria-invalid=aria_invalid(name_issues)
                    aria-describedby=dom_ids("role-name-help role-name-messages")
                    on:input=move |ev| state.name.set(event_target_value(&ev))
                    on:blur=move |_| state.name_touched.set(true)
                />
                <p id=dom_id("role-name-help") class="help">
                    {if create {
                        "Letters, digits, hyphens and underscores. A role can't be renamed later."
                    } else {
                        "Custom roles can't be renamed."
                    }}
                </p>
                <FieldMessages id="role-name-messages" issues=name_issues />
            </div>
            {create.then(|| view! {
                <StartFrom state=state pristine=Signal::derive(move || form.with(|f| initial.with_value(|i| f.rows == i.rows))) />
            })}
            <For each=move || state.rows.get() key=|r| r.id let(row)>
                <RowEditor row=row cx=cx />
            </For>
            <button type="button" class="button" on:click=move |_| { state.add_row(); }>
                "Add an action or role"
            </button>
            <FieldMessages id="role-form-messages" issues=form_issues />
            {move || server_error.get().filter(|e| !is_name_error(e)).map(|e| view! { <RefusalBanner error=e /> })}
            <crate::ui::lint::LintPanel role=role exists=!create />
            {move || theirs_shown.get().map(|t| view! { <TheirVersion theirs=t /> })}
            <RequestPreview role=role create=create project_id=project_id />
            {move || match shown_stage.get() {
                Stage::Editing => view! {
                    <div class="form-actions">
                        <a class="button" href=crate::ui::shell::base::link(routes::CUSTOM_ROLES)>"Cancel"</a>
                        {(!create).then(|| view! {
                            <button type="button" class="button" disabled=pristine on:click=revert>"Revert changes"</button>
                        })}
                        <button type="submit" class="button button-primary" disabled=move || sending.get() aria-busy=move || sending.get().then_some("true")>
                            {if create { "Add Custom Role" } else { "Update Custom Role" }}
                        </button>
                    </div>
                }.into_any(),
                Stage::Review => view! {
                    <ReviewStep
                        intro=format!("What {} will grant differently once saved:", base.with_untracked(|b| b.role_name.clone()))
                        change=domain::diff::role_change(&base.get_untracked(), &role.get_untracked())
                        busy=sending.into()
                        on_save=save
                        on_back=Callback::new(move |()| stage.set(Stage::Editing))
                    />
                }.into_any(),
                Stage::Conflict(theirs) => view! {
                    <ConflictStep
                        base=base.get_untracked()
                        theirs=theirs
                        mine=role.get_untracked()
                        busy=sending.into()
                        on_keep_mine=keep_mine
                        on_take_theirs=take_theirs
                        on_merge=merge
                    />
                }.into_any(),
            }}
        </form>
    }
}
