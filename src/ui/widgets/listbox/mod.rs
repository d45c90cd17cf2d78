//! A multi-select combobox over a grouped listbox (WAI-ARIA combobox pattern with a listbox popup):
//! focus stays in the text input, which filters the options; the active option is announced through
//! `aria-activedescendant`. Arrow keys move, Home/End jump, Enter or Space toggle, Escape closes (then
//! clears): `keys.rs`. Options can be disabled with a reason (`aria-disabled`, still reachable so the
//! reason can be read). Chosen options show as chips with a remove button. The caller computes which
//! options are selected or disabled; the widget only reports toggles. Its state is `state.rs`, the open
//! list `list.rs`.
use crate::ui::shell::ids::{dom_id, dom_ids};
use crate::ui::widgets::form::Control;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

mod keys;
mod list;
mod options;
mod state;

use list::OptionGroups;
use options::slug;
pub use options::{PickGroup, PickOption};
use state::Combo;

// Over 100 lines, as a widget may be: the input's ARIA wiring (expanded, controls, active descendant,
// invalid, described by) and the popup it controls are one pattern, read best in one place; the state,
// the keyboard and the list's rendering are in their own files.
#[component]
pub fn GroupedCombobox(
    /// DOM id of the input; the listbox is `{id}-listbox`.
    #[prop(optional, into)]
    id: String,
    /// The `FormField` around it, when there is one: the id, `aria-invalid` and `aria-describedby` come from it.
    #[prop(optional)]
    field: Option<Control>,
    /// Accessible name of the input (e.g. "Action or Role").
    #[prop(into)]
    label: String,
    #[prop(into)] groups: Signal<Vec<PickGroup>>,
    on_toggle: Callback<String>,
    #[prop(optional, into)] invalid: Signal<bool>,
    /// Name (see `ui::ids`) of the element with this field's messages.
    #[prop(optional, into)]
    described_by: Option<String>,
    #[prop(optional, into)] placeholder: Option<String>,
    #[prop(optional, into)] on_blur: Option<Callback<()>>,
    /// The chosen options as (key, label), when the caller knows them without building every option:
    /// then `groups` is only computed while the list is open.
    #[prop(optional, into)]
    chips: Option<Signal<Vec<(String, String)>>>,
) -> impl IntoView {
    let (id, invalid, described_by) = match field {
        Some(c) => (c.name.clone(), c.invalid(), Some(c.described_by_names)),
        None => (id, invalid, described_by),
    };
    let id = dom_id(&id);
    let described_by = described_by.as_deref().map(dom_ids);
    let combo = Combo::new(groups);
    let Combo {
        query,
        open,
        active,
        keys,
        ..
    } = combo;
    let listbox_id = format!("{id}-listbox");
    let controls = listbox_id.clone();
    let opt_prefix = format!("{id}-opt-");
    let option_id = Callback::new(move |key: String| format!("{opt_prefix}{}", slug(&key)));
    let toggle = Callback::new(move |key: String| {
        if combo.may_toggle(&key) {
            on_toggle.run(key);
        }
    });
    // Keep the active option visible while moving through a long list.
    Effect::new(move |_| {
        if let Some(key) = active.get() {
            if let Some(el) = document().get_element_by_id(&option_id.run(key)) {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        }
    });
    let on_input = move |ev: web_sys::Event| {
        let value = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|i| i.value())
            .unwrap_or_default();
        query.set(value);
        open.set(true);
        active.set(keys.get_untracked().into_iter().next());
    };
    let active_desc = move || {
        open.get()
            .then(|| active.get().map(|k| option_id.run(k)))
            .flatten()
    };
    let chips = move || match chips {
        Some(c) => c.get(),
        None => groups.with(|g| {
            g.iter()
                .flat_map(|g| g.options.iter().filter(|o| o.selected))
                .map(|o| (o.key.clone(), o.label.clone()))
                .collect::<Vec<_>>()
        }),
    };
    let listbox_label = format!("{label} options");
    view! {
        <div class="combobox">
            <Chips chips=Signal::derive(chips) label=label.clone() on_toggle=on_toggle />
            <input
                id=id.clone()
                type="text"
                class="combobox-input"
                role="combobox"
                autocomplete="off"
                aria-label=label
                aria-autocomplete="list"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls=move || open.get().then(|| controls.clone())
                aria-activedescendant=active_desc
                aria-invalid=move || invalid.get().then_some("true")
                aria-describedby=described_by
                placeholder=placeholder
                prop:value=move || query.get()
                on:input=on_input
                on:keydown=keys::on_keydown(combo, move |k| toggle.run(k))
                on:click=move |_| open.update(|o| *o = !*o)
                on:blur=move |_| {
                    // Removing a focused row blurs its input after the row's reactive state is gone:
                    // hence try_*, which do nothing on disposed values.
                    open.try_set(false);
                    if let Some(cb) = on_blur {
                        cb.try_run(());
                    }
                }
            />
            // The popup exists only while open (ARIA asks for `aria-controls` only then): a closed picker
            // costs no elements, and a role editor has one per row.
            {move || open.get().then(|| {
                view! {
                    <div
                        id=listbox_id.clone()
                        role="listbox"
                        aria-multiselectable="true"
                        aria-label=listbox_label.clone()
                        class="listbox"
                    >
                        <OptionGroups combo=combo id=id.clone() option_id=option_id toggle=toggle />
                        {move || keys.with(Vec::is_empty).then(|| view! {
                            <div role="presentation" class="listbox-empty">"No matches"</div>
                        })}
                    </div>
                }
            })}
        </div>
    }
}

/// The chosen options, each with a button that removes it.
#[component]
fn Chips(
    chips: Signal<Vec<(String, String)>>,
    label: String,
    on_toggle: Callback<String>,
) -> impl IntoView {
    view! {
        <ul class="chips" aria-label=format!("Selected: {label}")>
            <For each=move || chips.get() key=|(k, _)| k.clone() let((key, text))>
                <li class="chip">
                    <span>{text.clone()}</span>
                    <button
                        type="button"
                        class="chip-remove"
                        aria-label=format!("Remove {text}")
                        on:click=move |_| on_toggle.run(key.clone())
                    >
                        "×"
                    </button>
                </li>
            </For>
        </ul>
    }
}
