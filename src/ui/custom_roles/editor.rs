//! The role editor ("Add New Custom Role" / edit): name, rows, live validation from the domain, a preview
//! of the request, and a submit that keeps every input when the backend refuses.
use super::form_state::FormState;
use super::preview::RequestPreview;
use super::row_editor::{RowContext, RowEditor};
use super::LIST_PATH;
use crate::ui::state::{lookup, use_data, LoadStatus, Lookup};
use crate::ui::widgets::guard::track_unsaved;
use crate::ui::widgets::{aria_invalid, FieldMessages, RefusalBanner};
use domain::model::{ApiError, CustomDbRole, UpdateCustomDbRole};
use domain::role_form::RoleForm;
use domain::validate::{is_valid, validate_form, Field, Issue, RoleMode};
use domain::ErrorCode::*;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use wasm_bindgen::JsCast;

#[component]
pub fn NewRolePage() -> impl IntoView {
    view! { <RoleEditor initial=RoleForm::new() editing=None /> }
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
        Lookup::Missing => view! {
            <div class="empty-state">
                <h2>"Custom role not found"</h2>
                <p>{format!("There is no custom role named “{}” in this project.", name())}</p>
                <a href=crate::ui::base::link(LIST_PATH)>"Back to custom roles"</a>
            </div>
        }
        .into_any(),
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

fn focus_first_invalid() {
    request_animation_frame(|| {
        if let Some(el) = document()
            .query_selector(".role-editor [aria-invalid=true]")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

#[component]
fn RoleEditor(initial: RoleForm, editing: Option<String>) -> impl IntoView {
    let data = use_data();
    let navigate = use_navigate();
    let create = editing.is_none();
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
    let initial = StoredValue::new(initial);
    track_unsaved(move || !saved.get() && form.with(|f| initial.with_value(|i| f != i)));
    // Any edit makes the last refusal stale.
    Effect::new(move |_| {
        form.track();
        server_error.set(None);
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
            shown.push(Issue::error(
                Field::Name,
                code,
                e.detail.unwrap_or_default(),
            ));
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

    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        state.submitted.set(true);
        if sending.get_untracked() {
            return;
        }
        if !is_valid(&issues.get_untracked()) {
            focus_first_invalid();
            return;
        }
        let role: CustomDbRole = role.get_untracked();
        let navigate = navigate.clone();
        let on_ok = move |_| {
            saved.set(true);
            navigate(LIST_PATH, Default::default());
        };
        if create {
            data.write(
                sending,
                server_error,
                move |b| b.create_custom_role(role),
                on_ok,
            );
        } else {
            let name = role.role_name.clone();
            let update = UpdateCustomDbRole::from(&role);
            data.write(
                sending,
                server_error,
                move |b| b.update_custom_role(name, update),
                on_ok,
            );
        }
    };
    // A refusal may concern a field: take the user there.
    Effect::new(move |_| {
        if server_error.with(Option::is_some) {
            focus_first_invalid();
        }
    });

    let title = match &editing {
        None => "Add New Custom Role".to_string(),
        Some(n) => format!("Edit Custom Role {n}"),
    };
    view! {
        <form class="role-editor" novalidate on:submit=on_submit aria-labelledby="role-editor-title">
            <h2 id="role-editor-title">{title}</h2>
            <crate::ui::widgets::PermissionNotice permission=domain::permissions::Permission::DatabaseAccess what="custom roles" />
            <div class="field">
                <label for="role-name">"Custom Role Name"</label>
                <input
                    id="role-name"
                    type="text"
                    autocomplete="off"
                    readonly=!create
                    aria-readonly=(!create).then_some("true")
                    prop:value=move || state.name.get()
                    aria-invalid=aria_invalid(name_issues)
                    aria-describedby="role-name-help role-name-messages"
                    on:input=move |ev| state.name.set(event_target_value(&ev))
                    on:blur=move |_| state.name_touched.set(true)
                />
                <p id="role-name-help" class="help">
                    {if create {
                        "Letters, digits, hyphens and underscores. A role can't be renamed later."
                    } else {
                        "Custom roles can't be renamed."
                    }}
                </p>
                <FieldMessages id="role-name-messages" issues=name_issues />
            </div>
            <For each=move || state.rows.get() key=|r| r.id let(row)>
                <RowEditor row=row cx=cx />
            </For>
            <button type="button" class="button" on:click=move |_| { state.add_row(); }>
                "Add an action or role"
            </button>
            <FieldMessages id="role-form-messages" issues=form_issues />
            {move || server_error.get().filter(|e| !is_name_error(e)).map(|e| view! { <RefusalBanner error=e /> })}
            <RequestPreview role=role create=create project_id=project_id />
            <div class="form-actions">
                <a class="button" href=crate::ui::base::link(LIST_PATH)>"Cancel"</a>
                <button type="submit" class="button button-primary" disabled=move || sending.get() aria-busy=move || sending.get().then_some("true")>
                    {if create { "Add Custom Role" } else { "Update Custom Role" }}
                </button>
            </div>
        </form>
    }
}
