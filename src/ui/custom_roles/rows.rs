//! The Custom Roles table: a page of matching roles, each with its grants and its row actions ("Used by",
//! Edit, Duplicate, Delete); a new row action goes in `RoleRow`.
use super::list_state::{ListDialog, ListDialogs, RoleList, PAGE};
use super::summary::RoleEntry;
use crate::ui::shell::base::link;
use crate::ui::shell::routes;
use crate::ui::shell::routes::url_segment;
use crate::ui::widgets::{GrantChip, PermittedAction, RowSelect};
use domain::permissions::Permission;
use leptos::prelude::*;

/// Lines shown before "Show all" in a collapsed row.
const COMPACT_LINES: usize = 3;

#[component]
pub fn RolesTable(list: RoleList, dialogs: ListDialogs) -> impl IntoView {
    let RoleList {
        query,
        descending,
        page_rows,
        matching,
        selected,
        ..
    } = list;
    view! {
        <table class="roles-table custom-roles-table" on:click=move |_| list.note_scroll()>
            <thead>
                <tr>
                    <th scope="col"><span class="visually-hidden">"Select"</span></th>
                    <th scope="col" aria-sort=move || if descending.get() { "descending" } else { "ascending" }>
                        <button type="button" class="sort" on:click=move |_| descending.update(|d| *d = !*d)>
                            "Role name" <span aria-hidden="true">{move || if descending.get() { " ▼" } else { " ▲" }}</span>
                        </button>
                    </th>
                    <th scope="col">"Actions and inherited roles"</th>
                    <th scope="col"><span class="visually-hidden">"Row actions"</span></th>
                </tr>
            </thead>
            <tbody>
                <For each=move || list.visible() key=|e| e.key.clone() let(entry)>
                    <RoleRow entry=entry dialogs=dialogs selected=selected />
                </For>
            </tbody>
        </table>
        <Show when=move || matching.with(Vec::is_empty)>
            <p class="empty-state" role="status">
                {move || format!("No custom role matches “{}”.", query.get().trim())}
                " "
                <button type="button" class="link-button" on:click=move |_| query.set(String::new())>"Clear search"</button>
            </p>
        </Show>
        <Show when=move || { matching.with(Vec::len) > page_rows.get() }>
            <button type="button" class="button show-more" on:click=move |_| page_rows.update(|s| *s += PAGE)>
                {move || format!("Show more ({} of {} shown)", page_rows.get(), matching.with(Vec::len))}
            </button>
        </Show>
    }
}

#[component]
fn RoleRow(
    entry: RoleEntry,
    dialogs: ListDialogs,
    selected: RwSignal<std::collections::BTreeSet<String>>,
) -> impl IntoView {
    let name = entry.name.clone();
    view! {
        <tr>
            <RowSelect name=name.clone() key=entry.name.clone() selected=selected />
            <th scope="row" class="role-name">{entry.name.clone()}</th>
            <td><Grants lines=entry.lines /></td>
            <td class="row-actions"><RoleActions name=name dialogs=dialogs /></td>
        </tr>
    }
}

/// A role's grants, the first few lines until "Show N more".
#[component]
fn Grants(lines: Vec<String>) -> impl IntoView {
    let expanded = RwSignal::new(false);
    let hidden = lines.len().saturating_sub(COMPACT_LINES);
    let lines = StoredValue::new(lines);
    view! {
        <ul class="grants">
            {move || {
                let n = if expanded.get() { usize::MAX } else { COMPACT_LINES };
                lines.with_value(|l| l.iter().take(n).map(|line| view! { <GrantChip line=line.clone() /> }).collect_view())
            }}
        </ul>
        {(hidden > 0).then(|| view! {
            <button
                type="button"
                class="link-button"
                aria-expanded=move || if expanded.get() { "true" } else { "false" }
                on:click=move |_| expanded.update(|e| *e = !*e)
            >
                {move || if expanded.get() { "Show less".to_string() } else { format!("Show {hidden} more") }}
            </button>
        })}
    }
}

/// What can be done to one role; each is offered disabled, with the reason, to a principal who may not.
#[component]
fn RoleActions(name: String, dialogs: ListDialogs) -> impl IntoView {
    let (used_name, delete_name) = (name.clone(), name.clone());
    let copy_name = StoredValue::new(name.clone());
    view! {
        <button
            type="button"
            class="button"
            aria-label=format!("Used by {name}")
            on:click=move |_| dialogs.show(ListDialog::UsedBy(used_name.clone()))
        >
            "Used by"
        </button>
        <PermittedAction
            permission=Permission::DatabaseAccess
            id=format!("edit-role-{}", url_segment(&name))
            label="Edit"
            aria_label=format!("Edit {name}")
            href=routes::edit_role(&name)
        />
        <PermittedAction
            permission=Permission::DatabaseAccess
            id=format!("duplicate-role-{}", url_segment(&name))
            label="Duplicate"
            aria_label=format!("Duplicate {name}")
            href=routes::new_role_from(&name)
        />
        <Show when=move || dialogs.across.get()>
            <a class="button" href=copy_name.with_value(|n| link(routes::copy_roles(&[n.as_str()], None))) aria-label=copy_name.with_value(|n| format!("Copy to projects… {n}"))>"Copy to projects…"</a>
        </Show>
        <PermittedAction
            permission=Permission::DatabaseAccess
            id=format!("delete-role-{}", url_segment(&name))
            label="Delete"
            aria_label=format!("Delete {name}")
            class="button button-danger-outline"
            on_click=Callback::new(move |_| dialogs.show(ListDialog::Delete(delete_name.clone())))
        />
    }
}
