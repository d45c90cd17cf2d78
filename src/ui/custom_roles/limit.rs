//! "Change limit": how many custom roles the project may have (`PATCH …/limits/…customRoles`), Project
//! Owner only, up to Atlas's 1,400 and never below the roles the project has.
use crate::ui::shell::ids::dom_id;
use crate::ui::shell::state::{use_data, Area};
use crate::ui::shell::write::use_write;
use crate::ui::widgets::{Dialog, FormActions};
use domain::model::MAX_CUSTOM_ROLES_LIMIT;
use domain::project_limits::custom_role_limit_problem;
use leptos::prelude::*;

#[component]
pub fn LimitDialog(on_close: Callback<()>) -> impl IntoView {
    let data = use_data();
    let current = data.custom_role_limit().unwrap_or_default();
    let roles = data.roles.with_untracked(|r| r.ready().map_or(0, Vec::len));
    let text = RwSignal::new(current.to_string());
    let touched = RwSignal::new(false);
    let write = use_write();
    let problem = move || {
        let value = text.with(|t| t.trim().parse::<usize>().ok());
        match value {
            None => Some("Enter a whole number of custom roles.".to_string()),
            Some(v) => custom_role_limit_problem(v, roles),
        }
    };
    let shown = move || touched.get().then(problem).flatten();
    let (input_id, help_id, error_id) = (
        dom_id("limit-value"),
        dom_id("limit-help"),
        dom_id("limit-error"),
    );
    let describedby = {
        let (help_id, error_id) = (help_id.clone(), error_id.clone());
        move || match shown() {
            Some(_) => format!("{help_id} {error_id}"),
            None => help_id.clone(),
        }
    };
    let save = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        touched.set(true);
        if problem().is_some() || write.sending_untracked() {
            return;
        }
        let value: usize = text.with_untracked(|t| t.trim().parse().unwrap_or(current));
        write.run(
            Area::DatabaseAccess,
            move |b| b.set_custom_role_limit(value),
            move |limit| {
                data.set_custom_role_limit(limit);
                on_close.run(());
            },
        );
    };
    view! {
        <Dialog id="limit-dialog" title="Custom Role Limit" on_close=on_close>
            <form class="dialog-body" novalidate on:submit=save>
                <div class="field">
                    <label for=input_id.clone()>"Custom roles this project may have"</label>
                    <input
                        id=input_id
                        type="number"
                        inputmode="numeric"
                        min=roles.max(1)
                        max=MAX_CUSTOM_ROLES_LIMIT
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                        on:blur=move |_| touched.set(true)
                        aria-invalid=move || shown().map(|_| "true")
                        aria-describedby=describedby
                    />
                    <p id=help_id class="help">
                        {format!("This project has {roles} custom roles; its limit is {current}. Atlas allows up to {MAX_CUSTOM_ROLES_LIMIT}, and recommends more projects over higher limits: a large limit can slow the Atlas UI.")}
                    </p>
                    {move || shown().map(|why| view! { <p id=error_id.clone() class="field-error">{why}</p> })}
                </div>
                <FormActions submit="Save Limit" write=write on_cancel=on_close />
            </form>
        </Dialog>
    }
}
