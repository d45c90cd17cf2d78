//! Who holds project roles, and the writes that change it: Atlas users (invited by email), teams of the
//! organization, programmatic API keys and service accounts. Each write is authorized (the spec's
//! `x-rolesRequirements`: Project Access Manager, Project Owner for service accounts), validated as Atlas
//! validates it, and recorded in the Activity Feed. Secrets (an API key's private key, a service
//! account's client secret) are returned once and never kept.
mod add;
mod writes;

use crate::model::{ApiError, ApiKey, ProjectUser, ServiceAccount, TeamRole};
use crate::project::Project;

pub use crate::model::OrgTeam;

pub use crate::model::MemberKind;

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

    /// An API key's `roles` hold every project and organization role it has, each with its `groupId` or
    /// `orgId` (spec `ApiKeyUserDetails.roles`; `atlas-recordings/atlasprojectapikeys`): only those on
    /// project `group_id` are its roles here.
    pub fn api_key(k: &ApiKey, group_id: &str) -> Member {
        Member {
            kind: MemberKind::ApiKey,
            id: k.id.clone(),
            name: k.desc.clone(),
            detail: format!("Public key {}", k.public_key),
            roles: k
                .roles
                .iter()
                .filter(|r| r.org_id.is_none() && r.group_id.as_deref() == Some(group_id))
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

impl Project {
    /// Everyone holding project roles, users first, then teams, API keys and service accounts.
    pub fn members(&self) -> Vec<Member> {
        let users = self.members.iter().map(Member::user);
        let teams = self
            .teams
            .iter()
            .map(|t| Member::team(t, self.team_name(&t.team_id)));
        let keys = self.api_keys.iter().map(|k| Member::api_key(k, &self.id));
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
    pub(crate) fn member(&self, kind: MemberKind, id: &str) -> Result<Member, ApiError> {
        self.members()
            .into_iter()
            .find(|m| m.kind == kind && m.id == id)
            .ok_or_else(|| writes::member_not_found(kind, id))
    }
}
