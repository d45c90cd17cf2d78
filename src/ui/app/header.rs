//! The console's frame: the top bar with the project, its backend, the signed-in person and their other
//! projects (through a portal, person.rs) or "View as" (in the embedded demo), and the sections (nav.rs). App puts them and the routed `<main>` in the frame's grid.
use super::person::{PersonLabel, ProjectSwitcher};
use crate::ui::shell::demo::{use_demo, Demo};
use crate::ui::shell::ids::dom_id;
use crate::ui::shell::state::ProjectData;
use domain::permissions::demo_principals;
use domain::project::Principal;
use domain::text::roles_label;
use leptos::prelude::*;

#[component]
pub fn Header(
    backend: String,
    /// The page's own address chooses the project (not a host page's `mountConsole`), so the person's
    /// other projects can be offered as links.
    #[prop(optional)]
    switcher: bool,
) -> impl IntoView {
    let data = expect_context::<ProjectData>();
    let name = move || {
        data.project
            .with(|p| p.ready().map(|p| p.name.clone()).unwrap_or_default())
    };
    let id = move || data.project.with(|p| p.ready().map(|p| p.id.clone()));
    // The sections are a sidebar on a wide console; on a narrow one this button shows them.
    let nav_open = RwSignal::new(false);
    let nav_id = dom_id("sections");
    view! {
        <a class="skip-link" href=format!("#{}", dom_id("main"))>"Skip to content"</a>
        <header class="header">
            <button
                type="button"
                class="button dba-nav-toggle"
                aria-controls=nav_id.clone()
                aria-expanded=move || if nav_open.get() { "true" } else { "false" }
                on:click=move |_| nav_open.update(|o| *o = !*o)
            >
                <span aria-hidden="true">"☰"</span>
                "Menu"
            </button>
            <div class="header-project">
                <span class="header-label">"Project"</span>
                <span class="header-project-name" data-project-id=id>{name}</span>
                <span class="header-backend">{backend}</span>
            </div>
            {switcher.then(|| view! { <ProjectSwitcher /> })}
            <PersonLabel />
            {use_demo().map(|demo| view! { <ViewAs demo=demo /> })}
        </header>
        <super::nav::Sections id=nav_id open=nav_open />
    }
}

fn principal_label(p: &Principal) -> String {
    format!("{} ({})", p.name, roles_label(&p.project_roles))
}

/// "View as": the embedded demo acts as one of several principals, so what each may do can be tried.
#[component]
fn ViewAs(demo: Demo) -> impl IntoView {
    let data = expect_context::<ProjectData>();
    let error = RwSignal::new(None::<String>);
    let choices = move || {
        let mut all = demo_principals();
        if let Some(current) = data.principal() {
            if !all.contains(&current) {
                all.push(current);
            }
        }
        all
    };
    let on_change = move |ev: web_sys::Event| {
        let name = event_target_value(&ev);
        if let Some(p) = choices().into_iter().find(|p| p.name == name) {
            error.set(demo.view_as(p).err().and_then(|e| e.detail));
        }
    };
    view! {
        <div class="view-as">
            <label for=dom_id("view-as")>"View as"</label>
            <select id=dom_id("view-as") on:change=on_change>
                {move || {
                    let current = data.principal().map(|p| p.name);
                    choices()
                        .into_iter()
                        .map(|p| {
                            let selected = current.as_deref() == Some(p.name.as_str());
                            view! { <option value=p.name.clone() selected=selected>{principal_label(&p)}</option> }
                        })
                        .collect_view()
                }}
            </select>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </div>
    }
}
