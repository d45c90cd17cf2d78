//! What the user would be able to do, live as roles change: every (action, resource) grouped by resource
//! with the chain of roles that grants it, and a "Can this user …?" check. All from `domain::privileges`.
use crate::ui::ids::dom_id;
use domain::catalog::Action;
use domain::model::{CustomDbRole, DatabaseUser};
use domain::privileges::{Effective, Expander, Target};
use leptos::prelude::*;

fn effective(user: &DatabaseUser, roles: &[CustomDbRole]) -> Effective {
    Expander::new(roles).user(user)
}

fn chain_text(chain: &[String]) -> String {
    chain.join(" → ")
}

#[component]
pub fn EffectivePrivileges(
    #[prop(into)] user: Signal<DatabaseUser>,
    #[prop(into)] roles: Signal<Vec<CustomDbRole>>,
) -> impl IntoView {
    let eff = Memo::new(move |_| user.with(|u| roles.with(|r| effective(u, r))));
    let action = RwSignal::new(String::from("FIND"));
    let namespace = RwSignal::new(String::new());
    let answer = move || {
        let a = Action::from_api(&action.get())?;
        let ns = namespace.get();
        let ns = ns.trim();
        if ns.is_empty() {
            return None;
        }
        let (db, coll) = ns.split_once('.').unwrap_or((ns, ""));
        let target = if a.resource() == domain::catalog::ResourceKind::Cluster {
            Target::Cluster
        } else {
            Target::namespace(db, coll)
        };
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
                ns
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
                <label for=dom_id("can-action")>"Action"</label>
                <select id=dom_id("can-action") on:change=move |ev| action.set(event_target_value(&ev))>
                    {Action::all().map(|a| view! {
                        <option value=a.api() selected=a == Action::Find>{a.server()}</option>
                    }).collect_view()}
                </select>
                <label for=dom_id("can-namespace")>"Database[.collection]"</label>
                <input
                    id=dom_id("can-namespace")
                    type="text"
                    placeholder="sales.orders"
                    prop:value=move || namespace.get()
                    on:input=move |ev| namespace.set(event_target_value(&ev))
                />
                <p id=dom_id("can-answer") role="status">{answer}</p>
            </div>
        </section>
    }
}
