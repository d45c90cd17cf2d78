//! Database users on the wire.
use serde::{Deserialize, Serialize};

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
