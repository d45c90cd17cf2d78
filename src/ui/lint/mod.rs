//! The least-privilege report (`domain::lint`) for the whole project; the role editor's live findings are
//! `widgets::LintPanel`, and both list them with `widgets::FindingList`.
use crate::ui::shell::state::use_data;
use crate::ui::widgets::{tally, FindingList, Loaded};
use domain::lint::lint_project;
use leptos::prelude::*;

#[component]
pub fn LintReportPage() -> impl IntoView {
    let data = use_data();
    let loaded = Memo::new(move |_| {
        data.roles.with(|r| {
            data.users
                .with(|u| data.members().with(|m| r.both(u).both(m)))
        })
    });
    let findings = Memo::new(move |_| {
        data.roles.with(|r| {
            data.users.with(|u| {
                data.members().with(|m| {
                    let (Some(r), Some(u)) = (r.ready(), u.ready()) else {
                        return Vec::new();
                    };
                    lint_project(r, u, m.ready().map_or(&[], Vec::as_slice))
                })
            })
        })
    });
    view! {
        <section class="page">
            <h1>"Least-privilege report"</h1>
            <p class="help">"Grants broader or more redundant than they need to be, most severe first. Nothing here blocks a change; fix what applies."</p>
            <Loaded load=loaded what="the project" let:_ready>
                {move || {
                    let all = findings.get();
                    if all.is_empty() {
                        view! { <p class="empty-state" role="status">"No findings: every grant looks as narrow as it can be."</p> }.into_any()
                    } else {
                        view! {
                            <p role="status" class="count">{tally(&all)}</p>
                            <FindingList findings=all with_location=true />
                        }.into_any()
                    }
                }}
            </Loaded>
        </section>
    }
}
