//! The app: the console's frame (the top bar, the sections, the notices above every page), its route tree,
//! and the pages for a link it refuses or an address it doesn't know. The only module that names screens:
//! a new screen is a route here (lazy ones in `screens.rs`) and a link in `nav.rs`.
mod guard;
mod header;
mod nav;
mod person;
mod screens;
mod storage_notice;

use crate::ui::shell::ids::dom_id;
use leptos::prelude::*;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::{path, Lazy};

use crate::config::Config;
use crate::ui::custom_roles::{CustomRolesSection, CustomRolesTab};
use crate::ui::database_access::DatabaseAccessPage;
use crate::ui::shell::guard::provide_guard;
use crate::ui::shell::routes;
use guard::UnsavedChangesGuard;
use screens::*;

/// The whole console: the frame (top bar with the project, the sections), then the routed page.
#[component]
pub fn App(#[prop(optional)] config: Config) -> impl IntoView {
    if let crate::config::BackendConfig::Refused(why) = &config.backend {
        return view! { <Refused why=why.clone() /> }.into_any();
    }
    let backend_label = config.backend_label();
    let carried = config.url_backend.clone();
    let data = crate::ui::shell::start::open(&config);
    crate::ui::shell::base::provide_base_path(&config.base_path);
    crate::ui::shell::base::provide_carried(&config.url_backend);
    crate::ui::shell::ids::provide_id_prefix(&config.id_prefix);
    crate::ui::shell::undo::provide_undo(); // after the ids: it keeps its elements' ids
    provide_guard(); // before the router: its popstate listener must run first
    let base = crate::ui::shell::base::normalize(&config.base_path);
    // An embedded console leaves its host page's title alone.
    let config_standalone = config.id_prefix.is_empty();
    // Effects run once the view is in the page: the editor's code is fetched after the first paint, once
    // the project's first read is done (the list's rows are on the page: the fetch doesn't delay them).
    Effect::new(move |fetched: Option<bool>| {
        if fetched == Some(true) || data.reading() {
            return fetched.unwrap_or(false);
        }
        screens::prefetch_editor();
        true
    });
    view! {
        <Router base=base>
            <UnsavedChangesGuard />
            <KeepBackendInUrl carried=carried />
            {config_standalone.then(|| view! { <PageTitle /> })}
            // The frame: a grid of the top bar, the sections and the page (style/main.css).
            <div class="dba-console"><div class="dba-frame">
            <header::Header backend=backend_label switcher=config_standalone />
            // Busy while the project is read again (after a write, "View as", "Try again"): assistive
            // technology waits for the update to finish before reading it out.
            <main id=dom_id("main") class="main" aria-busy=move || data.reading().then_some("true")>
                <storage_notice::StorageNotice />
                <crate::ui::shell::undo::UndoNotice />
                // A project the portal doesn't let the person use has no screen to show: its page stands
                // in for them (hidden, not a Show around the route tree: one more copy of it in the bundle).
                <person::NotAllowed />
                <div class="dba-routes" hidden=move || data.project_not_allowed()>
                    <Routes fallback=NotFound>
                        <ConsoleRoutes />
                    </Routes>
                </div>
            </main>
            </div></div>
        </Router>
    }
    .into_any()
}

/// Every screen of the console by section. `path!` can't take consts: `routes` names the same paths,
/// and a test checks each of them reaches a route here.
#[component(transparent)]
fn ConsoleRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/") view=|| view! { <Redirect path=routes::HOME /> } />
        <DatabaseAccessRoutes />
        <ProjectAccessRoutes />
        <ToolRoutes />
    }
    .into_inner()
    // Siblings make a list; erased components (the wasm build) want one route back.
    .into_any_nested_route()
}

#[component(transparent)]
fn DatabaseAccessRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/database-access") view=DatabaseAccessPage>
            <Route path=path!("") view=|| view! { <Redirect path=routes::HOME /> } />
            <ParentRoute path=path!("users") view={Lazy::<UsersScreen>::new()}>
                <Route path=path!("") view=|| () />
                <Route path=path!("new") view={Lazy::<NewUserScreen>::new()} />
                <Route path=path!(":db/:username/edit") view={Lazy::<EditUserScreen>::new()} />
            </ParentRoute>
            // The list and the editor share what the list looked like and the last change saved.
            <ParentRoute path=path!("custom-roles") view=CustomRolesSection>
                <Route path=path!("") view=CustomRolesTab />
                <Route path=path!("new") view={Lazy::<NewRoleScreen>::new()} />
                <Route path=path!("copy") view={Lazy::<CopyRolesScreen>::new()} />
                <Route path=path!("compare") view={Lazy::<CompareProjectsScreen>::new()} />
                <Route path=path!(":name/edit") view={Lazy::<EditRoleScreen>::new()} />
            </ParentRoute>
        </ParentRoute>
    }
    .into_inner()
}

/// Each member kind's tab holds its add dialog and the dialog that edits a member's roles.
#[component(transparent)]
fn ProjectAccessRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/project-access") view={Lazy::<ProjectAccessScreen>::new()}>
            <Route path=path!("") view=|| view! { <Redirect path=routes::PROJECT_USERS /> } />
            <ParentRoute path=path!("users") view={Lazy::<ProjectUsersScreen>::new()}>
                <Route path=path!("") view=|| () />
                <Route path=path!("invite") view={Lazy::<InviteScreen>::new()} />
                <Route path=path!(":id/roles") view={Lazy::<MemberRolesScreen>::new()} />
            </ParentRoute>
            <ParentRoute path=path!("teams") view={Lazy::<TeamsScreen>::new()}>
                <Route path=path!("") view=|| () />
                <Route path=path!("add") view={Lazy::<AddTeamScreen>::new()} />
                <Route path=path!(":id/roles") view={Lazy::<MemberRolesScreen>::new()} />
            </ParentRoute>
            <ParentRoute path=path!("api-keys") view={Lazy::<ApiKeysScreen>::new()}>
                <Route path=path!("") view=|| () />
                <Route path=path!("new") view={Lazy::<NewApiKeyScreen>::new()} />
                <Route path=path!(":id/roles") view={Lazy::<MemberRolesScreen>::new()} />
            </ParentRoute>
            <ParentRoute path=path!("service-accounts") view={Lazy::<ServiceAccountsScreen>::new()}>
                <Route path=path!("") view=|| () />
                <Route path=path!("new") view={Lazy::<NewServiceAccountScreen>::new()} />
                <Route path=path!(":id/roles") view={Lazy::<MemberRolesScreen>::new()} />
            </ParentRoute>
        </ParentRoute>
    }
    .into_inner()
}

/// The tools across the project: "Which role do I need?", "Who can …?", Least privilege, Activity Feed.
#[component(transparent)]
fn ToolRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/which-role") view={Lazy::<WhichRoleScreen>::new()} />
        <Route path=path!("/who-can") view={Lazy::<WhoCanScreen>::new()} />
        <Route path=path!("/least-privilege") view={Lazy::<LeastPrivilegeScreen>::new()} />
        <Route path=path!("/activity") view={Lazy::<ActivityScreen>::new()} />
    }
    .into_inner()
    .into_any_nested_route()
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
            let kept = crate::ui::shell::base::with_carried(&href, &carried);
            if kept != href {
                if let Ok(history) = window.history() {
                    let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
                    let _ = history.replace_state_with_url(&state, "", Some(&kept));
                }
            }
        });
    }
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Page not found"</h1>
            <p>
                "There is nothing at this address. Go to "
                <a href=crate::ui::shell::base::link(routes::HOME)>"Database Access"</a>
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
    Effect::new(move |_| document().set_title(&routes::page_title(&location.pathname.get())));
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;
    #[wasm_bindgen_test]
    fn every_path_of_the_console_reaches_a_route() {
        let tree = leptos_router::RouteDefs::new(super::ConsoleRoutes());
        for path in crate::ui::shell::routes::every_path() {
            let path = path.split('?').next().unwrap_or_default();
            assert!(tree.match_route(path).is_some(), "{path} matches no route");
        }
        for stray in [
            "/database-access/nope",
            "/project-access/users/x",
            "/nowhere",
        ] {
            assert!(
                tree.match_route(stray).is_none(),
                "{stray} should be Page not found"
            );
        }
    }
}
