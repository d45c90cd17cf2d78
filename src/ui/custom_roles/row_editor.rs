//! One row of the role editor: the "Action or Role" picker and, for Collection and Database actions, the
//! Database / Collection targets. Which options are locked and why comes from `domain::picker`.
use super::form_state::{FormState, RowState, TargetState, Touch};
use crate::ui::shell::ids::dom_id;
use crate::ui::shell::state::ProjectData;
use crate::ui::widgets::form::{FormControl, FormField};
use crate::ui::widgets::{GroupedCombobox, PickGroup, PickOption};
use domain::catalog::Category;
use domain::picker::{choices, item_from_key, item_key, item_label};
use domain::role_form::Row;
use domain::validate::{Field as IssueField, Issue, ProjectContext};
use leptos::prelude::*;

/// What a row needs from the editor around it.
#[derive(Clone, Copy)]
pub struct RowContext {
    pub state: FormState,
    pub form: FormControl<Touch>,
    pub data: ProjectData,
    pub editing: StoredValue<Option<String>>,
}

impl RowContext {
    /// The issues of `field`, once `key` was left or the form submitted (tracked).
    fn issues_for(&self, field: &IssueField, key: Touch) -> Vec<Issue> {
        if !self.form.shows(&key) {
            return Vec::new();
        }
        self.form.issues_where(&|f| f == field)
    }
}

/// The picker's groups for a row holding `items`: the four categories, locked as `domain::picker` says.
pub fn pick_groups(
    items: &[domain::role_form::Item],
    ctx: &ProjectContext<'_>,
    editing: Option<&str>,
) -> Vec<PickGroup> {
    let r = Row {
        items: items.to_vec(),
        targets: Vec::new(),
    };
    choices(&r, ctx, editing)
        .into_iter()
        .map(|g| PickGroup {
            label: g.category.label().to_string(),
            capped: g.category == Category::Custom,
            locked: g.locked,
            options: g
                .choices
                .into_iter()
                .map(|c| PickOption {
                    key: item_key(&c.item),
                    label: c.label,
                    description: None,
                    heading: c.docs_group.map(|d| d.label()),
                    disabled: c.disabled,
                    selected: c.selected,
                })
                .collect(),
        })
        .collect()
}

#[component]
pub fn RowEditor(row: RowState, cx: RowContext) -> impl IntoView {
    let state = cx.state;
    let index = Memo::new(move |_| state.row_index(row.id).unwrap_or(0));
    let category = Memo::new(move |_| {
        row.items.with(|items| {
            Row {
                items: items.clone(),
                targets: Vec::new(),
            }
            .category()
        })
    });
    let needs_targets = move || {
        matches!(
            category.get(),
            Some(Category::Collection | Category::Database)
        )
    };
    let is_collection = Signal::derive(move || category.get() == Some(Category::Collection));
    let many_targets = Signal::derive(move || row.targets.with(|t| t.len() > 1));
    view! {
        <fieldset class="role-row">
            <legend>
                {move || format!("Action or role {}", index.get() + 1)}
                {move || (cx.editing.with_value(Option::is_some)).then(|| cx.state.row_mark(row)).flatten().map(|m| view! { <span class="row-mark">{format!(" ({m})")}</span> })}
            </legend>
            <RowPicker row=row cx=cx index=index />
            <Show when=needs_targets>
                <div class="targets">
                    <For each=move || row.targets.get() key=|t| t.id let(target)>
                        <TargetEditor row=row target=target cx=cx row_index=index is_collection=is_collection removable=many_targets />
                    </For>
                    <button type="button" class="link-button" on:click=move |_| { state.add_target(row); }>
                        "Add a database or collection"
                    </button>
                </div>
            </Show>
            <RowButtons row=row state=state index=index />
        </fieldset>
    }
}

/// "Action or Role": the grouped picker over the whole catalog.
#[component]
fn RowPicker(row: RowState, cx: RowContext, index: Memo<usize>) -> impl IntoView {
    let groups = Memo::new(move |_| {
        let editing = cx.editing.get_value();
        row.items.with(|items| {
            cx.data
                .with_context(|ctx| pick_groups(items, ctx, editing.as_deref()))
        })
    });
    // Chips come from the row itself, so the 1,400-option groups are built only while the list is open.
    let chips = Signal::derive(move || {
        row.items.with(|items| {
            items
                .iter()
                .map(|i| (item_key(i), item_label(i)))
                .collect::<Vec<_>>()
        })
    });
    let on_toggle = Callback::new(move |key: String| {
        if let Some(item) = item_from_key(&key) {
            row.items.update(|items| {
                let mut r = Row {
                    items: std::mem::take(items),
                    targets: Vec::new(),
                };
                r.toggle(item);
                *items = r.items;
            });
        }
    });
    let issues =
        Signal::derive(move || cx.issues_for(&IssueField::Row(index.get()), Touch::Row(row.id)));
    view! {
        <FormField id=format!("row-{}-picker", row.id) label="Action or Role" issues=issues let:c>
            <GroupedCombobox
                field=c
                label="Action or Role"
                groups=groups
                chips=chips
                on_toggle=on_toggle
                placeholder="Type to filter, e.g. find"
                on_blur=cx.form.touch_cb(Touch::Row(row.id))
            />
        </FormField>
    }
}

/// Duplicate and Remove (while there is more than one row).
#[component]
fn RowButtons(row: RowState, state: FormState, index: Memo<usize>) -> impl IntoView {
    let many_rows = move || state.rows.with(|r| r.len() > 1);
    view! {
        <div class="row-buttons">
            <button
                type="button"
                class="button"
                aria-label=move || format!("Duplicate action or role {}", index.get() + 1)
                on:click=move |_| { state.duplicate_row(row.id); }
            >
                "Duplicate"
            </button>
            <Show when=many_rows>
                <button
                    type="button"
                    class="button button-danger-outline remove-row"
                    aria-label=move || format!("Remove action or role {}", index.get() + 1)
                    on:click=move |_| state.remove_row(row.id)
                >
                    "Remove"
                </button>
            </Show>
        </div>
    }
}

#[component]
fn TargetEditor(
    row: RowState,
    target: TargetState,
    cx: RowContext,
    row_index: Memo<usize>,
    is_collection: Signal<bool>,
    removable: Signal<bool>,
) -> impl IntoView {
    let t_index = Memo::new(move |_| {
        row.targets
            .with(|ts| ts.iter().position(|t| t.id == target.id).unwrap_or(0))
    });
    let base = format!("row-{}-target-{}", row.id, target.id);
    let at = move || (row_index.get(), t_index.get());
    view! {
        <div class="target" role="group" aria-label=move || format!("Database or collection {}", t_index.get() + 1)>
            <ScopeField base=base.clone() part=Part::Database target=target cx=cx at=at />
            <Show when=move || is_collection.get()>
                <ScopeField base=base.clone() part=Part::Collection target=target cx=cx at=at />
            </Show>
            <Show when=move || removable.get()>
                <button
                    type="button"
                    class="link-button"
                    aria-label=move || format!("Remove database or collection {}", t_index.get() + 1)
                    on:click=move |_| row.targets.update(|ts| ts.retain(|t| t.id != target.id))
                >
                    "Remove"
                </button>
            </Show>
        </div>
    }
}

/// Which name of a target a `ScopeField` edits.
#[derive(Clone, Copy, PartialEq)]
enum Part {
    Database,
    Collection,
}

/// A database or collection name with its "Apply to any …" checkbox (which disables the name).
#[component]
fn ScopeField(
    /// The target's DOM name prefix.
    base: String,
    part: Part,
    target: TargetState,
    cx: RowContext,
    /// The (row, target) position the rules address (tracked).
    at: impl Fn() -> (usize, usize) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let (suffix, label, any_label, text, any) = match part {
        Part::Database => (
            "db",
            "Database",
            "Apply to any database",
            target.db,
            target.any_db,
        ),
        Part::Collection => (
            "coll",
            "Collection",
            "Apply to any collection",
            target.collection,
            target.any_collection,
        ),
    };
    let touched = Touch::Target(target.id);
    let form = cx.form;
    let issues = Signal::derive(move || {
        let (row, target) = at();
        let field = match part {
            Part::Database => IssueField::TargetDb { row, target },
            Part::Collection => IssueField::TargetCollection { row, target },
        };
        cx.issues_for(&field, touched)
    });
    let id = format!("{base}-{suffix}");
    let any_id = dom_id(&format!("{id}-any"));
    let any_for = any_id.clone();
    view! {
        <FormField id=id label=label issues=issues let:c>
            <input
                id=c.id()
                type="text"
                autocomplete="off"
                disabled=move || any.get()
                prop:value=move || text.get()
                aria-invalid=c.aria_invalid()
                aria-describedby=c.described_by()
                on:input=move |ev| text.set(event_target_value(&ev))
                on:blur=move |_| form.touch(touched)
            />
            <label class="checkbox" for=any_for>
                <input
                    id=any_id
                    type="checkbox"
                    prop:checked=move || any.get()
                    on:change=move |ev| {
                        any.set(event_target_checked(&ev));
                        form.touch(touched);
                    }
                />
                {any_label}
            </label>
        </FormField>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn an_empty_row_offers_every_category_and_only_custom_roles_are_capped() {
        let groups = pick_groups(&[], &ProjectContext::new(&[]), None);
        let labels: Vec<&str> = groups.iter().map(|g| g.label.as_str()).collect();
        assert_eq!(labels.len(), 4, "{labels:?}");
        assert!(
            groups.iter().all(|g| g.locked.is_none()),
            "nothing chosen, nothing locked"
        );
        let capped: Vec<&str> = groups
            .iter()
            .filter(|g| g.capped)
            .map(|g| g.label.as_str())
            .collect();
        assert_eq!(capped.len(), 1, "{capped:?}");
        let find = groups
            .iter()
            .flat_map(|g| &g.options)
            .find(|o| o.label == "find");
        assert!(find.is_some_and(|o| !o.selected && o.disabled.is_none()));
    }
}
