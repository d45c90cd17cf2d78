//! The embedded backend: the demo project lives in `localStorage` and every write goes through
//! `domain::project`, which applies Atlas's rules and answers with Atlas's error envelope.
//!
//! Stored data is versioned. Data that can't be read (not JSON, another format version, a shape this
//! version doesn't understand) is never overwritten behind the user's back: the backend reports it as a
//! `LoadProblem`, the app shows a notice, and only "Reset demo project" replaces it, after keeping a copy.
use super::{ApiResult, Backend, BoxFuture, OnDemand, ProjectInfo};
use crate::random::{ALPHANUMERIC, HEX, LOWERCASE};
use domain::demo::DemoKind;
use domain::model::{
    ApiError, ApiKey, CreateProjectApiKey, CreateServiceAccount, CustomDbRole, DatabaseUser,
    InviteProjectUser, ProjectUser, ServiceAccount, TeamRole, UpdateCustomDbRole,
};
use domain::project::{ActivityEvent, Principal, Project};
use domain::project_access::{Member, MemberKind, NewApiKeyIds, NewServiceAccountIds, OrgTeam};
use domain::ErrorCode;
use std::cell::RefCell;

mod secrets;
mod stored;

use secrets::{demo_certificate, iso_in_hours, object_id, secret};
pub use stored::{default_key, sibling_key, LoadProblem, FORMAT_VERSION};
use stored::{parse, read_raw, refusal, storage, storage_error, write};

pub struct LocalBackend {
    key: String,
    kind: DemoKind,
    state: RefCell<Result<Project, LoadProblem>>,
    /// The stored text `state` was read from or written as. Another tab (or window) writing the same
    /// key changes it; then the stored project is read again, so writes from two tabs never clobber
    /// each other and each answers as Atlas would against the latest data.
    seen: RefCell<String>,
    /// Why the browser refused to store the project, once it has: from then on the demo works on the copy
    /// in memory (this tab only), which other tabs' stored data must not replace.
    memory_only: RefCell<Option<String>>,
}

fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

impl LocalBackend {
    /// Opens the project stored under `key`, creating the `kind` demo project when there is none.
    pub fn open(key: &str, kind: DemoKind) -> Self {
        let mut memory_only = None;
        let (state, seen) = match read_raw(key) {
            Some(raw) => (parse(&raw), raw),
            None => {
                let project = kind.project();
                // A browser that refuses storage still gets a working (unsaved) demo, and is told so.
                let seen = write(key, &project).unwrap_or_else(|why| {
                    memory_only = Some(why);
                    String::new()
                });
                (Ok(project), seen)
            }
        };
        LocalBackend {
            key: key.to_string(),
            kind,
            state: RefCell::new(state),
            seen: RefCell::new(seen),
            memory_only: RefCell::new(memory_only),
        }
    }

    /// Why the project lives only in this tab's memory (the browser refused to store it), if it does.
    pub fn memory_only(&self) -> Option<String> {
        self.memory_only.borrow().clone()
    }

    /// Stores `project` as the current one, or keeps it in memory only when the browser refuses.
    fn store(&self, project: &Project) {
        match write(&self.key, project) {
            Ok(text) => *self.seen.borrow_mut() = text,
            Err(why) => *self.memory_only.borrow_mut() = Some(why),
        }
    }

    /// Picks up what another tab stored since we last looked (not once we work in memory: what is
    /// stored is older than what this tab holds).
    fn refresh(&self) {
        if self.memory_only.borrow().is_some() {
            return;
        }
        if let Some(raw) = read_raw(&self.key) {
            if *self.seen.borrow() != raw {
                *self.state.borrow_mut() = parse(&raw);
                *self.seen.borrow_mut() = raw;
            }
        }
    }

    pub fn load_problem(&self) -> Option<LoadProblem> {
        self.state.borrow().as_ref().err().cloned()
    }

    /// Replaces the stored project with a fresh demo, keeping what was there under `<key>.previous`.
    /// When the old data can't be kept, nothing is reset: it would be lost.
    pub fn reset(&self) -> ApiResult<()> {
        if let Some(old) = read_raw(&self.key) {
            let backup = format!("{}.previous", self.key);
            storage()
                .ok_or_else(|| "storage is unavailable".to_string())
                .and_then(|s| s.set_item(&backup, &old).map_err(refusal))
                .map_err(|why| {
                    storage_error(format!(
                        "{why} (it could not keep the old data under {backup}, so the demo project was not reset)"
                    ))
                })?;
        }
        let project = self.kind.project();
        self.store(&project);
        *self.state.borrow_mut() = Ok(project);
        Ok(())
    }

    fn with<T>(&self, f: impl FnOnce(&Project) -> T) -> ApiResult<T> {
        self.refresh();
        match &*self.state.borrow() {
            Ok(p) => Ok(f(p)),
            Err(LoadProblem(why)) => Err(unavailable(why)),
        }
    }

    /// Applies one write to a copy, stores it, and only then makes it current. When the browser refuses
    /// to store it, the demo goes on in memory (`memory_only`) and the app says so. The RefCell borrow spans the whole write, so writes never
    /// interleave (they are applied one at a time, as Atlas requires).
    fn mutate<T>(&self, f: impl FnOnce(&mut Project, &str) -> ApiResult<T>) -> ApiResult<T> {
        self.refresh();
        let mut state = self.state.borrow_mut();
        let current = state
            .as_ref()
            .map_err(|LoadProblem(why)| unavailable(why))?;
        let mut next = current.clone();
        let out = f(&mut next, &now())?;
        self.store(&next);
        *state = Ok(next);
        Ok(out)
    }
}

impl LocalBackend {
    /// "View as": the demo's signed-in principal. Only the embedded backend has one to switch; it is
    /// stored with the project so every tab acts as the same person.
    /// The demo project `kind` kept beside this one (this one when it is `kind`).
    fn sibling(&self, kind: DemoKind) -> LocalBackend {
        LocalBackend::open(&sibling_key(&self.key, kind), kind)
    }

    pub fn set_principal(&self, principal: Principal) -> ApiResult<()> {
        self.mutate(|p, _| {
            p.principal = principal;
            Ok(())
        })
    }
}

/// The project roles `name` holds as a member of `project` (none when not a member).
fn roles_of(project: &Project, name: &str) -> Vec<String> {
    project
        .members
        .iter()
        .find(|m| m.username.eq_ignore_ascii_case(name))
        .map(|m| m.roles.clone())
        .unwrap_or_default()
}

fn unavailable(why: &str) -> ApiError {
    ApiError::new(ErrorCode::UNEXPECTED_ERROR, why.to_string(), Vec::new())
}

fn ready<'a, T: 'a>(value: T) -> BoxFuture<'a, T> {
    Box::pin(std::future::ready(value))
}

impl Backend for LocalBackend {
    /// The demo has principals ("View as"), not a signed-in person.
    fn person(&self) -> Option<domain::portal::Me> {
        None
    }

    /// The standard demo project, its staging and its production, with the roles the person acting here
    /// holds in each (the project's member of that name; none when they aren't one).
    fn projects(&self) -> Vec<domain::portal::MeProject> {
        if !DemoKind::FAMILY.contains(&self.kind) {
            return Vec::new();
        }
        let Ok(me) = self.with(|p| p.principal.clone()) else {
            return Vec::new();
        };
        DemoKind::FAMILY
            .into_iter()
            .filter_map(|kind| {
                let (name, roles) = if kind == self.kind {
                    (
                        self.with(|p| p.name.clone()).ok()?,
                        me.project_roles.clone(),
                    )
                } else {
                    // Read, not opened: listing the projects stores nothing (opening stores each
                    // sibling the first time, and every test's demo would then keep three).
                    let there = match read_raw(&sibling_key(&self.key, kind)) {
                        Some(raw) => parse(&raw).ok()?,
                        None => kind.project(),
                    };
                    (there.name.clone(), roles_of(&there, &me.name))
                };
                Some(domain::portal::MeProject {
                    id: kind.project_id()?.to_string(),
                    name: Some(name),
                    org_id: Some(domain::demo::ORG_ID.to_string()),
                    roles,
                    roles_unknown: None,
                })
            })
            .collect()
    }

    fn on_project(&self, id: &str) -> Option<std::rc::Rc<dyn Backend>> {
        let kind = DemoKind::of_project(id).filter(|_| DemoKind::FAMILY.contains(&self.kind))?;
        let me = self.with(|p| p.principal.clone()).ok()?;
        let there = self.sibling(kind);
        // The same person acts there, with the roles they hold there.
        let roles = there.with(|p| roles_of(p, &me.name)).ok()?;
        if kind != self.kind {
            let _ = there.set_principal(Principal {
                name: me.name,
                project_roles: roles,
            });
        }
        Some(std::rc::Rc::new(there))
    }

    fn project(&self) -> BoxFuture<'_, ApiResult<ProjectInfo>> {
        ready(self.with(|p| ProjectInfo {
            id: p.id.clone(),
            name: p.name.clone(),
            clusters: p.clusters.clone(),
            custom_role_limit: p.custom_role_limit,
            principal: p.principal.clone(),
            portal: None,
            federated_databases: p.federated_databases.clone(),
            stream_workspaces: p.stream_workspaces.clone(),
        }))
    }

    fn list_custom_roles(&self) -> BoxFuture<'_, ApiResult<Vec<CustomDbRole>>> {
        ready(self.with(|p| p.custom_roles.clone()))
    }

    fn list_database_users(&self) -> BoxFuture<'_, ApiResult<Vec<DatabaseUser>>> {
        ready(self.with(|p| p.users.clone()))
    }

    fn on_demand(&self) -> BoxFuture<'_, ApiResult<&dyn OnDemand>> {
        self.load_on_demand()
    }
}

super::load_on_demand!(LocalBackend, local_on_demand);

impl OnDemand for LocalBackend {
    fn activity(&self) -> BoxFuture<'_, ApiResult<Vec<ActivityEvent>>> {
        ready(self.with(|p| p.activity_newest_first().cloned().collect()))
    }

    fn list_members(&self) -> BoxFuture<'_, ApiResult<Vec<Member>>> {
        ready(self.with(Project::members))
    }

    fn list_org_teams(&self) -> BoxFuture<'_, ApiResult<Vec<OrgTeam>>> {
        ready(self.with(|p| p.org_teams.clone()))
    }

    fn get_custom_role(&self, name: String) -> BoxFuture<'_, ApiResult<CustomDbRole>> {
        ready(self.with(|p| p.get_custom_role(&name)).and_then(|r| r))
    }

    fn create_custom_role(&self, role: CustomDbRole) -> BoxFuture<'_, ApiResult<CustomDbRole>> {
        ready(self.mutate(|p, now| p.create_custom_role(role, now)))
    }

    fn update_custom_role(
        &self,
        name: String,
        update: UpdateCustomDbRole,
    ) -> BoxFuture<'_, ApiResult<CustomDbRole>> {
        ready(self.mutate(|p, now| p.update_custom_role(&name, update, now)))
    }

    fn set_custom_role_limit(&self, value: usize) -> BoxFuture<'_, ApiResult<usize>> {
        ready(self.mutate(|p, now| {
            p.set_custom_role_limit(value, now)?;
            Ok(p.custom_role_limit)
        }))
    }

    fn delete_custom_role(&self, name: String) -> BoxFuture<'_, ApiResult<()>> {
        ready(self.mutate(|p, now| p.delete_custom_role(&name, now)))
    }

    fn create_database_user(&self, user: DatabaseUser) -> BoxFuture<'_, ApiResult<DatabaseUser>> {
        ready(self.mutate(|p, now| p.create_database_user(user, now)))
    }

    fn update_database_user(
        &self,
        db: String,
        username: String,
        user: DatabaseUser,
    ) -> BoxFuture<'_, ApiResult<DatabaseUser>> {
        ready(self.mutate(|p, now| p.update_database_user(&db, &username, user, now)))
    }

    fn create_user_certificate(
        &self,
        username: String,
        months: u32,
    ) -> BoxFuture<'_, ApiResult<String>> {
        // The certificate first: without randomness nothing is recorded either.
        ready(demo_certificate(&username, months).and_then(|pem| {
            self.mutate(|p, now| p.create_user_certificate(&username, months, now))
                .map(|()| pem)
        }))
    }

    fn get_database_user(
        &self,
        db: String,
        username: String,
    ) -> BoxFuture<'_, ApiResult<DatabaseUser>> {
        ready(
            self.with(|p| p.get_database_user(&db, &username))
                .and_then(|r| r),
        )
    }

    fn delete_database_user(&self, db: String, username: String) -> BoxFuture<'_, ApiResult<()>> {
        ready(self.mutate(|p, now| p.delete_database_user(&db, &username, now)))
    }

    fn invite_user(&self, invite: InviteProjectUser) -> BoxFuture<'_, ApiResult<ProjectUser>> {
        ready(object_id().and_then(|id| self.mutate(|p, now| p.invite_user(invite, id, now))))
    }

    fn add_team(&self, team_id: String, roles: Vec<String>) -> BoxFuture<'_, ApiResult<TeamRole>> {
        ready(self.mutate(|p, now| p.add_team(&team_id, roles, now)))
    }

    fn create_api_key(&self, key: CreateProjectApiKey) -> BoxFuture<'_, ApiResult<ApiKey>> {
        let ids = || {
            Ok(NewApiKeyIds {
                id: object_id()?,
                public_key: secret(LOWERCASE, 8)?,
                private_key: format!(
                    "{}-{}-{}-{}",
                    secret(HEX, 8)?,
                    secret(HEX, 4)?,
                    secret(HEX, 4)?,
                    secret(HEX, 12)?
                ),
            })
        };
        ready(ids().and_then(|ids| self.mutate(|p, now| p.create_api_key(key, ids, now))))
    }

    fn create_service_account(
        &self,
        account: CreateServiceAccount,
    ) -> BoxFuture<'_, ApiResult<ServiceAccount>> {
        let ids = || {
            Ok(NewServiceAccountIds {
                client_id: format!("mdb_sa_id_{}", object_id()?),
                secret_id: object_id()?,
                secret: format!("mdb_sa_sk_{}", secret(ALPHANUMERIC, 40)?),
            })
        };
        let expires = iso_in_hours(account.secret_expires_after_hours.max(1));
        ready(ids().and_then(|ids| {
            self.mutate(|p, now| p.create_service_account(account, ids, now, &expires))
        }))
    }

    fn set_member_roles(
        &self,
        kind: MemberKind,
        id: String,
        roles: Vec<String>,
    ) -> BoxFuture<'_, ApiResult<Member>> {
        ready(self.mutate(|p, now| p.set_member_roles(kind, &id, roles, now)))
    }

    fn remove_member(&self, kind: MemberKind, id: String) -> BoxFuture<'_, ApiResult<()>> {
        ready(self.mutate(|p, now| p.remove_member(kind, &id, now)))
    }
}
