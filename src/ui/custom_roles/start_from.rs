//! "Start from" in the new-role editor: copy the actions and inherited roles of an existing custom role,
//! or of pasted Admin API JSON (read by the same parser as Import), instead of clicking them one by one.
use super::form_state::FormState;
use crate::ui::shell::ids::dom_id;
use crate::ui::shell::state::use_data;
use crate::ui::shell::state::ProjectData;
use crate::ui::widgets::form::FormField;
use crate::ui::widgets::LazyDetails;
use domain::model::CustomDbRole;
use domain::role_form::RoleForm;
use domain::transfer::{free_copy_name, parse_roles};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The name a copy of `source` gets: the first free `<source>_copy[_N]` in the project.
pub(super) fn copy_name(data: ProjectData, source: &str) -> String {
    data.roles.with_untracked(|l| {
        free_copy_name(source, l.ready().map(Vec::as_slice).unwrap_or_default())
    })
}

/// Offered while the editor has no rows of its own yet (`pristine`), so it never replaces the user's work.
#[component]
pub fn StartFrom(state: FormState, #[prop(into)] pristine: Signal<bool>) -> impl IntoView {
    let data = use_data();
    // Outside the `Show`: the panel stays as the user left it when it comes back.
    let open = RwSignal::new(false);
    let chosen = RwSignal::new(String::new());
    let json = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let name_id = dom_id("role-name");
    // Callbacks are Copy, so the lazily built panel can use them however often it is rebuilt.
    let start = Callback::new(move |(role, as_copy): (CustomDbRole, bool)| {
        state.load_rows(&RoleForm::from_role(&role));
        if state.name.with_untracked(|n| n.trim().is_empty()) {
            let name = if as_copy {
                copy_name(data, &role.role_name)
            } else {
                role.role_name.clone()
            };
            state.name.set(name);
        }
        // The panel closes with the change; the name is where to continue.
        if let Some(el) = document()
            .get_element_by_id(&name_id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
    let use_role = Callback::new(move |_: ()| {
        let name = chosen.get_untracked();
        let role = data.roles.with_untracked(|l| {
            l.ready()
                .and_then(|r| r.iter().find(|x| x.role_name == name).cloned())
        });
        match role {
            Some(role) => start.run((role, true)),
            None => error.set(Some("Choose a custom role to start from.".into())),
        }
    });
    let use_json = Callback::new(move |_: ()| match parse_roles(&json.get_untracked()) {
        Err(e) => error.set(Some(e.to_string())),
        Ok(mut roles) => match roles.remove(0) {
            Err(why) => error.set(Some(why)),
            Ok(role) => {
                error.set(None);
                start.run((role, false));
            }
        },
    });
    let names = move || {
        let mut n = data.role_names();
        n.sort_by_key(|x| x.to_lowercase());
        n
    };
    view! {
        <Show when=move || pristine.get()>
            // Built only when open: a project may have 1,400 roles.
            <LazyDetails class="start-from" summary="Start from an existing role or Admin API JSON" open=open>
                <FormField id="start-role" label="Existing custom role" let:c>
                    <select id=c.id() on:change=move |ev| chosen.set(event_target_value(&ev))>
                        <option value="">"Choose a role"</option>
                        {names().into_iter().map(|n| view! { <option value=n.clone()>{n.clone()}</option> }).collect_view()}
                    </select>
                    <button type="button" class="button" on:click=move |_| use_role.run(())>"Copy its actions and roles"</button>
                </FormField>
                <FormField id="start-json" label="Admin API JSON" let:c>
                    <textarea id=c.id() spellcheck="false" prop:value=move || json.get() on:input=move |ev| json.set(event_target_value(&ev))></textarea>
                    <button type="button" class="button" on:click=move |_| use_json.run(())>"Use this JSON"</button>
                </FormField>
                {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            </LazyDetails>
        </Show>
    }
}
