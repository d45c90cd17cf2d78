//! "Add or remove a custom role" for the users ticked in the list: the plan per user is shown (and every
//! refusal explained) before anything is sent; then updates go one at a time, with a result per user.
//! Each user is re-read just before its write: one changed or deleted since the plan was shown is left
//! as it is and reported, and "Plan again" starts from the users as they are now.
use crate::backend::Backend;
use crate::ui::shell::batch::{use_batch, BatchProgress, Ended};
use crate::ui::shell::ids::dom_id;
use crate::ui::shell::state::{use_data, Area};
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

#[component]
pub fn BulkAssignDialog(selected: BTreeSet<UserKey>, on_close: Callback<()>) -> impl IntoView {
    let data = use_data();
    let n = selected.len();
    let op = RwSignal::new(BulkOp::Add);
    let role = RwSignal::new(String::new());
    let batch = use_batch();
    let busy = move || batch.running();
    // How the last run ended.
    let ended = RwSignal::new(None::<Ended>);
    // Per user, once sent.
    let results = RwSignal::new(BTreeMap::<String, Sent>::new());
    // "Plan again" makes the plan anew from the users as loaded now.
    let replan = RwSignal::new(0u32);
    let role_names = move || {
        data.roles.with(|l| {
            l.ready()
                .map(|r| r.iter().map(|r| r.role_name.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let chosen_users = move || -> Vec<DatabaseUser> {
        data.users.with(|l| {
            l.ready()
                .map(|users| {
                    users
                        .iter()
                        .filter(|u| {
                            selected.contains(&(u.database_name.clone(), u.username.clone()))
                        })
                        .cloned()
                        .collect()
                })
                .unwrap_or_default()
        })
    };
    let planned_users = chosen_users.clone();
    // The plan is fixed once sending starts, so results line up with what was shown.
    let plan = Memo::new(move |prev: Option<&Vec<BulkEntry>>| {
        replan.track();
        if let Some(p) =
            prev.filter(|_| untrack(busy) || !results.with_untracked(BTreeMap::is_empty))
        {
            return p.clone();
        }
        let r = role.get();
        if r.is_empty() {
            return Vec::new();
        }
        let users = chosen_users();
        let now = (js_sys::Date::now() / 1000.0) as i64;
        data.with_context(|ctx| plan_bulk(&users, &r, op.get(), ctx, now))
    });
    let count = move || plan.with(|p| update_count(p));
    // Set when a run ends (the batch is no longer running then), cleared when the next one starts.
    let done = move || ended.with(Option::is_some);
    let apply = move |_: web_sys::MouseEvent| {
        // The users the shown plan was made from (the list is read again only after a write).
        let planned_from: Vec<DatabaseUser> = untrack(&planned_users);
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
    };
    let role_id = dom_id("bulk-role");
    view! {
        <Dialog id="bulk-assign" title=format!("Add or remove a custom role for {n} users") on_close=on_close>
            <div class="dialog-body">
                <fieldset class="transfer" disabled=move || busy() || done()>
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
                    <div class="field">
                        <label for=role_id.clone()>"Custom role"</label>
                        <select id=role_id on:change=move |ev| role.set(event_target_value(&ev))>
                            <option value="" selected=move || role.with(String::is_empty)>"Choose a custom role"</option>
                            {move || role_names().into_iter().map(|r| view! { <option value=r.clone()>{r.clone()}</option> }).collect_view()}
                        </select>
                    </div>
                </fieldset>
                {move || (!plan.with(Vec::is_empty)).then(|| view! {
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
                })}
                <p role="status">{move || {
                    if let Some(progress) = batch.progress("users") {
                        progress
                    } else if let Some(end) = ended.get() {
                        let count = |f: fn(&Sent) -> bool| results.with(|m| m.values().filter(|r| f(r)).count());
                        let updated = count(|r| *r == Sent::Updated);
                        let failed = count(|r| matches!(r, Sent::Failed(_)));
                        let skipped = match count(|r| matches!(r, Sent::Changed | Sent::Deleted)) {
                            0 => String::new(),
                            n => format!("{n} changed since you reviewed and not changed, "),
                        };
                        match end.stopped {
                            false => format!("Done: {updated} updated, {skipped}{failed} failed."),
                            true => format!("Stopped: {updated} updated, {skipped}{failed} failed, {} not sent.", end.not_sent()),
                        }
                    } else if role.with(String::is_empty) {
                        "Choose the custom role to add or remove.".to_string()
                    } else {
                        format!("{} of {n} users will be updated; nothing is sent until you apply.", count())
                    }
                }}</p>
                <BatchProgress batch=batch noun="users" />
            </div>
            <div class="dialog-actions">
                <button type="button" class="button" on:click=move |_| on_close.run(())>
                    {move || if done() { "Close" } else { "Cancel" }}
                </button>
                <Show when=move || done() && results.with(|m| m.values().any(|r| matches!(r, Sent::Changed | Sent::Deleted)))>
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
                        disabled=move || busy() || count() == 0
                        aria-busy=move || busy().then_some("true")
                        on:click={
                            let apply = apply.clone();
                            move |ev| apply(ev)
                        }
                    >
                        {move || format!("Apply to {} users", count())}
                    </button>
                </Show>
            </div>
        </Dialog>
    }
}
