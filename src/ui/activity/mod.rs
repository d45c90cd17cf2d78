//! The project's Activity Feed: every custom-role and database-user change with its time, who made it and
//! what changed, newest first (Atlas audits custom-role changes there). Each role or user change expands to
//! its before/after; the feed filters by target and by who made the change.
use crate::ui::shell::ids::dom_id;
use crate::ui::shell::state::{use_data, Load};
use crate::ui::widgets::ChangeList;
use crate::ui::widgets::Loaded;
use domain::project::ActivityEvent;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// A `<select>` of "All" plus `options`, bound to `value` ("" = all).
#[component]
fn FilterSelect(
    id: &'static str,
    label: &'static str,
    options: Signal<Vec<String>>,
    value: RwSignal<String>,
) -> impl IntoView {
    let id = dom_id(id);
    view! {
        <label for=id.clone()>{label}</label>
        <select id=id on:change=move |ev| value.set(event_target_value(&ev))>
            <option value="" selected=move || value.with(String::is_empty)>"All"</option>
            {move || options.get().into_iter().map(|o| {
                let selected = {
                    let o = o.clone();
                    move || value.with(|v| *v == o)
                };
                view! { <option value=o.clone() selected=selected>{o.clone()}</option> }
            }).collect_view()}
        </select>
    }
}

#[component]
pub fn ActivityFeedPage() -> impl IntoView {
    let data = use_data();
    let target = RwSignal::new(String::new());
    let actor = RwSignal::new(String::new());
    let distinct = move |f: fn(&ActivityEvent) -> &String| {
        data.activity().with(|l| {
            l.ready()
                .map(|events| events.iter().map(|e| f(e).clone()).collect::<BTreeSet<_>>())
                .unwrap_or_default()
                .into_iter()
                .collect::<Vec<_>>()
        })
    };
    let targets = Signal::derive(move || distinct(|e| &e.target));
    let actors = Signal::derive(move || distinct(|e| &e.principal));
    // Filtered once per change of the feed or a filter; the count and the table both read it.
    let state = Memo::new(move |_| data.activity().with(Load::has_items));
    // Over the Admin API the console keeps no feed of its own: an empty one says where to look instead.
    let live = crate::ui::shell::demo::use_demo().is_none();
    let total = move || data.activity().with(|l| l.ready().map_or(0, Vec::len));
    let shown = Memo::new(move |_| {
        let (t, a) = (target.get(), actor.get());
        let pick = |s: &str| (!s.is_empty()).then_some(s.to_string());
        let (t, a) = (pick(&t), pick(&a));
        data.activity().with(|l| {
            l.ready()
                .map(|events| {
                    events
                        .iter()
                        .filter(|e| e.matches(t.as_deref(), a.as_deref()))
                        .cloned()
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <section class="page">
            <h1>"Activity Feed"</h1>
            <Loaded load=state what="the activity feed" let:any>
                {match any {
                false if live => view! {
                    <p class="empty-state">"On a live Atlas project this console does not show the feed: see the project's Activity Feed in Atlas."</p>
                }.into_any(),
                false => view! {
                    <p class="empty-state">"No changes yet. Creating, updating or deleting a custom role or a database user is recorded here."</p>
                }.into_any(),
                true => view! {
                    <div class="toolbar feed-filters">
                        <FilterSelect id="feed-target" label="Role or user" options=targets value=target />
                        <FilterSelect id="feed-actor" label="By" options=actors value=actor />
                        <p class="count" role="status">
                            {move || format!("{} of {} changes", shown.with(Vec::len), total())}
                        </p>
                    </div>
                    <table class="activity-table">
                        <thead>
                            <tr>
                                <th scope="col">"Time"</th>
                                <th scope="col">"Event"</th>
                                <th scope="col">"Role or user"</th>
                                <th scope="col">"By"</th>
                                <th scope="col">"Change"</th>
                            </tr>
                        </thead>
                        {move || shown.get().into_iter().enumerate().map(|(i, e)| view! { <FeedEntry index=i event=e /> }).collect_view()}
                    </table>
                }.into_any(),
                }}
            </Loaded>
        </section>
    }
}

/// One change: its row, and (when it has a before/after) a button that shows it in the row below.
#[component]
fn FeedEntry(index: usize, event: ActivityEvent) -> impl IntoView {
    let open = RwSignal::new(false);
    let detail_id = dom_id(&format!("feed-change-{index}"));
    let controls = detail_id.clone();
    let target = event.target.clone();
    let change = event.change.clone();
    view! {
        <tbody>
            <tr>
                <td><time datetime=event.at.clone()>{event.at.replace('T', " ").trim_end_matches('Z').to_string()}" UTC"</time></td>
                <td>{event.kind.label()}</td>
                <td>{event.target.clone()}</td>
                <td>{event.principal.clone()}</td>
                <td>
                    {event.summary.clone()}
                    {change.is_some().then(|| view! {
                        " "
                        <button
                            type="button"
                            class="link-button"
                            aria-expanded=move || if open.get() { "true" } else { "false" }
                            aria-controls=controls.clone()
                            aria-label=format!("Show change to {target}")
                            on:click=move |_| open.update(|o| *o = !*o)
                        >
                            {move || if open.get() { "Hide change" } else { "Show change" }}
                        </button>
                    })}
                </td>
            </tr>
            {change.map(|c| view! {
                <tr id=detail_id hidden=move || !open.get() class="feed-change">
                    <td colspan="5"><ChangeList change=c /></td>
                </tr>
            })}
        </tbody>
    }
}
