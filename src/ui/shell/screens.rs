//! The screens after the first one: the role editor (with its picker), Database Users, Project Access and
//! the tools. Each is a route of its own type (`Lazy<T>` in the route tree), so a release build can load
//! its code on demand:
//!
//! - with the `split` feature (release builds, `scripts/build-wasm`), each screen's view is a
//!   `wasm_split` function: its code leaves the main module for a chunk named after its group, fetched the
//!   first time the screen opens (or earlier: `prefetch_editor`). A chunk that can't be fetched (offline, a
//!   page left open across a deployment) shows "The console could not load this screen" with a Reload
//!   button instead of taking the console down: the split is `fallible`, where Leptos 0.8's own
//!   `#[lazy_route]` panics and so aborts the module.
//! - without it (`trunk serve`, the browser tests) the same routes render the same views from the one
//!   module, through the same `Lazy` routes;
//! - with `first-screen-only` (`scripts/bench --floor`) each of them is a placeholder: what is left is the
//!   least the first screen can weigh.
use leptos::prelude::*;
use leptos_router::LazyRoute;

/// Why a screen's view is missing: its chunk could not be fetched (split builds; nothing else fails).
#[cfg(feature = "split")]
pub type LoadFailed = wasm_split_helpers::SplitLoaderError;
#[cfg(not(feature = "split"))]
pub type LoadFailed = std::convert::Infallible;

/// A screen loaded on demand: `on_demand!(Route, view_fn, preload_fn, chunk => view)`. The function names
/// are spelled out because the split's link names are made from them (and must differ per screen).
macro_rules! on_demand {
    ($(#[$doc:meta])* $route:ident, $show:ident, $preload:ident, $chunk:ident => $view:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug)]
        pub struct $route;

        #[cfg_attr(
            feature = "split",
            wasm_split_helpers::wasm_split($chunk, fallible, preload($preload))
        )]
        fn $show() -> Result<AnyView, LoadFailed> {
            #[cfg(not(feature = "first-screen-only"))]
            let shown = $view.into_any();
            #[cfg(feature = "first-screen-only")]
            let shown = view! { <Placeholder /> }.into_any();
            Ok(shown)
        }

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_: Self) -> AnyView {
                #[cfg(feature = "split")]
                let shown = $show().await;
                #[cfg(not(feature = "split"))]
                let shown = $show();
                shown.unwrap_or_else(|_| view! { <CouldNotLoad /> }.into_any())
            }

            async fn preload() {
                // A failed fetch is not kept: opening the screen tries again, and says so if that fails.
                #[cfg(feature = "split")]
                let _ = $preload().await;
            }
        }
    };
}

// A floor build leaves the screens out, so nothing names them there.
#[cfg_attr(feature = "first-screen-only", allow(unused_imports))]
use crate::ui::custom_roles::{EditRolePage, NewRolePage};
#[cfg_attr(feature = "first-screen-only", allow(unused_imports))]
use crate::ui::database_users::{DatabaseUsersTab, EditUserDialog, NewUserDialog};
#[cfg_attr(feature = "first-screen-only", allow(unused_imports))]
use crate::ui::project_access as pa;

on_demand!(
    /// "Add New Custom Role" (the role editor with its picker).
    NewRoleScreen, new_role_view, new_role_preload, role_editor => view! { <NewRolePage /> }
);
on_demand!(
    /// The role editor on an existing role.
    EditRoleScreen, edit_role_view, edit_role_preload, role_editor => view! { <EditRolePage /> }
);

// Across projects (issue 30): "Copy to projects…" and "Compare projects".
on_demand!(CopyRolesScreen, copy_view, copy_preload, across => view! { <crate::ui::across::CopyRolesPage /> });
on_demand!(CompareProjectsScreen, compare_view, compare_preload, across => view! { <crate::ui::across::CompareProjectsPage /> });

on_demand!(
    /// The Database Users tab (its dialogs are routes below it).
    UsersScreen, users_view, users_preload, database_users => view! { <DatabaseUsersTab /> }
);
on_demand!(
    NewUserScreen, new_user_view, new_user_preload, database_users => view! { <NewUserDialog /> }
);
on_demand!(
    EditUserScreen, edit_user_view, edit_user_preload, database_users => view! { <EditUserDialog /> }
);

on_demand!(
    /// The Project Access page with its tabs (each tab and dialog is a route below it).
    ProjectAccessScreen, project_access_view, project_access_preload, project_access =>
        view! { <pa::ProjectAccessPage /> }
);
on_demand!(
    ProjectUsersScreen, project_users_view, project_users_preload, project_access => view! { <pa::UsersTab /> }
);
on_demand!(TeamsScreen, teams_view, teams_preload, project_access => view! { <pa::TeamsTab /> });
on_demand!(ApiKeysScreen, api_keys_view, api_keys_preload, project_access => view! { <pa::ApiKeysTab /> });
on_demand!(
    ServiceAccountsScreen, service_accounts_view, service_accounts_preload, project_access =>
        view! { <pa::ServiceAccountsTab /> }
);
on_demand!(
    InviteScreen, invite_view, invite_preload, project_access => view! { <pa::InviteDialog /> }
);
on_demand!(
    AddTeamScreen, add_team_view, add_team_preload, project_access => view! { <pa::AddTeamDialog /> }
);
on_demand!(
    NewApiKeyScreen, new_api_key_view, new_api_key_preload, project_access =>
        view! { <pa::CreateApiKeyDialog /> }
);
on_demand!(
    NewServiceAccountScreen, new_service_account_view, new_service_account_preload, project_access =>
        view! { <pa::CreateServiceAccountDialog /> }
);
on_demand!(
    MemberRolesScreen, member_roles_view, member_roles_preload, project_access =>
        view! { <pa::EditRolesDialog /> }
);

on_demand!(
    /// "Which role do I need?"
    WhichRoleScreen, which_role_view, which_role_preload, tools => view! { <pa::WhichRolePage /> }
);
on_demand!(
    /// "Who can …?"
    WhoCanScreen, who_can_view, who_can_preload, tools => view! { <crate::ui::lookup::WhoCanPage /> }
);
on_demand!(
    /// Least privilege.
    LeastPrivilegeScreen, least_privilege_view, least_privilege_preload, tools =>
        view! { <crate::ui::lint::LintReportPage /> }
);
on_demand!(
    /// The Activity Feed.
    ActivityScreen, activity_view, activity_preload, tools =>
        view! { <crate::ui::activity::ActivityFeedPage /> }
);

/// Fetches the role editor's code once the first screen has been painted, so "Add New Custom Role" and
/// "Edit" open without a wait (a split build; elsewhere there is nothing to fetch).
pub fn prefetch_editor() {
    #[cfg(feature = "split")]
    {
        use wasm_bindgen::{closure::Closure, JsCast};
        // The frame after the next one: the first screen is on the glass by then.
        let after_paint = Closure::once_into_js(|| {
            let fetch = Closure::once_into_js(|| {
                leptos::task::spawn_local(<NewRoleScreen as LazyRoute>::preload());
            });
            let _ = window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(fetch.unchecked_ref(), 0);
        });
        let _ = window().request_animation_frame(after_paint.unchecked_ref());
    }
}

/// What a screen shows when its code could not be fetched: a way back that works.
#[component]
pub fn CouldNotLoad() -> impl IntoView {
    view! {
        <section class="page">
            <div class="banner banner-error" role="alert">
                <p>"The console could not load this screen — "
                    <button type="button" class="btn" on:click=|_| {
                        let _ = window().location().reload();
                    }>"Reload"</button>
                </p>
            </div>
        </section>
    }
}

/// `first-screen-only`: where a screen would be.
#[cfg(feature = "first-screen-only")]
#[component]
fn Placeholder() -> impl IntoView {
    view! { <section class="page"><p>"Not in this build (scripts/bench --floor)."</p></section> }
}
