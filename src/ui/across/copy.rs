//! "Copy to projects…": pick the target projects, see the plan per project (checked with the editor's
//! rules against that project's own data: `domain::across::plan_copy`), confirm, then the writes go one at
//! a time with "N of M" and Stop (`shell::batch`, as bulk assignment), and a result per role and project.
//! An update re-reads the role first: one changed since the plan was read is not written but shown as a
//! conflict (`widgets::ConflictStep`, as in the editor) for the person to decide.
use super::export::AcrossExport;
use super::{count, other_projects, roles_named, OtherProject, Others, ProjectRead};
use crate::backend::Backend;
use crate::ui::shell::batch::{use_batch, BatchProgress, Ended};
use crate::ui::shell::ids::dom_id;
use crate::ui::shell::routes;
use crate::ui::shell::state::{use_data, Area, Load};
use crate::ui::widgets::{focus_when_shown, ChangeList, ConfirmDialog, ConflictStep};
use domain::across::{plan_copy, PlannedRole, Step, Target};
use domain::diff::{role_change, same_role};
use domain::model::{CustomDbRole, UpdateCustomDbRole};
use domain::validate::ProjectContext;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

/// The plan for one target project.
#[derive(Clone, Debug, PartialEq)]
struct ProjectPlan {
    id: String,
    name: String,
    plan: Load<Vec<PlannedRole>>,
}

/// What happened to one planned write.
#[derive(Clone, Debug, PartialEq)]
enum Sent {
    Created,
    Updated,
    /// Re-read before the update, it was no longer as planned: not written (`theirs` is it now).
    Changed(CustomDbRole),
    /// Deleted there since the plan was read: not written.
    Deleted,
    /// The person chose to leave their version after a conflict.
    KeptTheirs,
    Failed(String),
}

impl Sent {
    fn text(&self) -> String {
        match self {
            Sent::Created => "Created".into(),
            Sent::Updated => "Updated".into(),
            Sent::Changed(_) => "Changed since the plan was read: not changed".into(),
            // Someone deleted it on purpose, as far as the console can tell: creating it again is a new
            // plan's decision ("Plan again"), not this update's.
            Sent::Deleted => "Deleted since the plan was read: not created again".into(),
            Sent::KeptTheirs => "Kept theirs: not changed".into(),
            Sent::Failed(why) => format!("Failed: {why}"),
        }
    }
}

/// (project id, role name).
type Key = (String, String);

/// One write of the plan.
struct Write {
    key: Key,
    backend: Rc<dyn Backend>,
    planned: PlannedRole,
}

/// Creates the role, or updates it only if it is still as the plan read it (the Admin API has no
/// conditional update, so this is as close as a client gets).
async fn send(b: Rc<dyn Backend>, planned: PlannedRole) -> Sent {
    let why = |e: domain::model::ApiError| Sent::Failed(e.message());
    let role = planned.role;
    match planned.step {
        Step::Create => match b.create_custom_role(role).await {
            Ok(_) => Sent::Created,
            Err(e) => why(e),
        },
        Step::Update { before, .. } => {
            match b.get_custom_role(role.role_name.clone()).await {
                Err(e) if e.error == 404 => return Sent::Deleted,
                Err(e) => return why(e),
                Ok(now) if !same_role(&now, &before) => return Sent::Changed(now),
                Ok(_) => {}
            }
            let update = UpdateCustomDbRole::from(&role);
            match b.update_custom_role(role.role_name, update).await {
                Ok(_) => Sent::Updated,
                Err(e) => why(e),
            }
        }
        Step::Identical | Step::Refused(_) => Sent::Failed("not to be sent".into()),
    }
}

/// A write's result, once sent; "Not sent (stopped)" for one Stop came before.
fn result_text(sent: Option<&Sent>, stopped: bool) -> String {
    match (sent, stopped) {
        (Some(s), _) => s.text(),
        (None, true) => "Not sent (stopped)".into(),
        (None, false) => String::new(),
    }
}

fn step_text(step: &Step) -> &'static str {
    match step {
        Step::Create => "Will be created",
        Step::Update { .. } => "Will be updated",
        Step::Identical => "Already identical: nothing to send",
        Step::Refused(_) => "Refused",
    }
}

fn sends(step: &Step) -> bool {
    matches!(step, Step::Create | Step::Update { .. })
}

/// The plan of `roles` against a project as read.
fn plan_against(roles: &[CustomDbRole], read: &ProjectRead) -> Vec<PlannedRole> {
    let ctx = ProjectContext {
        custom_roles: &read.roles,
        users: &[],
        clusters: &read.info.clusters,
        custom_role_limit: read.info.custom_role_limit,
    };
    plan_copy(
        roles,
        Target {
            ctx,
            principal: &read.info.principal,
        },
    )
}

#[component]
pub fn CopyRolesPage() -> impl IntoView {
    let data = use_data();
    let query = use_query_map();
    let (names, to): (Vec<String>, Vec<String>) = query.with_untracked(|q| {
        (
            q.get_all("roles").unwrap_or_default(),
            q.get_all("to").unwrap_or_default(),
        )
    });
    let names = StoredValue::new(names);
    let roles = Memo::new(move |_| names.with_value(|n| roles_named(data, n)));
    let projects = Memo::new(move |_| other_projects(data));
    let ticked = RwSignal::new(to.into_iter().collect::<BTreeSet<String>>());
    let others = Others::new();
    // A ticked project is read the first time it is ticked, and once the projects are known: through a
    // portal they are its answer to who the person is, and a shared link opened cold ticks before it.
    Effect::new(move |_| {
        projects.track();
        for id in ticked.get() {
            others.read(data, &id, false);
        }
    });
    let batch = use_batch();
    let ended = RwSignal::new(None::<Ended>);
    let results = RwSignal::new(BTreeMap::<Key, Sent>::new());
    let confirming = RwSignal::new(false);
    // The plan as applied: fixed once sending starts, so results line up with what was confirmed.
    let applied = RwSignal::new(None::<Vec<ProjectPlan>>);
    // Each project's plan, made when it (or this project) is read, not when a project is ticked: against
    // 1,400 roles a plan takes tens of milliseconds (scripts/bench).
    let planned = Memo::new(move |_| {
        let roles = roles.get();
        others.reads.with(|reads| {
            reads
                .iter()
                .map(|(id, read)| (id.clone(), read.map(|r| plan_against(&roles, r))))
                .collect::<BTreeMap<_, _>>()
        })
    });
    let live = Memo::new(move |_| {
        projects.with(|all| {
            planned.with(|planned| {
                ticked.with(|t| {
                    all.iter()
                        .filter(|p| t.contains(&p.id))
                        .map(|p| ProjectPlan {
                            id: p.id.clone(),
                            name: p.name.clone(),
                            plan: planned.get(&p.id).cloned().unwrap_or(Load::Loading),
                        })
                        .collect::<Vec<_>>()
                })
            })
        })
    });
    let plans = Memo::new(move |_| applied.get().unwrap_or_else(|| live.get()));
    let writes_planned = move || {
        plans.with(|ps| {
            let mut created = 0;
            let mut updated = 0;
            let mut projects = 0;
            for p in ps {
                if let Some(plan) = p.plan.ready() {
                    let c = plan.iter().filter(|r| r.step == Step::Create).count();
                    let u = plan
                        .iter()
                        .filter(|r| matches!(r.step, Step::Update { .. }))
                        .count();
                    created += c;
                    updated += u;
                    projects += usize::from(c + u > 0);
                }
            }
            (created, updated, projects)
        })
    };
    // This project's roles, or a target's, still being read: no plan to apply yet.
    let reading = move || {
        data.roles.with(|r| *r == Load::Loading)
            || plans.with(|ps| ps.iter().any(|p| p.plan == Load::Loading))
    };
    let done = move || ended.with(Option::is_some);
    let busy = move || batch.running();

    let apply = move || {
        confirming.set(false);
        let fixed = live.get_untracked();
        let mut writes = Vec::new();
        for p in &fixed {
            let Some(b) = others.backend(data, &p.id) else {
                continue;
            };
            for planned in p.plan.ready().into_iter().flatten() {
                if sends(&planned.step) {
                    writes.push(Write {
                        key: (p.id.clone(), planned.role.role_name.clone()),
                        backend: b.clone(),
                        planned: planned.clone(),
                    });
                }
            }
        }
        let keys: Vec<Key> = writes.iter().map(|w| w.key.clone()).collect();
        applied.set(Some(fixed));
        results.set(BTreeMap::new());
        ended.set(None);
        batch.run(
            Area::DatabaseAccess,
            writes,
            |_, w| Box::pin(send(w.backend, w.planned)),
            move |i, r| results.update(|m| drop(m.insert(keys[i].clone(), r))),
            move |end| ended.set(Some(end)),
        );
    };
    let plan_again = move |_| {
        results.set(BTreeMap::new());
        ended.set(None);
        applied.set(None);
        // Both sides as they are now: this project's roles may have changed too (another tab, a colleague).
        data.refresh(Area::DatabaseAccess);
        for id in ticked.get_untracked() {
            others.read(data, &id, true);
        }
    };

    let status = move || {
        if let Some(progress) = batch.progress("roles") {
            return progress;
        }
        if let Some(end) = ended.get() {
            let n = |f: fn(&Sent) -> bool| results.with(|m| m.values().filter(|r| f(r)).count());
            let created = n(|r| *r == Sent::Created);
            let updated = n(|r| *r == Sent::Updated);
            let failed = n(|r| matches!(r, Sent::Failed(_)));
            let mut skipped = String::new();
            let changed = n(|r| matches!(r, Sent::Changed(_) | Sent::KeptTheirs));
            if changed > 0 {
                skipped += &format!("{changed} changed since the plan was read and not changed, ");
            }
            let deleted = n(|r| *r == Sent::Deleted);
            if deleted > 0 {
                skipped +=
                    &format!("{deleted} deleted since the plan was read and not created again, ");
            }
            return match end.stopped {
                false => format!("Done: {created} created, {updated} updated, {skipped}{failed} failed."),
                true => format!(
                    "Stopped: {created} created, {updated} updated, {skipped}{failed} failed, {} not sent.",
                    end.not_sent()
                ),
            };
        }
        if ticked.with(BTreeSet::is_empty) {
            return "Pick the projects to copy to.".to_string();
        }
        if reading() {
            return "Reading the projects' custom roles…".to_string();
        }
        let (created, updated, in_projects) = writes_planned();
        format!(
            "{} will be created and {updated} updated in {}; nothing is sent until you apply.",
            count(created, "role"),
            count(in_projects, "project")
        )
    };

    let title = names.with_value(|n| match n.as_slice() {
        [] => "Copy all custom roles to other projects".to_string(),
        [one] => format!("Copy {one} to other projects"),
        many => format!("Copy {} custom roles to other projects", many.len()),
    });
    view! {
        <section class="page copy-roles" aria-labelledby=dom_id("copy-title")>
            <h2 id=dom_id("copy-title")>{title}</h2>
            <p class="help">
                "Atlas keeps custom roles per project. Each target project is checked with the same rules as the editor, against its own custom roles, clusters and limit, and your roles there. Nothing is sent until you apply."
            </p>
            <p class="copy-role-names">
                <span class="header-label">"Custom roles: "</span>
                {move || roles.with(|r| r.iter().map(|r| r.role_name.clone()).collect::<Vec<_>>().join(", "))}
            </p>
            <TargetPicker projects=projects ticked=ticked locked=Signal::derive(move || busy() || done())
                loading=Signal::derive(move || data.project.with(|p| *p == Load::Loading)) />
            // A handful of projects: the tables are built again when the plans change (a project read or
            // ticked; a keyed <For> sparing the others cost 2.6 KB brotli more in the chunk).
            {move || plans.get().into_iter().map(|p| view! { <ProjectPlanTable plan=p results=results ended=ended /> }).collect_view()}
            <p role="status" id=dom_id("copy-status")>{status}</p>
            <BatchProgress batch=batch noun="roles" />
            <Conflicts plans=plans results=results others=others />
            <div class="form-actions">
                <a class="button" href=crate::ui::shell::base::link(routes::CUSTOM_ROLES)>
                    {move || if done() { "Back to Custom Roles" } else { "Cancel" }}
                </a>
                <Show when=move || done()>
                    <button type="button" class="button" on:click=plan_again>"Plan again"</button>
                </Show>
                <Show when=move || !done()>
                    <button
                        type="button"
                        class="button button-primary"
                        disabled=move || busy() || reading() || writes_planned().2 == 0
                        aria-busy=move || busy().then_some("true")
                        on:click=move |_| confirming.set(true)
                    >
                        {move || format!("Apply to {}", count(writes_planned().2, "project"))}
                    </button>
                </Show>
            </div>
            <AcrossExport roles=roles projects=Signal::derive(move || {
                projects.with(|all| ticked.with(|t| all.iter().filter(|p| t.contains(&p.id)).cloned().collect::<Vec<_>>()))
            }) />
        </section>
        {move || confirming.get().then(|| {
            let lines = plans.with_untracked(|ps| {
                let mut lines = Vec::new();
                for p in ps {
                    let named = |want: fn(&Step) -> bool| {
                        p.plan.ready().into_iter().flatten().filter(|r| want(&r.step)).map(|r| r.role.role_name.clone()).collect::<Vec<_>>().join(", ")
                    };
                    let created = named(|s| *s == Step::Create);
                    let updated = named(|s| matches!(s, Step::Update { .. }));
                    if !created.is_empty() {
                        lines.push(format!("{}: create {created}", p.name));
                    }
                    if !updated.is_empty() {
                        lines.push(format!("{}: update {updated}", p.name));
                    }
                }
                lines
            });
            let (_, _, n) = writes_planned();
            view! {
                <ConfirmDialog
                    id="copy-confirm"
                    title=format!("Copy custom roles to {}?", count(n, "project"))
                    confirm_label="Copy"
                    on_confirm=Callback::new(move |_| apply())
                    on_cancel=Callback::new(move |_| confirming.set(false))
                >
                    <p>"These writes go to Atlas one at a time; an update is sent only if the role is still as the plan read it."</p>
                    <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                </ConfirmDialog>
            }
        })}
    }
}

fn tick(ticked: &mut BTreeSet<String>, id: &str, on: bool) {
    match on {
        true => ticked.insert(id.to_string()),
        false => ticked.remove(id),
    };
}

/// The projects to copy to: a checkbox each; one the person can't change custom roles on is shown
/// disabled with the reason next to it.
#[component]
fn TargetPicker(
    projects: Memo<Vec<OtherProject>>,
    ticked: RwSignal<BTreeSet<String>>,
    locked: Signal<bool>,
    /// This project (and with it the list of the others) is still being read.
    loading: Signal<bool>,
) -> impl IntoView {
    view! {
        <fieldset class="copy-targets" disabled=move || locked.get()>
            <legend>"Target projects"</legend>
            {move || {
                let all = projects.get();
                if loading.get() {
                    return view! { <p class="loading" role="status">"Loading your projects…"</p> }.into_any();
                }
                if all.is_empty() {
                    return view! { <p class="empty-state">"You have no other project here to copy to."</p> }.into_any();
                }
                all.into_iter().map(|p| {
                    let id = dom_id(&format!("copy-to-{}", p.id));
                    let why_id = format!("{id}-why");
                    let project = p.id.clone();
                    let checked = p.id.clone();
                    let refused = p.refusal.is_some();
                    view! {
                        <div class="copy-target">
                            <label class="checkbox" for=id.clone()>
                                <input
                                    id=id.clone()
                                    type="checkbox"
                                    disabled=refused
                                    aria-describedby=refused.then(|| why_id.clone())
                                    prop:checked=move || ticked.with(|t| t.contains(&checked))
                                    on:change=move |ev| ticked.update(|t| tick(t, &project, event_target_checked(&ev)))
                                />
                                {p.name.clone()}
                            </label>
                            {p.refusal.map(|why| view! { <span id=why_id class="help">{why}</span> })}
                        </div>
                    }
                }).collect_view().into_any()
            }}
        </fieldset>
    }
}

#[component]
fn ProjectPlanTable(
    plan: ProjectPlan,
    results: RwSignal<BTreeMap<Key, Sent>>,
    ended: RwSignal<Option<Ended>>,
) -> impl IntoView {
    let heading = dom_id(&format!("copy-plan-{}", plan.id));
    let id = plan.id.clone();
    let body = match plan.plan {
        Load::Loading => view! { <p class="loading" role="status">{format!("Reading {}…", plan.name)}</p> }.into_any(),
        Load::Failed(e) => view! {
            <p class="field-error" role="alert">{format!("{} could not be read: {}", plan.name, e.message())}</p>
        }.into_any(),
        Load::Ready(rows) => view! {
            <table class="bulk-plan copy-plan" aria-labelledby=heading.clone()>
                <thead><tr><th scope="col">"Custom role"</th><th scope="col">"What will happen"</th><th scope="col">"Result"</th></tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| {
                        let key = (id.clone(), r.role.role_name.clone());
                        let will_send = sends(&r.step);
                        let refused = matches!(r.step, Step::Refused(_));
                        let text = step_text(&r.step);
                        let detail = match r.step {
                            Step::Update { change, .. } => Some(view! { <ChangeList change=change /> }.into_any()),
                            Step::Refused(why) => Some(view! { <ul class="copy-reasons">{why.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul> }.into_any()),
                            _ => None,
                        };
                        view! {
                            <tr>
                                <th scope="row">{r.role.role_name.clone()}</th>
                                <td class:field-error=refused>{text}{detail}</td>
                                <td>{move || {
                                    let stopped = will_send && ended.with(|e| e.is_some_and(|e| e.stopped));
                                    results.with(|m| result_text(m.get(&key), stopped))
                                }}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        }.into_any(),
    };
    view! {
        <section class="copy-project">
            <h3 id=heading.clone()>{plan.name.clone()}</h3>
            {body}
        </section>
    }
}

/// The first write not made because the role changed since the plan was read: both changes, and the
/// person's choice (as the editor's conflict).
#[component]
fn Conflicts(
    plans: Memo<Vec<ProjectPlan>>,
    results: RwSignal<BTreeMap<Key, Sent>>,
    others: Others,
) -> impl IntoView {
    let data = use_data();
    let sending = RwSignal::new(false);
    let first = Memo::new(move |_| {
        results.with(|m| {
            m.iter().find_map(|(k, s)| match s {
                Sent::Changed(theirs) => Some((k.clone(), theirs.clone())),
                _ => None,
            })
        })
    });
    Effect::new(move |_| {
        if first.with(Option::is_some) {
            focus_when_shown("conflict-title");
        }
    });
    move || {
        let ((project, name), theirs) = first.get()?;
        let (project_name, planned) = plans.with_untracked(|ps| {
            let p = ps.iter().find(|p| p.id == project)?;
            let r = p
                .plan
                .ready()?
                .iter()
                .find(|r| r.role.role_name == name)?
                .clone();
            Some((p.name.clone(), r))
        })?;
        let Step::Update { before, .. } = &planned.step else {
            return None;
        };
        let their_change = role_change(before, &theirs);
        let my_change = role_change(before, &planned.role);
        let key = (project.clone(), name.clone());
        let set = move |s: Sent| results.update(|m| drop(m.insert(key.clone(), s)));
        let keep = {
            let set = set.clone();
            let (project, theirs, mine) = (project.clone(), theirs.clone(), planned.role.clone());
            Callback::new(move |_| {
                let Some(b) = others.backend(data, &project) else {
                    return;
                };
                sending.set(true);
                let set = set.clone();
                let planned = PlannedRole {
                    role: mine.clone(),
                    step: Step::Update {
                        change: role_change(&theirs, &mine),
                        before: theirs.clone(),
                    },
                };
                leptos::task::spawn_local(async move {
                    let sent = send(b, planned).await;
                    sending.try_set(false);
                    set(sent);
                });
            })
        };
        let take = {
            let set = set.clone();
            Callback::new(move |_| set(Sent::KeptTheirs))
        };
        let merge = crate::ui::shell::base::link(crate::ui::shell::base::on_project(
            &routes::edit_role(&name),
            &crate::ui::shell::base::use_carried(),
            &project,
        ));
        Some(view! {
            <ConflictStep
                title=format!("Someone else changed {name} in {project_name}")
                message=format!("{name} in {project_name} was changed since the plan was read, so it was not updated. Keep mine replaces its actions and inherited roles with this project's, and their change would be lost; Take theirs leaves it as it is; Merge by hand opens it in {project_name}'s editor in a new tab, and this page stays open.")
                their_change=their_change
                my_change=my_change
                busy=Signal::derive(move || sending.get())
                on_keep_mine=keep
                on_take_theirs=take
                merge_href=merge
            />
        })
    }
}
