//! The writes that add someone to the project: an invitation, an organization team, a new API key or
//! service account. Secrets are returned once and never stored.
use super::writes::{names, sound};
use super::{MemberKind, NewApiKeyIds, NewServiceAccountIds};
use crate::errors::ErrorCode::*;
use crate::model::{
    ApiError, ApiKey, CreateProjectApiKey, CreateServiceAccount, InviteProjectUser, ProjectUser,
    ServiceAccount, ServiceAccountSecret, TeamRole,
};
use crate::permissions::Permission;
use crate::project::{ActivityKind, Project};
use crate::validate::{validate_api_key, validate_invite, validate_service_account};

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

impl Project {
    /// `POST /groups/{groupId}/users`: invites someone by email; they appear as a pending member.
    pub fn invite_user(
        &mut self,
        invite: InviteProjectUser,
        id: String,
        now: &str,
    ) -> Result<ProjectUser, ApiError> {
        self.admit(
            Permission::ProjectAccess,
            MemberKind::User,
            &invite.roles,
            |_| sound(&validate_invite(&invite)),
        )?;
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
        let name = self.admit(Permission::ProjectAccess, MemberKind::Team, &roles, |p| {
            let Some(name) = p.team_name(team_id) else {
                return Err(ApiError::new(
                    RESOURCE_NOT_FOUND,
                    format!("No team with id {team_id} exists in the organization."),
                    vec![team_id.to_string()],
                ));
            };
            Ok((name.to_string(), Vec::new()))
        })?;
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
        self.admit(
            Permission::ProjectAccess,
            MemberKind::ApiKey,
            &req.roles,
            |_| sound(&validate_api_key(&req)),
        )?;
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
        self.admit(
            Permission::ServiceAccounts,
            MemberKind::ServiceAccount,
            &req.roles,
            |_| sound(&validate_service_account(&req)),
        )?;
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
}
