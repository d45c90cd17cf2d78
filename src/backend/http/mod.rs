//! The Atlas Admin API v2 over HTTP, through a portal's same-origin proxy (browsers can't hold Atlas
//! credentials, and Atlas sends no CORS headers). Requests come from `domain::api`, which the contract
//! tests check against the OpenAPI document; this module only sends them and reads the answers.
//!
//! - Every request has a timeout; a `429` is retried after `Retry-After` (bounded); other failures are
//!   returned as Atlas-shaped errors, marked retryable where trying again may help.
//! - Writes are sent strictly one at a time (Atlas does not support concurrent custom-role writes).
//! - A role just created may not be readable yet: reads by name retry `ATLAS_CUSTOM_ROLE_NOT_FOUND` briefly.
use super::person::Caller;
use super::{ApiResult, Backend, BoxFuture, OnDemand, ProjectInfo};
use domain::answer::parse;
use domain::api::Group;
use domain::model::{
    ApiKey, CreateProjectApiKey, CreateServiceAccount, CustomDbRole, DatabaseUser,
    InviteProjectUser, Paginated, ProjectLimit, ProjectUser, ServiceAccount, TeamRole,
    UpdateCustomDbRole, CUSTOM_ROLES_LIMIT_NAME,
};
use domain::portal::Me;
use domain::project::ActivityEvent;
use domain::project_access::{Member, MemberKind, OrgTeam};
use domain::ErrorCode;
use futures::lock::Mutex;
use serde_json::Value;
use std::cell::RefCell;

mod me;
mod members;
mod project;
mod send;
pub use send::requests_under_way;
mod wire;

/// Client-side error codes (Atlas never sends these): the request got no usable answer.
pub const NETWORK_ERROR: &str = "NETWORK_ERROR";
pub const REQUEST_TIMEOUT: &str = "REQUEST_TIMEOUT";

pub struct HttpBackend {
    /// Where `/api/atlas/v2/...` is served: the portal's proxy ("" = this page's origin).
    base: String,
    group: String,
    timeout_ms: u32,
    /// Who is behind the proxy, once known (read once from the portal, or given). It only shapes the UI:
    /// the portal and Atlas refuse anything the person may not do.
    caller: RefCell<Option<Caller>>,
    writes: Mutex<()>,
    org_id: RefCell<Option<String>>,
    /// The organization's teams as `list_org_teams` last fetched them, for the member list of the same
    /// load (which names project teams by them): used once, so a load fetches them once, not twice.
    org_teams: RefCell<Option<ApiResult<Vec<OrgTeam>>>>,
}

impl HttpBackend {
    /// `caller`: who is behind the proxy when already known; `None` asks the portal at the first read.
    pub fn new(base: &str, group: &str, timeout_ms: u32, caller: Option<Caller>) -> Self {
        HttpBackend {
            base: base.trim_end_matches('/').to_string(),
            group: group.to_string(),
            timeout_ms,
            caller: RefCell::new(caller),
            writes: Mutex::new(()),
            org_id: RefCell::new(None),
            org_teams: RefCell::new(None),
        }
    }

    fn g(&self) -> Group<'_> {
        Group(&self.group)
    }
}

impl Backend for HttpBackend {
    fn person(&self) -> Option<Me> {
        self.caller.borrow().as_ref()?.person().cloned()
    }

    fn on_project(&self, id: &str) -> Option<std::rc::Rc<dyn Backend>> {
        let me = self.person()?;
        me.projects.iter().any(|p| p.id == id).then(|| {
            std::rc::Rc::new(HttpBackend::new(
                &self.base,
                id,
                self.timeout_ms,
                self.caller.borrow().clone(),
            )) as std::rc::Rc<dyn Backend>
        })
    }

    fn project(&self) -> BoxFuture<'_, ApiResult<ProjectInfo>> {
        Box::pin(self.project_info())
    }

    fn list_custom_roles(&self) -> BoxFuture<'_, ApiResult<Vec<CustomDbRole>>> {
        Box::pin(self.get(self.g().custom_roles()))
    }

    fn list_database_users(&self) -> BoxFuture<'_, ApiResult<Vec<DatabaseUser>>> {
        Box::pin(self.list(self.g().database_users()))
    }

    fn on_demand(&self) -> BoxFuture<'_, ApiResult<&dyn OnDemand>> {
        self.load_on_demand()
    }
}

super::load_on_demand!(HttpBackend, http_on_demand);

impl OnDemand for HttpBackend {
    /// Atlas's custom-role and database-user audit events are outside the contract subset we were given,
    /// so over HTTP the feed is empty rather than guessed; the Activity Feed page says so.
    fn activity(&self) -> BoxFuture<'_, ApiResult<Vec<ActivityEvent>>> {
        Box::pin(std::future::ready(Ok(Vec::new())))
    }

    fn list_members(&self) -> BoxFuture<'_, ApiResult<Vec<Member>>> {
        Box::pin(self.members())
    }

    fn list_org_teams(&self) -> BoxFuture<'_, ApiResult<Vec<OrgTeam>>> {
        Box::pin(async move {
            let teams = self.org_teams().await;
            *self.org_teams.borrow_mut() = Some(teams.clone());
            teams
        })
    }

    fn get_custom_role(&self, name: String) -> BoxFuture<'_, ApiResult<CustomDbRole>> {
        Box::pin(async move { self.get(self.g().custom_role(&name)).await })
    }

    fn create_custom_role(&self, role: CustomDbRole) -> BoxFuture<'_, ApiResult<CustomDbRole>> {
        Box::pin(async move {
            let name = role.role_name.clone();
            let accepted = match self
                .write::<Value>(self.g().create_custom_role(&role))
                .await
            {
                Ok(v) => v,
                // A create that timed out may have landed: trying again meets the role. When it grants
                // exactly what was sent, it is this write (or the same one), so the create is done.
                Err(e)
                    if e.error_code
                        == ErrorCode::ATLAS_CUSTOM_ROLE_NAME_ALREADY_EXISTS.as_str() =>
                {
                    return match self.custom_role(&name).await {
                        Ok(existing)
                            if domain::text::grants(&existing) == domain::text::grants(&role) =>
                        {
                            Ok(existing)
                        }
                        _ => Err(e),
                    };
                }
                Err(e) => return Err(e),
            };
            // Atlas accepts (202) before the role is readable everywhere: read it back, waiting briefly.
            match self.custom_role(&name).await {
                // Still propagating when the retries run out: Atlas accepted it, and its 202 answer is
                // the role, so the create is done (a list read later shows it as Atlas has it).
                Err(e) if e.error_code == ErrorCode::ATLAS_CUSTOM_ROLE_NOT_FOUND.as_str() => {
                    Ok(parse(accepted).unwrap_or(role))
                }
                other => other,
            }
        })
    }

    fn update_custom_role(
        &self,
        name: String,
        update: UpdateCustomDbRole,
    ) -> BoxFuture<'_, ApiResult<CustomDbRole>> {
        Box::pin(self.write(self.g().update_custom_role(&name, &update)))
    }

    fn set_custom_role_limit(&self, value: usize) -> BoxFuture<'_, ApiResult<usize>> {
        Box::pin(async move {
            let call = self.g().set_limit(CUSTOM_ROLES_LIMIT_NAME, value as i64);
            let limit: ProjectLimit = self.write(call).await?;
            Ok(usize::try_from(limit.value).unwrap_or(value))
        })
    }

    fn delete_custom_role(&self, name: String) -> BoxFuture<'_, ApiResult<()>> {
        Box::pin(self.write_empty(self.g().delete_custom_role(&name)))
    }

    fn create_database_user(&self, user: DatabaseUser) -> BoxFuture<'_, ApiResult<DatabaseUser>> {
        Box::pin(self.write(self.g().create_database_user(&user)))
    }

    fn update_database_user(
        &self,
        db: String,
        username: String,
        user: DatabaseUser,
    ) -> BoxFuture<'_, ApiResult<DatabaseUser>> {
        Box::pin(self.write(self.g().update_database_user(&db, &username, &user)))
    }

    fn create_user_certificate(
        &self,
        username: String,
        months: u32,
    ) -> BoxFuture<'_, ApiResult<String>> {
        Box::pin(self.write_text(self.g().create_user_certificate(&username, months)))
    }

    fn get_database_user(
        &self,
        db: String,
        username: String,
    ) -> BoxFuture<'_, ApiResult<DatabaseUser>> {
        Box::pin(async move { self.get(self.g().database_user(&db, &username)).await })
    }

    fn delete_database_user(&self, db: String, username: String) -> BoxFuture<'_, ApiResult<()>> {
        Box::pin(self.write_empty(self.g().delete_database_user(&db, &username)))
    }

    fn invite_user(&self, invite: InviteProjectUser) -> BoxFuture<'_, ApiResult<ProjectUser>> {
        Box::pin(self.write(self.g().invite_user(&invite)))
    }

    fn add_team(&self, team_id: String, roles: Vec<String>) -> BoxFuture<'_, ApiResult<TeamRole>> {
        Box::pin(async move {
            let teams: Paginated<TeamRole> =
                self.write(self.g().add_team(&team_id, &roles)).await?;
            Ok(teams
                .results
                .into_iter()
                .find(|t| t.team_id == team_id)
                .unwrap_or(TeamRole {
                    team_id,
                    role_names: roles,
                }))
        })
    }

    fn create_api_key(&self, key: CreateProjectApiKey) -> BoxFuture<'_, ApiResult<ApiKey>> {
        Box::pin(self.write(self.g().create_api_key(&key)))
    }

    fn create_service_account(
        &self,
        account: CreateServiceAccount,
    ) -> BoxFuture<'_, ApiResult<ServiceAccount>> {
        Box::pin(self.write(self.g().create_service_account(&account)))
    }

    fn set_member_roles(
        &self,
        kind: MemberKind,
        id: String,
        roles: Vec<String>,
    ) -> BoxFuture<'_, ApiResult<Member>> {
        Box::pin(self.set_roles(kind, id, roles))
    }

    fn remove_member(&self, kind: MemberKind, id: String) -> BoxFuture<'_, ApiResult<()>> {
        let g = self.g();
        let call = match kind {
            MemberKind::User => g.remove_user(&id),
            MemberKind::Team => g.remove_team(&id),
            MemberKind::ApiKey => g.remove_api_key(&id),
            MemberKind::ServiceAccount => g.remove_service_account(&id),
        };
        Box::pin(self.write_empty(call))
    }
}
