//! Who holds project roles, and the writes that change it: Atlas users (invited by email), teams of the
//! organization, programmatic API keys and service accounts. Each write is authorized (Project Owner or
//! Project Access Manager), validated as Atlas validates it, and recorded in the Activity Feed. Secrets
//! (an API key's private key, a service account's client secret) are returned once and never kept.
use crate::catalog::project_role_name;
use crate::errors::ErrorCode::*;
use crate::model::{
    ApiError, ApiKey, CreateProjectApiKey, CreateServiceAccount, InviteProjectUser, ProjectUser,
    RoleAssignment, ServiceAccount, ServiceAccountSecret, TeamRole,
};
use crate::permissions::{forbidden, Permission};
use crate::project::{first_error, ActivityKind, Project};
use crate::validate::{validate_api_key, validate_invite, validate_project_roles};
use serde::{Deserialize, Serialize};

/// A team of the organization (teams are created at organization level, then added to projects).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgTeam {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MemberKind {
    User,
    Team,
    ApiKey,
    ServiceAccount,
}

impl MemberKind {
    pub const ALL: [MemberKind; 4] = [
        MemberKind::User,
        MemberKind::Team,
        MemberKind::ApiKey,
        MemberKind::ServiceAccount,
    ];

    pub fn label(self) -> &'static str {
        match self {
            MemberKind::User => "user",
            MemberKind::Team => "team",
            MemberKind::ApiKey => "API key",
            MemberKind::ServiceAccount => "service account",
        }
    }

    /// The label at the start of a sentence ("API key", "Service account").
    pub fn title(self) -> &'static str {
        match self {
            MemberKind::User => "User",
            MemberKind::Team => "Team",
            MemberKind::ApiKey => "API key",
            MemberKind::ServiceAccount => "Service account",
        }
    }
}

/// Anyone holding project roles, as the Project Access lists show them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    pub kind: MemberKind,
    /// The id the Admin API addresses it by (user id, team id, API key id, service account client id).
    pub id: String,
    /// Email, team name, key description or service account name.
    pub name: String,
    /// A second line: invitation status, public key, client id.
    pub detail: String,
    pub roles: Vec<String>,
}

/// The ids and secrets a new API key gets; the caller draws them from a secure random source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewApiKeyIds {
    pub id: String,
    pub public_key: String,
    pub private_key: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewServiceAccountIds {
    pub client_id: String,
    pub secret_id: String,
    pub secret: String,
}

/// One member per wire shape: the embedded project and the Admin API answers both list members this way.
impl Member {
    pub fn user(u: &ProjectUser) -> Member {
        Member {
            kind: MemberKind::User,
            id: u.id.clone(),
            name: u.username.clone(),
            detail: match u.org_membership_status.as_str() {
                "PENDING" => "Invitation pending".to_string(),
                "ACTIVE" | "" => "Active".to_string(),
                other => other.to_lowercase().replace('_', " "),
            },
            roles: u.roles.clone(),
        }
    }

    /// `name` is the organization team's name, when known (the project only holds its id).
    pub fn team(t: &TeamRole, name: Option<&str>) -> Member {
        Member {
            kind: MemberKind::Team,
            id: t.team_id.clone(),
            name: name.unwrap_or(&t.team_id).to_string(),
            detail: "Team".to_string(),
            roles: t.role_names.clone(),
        }
    }

    /// Only the key's roles on this project count (an API key may hold organization roles too).
    pub fn api_key(k: &ApiKey) -> Member {
        Member {
            kind: MemberKind::ApiKey,
            id: k.id.clone(),
            name: k.desc.clone(),
            detail: format!("Public key {}", k.public_key),
            roles: k
                .roles
                .iter()
                .filter(|r| r.org_id.is_none())
                .map(|r| r.role_name.clone())
                .collect(),
        }
    }

    pub fn service_account(s: &ServiceAccount) -> Member {
        Member {
            kind: MemberKind::ServiceAccount,
            id: s.client_id.clone(),
            name: s.name.clone(),
            detail: format!("Client ID {}", s.client_id),
            roles: s.roles.clone(),
        }
    }
}

/// What a service account's secret looks like once it can't be shown any more.
fn mask(secret: &str) -> String {
    let tail: String = secret
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("mdb_sa_sk_…{tail}")
}

fn names(roles: &[String]) -> String {
    roles
        .iter()
        .map(|r| project_role_name(r))
        .collect::<Vec<_>>()
        .join(", ")
}

fn member_not_found(kind: MemberKind, id: &str) -> ApiError {
    ApiError::new(
        RESOURCE_NOT_FOUND,
        format!("No {} with id {id} is in this project.", kind.label()),
        vec![id.to_string()],
    )
}

/// Roles must be valid, non-empty (with the code Atlas uses for each kind) and grantable by the principal.
fn check_roles(p: &Project, kind: MemberKind, roles: &[String]) -> Result<(), ApiError> {
    if roles.is_empty() {
        return Err(match kind {
            MemberKind::User => ApiError::new(
                CANNOT_REMOVE_ALL_USER_ROLES,
                "You cannot remove all roles from a user. Specify at least one role.",
                vec![],
            ),
            MemberKind::Team => ApiError::new(
                NO_ROLES_IN_ASSIGNMENT,
                "You cannot remove all project roles a team has.",
                vec![],
            ),
            MemberKind::ApiKey | MemberKind::ServiceAccount => ApiError::new(
                MISSING_API_KEY_ROLES,
                format!("A {} must have at least one role.", kind.label()),
                vec![],
            ),
        });
    }
    if let Some(e) = first_error(&validate_project_roles(roles)) {
        return Err(e);
    }
    if let Some(r) = roles.iter().find(|r| !p.principal.may_grant(r)) {
        return Err(forbidden(
            &p.principal.name,
            &format!("Only a Project Owner can grant {}", project_role_name(r)),
        ));
    }
    Ok(())
}

impl Project {
    /// Everyone holding project roles, users first, then teams, API keys and service accounts.
    pub fn members(&self) -> Vec<Member> {
        let users = self.members.iter().map(Member::user);
        let teams = self
            .teams
            .iter()
            .map(|t| Member::team(t, self.team_name(&t.team_id)));
        let keys = self.api_keys.iter().map(Member::api_key);
        let accounts = self.service_accounts.iter().map(Member::service_account);
        users.chain(teams).chain(keys).chain(accounts).collect()
    }

    pub fn team_name(&self, id: &str) -> Option<&str> {
        self.org_teams
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.name.as_str())
    }

    /// The member of `kind` with `id`, or the 404 Atlas answers with.
    fn member(&self, kind: MemberKind, id: &str) -> Result<Member, ApiError> {
        self.members()
            .into_iter()
            .find(|m| m.kind == kind && m.id == id)
            .ok_or_else(|| member_not_found(kind, id))
    }

    /// Project roles as an API key holds them: each assigned on this project.
    fn project_assignments(&self, roles: &[String]) -> Vec<RoleAssignment> {
        roles
            .iter()
            .map(|r| RoleAssignment {
                group_id: Some(self.id.clone()),
                org_id: None,
                role_name: r.clone(),
            })
            .collect()
    }

    /// Refuses a change that would leave the project without any Project Owner.
    fn keeps_an_owner(&self, kind: MemberKind, id: &str, roles: &[String]) -> Result<(), ApiError> {
        let others = self
            .members()
            .into_iter()
            .filter(|m| !(m.kind == kind && m.id == id))
            .any(|m| m.roles.iter().any(|r| r == "GROUP_OWNER"));
        if others || roles.iter().any(|r| r == "GROUP_OWNER") {
            Ok(())
        } else {
            Err(ApiError::new(
                CANNOT_DELETE_LAST_ADMIN,
                "The project must keep at least one Project Owner.",
                vec![],
            ))
        }
    }

    fn record_access(
        &mut self,
        kind: ActivityKind,
        member: MemberKind,
        name: &str,
        summary: String,
        now: &str,
    ) {
        let target = format!("{} {name}", member.title());
        self.record(kind, &target, summary, now);
    }

    /// `POST /groups/{groupId}/users`: invites someone by email; they appear as a pending member.
    pub fn invite_user(
        &mut self,
        invite: InviteProjectUser,
        id: String,
        now: &str,
    ) -> Result<ProjectUser, ApiError> {
        self.principal.authorize(Permission::ProjectAccess)?;
        if let Some(e) = first_error(&validate_invite(&invite)) {
            return Err(e);
        }
        check_roles(self, MemberKind::User, &invite.roles)?;
        let email = invite.username.trim().to_string();
        if self
            .members
            .iter()
            .any(|u| u.username.eq_ignore_ascii_case(&email))
        {
            return Err(ApiError::new(
                USER_ALREADY_IN_GROUP,
                format!("{email} is already a member of this project."),
                vec![email],
            ));
        }
        let user = ProjectUser {
            id,
            username: email.clone(),
            org_membership_status: "PENDING".to_string(),
            roles: invite.roles,
        };
        let summary = format!("Invited with {}", names(&user.roles));
        self.record_access(
            ActivityKind::ProjectAccessGranted,
            MemberKind::User,
            &email,
            summary,
            now,
        );
        self.members.push(user.clone());
        Ok(user)
    }

    /// `PATCH /groups/{groupId}/teams`-style add: gives an organization team roles in the project.
    pub fn add_team(
        &mut self,
        team_id: &str,
        roles: Vec<String>,
        now: &str,
    ) -> Result<TeamRole, ApiError> {
        self.principal.authorize(Permission::ProjectAccess)?;
        let Some(name) = self.team_name(team_id).map(str::to_string) else {
            return Err(ApiError::new(
                RESOURCE_NOT_FOUND,
                format!("No team with id {team_id} exists in the organization."),
                vec![team_id.to_string()],
            ));
        };
        check_roles(self, MemberKind::Team, &roles)?;
        if self.teams.iter().any(|t| t.team_id == team_id) {
            return Err(ApiError::new(
                USER_ALREADY_IN_GROUP,
                format!("The team {name} is already in this project."),
                vec![name],
            ));
        }
        let team = TeamRole {
            team_id: team_id.to_string(),
            role_names: roles,
        };
        let summary = format!("Added with {}", names(&team.role_names));
        self.record_access(
            ActivityKind::ProjectAccessGranted,
            MemberKind::Team,
            &name,
            summary,
            now,
        );
        self.teams.push(team.clone());
        Ok(team)
    }

    /// `POST /groups/{groupId}/apiKeys`: creates a key with project roles. The returned key carries the
    /// private key; the stored one does not.
    pub fn create_api_key(
        &mut self,
        req: CreateProjectApiKey,
        ids: NewApiKeyIds,
        now: &str,
    ) -> Result<ApiKey, ApiError> {
        self.principal.authorize(Permission::ProjectAccess)?;
        if let Some(e) = first_error(&validate_api_key(&req)) {
            return Err(e);
        }
        check_roles(self, MemberKind::ApiKey, &req.roles)?;
        let stored = ApiKey {
            id: ids.id,
            desc: req.desc.trim().to_string(),
            public_key: ids.public_key,
            private_key: None,
            roles: self.project_assignments(&req.roles),
        };
        let summary = format!(
            "Created (public key {}) with {}",
            stored.public_key,
            names(&req.roles)
        );
        self.record_access(
            ActivityKind::ProjectAccessGranted,
            MemberKind::ApiKey,
            &stored.desc,
            summary,
            now,
        );
        self.api_keys.push(stored.clone());
        Ok(ApiKey {
            private_key: Some(ids.private_key),
            ..stored
        })
    }

    /// `POST /groups/{groupId}/serviceAccounts`: the returned account carries its client secret once.
    pub fn create_service_account(
        &mut self,
        req: CreateServiceAccount,
        ids: NewServiceAccountIds,
        now: &str,
        expires_at: &str,
    ) -> Result<ServiceAccount, ApiError> {
        self.principal.authorize(Permission::ProjectAccess)?;
        if let Some(e) = first_error(&crate::validate::validate_service_account(&req)) {
            return Err(e);
        }
        check_roles(self, MemberKind::ServiceAccount, &req.roles)?;
        let secret = ServiceAccountSecret {
            id: ids.secret_id,
            created_at: now.to_string(),
            expires_at: expires_at.to_string(),
            last_used_at: None,
            masked_secret_value: Some(mask(&ids.secret)),
            secret: None,
        };
        let stored = ServiceAccount {
            client_id: ids.client_id,
            created_at: Some(now.to_string()),
            description: req.description.trim().to_string(),
            name: req.name.trim().to_string(),
            roles: req.roles,
            secrets: vec![secret],
        };
        let summary = format!(
            "Created (client ID {}) with {}",
            stored.client_id,
            names(&stored.roles)
        );
        self.record_access(
            ActivityKind::ProjectAccessGranted,
            MemberKind::ServiceAccount,
            &stored.name,
            summary,
            now,
        );
        self.service_accounts.push(stored.clone());
        let mut shown = stored;
        shown.secrets[0].secret = Some(ids.secret);
        Ok(shown)
    }

    /// Replaces a member's project roles (`PUT …/users/{id}/roles`, `PATCH …/teams/{id}`,
    /// `PATCH …/apiKeys/{id}`, `PATCH …/serviceAccounts/{id}`).
    pub fn set_member_roles(
        &mut self,
        kind: MemberKind,
        id: &str,
        roles: Vec<String>,
        now: &str,
    ) -> Result<Member, ApiError> {
        self.principal.authorize(Permission::ProjectAccess)?;
        let before = self.member(kind, id)?.roles;
        check_roles(self, kind, &roles)?;
        // Taking Project Owner away is as strong as granting it.
        if before.iter().any(|r| r == "GROUP_OWNER")
            && !roles.iter().any(|r| r == "GROUP_OWNER")
            && !self.principal.may_grant("GROUP_OWNER")
        {
            return Err(forbidden(
                &self.principal.name,
                "Only a Project Owner can take Project Owner away",
            ));
        }
        self.keeps_an_owner(kind, id, &roles)?;
        match kind {
            MemberKind::User => {
                if let Some(u) = self.members.iter_mut().find(|u| u.id == id) {
                    u.roles = roles.clone();
                }
            }
            MemberKind::Team => {
                if let Some(t) = self.teams.iter_mut().find(|t| t.team_id == id) {
                    t.role_names = roles.clone();
                }
            }
            MemberKind::ApiKey => {
                let assignments = self.project_assignments(&roles);
                if let Some(k) = self.api_keys.iter_mut().find(|k| k.id == id) {
                    k.roles = assignments;
                }
            }
            MemberKind::ServiceAccount => {
                if let Some(s) = self.service_accounts.iter_mut().find(|s| s.client_id == id) {
                    s.roles = roles.clone();
                }
            }
        }
        let member = self.member(kind, id)?;
        let summary = format!("Roles changed from {} to {}", names(&before), names(&roles));
        self.record_access(
            ActivityKind::ProjectAccessUpdated,
            kind,
            &member.name,
            summary,
            now,
        );
        Ok(member)
    }

    /// Removes a member from the project (a service account is deleted: it belongs to the project).
    pub fn remove_member(&mut self, kind: MemberKind, id: &str, now: &str) -> Result<(), ApiError> {
        self.principal.authorize(Permission::ProjectAccess)?;
        let member = self.member(kind, id)?;
        if member.roles.iter().any(|r| r == "GROUP_OWNER")
            && !self.principal.may_grant("GROUP_OWNER")
        {
            return Err(forbidden(
                &self.principal.name,
                "Only a Project Owner can remove a Project Owner",
            ));
        }
        self.keeps_an_owner(kind, id, &[])?;
        match kind {
            MemberKind::User => self.members.retain(|u| u.id != id),
            MemberKind::Team => self.teams.retain(|t| t.team_id != id),
            MemberKind::ApiKey => self.api_keys.retain(|k| k.id != id),
            MemberKind::ServiceAccount => self.service_accounts.retain(|s| s.client_id != id),
        }
        let summary = format!("Removed from the project (held {})", names(&member.roles));
        self.record_access(
            ActivityKind::ProjectAccessRemoved,
            kind,
            &member.name,
            summary,
            now,
        );
        Ok(())
    }
}
