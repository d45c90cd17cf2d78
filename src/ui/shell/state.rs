//! The project data every screen reads, loaded from the backend; a write reads again what it changed. Provided
//! as context by the app; screens keep their own form state close to where it is used.
use crate::backend::local::LocalBackend;
use crate::backend::{ApiResult, Backend, BoxFuture, ProjectInfo};
use domain::model::DEFAULT_CUSTOM_ROLES_LIMIT;
use domain::model::{ApiError, CustomDbRole, DatabaseUser};
use domain::permissions::Permission;
use domain::project::{ActivityEvent, Principal};
use domain::project_access::{Member, OrgTeam};
use domain::validate::ProjectContext;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::rc::Rc;

/// A value fetched from the backend.
#[derive(Clone, Debug, PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(T),
    Failed(ApiError),
}

impl<T> Load<T> {
    pub fn ready(&self) -> Option<&T> {
        match self {
            Load::Ready(v) => Some(v),
            _ => None,
        }
    }
}

impl<T> Load<Vec<T>> {
    /// Loading, failed, or whether there is anything: what a list screen switches on. Read through a memo,
    /// it changes only when that does, so a reload neither clones the list nor rebuilds the screen's table.
    pub fn has_items(&self) -> Load<bool> {
        match self {
            Load::Loading => Load::Loading,
            Load::Failed(e) => Load::Failed(e.clone()),
            Load::Ready(items) => Load::Ready(!items.is_empty()),
        }
    }
}

impl<T> From<ApiResult<T>> for Load<T> {
    fn from(r: ApiResult<T>) -> Self {
        match r {
            Ok(v) => Load::Ready(v),
            Err(e) => Load::Failed(e),
        }
    }
}

/// The part of the project a write changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    /// Custom roles and database users (read together: users are checked against the roles).
    DatabaseAccess,
    /// The project's users, teams, API keys and service accounts, and the organization's teams.
    ProjectAccess,
}

#[derive(Clone, Copy)]
pub struct Data {
    backend: StoredValue<Rc<dyn Backend>, LocalStorage>,
    /// Set when the embedded backend is in use (for "Reset demo project").
    local: StoredValue<Option<Rc<LocalBackend>>, LocalStorage>,
    /// Why stored demo data could not be read, if it could not.
    pub load_problem: RwSignal<Option<String>>,
    /// Why the demo project lives only in this tab's memory (the browser refused to store it).
    pub memory_only: RwSignal<Option<String>>,
    pub project: RwSignal<Load<ProjectInfo>>,
    pub roles: RwSignal<Load<Vec<CustomDbRole>>>,
    pub users: RwSignal<Load<Vec<DatabaseUser>>>,
    pub activity: RwSignal<Load<Vec<ActivityEvent>>>,
    pub members: RwSignal<Load<Vec<Member>>>,
    pub org_teams: RwSignal<Load<Vec<OrgTeam>>>,
    /// The custom-role change saved last ("orders_reader saved"): Free and Flex clusters apply it later,
    /// and the list says so next to it.
    pub role_saved: RwSignal<Option<String>>,
    /// The latest read started for each part (see `Tickets`).
    tickets: StoredValue<Tickets>,
}

/// Every read of a part of the project takes the next number, and its answer is applied only if no later
/// read of that part has started since: a slow answer from an older load never replaces a newer one.
#[derive(Clone, Copy, Default)]
struct Tickets {
    project: u64,
    database_access: u64,
    project_access: u64,
    activity: u64,
}

type Part = fn(&mut Tickets) -> &mut u64;

impl Data {
    pub fn embedded(local: LocalBackend) -> Self {
        let local = Rc::new(local);
        Data::load(local.clone(), Some(local))
    }

    /// Starts loading everything from `backend`.
    fn load(backend: Rc<dyn Backend>, local: Option<Rc<LocalBackend>>) -> Self {
        let problem = local.as_ref().and_then(|l| l.load_problem()).map(|p| p.0);
        let data = Data {
            backend: StoredValue::new_local(backend),
            local: StoredValue::new_local(local),
            load_problem: RwSignal::new(problem),
            memory_only: RwSignal::new(None),
            project: RwSignal::new(Load::Loading),
            roles: RwSignal::new(Load::Loading),
            users: RwSignal::new(Load::Loading),
            activity: RwSignal::new(Load::Loading),
            members: RwSignal::new(Load::Loading),
            org_teams: RwSignal::new(Load::Loading),
            role_saved: RwSignal::new(None),
            tickets: StoredValue::new(Tickets::default()),
        };
        data.reload();
        data
    }

    /// The console on the Admin API (no demo storage, no "View as").
    pub fn remote(backend: Rc<dyn Backend>) -> Self {
        Data::load(backend, None)
    }

    /// The data of the backend `config` names.
    pub fn from_config(config: &crate::config::Config) -> Self {
        match &config.backend {
            // The app shows why instead of opening anything; were it asked, the demo sends nothing anywhere.
            crate::config::BackendConfig::Embedded | crate::config::BackendConfig::Refused(_) => {
                let local = LocalBackend::open(&config.storage_key, config.demo);
                if let Some(p) = &config.principal {
                    // A refused save leaves the stored principal; the demo still opens.
                    let _ = local.set_principal(p.clone());
                }
                Data::embedded(local)
            }
            crate::config::BackendConfig::Http {
                base_url,
                project_id,
                timeout_ms,
            } => Data::remote(Rc::new(crate::backend::http::HttpBackend::new(
                base_url,
                project_id,
                *timeout_ms,
                domain::permissions::proxy_principal(),
            ))),
        }
    }

    pub fn backend(&self) -> Rc<dyn Backend> {
        self.backend.get_value()
    }

    /// Whether the embedded demo could still store what it holds (after every write, it may not).
    fn note_storage(&self) {
        let why = self
            .local
            .with_value(|l| l.as_ref().and_then(|l| l.memory_only()));
        if self.memory_only.with_untracked(|w| *w != why) {
            self.memory_only.set(why);
        }
    }

    /// Fetches everything again (at start, after a reset or "View as").
    pub fn reload(&self) {
        self.note_storage();
        let this = *self;
        spawn_local(async move {
            // The console may have been unmounted before this task ran: then there is nothing to read.
            let Some(b) = this.backend.try_get_value() else {
                return;
            };
            // The project first: over HTTP it also tells which organization the teams are read from.
            let ticket = this.ticket(|t| &mut t.project);
            let project = b.project().await;
            if this.is_latest(|t| &mut t.project, ticket) {
                this.project.set(project.into());
            }
            // The rest at once: through a portal's proxy each is a round trip, and one after another a
            // slow one held back everything after it.
            futures::future::join3(
                this.read_database_access(&*b),
                this.read_activity(&*b),
                this.read_project_access(&*b),
            )
            .await;
        });
    }

    /// Fetches `area` again, and the activity feed, which records every write: what a write changed.
    /// (Everything again is ten requests through a portal's proxy, and Atlas rate-limits them.)
    pub fn refresh(&self, area: Area) {
        self.note_storage();
        let this = *self;
        spawn_local(async move {
            // The console may have been unmounted before this task ran: then there is nothing to read.
            let Some(b) = this.backend.try_get_value() else {
                return;
            };
            let changed = async {
                match area {
                    Area::DatabaseAccess => this.read_database_access(&*b).await,
                    Area::ProjectAccess => this.read_project_access(&*b).await,
                }
            };
            futures::future::join(changed, this.read_activity(&*b)).await;
        });
    }

    /// Starts a read of `part`: its number.
    fn ticket(&self, part: Part) -> u64 {
        self.tickets
            .try_update_value(|t| {
                *part(t) += 1;
                *part(t)
            })
            .unwrap_or(0)
    }

    /// Whether the read numbered `ticket` is still the latest of `part` (false once unmounted).
    fn is_latest(&self, part: Part, ticket: u64) -> bool {
        self.tickets
            .try_with_value(|t| {
                let mut t = *t;
                *part(&mut t) == ticket
            })
            .unwrap_or(false)
    }

    async fn read_database_access(self, b: &dyn Backend) {
        let part: Part = |t| &mut t.database_access;
        let ticket = self.ticket(part);
        let (roles, users) =
            futures::future::join(b.list_custom_roles(), b.list_database_users()).await;
        // Users only with the custom roles they are checked against: a user dialog opened in between
        // would call every custom role unknown.
        if self.is_latest(part, ticket) {
            self.roles.set(roles.into());
            self.users.set(users.into());
        }
    }

    async fn read_project_access(self, b: &dyn Backend) {
        let part: Part = |t| &mut t.project_access;
        let ticket = self.ticket(part);
        // Teams before members: over HTTP the member list names teams by this answer.
        let teams = b.list_org_teams().await;
        if !self.is_latest(part, ticket) {
            return;
        }
        self.org_teams.set(teams.into());
        let members = b.list_members().await;
        if self.is_latest(part, ticket) {
            self.members.set(members.into());
        }
    }

    async fn read_activity(self, b: &dyn Backend) {
        let part: Part = |t| &mut t.activity;
        let ticket = self.ticket(part);
        let activity = b.activity().await;
        if self.is_latest(part, ticket) {
            self.activity.set(activity.into());
        }
    }

    /// Runs one backend write: `busy` while it runs; on success reads `area` again (see `refresh`) and
    /// calls `on_ok`, on refusal puts the Atlas error in `error` (the caller's input stays untouched
    /// either way).
    pub fn write<T: 'static>(
        &self,
        area: Area,
        busy: RwSignal<bool>,
        error: RwSignal<Option<ApiError>>,
        op: impl for<'a> FnOnce(&'a dyn Backend) -> BoxFuture<'a, ApiResult<T>> + 'static,
        on_ok: impl FnOnce(T) + 'static,
    ) {
        let this = *self;
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let backend = this.backend();
            let result = op(&*backend).await;
            busy.set(false);
            match result {
                Ok(v) => {
                    this.refresh(area);
                    on_ok(v);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    }

    /// Replaces unreadable (or any) stored demo data with a fresh demo project.
    pub fn reset_demo(&self) -> ApiResult<()> {
        if let Some(local) = self.local.get_value() {
            local.reset()?;
            self.load_problem.set(None);
            self.reload();
        }
        Ok(())
    }

    /// Runs `f` with what the rules need to know about the project, borrowed from the loaded data (tracked,
    /// never cloned: editors call this on every keystroke). Data still loading counts as empty.
    pub fn with_context<T>(&self, f: impl FnOnce(&ProjectContext<'_>) -> T) -> T {
        self.roles.with(|roles| {
            self.users.with(|users| {
                self.project.with(|project| {
                    let project = project.ready();
                    f(&ProjectContext {
                        custom_roles: roles.ready().map_or(&[], Vec::as_slice),
                        users: users.ready().map_or(&[], Vec::as_slice),
                        clusters: project.map_or(&[], |p| p.clusters.as_slice()),
                        custom_role_limit: project
                            .map_or(DEFAULT_CUSTOM_ROLES_LIMIT, |p| p.custom_role_limit),
                    })
                })
            })
        })
    }

    /// Who the console acts as (tracked); `None` while the project loads.
    pub fn principal(&self) -> Option<Principal> {
        self.project
            .with(|p| p.ready().map(|p| p.principal.clone()))
    }

    /// Why the principal may not make changes needing `permission` (tracked); `None` when they may, or
    /// while loading (the backend still checks every write).
    pub fn refusal(&self, permission: Permission) -> Option<&'static str> {
        // try_: asked from a write's continuation or a closure that may outlive its console (unmounted).
        self.project
            .try_with(|p| p.ready().and_then(|p| p.principal.refusal(permission)))
            .flatten()
    }

    /// Whether the embedded demo backend is in use (it has principals to "View as").
    pub fn is_embedded(&self) -> bool {
        self.local.try_with_value(Option::is_some).unwrap_or(false)
    }

    /// "View as": switches the embedded demo's principal; every screen follows without a page reload.
    pub fn view_as(&self, principal: Principal) -> ApiResult<()> {
        if let Some(local) = self.local.get_value() {
            local.set_principal(principal)?;
            self.reload();
        }
        Ok(())
    }

    /// The project's Free and Flex clusters (tracked): custom-role changes reach them up to 30 s later.
    pub fn late_clusters(&self) -> Vec<String> {
        self.project.with(|p| {
            p.ready()
                .map(|p| {
                    p.clusters
                        .iter()
                        .filter(|c| c.applies_role_changes_late())
                        .map(|c| c.name.clone())
                        .collect()
                })
                .unwrap_or_default()
        })
    }

    pub fn custom_role_limit(&self) -> Option<usize> {
        self.project
            .with(|p| p.ready().map(|p| p.custom_role_limit))
    }
}

/// What a screen shows instead of `what` while it loads or when loading failed (with "Try again").
#[component]
pub fn LoadStatus(data: Data, what: &'static str, error: Option<ApiError>) -> impl IntoView {
    match error {
        None => view! { <p class="loading" role="status">{format!("Loading {what}…")}</p> }.into_any(),
        Some(e) => view! {
            <crate::ui::widgets::Banner message=format!("{what} could not be loaded: {}", e.message())>
                <button type="button" class="button" on:click=move |_| data.reload()>"Try again"</button>
            </crate::ui::widgets::Banner>
        }
        .into_any(),
    }
}

pub fn use_data() -> Data {
    expect_context::<Data>()
}

/// The item of a loaded list an edit form is about.
#[derive(Clone, Debug, PartialEq)]
pub enum Lookup<T> {
    Loading,
    Failed(ApiError),
    Missing,
    Found(T),
}

/// Finds the item `matches` picks in `list` for an edit form. Only *whether* it is there is tracked (a
/// memo), so a reload after any write, another tab's change or "View as" does not re-create an open
/// form and lose what was typed: the form takes the item once, when it opens.
pub fn lookup<T: Clone + Send + Sync + 'static>(
    list: RwSignal<Load<Vec<T>>>,
    matches: impl Fn(&T) -> bool + Clone + Send + Sync + 'static,
) -> impl Fn() -> Lookup<T> + Clone {
    let m = matches.clone();
    let presence = Memo::new(move |_| {
        list.with(|l| match l {
            Load::Loading => Lookup::Loading,
            Load::Failed(e) => Lookup::Failed(e.clone()),
            Load::Ready(items) if items.iter().any(&m) => Lookup::Found(()),
            Load::Ready(_) => Lookup::Missing,
        })
    });
    move || match presence.get() {
        Lookup::Loading => Lookup::Loading,
        Lookup::Failed(e) => Lookup::Failed(e),
        Lookup::Missing => Lookup::Missing,
        Lookup::Found(()) => list.with_untracked(|l| {
            l.ready()
                .and_then(|items| items.iter().find(|i| matches(i)).cloned())
                .map_or(Lookup::Missing, Lookup::Found)
        }),
    }
}
