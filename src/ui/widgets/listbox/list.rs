//! The open list: each group with its label, its lock, its options (with headings, descriptions and
//! why an option can't be chosen) and how many matches it leaves out.
use super::state::Combo;
use super::PickOption;
use leptos::prelude::*;

/// The groups of the open list. `option_id` makes an option's DOM id from its key; `toggle` chooses.
#[component]
pub fn OptionGroups(
    combo: Combo,
    /// The DOM id of the combobox input: the groups' ids start with it.
    id: String,
    option_id: Callback<String, String>,
    toggle: Callback<String>,
) -> impl IntoView {
    let group_prefix = format!("{id}-group-");
    move || {
        combo
            .shape
            .get()
            .into_iter()
            .enumerate()
            .map(|(gi, (g, more))| {
                let label_id = format!("{group_prefix}{gi}");
                let reason_id = format!("{label_id}-locked");
                // One subscriber per group and per option on the list-wide memos: each attribute below
                // then re-runs only when its own option or group changed.
                let locked = Memo::new(move |_| combo.locks.with(|l| l.get(gi).cloned().flatten()));
                let mut last_heading = None;
                let options = g
                    .options
                    .into_iter()
                    .map(|o| {
                        let heading = (o.heading.is_some() && o.heading != last_heading).then_some(o.heading).flatten();
                        last_heading = o.heading;
                        view! {
                            {heading.map(|h| view! { <div role="presentation" class="listbox-heading">{h}</div> })}
                            <OptionItem o=o combo=combo locked=locked group_reason=reason_id.clone() option_id=option_id toggle=toggle />
                        }
                    })
                    .collect_view();
                view! {
                    <div role="group" aria-labelledby=label_id.clone() class="listbox-group">
                        <div role="presentation" id=label_id.clone() class="listbox-group-label">{g.label}</div>
                        {move || locked.get().map(|why| view! {
                            <div role="presentation" id=reason_id.clone() class="listbox-reason listbox-group-reason">{why}</div>
                        })}
                        {options}
                        {(more > 0).then(|| view! {
                            <div role="presentation" class="listbox-more">{format!("{more} more: type to narrow the list")}</div>
                        })}
                    </div>
                }
            })
            .collect_view()
    }
}

/// One option. Named by its label alone (the name comes from the content; the rest is aria-hidden, so the
/// name still holds all visible text a name must); its description and why it can't be chosen describe it.
#[component]
fn OptionItem(
    o: PickOption,
    combo: Combo,
    locked: Memo<Option<String>>,
    group_reason: String,
    option_id: Callback<String, String>,
    toggle: Callback<String>,
) -> impl IntoView {
    let key = o.key.clone();
    let state = {
        let k = o.key.clone();
        Memo::new(move |_| {
            combo
                .states
                .with(|s| s.get(&k).cloned().unwrap_or_default())
        })
    };
    let key2 = o.key.clone();
    let is_active = move || combo.active.get().as_deref() == Some(key2.as_str());
    let id = option_id.run(o.key.clone());
    let (description_id, why_id) = (format!("{id}-description"), format!("{id}-why"));
    let has_description = o.description.is_some();
    let described_by = {
        let (description_id, why_id) = (description_id.clone(), why_id.clone());
        move || {
            let ids: Vec<&str> = [
                has_description.then_some(description_id.as_str()),
                state.with(|s| s.1.is_some()).then_some(why_id.as_str()),
                locked
                    .with(Option::is_some)
                    .then_some(group_reason.as_str()),
            ]
            .into_iter()
            .flatten()
            .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div
            role="option"
            id=id
            class="listbox-option"
            class:active=is_active
            aria-selected=move || if state.with(|s| s.0) { "true" } else { "false" }
            aria-disabled=move || (locked.with(Option::is_some) || state.with(|s| s.1.is_some())).then_some("true")
            aria-describedby=described_by
            on:mousedown=|ev| ev.prevent_default()
            on:click=move |_| {
                combo.active.set(Some(key.clone()));
                toggle.run(key.clone());
            }
        >
            <span class="listbox-check" aria-hidden="true">{move || if state.with(|s| s.0) { "✓" } else { "" }}</span>
            <span class="listbox-label">{o.label}</span>
            {o.description.map(|d| view! { <span class="listbox-description" id=description_id aria-hidden="true">{d}</span> })}
            {move || state.with(|s| s.1.clone()).map(|why| view! { <span class="listbox-reason" id=why_id.clone() aria-hidden="true">{why}</span> })}
        </div>
    }
}
