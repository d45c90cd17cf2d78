//! A multi-select combobox over a grouped listbox (WAI-ARIA combobox pattern with a listbox popup):
//! focus stays in the text input, which filters the options; the active option is announced through
//! `aria-activedescendant`. Arrow keys move, Home/End jump, Enter or Space toggle, Escape closes (then
//! clears). Options can be disabled with a reason (`aria-disabled`, still reachable so the reason can be
//! read). Chosen options show as chips with a remove button. The caller computes which options are
//! selected or disabled; the widget only reports toggles.
use crate::ui::shell::ids::{dom_id, dom_ids};
use leptos::prelude::*;
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;

mod options;

use options::{filtered, slug};
pub use options::{PickGroup, PickOption};

#[component]
pub fn GroupedCombobox(
    /// DOM id of the input; the listbox is `{id}-listbox`.
    #[prop(into)]
    id: String,
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
    let id = dom_id(&id);
    let described_by = described_by.as_deref().map(dom_ids);
    let query = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<String>);
    let listbox_id = format!("{id}-listbox");
    let controls = listbox_id.clone();
    let opt_prefix = format!("{id}-opt-");
    let visible = Memo::new(move |_| query.with(|q| groups.with(|g| filtered(g, q))));
    // The list's shape (which options, in which groups) apart from each option's state (chosen, and why
    // it can't be chosen) and each group's lock: choosing an option changes states and locks only, so the
    // open list updates attributes in place instead of being rebuilt (scripts/bench: "picker selection
    // that locks").
    let shape = Memo::new(move |_| {
        visible.with(|v| {
            v.iter()
                .map(|(g, more)| {
                    let options = g
                        .options
                        .iter()
                        .map(|o| PickOption {
                            selected: false,
                            disabled: None,
                            ..o.clone()
                        })
                        .collect();
                    (
                        PickGroup {
                            label: g.label.clone(),
                            locked: None,
                            options,
                            capped: g.capped,
                        },
                        *more,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let locks = Memo::new(move |_| {
        visible.with(|v| v.iter().map(|(g, _)| g.locked.clone()).collect::<Vec<_>>())
    });
    let states = Memo::new(move |_| {
        visible.with(|v| {
            v.iter()
                .flat_map(|(g, _)| &g.options)
                .map(|o| (o.key.clone(), (o.selected, o.disabled.clone())))
                .collect::<HashMap<String, (bool, Option<String>)>>()
        })
    });
    let keys = Memo::new(move |_| {
        visible.with(|v| {
            v.iter()
                .flat_map(|(g, _)| g.options.iter().map(|o| o.key.clone()))
                .collect::<Vec<_>>()
        })
    });
    let option_dom_id = {
        let p = opt_prefix.clone();
        move |key: &str| format!("{p}{}", slug(key))
    };
    let toggle = move |key: String| {
        let enabled = visible.with_untracked(|v| {
            v.iter()
                .filter(|(g, _)| g.locked.is_none())
                .flat_map(|(g, _)| &g.options)
                .any(|o| o.key == key && o.disabled.is_none())
        });
        if enabled {
            on_toggle.run(key);
        }
    };
    let move_active = move |step: isize| {
        let keys = keys.get_untracked();
        if keys.is_empty() {
            return;
        }
        let current = active
            .get_untracked()
            .and_then(|a| keys.iter().position(|k| *k == a));
        let next = match (current, step) {
            (None, s) if s < 0 => keys.len() - 1,
            (None, _) => 0,
            (Some(i), s) => (i as isize + s).rem_euclid(keys.len() as isize) as usize,
        };
        active.set(Some(keys[next].clone()));
    };
    // Keep the active option visible while moving through a long list.
    let scroll_id = option_dom_id.clone();
    Effect::new(move |_| {
        if let Some(key) = active.get() {
            if let Some(el) = document().get_element_by_id(&scroll_id(&key)) {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        }
    });
    let on_keydown = move |ev: KeyboardEvent| {
        let is_open = open.get_untracked();
        match ev.key().as_str() {
            "ArrowDown" | "ArrowUp" => {
                ev.prevent_default();
                let step = if ev.key() == "ArrowDown" { 1 } else { -1 };
                if is_open {
                    move_active(step);
                } else {
                    open.set(true);
                    if active.get_untracked().is_none() {
                        move_active(step);
                    }
                }
            }
            "Home" | "End" if is_open => {
                ev.prevent_default();
                let keys = keys.get_untracked();
                let pick = if ev.key() == "Home" {
                    keys.first()
                } else {
                    keys.last()
                };
                active.set(pick.cloned());
            }
            "Enter" | " " if is_open && active.get_untracked().is_some() => {
                ev.prevent_default();
                toggle(active.get_untracked().unwrap_or_default());
            }
            "Enter" => ev.prevent_default(), // never submit the surrounding form from the picker
            "Escape" if is_open => {
                ev.prevent_default();
                ev.stop_propagation();
                open.set(false);
            }
            "Escape" if !query.get_untracked().is_empty() => {
                ev.prevent_default();
                ev.stop_propagation();
                query.set(String::new());
            }
            _ => {}
        }
    };
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
    let active_desc = {
        let f = option_dom_id.clone();
        move || open.get().then(|| active.get().map(|k| f(&k))).flatten()
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
    let group_prefix = format!("{id}-group-");
    let render_list = move || {
        let option_dom_id = option_dom_id.clone();
        let group_prefix = group_prefix.clone();
        shape
            .get()
            .into_iter()
            .enumerate()
            .map(|(gi, (g, more))| {
                let label_id = format!("{group_prefix}{gi}");
                let labelled_by = label_id.clone();
                let reason_id = format!("{label_id}-locked");
                // One subscriber per group and per option on the list-wide memos: each attribute below
                // then re-runs only when its own option or group changed.
                let locked = Memo::new(move |_| locks.with(|l| l.get(gi).cloned().flatten()));
                let mut last_heading = None;
                let options = g
                    .options
                    .into_iter()
                    .map(|o| {
                        let heading = (o.heading.is_some() && o.heading != last_heading).then_some(o.heading).flatten();
                        last_heading = o.heading;
                        let key = o.key.clone();
                        let state = {
                            let k = o.key.clone();
                            Memo::new(move |_| states.with(|s| s.get(&k).cloned().unwrap_or_default()))
                        };
                        let key2 = o.key.clone();
                        let is_active = move || active.get().as_deref() == Some(key2.as_str());
                        let group_reason = reason_id.clone();
                        // Named by its label alone (the name comes from the content; the rest is aria-hidden, so
                        // the name still holds all visible text a name must); its description and why it can't
                        // be chosen describe it.
                        let option_id = option_dom_id(&o.key);
                        let (description_id, why_id) = (
                            format!("{option_id}-description"),
                            format!("{option_id}-why"),
                        );
                        let has_description = o.description.is_some();
                        let described_by = {
                            let (description_id, why_id) = (description_id.clone(), why_id.clone());
                            move || {
                                let ids: Vec<&str> = [
                                    has_description.then_some(description_id.as_str()),
                                    state.with(|s| s.1.is_some()).then_some(why_id.as_str()),
                                    locked.with(Option::is_some).then_some(group_reason.as_str()),
                                ]
                                .into_iter()
                                .flatten()
                                .collect();
                                (!ids.is_empty()).then(|| ids.join(" "))
                            }
                        };
                        view! {
                            {heading.map(|h| view! { <div role="presentation" class="listbox-heading">{h}</div> })}
                            <div
                                role="option"
                                id=option_id
                                class="listbox-option"
                                class:active=is_active
                                aria-selected=move || if state.with(|s| s.0) { "true" } else { "false" }
                                aria-disabled=move || (locked.with(Option::is_some) || state.with(|s| s.1.is_some())).then_some("true")
                                aria-describedby=described_by
                                on:mousedown=|ev| ev.prevent_default()
                                on:click=move |_| {
                                    active.set(Some(key.clone()));
                                    toggle(key.clone());
                                }
                            >
                                <span class="listbox-check" aria-hidden="true">{move || if state.with(|s| s.0) { "✓" } else { "" }}</span>
                                <span class="listbox-label">{o.label}</span>
                                {o.description.map(|d| view! { <span class="listbox-description" id=description_id aria-hidden="true">{d}</span> })}
                                {move || state.with(|s| s.1.clone()).map(|why| view! { <span class="listbox-reason" id=why_id.clone() aria-hidden="true">{why}</span> })}
                            </div>
                        }
                    })
                    .collect_view();
                view! {
                    <div role="group" aria-labelledby=labelled_by class="listbox-group">
                        <div role="presentation" id=label_id class="listbox-group-label">{g.label}</div>
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
    };
    let chips_label = format!("Selected: {label}");
    let listbox_label = format!("{label} options");
    view! {
        <div class="combobox">
            <ul class="chips" aria-label=chips_label>
                <For each=chips key=|(k, _)| k.clone() let((key, text))>
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
            <input
                id=id
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
                on:keydown=on_keydown
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
                let render_list = render_list.clone();
                view! {
                    <div
                        id=listbox_id.clone()
                        role="listbox"
                        aria-multiselectable="true"
                        aria-label=listbox_label.clone()
                        class="listbox"
                    >
                        {render_list}
                        {move || keys.with(Vec::is_empty).then(|| view! {
                            <div role="presentation" class="listbox-empty">"No matches"</div>
                        })}
                    </div>
                }
            })}
        </div>
    }
}
