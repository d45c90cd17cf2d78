//! The role list: search as you type, sort by name, "N of LIMIT custom roles", Edit and Delete per row.
//! Only a page of matching rows is in the DOM at a time (with "Show more"), so filtering 1,400 roles
//! re-renders what the user can see, not the whole project.
use super::delete::DeleteRoleDialog;
use super::limit::LimitDialog;
use super::summary::{query_words, RoleEntry};
use super::transfer::{ExportDialog, ImportDialog};
use crate::ui::lookup::UsedByDialog;
use crate::ui::shell::base::link;
use crate::ui::shell::ids::dom_id;
use crate::ui::shell::loaded::Loaded;
use crate::ui::shell::routes;
use crate::ui::shell::state::{use_data, Load};
use crate::ui::url_segment;
use crate::ui::widgets::{GrantChip, PermissionNotice, PermittedAction, RowSelect, SearchBox};
use domain::permissions::Permission;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Rows per page. A screen at 1280 × 800 shows about eight, and every row that changes is built again on a
/// filter keystroke, on opening the editor (the page goes) and on Cancel (it comes back): a page of two
/// screens keeps those quick. How many roles match is in the count (a status, so it is announced) and on
/// "Show more"; find-in-page sees the shown rows only, which the search box makes up for.
const PAGE: usize = 20;
/// Lines shown before "Show all" in a collapsed row.
const COMPACT_LINES: usize = 3;

#[component]
pub fn CustomRolesTab() -> impl IntoView {
    let data = use_data();
    let roles_state = Memo::new(move |_| data.roles.with(Load::has_items));
    // Back from the editor, the list is as the user left it (memory.rs).
    let left = super::memory::recall().unwrap_or(super::memory::ListMemory {
        shown: PAGE,
        ..Default::default()
    });
    let query = RwSignal::new(left.query);
    let descending = RwSignal::new(left.descending);
    let shown = RwSignal::new(left.shown.max(PAGE));
    let deleting = RwSignal::new(None::<String>);
    // Roles ticked for export; `None` dialogs are closed.
    let selected = RwSignal::new(left.selected);
    if left.scroll_y > 0.0 {
        let y = left.scroll_y;
        // After the router's own scroll to the top of a new page, which follows the render.
        set_timeout(
            move || window().scroll_to_with_x_and_y(0.0, y),
            std::time::Duration::ZERO,
        );
    }
    // Taken when a row's link or button is used: by the time the list is cleaned up, the editor may have
    // replaced it and the page be back at the top.
    let scroll_y = StoredValue::new(0.0);
    let note_scroll = move |_| scroll_y.set_value(window().scroll_y().unwrap_or_default());
    let keep = super::memory::keeper();
    on_cleanup(move || {
        keep(super::memory::ListMemory {
            query: query.try_get_untracked().unwrap_or_default(),
            descending: descending.try_get_untracked().unwrap_or_default(),
            shown: shown.try_get_untracked().unwrap_or(PAGE),
            selected: selected.try_get_untracked().unwrap_or_default(),
            scroll_y: scroll_y.try_get_value().unwrap_or_default(),
        })
    });
    let exporting = RwSignal::new(false);
    let importing = RwSignal::new(false);
    let changing_limit = RwSignal::new(false);
    let used_by = RwSignal::new(None::<String>);
    // Other projects to copy roles to or compare with (issue 30); read once per load of the project.
    let across = Memo::new(move |_| {
        data.project.track();
        data.backend().projects().len() > 1
    });

    // Sorted once per load; each keystroke only filters indices and clones the one visible page.
    let entries = Memo::new(move |_| {
        data.roles.with(|r| {
            let mut e: Vec<RoleEntry> = r
                .ready()
                .map(|roles| roles.iter().map(RoleEntry::new).collect())
                .unwrap_or_default();
            e.sort_by(|a, b| a.sort_key.cmp(&b.sort_key));
            e
        })
    });
    let matching = Memo::new(move |_| {
        let words = query.with(|q| query_words(q));
        let desc = descending.get();
        entries.with(|all| {
            let mut m: Vec<usize> = (0..all.len()).filter(|&i| all[i].matches(&words)).collect();
            if desc {
                m.reverse();
            }
            m
        })
    });
    let visible = move || {
        let n = shown.get();
        matching.with(|m| {
            entries.with(|all| {
                m.iter()
                    .take(n)
                    .map(|&i| all[i].clone())
                    .collect::<Vec<_>>()
            })
        })
    };
    let total = move || entries.with(Vec::len);
    let limit = move || data.custom_role_limit();
    let at_limit = move || limit().is_some_and(|l| total() >= l);
    let navigate = use_navigate();

    let status = move || {
        let count = match limit() {
            Some(l) => format!("{} of {l} custom roles", total()),
            None => format!("{} custom roles", total()),
        };
        if query.with(|q| q.trim().is_empty()) {
            count
        } else {
            format!("{count} · {} matching", matching.with(Vec::len))
        }
    };

    view! {
        <h2 class="visually-hidden">"Custom Roles"</h2>
        <PermissionNotice permission=Permission::DatabaseAccess what="custom roles or database users" />
        <LateClustersNote />
        <div class="toolbar">
            <SearchBox
                id="role-search"
                label="Search custom roles"
                placeholder="Name, action, role, database or collection"
                query=query
                on_change=Callback::new(move |_| shown.set(PAGE))
            />
            <p class="count" role="status" id=dom_id("role-count")>{status}</p>
            <div class="toolbar-actions">
                <Show
                    when=move || data.refusal(Permission::DatabaseAccess).is_none()
                    fallback=|| view! { <PermittedAction permission=Permission::DatabaseAccess id="add-role" label="Add New Custom Role" class="button button-primary" /> }
                >
                    <button
                        type="button"
                        class="button button-primary"
                        disabled=at_limit
                        aria-describedby={
                            let note = dom_id("role-limit-note");
                            move || at_limit().then(|| note.clone())
                        }
                        on:click={
                            let navigate = navigate.clone();
                            move |_| navigate(routes::NEW_ROLE, Default::default())
                        }
                    >
                        "Add New Custom Role"
                    </button>
                </Show>
                <button type="button" class="button" on:click=move |_| exporting.set(true)>
                    {move || match selected.with(|s| s.len()) {
                        0 => "Export all".to_string(),
                        n => format!("Export {n} selected"),
                    }}
                </button>
                <Show when=move || across.get()>
                    <a class="button" href=link(routes::COMPARE_ROLES)>"Compare projects"</a>
                    {move || {
                        let names: Vec<String> = selected.get().into_iter().collect();
                        (!names.is_empty()).then(|| {
                            let names: Vec<&str> = names.iter().map(String::as_str).collect();
                            view! { <a class="button" href=link(routes::copy_roles(&names, None))>{format!("Copy {} selected to projects…", names.len())}</a> }
                        })
                    }}
                </Show>
                <PermittedAction permission=Permission::DatabaseAccess id="import-roles" label="Import" on_click=Callback::new(move |_| importing.set(true)) />
                <PermittedAction permission=Permission::ProjectSettings id="change-limit" label="Change Limit" on_click=Callback::new(move |_| changing_limit.set(true)) />
                <Show when=at_limit>
                    <p id=dom_id("role-limit-note") class="note">
                        {move || format!("This project has reached its limit of {} custom roles. Delete a role, or (as Project Owner) raise the limit with Change Limit, to add another.", limit().unwrap_or_default())}
                    </p>
                </Show>
            </div>
        </div>
        <Loaded load=roles_state what="custom roles" let:any>
            {match any {
            false => view! {
                <div class="empty-state">
                    <p class="empty-state-title">"No custom roles yet"</p>
                    <p>"A custom role grants exactly the actions a database user needs."</p>
                    <PermittedAction permission=Permission::DatabaseAccess id="add-role-empty" label="Add New Custom Role" href=routes::NEW_ROLE class="button button-primary" />
                </div>
            }.into_any(),
            true => view! {
                <table class="roles-table custom-roles-table" on:click=note_scroll>
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
                        <For each=visible key=|e| e.key.clone() let(entry)>
                            <RoleRow entry=entry deleting=deleting selected=selected used_by=used_by across=across />
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
                <Show when=move || { matching.with(Vec::len) > shown.get() }>
                    <button type="button" class="button show-more" on:click=move |_| shown.update(|s| *s += PAGE)>
                        {move || format!("Show more ({} of {} shown)", shown.get(), matching.with(Vec::len))}
                    </button>
                </Show>
            }.into_any(),
                }}
        </Loaded>
        {move || exporting.get().then(|| view! {
            <ExportDialog names=selected.get_untracked() on_close=Callback::new(move |_| exporting.set(false)) />
        })}
        {move || importing.get().then(|| view! {
            <ImportDialog on_close=Callback::new(move |_| importing.set(false)) />
        })}
        {move || changing_limit.get().then(|| view! {
            <LimitDialog on_close=Callback::new(move |_| changing_limit.set(false)) />
        })}
        {move || used_by.get().map(|name| view! {
            <UsedByDialog name=name on_close=Callback::new(move |_| used_by.set(None)) />
        })}
        {move || deleting.get().map(|name| view! {
            <DeleteRoleDialog name=name on_done=Callback::new(move |_| deleting.set(None)) />
        })}
    }
}

#[component]
fn RoleRow(
    entry: RoleEntry,
    deleting: RwSignal<Option<String>>,
    selected: RwSignal<std::collections::BTreeSet<String>>,
    used_by: RwSignal<Option<String>>,
    across: Memo<bool>,
) -> impl IntoView {
    let expanded = RwSignal::new(false);
    let hidden = entry.lines.len().saturating_sub(COMPACT_LINES);
    let lines = StoredValue::new(entry.lines.clone());
    let name = entry.name.clone();
    let delete_name = entry.name.clone();
    let used_name = entry.name.clone();
    let copy_name = StoredValue::new(entry.name.clone());
    view! {
        <tr>
            <RowSelect name=name.clone() key=entry.name.clone() selected=selected />
            <th scope="row" class="role-name">{entry.name.clone()}</th>
            <td>
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
            </td>
            <td class="row-actions">
                <button
                    type="button"
                    class="button"
                    aria-label=format!("Used by {name}")
                    on:click=move |_| used_by.set(Some(used_name.clone()))
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
                <Show when=move || across.get()>
                    <a class="button" href=copy_name.with_value(|n| link(routes::copy_roles(&[n.as_str()], None))) aria-label=copy_name.with_value(|n| format!("Copy to projects… {n}"))>"Copy to projects…"</a>
                </Show>
                <PermittedAction
                    permission=Permission::DatabaseAccess
                    id=format!("delete-role-{}", url_segment(&name))
                    label="Delete"
                    aria_label=format!("Delete {name}")
                    class="button button-danger-outline"
                    on_click=Callback::new(move |_| deleting.set(Some(delete_name.clone())))
                />
            </td>
        </tr>
    }
}

/// Next to the custom-role change just saved: when it reaches the project's Free and Flex clusters.
#[component]
fn LateClustersNote() -> impl IntoView {
    let data = use_data();
    let note = move || {
        // try_: read once more as the console is unmounted.
        let saved = data.role_saved.try_get().flatten()?;
        let late = data.late_clusters();
        (!late.is_empty()).then(|| {
            format!(
                "{saved}. Changes to custom roles might take up to 30 seconds to deploy in Free clusters and Flex clusters ({}).",
                late.join(", ")
            )
        })
    };
    move || {
        note().map(|text| view! { <p class="note" role="status" id=dom_id("role-propagation-note")>{text}</p> })
    }
}
