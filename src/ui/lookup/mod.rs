//! Reverse lookup screens: "Used by" on a custom role (a dialog from its row) and the "Who can …?"
//! page, both answered by `domain::lookup` with the chain of roles behind each answer.
use crate::ui::shell::loaded::Loaded;
use crate::ui::shell::state::use_data;
use crate::ui::widgets::{Dialog, Question, QuestionFields};
use domain::catalog::Action;
use domain::lookup::{used_by, who_can, Holder};
use domain::text::plural;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// How a holder gets what was looked up: "directly" or "through top → mid". A role's chain starts with
/// the role itself (`skip_first`); in "Used by" every chain ends with the role looked up (`drop_last`).
fn through(chain: &[String], skip_first: bool, drop_last: bool) -> String {
    let start = usize::from(skip_first).min(chain.len());
    let end = chain
        .len()
        .saturating_sub(usize::from(drop_last))
        .max(start);
    match &chain[start..end] {
        [] => "directly".to_string(),
        via => format!("through {}", via.join(" → ")),
    }
}

/// A list of holders under a heading, or nothing when there are none.
fn holders(
    heading: &'static str,
    list: Vec<Holder>,
    skip_first: bool,
    drop_last: bool,
) -> impl IntoView {
    (!list.is_empty()).then(|| {
        view! {
            <h3>{heading}</h3>
            <ul class="holders">
                {list.into_iter().map(|h| {
                    let how = through(&h.chain, skip_first, drop_last);
                    view! { <li><strong>{h.name}</strong>" — "{how}</li> }
                }).collect_view()}
            </ul>
        }
    })
}

/// "Used by <role>": the users and roles holding it, directly or through inheritance.
#[component]
pub fn UsedByDialog(name: String, on_close: Callback<()>) -> impl IntoView {
    let data = use_data();
    let answer = {
        let name = name.clone();
        Memo::new(move |_| data.with_context(|ctx| used_by(&name, ctx.custom_roles, ctx.users)))
    };
    let empty_note = format!("No database user or custom role holds {name}.");
    view! {
        <Dialog id="used-by" title=format!("Used by {name}") on_close=on_close>
            <div class="dialog-body" role="status">
                {move || {
                    let a = answer.get();
                    if a.is_empty() {
                        view! { <p class="empty-state">{empty_note.clone()}</p> }.into_any()
                    } else {
                        view! {
                            {holders("Database users", a.users, false, true)}
                            {holders("Custom roles that inherit it", a.roles, true, true)}
                        }.into_any()
                    }
                }}
            </div>
            <div class="dialog-actions">
                <button type="button" class="button" on:click=move |_| on_close.run(())>"Close"</button>
            </div>
        </Dialog>
    }
}

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
