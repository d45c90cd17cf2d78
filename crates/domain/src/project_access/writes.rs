//! The writes that change who holds project roles, as Atlas applies them: authorized (the spec's
//! `x-rolesRequirements`), validated, recorded in the Activity Feed.
use super::{Member, MemberKind, NewApiKeyIds, NewServiceAccountIds};
use crate::catalog::project_role_name;
use crate::errors::ErrorCode::*;
use crate::model::{
    ApiError, ApiKey, CreateProjectApiKey, CreateServiceAccount, InviteProjectUser, ProjectUser,
    RoleAssignment, ServiceAccount, ServiceAccountSecret, TeamRole,
};
use crate::permissions::{forbidden, Permission};
use crate::project::{first_error, ActivityKind, Project};
use crate::validate::{validate_api_key, validate_invite, validate_member_roles};

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

pub(super) fn member_not_found(kind: MemberKind, id: &str) -> ApiError {
    ApiError::new(
        RESOURCE_NOT_FOUND,
        format!("No {} with id {id} is in this project.", kind.label()),
        vec![id.to_string()],
    )
}

/// Roles must be non-empty (with the code Atlas uses for each kind), known where they are being added
/// (`held` roles stay even when unknown) and grantable by the principal.
fn check_roles(
    p: &Project,
    kind: MemberKind,
    roles: &[String],
    held: &[String],
) -> Result<(), ApiError> {
    if let Some(e) = first_error(&validate_member_roles(kind, roles, held)) {
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
        check_roles(self, MemberKind::User, &invite.roles, &[])?;
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
        check_roles(self, MemberKind::Team, &roles, &[])?;
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
        check_roles(self, MemberKind::ApiKey, &req.roles, &[])?;
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
        self.principal.authorize(Permission::ServiceAccounts)?;
        if let Some(e) = first_error(&crate::validate::validate_service_account(&req)) {
            return Err(e);
        }
        check_roles(self, MemberKind::ServiceAccount, &req.roles, &[])?;
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
        self.principal.authorize(kind.permission())?;
        let before = self.member(kind, id)?.roles;
        check_roles(self, kind, &roles, &before)?;
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
                // PATCH takes this project's roles: its roles elsewhere and in the organization stay.
                let mut assignments = self.project_assignments(&roles);
                let here = Some(self.id.as_str());
                if let Some(k) = self.api_keys.iter_mut().find(|k| k.id == id) {
                    let elsewhere = k.roles.iter().filter(|r| r.group_id.as_deref() != here);
                    assignments.splice(0..0, elsewhere.cloned());
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

    /// `POST …/users/{userId}:addRole`. Adding a role the user already holds changes nothing (whether
    /// Atlas answers that with 409 instead is UNCONFIRMED; the console never sends it).
    pub fn add_user_role(
        &mut self,
        id: &str,
        role: &str,
        now: &str,
    ) -> Result<ProjectUser, ApiError> {
        self.principal.authorize(Permission::ProjectAccess)?;
        let mut roles = self.member(MemberKind::User, id)?.roles;
        if !roles.iter().any(|r| r == role) {
            roles.push(role.to_string());
            self.set_member_roles(MemberKind::User, id, roles, now)?;
        }
        self.user(id)
    }

    /// `POST …/users/{userId}:removeRole`: "A user must have at least one role at all times" (spec), so
    /// taking the last one is refused. Removing a role the user doesn't hold changes nothing (UNCONFIRMED
    /// what Atlas answers; the console never sends it).
    pub fn remove_user_role(
        &mut self,
        id: &str,
        role: &str,
        now: &str,
    ) -> Result<ProjectUser, ApiError> {
        self.principal.authorize(Permission::ProjectAccess)?;
        let mut roles = self.member(MemberKind::User, id)?.roles;
        if let Some(i) = roles.iter().position(|r| r == role) {
            roles.remove(i);
            self.set_member_roles(MemberKind::User, id, roles, now)?;
        }
        self.user(id)
    }

    fn user(&self, id: &str) -> Result<ProjectUser, ApiError> {
        self.members
            .iter()
            .find(|u| u.id == id)
            .cloned()
            .ok_or_else(|| member_not_found(MemberKind::User, id))
    }

    /// Removes a member from the project. A service account stays in the organization, with its secrets.
    pub fn remove_member(&mut self, kind: MemberKind, id: &str, now: &str) -> Result<(), ApiError> {
        self.principal.authorize(kind.permission())?;
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
            MemberKind::ServiceAccount => {
                // "The Service Account will still be a part of the Organization it was created in, and
                // the credentials will remain active until expired or manually revoked." (spec,
                // `deleteGroupServiceAccount`): it leaves the project, not the organization.
                if let Some(i) = self.service_accounts.iter().position(|s| s.client_id == id) {
                    let mut account = self.service_accounts.remove(i);
                    account.roles.clear();
                    self.org_service_accounts.push(account);
                }
            }
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
