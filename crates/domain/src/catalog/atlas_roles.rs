//! Atlas control-plane roles: the 7 organization roles and the 27 project roles (11 long-standing, the 15
//! purpose-built roles of February 2026 and Project Stream Processing Manager), and a capability model
//! saying what each allows in a project (reference §6.1, §6.2; each role's facts, with their sources, in
//! tests/facts_project_roles.rs). The API no longer validates project roles by enum, so this list is ours
//! to carry.
use std::collections::BTreeSet;

/// Something a principal may do in a project.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Capability {
    ViewProject,
    ManageDatabaseAccess,
    ManageProjectAccess,
    ManageProjectSettings,
    CreateClusters,
    ModifyClusters,
    TerminateClusters,
    TestResilience,
    ViewClusterLogs,
    ManageIndexes,
    ManageSearchIndexes,
    CreateBackups,
    RestoreBackups,
    ExportBackups,
    ManageBackupPolicies,
    ManageNetworkAccess,
    ManageAlerts,
    ManageSupportAccess,
    DataExplorerRead,
    DataExplorerWrite,
    QueryInsights,
    KillOperations,
    ManageStreamWorkspaces,
    ManageStreamConnections,
    ManageTriggers,
    ManageModelApiKeys,
}

impl Capability {
    pub const ALL: [Capability; 26] = [
        Capability::ViewProject,
        Capability::ManageDatabaseAccess,
        Capability::ManageProjectAccess,
        Capability::ManageProjectSettings,
        Capability::CreateClusters,
        Capability::ModifyClusters,
        Capability::TerminateClusters,
        Capability::TestResilience,
        Capability::ViewClusterLogs,
        Capability::ManageIndexes,
        Capability::ManageSearchIndexes,
        Capability::CreateBackups,
        Capability::RestoreBackups,
        Capability::ExportBackups,
        Capability::ManageBackupPolicies,
        Capability::ManageNetworkAccess,
        Capability::ManageAlerts,
        Capability::ManageSupportAccess,
        Capability::DataExplorerRead,
        Capability::DataExplorerWrite,
        Capability::QueryInsights,
        Capability::KillOperations,
        Capability::ManageStreamWorkspaces,
        Capability::ManageStreamConnections,
        Capability::ManageTriggers,
        Capability::ManageModelApiKeys,
    ];

    /// A short phrase that completes "can …".
    pub fn label(self) -> &'static str {
        use Capability::*;
        match self {
            ViewProject => "view the project: clusters, users, roles, activity and metrics",
            ManageDatabaseAccess => "manage database users and custom database roles",
            // Service accounts are Project Owner's (the spec's x-rolesRequirements), so not listed here.
            ManageProjectAccess => "manage project access: users, teams and API keys",
            ManageProjectSettings => "change project settings",
            CreateClusters => "create clusters",
            ModifyClusters => "edit, pause and resume clusters",
            TerminateClusters => "terminate clusters",
            TestResilience => "test failover and cluster resilience",
            ViewClusterLogs => "view and download cluster and audit logs",
            ManageIndexes => "manage indexes and use the Performance Advisor",
            ManageSearchIndexes => "manage Atlas Search indexes",
            CreateBackups => "take on-demand backup snapshots",
            RestoreBackups => "restore backups",
            ExportBackups => "export and download backups",
            ManageBackupPolicies => "change backup policies",
            ManageNetworkAccess => {
                "manage network access: IP access list, peering, private endpoints"
            }
            ManageAlerts => "manage alert settings",
            ManageSupportAccess => "grant MongoDB Support access",
            DataExplorerRead => "browse data in Data Explorer",
            DataExplorerWrite => "change data, databases and collections in Data Explorer",
            QueryInsights => "use the Query Profiler, Namespace and Query Shape Insights",
            KillOperations => "kill operations in the Real-Time Performance Panel",
            ManageStreamWorkspaces => "create, edit and delete stream processing workspaces",
            ManageStreamConnections => "manage stream processing connections and stream processors",
            ManageTriggers => "manage database triggers",
            ManageModelApiKeys => "manage Model API keys",
        }
    }
}

/// How the project-role picker groups roles: by the job they exist for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RolePurpose {
    Administration,
    Clusters,
    Data,
    DatabaseAccess,
    Backup,
    NetworkSecurity,
    Observability,
    SearchStreamsTriggersModels,
}

impl RolePurpose {
    pub fn label(self) -> &'static str {
        match self {
            RolePurpose::Administration => "Project administration",
            RolePurpose::Clusters => "Clusters",
            RolePurpose::Data => "Data",
            RolePurpose::DatabaseAccess => "Database access",
            RolePurpose::Backup => "Backup",
            RolePurpose::NetworkSecurity => "Network and security",
            RolePurpose::Observability => "Observability",
            RolePurpose::SearchStreamsTriggersModels => "Search, streams, triggers and models",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProjectRole {
    pub api: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    /// One of the 15 purpose-built roles of February 2026.
    pub purpose_built: bool,
    pub purpose: RolePurpose,
    /// What it allows beyond Project Read Only (which every project role includes).
    pub allows: &'static [Capability],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OrgRole {
    pub api: &'static str,
    pub name: &'static str,
    pub description: &'static str,
}

use Capability::*;
use RolePurpose::*;

const fn pr(
    api: &'static str,
    name: &'static str,
    purpose_built: bool,
    purpose: RolePurpose,
    allows: &'static [Capability],
    description: &'static str,
) -> ProjectRole {
    ProjectRole {
        api,
        name,
        description,
        purpose_built,
        purpose,
        allows,
    }
}

/// The 27 project roles, in the order of the Atlas user-roles page (Project Stream Processing Manager, which
/// only the spec's x-rolesRequirements name so far, after Project Stream Processing Owner). Project
/// Owner's capabilities are everything, computed in `capabilities_of` so that a new capability can't be forgotten here.
pub static PROJECT_ROLES: &[ProjectRole] = &[
    pr("GROUP_OWNER", "Project Owner", false, Administration, &[],
        "Full administration of the project: clusters, access, settings, network, backups, data and logs."),
    pr("GROUP_REPLICA_SET_MANAGER", "Project Replica Set Manager", true, Clusters,
        &[ModifyClusters, TestResilience],
        "Edit cluster tier, replication, global and zone configuration; test resilience; pause and resume clusters."),
    pr("GROUP_CLUSTER_MANAGER", "Project Cluster Manager", false, Clusters,
        &[ModifyClusters, TestResilience],
        "Edit, pause and resume clusters and test failover; cannot create or terminate clusters."),
    pr("GROUP_CLUSTER_CREATOR", "Project Cluster Creator", true, Clusters, &[CreateClusters],
        "Grants the privileges to create clusters."),
    pr("GROUP_CLUSTER_LOG_VIEWER", "Project Cluster Log Viewer", true, Clusters, &[ViewClusterLogs],
        "View and download mongod, mongos and audit logs and the database access history."),
    pr("GROUP_CLUSTER_RESILIENCE_TESTER", "Project Cluster Resilience Tester", true, Clusters,
        &[TestResilience], "Grants the privileges to test cluster resilience."),
    pr("GROUP_STREAM_PROCESSING_OWNER", "Project Stream Processing Owner", false, SearchStreamsTriggersModels,
        &[ModifyClusters, ManageDatabaseAccess, TestResilience, DataExplorerRead, DataExplorerWrite,
          ManageStreamWorkspaces, ManageStreamConnections],
        "Manage stream processing workspaces and connections, database access including custom roles, and clusters."),
    // API value UNCONFIRMED: only the spec's x-rolesRequirements name the role ("Project Stream
    // Processing Manager", on 27 stream operations); GROUP_ + the name is the pattern of every other role.
    pr("GROUP_STREAM_PROCESSING_MANAGER", "Project Stream Processing Manager", false,
        SearchStreamsTriggersModels, &[ManageStreamWorkspaces, ManageStreamConnections],
        "Create, edit and delete stream processing workspaces, their connections and stream processors; no database access."),
    pr("GROUP_ACCESS_MANAGER", "Project Access Manager", true, Administration, &[ManageProjectAccess],
        // Third-party transcriptions add service accounts; the spec reserves their create, update and
        // delete for Project Owner, and the spec wins (first-party and machine-read).
        "Invite users, manage teams and create or update API keys in the project (service accounts need Project Owner)."),
    pr("GROUP_DATA_ACCESS_ADMIN", "Project Data Access Admin", false, Data,
        &[DataExplorerRead, DataExplorerWrite, ManageIndexes, ManageSearchIndexes, ViewClusterLogs,
          QueryInsights, ManageStreamWorkspaces],
        "Data Explorer: view, create and drop databases, collections and indexes; edit documents; Atlas Search indexes; stream processing workspaces; logs and insights."),
    pr("GROUP_DATA_ACCESS_READ_WRITE", "Project Data Access Read/Write", false, Data,
        &[DataExplorerRead, DataExplorerWrite, ViewClusterLogs, QueryInsights],
        "Data Explorer: view and create databases and collections, edit documents, view indexes; insights."),
    pr("GROUP_DATA_ACCESS_READ_ONLY", "Project Data Access Read Only", false, Data,
        &[DataExplorerRead, ViewClusterLogs, QueryInsights],
        "Data Explorer read only; logs and query insights."),
    pr("GROUP_DATABASE_ACCESS_ADMIN", "Project Database Access Admin", false, DatabaseAccess,
        &[ManageDatabaseAccess],
        "Manage database users and custom database roles for the clusters in the project."),
    pr("GROUP_BACKUP_MANAGER", "Project Backup Manager", false, Backup,
        &[CreateBackups, RestoreBackups, ExportBackups, ManageBackupPolicies],
        "Manage backups, restores, exports and backup policies (not the Backup Compliance Policy)."),
    pr("GROUP_BACKUP_CREATOR", "Project Backup Creator", true, Backup, &[CreateBackups],
        "List snapshots and take on-demand snapshots."),
    pr("GROUP_BACKUP_RECOVERY_OPERATOR", "Project Backup Recovery Operator", true, Backup, &[RestoreBackups],
        "List snapshots and restore them."),
    pr("GROUP_BACKUP_EXPORT_OPERATOR", "Project Backup Export Operator", true, Backup, &[ExportBackups],
        "List snapshots and export or download them."),
    pr("GROUP_NETWORK_ACCESS_MANAGER", "Project Network Access Manager", true, NetworkSecurity,
        &[ManageNetworkAccess], "Update the IP access list, VPC peering and Private Link settings."),
    pr("GROUP_OBSERVABILITY_VIEWER", "Project Observability Viewer", false, Observability, &[QueryInsights],
        "Performance Advisor samples, Namespace and Query Shape Insights, Query Profiler, Real-Time Performance Panel."),
    pr("GROUP_TRIGGER_MANAGER", "Project Trigger Manager", true, SearchStreamsTriggersModels, &[ManageTriggers],
        "Create, update and delete database triggers."),
    pr("GROUP_READ_ONLY", "Project Read Only", false, Administration, &[],
        "View the project's clusters, users, roles, activity and metrics; no Data Explorer and no logs."),
    pr("GROUP_INDEX_MANAGER", "Project Index Manager", true, Data, &[ManageIndexes],
        "Use the Performance Advisor and build indexes in a rolling fashion."),
    pr("GROUP_SEARCH_INDEX_EDITOR", "Project Search Index Editor", false, SearchStreamsTriggersModels,
        &[ManageSearchIndexes], "Create, view, edit and delete Atlas Search indexes."),
    pr("GROUP_REAL_TIME_PERFORMANCE_OPERATOR", "Project Real Time Performance Operator", true, Observability,
        &[QueryInsights, KillOperations], "Use the Real-Time Performance Panel, including killing operations."),
    pr("GROUP_SUPPORT_ACCESS_MANAGER", "Project Support Access Manager", true, Administration,
        &[ManageSupportAccess], "Grant MongoDB Support access to the project's clusters."),
    pr("GROUP_ALERTS_MANAGER", "Project Alerts Manager", true, Observability, &[ManageAlerts],
        "Create, view, update and delete alert settings."),
    pr("GROUP_MODEL_OWNER", "Project Model Owner", true, SearchStreamsTriggersModels, &[ManageModelApiKeys],
        "Create and delete Model API keys."),
];

/// The 7 organization roles.
pub static ORG_ROLES: &[OrgRole] = &[
    OrgRole { api: "ORG_OWNER", name: "Organization Owner",
        description: "Root access to the organization, including Project Owner on all its projects." },
    OrgRole { api: "ORG_GROUP_CREATOR", name: "Organization Project Creator",
        description: "Create projects, plus Organization Member." },
    OrgRole { api: "ORG_BILLING_ADMIN", name: "Organization Billing Admin",
        description: "Administer billing, plus Organization Member." },
    OrgRole { api: "ORG_BILLING_READ_ONLY", name: "Organization Billing Viewer",
        description: "View billing, plus Organization Member." },
    OrgRole { api: "ORG_STREAM_PROCESSING_ADMIN", name: "Organization Stream Processing Admin",
        description: "Project Stream Processing Owner on every project; private endpoints and peering; Organization Read Only." },
    OrgRole { api: "ORG_READ_ONLY", name: "Organization Read Only",
        description: "Read-only access to the organization's settings, users and projects." },
    OrgRole { api: "ORG_MEMBER", name: "Organization Member",
        description: "Read-only access to settings, users and the projects they were added to." },
];

pub fn project_role(api: &str) -> Option<&'static ProjectRole> {
    PROJECT_ROLES.iter().find(|r| r.api == api)
}

/// The name people know a project role by ("Project Owner"), or the API value when it is not a project
/// role the console knows.
pub fn project_role_name(api: &str) -> &str {
    project_role(api).map_or(api, |r| r.name)
}

pub fn org_role(api: &str) -> Option<&'static OrgRole> {
    ORG_ROLES.iter().find(|r| r.api == api)
}

/// What a principal holding these organization and project roles may do in the project.
/// Unknown role names grant nothing. Every project role includes Project Read Only; Organization Owner and
/// Project Owner allow everything in the project.
pub fn capabilities_of<'a>(
    org_roles: impl IntoIterator<Item = &'a str>,
    project_roles: impl IntoIterator<Item = &'a str>,
) -> BTreeSet<Capability> {
    let mut caps = BTreeSet::new();
    for api in org_roles {
        match api {
            "ORG_OWNER" => caps.extend(Capability::ALL),
            "ORG_STREAM_PROCESSING_ADMIN" => {
                caps.insert(ViewProject);
                if let Some(r) = project_role("GROUP_STREAM_PROCESSING_OWNER") {
                    caps.extend(r.allows.iter().copied());
                }
            }
            "ORG_READ_ONLY" => {
                caps.insert(ViewProject);
            }
            _ => {}
        }
    }
    for role in project_roles.into_iter().filter_map(project_role) {
        caps.insert(ViewProject);
        if role.api == "GROUP_OWNER" {
            caps.extend(Capability::ALL);
        } else {
            caps.extend(role.allows.iter().copied());
        }
    }
    caps
}
