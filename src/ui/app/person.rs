//! The signed-in person when a portal names them (`ProjectData::person`): who they are and their role here in
//! the top bar, the projects they may switch to, and what opens instead of a project that isn't theirs.
use crate::ui::shell::ids::dom_id;
use crate::ui::shell::state::{use_data, ProjectData};
use domain::portal::MeProject;
use domain::text::roles_label;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use leptos_router::location::Location;

/// A project as the switcher lists it: its name, else its id.
fn project_label(p: &MeProject) -> String {
    p.name.clone().unwrap_or_else(|| p.id.clone())
}

/// The address of the page the router shows, on `project` (tracked; the page opens anew there: the
/// backend is built for one project).
fn href_on(location: &Location, carried: &str, project: &str) -> String {
    let search = location.search.get();
    let here = format!(
        "{}{}{search}{}",
        location.pathname.get(),
        if search.is_empty() { "" } else { "?" },
        location.hash.get()
    );
    crate::ui::shell::base::on_project(&here, carried, project)
}

/// "Signed in as rory@example.com (Project Read Only)": the name the portal gives, and the roles the
/// console acts with here.
#[component]
pub fn PersonLabel() -> impl IntoView {
    let data = use_data();
    move || {
        let name = data.person()?.name;
        let roles = role_text(data);
        Some(view! {
            <p class="header-person" id=dom_id("person")>
                // Spaces in the text, not only the layout: the line reads as one sentence.
                <span class="header-label">"Signed in as"</span>
                " "
                <span class="header-person-name">{name}</span>
                {roles.map(|r| view! { " " <span class="header-person-roles">{format!("({r})")}</span> })}
            </p>
        })
    }
}

/// The roles on this project once loaded; "roles unknown" when the portal couldn't read them.
fn role_text(data: ProjectData) -> Option<String> {
    if data.project_not_allowed() {
        return Some(roles_label(&[]));
    }
    data.project.with(|p| {
        p.ready().map(|info| {
            if info
                .portal
                .as_ref()
                .is_some_and(|r| r.roles_unknown.is_some())
            {
                "roles unknown".to_string()
            } else {
                roles_label(&info.principal.project_roles)
            }
        })
    })
}

/// "Switch project": the person's projects as links to this page on each; shown only when there is more
/// than one. A disclosure (button and list of links): Tab reaches each link, Escape closes it.
#[component]
pub fn ProjectSwitcher() -> impl IntoView {
    let data = use_data();
    let open = RwSignal::new(false);
    let list_id = dom_id("projects");
    let button_id = dom_id("switch-project");
    // The portal's list, or the demo's projects (issue 30): the backend knows which.
    let projects = move || {
        data.project.track();
        Some(data.backend().projects()).filter(|ps| ps.len() > 1)
    };
    let current = move || data.project.with(|p| p.ready().map(|p| p.id.clone()));
    let location = use_location();
    let carried = crate::ui::shell::base::use_carried();
    let close_on_escape = {
        let button_id = button_id.clone();
        move |ev: web_sys::KeyboardEvent| {
            if ev.key() == "Escape" && open.get_untracked() {
                open.set(false);
                if let Some(b) = document().get_element_by_id(&button_id) {
                    let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(b).focus();
                }
            }
        }
    };
    move || {
        let projects = projects()?;
        let list_id = list_id.clone();
        let (location, carried) = (location.clone(), carried.clone());
        Some(view! {
            <div class="project-switcher" on:keydown=close_on_escape.clone()>
                <button
                    type="button"
                    id=button_id.clone()
                    class="button"
                    aria-expanded=move || if open.get() { "true" } else { "false" }
                    aria-controls=list_id.clone()
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    "Switch project"
                </button>
                <ul id=list_id class="project-switcher-list" hidden=move || !open.get()>
                    {projects
                        .into_iter()
                        .map(|p| {
                            let id = p.id.clone();
                            let here = move || current().as_deref() == Some(id.as_str());
                            let (location, carried) = (location.clone(), carried.clone());
                            let label = project_label(&p);
                            let href = move || href_on(&location, &carried, &p.id);
                            // rel=external: the router must let the page open anew for the other project.
                            view! {
                                <li>
                                    <a href=href rel="external" aria-current=move || here().then_some("true")>
                                        {label}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        })
    }
}

/// What opens instead of the console's screens when the portal doesn't let the person use this project.
#[component]
pub fn NotAllowed() -> impl IntoView {
    let data = use_data();
    let projects = move || data.person().map(|p| p.projects).unwrap_or_default();
    let location = use_location();
    let carried = crate::ui::shell::base::use_carried();
    move || {
        if !data.project_not_allowed() {
            return None;
        }
        let (location, carried) = (location.clone(), carried.clone());
        Some(view! {
        <section class="page">
            <h1>"You may not use this project through the portal"</h1>
            {move || {
                let projects = projects();
                if projects.is_empty() {
                    view! { <p>"The portal lists no project for you: ask whoever runs it for access."</p> }.into_any()
                } else {
                    view! {
                        <p>"Projects you may use:"</p>
                        <ul class="project-links">
                            {projects
                                .into_iter()
                                .map(|p| {
                                    let label = project_label(&p);
                                    let (location, carried) = (location.clone(), carried.clone());
                                    let href = move || href_on(&location, &carried, &p.id);
                                    view! { <li><a href=href rel="external">{label}</a></li> }
                                })
                                .collect_view()}
                        </ul>
                    }
                    .into_any()
                }
            }}
        </section>
        })
    }
}
