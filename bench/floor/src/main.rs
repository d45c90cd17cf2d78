//! A minimal Leptos CSR app with the console's stack (router, a filtered keyed list, a second route),
//! built like the console (scripts/bench --floor) to measure the compressed size no console on this stack
//! can go below. With `--features domain` it also links the domain the Custom Roles page uses.
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

#[component]
fn List() -> impl IntoView {
    let (query, set_query) = signal(String::new());
    let rows = move || {
        let q = query.get();
        rows()
            .into_iter()
            .filter(|r| r.contains(&q))
            .collect::<Vec<_>>()
    };
    view! {
        <label for="q">"Search"</label>
        <input id="q" on:input=move |e| set_query.set(event_target_value(&e)) />
        <ul>
            <For each=rows key=|r| r.clone() let:r>
                <li>
                    <A href="/edit">{r}</A>
                </li>
            </For>
        </ul>
    }
}

/// The rows the list shows: the domain variant reads a project the way the embedded backend does and
/// runs the checks the list and editor run on each role, so their code is linked.
#[cfg(feature = "domain")]
fn rows() -> Vec<String> {
    use domain::{demo, lint, lookup, project::Project, validate};
    let stored: Option<String> = window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item("floor").ok().flatten());
    let project: Project = stored
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_else(demo::standard);
    let ctx = project.context();
    let rows = project
        .custom_roles
        .iter()
        .map(|r| {
            let issues = validate::validate_role(r, &ctx, validate::RoleMode::Update);
            let findings = lint::lint_role(r, &project.custom_roles, &project.users, true);
            let used = lookup::used_by(&r.role_name, &project.custom_roles, &project.users);
            format!(
                "{} {} {} {}",
                r.role_name,
                issues.len(),
                findings.len(),
                used.users.len()
            )
        })
        .collect();
    if let (Ok(Some(s)), Ok(text)) = (window().local_storage(), serde_json::to_string(&project)) {
        let _ = s.set_item("floor", &text);
    }
    rows
}

#[cfg(not(feature = "domain"))]
fn rows() -> Vec<String> {
    vec!["role_a".to_string(), "role_b".to_string()]
}

#[component]
fn Edit() -> impl IntoView {
    view! {
        <h1>"Edit"</h1>
        <A href="/">"Back"</A>
    }
}

fn main() {
    mount_to_body(|| {
        view! {
            <Router>
                <Routes fallback=|| "Not found">
                    <Route path=path!("/") view=List />
                    <Route path=path!("/edit") view=Edit />
                </Routes>
            </Router>
        }
    })
}
