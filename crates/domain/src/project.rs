//! A project's access-control state and the way Atlas applies writes to it: every write is validated by
//! `validate` first and refused with the Atlas error envelope, accepted writes are recorded in the
//! activity feed. The embedded backend keeps one of these in browser storage; a native emulator can keep
//! one in a file. Pure data in, data out: the caller supplies the time.
use crate::diff::Change;
use crate::errors::ErrorCode::*;
use crate::model::{
    ApiError, ApiKey, ClusterSummary, CustomDbRole, DatabaseUser, OrgTeam, ProjectUser,
    ServiceAccount, TeamRole, UpdateCustomDbRole, DEFAULT_CUSTOM_ROLES_LIMIT,
};
use crate::permissions::Permission;
pub use crate::permissions::Principal;
use crate::text::{describe_grants, grants, plural};

use crate::validate::{delete_blockers, validate_role, Issue, ProjectContext, RoleMode};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ActivityKind {
    CustomRoleCreated,
    CustomRoleUpdated,
    CustomRoleDeleted,
    DatabaseUserCreated,
    DatabaseUserUpdated,
    DatabaseUserDeleted,
    /// A user invited, a team added, an API key or service account created.
    ProjectAccessGranted,
    ProjectAccessUpdated,
    ProjectAccessRemoved,
    /// A project limit set (e.g. how many custom roles the project may have).
    ProjectLimitChanged,
}

impl ActivityKind {
    pub fn label(self) -> &'static str {
        match self {
            ActivityKind::CustomRoleCreated => "Custom role created",
            ActivityKind::CustomRoleUpdated => "Custom role updated",
            ActivityKind::CustomRoleDeleted => "Custom role deleted",
            ActivityKind::DatabaseUserCreated => "Database user created",
            ActivityKind::DatabaseUserUpdated => "Database user updated",
            ActivityKind::DatabaseUserDeleted => "Database user deleted",
            ActivityKind::ProjectAccessGranted => "Project access granted",
            ActivityKind::ProjectAccessUpdated => "Project roles changed",
            ActivityKind::ProjectAccessRemoved => "Project access removed",
            ActivityKind::ProjectLimitChanged => "Project limit changed",
        }
    }
}

/// One entry of the project's Activity Feed (Atlas audits custom-role changes there).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActivityEvent {
    /// ISO 8601 time of the change.
    pub at: String,
    pub principal: String,
    pub kind: ActivityKind,
    /// The role (or user) the change is about.
    pub target: String,
    pub summary: String,
    /// Before/after of a custom-role or database-user change, as lines added and removed (older stored
    /// feeds have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<crate::diff::Change>,
}

impl ActivityEvent {
    /// The feed's filters: about `target` and made by `actor` (`None` = any).
    pub fn matches(&self, target: Option<&str>, actor: Option<&str>) -> bool {
        target.is_none_or(|t| self.target == t) && actor.is_none_or(|a| self.principal == a)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Project {
    pub id: String,
    pub name: String,
    pub clusters: Vec<ClusterSummary>,
    pub custom_roles: Vec<CustomDbRole>,
    pub users: Vec<DatabaseUser>,
    #[serde(default = "default_limit")]
    pub custom_role_limit: usize,
    pub principal: Principal,
    /// Oldest first; `activity_newest_first` gives the feed order.
    #[serde(default)]
    pub activity: Vec<ActivityEvent>,
    /// Atlas users holding project roles (invited ones are pending).
    #[serde(default)]
    pub members: Vec<ProjectUser>,
    /// The organization's teams, which can be added to the project.
    #[serde(default)]
    pub org_teams: Vec<OrgTeam>,
    #[serde(default)]
    pub teams: Vec<TeamRole>,
    /// Never holds a private key.
    #[serde(default)]
    pub api_keys: Vec<ApiKey>,
    /// Never holds a client secret.
    #[serde(default)]
    pub service_accounts: Vec<ServiceAccount>,
    /// Names of the project's federated database instances (a user scope of type `DATA_LAKE`).
    #[serde(default)]
    pub federated_databases: Vec<String>,
    /// Names of the project's stream processing workspaces (a user scope of type `STREAM`).
    #[serde(default)]
    pub stream_workspaces: Vec<String>,
    /// Service accounts of the organization that are in no project (one removed from this project
    /// stays in the organization, its secrets still valid).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub org_service_accounts: Vec<ServiceAccount>,
}

fn default_limit() -> usize {
    DEFAULT_CUSTOM_ROLES_LIMIT
}

/// The error Atlas answers with for the first blocking issue, or `None` when the write is allowed.
pub fn first_error(issues: &[Issue]) -> Option<ApiError> {
    issues
        .iter()
        .find(|i| i.is_error())
        .map(|i| ApiError::new(i.code, i.message.clone(), Vec::new()))
}

fn not_found(name: &str) -> ApiError {
    ApiError::new(
        ATLAS_CUSTOM_ROLE_NOT_FOUND,
        format!("The specified custom role {name} could not be found."),
        vec![name.to_string()],
    )
}

impl Project {
    pub fn context(&self) -> ProjectContext<'_> {
        ProjectContext {
            custom_roles: &self.custom_roles,
            users: &self.users,
            clusters: &self.clusters,
            custom_role_limit: self.custom_role_limit,
        }
    }

    pub fn custom_role(&self, name: &str) -> Option<&CustomDbRole> {
        self.custom_roles.iter().find(|r| r.role_name == name)
    }

    pub fn activity_newest_first(&self) -> impl Iterator<Item = &ActivityEvent> {
        self.activity.iter().rev()
    }

    /// `POST …/customDBRoles/roles`.
    pub fn create_custom_role(
        &mut self,
        role: CustomDbRole,
        now: &str,
    ) -> Result<CustomDbRole, ApiError> {
        self.principal.authorize(Permission::DatabaseAccess)?;
        if let Some(err) = first_error(&validate_role(&role, &self.context(), RoleMode::Create)) {
            return Err(err);
        }
        let summary = format!("Granted {}", describe_grants(&grants(&role)));
        self.record_change(
            ActivityKind::CustomRoleCreated,
            &role.role_name,
            summary,
            Some(Change::created(crate::diff::role_lines(&role))),
            now,
        );
        self.custom_roles.push(role.clone());
        Ok(role)
    }

    /// `PATCH …/customDBRoles/roles/{roleName}`: replaces actions and inherited roles wholesale.
    pub fn update_custom_role(
        &mut self,
        name: &str,
        update: UpdateCustomDbRole,
        now: &str,
    ) -> Result<CustomDbRole, ApiError> {
        self.principal.authorize(Permission::DatabaseAccess)?;
        let index = self
            .custom_roles
            .iter()
            .position(|r| r.role_name == name)
            .ok_or_else(|| not_found(name))?;
        let role = CustomDbRole {
            role_name: name.to_string(),
            actions: update.actions,
            inherited_roles: update.inherited_roles,
        };
        if let Some(err) = first_error(&validate_role(&role, &self.context(), RoleMode::Update)) {
            return Err(err);
        }
        let change = crate::diff::role_change(&self.custom_roles[index], &role);
        let (added, removed) = (&change.added, &change.removed);
        let summary = match (added.is_empty(), removed.is_empty()) {
            (true, true) => "No change".to_string(),
            (false, true) => format!("Added {}", describe_grants(added)),
            (true, false) => format!("Removed {}", describe_grants(removed)),
            (false, false) => format!(
                "Added {}; removed {}",
                describe_grants(added),
                describe_grants(removed)
            ),
        };
        self.record_change(
            ActivityKind::CustomRoleUpdated,
            name,
            summary,
            Some(change),
            now,
        );
        self.custom_roles[index] = role.clone();
        Ok(role)
    }

    /// `GET …/customDBRoles/roles/{roleName}`.
    pub fn get_custom_role(&self, name: &str) -> Result<CustomDbRole, ApiError> {
        self.custom_role(name)
            .cloned()
            .ok_or_else(|| not_found(name))
    }

    /// `DELETE …/customDBRoles/roles/{roleName}`. Refused (409) when a user or a role would be left with
    /// nothing; otherwise the role also disappears from the users and roles that held it.
    pub fn delete_custom_role(&mut self, name: &str, now: &str) -> Result<(), ApiError> {
        self.principal.authorize(Permission::DatabaseAccess)?;
        if self.custom_role(name).is_none() {
            return Err(not_found(name));
        }
        if let Some(err) = first_error(&delete_blockers(name, &self.context())) {
            return Err(err);
        }
        let removed = self.custom_role(name).map(crate::diff::role_lines);
        self.custom_roles.retain(|r| r.role_name != name);
        let mut holders = 0;
        for user in &mut self.users {
            let before = user.roles.len();
            user.roles.retain(|r| r.role_name != name);
            holders += usize::from(user.roles.len() != before);
        }
        let mut children = 0;
        for role in &mut self.custom_roles {
            let before = role.inherited_roles.len();
            role.inherited_roles.retain(|i| i.role != name);
            children += usize::from(role.inherited_roles.len() != before);
        }
        let summary = format!(
            "Deleted; removed from {} and {}",
            plural(holders, "database user"),
            plural(children, "custom role")
        );
        self.record_change(
            ActivityKind::CustomRoleDeleted,
            name,
            summary,
            removed.map(Change::deleted),
            now,
        );
        Ok(())
    }

    pub(crate) fn record(&mut self, kind: ActivityKind, target: &str, summary: String, now: &str) {
        self.record_change(kind, target, summary, None, now);
    }

    pub(crate) fn record_change(
        &mut self,
        kind: ActivityKind,
        target: &str,
        summary: String,
        change: Option<Change>,
        now: &str,
    ) {
        self.activity.push(ActivityEvent {
            change,
            at: now.to_string(),
            principal: self.principal.name.clone(),
            kind,
            target: target.to_string(),
            summary,
        });
    }
}
