//! Serde types in the exact Admin API v2 JSON shape (`camelCase`). Responses omit fields the spec calls
//! required (`cluster` when false; `db`/`collection` when `cluster` is true), so every such field has a
//! default. Requests are serialized the way the official Go SDK sends them (all three resource fields).
use serde::{Deserialize, Serialize};

// ---------- custom database roles ----------

/// `UserCustomDBRole`: body of POST, response of GET/POST/PATCH.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomDbRole {
    pub role_name: String,
    #[serde(default)]
    pub actions: Vec<PrivilegeAction>,
    #[serde(default)]
    pub inherited_roles: Vec<InheritedRole>,
}

/// `UpdateCustomDBRole`: body of PATCH; no `roleName` (roles cannot be renamed). Both lists are always
/// sent because PATCH replaces them wholesale (omitting one is UNCONFIRMED, reference §1.1).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateCustomDbRole {
    #[serde(default)]
    pub actions: Vec<PrivilegeAction>,
    #[serde(default)]
    pub inherited_roles: Vec<InheritedRole>,
}

impl From<&CustomDbRole> for UpdateCustomDbRole {
    fn from(role: &CustomDbRole) -> Self {
        UpdateCustomDbRole {
            actions: role.actions.clone(),
            inherited_roles: role.inherited_roles.clone(),
        }
    }
}

/// `DatabasePrivilegeAction`. `action` stays a string so a role holding an action this console does not
/// know still loads (and is reported by validation) instead of failing to parse.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PrivilegeAction {
    pub action: String,
    #[serde(default)]
    pub resources: Vec<Resource>,
}

/// `DatabasePermittedNamespaceResource`. `db: ""` = any database, `collection: ""` = any collection.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Resource {
    #[serde(default)]
    pub cluster: bool,
    #[serde(default)]
    pub collection: String,
    #[serde(default)]
    pub db: String,
}

impl Resource {
    pub fn cluster() -> Self {
        Resource {
            cluster: true,
            ..Default::default()
        }
    }

    pub fn namespace(db: impl Into<String>, collection: impl Into<String>) -> Self {
        Resource {
            cluster: false,
            db: db.into(),
            collection: collection.into(),
        }
    }

    /// The server ignores db/collection when `cluster` is true; comparing that way avoids false duplicates.
    pub fn normalized(&self) -> Resource {
        if self.cluster {
            Resource::cluster()
        } else {
            self.clone()
        }
    }
}

/// `DatabaseInheritedRole`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InheritedRole {
    pub db: String,
    pub role: String,
}

impl InheritedRole {
    pub fn new(role: impl Into<String>, db: impl Into<String>) -> Self {
        InheritedRole {
            role: role.into(),
            db: db.into(),
        }
    }
}

// ---------- database users ----------

pub const ADMIN_DB: &str = "admin";
pub const EXTERNAL_DB: &str = "$external";

fn admin_db() -> String {
    ADMIN_DB.to_string()
}

/// `CloudDatabaseUser`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DatabaseUser {
    pub username: String,
    /// The authentication database: `admin` or `$external`.
    #[serde(default = "admin_db")]
    pub database_name: String,
    /// Write-only in the API; responses omit it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// Write-only; never stored by the console and never in a response.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    /// `Some("")` in a PATCH removes the description (absent keeps it); a project never stores `""`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default)]
    pub roles: Vec<DatabaseUserRole>,
    /// Empty = every cluster, data lake and stream workspace of the project. Always sent, as Atlas always
    /// answers it: in a PATCH an absent list keeps the old one, so `[]` is how a restriction is lifted.
    #[serde(default)]
    pub scopes: Vec<UserScope>,
    /// Always sent, like `scopes` (`[]` removes every label).
    #[serde(default)]
    pub labels: Vec<Label>,
    /// ISO 8601 date-time; temporary users only. Atlas has no way to remove it (see
    /// `validate::user`), so absent in a PATCH keeps the current date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delete_after_date: Option<String>,
    #[serde(default, rename = "awsIAMType")]
    pub aws_iam_type: AwsIamType,
    #[serde(default)]
    pub ldap_auth_type: LdapAuthType,
    #[serde(default)]
    pub x509_type: X509Type,
    #[serde(default)]
    pub oidc_auth_type: OidcAuthType,
}

impl DatabaseUser {
    /// A SCRAM user on `admin` with no roles: the start of the "Add New Database User" form.
    pub fn new(username: impl Into<String>) -> Self {
        DatabaseUser {
            username: username.into(),
            database_name: admin_db(),
            group_id: None,
            password: None,
            description: None,
            roles: Vec::new(),
            scopes: Vec::new(),
            labels: Vec::new(),
            delete_after_date: None,
            aws_iam_type: AwsIamType::None,
            ldap_auth_type: LdapAuthType::None,
            x509_type: X509Type::None,
            oidc_auth_type: OidcAuthType::None,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AwsIamType {
    #[default]
    None,
    User,
    Role,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum LdapAuthType {
    #[default]
    None,
    Group,
    User,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum X509Type {
    #[default]
    None,
    Customer,
    Managed,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum OidcAuthType {
    #[default]
    None,
    IdpGroup,
    User,
}

/// `DatabaseUserRole`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DatabaseUserRole {
    pub role_name: String,
    pub database_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collection_name: Option<String>,
}

impl DatabaseUserRole {
    pub fn new(role: impl Into<String>, db: impl Into<String>) -> Self {
        DatabaseUserRole {
            role_name: role.into(),
            database_name: db.into(),
            collection_name: None,
        }
    }

    /// `role@db` or `role@db.collection`, as lists, summaries and change views show a user's role.
    pub fn spec(&self) -> String {
        match self.collection_name.as_deref() {
            Some(c) if !c.is_empty() => format!("{}@{}.{c}", self.role_name, self.database_name),
            _ => format!("{}@{}", self.role_name, self.database_name),
        }
    }
}

/// `UserScope`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct UserScope {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: ScopeType,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ScopeType {
    Cluster,
    DataLake,
    Stream,
}

/// `ComponentLabel`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Label {
    pub key: String,
    pub value: String,
}

// ---------- API keys, service accounts, teams, Atlas users ----------

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

// ---------- limits, pagination, errors ----------

/// The project limit on custom roles (`atlas.project.security.databaseAccess.customRoles`).
pub const CUSTOM_ROLES_LIMIT_NAME: &str = "atlas.project.security.databaseAccess.customRoles";
pub const DEFAULT_CUSTOM_ROLES_LIMIT: usize = 100;
pub const MAX_CUSTOM_ROLES_LIMIT: usize = 1400;
pub const DATABASE_USERS_LIMIT: usize = 100;

/// `DataFederationLimit` (the project limit shape).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProjectLimit {
    #[serde(default)]
    pub name: String,
    pub value: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_usage: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_limit: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maximum_limit: Option<i64>,
}

/// A paginated list (`results`, `totalCount`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Paginated<T> {
    #[serde(default = "Vec::new")]
    pub results: Vec<T>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_count: Option<u32>,
}

/// The Atlas error envelope (`ApiError`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiError {
    pub error: u16,
    pub error_code: String,
    #[serde(default)]
    pub detail: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parameters: Vec<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bad_request_detail: Option<BadRequestDetail>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BadRequestDetail {
    #[serde(default)]
    pub fields: Vec<FieldViolation>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldViolation {
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub field: String,
}

/// The part of a cluster the console needs: its name and MongoDB version (custom roles must be supported
/// by every cluster version in the project), and its provider (Free and Flex clusters apply custom-role
/// changes later).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClusterSummary {
    pub name: String,
    #[serde(rename = "mongoDBVersion", default)]
    pub mongo_db_version: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_settings: Option<ProviderSettings>,
}

/// `ClusterProviderSettings`: `providerName` is `AWS`, `AZURE` or `GCP` for dedicated clusters, `TENANT`
/// for a Free (M0) cluster and `FLEX` for a Flex cluster (the spec's discriminator mapping).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProviderSettings {
    pub provider_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_size_name: Option<String>,
}

impl ClusterSummary {
    /// "Changes to custom roles might take up to 30 seconds to deploy in Free clusters and Flex
    /// clusters." (`mongodb/docs content/atlas/source/includes/fact-custom-database-role-overview.rst`)
    pub fn applies_role_changes_late(&self) -> bool {
        self.provider_settings
            .as_ref()
            .is_some_and(|p| matches!(p.provider_name.as_str(), "TENANT" | "FLEX"))
    }
}
