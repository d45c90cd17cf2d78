use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::path;

use super::database_access::{CustomRolesTab, DatabaseAccessPage, DatabaseUsersTab};
use super::project_access::ProjectAccessPage;
use crate::backend::{local, ProjectInfo};

/// The custom roles tab is the console's home, as in Atlas.
pub const HOME: &str = "/database-access/custom-roles";

/// The whole console: header with the project, then the routed page.
#[component]
pub fn App() -> impl IntoView {
    let project = local::demo_project();
    provide_context(project.clone());
    view! {
        <Router>
            <Header project=project />
            <main id="main" class="main">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=|| view! { <Redirect path=HOME /> } />
                    <ParentRoute path=path!("/database-access") view=DatabaseAccessPage>
                        <Route path=path!("") view=|| view! { <Redirect path=HOME /> } />
                        <Route path=path!("users") view=DatabaseUsersTab />
                        <Route path=path!("custom-roles") view=CustomRolesTab />
                    </ParentRoute>
                    <Route path=path!("/project-access") view=ProjectAccessPage />
                </Routes>
            </main>
        </Router>
    }
}

#[component]
fn Header(project: ProjectInfo) -> impl IntoView {
    view! {
        <header class="header">
            <a class="skip-link" href="#main">"Skip to content"</a>
            <div class="header-project">
                <span class="header-label">"Project"</span>
                <span class="header-project-name" data-project-id=project.id>{project.name}</span>
            </div>
            <nav class="header-nav" aria-label="Sections">
                <a href=HOME>"Database Access"</a>
                <a href="/project-access">"Project Access"</a>
            </nav>
        </header>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Page not found"</h1>
            <p>
                "There is nothing at this address. Go to "
                <a href=HOME>"Database Access"</a>
                "."
            </p>
        </section>
    }
}
