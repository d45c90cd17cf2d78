//! "Delete" asks first, naming the role. When deleting would leave database users without a role or
//! custom roles with nothing, it says who and refuses (as Atlas would, with 409).
use crate::ui::state::use_data;
use crate::ui::widgets::ConfirmDialog;
use domain::model::ApiError;
use domain::validate::{delete_blocked_by, DeleteBlockers};
use leptos::prelude::*;

#[component]
pub fn DeleteRoleDialog(name: String, on_done: Callback<()>) -> impl IntoView {
    let data = use_data();
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let blockers = {
        let name = name.clone();
        Memo::new(move |_| data.with_context(|ctx| delete_blocked_by(&name, ctx)))
    };
    let blocked = move || !blockers.with(DeleteBlockers::is_empty);
    let confirm = {
        let name = name.clone();
        Callback::new(move |_| {
            let name = name.clone();
            data.write(
                busy,
                error,
                move |b| b.delete_custom_role(name),
                move |()| on_done.run(()),
            );
        })
    };
    let list = |title: &'static str, names: Vec<String>| {
        (!names.is_empty()).then(|| {
            view! {
                <p>{title}</p>
                <ul class="blockers">{names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            }
        })
    };
    view! {
        <ConfirmDialog
            id="delete-role"
            title=format!("Delete custom role {name}?")
            confirm_label="Delete"
            danger=true
            confirm_disabled=Signal::derive(blocked)
            busy=busy
            on_confirm=confirm
            on_cancel=on_done
        >
            <Show
                when=blocked
                fallback={
                    let name = name.clone();
                    move || view! {
                        <p>{format!("{name} will be removed from the project, and from every database user and custom role that holds it.")}</p>
                    }
                }
            >
                <p class="field-error">{format!("{name} can't be deleted yet.")}</p>
                {move || list(
                    "These database users hold no other role and would be left without any. Give them another role first:",
                    blockers.get().users,
                )}
                {move || list(
                    "These custom roles inherit only this role and would be left with nothing. Change them first:",
                    blockers.get().roles,
                )}
            </Show>
            {move || error.get().map(|e| view! {
                <p class="field-error" role="alert">{e.detail.unwrap_or(e.error_code)}</p>
            })}
        </ConfirmDialog>
    }
}
