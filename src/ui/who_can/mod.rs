//! "Who can …?": every database user and custom role granted an action on a resource, answered by
//! `domain::lookup` with the chain of roles behind each answer ("Used by" on a role is `widgets::UsedByDialog`).
use crate::ui::shell::state::use_data;
use crate::ui::widgets::{holders, Loaded, Question, QuestionFields};
use domain::catalog::Action;
use domain::lookup::who_can;
use domain::text::plural;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// "Who can …?": every database user and custom role granted an action on a resource, and how. The
/// question can come in the address (`?action=FIND&ns=sales.orders`) so an answer can be shared.
#[component]
pub fn WhoCanPage() -> impl IntoView {
    let data = use_data();
    let query = use_query_map();
    let (action, ns) = query.with_untracked(|q| {
        (
            q.get("action").and_then(|a| Action::from_api(&a)),
            q.get("ns").unwrap_or_default(),
        )
    });
    let question = Question::new(action.unwrap_or(Action::Find), &ns);
    let loaded = Memo::new(move |_| data.roles.with(|r| data.users.with(|u| r.both(u))));
    let answer = Memo::new(move |_| {
        let (action, target) = question.get()?;
        let who = data.with_context(|ctx| who_can(action, &target, ctx.custom_roles, ctx.users));
        Some((action, target, who))
    });
    view! {
        <section class="page">
            <h1>"Who can …?"</h1>
            <p class="help">"Pick an action and a database (optionally .collection): every database user and custom role granted it, directly or through the roles they inherit, built-in roles included."</p>
            <div class="question">
                <QuestionFields id="who-can" question=question />
            </div>
            <Loaded load=loaded what="the project" let:_ready>
                {view! {
                    <div class="who-can-answer" role="status">
                        {move || match answer.get() {
                            None => view! { <p>"Type a database to see who can."</p> }.into_any(),
                            Some((action, target, who)) => {
                                let summary = if who.users.is_empty() && who.roles.is_empty() {
                                    format!("No database user or custom role can {} on {target}.", action.server())
                                } else {
                                    format!(
                                        "{} and {} can {} on {target}.",
                                        plural(who.users.len(), "database user"),
                                        plural(who.roles.len(), "custom role"),
                                        action.server()
                                    )
                                };
                                view! {
                                    <p>{summary}</p>
                                    {holders("Database users", who.users, false, false)}
                                    {holders("Custom roles", who.roles, true, false)}
                                }.into_any()
                            }
                        }}
                    </div>
                }}
            </Loaded>
        </section>
    }
}
