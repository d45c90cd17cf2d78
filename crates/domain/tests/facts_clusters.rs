//! Atlas facts about where a project's clusters are listed, each row with its source. The console reads
//! both list endpoints and merges them (`domain::model::project_clusters`); the emulator answers both on
//! its own terms (`crates/emulator/src/routes.rs`), and the contract tests validate its answers against
//! the spec.
use domain::api::{Group, Method};
use domain::model::{project_clusters, ClusterDescription, ClusterSummary, FlexClusterDescription};
use domain::permissions::{access_of, Access};
use serde_json::json;

const SPEC_CLUSTERS: &str = "spec/atlas-openapi-subset.yaml listGroupClusters";
const SPEC_TENANT: &str =
    "spec/atlas-openapi-subset.yaml TenantHardwareSpec20240805.effectiveInstanceSize";
const DOCS_FLEX: &str = "https://www.mongodb.com/docs/api/doc/atlas-admin-api-v2/2024-11-13/operation/operation-listgroupflexclusters";

/// `(call, method, path under the project, version, source)`.
#[test]
fn each_list_endpoint_is_read_in_its_current_version() {
    let g = Group("6650f1c2a4b3c2d1e0f9a8b7");
    let rows = [
        // listGroupClusters answers in 2023-01-01 and 2023-02-01 (both `x-sunset: 2027-07-01`) and in
        // 2024-08-05 (no sunset): the current one.
        (g.clusters(), "/clusters", "2024-08-05", SPEC_CLUSTERS),
        // "Returns details for all flex clusters in the specified project ... must have the Project Read
        // Only role." Its only version is 2024-11-13.
        (g.flex_clusters(), "/flexClusters", "2024-11-13", DOCS_FLEX),
    ];
    for (call, rest, version, source) in rows {
        assert_eq!(call.method, Method::Get, "{source}");
        assert_eq!(
            call.path,
            format!("/api/atlas/v2/groups/6650f1c2a4b3c2d1e0f9a8b7{rest}"),
            "{source}"
        );
        assert_eq!(call.version, version, "{source}");
        assert_eq!(access_of(&call), Some(Access::Read), "{source}");
    }
}

fn summary(name: &str, version: &str, provider: &str, size: &str) -> ClusterSummary {
    ClusterSummary::new(name, version, provider, size)
}

#[test]
fn flex_clusters_come_from_their_own_endpoint_and_are_listed_once() {
    // listGroupClusters: "This endpoint can also be used on Flex clusters that were created using the
    // Create Cluster endpoint or former M2/M5 clusters that have been migrated to Flex clusters until
    // January 2026. Please use the List Flex Clusters endpoint for Flex clusters instead." (SPEC_CLUSTERS)
    // A Flex cluster made with Create Flex Cluster is listed by /flexClusters only.
    let listed: Vec<ClusterDescription> = serde_json::from_value(json!([
        { "name": "analytics", "mongoDBVersion": "6.0.19", "replicationSpecs": [{ "regionConfigs": [
            { "providerName": "AWS", "regionName": "US_EAST_1", "electableSpecs": { "instanceSize": "M30" } }
        ] }] },
        // SPEC_TENANT: a migrated M2/M5 is TENANT on the wire; `effectiveInstanceSize` is "the true
        // tenant instance size ... for deprecated provider types and/or instance sizes": FLEX.
        { "name": "catalog-dev", "mongoDBVersion": "8.0.4", "replicationSpecs": [{ "regionConfigs": [
            { "providerName": "TENANT", "backingProviderName": "AWS", "regionName": "US_EAST_1",
              "electableSpecs": { "instanceSize": "M5", "effectiveInstanceSize": "FLEX" } }
        ] }] },
        { "name": "sandbox", "mongoDBVersion": "8.0.4", "replicationSpecs": [{ "regionConfigs": [
            { "providerName": "TENANT", "backingProviderName": "AWS", "regionName": "US_EAST_1",
              "electableSpecs": { "instanceSize": "M0", "effectiveInstanceSize": "M0" } }
        ] }] },
    ]))
    .unwrap();
    // DOCS_FLEX: FlexClusterDescription20241113, `providerSettings.providerName` is FLEX.
    let flex: Vec<FlexClusterDescription> = serde_json::from_value(json!([
        { "name": "catalog-dev", "mongoDBVersion": "8.0.4",
          "providerSettings": { "backingProviderName": "AWS", "providerName": "FLEX", "regionName": "US_EAST_1" } },
        { "name": "prototype", "mongoDBVersion": "8.0.9",
          "providerSettings": { "backingProviderName": "AWS", "providerName": "FLEX", "regionName": "US_EAST_1" } },
    ]))
    .unwrap();
    let mut only_flex = summary("prototype", "8.0.9", "FLEX", "FLEX");
    only_flex.flex_api_only = true;
    assert_eq!(
        project_clusters(listed, flex),
        vec![
            summary("analytics", "6.0.19", "AWS", "M30"),
            summary("catalog-dev", "8.0.4", "FLEX", "FLEX"),
            summary("sandbox", "8.0.4", "TENANT", "M0"),
            only_flex,
        ],
        "{SPEC_CLUSTERS}; {SPEC_TENANT}; {DOCS_FLEX}"
    );
}

#[test]
fn free_and_flex_clusters_from_either_endpoint_apply_role_changes_late() {
    // "Changes to custom roles might take up to 30 seconds to deploy in Free clusters and Flex clusters."
    // (mongodb/docs content/atlas/source/includes/fact-custom-database-role-overview.rst)
    for (provider, size, late) in [
        ("AWS", "M30", false),
        ("TENANT", "M0", true),
        ("FLEX", "FLEX", true),
    ] {
        assert_eq!(
            summary("c", "8.0.4", provider, size).applies_role_changes_late(),
            late,
            "{provider} {size}"
        );
    }
}
