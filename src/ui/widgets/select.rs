//! The row checkbox of a list whose rows can be ticked for a bulk action (export, bulk assignment):
//! named "Select <row>", bound to the list's set of ticked keys.
use leptos::prelude::*;
use std::collections::BTreeSet;

#[component]
pub fn RowSelect<K>(
    /// What the row is, for the accessible name ("Select orders_reader").
    #[prop(into)]
    name: String,
    key: K,
    selected: RwSignal<BTreeSet<K>>,
) -> impl IntoView
where
    K: Ord + Clone + Send + Sync + 'static,
{
    let toggle = key.clone();
    view! {
        <td class="select">
            <input
                type="checkbox"
                aria-label=format!("Select {name}")
                prop:checked=move || selected.with(|s| s.contains(&key))
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    selected.update(|s| {
                        if on {
                            s.insert(toggle.clone());
                        } else {
                            s.remove(&toggle);
                        }
                    });
                }
            />
        </td>
    }
}
