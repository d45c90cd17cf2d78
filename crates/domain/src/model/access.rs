//! Who holds project roles on the wire: API keys, service accounts, teams, Atlas users.
use serde::{Deserialize, Serialize};

/// `ApiKeyUserDetails`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiKey {
    pub id: String,
    #[serde(default)]
    pub desc: String,
    #[serde(default)]
    pub public_key: String,
    /// Unredacted only in the response that created the key; never kept by the console.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private_key: Option<String>,
    #[serde(default)]
    pub roles: Vec<RoleAssignment>,
}

/// `CloudAccessRoleAssignment`: a role on one organization or one project, never both.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoleAssignment {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org_id: Option<String>,
    pub role_name: String,
}

/// `CreateAtlasProjectApiKey`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateProjectApiKey {
    pub desc: String,
    pub roles: Vec<String>,
}

/// `UpdateAtlasProjectApiKey`: PATCH replaces the key's project roles.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateProjectApiKey {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desc: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<String>>,
}

/// `GroupServiceAccount`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceAccount {
    #[serde(default)]
    pub client_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub secrets: Vec<ServiceAccountSecret>,
}

/// `ServiceAccountSecret`; `secret` is present only in the response that created it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceAccountSecret {
    pub id: String,
    pub created_at: String,
    pub expires_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_used_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub masked_secret_value: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
}

/// `GroupServiceAccountRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateServiceAccount {
    pub name: String,
    pub description: String,
    pub roles: Vec<String>,
    pub secret_expires_after_hours: i32,
}

/// `TeamRole`: a team's roles in the project.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TeamRole {
    pub team_id: String,
    #[serde(default)]
    pub role_names: Vec<String>,
}

/// A team of the organization (teams are created at organization level, then added to projects).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgTeam {
    pub id: String,
    pub name: String,
}

/// What holds project roles: an Atlas user, a team, an API key or a service account.
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

/// `GroupUserResponse`: an Atlas user in the project.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProjectUser {
    pub id: String,
    pub username: String,
    #[serde(default)]
    pub org_membership_status: String,
    #[serde(default)]
    pub roles: Vec<String>,
}

/// `GroupUserRequest`: invite a user to the project.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteProjectUser {
    pub username: String,
    pub roles: Vec<String>,
}
