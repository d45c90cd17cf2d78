//! "Which role do I need?": the 27 project roles against what they allow, filtered by a task ("restore
//! backups", "create indexes", "view logs"), with the least-privileged roles for it highlighted.
use crate::ui::widgets::SearchBox;
use domain::catalog::{capabilities_of, project_role_name, Capability, PROJECT_ROLES};
use domain::role_guide::{find_capabilities, least_privileged};
use leptos::prelude::*;

#[component]
pub fn WhichRolePage() -> impl IntoView {
    let query = RwSignal::new(String::new());
    let columns = Memo::new(move |_| {
        query.with(|q| {
            if q.trim().is_empty() {
                Capability::ALL.to_vec()
            } else {
                find_capabilities(q)
            }
        })
    });
    // Least-privileged roles for every capability the task names.
    let least = Memo::new(move |_| {
        query.with(|q| {
            if q.trim().is_empty() {
                return Vec::new();
            }
            columns
                .get()
                .into_iter()
                .map(|c| {
                    (
                        c,
                        least_privileged(c)
                            .iter()
                            .map(|r| r.api)
                            .collect::<Vec<_>>(),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let is_least = move |api: &str| least.with(|l| l.iter().any(|(_, roles)| roles.contains(&api)));
    view! {
        <section class="page">
            <h1>"Which role do I need?"</h1>
            <p class="help">"Describe the task; the roles that allow it with the least else besides are highlighted. Every project role also includes Project Read Only."</p>
            <SearchBox id="task-filter" label="Task" placeholder="e.g. restore backups, create indexes, view logs" query=query />
            <div role="status" class="guide-answer">
                {move || {
                    let l = least.get();
                    if query.with(|q| q.trim().is_empty()) {
                        ().into_any()
                    } else if l.is_empty() {
                        view! { <p>"No permission matches that task. Try other words, such as \"backups\" or \"indexes\"."</p> }.into_any()
                    } else {
                        view! {
                            <ul class="least-list">
                                {l.into_iter().map(|(cap, roles)| {
                                    let names: Vec<&str> = roles.iter().map(|a| project_role_name(a)).collect();
                                    view! { <li>{format!("To {}: {}", cap.label(), names.join(" or "))}</li> }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                }}
            </div>
            // Wider than the page: a named, focusable region, so the keyboard can scroll it too.
            <div class="matrix-scroll" role="region" tabindex="0" aria-label="Project roles and what they allow">
                <table class="role-matrix">
                    <caption class="visually-hidden">"Project roles and what they allow"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Role"</th>
                            {move || columns.get().into_iter().map(|c| view! { <th scope="col">{c.label()}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {PROJECT_ROLES.iter().map(|role| {
                            let caps = capabilities_of([], [role.api]);
                            let api = role.api;
                            view! {
                                <tr class:least=move || is_least(api) data-role=api>
                                    <th scope="row">
                                        {role.name}
                                        {move || is_least(api).then(|| view! { <span class="badge">"Least privilege"</span> })}
                                    </th>
                                    {move || columns.get().into_iter().map(|c| {
                                        let allowed = caps.contains(&c);
                                        view! {
                                            <td class:allowed=allowed>
                                                {if allowed { "✓" } else { "" }}
                                                <span class="visually-hidden">{if allowed { "Allowed" } else { "Not allowed" }}</span>
                                            </td>
                                        }
                                    }).collect_view()}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
