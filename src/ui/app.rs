use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::path;

use super::activity::{ActivityFeedPage, ACTIVITY_PATH};
use super::custom_roles::{CustomRolesTab, EditRolePage, NewRolePage};
use super::database_access::DatabaseAccessPage;
use super::database_users::{DatabaseUsersTab, EditUserDialog, NewUserDialog};
use super::project_access::ProjectAccessPage;
use super::state::Data;
use super::widgets::guard::UnsavedChangesGuard;
use super::widgets::Banner;
use crate::backend::local::LocalBackend;
use crate::config::Config;

/// The custom roles tab is the console's home, as in Atlas.
pub const HOME: &str = super::custom_roles::LIST_PATH;

/// The whole console: header with the project, then the routed page.
#[component]
pub fn App(#[prop(optional)] config: Config) -> impl IntoView {
    let data = Data::embedded(LocalBackend::open(&config.storage_key, config.demo));
    provide_context(data);
    view! {
        <Router>
            <UnsavedChangesGuard />
            <Header />
            <main id="main" class="main">
                <StorageNotice />
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=|| view! { <Redirect path=HOME /> } />
                    <ParentRoute path=path!("/database-access") view=DatabaseAccessPage>
                        <Route path=path!("") view=|| view! { <Redirect path=HOME /> } />
                        <ParentRoute path=path!("users") view=DatabaseUsersTab>
                            <Route path=path!("") view=|| () />
                            <Route path=path!("new") view=NewUserDialog />
                            <Route path=path!(":db/:username/edit") view=EditUserDialog />
                        </ParentRoute>
                        <Route path=path!("custom-roles") view=CustomRolesTab />
                        <Route path=path!("custom-roles/new") view=NewRolePage />
                        <Route path=path!("custom-roles/:name/edit") view=EditRolePage />
                    </ParentRoute>
                    <Route path=path!("/project-access") view=ProjectAccessPage />
                    <Route path=path!("/activity") view=ActivityFeedPage />
                </Routes>
            </main>
        </Router>
    }
}

#[component]
fn Header() -> impl IntoView {
    let data = expect_context::<Data>();
    let name = move || {
        data.project
            .with(|p| p.ready().map(|p| p.name.clone()).unwrap_or_default())
    };
    let id = move || data.project.with(|p| p.ready().map(|p| p.id.clone()));
    view! {
        <header class="header">
            <a class="skip-link" href="#main">"Skip to content"</a>
            <div class="header-project">
                <span class="header-label">"Project"</span>
                <span class="header-project-name" data-project-id=id>{name}</span>
            </div>
            <nav class="header-nav" aria-label="Sections">
                <a href=HOME>"Database Access"</a>
                <a href="/project-access">"Project Access"</a>
                <a href=ACTIVITY_PATH>"Activity Feed"</a>
            </nav>
        </header>
    }
}

/// Stored demo data that can't be read is reported, never silently replaced.
#[component]
fn StorageNotice() -> impl IntoView {
    let data = expect_context::<Data>();
    let reset_error = RwSignal::new(None::<String>);
    move || {
        data.load_problem.get().map(|why| {
            view! {
                <Banner message=why warning=true>
                    <p>"The console can't use the demo project saved in this browser. Resetting replaces it with a fresh demo project (the old data is kept under a backup key)."</p>
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| {
                            if let Err(e) = data.reset_demo() {
                                reset_error.set(e.detail);
                            }
                        }
                    >
                        "Reset demo project"
                    </button>
                    {move || reset_error.get().map(|e| view! { <p class="field-error">{e}</p> })}
                </Banner>
            }
        })
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
