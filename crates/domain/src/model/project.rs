//! The project itself on the wire: limits, clusters, pagination and the error envelope.
use serde::{Deserialize, Serialize};

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
