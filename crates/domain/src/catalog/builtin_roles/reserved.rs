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
    // "the dropDatabase action" names no resource; it applies to databases, so every database.
    BuiltinRole {
        includes: &["clusterManager", "clusterMonitor", "hostManager"],
        grants: &[
            Grant::new(AnyDatabase, &[DropDatabase]),
            beyond(
                Cluster,
                &[],
                &["setQuerySettings", "removeQuerySettings", "$querySettings"],
            ),
        ],
        ..role("clusterAdmin", "clusterAdmin")
    },
    // enableSharding on the cluster: see the enableSharding role.
    BuiltinRole {
        grants: &[
            beyond(
                Cluster,
                &[
                    CheckMetadataConsistency,
                    FlushRouterConfig,
                    ListSessions,
                    ListShards,
                    ReplSetGetConfig,
                    ReplSetGetStatus,
                    EnableSharding,
                ],
                &[
                    "addShard",
                    "appendOplogNote",
                    "applicationMessage",
                    "cleanupOrphaned",
                    "getClusterParameter",
                    "getDefaultRWConcern",
                    "moveCollection",
                    "removeShard",
                    "replSetConfigure",
                    "replSetStateChange",
                    "resync",
                    "setClusterParameter",
                    "setDefaultRWConcern",
                    "setFeatureCompatibilityVersion",
                    "transitionFromDedicatedConfigServer",
                    "transitionToDedicatedConfigServer",
                    "unshardCollection",
                    "querySettings",
                ],
            ),
            beyond(
                AnyDatabase,
                &[
                    AnalyzeShardKey,
                    ClearJumboFlag,
                    MoveChunk,
                    RefineCollectionShardKey,
                    ReshardCollection,
                ],
                &["configureQueryAnalyzer"],
            ),
            beyond(
                Namespace("config", ""),
                &[
                    CollStats,
                    DbHash,
                    DbStats,
                    Find,
                    Insert,
                    ListCollections,
                    ListIndexes,
                    ListSearchIndexes,
                    MoveChunk,
                    Remove,
                    Update,
                ],
                CURSORS_AND_PLANS,
            ),
            Grant::new(Namespace("local", ""), &[Insert, MoveChunk, Remove, Update]),
            beyond(
                Namespace("local", "system.replset"),
                MONITOR_DB_ACTIONS,
                CURSORS_AND_PLANS,
            ),
        ],
        ..role("clusterManager", "clusterManager")
    },
    // No privileges listed on the manual's page.
    role("directShardOperations", "directShardOperations"),
    // compact and killAnyCursor on the cluster: the Admin API's COMPACT and KILL_ANY_CURSOR take collections.
    BuiltinRole {
        grants: &[
            beyond(
                Cluster,
                &[FlushRouterConfig, KillAnySession, KillOp],
                &[
                    "applicationMessage",
                    "closeAllDatabases",
                    "compact",
                    "connPoolSync",
                    "fsync",
                    "invalidateUserCache",
                    "killAnyCursor",
                    "logRotate",
                    "oidReset",
                    "resync",
                    "rotateCertificates",
                    "setParameter",
                    "shutdown",
                    "touch",
                    "unlock",
                ],
            ),
            beyond(AnyDatabase, &[], &["killCursors"]),
        ],
        ..role("hostManager", "hostManager")
    },
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
    // bypassWriteBlockingMode is restore's, not backup's.
    BuiltinRole {
        grants: &[
            Grant::new(
                Cluster,
                &[GetParameter, BypassUserWriteBlock, SetUserWriteBlock],
            ),
            beyond(
                AnyDatabase,
                &[
                    BypassDocumentValidation,
                    CollMod,
                    ConvertToCapped,
                    CreateCollection,
                    CreateIndex,
                    CreateSearchIndex,
                    DropCollection,
                    Insert,
                    UpdateSearchIndex,
                    ListCollections,
                ],
                &[
                    "changeCustomData",
                    "changePassword",
                    "createRole",
                    "createUser",
                    "dropRole",
                    "dropUser",
                    "grantRole",
                    "revokeRole",
                    "viewRole",
                    "viewUser",
                ],
            ),
            Grant::new(Namespace("admin", "system.version"), &[Find]),
            Grant::new(Namespace("admin", "system.users"), &[Find, Remove, Update]),
        ],
        ..role("restore", "restore")
    },
    BuiltinRole {
        grants: &[
            beyond(AnyDatabaseButLocalConfig, &[], USER_ADMIN_BEYOND),
            beyond(
                Cluster,
                &[ListDatabases],
                &["authSchemaUpgrade", "invalidateUserCache"],
            ),
            beyond(
                Namespace("admin", "system.users"),
                USER_COLLECTION_ACTIONS,
                CURSORS_AND_PLANS,
            ),
            beyond(
                Namespace("admin", "system.roles"),
                USER_COLLECTION_ACTIONS,
                CURSORS_AND_PLANS,
            ),
        ],
        ..role("userAdminAnyDatabase", "userAdminAnyDatabase")
    },
    // validate on system collections: no target names them all, so on any database.
    BuiltinRole {
        includes: &[
            "readWriteAnyDatabase",
            "dbAdminAnyDatabase",
            "userAdminAnyDatabase",
            "clusterAdmin",
            "restore",
            "backup",
        ],
        grants: &[
            Grant::new(AnyDatabase, &[Validate]),
            Grant::new(Cluster, &[BypassDefaultMaxTimeMs]),
            Grant::new(Namespace("config", "system.preimages"), &[Find, Remove]),
        ],
        ..role("root", "root")
    },
    BuiltinRole {
        grants: &[beyond(AnyDatabase, &[], &["anyAction"])],
        ..role("__system", "__system")
    },
];
