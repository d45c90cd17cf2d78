//! "Add or remove a custom role" for the users ticked in the list: the plan per user is shown (and every
//! refusal explained) before anything is sent; then updates go one at a time, with a result per user.
//! Each user is re-read just before its write: one changed or deleted since the plan was shown is left
//! as it is and reported, and "Plan again" starts from the users as they are now.
use crate::backend::Backend;
use crate::ui::shell::batch::{use_batch, Batch, BatchProgress, Ended};
use crate::ui::shell::ids::dom_id;
use crate::ui::shell::state::{use_data, Area};
use crate::ui::widgets::form::FormField;
use crate::ui::widgets::Dialog;
use domain::bulk::{plan_bulk, update_count, BulkEntry, BulkOp, BulkOutcome};
use domain::diff::same_user;
use domain::model::DatabaseUser;
use leptos::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// A user as the list identifies it: (auth database, username).
pub type UserKey = (String, String);

/// What happened to one user of the plan once applied.
#[derive(Clone, Debug, PartialEq)]
enum Sent {
    Updated,
    /// Re-read before its write, it was no longer as planned: not written.
    Changed,
    Deleted,
    Failed(String),
}

impl Sent {
    fn text(&self) -> String {
        match self {
            Sent::Updated => "Updated".to_string(),
            Sent::Changed => "Changed since you reviewed: not changed".to_string(),
            Sent::Deleted => "Deleted since you reviewed: not changed".to_string(),
            Sent::Failed(why) => format!("Failed: {why}"),
        }
    }
}

/// Writes `planned`'s new state only if the user is still `before` (as the plan was made from).
async fn apply_one(b: &dyn Backend, before: Option<DatabaseUser>, planned: DatabaseUser) -> Sent {
    let why = |e: domain::model::ApiError| e.message();
    let (db, name) = (planned.database_name.clone(), planned.username.clone());
    match b.get_database_user(db.clone(), name.clone()).await {
        Err(e) if e.error == 404 => Sent::Deleted,
        Err(e) => Sent::Failed(why(e)),
        Ok(now) if !before.is_some_and(|b| same_user(&now, &b)) => Sent::Changed,
        Ok(_) => match b.update_database_user(db, name, planned).await {
            Ok(_) => Sent::Updated,
            Err(e) => Sent::Failed(why(e)),
        },
    }
}

fn what_happens(e: &BulkEntry, role: &str, op: BulkOp) -> String {
    match (&e.outcome, op) {
        (BulkOutcome::Update(_), BulkOp::Add) => format!("Will get {role}"),
        (BulkOutcome::Update(_), BulkOp::Remove) => format!("Will lose {role}"),
        (BulkOutcome::Unchanged(why), _) => format!("No change: {why}"),
        (BulkOutcome::Refused(why), _) => format!("Refused: {why}"),
    }
}

/// What the dialog holds: the choice, the plan made from it, and what happened once applied.
#[derive(Clone, Copy)]
struct Bulk {
    op: RwSignal<BulkOp>,
    role: RwSignal<String>,
    batch: Batch,
    /// How the last run ended; set when a run ends, cleared when the next one starts.
    ended: RwSignal<Option<Ended>>,
    /// Per user, once sent.
    results: RwSignal<BTreeMap<String, Sent>>,
    /// "Plan again" makes the plan anew from the users as loaded now.
    replan: RwSignal<u32>,
    plan: Memo<Vec<BulkEntry>>,
    /// The ticked users as loaded: what the plan is made from.
    users: Memo<Vec<DatabaseUser>>,
}

impl Bulk {
    fn new(selected: BTreeSet<UserKey>) -> Self {
        let data = use_data();
        let (op, role) = (RwSignal::new(BulkOp::Add), RwSignal::new(String::new()));
        let batch = use_batch();
        let results = RwSignal::new(BTreeMap::<String, Sent>::new());
        let replan = RwSignal::new(0u32);
        let users = Memo::new(move |_| {
            data.users.with(|l| {
                let chosen = |u: &&DatabaseUser| {
                    selected.contains(&(u.database_name.clone(), u.username.clone()))
                };
                l.ready()
                    .map(|users| users.iter().filter(chosen).cloned().collect::<Vec<_>>())
                    .unwrap_or_default()
            })
        });
        // The plan is fixed once sending starts, so results line up with what was shown.
        let plan = Memo::new(move |prev: Option<&Vec<BulkEntry>>| {
            replan.track();
            let sent = untrack(|| batch.running()) || !results.with_untracked(BTreeMap::is_empty);
            if let Some(p) = prev.filter(|_| sent) {
                return p.clone();
            }
            let r = role.get();
            if r.is_empty() {
                return Vec::new();
            }
            let now = (js_sys::Date::now() / 1000.0) as i64;
            users.with(|u| data.with_context(|ctx| plan_bulk(u, &r, op.get(), ctx, now)))
        });
        Bulk {
            op,
            role,
            batch,
            ended: RwSignal::new(None),
            results,
            replan,
            plan,
            users,
        }
    }

    fn will_update(&self) -> usize {
        self.plan.with(|p| update_count(p))
    }

    fn done(&self) -> bool {
        self.ended.with(Option::is_some)
    }

    /// Sends the plan's updates one at a time, each only if its user is still as planned from.
    fn apply(&self) {
        let Bulk {
            batch,
            ended,
            results,
            plan,
            users,
            ..
        } = *self;
        let planned_from = users.get_untracked();
        let updates: Vec<(String, Option<DatabaseUser>, DatabaseUser)> = plan
            .get_untracked()
            .into_iter()
            .filter_map(|e| match e.outcome {
                BulkOutcome::Update(u) => {
                    let before = planned_from
                        .iter()
                        .find(|p| p.database_name == e.db && p.username == e.username)
                        .cloned();
                    Some((e.username, before, u))
                }
                _ => None,
            })
            .collect();
        let names: Vec<String> = updates.iter().map(|(n, _, _)| n.clone()).collect();
        ended.set(None);
        batch.run(
            Area::DatabaseAccess,
            updates,
            |b, (_, before, planned)| Box::pin(apply_one(b, before, planned)),
            move |i, r| {
                results.update(|m| {
                    m.insert(names[i].clone(), r);
                })
            },
            move |end| ended.set(Some(end)),
        );
    }
}

/// The dialog's status line: progress while sending, the tally once ended, else what applying would do.
fn status_text(
    progress: Option<String>,
    ended: Option<Ended>,
    results: &BTreeMap<String, Sent>,
    role_chosen: bool,
    will_update: usize,
    users: usize,
) -> String {
    if let Some(progress) = progress {
        return progress;
    }
    if let Some(end) = ended {
        let count = |f: fn(&Sent) -> bool| results.values().filter(|r| f(r)).count();
        let updated = count(|r| *r == Sent::Updated);
        let failed = count(|r| matches!(r, Sent::Failed(_)));
        let skipped = match count(|r| matches!(r, Sent::Changed | Sent::Deleted)) {
            0 => String::new(),
            n => format!("{n} changed since you reviewed and not changed, "),
        };
        return match end.stopped {
            false => format!("Done: {updated} updated, {skipped}{failed} failed."),
            true => format!(
                "Stopped: {updated} updated, {skipped}{failed} failed, {} not sent.",
                end.not_sent()
            ),
        };
    }
    match role_chosen {
        false => "Choose the custom role to add or remove.".to_string(),
        true => format!(
            "{will_update} of {users} users will be updated; nothing is sent until you apply."
        ),
    }
}

#[component]
pub fn BulkAssignDialog(selected: BTreeSet<UserKey>, on_close: Callback<()>) -> impl IntoView {
    let n = selected.len();
    let bulk = Bulk::new(selected);
    let status = move || {
        let role_chosen = bulk.role.with(|r| !r.is_empty());
        let ended = bulk.ended.get();
        let progress = bulk.batch.progress("users");
        bulk.results
            .with(|r| status_text(progress, ended, r, role_chosen, bulk.will_update(), n))
    };
    view! {
        <Dialog id="bulk-assign" title=format!("Add or remove a custom role for {n} users") on_close=on_close>
            <div class="dialog-body">
                <BulkChoice bulk=bulk />
                <PlanTable bulk=bulk />
                <p role="status">{status}</p>
                <BatchProgress batch=bulk.batch noun="users" />
            </div>
            <BulkActions bulk=bulk on_close=on_close />
        </Dialog>
    }
}

/// Add or remove, and which custom role.
#[component]
fn BulkChoice(bulk: Bulk) -> impl IntoView {
    let data = use_data();
    let Bulk { op, role, .. } = bulk;
    view! {
        <fieldset class="transfer" disabled=move || bulk.batch.running() || bulk.done()>
            <legend>"Change"</legend>
            <div class="bulk-ops">
            {[(BulkOp::Add, "Add the role"), (BulkOp::Remove, "Remove the role")].into_iter().map(|(o, label)| {
                let id = dom_id(if o == BulkOp::Add { "bulk-add" } else { "bulk-remove" });
                let label_for = id.clone();
                view! {
                    <label class="checkbox" for=label_for>
                        <input id=id type="radio" name=dom_id("bulk-op") prop:checked=move || op.get() == o on:change=move |_| op.set(o) />
                        {label}
                    </label>
                }
            }).collect_view()}
            </div>
            <FormField id="bulk-role" label="Custom role" let:c>
                <select id=c.id() on:change=move |ev| role.set(event_target_value(&ev))>
                    <option value="" selected=move || role.with(String::is_empty)>"Choose a custom role"</option>
                    {move || data.role_names().into_iter().map(|r| view! { <option value=r.clone()>{r.clone()}</option> }).collect_view()}
                </select>
            </FormField>
        </fieldset>
    }
}

/// The plan per user, and each result once sent.
#[component]
fn PlanTable(bulk: Bulk) -> impl IntoView {
    let Bulk {
        op,
        role,
        ended,
        results,
        plan,
        ..
    } = bulk;
    move || {
        (!plan.with(Vec::is_empty)).then(|| view! {
        <table class="bulk-plan">
            <thead><tr><th scope="col">"User"</th><th scope="col">"What will happen"</th><th scope="col">"Result"</th></tr></thead>
            <tbody>
                {plan.get().into_iter().map(|e| {
                    let text = what_happens(&e, &role.get_untracked(), op.get_untracked());
                    let refused = matches!(e.outcome, BulkOutcome::Refused(_));
                    let name = e.username.clone();
                    view! {
                        <tr>
                            <th scope="row">{e.username.clone()}</th>
                            <td class:field-error=refused>{text}</td>
                            <td>{move || results.with(|m| match m.get(&name) {
                                Some(r) => r.text(),
                                None if ended.with(|e| e.is_some_and(|e| e.stopped)) => "Not sent (stopped)".to_string(),
                                None => String::new(),
                            })}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    })
    }
}

#[component]
fn BulkActions(bulk: Bulk, on_close: Callback<()>) -> impl IntoView {
    let Bulk {
        batch,
        ended,
        results,
        replan,
        ..
    } = bulk;
    let busy = move || batch.running();
    let done = move || bulk.done();
    let skipped_some = move || {
        results.with(|m| {
            m.values()
                .any(|r| matches!(r, Sent::Changed | Sent::Deleted))
        })
    };
    view! {
        <div class="dialog-actions">
            <button type="button" class="button" on:click=move |_| on_close.run(())>
                {move || if done() { "Close" } else { "Cancel" }}
            </button>
            <Show when=move || done() && skipped_some()>
                <button type="button" class="button button-primary" on:click=move |_| {
                    results.set(BTreeMap::new());
                    ended.set(None);
                    replan.update(|n| *n += 1);
                }>"Plan again"</button>
            </Show>
            <Show when=move || !done()>
                <button
                    type="button"
                    class="button button-primary"
                    disabled=move || busy() || bulk.will_update() == 0
                    aria-busy=move || busy().then_some("true")
                    on:click=move |_| bulk.apply()
                >
                    {move || format!("Apply to {} users", bulk.will_update())}
                </button>
            </Show>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn the_status_line_follows_the_dialog_from_choosing_to_the_tally() {
        let sent: BTreeMap<String, Sent> = [
            ("a", Sent::Updated),
            ("b", Sent::Changed),
            ("c", Sent::Failed("no".into())),
        ]
        .into_iter()
        .map(|(n, r)| (n.to_string(), r))
        .collect();
        let only_a: BTreeMap<String, Sent> = [("a".to_string(), Sent::Updated)].into();
        let none = BTreeMap::new();
        let ended = |sent, stopped| {
            Some(Ended {
                sent,
                total: 3,
                stopped,
            })
        };
        let sending = Some("Sending 2 of 3 users…".to_string());
        // (progress, how it ended, results, a role chosen, users it would update) → the line.
        let table = [
            (
                None,
                None,
                &none,
                false,
                0,
                "Choose the custom role to add or remove.",
            ),
            (
                None,
                None,
                &none,
                true,
                2,
                "2 of 3 users will be updated; nothing is sent until you apply.",
            ),
            (sending, None, &none, true, 3, "Sending 2 of 3 users…"),
            (
                None,
                ended(3, false),
                &sent,
                true,
                3,
                "Done: 1 updated, 1 changed since you reviewed and not changed, 1 failed.",
            ),
            (
                None,
                ended(1, true),
                &only_a,
                true,
                3,
                "Stopped: 1 updated, 0 failed, 2 not sent.",
            ),
        ];
        for (progress, end, results, chosen, will, says) in table {
            assert_eq!(status_text(progress, end, results, chosen, will, 3), says);
        }
    }
}
