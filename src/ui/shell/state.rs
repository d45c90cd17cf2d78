//! The project data every screen reads, loaded from the backend; a write reads again what it changed. Provided
//! as context by the app. Screens read the collections (read-only signals) and write through
//! `write::use_write`; their form state stays close to where it is used.
pub use super::load::{find_for_edit, ForEdit, Load};
use crate::backend::person::{refusal, PORTAL_NOT_SIGNED_IN, PORTAL_PROJECT_NOT_ALLOWED};
use crate::backend::{Backend, ProjectInfo};
use domain::model::DEFAULT_CUSTOM_ROLES_LIMIT;
use domain::model::{CustomDbRole, DatabaseUser};
use domain::permissions::Permission;
use domain::portal::Me;
use domain::project::{ActivityEvent, Principal};
use domain::project_access::{Member, OrgTeam};
use domain::validate::ProjectContext;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::rc::Rc;

/// The part of the project a write changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    /// Custom roles and database users (read together: users are checked against the roles).
    DatabaseAccess,
    /// The project's users, teams, API keys and service accounts, and the organization's teams.
    ProjectAccess,
}

#[derive(Clone, Copy)]
pub struct ProjectData {
    backend: StoredValue<Rc<dyn Backend>, LocalStorage>,
    pub project: ReadSignal<Load<ProjectInfo>>,
    pub roles: ReadSignal<Load<Vec<CustomDbRole>>>,
    pub users: ReadSignal<Load<Vec<DatabaseUser>>>,
    /// Read when a screen first asks (`activity()`, `members()`, `org_teams()`), not at start: only
    /// screens loaded on demand show them, and their code is in those screens' chunk.
    activity: ReadSignal<Load<Vec<ActivityEvent>>>,
    members: ReadSignal<Load<Vec<Member>>>,
    org_teams: ReadSignal<Load<Vec<OrgTeam>>>,
    lazy: StoredValue<Lazy>,
    /// Only this module writes the collections: what they hold is always what the backend answered.
    set: Setters,
    /// The latest read started for each part (see `Tickets`).
    tickets: StoredValue<Tickets>,
    /// Loads and refreshes under way: the page is `aria-busy` meanwhile.
    reading: RwSignal<u32>,
}

/// Counts a load or refresh as under way from when it is asked for until its task ends (or is dropped).
struct Reading(RwSignal<u32>);

impl Reading {
    fn start(count: RwSignal<u32>) -> Self {
        count.update(|n| *n += 1);
        Reading(count)
    }
}

impl Drop for Reading {
    fn drop(&mut self) {
        // try_: the console may have been unmounted meanwhile.
        self.0.try_update(|n| *n = n.saturating_sub(1));
    }
}

#[derive(Clone, Copy)]
struct Setters {
    project: WriteSignal<Load<ProjectInfo>>,
    roles: WriteSignal<Load<Vec<CustomDbRole>>>,
    users: WriteSignal<Load<Vec<DatabaseUser>>>,
    activity: WriteSignal<Load<Vec<ActivityEvent>>>,
    members: WriteSignal<Load<Vec<Member>>>,
    org_teams: WriteSignal<Load<Vec<OrgTeam>>>,
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

/// The parts read only once asked for, and whether this load's project read has been answered (they are
/// read after it, as at start: over HTTP it says who acts and which organization holds the teams).
#[derive(Clone, Copy, Default)]
struct Lazy {
    project_read: bool,
    project_access: bool,
    activity: bool,
}

#[derive(Clone, Copy)]
enum LazyPart {
    ProjectAccess,
    Activity,
}

impl LazyPart {
    fn wanted(self, lazy: &mut Lazy) -> &mut bool {
        match self {
            LazyPart::ProjectAccess => &mut lazy.project_access,
            LazyPart::Activity => &mut lazy.activity,
        }
    }
}

impl ProjectData {
    /// Starts loading everything from `backend` (chosen where the app starts: `super::start`).
    pub fn load(backend: Rc<dyn Backend>) -> Self {
        let (project, set_project) = signal(Load::Loading);
        let (roles, set_roles) = signal(Load::Loading);
        let (users, set_users) = signal(Load::Loading);
        let (activity, set_activity) = signal(Load::Loading);
        let (members, set_members) = signal(Load::Loading);
        let (org_teams, set_org_teams) = signal(Load::Loading);
        let data = ProjectData {
            backend: StoredValue::new_local(backend),
            project,
            roles,
            users,
            activity,
            members,
            org_teams,
            set: Setters {
                project: set_project,
                roles: set_roles,
                users: set_users,
                activity: set_activity,
                members: set_members,
                org_teams: set_org_teams,
            },
            lazy: StoredValue::new(Lazy::default()),
            tickets: StoredValue::new(Tickets::default()),
            reading: RwSignal::new(0),
        };
        data.reload();
        data
    }

    pub fn backend(&self) -> Rc<dyn Backend> {
        self.backend.get_value()
    }

    /// Fetches everything again (at start, after a reset or "View as").
    pub fn reload(&self) {
        let this = *self;
        let reading = Reading::start(self.reading);
        spawn_local(async move {
            let _reading = reading;
            // The console may have been unmounted before this task ran: then there is nothing to read.
            let Some(b) = this.backend.try_get_value() else {
                return;
            };
            // The project first: over HTTP it also tells which organization the teams are read from.
            this.lazy.update_value(|l| l.project_read = false);
            let ticket = this.ticket(|t| &mut t.project);
            let project = b.project().await;
            // The portal answers nothing else to someone not signed in or not allowed on this project:
            // every part says why at once instead of asking.
            let refused = project
                .as_ref()
                .err()
                .filter(|e| refuses_everything(e))
                .cloned();
            if this.is_latest(|t| &mut t.project, ticket) {
                this.set.project.set(project.into());
            }
            if let Some(e) = refused {
                if this.is_latest(|t| &mut t.project, ticket) {
                    this.fail_all(e);
                }
                return;
            }
            // The rest at once: through a portal's proxy each is a round trip, and one after another a
            // slow one held back everything after it. The parts read on demand only once asked for.
            let Some(lazy) = this.lazy.try_update_value(|l| {
                l.project_read = true;
                *l
            }) else {
                return;
            };
            futures::future::join3(
                this.read_database_access(&*b),
                this.read_if(lazy.activity, this.read_activity(&*b)),
                this.read_if(lazy.project_access, this.read_project_access(&*b)),
            )
            .await;
        });
    }

    /// Fetches `area` again, and the activity feed, which records every write: what a write changed.
    /// (Everything again is ten requests through a portal's proxy, and Atlas rate-limits them.)
    pub fn refresh(&self, area: Area) {
        let this = *self;
        let reading = Reading::start(self.reading);
        spawn_local(async move {
            let _reading = reading;
            // The console may have been unmounted before this task ran: then there is nothing to read.
            let Some(b) = this.backend.try_get_value() else {
                return;
            };
            let lazy = this.lazy.try_get_value().unwrap_or_default();
            let changed = async {
                match area {
                    Area::DatabaseAccess => this.read_database_access(&*b).await,
                    Area::ProjectAccess => {
                        this.read_if(lazy.project_access, this.read_project_access(&*b))
                            .await
                    }
                }
            };
            futures::future::join(
                changed,
                this.read_if(lazy.activity, this.read_activity(&*b)),
            )
            .await;
        });
    }

    /// The project's Activity Feed (tracked), read the first time this is called.
    pub fn activity(&self) -> ReadSignal<Load<Vec<ActivityEvent>>> {
        self.want(LazyPart::Activity);
        self.activity
    }

    /// The project's users, teams, API keys and service accounts (tracked), read the first time this or
    /// `org_teams` is called.
    pub fn members(&self) -> ReadSignal<Load<Vec<Member>>> {
        self.want(LazyPart::ProjectAccess);
        self.members
    }

    /// The organization's teams (tracked), read with `members`.
    pub fn org_teams(&self) -> ReadSignal<Load<Vec<OrgTeam>>> {
        self.want(LazyPart::ProjectAccess);
        self.org_teams
    }

    /// Marks `part` as asked for; the first time, reads it now if the project has been read (otherwise
    /// the load under way reads it after the project).
    fn want(&self, part: LazyPart) {
        let now = self
            .lazy
            .try_update_value(|l| {
                let first = !*part.wanted(l);
                *part.wanted(l) = true;
                first && l.project_read
            })
            .unwrap_or(false);
        if !now {
            return;
        }
        let this = *self;
        spawn_local(async move {
            let _reading = Reading::start(this.reading);
            let Some(b) = this.backend.try_get_value() else {
                return;
            };
            match part {
                LazyPart::ProjectAccess => this.read_project_access(&*b).await,
                LazyPart::Activity => this.read_activity(&*b).await,
            }
        });
    }

    async fn read_if(self, wanted: bool, read: impl std::future::Future<Output = ()>) {
        if wanted {
            read.await;
        }
    }

    /// Every part but the project failed with `e` (which the project failed with).
    fn fail_all(&self, e: domain::model::ApiError) {
        self.set.roles.set(Load::Failed(e.clone()));
        self.set.users.set(Load::Failed(e.clone()));
        self.set.activity.set(Load::Failed(e.clone()));
        self.set.members.set(Load::Failed(e.clone()));
        self.set.org_teams.set(Load::Failed(e));
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
            self.set.roles.set(roles.into());
            self.set.users.set(users.into());
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
        self.set.org_teams.set(teams.into());
        let members = b.list_members().await;
        if self.is_latest(part, ticket) {
            self.set.members.set(members.into());
        }
    }

    async fn read_activity(self, b: &dyn Backend) {
        let part: Part = |t| &mut t.activity;
        let ticket = self.ticket(part);
        let activity = b.activity().await;
        if self.is_latest(part, ticket) {
            self.set.activity.set(activity.into());
        }
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

    /// The project's custom role names, in the order read (tracked); none while loading.
    pub fn role_names(&self) -> Vec<String> {
        self.roles.with(|r| {
            r.ready()
                .map(|r| r.iter().map(|c| c.role_name.clone()).collect())
                .unwrap_or_default()
        })
    }

    /// The project's custom roles (tracked); none while loading.
    pub fn custom_roles(&self) -> Vec<CustomDbRole> {
        self.roles.with(|r| r.ready().cloned().unwrap_or_default())
    }

    /// The project's id (tracked); empty while loading.
    pub fn project_id(&self) -> String {
        self.project
            .with(|p| p.ready().map(|p| p.id.clone()).unwrap_or_default())
    }

    /// Whether a load or a refresh is under way (tracked).
    pub fn reading(&self) -> bool {
        self.reading.get() > 0
    }

    /// Who the console acts as (tracked); `None` while the project loads.
    pub fn principal(&self) -> Option<Principal> {
        self.project
            .with(|p| p.ready().map(|p| p.principal.clone()))
    }

    /// Why the principal may not make changes needing `permission` (tracked); `None` when they may, or
    /// while loading (the backend still checks every write).
    pub fn refusal(&self, permission: Permission) -> Option<String> {
        self.refusal_of(permission, false)
    }

    /// As `refusal`, for a control that also creates a credential (`mints`: an API key or a service
    /// account), which the portal allows only a Project Owner.
    pub fn refusal_of(&self, permission: Permission, mints: bool) -> Option<String> {
        // try_: asked from a write's continuation or a closure that may outlive its console (unmounted).
        self.project
            .try_with(|p| {
                p.ready()
                    .and_then(|p| refusal(&p.principal, p.portal.as_ref(), permission, mints))
            })
            .flatten()
    }

    /// The signed-in person when a portal named them (tracked: known once the project was read); the top
    /// bar's name, role and projects.
    pub fn person(&self) -> Option<Me> {
        self.project.track();
        self.backend.try_get_value()?.person()
    }

    /// Whether the portal refused this person the project (`ProjectData::person` lists the ones they may use).
    pub fn project_not_allowed(&self) -> bool {
        self.project
            .with(|p| matches!(p, Load::Failed(e) if e.error_code == PORTAL_PROJECT_NOT_ALLOWED))
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

    /// The limit Atlas answered after "Change Limit" saved it (no other read returns it over HTTP).
    pub fn set_custom_role_limit(&self, limit: usize) {
        self.set.project.update(|p| {
            if let Load::Ready(p) = p {
                p.custom_role_limit = limit;
            }
        });
    }

    pub fn custom_role_limit(&self) -> Option<usize> {
        self.project
            .with(|p| p.ready().map(|p| p.custom_role_limit))
    }
}

/// The portal's refusals that no other read would get past.
fn refuses_everything(e: &domain::model::ApiError) -> bool {
    [PORTAL_NOT_SIGNED_IN, PORTAL_PROJECT_NOT_ALLOWED].contains(&e.error_code.as_str())
}

/// The project's data for every screen below (`start::open` makes it).
pub fn provide_data(data: ProjectData) {
    provide_context(data);
}

pub fn use_data() -> ProjectData {
    expect_context::<ProjectData>()
}
