use crate::ui::shell::ids::dom_id;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::path;

use super::guard::{provide_guard, UnsavedChangesGuard};
use super::state::Data;
use crate::config::Config;
use crate::ui::activity::ActivityFeedPage;
use crate::ui::custom_roles::{CustomRolesTab, EditRolePage, NewRolePage};
use crate::ui::database_access::DatabaseAccessPage;
use crate::ui::database_users::{DatabaseUsersTab, EditUserDialog, NewUserDialog};
use crate::ui::project_access::{self as pa, ProjectAccessPage};
use crate::ui::widgets::Banner;

/// The custom roles tab is the console's home, as in Atlas.
pub const HOME: &str = crate::ui::custom_roles::LIST_PATH;

/// The whole console: the frame (top bar with the project, the sections), then the routed page.
#[component]
pub fn App(#[prop(optional)] config: Config) -> impl IntoView {
    if let crate::config::BackendConfig::Refused(why) = &config.backend {
        return view! { <Refused why=why.clone() /> }.into_any();
    }
    let backend_label = config.backend_label();
    let carried = config.url_backend.clone();
    let data = Data::from_config(&config);
    provide_context(data);
    super::base::provide(&config.base_path);
    super::base::provide_carried(&config.url_backend);
    super::ids::provide(&config.id_prefix);
    super::undo::UndoOffers::provide(); // after the ids: it keeps its elements' ids
    crate::ui::custom_roles::memory::provide();
    provide_guard(); // before the router: its popstate listener must run first
    let base = super::base::normalize(&config.base_path);
    // An embedded console leaves its host page's title alone.
    let config_standalone = config.id_prefix.is_empty();
    view! {
        <Router base=base>
            <UnsavedChangesGuard />
            <KeepBackendInUrl carried=carried />
            {config_standalone.then(|| view! { <PageTitle /> })}
            // The frame: a grid of the top bar, the sections and the page (style/main.css).
            <div class="dba-console"><div class="dba-frame">
            <super::header::Header backend=backend_label />
            <main id=dom_id("main") class="main">
                <StorageNotice />
                <super::undo::UndoNotice />
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
                    <ParentRoute path=path!("/project-access") view=ProjectAccessPage>
                        <Route path=path!("") view=|| view! { <Redirect path=pa::USERS_PATH /> } />
                        <ParentRoute path=path!("users") view=pa::UsersTab>
                            <Route path=path!("") view=|| () />
                            <Route path=path!("invite") view=pa::InviteDialog />
                            <Route path=path!(":id/roles") view=pa::EditRolesDialog />
                        </ParentRoute>
                        <ParentRoute path=path!("teams") view=pa::TeamsTab>
                            <Route path=path!("") view=|| () />
                            <Route path=path!("add") view=pa::AddTeamDialog />
                            <Route path=path!(":id/roles") view=pa::EditRolesDialog />
                        </ParentRoute>
                        <ParentRoute path=path!("api-keys") view=pa::ApiKeysTab>
                            <Route path=path!("") view=|| () />
                            <Route path=path!("new") view=pa::CreateApiKeyDialog />
                            <Route path=path!(":id/roles") view=pa::EditRolesDialog />
                        </ParentRoute>
                        <ParentRoute path=path!("service-accounts") view=pa::ServiceAccountsTab>
                            <Route path=path!("") view=|| () />
                            <Route path=path!("new") view=pa::CreateServiceAccountDialog />
                            <Route path=path!(":id/roles") view=pa::EditRolesDialog />
                        </ParentRoute>
                    </ParentRoute>
                    <Route path=path!("/which-role") view=pa::WhichRolePage />
                    <Route path=path!("/who-can") view=crate::ui::lookup::WhoCanPage />
                    <Route path=path!("/least-privilege") view=crate::ui::lint::LintReportPage />
                    <Route path=path!("/activity") view=ActivityFeedPage />
                </Routes>
            </main>
            </div></div>
        </Router>
    }
    .into_any()
}

/// What opens instead of the console when the link names a backend it must not use.
#[component]
fn Refused(why: String) -> impl IntoView {
    view! {
        <main class="main">
            <section class="page">
                <h1>"This link can't be opened"</h1>
                <p role="alert">{why}</p>
                <p>"Open the console from your portal, or without an api parameter for the demo project."</p>
            </section>
        </main>
    }
}

/// Keeps the query naming the backend in the address after every navigation (links carry it already;
/// redirects and code-driven navigation don't), so a reload opens the same backend, not the demo.
#[component]
fn KeepBackendInUrl(carried: String) -> impl IntoView {
    if !carried.is_empty() {
        let location = leptos_router::hooks::use_location();
        Effect::new(move |_| {
            location.pathname.track();
            location.search.track();
            let window = window();
            let here = window.location();
            let href = format!(
                "{}{}{}",
                here.pathname().unwrap_or_default(),
                here.search().unwrap_or_default(),
                here.hash().unwrap_or_default()
            );
            let kept = super::base::with_carried(&href, &carried);
            if kept != href {
                if let Ok(history) = window.history() {
                    let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
                    let _ = history.replace_state_with_url(&state, "", Some(&kept));
                }
            }
        });
    }
}

/// Stored demo data that can't be read is reported, never silently replaced.
#[component]
fn StorageNotice() -> impl IntoView {
    let data = expect_context::<Data>();
    let reset_error = RwSignal::new(None::<String>);
    let memory_only = move || {
        data.memory_only.get().map(|why| {
            view! {
                <Banner message=format!("This browser did not let the console save the demo project ({why}).") warning=true>
                    <p>"The demo keeps working, but its changes stay in this tab only and are lost when it closes or reloads."</p>
                </Banner>
            }
        })
    };
    let unreadable = move || {
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
                    {move || reset_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                </Banner>
            }
        })
    };
    view! {
        {memory_only}
        {unreadable}
    }
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Page not found"</h1>
            <p>
                "There is nothing at this address. Go to "
                <a href=super::base::link(HOME)>"Database Access"</a>
                "."
            </p>
        </section>
    }
}

/// The page's title names the screen ("Custom Roles · Database Access"), so a tab, the history and a
/// screen reader's window list tell where each one is.
#[component]
fn PageTitle() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    Effect::new(move |_| document().set_title(&page_title(&location.pathname.get())));
}

/// The title of the screen at `path` (the console's own routes, under any base path).
pub fn page_title(path: &str) -> String {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let find = |name: &str| segments.iter().position(|s| *s == name);
    let after = |i: usize| segments.get(i + 1..).unwrap_or_default();
    let screen = if let Some(i) = find("database-access") {
        match after(i) {
            ["custom-roles", "new"] => "Add New Custom Role · Database Access",
            ["custom-roles", _, "edit"] => "Edit Custom Role · Database Access",
            ["users", "new"] => "Add New Database User · Database Access",
            ["users", _, _, "edit"] => "Edit Database User · Database Access",
            ["users", ..] => "Database Users · Database Access",
            _ => "Custom Roles · Database Access",
        }
    } else if let Some(i) = find("project-access") {
        match after(i).first().copied() {
            Some("teams") => "Teams · Project Access",
            Some("api-keys") => "API Keys · Project Access",
            Some("service-accounts") => "Service Accounts · Project Access",
            _ => "Users · Project Access",
        }
    } else {
        match segments.last().copied() {
            Some("which-role") => "Which role do I need?",
            Some("who-can") => "Who can …?",
            Some("least-privilege") => "Least privilege",
            Some("activity") => "Activity Feed",
            _ => "Database Access",
        }
    };
    screen.to_string()
}

#[cfg(test)]
mod tests {
    use super::page_title;

    #[test]
    fn each_screen_has_its_title() {
        let rows = [
            (
                "/database-access/custom-roles",
                "Custom Roles · Database Access",
            ),
            (
                "/database-access/custom-roles/new",
                "Add New Custom Role · Database Access",
            ),
            (
                "/database-access/custom-roles/orders_reader/edit",
                "Edit Custom Role · Database Access",
            ),
            ("/database-access/users", "Database Users · Database Access"),
            (
                "/database-access/users/new",
                "Add New Database User · Database Access",
            ),
            (
                "/database-access/users/admin/analyst/edit",
                "Edit Database User · Database Access",
            ),
            ("/project-access/api-keys", "API Keys · Project Access"),
            (
                "/project-access/service-accounts/new",
                "Service Accounts · Project Access",
            ),
            (
                "/portal/db-access/project-access/teams",
                "Teams · Project Access",
            ),
            ("/which-role", "Which role do I need?"),
            ("/activity", "Activity Feed"),
            ("/", "Database Access"),
        ];
        for (path, title) in rows {
            assert_eq!(page_title(path), title, "{path}");
        }
    }
}
