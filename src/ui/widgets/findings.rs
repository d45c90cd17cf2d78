//! Least-privilege findings (`domain::lint`) as a list: on the project-wide report page and, live, in the
//! role editor for the role being edited.
use crate::ui::shell::base::link;
use crate::ui::shell::ids::dom_id;
use crate::ui::shell::routes;
use crate::ui::shell::state::use_data;
use domain::lint::{lint_role, Finding, LintSeverity, Location};
use domain::model::CustomDbRole;
use domain::text::plural;
use leptos::prelude::*;

/// Where a finding's location is edited.
fn href(location: &Location) -> String {
    match location {
        Location::Role(name) => routes::edit_role(name),
        Location::User { db, username } => routes::edit_user(db, username),
        Location::Member { kind, id, .. } => routes::member_roles(*kind, id),
    }
}

fn severity_class(s: LintSeverity) -> &'static str {
    match s {
        LintSeverity::Error => "lint-error",
        LintSeverity::Warning => "lint-warning",
        LintSeverity::Suggestion => "lint-suggestion",
    }
}

/// "2 errors, 1 warning and 4 suggestions".
pub fn tally(findings: &[Finding]) -> String {
    let n = |s| findings.iter().filter(|f| f.severity == s).count();
    format!(
        "{}, {} and {}",
        plural(n(LintSeverity::Error), "error"),
        plural(n(LintSeverity::Warning), "warning"),
        plural(n(LintSeverity::Suggestion), "suggestion")
    )
}

/// Findings as a list: severity, where (a link when `with_location`), and what to do.
#[component]
pub fn FindingList(findings: Vec<Finding>, with_location: bool) -> impl IntoView {
    view! {
        <ul class="lint-list">
            {findings.into_iter().map(|f| view! {
                <li class=severity_class(f.severity)>
                    <strong class="lint-severity">{f.severity.label()}</strong>
                    {with_location.then(|| view! {
                        " · "<a href=link(href(&f.location))>{f.location.label()}</a>
                    })}
                    ": "{f.message}
                </li>
            }).collect_view()}
        </ul>
    }
}

/// The least-privilege findings for the role as edited, live (advice only: it never blocks saving).
#[component]
pub fn LintPanel(role: Memo<CustomDbRole>, exists: bool) -> impl IntoView {
    let data = use_data();
    let findings = Memo::new(move |_| {
        role.with(|r| data.with_context(|ctx| lint_role(r, ctx.custom_roles, ctx.users, exists)))
    });
    move || {
        let all = findings.get();
        (!all.is_empty()).then(|| {
            view! {
                <section class="lint-panel" aria-labelledby=dom_id("lint-title")>
                    <h3 id=dom_id("lint-title")>{format!("Least-privilege checks: {}", tally(&all))}</h3>
                    <FindingList findings=all with_location=false />
                </section>
            }
        })
    }
}
