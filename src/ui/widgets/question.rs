//! The two fields of an access question, "Can this user …?" and "Who can …?": an action and the
//! `db[.collection]` it is about (ignored for cluster actions). The answer is the caller's.
use crate::ui::shell::ids::dom_id;
use domain::catalog::Action;
use domain::lookup::question_target;
use domain::privileges::Target;
use leptos::prelude::*;

/// The action and resource typed so far; `target()` is `None` until a database is typed (cluster
/// actions need none).
#[derive(Clone, Copy)]
pub struct Question {
    pub action: RwSignal<Action>,
    pub namespace: RwSignal<String>,
}

impl Question {
    pub fn new(action: Action, namespace: &str) -> Self {
        Question {
            action: RwSignal::new(action),
            namespace: RwSignal::new(namespace.to_string()),
        }
    }

    /// The question's action and resource (tracked).
    pub fn get(&self) -> Option<(Action, Target)> {
        let action = self.action.get();
        self.namespace
            .with(|ns| question_target(action, ns))
            .map(|t| (action, t))
    }
}

#[component]
pub fn QuestionFields(
    /// Prefix of the fields' DOM ids (`{id}-action`, `{id}-namespace`).
    id: &'static str,
    question: Question,
) -> impl IntoView {
    let action_id = dom_id(&format!("{id}-action"));
    let ns_id = dom_id(&format!("{id}-namespace"));
    // enableSharding and checkMetadataConsistency may also be asked about a namespace.
    let is_cluster = move || {
        let a = question.action.get();
        a.resource() == domain::catalog::ResourceKind::Cluster && !a.on_namespaces_too()
    };
    view! {
        <label for=action_id.clone()>"Action"</label>
        <select
            id=action_id
            on:change=move |ev| {
                if let Some(a) = Action::from_api(&event_target_value(&ev)) {
                    question.action.set(a);
                }
            }
        >
            {Action::all().map(|a| view! {
                <option value=a.api() selected=move || question.action.get() == a>{a.server()}</option>
            }).collect_view()}
        </select>
        <label for=ns_id.clone()>"Database[.collection]"</label>
        <input
            id=ns_id
            type="text"
            placeholder=move || if is_cluster() { "cluster-wide action" } else { "sales.orders" }
            disabled=is_cluster
            prop:value=move || question.namespace.get()
            on:input=move |ev| question.namespace.set(event_target_value(&ev))
        />
    }
}
