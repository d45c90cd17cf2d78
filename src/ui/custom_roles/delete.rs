//! "Delete" asks first, naming the role. When deleting would leave database users without a role or
//! custom roles with nothing, it says who and refuses (as Atlas would, with 409). When others hold the
//! role, its name must be typed to confirm. After the delete, "Undo" puts it back (`ui::undo`).
use crate::ui::shell::ids::dom_id;
use crate::ui::shell::state::{use_data, Area};
use crate::ui::shell::undo::{use_undo, Undoable, UNDO_SECONDS};
use crate::ui::shell::write::use_write;
use crate::ui::widgets::ConfirmDialog;
use domain::lookup::used_by;
use domain::text::plural;
use domain::undo::DeletedRole;
use domain::validate::{delete_blocked_by, DeleteBlockers};
use leptos::prelude::*;

use super::section::use_custom_roles;

/// Who would lose what the role grants, as the dialog says it.
fn holders_text(users: usize, roles: usize) -> String {
    match users + roles {
        0 => "No database user or custom role holds it.".to_string(),
        _ => format!(
            "{} and {} hold it, directly or through inheritance, and will lose what it grants.",
            plural(users, "database user"),
            plural(roles, "custom role")
        ),
    }
}

#[component]
pub fn DeleteRoleDialog(name: String, on_done: Callback<()>) -> impl IntoView {
    let data = use_data();
    let write = use_write();
    let saved = use_custom_roles().saved;
    let blockers = {
        let name = name.clone();
        Memo::new(move |_| data.with_context(|ctx| delete_blocked_by(&name, ctx)))
    };
    let blocked = move || !blockers.with(DeleteBlockers::is_empty);
    let holders = {
        let name = name.clone();
        Memo::new(move |_| {
            data.with_context(|ctx| {
                let u = used_by(&name, ctx.custom_roles, ctx.users);
                (u.users.len(), u.roles.len())
            })
        })
    };
    // Deleting a role others hold asks for its name to be typed.
    let needs_name = Signal::derive(move || holders.with(|&(u, r)| u + r > 0));
    let typed = RwSignal::new(String::new());
    let unconfirmed = {
        let name = name.clone();
        move || needs_name.get() && typed.with(|t| t.trim() != name)
    };
    let undo = use_undo();
    let confirm = {
        let name = name.clone();
        Callback::new(move |_| {
            let name = name.clone();
            // Captured just before the delete: what "Undo" re-creates.
            let captured =
                data.with_context(|ctx| DeletedRole::capture(&name, ctx.custom_roles, ctx.users));
            let deleting = name.clone();
            write.run(
                Area::DatabaseAccess,
                move |b| b.delete_custom_role(deleting),
                move |()| {
                    let _ = saved.try_set(Some(format!("{name} deleted")));
                    if let Some(c) = captured {
                        undo.offer(Undoable::Role(c));
                    }
                    on_done.run(())
                },
            );
        })
    };
    view! {
        <ConfirmDialog
            id="delete-role"
            title=format!("Delete custom role {name}?")
            confirm_label="Delete"
            danger=true
            confirm_disabled=Signal::derive(move || blocked() || unconfirmed())
            busy=write.sending_signal()
            on_confirm=confirm
            on_cancel=on_done
        >
            <Show
                when=blocked
                fallback={
                    let name = name.clone();
                    move || view! { <WhatDeleteDoes name=name.clone() holders=holders needs_name=needs_name typed=typed /> }
                }
            >
                <Blockers name=name.clone() blockers=blockers />
            </Show>
            {move || write.error().map(|e| view! {
                <p class="field-error" role="alert">{e.message()}</p>
            })}
        </ConfirmDialog>
    }
}

/// Who loses what, that it can be undone, and (when others hold it) the name to type.
#[component]
fn WhatDeleteDoes(
    name: String,
    holders: Memo<(usize, usize)>,
    needs_name: Signal<bool>,
    typed: RwSignal<String>,
) -> impl IntoView {
    let typed_id = dom_id("delete-role-typed");
    let what = {
        let name = name.clone();
        move || {
            let (users, roles) = holders.get();
            format!("{name} will be removed from the project. {} You can undo this for {UNDO_SECONDS} seconds.", holders_text(users, roles))
        }
    };
    view! {
        <p>{what}</p>
        {move || needs_name.get().then(|| view! {
            <label for=typed_id.clone()>{format!("Type {name} to confirm")}</label>
            <input
                id=typed_id.clone()
                type="text"
                autocomplete="off"
                spellcheck="false"
                prop:value=move || typed.get()
                on:input=move |ev| typed.set(event_target_value(&ev))
            />
        })}
    }
}

/// Why the role can't be deleted yet: who would be left with nothing.
#[component]
fn Blockers(name: String, blockers: Memo<DeleteBlockers>) -> impl IntoView {
    let list = |title: &'static str, names: Vec<String>| {
        (!names.is_empty()).then(|| {
            view! {
                <p>{title}</p>
                <ul class="blockers">{names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            }
        })
    };
    view! {
        <p class="field-error">{format!("{name} can't be deleted yet.")}</p>
        {move || list(
            "These database users hold no other role and would be left without any. Give them another role first:",
            blockers.get().users,
        )}
        {move || list(
            "These custom roles inherit only this role and would be left with nothing. Change them first:",
            blockers.get().roles,
        )}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn the_dialog_says_who_loses_what_the_role_grants() {
        assert_eq!(
            holders_text(0, 0),
            "No database user or custom role holds it."
        );
        assert_eq!(
            holders_text(2, 1),
            "2 database users and 1 custom role hold it, directly or through inheritance, and will lose what it grants."
        );
    }
}
