//! The "Database User Privileges" section: one built-in role, custom roles (the shared combobox, at most
//! 20), and specific privileges (role + database + collection rows).
use crate::ui::shell::ids::dom_id;
use crate::ui::widgets::form::FormField;
use crate::ui::widgets::{GroupedCombobox, PickGroup, PickOption};
use domain::catalog::user_assignable_roles;
use domain::user_form::{SpecificPrivilege, BUILTIN_CHOICES};
use domain::validate::MAX_CUSTOM_ROLES_PER_USER;
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpecRow {
    pub id: usize,
    pub role: RwSignal<String>,
    pub db: RwSignal<String>,
    pub collection: RwSignal<String>,
}

impl SpecRow {
    pub fn new(id: usize, p: &SpecificPrivilege) -> Self {
        SpecRow {
            id,
            role: RwSignal::new(p.role.clone()),
            db: RwSignal::new(p.db.clone()),
            collection: RwSignal::new(p.collection.clone()),
        }
    }

    pub fn get(&self) -> SpecificPrivilege {
        SpecificPrivilege {
            role: self.role.get(),
            db: self.db.get(),
            collection: self.collection.get(),
        }
    }
}

#[component]
pub fn BuiltinRoleSelect(builtin: RwSignal<Option<String>>) -> impl IntoView {
    view! {
        <FormField id="user-builtin" label="Built-in Role" let:c>
            <select
                id=c.id()
                aria-describedby=c.described_by()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    builtin.set((!v.is_empty()).then_some(v));
                }
            >
                <option value="" selected=move || builtin.with(Option::is_none)>"None"</option>
                {BUILTIN_CHOICES.iter().map(|(name, label)| view! {
                    <option value=*name selected=move || builtin.with(|b| b.as_deref() == Some(*name))>{*label}</option>
                }).collect_view()}
            </select>
        </FormField>
    }
}

#[component]
pub fn CustomRolesSelect(
    custom: RwSignal<Vec<String>>,
    #[prop(into)] project_roles: Signal<Vec<String>>,
) -> impl IntoView {
    let groups = Signal::derive(move || {
        let chosen = custom.get();
        let full = chosen.len() >= MAX_CUSTOM_ROLES_PER_USER;
        vec![PickGroup {
            label: "Custom Roles".to_string(),
            locked: None,
            capped: true,
            options: project_roles
                .get()
                .into_iter()
                .map(|name| {
                    let selected = chosen.contains(&name);
                    PickOption {
                        key: name.clone(),
                        label: name,
                        description: None,
                        heading: None,
                        disabled: (full && !selected).then(|| {
                            format!(
                                "A user can hold at most {MAX_CUSTOM_ROLES_PER_USER} custom roles"
                            )
                        }),
                        selected,
                    }
                })
                .collect(),
        }]
    });
    let toggle = Callback::new(move |name: String| {
        custom.update(|c| {
            if let Some(i) = c.iter().position(|n| *n == name) {
                c.remove(i);
            } else {
                c.push(name);
            }
        })
    });
    view! {
        <FormField id="user-custom-roles" label="Custom Roles" let:c>
            <GroupedCombobox
                id=c.name
                label="Custom Roles"
                groups=groups
                on_toggle=toggle
                described_by="user-custom-count"
                placeholder="Type to filter custom roles"
            />
            // Its own id, not the field's help: the count is read as the combobox's description alone.
            <p id=dom_id("user-custom-count") class="help">
                {move || format!("{} of {MAX_CUSTOM_ROLES_PER_USER} custom roles", custom.with(Vec::len))}
            </p>
        </FormField>
    }
}

#[component]
pub fn SpecificPrivileges(
    rows: RwSignal<Vec<SpecRow>>,
    next_id: StoredValue<usize>,
) -> impl IntoView {
    let add = move |_| {
        let id = next_id.get_value();
        next_id.set_value(id + 1);
        rows.update(|r| {
            r.push(SpecRow::new(
                id,
                &SpecificPrivilege {
                    role: "read".into(),
                    ..Default::default()
                },
            ))
        });
    };
    view! {
        <fieldset class="specific">
            <legend>"Specific Privileges"</legend>
            <For each=move || rows.get() key=|r| r.id let(row)>
                {
                    let index = move || rows.with(|r| r.iter().position(|x| x.id == row.id).unwrap_or(0) + 1);
                    view! {
                        <div class="target" role="group" aria-label=move || format!("Specific privilege {}", index())>
                            <FormField id=format!("spec-{}-role", row.id) label="Role" let:c>
                                <select id=c.id() on:change=move |ev| row.role.set(event_target_value(&ev))>
                                    {user_assignable_roles().map(|r| view! {
                                        <option value=r.name selected=move || row.role.with(|v| v == r.name)>{r.name}</option>
                                    }).collect_view()}
                                </select>
                            </FormField>
                            <FormField id=format!("spec-{}-db", row.id) label="Database" let:c>
                                <input id=c.id() type="text" prop:value=move || row.db.get() on:input=move |ev| row.db.set(event_target_value(&ev)) />
                            </FormField>
                            <FormField id=format!("spec-{}-coll", row.id) label="Collection" let:c>
                                <input id=c.id() type="text" placeholder="optional" prop:value=move || row.collection.get() on:input=move |ev| row.collection.set(event_target_value(&ev)) />
                            </FormField>
                            <button
                                type="button"
                                class="link-button"
                                aria-label=move || format!("Remove specific privilege {}", index())
                                on:click=move |_| rows.update(|r| r.retain(|x| x.id != row.id))
                            >
                                "Remove"
                            </button>
                        </div>
                    }
                }
            </For>
            <button type="button" class="button" on:click=add>"Add Specific Privilege"</button>
        </fieldset>
    }
}
