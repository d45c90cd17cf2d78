//! The writes that change the roles of who is already in the project, and what every write shares: the
//! checks made before anything changes (`admit`), the last Project Owner kept, the Activity Feed entry.
//! Adding members is in `add`.
use super::{Member, MemberKind};
use crate::catalog::project_role_name;
use crate::errors::ErrorCode::*;
use crate::model::{ApiError, ProjectUser, RoleAssignment};
use crate::permissions::{forbidden, Permission};
use crate::project::{first_error, ActivityKind, Project};
use crate::validate::{validate_member_roles, Issue};

pub(super) fn names(roles: &[String]) -> String {
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

/// The request's own issues as the first refusal, or `Ok` with no roles already held (a new member).
pub(super) fn sound(issues: &[Issue]) -> Result<((), Vec<String>), ApiError> {
    first_error(issues).map_or(Ok(((), Vec::new())), Err)
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
    /// The checks every write makes before it changes anything, in Atlas's order: the principal may
    /// call it (403); the request is sound (`request`: its validation issues, or the team or member it
    /// names: 400 or 404), which yields what it looked up and the roles already held; then the `roles`
    /// it asks for are known and grantable by the principal.
    pub(super) fn admit<T>(
        &self,
        permission: Permission,
        kind: MemberKind,
        roles: &[String],
        request: impl FnOnce(&Self) -> Result<(T, Vec<String>), ApiError>,
    ) -> Result<T, ApiError> {
        self.principal.authorize(permission)?;
        let (found, held) = request(self)?;
        check_roles(self, kind, roles, &held)?;
        Ok(found)
    }

    /// Project roles as an API key holds them: each assigned on this project.
    pub(super) fn project_assignments(&self, roles: &[String]) -> Vec<RoleAssignment> {
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

    pub(super) fn record_access(
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

    /// Replaces a member's project roles (`PUT …/users/{id}/roles`, `PATCH …/teams/{id}`,
    /// `PATCH …/apiKeys/{id}`, `PATCH …/serviceAccounts/{id}`).
    pub fn set_member_roles(
        &mut self,
        kind: MemberKind,
        id: &str,
        roles: Vec<String>,
        now: &str,
    ) -> Result<Member, ApiError> {
        let before = self.admit(kind.permission(), kind, &roles, |p| {
            let held = p.member(kind, id)?.roles;
            Ok((held.clone(), held))
        })?;
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
        self.edit_user_roles(id, now, |roles| {
            let missing = !roles.iter().any(|r| r == role);
            if missing {
                roles.push(role.to_string());
            }
            missing
        })
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
        self.edit_user_roles(id, now, |roles| {
            let held = roles.iter().position(|r| r == role);
            if let Some(i) = held {
                roles.remove(i);
            }
            held.is_some()
        })
    }

    /// `:addRole` and `:removeRole`: `edit` changes the user's roles and says whether it changed any;
    /// only a change is written (through `set_member_roles`, with its checks and its feed entry).
    fn edit_user_roles(
        &mut self,
        id: &str,
        now: &str,
        edit: impl FnOnce(&mut Vec<String>) -> bool,
    ) -> Result<ProjectUser, ApiError> {
        self.principal.authorize(Permission::ProjectAccess)?;
        let mut roles = self.member(MemberKind::User, id)?.roles;
        if edit(&mut roles) {
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
