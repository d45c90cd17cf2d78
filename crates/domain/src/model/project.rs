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
/// changes later). Read from both list endpoints and merged by [`project_clusters`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClusterSummary {
    pub name: String,
    #[serde(rename = "mongoDBVersion", default)]
    pub mongo_db_version: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_settings: Option<ProviderSettings>,
    /// A Flex cluster made with Create Flex Cluster: only `/flexClusters` lists it (listGroupClusters
    /// lists Flex clusters made with Create Cluster, or migrated from M2/M5, "until January 2026").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub flex_api_only: bool,
}

/// `providerName` is `AWS`, `AZURE` or `GCP` for dedicated clusters, `TENANT` for a Free (M0) cluster and
/// `FLEX` for a Flex cluster, from whichever endpoint listed it (see [`ClusterDescription`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProviderSettings {
    pub provider_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_size_name: Option<String>,
}

/// `ClusterDescription20240805` (listGroupClusters, version 2024-08-05, the one without `x-sunset`): the
/// provider is in `replicationSpecs[].regionConfigs[]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClusterDescription {
    pub name: String,
    #[serde(rename = "mongoDBVersion", default)]
    pub mongo_db_version: String,
    #[serde(default)]
    pub replication_specs: Vec<ReplicationSpec>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplicationSpec {
    #[serde(default)]
    pub region_configs: Vec<RegionConfig>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RegionConfig {
    #[serde(default)]
    pub provider_name: String,
    #[serde(default)]
    pub electable_specs: Option<HardwareSpec>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HardwareSpec {
    #[serde(default)]
    pub instance_size: Option<String>,
    /// `TenantHardwareSpec20240805`: "The true tenant instance size. This is present to support backwards
    /// compatibility for deprecated provider types and/or instance sizes" (`FLEX`, `M2`, `M5`, `M0`).
    #[serde(default)]
    pub effective_instance_size: Option<String>,
}

/// `FlexClusterDescription20241113` (listGroupFlexClusters, version 2024-11-13).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FlexClusterDescription {
    pub name: String,
    #[serde(rename = "mongoDBVersion", default)]
    pub mongo_db_version: String,
}

const FLEX: &str = "FLEX";

impl From<ClusterDescription> for ClusterSummary {
    fn from(c: ClusterDescription) -> Self {
        let region = c
            .replication_specs
            .into_iter()
            .flat_map(|s| s.region_configs)
            .next();
        let provider_settings = region.map(|r| {
            let spec = r.electable_specs.unwrap_or_default();
            let size = spec.effective_instance_size.or(spec.instance_size);
            // A Flex cluster listed here is a tenant whose true size is FLEX.
            let provider = if r.provider_name == "TENANT" && size.as_deref() == Some(FLEX) {
                FLEX.to_string()
            } else {
                r.provider_name
            };
            ProviderSettings {
                provider_name: provider,
                instance_size_name: size,
            }
        });
        ClusterSummary {
            name: c.name,
            mongo_db_version: c.mongo_db_version,
            provider_settings,
            flex_api_only: false,
        }
    }
}

/// The project's clusters: those `/clusters` lists, then the Flex clusters only `/flexClusters` lists (a
/// Flex cluster both list appears once).
pub fn project_clusters(
    listed: Vec<ClusterDescription>,
    flex: Vec<FlexClusterDescription>,
) -> Vec<ClusterSummary> {
    let mut all: Vec<ClusterSummary> = listed.into_iter().map(ClusterSummary::from).collect();
    for f in flex {
        if !all.iter().any(|c| c.name == f.name) {
            let mut c = ClusterSummary::new(&f.name, &f.mongo_db_version, FLEX, FLEX);
            c.flex_api_only = true;
            all.push(c);
        }
    }
    all
}

impl ClusterSummary {
    pub fn new(name: &str, version: &str, provider: &str, instance_size: &str) -> Self {
        ClusterSummary {
            name: name.to_string(),
            mongo_db_version: version.to_string(),
            provider_settings: Some(ProviderSettings {
                provider_name: provider.to_string(),
                instance_size_name: Some(instance_size.to_string()),
            }),
            flex_api_only: false,
        }
    }

    /// "Changes to custom roles might take up to 30 seconds to deploy in Free clusters and Flex
    /// clusters." (`mongodb/docs content/atlas/source/includes/fact-custom-database-role-overview.rst`)
    pub fn applies_role_changes_late(&self) -> bool {
        self.provider_settings
            .as_ref()
            .is_some_and(|p| matches!(p.provider_name.as_str(), "TENANT" | "FLEX"))
    }
}
