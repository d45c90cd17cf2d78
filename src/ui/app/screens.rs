//! The screens after the first one: the role editor (with its picker), Database Users, Project Access and
//! the tools. Each is a route of its own type (`Lazy<T>` in the route tree), so a release build can load
//! its code on demand:
//!
//! - with the `split` feature (release builds, `scripts/build-wasm`), each screen's view is a
//!   `wasm_split` function: its code leaves the main module for one chunk, `split_screens.wasm`, fetched
//!   the first time a screen opens (or earlier: `prefetch_editor`). One chunk for all of them, not one per
//!   screen: separate files compress apart and wasm-opt can't optimise across them, so per-screen chunks
//!   (and the chunks of code they share) made the whole 17% larger than one module, against 7% for one
//!   chunk. The same chunk holds the other split points: the list's dialogs (`custom_roles::dialogs`), the
//!   backends' `OnDemand` operations and Undo's restore (`shell::undo`). A chunk that can't be fetched
//!   (offline, a page left open across a deployment) shows "The console could not load this screen" with
//!   a Reload button instead of taking the console down: the split is `fallible`, where Leptos 0.8's own
//!   `#[lazy_route]` panics and so aborts the module.
//! - without it (`trunk serve`, the browser tests) the same routes render the same views from the one
//!   module, through the same `Lazy` routes;
//! - with `first-screen-only` (`scripts/bench --floor`) each of them is a placeholder: what is left is the
//!   least the first screen can weigh.
use leptos::prelude::*;
use leptos_router::LazyRoute;

use crate::backend::LoadFailed;
use crate::ui::widgets::CouldNotLoad;
#[cfg(feature = "first-screen-only")]
use crate::ui::widgets::Placeholder;

/// A screen loaded on demand: `on_demand!(Route, view_fn, preload_fn => view)`. The function names
/// are spelled out because the split's link names are made from them (and must differ per screen).
macro_rules! on_demand {
    ($(#[$doc:meta])* $route:ident, $show:ident, $preload:ident => $view:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug)]
        pub struct $route;

        #[cfg_attr(
            feature = "split",
            wasm_split_helpers::wasm_split(screens, fallible, preload($preload))
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
                shown.unwrap_or_else(|_| view! { <ScreenNotLoaded /> }.into_any())
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
    NewRoleScreen, new_role_view, new_role_preload => view! { <NewRolePage /> }
);
on_demand!(
    /// The role editor on an existing role.
    EditRoleScreen, edit_role_view, edit_role_preload => view! { <EditRolePage /> }
);

// Across projects (issue 30): "Copy to projects…" and "Compare projects".
on_demand!(CopyRolesScreen, copy_view, copy_preload => view! { <crate::ui::across::CopyRolesPage /> });
on_demand!(CompareProjectsScreen, compare_view, compare_preload => view! { <crate::ui::across::CompareProjectsPage /> });

on_demand!(
    /// The Database Users tab (its dialogs are routes below it).
    UsersScreen, users_view, users_preload => view! { <DatabaseUsersTab /> }
);
on_demand!(
    NewUserScreen, new_user_view, new_user_preload => view! { <NewUserDialog /> }
);
on_demand!(
    EditUserScreen, edit_user_view, edit_user_preload => view! { <EditUserDialog /> }
);

on_demand!(
    /// The Project Access page with its tabs (each tab and dialog is a route below it).
    ProjectAccessScreen, project_access_view, project_access_preload =>
        view! { <pa::ProjectAccessPage /> }
);
on_demand!(
    ProjectUsersScreen, project_users_view, project_users_preload => view! { <pa::UsersTab /> }
);
on_demand!(TeamsScreen, teams_view, teams_preload => view! { <pa::TeamsTab /> });
on_demand!(ApiKeysScreen, api_keys_view, api_keys_preload => view! { <pa::ApiKeysTab /> });
on_demand!(
    ServiceAccountsScreen, service_accounts_view, service_accounts_preload =>
        view! { <pa::ServiceAccountsTab /> }
);
on_demand!(
    InviteScreen, invite_view, invite_preload => view! { <pa::InviteDialog /> }
);
on_demand!(
    AddTeamScreen, add_team_view, add_team_preload => view! { <pa::AddTeamDialog /> }
);
on_demand!(
    NewApiKeyScreen, new_api_key_view, new_api_key_preload =>
        view! { <pa::CreateApiKeyDialog /> }
);
on_demand!(
    NewServiceAccountScreen, new_service_account_view, new_service_account_preload =>
        view! { <pa::CreateServiceAccountDialog /> }
);
on_demand!(
    MemberRolesScreen, member_roles_view, member_roles_preload =>
        view! { <pa::EditRolesDialog /> }
);

on_demand!(
    /// "Which role do I need?"
    WhichRoleScreen, which_role_view, which_role_preload => view! { <pa::WhichRolePage /> }
);
on_demand!(
    /// "Who can …?"
    WhoCanScreen, who_can_view, who_can_preload => view! { <crate::ui::who_can::WhoCanPage /> }
);
on_demand!(
    /// Least privilege.
    LeastPrivilegeScreen, least_privilege_view, least_privilege_preload =>
        view! { <crate::ui::lint::LintReportPage /> }
);
on_demand!(
    /// The Activity Feed.
    ActivityScreen, activity_view, activity_preload =>
        view! { <crate::ui::activity::ActivityFeedPage /> }
);

/// Fetches the role editor's code once the first screen has been painted and the page is idle (called when
/// its data has been read), so "Add New Custom Role" and "Edit" open without a wait (a split build;
/// elsewhere there is nothing to fetch).
pub fn prefetch_editor() {
    #[cfg(feature = "split")]
    {
        use wasm_bindgen::{closure::Closure, JsCast};
        // After the next paint, once the page is idle: the chunk's download and compile then don't compete
        // with the first screen's own work on a small machine. At most 2 s later on a page that is never
        // idle; a timer where there is no idle callback.
        let after_paint = Closure::once_into_js(|| {
            let fetch = Closure::once_into_js(|| {
                leptos::task::spawn_local(<NewRoleScreen as LazyRoute>::preload());
            });
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"timeout".into(), &2000.into());
            if request_idle_callback(&fetch, &options).is_err() {
                let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(
                    fetch.unchecked_ref(),
                    0,
                );
            }
        });
        let _ = window().request_animation_frame(after_paint.unchecked_ref());
    }
}

// Not in web-sys's enabled features; one binding here spares every crate on web-sys a rebuild.
#[cfg(feature = "split")]
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = requestIdleCallback, catch)]
    fn request_idle_callback(
        callback: &wasm_bindgen::JsValue,
        options: &js_sys::Object,
    ) -> Result<u32, wasm_bindgen::JsValue>;
}

/// What a screen shows when its code could not be fetched.
#[component]
fn ScreenNotLoaded() -> impl IntoView {
    view! { <section class="page"><CouldNotLoad /></section> }
}
