//! Where data lives: one async interface in the Admin API's terms, and the embedded in-browser
//! implementation (`local`) the app runs on by default. Errors are always the Atlas envelope, so screens
//! handle a refusal from the embedded backend and from Atlas the same way.
pub mod http;
pub mod local;
pub mod person;

use domain::model::{
    ApiError, ApiKey, ClusterSummary, CreateProjectApiKey, CreateServiceAccount, CustomDbRole,
    DatabaseUser, InviteProjectUser, ProjectUser, ServiceAccount, TeamRole, UpdateCustomDbRole,
};
use domain::portal::{Me, MeProject};
use domain::project::{ActivityEvent, Principal};
use domain::project_access::{Member, MemberKind, OrgTeam};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

/// Futures in the browser are single-threaded, so they need not be `Send`.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;
pub type ApiResult<T> = Result<T, ApiError>;

/// What the console needs to know about the project it manages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectInfo {
    /// 24-hex Atlas project (group) id.
    pub id: String,
    pub name: String,
    pub clusters: Vec<ClusterSummary>,
    /// The project's custom-role limit (100 unless raised, at most 1,400).
    pub custom_role_limit: usize,
    pub principal: Principal,
    /// What `dbaccess-portal` adds to the principal's roles; `None` for the demo and other proxies.
    pub portal: Option<person::PortalRules>,
    /// Names of the federated database instances and stream processing workspaces a database user can be
    /// restricted to (scopes of type `DATA_LAKE` and `STREAM`); empty when they can't be read.
    pub federated_databases: Vec<String>,
    pub stream_workspaces: Vec<String>,
}

/// The Admin API operations the console uses. Mutations of one project are applied one at a time.
pub trait Backend {
    /// The signed-in person when a portal named them (`dbaccess-portal`), known once `project` was read
    /// (over HTTP that asks first: the person decides who the console acts as); `None` for the demo and
    /// for a proxy that doesn't say.
    fn person(&self) -> Option<Me>;
    /// The projects the person may open here (this one among them), with their roles in each; empty
    /// when only this one is known. Through a portal, the portal's list; in the demo, its projects.
    fn projects(&self) -> Vec<MeProject> {
        self.person().map(|me| me.projects).unwrap_or_default()
    }
    /// The same kind of backend on another of [`Self::projects`], acting as the same person there
    /// ("Copy to projects…", "Compare projects"); `None` for a project not among them.
    fn on_project(&self, _id: &str) -> Option<Rc<dyn Backend>> {
        None
    }
    fn project(&self) -> BoxFuture<'_, ApiResult<ProjectInfo>>;
    fn list_custom_roles(&self) -> BoxFuture<'_, ApiResult<Vec<CustomDbRole>>>;
    fn list_database_users(&self) -> BoxFuture<'_, ApiResult<Vec<DatabaseUser>>>;
    /// The operations of the screens loaded on demand (`OnDemand`): in a split build their code is in
    /// those screens' chunk, fetched here if it isn't yet (an error if it can't be).
    fn on_demand(&self) -> BoxFuture<'_, ApiResult<&dyn OnDemand>>;
}

/// The operations only code loaded on demand uses (the screens after the first, `src/ui/app/screens.rs`,
/// and the list's dialogs), or an undo of what that code did; nothing at start (the project's access and
/// activity are read when a screen first asks for them: `ProjectData::members`). They are not in `Backend`
/// because every method of a trait object's vtable is linked where the object is made, in the first
/// screen's module; reached through `Backend::on_demand`, their code goes to the chunk of those screens.
/// Callers holding a `dyn Backend` call them as before (the methods on `dyn Backend` below).
pub trait OnDemand {
    /// The project's Activity Feed, newest first.
    fn activity(&self) -> BoxFuture<'_, ApiResult<Vec<ActivityEvent>>>;
    /// Atlas users, teams, API keys and service accounts holding project roles.
    fn list_members(&self) -> BoxFuture<'_, ApiResult<Vec<Member>>>;
    /// The organization's teams (what "Add Team" can choose from).
    fn list_org_teams(&self) -> BoxFuture<'_, ApiResult<Vec<OrgTeam>>>;
    /// One role as stored now (the editor re-reads it before an update, to catch someone else's change).
    fn get_custom_role(&self, name: String) -> BoxFuture<'_, ApiResult<CustomDbRole>>;
    fn create_custom_role(&self, role: CustomDbRole) -> BoxFuture<'_, ApiResult<CustomDbRole>>;
    fn update_custom_role(
        &self,
        name: String,
        update: UpdateCustomDbRole,
    ) -> BoxFuture<'_, ApiResult<CustomDbRole>>;
    fn delete_custom_role(&self, name: String) -> BoxFuture<'_, ApiResult<()>>;
    /// Sets how many custom roles the project may have (Project Owner only); the new limit.
    fn set_custom_role_limit(&self, value: usize) -> BoxFuture<'_, ApiResult<usize>>;
    fn create_database_user(&self, user: DatabaseUser) -> BoxFuture<'_, ApiResult<DatabaseUser>>;
    /// `db`/`username` address the existing user; `user` is the new state (a password only to change it).
    fn update_database_user(
        &self,
        db: String,
        username: String,
        user: DatabaseUser,
    ) -> BoxFuture<'_, ApiResult<DatabaseUser>>;
    /// One user as stored now (an update re-reads it first, to catch someone else's change); 404 once
    /// it was deleted.
    fn get_database_user(
        &self,
        db: String,
        username: String,
    ) -> BoxFuture<'_, ApiResult<DatabaseUser>>;
    fn delete_database_user(&self, db: String, username: String) -> BoxFuture<'_, ApiResult<()>>;
    /// A new certificate for an Atlas-managed X.509 user, valid `months`: the PEM, shown once and never
    /// kept (Project Owner only).
    fn create_user_certificate(
        &self,
        username: String,
        months: u32,
    ) -> BoxFuture<'_, ApiResult<String>>;
    fn invite_user(&self, invite: InviteProjectUser) -> BoxFuture<'_, ApiResult<ProjectUser>>;
    fn add_team(&self, team_id: String, roles: Vec<String>) -> BoxFuture<'_, ApiResult<TeamRole>>;
    /// The answer holds the private key; nothing else ever will.
    fn create_api_key(&self, key: CreateProjectApiKey) -> BoxFuture<'_, ApiResult<ApiKey>>;
    /// The answer holds the client secret; nothing else ever will.
    fn create_service_account(
        &self,
        account: CreateServiceAccount,
    ) -> BoxFuture<'_, ApiResult<ServiceAccount>>;
    /// Replaces a member's project roles.
    fn set_member_roles(
        &self,
        kind: MemberKind,
        id: String,
        roles: Vec<String>,
    ) -> BoxFuture<'_, ApiResult<Member>>;
    fn remove_member(&self, kind: MemberKind, id: String) -> BoxFuture<'_, ApiResult<()>>;
}

/// `OnDemand`'s operations on any backend, through `Backend::on_demand`.
macro_rules! on_demand {
    ($($name:ident($($arg:ident: $ty:ty),*) -> $out:ty;)*) => {
        impl dyn Backend + '_ {
            $(
                pub fn $name(&self, $($arg: $ty),*) -> BoxFuture<'_, ApiResult<$out>> {
                    Box::pin(async move { self.on_demand().await?.$name($($arg),*).await })
                }
            )*
        }
    };
}
on_demand! {
    activity() -> Vec<ActivityEvent>;
    list_members() -> Vec<Member>;
    list_org_teams() -> Vec<OrgTeam>;
    get_custom_role(name: String) -> CustomDbRole;
    create_custom_role(role: CustomDbRole) -> CustomDbRole;
    update_custom_role(name: String, update: UpdateCustomDbRole) -> CustomDbRole;
    delete_custom_role(name: String) -> ();
    set_custom_role_limit(value: usize) -> usize;
    create_database_user(user: DatabaseUser) -> DatabaseUser;
    update_database_user(db: String, username: String, user: DatabaseUser) -> DatabaseUser;
    get_database_user(db: String, username: String) -> DatabaseUser;
    delete_database_user(db: String, username: String) -> ();
    create_user_certificate(username: String, months: u32) -> String;
    invite_user(invite: InviteProjectUser) -> ProjectUser;
    add_team(team_id: String, roles: Vec<String>) -> TeamRole;
    create_api_key(key: CreateProjectApiKey) -> ApiKey;
    create_service_account(account: CreateServiceAccount) -> ServiceAccount;
    set_member_roles(kind: MemberKind, id: String, roles: Vec<String>) -> Member;
    remove_member(kind: MemberKind, id: String) -> ();
}

/// Why code loaded on demand is missing (`OnDemand`'s, a screen's): its chunk could not be fetched (split
/// builds; nothing else fails).
#[cfg(feature = "split")]
pub type LoadFailed = wasm_split_helpers::SplitLoaderError;
#[cfg(not(feature = "split"))]
pub type LoadFailed = std::convert::Infallible;

/// What an operation answers when its code could not be fetched: a network error.
#[cfg_attr(feature = "first-screen-only", allow(dead_code))]
fn not_loaded(_: LoadFailed) -> ApiError {
    domain::answer::client_error(
        0,
        http::NETWORK_ERROR,
        "The console could not load the code for this: check the connection and reload the page."
            .to_string(),
    )
}

/// What `Backend::on_demand` answers in a `first-screen-only` build.
#[cfg(feature = "first-screen-only")]
fn not_in_floor() -> ApiError {
    let why = "Not in this build (scripts/bench --floor).";
    domain::answer::client_error(0, http::NETWORK_ERROR, why.to_string())
}

/// `Backend::on_demand` of both backends. The split point of each returns the backend as `&dyn OnDemand`:
/// that coercion makes the vtable, so the operations' code is linked into the chunk with it.
macro_rules! load_on_demand {
    ($backend:ty, $split:ident) => {
        #[cfg(not(feature = "first-screen-only"))]
        #[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(screens, fallible))]
        fn $split(
            b: &$backend,
        ) -> Result<&dyn $crate::backend::OnDemand, $crate::backend::LoadFailed> {
            Ok(b)
        }

        impl $backend {
            fn load_on_demand(&self) -> BoxFuture<'_, ApiResult<&dyn $crate::backend::OnDemand>> {
                // `scripts/bench --floor`: whatever is loaded on demand is left out (its screens are
                // placeholders), so the vtable that would link these operations is never made.
                #[cfg(feature = "first-screen-only")]
                return Box::pin(std::future::ready(Err($crate::backend::not_in_floor())));
                #[cfg(not(feature = "first-screen-only"))]
                Box::pin(async move {
                    #[cfg(feature = "split")]
                    let loaded = $split(self).await;
                    #[cfg(not(feature = "split"))]
                    let loaded = $split(self);
                    loaded.map_err($crate::backend::not_loaded)
                })
            }
        }
    };
}
pub(crate) use load_on_demand;

/// Sends `writes` one after another, stopping at the first refusal (an undo after delete).
pub fn apply_writes(
    b: &dyn Backend,
    writes: Vec<domain::undo::Write>,
) -> BoxFuture<'_, ApiResult<()>> {
    use domain::undo::Write;
    Box::pin(async move {
        for w in writes {
            match w {
                Write::CreateRole(r) => drop(b.create_custom_role(r).await?),
                Write::UpdateRole { name, update } => {
                    drop(b.update_custom_role(name, update).await?)
                }
                Write::CreateUser(u) => drop(b.create_database_user(u).await?),
                Write::UpdateUser { db, username, user } => {
                    drop(b.update_database_user(db, username, user).await?)
                }
            }
        }
        Ok(())
    })
}
