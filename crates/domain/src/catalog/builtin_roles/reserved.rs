//! The MongoDB built-in roles Atlas doesn't offer, and what each grants (sources: see the parent module).
use super::*;
use GrantScope::*;

/// MongoDB built-ins Atlas neither offers for inheritance nor lets users hold: reserved names, with their
/// privileges for completeness.
pub(super) const RESERVED: [BuiltinRole; 11] = [
    BuiltinRole {
        includes: &["readWrite", "dbAdmin", "userAdmin"],
        ..role("dbOwner", "dbOwner")
    },
    BuiltinRole {
        grants: &[beyond(Granted, &[], USER_ADMIN_BEYOND)],
        ..role("userAdmin", "userAdmin")
    },
    BuiltinRole {
        includes: &["clusterMonitor", "hostManager", "clusterManager"],
        grants: &[
            Grant::new(AnyDatabaseButLocalConfig, &[DropDatabase]),
            beyond(AnyDatabase, &[], &["importCollection", "exportCollection"]),
        ],
        ..role("clusterAdmin", "clusterAdmin")
    },
    // read@config (the server's `roles:`) as grants on config; local.replset.election and replset.minvalid
    // are covered by the local row.
    BuiltinRole {
        grants: &[
            beyond(
                Cluster,
                &[
                    ReplSetGetConfig,
                    ReplSetGetStatus,
                    ListSessions,
                    ListShards,
                    FlushRouterConfig,
                    CheckMetadataConsistency,
                ],
                &[
                    "appendOplogNote",
                    "applicationMessage",
                    "replSetConfigure",
                    "replSetStateChange",
                    "resync",
                    "addShard",
                    "removeShard",
                    "cleanupOrphaned",
                    "getDefaultRWConcern",
                    "runTenantMigration",
                    "setDefaultRWConcern",
                    "setFeatureCompatibilityVersion",
                    "setClusterParameter",
                    "getClusterParameter",
                    "setChangeStreamState",
                    "getChangeStreamState",
                    "querySettings",
                    "queryStatsRead",
                    "queryStatsReadTransformed",
                    "transitionFromDedicatedConfigServer",
                    "transitionToDedicatedConfigServer",
                ],
            ),
            beyond(
                AnyDatabaseButLocalConfig,
                MANAGER_DB_ACTIONS,
                MANAGER_DB_BEYOND,
            ),
            beyond(
                Namespace("config", ""),
                MANAGER_DB_ACTIONS,
                MANAGER_DB_BEYOND,
            ),
            Grant::new(Namespace("config", ""), CONFIG_LOCAL_WRITES),
            beyond(Namespace("config", ""), READ_ACTIONS, READ_BEYOND),
            beyond(
                Namespace("local", ""),
                MANAGER_DB_ACTIONS,
                MANAGER_DB_BEYOND,
            ),
            Grant::new(Namespace("local", ""), CONFIG_LOCAL_WRITES),
            beyond(
                Namespace("local", "system.replset"),
                READ_ACTIONS,
                READ_BEYOND,
            ),
            beyond(
                Namespace("local", "system.healthlog"),
                READ_ACTIONS,
                READ_BEYOND,
            ),
            beyond(AnyDatabase, &[], &["dbCheck"]),
        ],
        ..role("clusterManager", "clusterManager")
    },
    BuiltinRole {
        grants: &[beyond(Cluster, &[], &["issueDirectShardOperations"])],
        ..role("directShardOperations", "directShardOperations")
    },
    // killAnyCursor on the cluster: the Admin API's KILL_ANY_CURSOR takes namespaces.
    BuiltinRole {
        grants: &[
            beyond(
                Cluster,
                &[FlushRouterConfig, KillAnySession, KillOp],
                &[
                    "applicationMessage",
                    "auditConfigure",
                    "connPoolSync",
                    "dropConnections",
                    "logRotate",
                    "oidReset",
                    "setParameter",
                    "shutdown",
                    "touch",
                    "unlock",
                    "fsync",
                    "invalidateUserCache",
                    "killAnyCursor",
                    "replSetResizeOplog",
                    "resync",
                    "trafficRecord",
                    "rotateCertificates",
                    "oidcListKeys",
                    "oidcRefreshKeys",
                ],
            ),
            beyond(AnyDatabaseButLocalConfig, &[], &["killCursors"]),
        ],
        ..role("hostManager", "hostManager")
    },
    // Not in the server definitions read (added in 8.2): the manual's privileges.
    BuiltinRole {
        includes: &["readAnyDatabase"],
        grants: &[
            Grant::new(Cluster, &[BypassDefaultMaxTimeMs]),
            beyond(
                Namespace("__mdb_internal_search", ""),
                &[],
                &["write permissions (not listed)"],
            ),
        ],
        ..role("searchCoordinator", "searchCoordinator")
    },
    // bypassWriteBlockingMode is restore's, not backup's. system.js, admin.system.backup_users,
    // admin.system.roles and local's replset collections are covered by the database rows.
    BuiltinRole {
        grants: &[
            beyond(
                Cluster,
                &[
                    GetParameter,
                    UseUuid,
                    BypassUserWriteBlock,
                    SetUserWriteBlock,
                ],
                &["forceUUID", "applyOps"],
            ),
            beyond(
                AnyDatabaseButLocalConfig,
                RESTORE_WRITE_ACTIONS,
                USER_ADMIN_BEYOND,
            ),
            Grant::new(Namespace("config", ""), RESTORE_WRITE_ACTIONS),
            Grant::new(Namespace("local", ""), RESTORE_WRITE_ACTIONS),
            Grant::new(AnyDatabase, &[ListCollections]),
            Grant::new(Namespace("admin", "tempusers"), &[Find]),
            Grant::new(Namespace("admin", "temproles"), &[Find]),
            Grant::new(Namespace("admin", "system.version"), &[Find]),
            Grant::new(Namespace("", "system.users"), &[Find, Update, Remove]),
        ],
        ..role("restore", "restore")
    },
    // User administration on local and config as well (the server's own rows for them).
    BuiltinRole {
        grants: &[
            beyond(
                AnyDatabaseButLocalConfig,
                &[],
                &[
                    "changeCustomData",
                    "changePassword",
                    "createRole",
                    "createUser",
                    "dropRole",
                    "dropUser",
                    "grantRole",
                    "revokeRole",
                    "setAuthenticationRestriction",
                    "viewRole",
                    "viewUser",
                    "listCachedAndActiveUsers",
                ],
            ),
            beyond(Namespace("local", ""), &[], USER_ADMIN_BEYOND),
            beyond(Namespace("config", ""), &[], USER_ADMIN_BEYOND),
            beyond(
                Cluster,
                &[ListDatabases],
                &["authSchemaUpgrade", "invalidateUserCache", "viewUser"],
            ),
            beyond(
                Namespace("admin", "system.users"),
                USER_COLLECTION_ACTIONS,
                READ_BEYOND,
            ),
            beyond(
                Namespace("admin", "system.roles"),
                USER_COLLECTION_ACTIONS,
                READ_BEYOND,
            ),
            beyond(Namespace("", "system.users"), READ_ACTIONS, READ_BEYOND),
            beyond(
                Namespace("admin", "system.version"),
                READ_ACTIONS,
                READ_BEYOND,
            ),
            beyond(
                Namespace("admin", "system.backup_users"),
                READ_ACTIONS,
                READ_BEYOND,
            ),
        ],
        ..role("userAdminAnyDatabase", "userAdminAnyDatabase")
    },
    // bypassDefaultMaxTimeMS: the manual's (8.0), not in the server definitions read (UNCONFIRMED).
    BuiltinRole {
        includes: &[
            "clusterAdmin",
            "userAdminAnyDatabase",
            "dbAdminAnyDatabase",
            "readWriteAnyDatabase",
            "backup",
            "restore",
            "directShardOperations",
        ],
        grants: &[
            Grant::new(AnyDatabase, &[Validate]),
            beyond(Cluster, &[BypassDefaultMaxTimeMs], &["useTenant"]),
            Grant::new(Namespace("config", "system.preimages"), &[Find, Remove]),
            Grant::new(
                Namespace("config", "system.change_collection"),
                &[Find, Insert, Remove, Update],
            ),
        ],
        ..role("root", "root")
    },
    BuiltinRole {
        grants: &[beyond(AnyDatabase, &[], &["anyAction"])],
        ..role("__system", "__system")
    },
];
