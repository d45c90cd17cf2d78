//! Help choosing least privilege among the 26 project roles: what a set of roles will and won't allow,
//! which roles allow a task with the least else besides, and what to use instead of Project Owner.
use crate::catalog::{capabilities_of, project_role, Capability, ProjectRole, PROJECT_ROLES};

/// What a member holding a set of project roles will and won't be able to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleSummary {
    pub can: Vec<Capability>,
    pub cannot: Vec<Capability>,
}

pub fn summarize<S: AsRef<str>>(roles: &[S]) -> RoleSummary {
    let caps = capabilities_of([], roles.iter().map(AsRef::as_ref));
    let (can, cannot) = Capability::ALL.iter().partition(|c| caps.contains(c));
    RoleSummary { can, cannot }
}

/// How much a role allows: the size of its capability set (Project Owner allows everything).
pub fn breadth(role: &ProjectRole) -> usize {
    capabilities_of([], [role.api]).len()
}

/// The roles that allow `cap` and allow the least besides (ties all returned, in catalog order).
pub fn least_privileged(cap: Capability) -> Vec<&'static ProjectRole> {
    let allowing: Vec<&ProjectRole> = PROJECT_ROLES
        .iter()
        .filter(|r| capabilities_of([], [r.api]).contains(&cap))
        .collect();
    let least = allowing.iter().map(|r| breadth(r)).min().unwrap_or(0);
    allowing
        .into_iter()
        .filter(|r| breadth(r) == least)
        .collect()
}

/// Words people use for a task that its label doesn't contain ("create indexes" for index management).
fn synonyms(cap: Capability) -> &'static str {
    use Capability::*;
    match cap {
        ViewProject => "read only see list metrics",
        ManageDatabaseAccess => "create edit delete database users custom roles grant",
        ManageProjectAccess => "invite add remove members api keys service accounts teams",
        ManageProjectSettings => "settings configure",
        CreateClusters => "deploy new provision",
        ModifyClusters => "scale resize upgrade tier",
        TerminateClusters => "delete remove drop",
        TestResilience => "failover outage",
        ViewClusterLogs => "read download logs audit mongod",
        ManageIndexes => "create build drop rolling indexes",
        ManageSearchIndexes => "create edit delete search indexes",
        CreateBackups => "snapshot create backups",
        RestoreBackups => "recover restore backups snapshots",
        ExportBackups => "download export backups snapshots",
        ManageBackupPolicies => "schedule retention backups",
        ManageNetworkAccess => "ip allowlist whitelist vpc private link endpoint firewall",
        ManageAlerts => "create edit delete alerts notifications",
        ManageSupportAccess => "support",
        DataExplorerRead => "read view query documents",
        DataExplorerWrite => "write insert update delete documents collections",
        QueryInsights => "performance profiler slow queries",
        KillOperations => "kill stop operations queries",
        ManageStreamWorkspaces => "streams stream processing instances workspaces",
        ManageStreamConnections => "streams stream processors connection registry private link",
        ManageTriggers => "triggers",
        ManageModelApiKeys => "models ai embeddings voyage",
    }
}

/// The capabilities a task description names: every word of `query` must begin a word of the
/// capability's label or synonyms ("restore" finds restoring backups, "view logs" finds the logs).
pub fn find_capabilities(query: &str) -> Vec<Capability> {
    let words: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    Capability::ALL
        .into_iter()
        .filter(|&cap| {
            let text = format!("{} {}", cap.label(), synonyms(cap)).to_lowercase();
            let vocabulary: Vec<&str> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            words
                .iter()
                .all(|w| vocabulary.iter().any(|v| v.starts_with(w.as_str())))
        })
        .collect()
}

/// Common tasks, the purpose-built role that does each (suggested instead of Project Owner), and the
/// capability the task is.
pub const OWNER_ALTERNATIVES: &[(&str, &str, Capability)] = &[
    (
        "manage database users and custom roles",
        "GROUP_DATABASE_ACCESS_ADMIN",
        Capability::ManageDatabaseAccess,
    ),
    (
        "create clusters",
        "GROUP_CLUSTER_CREATOR",
        Capability::CreateClusters,
    ),
    (
        "manage indexes",
        "GROUP_INDEX_MANAGER",
        Capability::ManageIndexes,
    ),
    (
        "take snapshots",
        "GROUP_BACKUP_CREATOR",
        Capability::CreateBackups,
    ),
    (
        "restore backups",
        "GROUP_BACKUP_RECOVERY_OPERATOR",
        Capability::RestoreBackups,
    ),
    (
        "view cluster logs",
        "GROUP_CLUSTER_LOG_VIEWER",
        Capability::ViewClusterLogs,
    ),
    (
        "manage the IP access list",
        "GROUP_NETWORK_ACCESS_MANAGER",
        Capability::ManageNetworkAccess,
    ),
    (
        "invite people and manage API keys",
        "GROUP_ACCESS_MANAGER",
        Capability::ManageProjectAccess,
    ),
];

/// The warning shown when Project Owner is chosen.
pub fn owner_warning() -> String {
    let suggestions: Vec<String> = OWNER_ALTERNATIVES
        .iter()
        .filter_map(|(task, api, _)| project_role(api).map(|r| format!("{} to {task}", r.name)))
        .collect();
    format!(
        "Project Owner grants every permission in the project, including managing its access and deleting clusters. For common tasks a purpose-built role is enough: {}.",
        suggestions.join("; ")
    )
}
