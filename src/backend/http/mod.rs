//! The Atlas Admin API v2 over HTTP, through a portal's same-origin proxy (browsers can't hold Atlas
//! credentials, and Atlas sends no CORS headers). Requests come from `domain::api`, which the contract
//! tests check against the OpenAPI document; this module only sends them and reads the answers.
//!
//! - Every request has a timeout; a `429` is retried after `Retry-After` (bounded); other failures are
//!   returned as Atlas-shaped errors, marked retryable where trying again may help.
//! - Writes are sent strictly one at a time (Atlas does not support concurrent custom-role writes).
//! - A role just created may not be readable yet: reads by name retry `ATLAS_CUSTOM_ROLE_NOT_FOUND` briefly.
use super::{ApiResult, Backend, BoxFuture, ProjectInfo};
use domain::api::{self, Call, Group};
use domain::model::{
    ApiError, ApiKey, ClusterSummary, CreateProjectApiKey, CreateServiceAccount, CustomDbRole,
    DatabaseUser, InviteProjectUser, Paginated, ProjectLimit, ProjectUser, ServiceAccount,
    TeamRole, UpdateCustomDbRole, CUSTOM_ROLES_LIMIT_NAME, DEFAULT_CUSTOM_ROLES_LIMIT,
};
use domain::project::{ActivityEvent, Principal};
use domain::project_access::{Member, MemberKind, OrgTeam};
use domain::ErrorCode;
use futures::lock::Mutex;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;
use std::cell::RefCell;

mod wire;
use domain::answer::{self, parse};
use wire::{method, network_error, set_timeout, sleep, timeout_error};

/// How many times a rate-limited request is sent again, and the longest wait honoured.
const RATE_LIMIT_RETRIES: u32 = 3;
const MAX_RETRY_WAIT_MS: u32 = 10_000;
/// Reads of a just-created role: attempts and the pause between them.
const PROPAGATION_ATTEMPTS: u32 = 6;
const PROPAGATION_PAUSE_MS: u32 = 250;

/// What came back: status, `Content-Type`, body text, `Retry-After` seconds.
type Answer = (u16, Option<String>, String, Option<u32>);

/// Client-side error codes (Atlas never sends these): the request got no usable answer.
pub const NETWORK_ERROR: &str = "NETWORK_ERROR";
pub const REQUEST_TIMEOUT: &str = "REQUEST_TIMEOUT";

pub struct HttpBackend {
    /// Where `/api/atlas/v2/...` is served: the portal's proxy ("" = this page's origin).
    base: String,
    group: String,
    timeout_ms: u32,
    /// Who the console acts as. Over HTTP the proxy's credentials decide; this only shapes the UI, and
    /// Atlas refuses anything they don't allow.
    principal: Principal,
    writes: Mutex<()>,
    org_id: RefCell<Option<String>>,
    /// The organization's teams as `list_org_teams` last fetched them, for the member list of the same
    /// load (which names project teams by them): used once, so a load fetches them once, not twice.
    org_teams: RefCell<Option<ApiResult<Vec<OrgTeam>>>>,
}

impl HttpBackend {
    pub fn new(base: &str, group: &str, timeout_ms: u32, principal: Principal) -> Self {
        HttpBackend {
            base: base.trim_end_matches('/').to_string(),
            group: group.to_string(),
            timeout_ms,
            principal,
            writes: Mutex::new(()),
            org_id: RefCell::new(None),
            org_teams: RefCell::new(None),
        }
    }

    fn g(&self) -> Group<'_> {
        Group(&self.group)
    }

    /// Sends `call`, retrying a `429` after `Retry-After`; `None` for an empty answer.
    async fn send(&self, call: &Call) -> ApiResult<Option<Value>> {
        self.send_reading(call, answer::read).await
    }

    /// Sends `call` and reads the answer with `read` (JSON, or text such as a certificate), retrying a
    /// `429` after `Retry-After`.
    async fn send_reading<T>(
        &self,
        call: &Call,
        read: impl Fn(u16, Option<&str>, &str) -> ApiResult<T>,
    ) -> ApiResult<T> {
        let mut attempt = 0;
        loop {
            let outcome = self
                .send_once(call)
                .await
                .and_then(|(status, ct, text, retry)| {
                    read(status, ct.as_deref(), &text).map_err(|e| (e, retry))
                });
            match outcome {
                Err((e, retry_after)) if e.error == 429 && attempt < RATE_LIMIT_RETRIES => {
                    attempt += 1;
                    // Atlas says when to come back; without it, back off exponentially.
                    let wait = retry_after
                        .map(|s| s.saturating_mul(1000))
                        .unwrap_or(500 << attempt)
                        .min(MAX_RETRY_WAIT_MS);
                    sleep(wait).await;
                }
                other => return other.map_err(|(e, _)| e),
            }
        }
    }

    /// One request: status, media type, body text and `Retry-After`, or why there was no answer.
    async fn send_once(&self, call: &Call) -> Result<Answer, (ApiError, Option<u32>)> {
        let url = format!("{}{}", self.base, call.path_and_query());
        let media = call.media_type();
        let controller = web_sys::AbortController::new().ok();
        let signal = controller.as_ref().map(|c| c.signal());
        let timer = controller
            .clone()
            .and_then(|c| set_timeout(self.timeout_ms, move || c.abort()));
        let builder = gloo_net::http::RequestBuilder::new(&url)
            .method(method(call.method))
            .header("Accept", &media)
            .abort_signal(signal.as_ref());
        let request = match &call.body {
            Some(body) => builder
                .header("Content-Type", &media)
                .body(body.to_string()),
            None => builder.build(),
        }
        .map_err(|e| (network_error(&e.to_string(), call), None))?;
        let outcome = async {
            let response = request.send().await?;
            let text = response.text().await?;
            Ok::<_, gloo_net::Error>((response, text))
        }
        .await;
        if let Some(id) = timer {
            if let Some(w) = web_sys::window() {
                w.clear_timeout_with_handle(id);
            }
        }
        let aborted = signal.as_ref().is_some_and(web_sys::AbortSignal::aborted);
        let (response, text) = outcome.map_err(|e| {
            if aborted {
                (timeout_error(self.timeout_ms, call), None)
            } else {
                (network_error(&e.to_string(), call), None)
            }
        })?;
        let status = response.status();
        let retry_after = response
            .headers()
            .get("Retry-After")
            .and_then(|v| v.trim().parse::<u32>().ok());
        let content_type = response.headers().get("Content-Type");
        Ok((status, content_type, text, retry_after))
    }

    async fn get<T: DeserializeOwned>(&self, call: Call) -> ApiResult<T> {
        let value = self.send(&call).await?.unwrap_or(Value::Null);
        parse(value)
    }

    /// Reads every page of a paginated list.
    async fn list<T: DeserializeOwned>(&self, call: Call) -> ApiResult<Vec<T>> {
        let mut all = Vec::new();
        let mut page_num = 1;
        loop {
            let page: Paginated<T> = self.get(call.clone().page(page_num)).await?;
            let len = page.results.len();
            all.extend(page.results);
            if !api::has_more(all.len(), page.total_count, len) {
                return Ok(all);
            }
            page_num += 1;
        }
    }

    /// Sends a write once the previous one has finished.
    async fn write<T: DeserializeOwned>(&self, call: Call) -> ApiResult<T> {
        let _turn = self.writes.lock().await;
        let value = self.send(&call).await?.unwrap_or(Value::Null);
        parse(value)
    }

    async fn write_empty(&self, call: Call) -> ApiResult<()> {
        let _turn = self.writes.lock().await;
        self.send(&call).await.map(|_| ())
    }

    /// A write whose answer is text, not JSON (a new certificate's PEM).
    async fn write_text(&self, call: Call) -> ApiResult<String> {
        let _turn = self.writes.lock().await;
        self.send_reading(&call, |status, _, text| answer::read_text(status, text))
            .await
    }

    /// Reads a role by name, waiting briefly while a just-created role propagates.
    async fn custom_role(&self, name: &str) -> ApiResult<CustomDbRole> {
        let mut attempt = 1;
        loop {
            match self.get(self.g().custom_role(name)).await {
                Err(e)
                    if e.error_code == ErrorCode::ATLAS_CUSTOM_ROLE_NOT_FOUND.as_str()
                        && attempt < PROPAGATION_ATTEMPTS =>
                {
                    attempt += 1;
                    sleep(PROPAGATION_PAUSE_MS * attempt).await;
                }
                other => return other,
            }
        }
    }

    async fn org_id(&self) -> ApiResult<String> {
        if let Some(id) = self.org_id.borrow().clone() {
            return Ok(id);
        }
        let group: GroupView = self.get(self.g().get()).await?;
        *self.org_id.borrow_mut() = Some(group.org_id.clone());
        Ok(group.org_id)
    }

    async fn project_info(&self) -> ApiResult<ProjectInfo> {
        let group: GroupView = self.get(self.g().get()).await?;
        *self.org_id.borrow_mut() = Some(group.org_id);
        let clusters: Vec<ClusterSummary> = self.list(self.g().clusters()).await?;
        // The limit is only readable with some roles; without it the documented default applies.
        let limit = self
            .get::<ProjectLimit>(self.g().limit(CUSTOM_ROLES_LIMIT_NAME))
            .await
            .ok()
            .and_then(|l| usize::try_from(l.value).ok())
            .unwrap_or(DEFAULT_CUSTOM_ROLES_LIMIT);
        // Outside the contract subset, and a proxy may not pass them: without them the user dialog offers
        // clusters and the scopes users already have.
        let (lakes, streams) = futures::future::join(
            self.get::<Vec<Named>>(self.g().federated_databases()),
            self.list::<Named>(self.g().stream_workspaces()),
        )
        .await;
        let names = |r: ApiResult<Vec<Named>>| {
            r.map(|v| v.into_iter().map(|n| n.name).collect())
                .unwrap_or_default()
        };
        Ok(ProjectInfo {
            id: group.id,
            name: group.name,
            clusters,
            custom_role_limit: limit,
            principal: self.principal.clone(),
            federated_databases: names(lakes),
            stream_workspaces: names(streams),
        })
    }

    async fn members(&self) -> ApiResult<Vec<Member>> {
        let users: Vec<ProjectUser> = self.list(self.g().users()).await?;
        let teams: Vec<TeamRole> = self.list(self.g().teams()).await?;
        let keys: Vec<ApiKey> = self.list(self.g().api_keys()).await?;
        let accounts: Vec<ServiceAccount> = self.list(self.g().service_accounts()).await?;
        // Team names live in the organization; a proxy may not expose it, then ids are shown.
        let fetched = self.org_teams.borrow_mut().take();
        let names = match fetched {
            Some(teams) => teams,
            None => self.org_teams().await,
        }
        .unwrap_or_default();
        let name = |id: &str| names.iter().find(|t| t.id == id).map(|t| t.name.as_str());
        Ok(users
            .iter()
            .map(Member::user)
            .chain(teams.iter().map(|t| Member::team(t, name(&t.team_id))))
            .chain(keys.iter().map(|k| Member::api_key(k, &self.group)))
            .chain(accounts.iter().map(Member::service_account))
            .collect())
    }

    async fn org_teams(&self) -> ApiResult<Vec<OrgTeam>> {
        let org = self.org_id().await?;
        self.list(api::org_teams(&org)).await
    }

    async fn set_roles(
        &self,
        kind: MemberKind,
        id: String,
        roles: Vec<String>,
    ) -> ApiResult<Member> {
        let g = self.g();
        match kind {
            MemberKind::User => {
                // One role at a time with :addRole/:removeRole (what Project Access Manager may call;
                // the PUT of the whole list is deprecated and Project Owner's). Adding first, as the
                // spec asks, so the user never has no role in between.
                let users: Vec<ProjectUser> = self.list(g.users()).await?;
                let held = users
                    .iter()
                    .find(|u| u.id == id)
                    .map(|u| u.roles.clone())
                    .unwrap_or_default();
                let mut user = users.into_iter().find(|u| u.id == id);
                for role in roles.iter().filter(|r| !held.contains(r)) {
                    user = Some(self.write(g.add_user_role(&id, role)).await?);
                }
                for role in held.iter().filter(|r| !roles.contains(r)) {
                    user = Some(self.write(g.remove_user_role(&id, role)).await?);
                }
                Ok(user.map(|u| Member::user(&u)).unwrap_or(Member {
                    kind,
                    id,
                    name: String::new(),
                    detail: String::new(),
                    roles,
                }))
            }
            MemberKind::Team => {
                let teams: Paginated<TeamRole> = self.write(g.set_team_roles(&id, &roles)).await?;
                let team = teams.results.iter().find(|t| t.team_id == id);
                Ok(Member::team(
                    team.unwrap_or(&TeamRole {
                        team_id: id.clone(),
                        role_names: roles,
                    }),
                    None,
                ))
            }
            MemberKind::ApiKey => {
                let key: ApiKey = self.write(g.set_api_key_roles(&id, &roles)).await?;
                Ok(Member::api_key(&key, &self.group))
            }
            MemberKind::ServiceAccount => {
                let account: ServiceAccount =
                    self.write(g.set_service_account_roles(&id, &roles)).await?;
                Ok(Member::service_account(&account))
            }
        }
    }
}

/// What the console reads of a project (`Group`).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GroupView {
    id: String,
    name: String,
    org_id: String,
}

/// A federated database instance or stream workspace: only its name is read.
#[derive(Deserialize)]
struct Named {
    name: String,
}

impl Backend for HttpBackend {
    fn project(&self) -> BoxFuture<'_, ApiResult<ProjectInfo>> {
        Box::pin(self.project_info())
    }

    fn list_custom_roles(&self) -> BoxFuture<'_, ApiResult<Vec<CustomDbRole>>> {
        Box::pin(self.get(self.g().custom_roles()))
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

    fn create_user_certificate(
        &self,
        username: String,
        months: u32,
    ) -> BoxFuture<'_, ApiResult<String>> {
        Box::pin(self.write_text(self.g().create_user_certificate(&username, months)))
    }

    fn delete_custom_role(&self, name: String) -> BoxFuture<'_, ApiResult<()>> {
        Box::pin(self.write_empty(self.g().delete_custom_role(&name)))
    }

    fn list_database_users(&self) -> BoxFuture<'_, ApiResult<Vec<DatabaseUser>>> {
        Box::pin(self.list(self.g().database_users()))
    }

    fn get_database_user(
        &self,
        db: String,
        username: String,
    ) -> BoxFuture<'_, ApiResult<DatabaseUser>> {
        Box::pin(async move { self.get(self.g().database_user(&db, &username)).await })
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

    fn delete_database_user(&self, db: String, username: String) -> BoxFuture<'_, ApiResult<()>> {
        Box::pin(self.write_empty(self.g().delete_database_user(&db, &username)))
    }

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
