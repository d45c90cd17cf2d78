//! "Compare projects": this project's custom roles against the same names in the other projects the
//! person may read, as same / different / missing (`domain::across::compare`). A cell opens the diff and
//! offers the copy; "Show drift only" keeps the roles that differ somewhere. The comparison is made once
//! per read (1,400 roles × 5 projects: milliseconds, see the domain bench); only a page of rows is in the
//! DOM at a time, as in the list.
use super::{count, other_projects, Others, ProjectRead};
use crate::ui::shell::base::link;
use crate::ui::shell::ids::dom_id;
use crate::ui::shell::routes;
use crate::ui::shell::state::{use_data, Load};
use crate::ui::widgets::Loaded;
use crate::ui::widgets::{ChangeList, SearchBox};
use domain::across::{compare, Drift};
use domain::diff::{role_lines, Change};
use domain::model::CustomDbRole;
use leptos::prelude::*;

/// Rows per page, as the list.
const PAGE: usize = 20;

/// A project compared against: its id and name.
#[derive(Clone, Debug, PartialEq)]
struct Column {
    id: String,
    name: String,
}

/// One role of this project and where it stands in each column.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    name: String,
    drift: Vec<Drift>,
    drifted: bool,
}

fn label(d: &Drift) -> &'static str {
    match d {
        Drift::Same => "Same",
        Drift::Different(_) => "Different",
        Drift::Missing => "Missing",
    }
}

#[component]
pub fn CompareProjectsPage() -> impl IntoView {
    let data = use_data();
    let projects = Memo::new(move |_| other_projects(data));
    let others = Others::new();
    Effect::new(move |_| {
        for p in projects.get() {
            others.read(data, &p.id, false);
        }
    });
    // The projects read (in the list's order) and the ones that couldn't be, with why.
    let read = Memo::new(move |_| {
        projects.with(|ps| {
            others.reads.with(|reads| {
                let mut ready: Vec<(Column, Vec<CustomDbRole>)> = Vec::new();
                let mut failed = Vec::new();
                let mut loading = false;
                for p in ps {
                    let column = Column {
                        id: p.id.clone(),
                        name: p.name.clone(),
                    };
                    match reads.get(&p.id) {
                        Some(Load::Ready(ProjectRead { roles, .. })) => {
                            ready.push((column, roles.clone()))
                        }
                        Some(Load::Failed(e)) => {
                            failed.push(format!("{} could not be read: {}", p.name, e.message()))
                        }
                        _ => loading = true,
                    }
                }
                (ready, failed, loading)
            })
        })
    });
    let columns = Memo::new(move |_| {
        read.with(|(ready, _, _)| ready.iter().map(|(c, _)| c.clone()).collect::<Vec<_>>())
    });
    // Made once per read of any project (never per keystroke or page).
    let rows = Memo::new(move |_| {
        read.with(|(ready, _, _)| {
            let others: Vec<&[CustomDbRole]> = ready.iter().map(|(_, r)| r.as_slice()).collect();
            data.roles.with(|here| {
                let here = here.ready().map_or(&[][..], Vec::as_slice);
                let mut rows: Vec<Row> = compare(here, &others)
                    .into_iter()
                    .map(|r| Row {
                        name: r.role.role_name.clone(),
                        drifted: r.drifted(),
                        drift: r.drift,
                    })
                    .collect();
                rows.sort_by_cached_key(|r| r.name.to_lowercase());
                rows
            })
        })
    });
    let drift_only = RwSignal::new(false);
    let query = RwSignal::new(String::new());
    let shown = RwSignal::new(PAGE);
    let matching = Memo::new(move |_| {
        let q = query.with(|q| q.trim().to_lowercase());
        let only = drift_only.get();
        rows.with(|rows| {
            (0..rows.len())
                .filter(|&i| (!only || rows[i].drifted) && rows[i].name.to_lowercase().contains(&q))
                .collect::<Vec<usize>>()
        })
    });
    let visible = move || {
        let (n, all, page) = (shown.get(), rows.read(), matching.read());
        page.iter()
            .take(n)
            .map(|&i| all[i].clone())
            .collect::<Vec<_>>()
    };
    let more_label = move || {
        format!(
            "Show more ({} of {} shown)",
            shown.get(),
            matching.with(Vec::len)
        )
    };
    // The cell opened: (role, column index).
    let opened = RwSignal::new(None::<(String, usize)>);
    let status = move || {
        let total = rows.with(Vec::len);
        let drifted = rows.with(|r| r.iter().filter(|r| r.drifted).count());
        let mut s = format!(
            "{} compared with {} · {drifted} drifted",
            count(total, "custom role"),
            count(columns.with(Vec::len), "project")
        );
        if read.with(|(_, _, loading)| *loading) {
            s += " · reading the other projects…";
        }
        if drift_only.get() || !query.with(|q| q.trim().is_empty()) {
            s += &format!(" · {} shown", matching.with(Vec::len));
        }
        s
    };
    let roles_state = Memo::new(move |_| data.roles.with(Load::has_items));
    let drift_id = dom_id("compare-drift-only");
    let drift_for = drift_id.clone();
    view! {
        <section class="page compare-projects" aria-labelledby=dom_id("compare-title")>
            <h2 id=dom_id("compare-title")>"Compare projects"</h2>
            <p class="help">"This project's custom roles against the same names in your other projects. Choose a cell to see the difference and copy the role there."</p>
            {move || read.with(|(_, failed, _)| failed.iter().map(|f| view! { <p class="field-error" role="alert">{f.clone()}</p> }).collect_view())}
            {move || projects.with(Vec::is_empty).then(|| view! { <p class="empty-state">"You have no other project to compare with."</p> })}
            <div class="toolbar">
                <SearchBox id="compare-search" label="Search custom roles" placeholder="Role name" query=query on_change=Callback::new(move |_| shown.set(PAGE)) />
                <label class="checkbox" for=drift_for>
                    <input id=drift_id type="checkbox" prop:checked=move || drift_only.get()
                        on:change=move |ev| { drift_only.set(event_target_checked(&ev)); shown.set(PAGE); } />
                    "Show drift only"
                </label>
                <p class="count" role="status" id=dom_id("compare-count")>{status}</p>
            </div>
            <Loaded load=roles_state what="custom roles" let:_any>
                {view! {
                    <table class="roles-table compare-table">
                        <thead>
                            <tr>
                                <th scope="col">"Role name"</th>
                                {move || columns.get().into_iter().map(|c| view! { <th scope="col">{c.name}</th> }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                let cols = columns.get();
                                visible().into_iter().map(|row| {
                                    let cells = row.drift.iter().enumerate().map(|(i, d)| {
                                        let state = label(d);
                                        let project = cols.get(i).map(|c| c.name.clone()).unwrap_or_default();
                                        let name = row.name.clone();
                                        let is_open = {
                                            let name = name.clone();
                                            move || opened.with(|o| o.as_ref().is_some_and(|(n, j)| *n == name && *j == i))
                                        };
                                        view! {
                                            <td class=format!("drift drift-{}", state.to_lowercase())>
                                                <button type="button" class="link-button"
                                                    aria-label=format!("{} in {project}: {state}", row.name)
                                                    aria-expanded=move || if is_open() { "true" } else { "false" }
                                                    aria-controls=dom_id("compare-detail")
                                                    on:click=move |_| opened.set(Some((name.clone(), i)))>
                                                    {state}
                                                </button>
                                            </td>
                                        }
                                    }).collect_view();
                                    view! { <tr><th scope="row" class="role-name">{row.name.clone()}</th>{cells}</tr> }
                                }).collect_view()
                            }}
                        </tbody>
                    </table>
                    <Show when=move || matching.with(Vec::is_empty) && rows.with(|r| !r.is_empty())>
                        <p class="empty-state" role="status">"No custom role drifts between these projects."</p>
                    </Show>
                    {move || (matching.with(Vec::len) > shown.get()).then(|| view! {
                        <button type="button" class="button show-more" on:click=move |_| shown.update(|s| *s += PAGE)>{more_label}</button>
                    })}
                }}
            </Loaded>
            <div id=dom_id("compare-detail") role="region" aria-live="polite" aria-label="Difference">
                {move || {
                    let (name, i) = opened.get()?;
                    let column = columns.with(|c| c.get(i).cloned())?;
                    let drift = rows.with(|r| r.iter().find(|r| r.name == name).and_then(|r| r.drift.get(i).cloned()))?;
                    let mine = data.roles.with(|l| l.ready().and_then(|all| all.iter().find(|r| r.role_name == name).cloned()))?;
                    Some(view! { <Detail name=name column=column drift=drift mine=mine /> })
                }}
            </div>
            <p><a class="button" href=link(routes::CUSTOM_ROLES)>"Back to Custom Roles"</a></p>
        </section>
    }
}

/// One cell opened: what copying this project's role there would change, and the copy.
#[component]
fn Detail(name: String, column: Column, drift: Drift, mine: CustomDbRole) -> impl IntoView {
    let (intro, change) = match drift {
        Drift::Same => (format!("{name} is the same in {}.", column.name), None),
        Drift::Different(change) => (
            format!(
                "{name} differs in {}. Copying this project's version there would change it so:",
                column.name
            ),
            Some(change),
        ),
        Drift::Missing => (
            format!("{} has no {name}. Copying creates it with:", column.name),
            Some(Change::created(role_lines(&mine))),
        ),
    };
    let copy = change.is_some().then(|| {
        let href = link(routes::copy_roles(&[name.as_str()], Some(&column.id)));
        view! { <a class="button button-primary" href=href>{format!("Copy {name} to {}…", column.name)}</a> }
    });
    view! {
        <section class="compare-detail" aria-labelledby=dom_id("compare-detail-title")>
            <h3 id=dom_id("compare-detail-title")>{format!("{name} in {}", column.name)}</h3>
            <p>{intro}</p>
            {change.map(|c| view! { <ChangeList change=c /> })}
            {copy}
        </section>
    }
}
