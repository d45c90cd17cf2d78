//! The project's Activity Feed: every custom-role and database-user change with its time, who made it and what changed,
//! newest first (Atlas audits custom-role changes there).
use crate::ui::state::{use_data, Load, LoadStatus};
use leptos::prelude::*;

pub const ACTIVITY_PATH: &str = "/activity";

#[component]
pub fn ActivityFeedPage() -> impl IntoView {
    let data = use_data();
    view! {
        <section class="page">
            <h1>"Activity Feed"</h1>
            {move || match data.activity.get() {
                Load::Loading => view! { <LoadStatus data=data what="the activity feed" error=None /> }.into_any(),
            Load::Failed(e) => view! { <LoadStatus data=data what="the activity feed" error=Some(e) /> }.into_any(),
                Load::Ready(events) if events.is_empty() && !data.is_embedded() => view! {
                    <p class="empty-state">"On a live Atlas project this console does not show the feed: see the project's Activity Feed in Atlas."</p>
                }.into_any(),
                Load::Ready(events) if events.is_empty() => view! {
                    <p class="empty-state">"No changes yet. Creating, updating or deleting a custom role or a database user is recorded here."</p>
                }.into_any(),
                Load::Ready(events) => view! {
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
                        <tbody>
                            {events.into_iter().map(|e| view! {
                                <tr>
                                    <td><time datetime=e.at.clone()>{e.at.replace('T', " ").trim_end_matches('Z').to_string()}" UTC"</time></td>
                                    <td>{e.kind.label()}</td>
                                    <td>{e.target}</td>
                                    <td>{e.principal}</td>
                                    <td>{e.summary}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any(),
            }}
        </section>
    }
}
