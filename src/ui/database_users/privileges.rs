//! What the user would be able to do, live as roles change: every (action, resource) grouped by resource
//! with the chain of roles that grants it, and a "Can this user …?" check. All from `domain::privileges`.
use crate::ui::shell::ids::dom_id;
use crate::ui::widgets::{Question, QuestionFields};
use domain::catalog::Action;
use domain::model::{CustomDbRole, DatabaseUser};
use domain::privileges::{Effective, Expander};
use leptos::prelude::*;

fn effective(user: &DatabaseUser, roles: &[CustomDbRole]) -> Effective {
    Expander::new(roles).user(user)
}

pub fn chain_text(chain: &[String]) -> String {
    chain.join(" → ")
}

#[component]
pub fn EffectivePrivileges(
    #[prop(into)] user: Signal<DatabaseUser>,
    #[prop(into)] roles: Signal<Vec<CustomDbRole>>,
) -> impl IntoView {
    let eff = Memo::new(move |_| user.with(|u| roles.with(|r| effective(u, r))));
    let question = Question::new(Action::Find, "");
    let answer = move || {
        let (a, target) = question.get()?;
        Some(eff.with(|e| match e.can(a, &target) {
            Some(g) => format!(
                "Yes: {} on {} through {}",
                a.server(),
                g.target,
                chain_text(&g.chain)
            ),
            None => format!(
                "No: nothing this user holds grants {} on {}",
                a.server(),
                target
            ),
        }))
    };
    view! {
        <section class="effective" aria-labelledby=dom_id("effective-title")>
            <h3 id=dom_id("effective-title")>"Effective privileges"</h3>
            {move || eff.with(|e| {
                let groups = e.by_target();
                if groups.is_empty() {
                    return view! { <p class="empty-state">"No privileges yet: choose a role."</p> }.into_any();
                }
                view! {
                    <ul class="effective-list">
                        {groups.into_iter().map(|(target, grants)| view! {
                            <li>
                                <strong>{target.to_string()}</strong>
                                <ul>
                                    {grants.into_iter().map(|g| view! {
                                        <li><code>{g.action.server()}</code>" — "{chain_text(&g.chain)}</li>
                                    }).collect_view()}
                                </ul>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            })}
            <div class="can-check">
                <h4>"Can this user …?"</h4>
                <QuestionFields id="can" question=question />
                <p id=dom_id("can-answer") role="status">{answer}</p>
            </div>
        </section>
    }
}
