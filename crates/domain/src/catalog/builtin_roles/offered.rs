//! The built-in roles Atlas offers, and what each grants (sources: see the parent module).
use super::*;
use GrantScope::*;

/// The roles Atlas offers: to database users, to custom roles through inheritance, or both.
pub(super) const OFFERED: [BuiltinRole; 13] = [
    // Its system.js privileges are the database-wide row's.
    BuiltinRole {
        inheritable: Some(Category::Database),
        inherit_db: InheritDb::Target,
        user_scope: Some(UserScope::AnyDatabase {
            collection_allowed: true,
        }),
        grants: &[beyond(Granted, READ_ACTIONS, READ_BEYOND)],
        ..role("read", "read")
    },
    // The server writes read's actions into readWrite's own list rather than including read.
    BuiltinRole {
        inheritable: Some(Category::Database),
        inherit_db: InheritDb::Target,
        user_scope: Some(UserScope::AnyDatabase {
            collection_allowed: true,
        }),
        grants: &[
            beyond(Granted, READ_WRITE_ACTIONS, READ_WRITE_BEYOND),
            beyond(Granted, &[], RAW_DATA),
        ],
        ..role("readWrite", "readWrite")
    },
    // Inherited on admin only: the spec's `DatabaseInheritedRole` says "Set this value to `admin` for every
    // role except `read` or `readWrite`", as Atlas's v1 reference and the Terraform provider's docs do
    // (tests/facts_inherited_roles.rs). A database user still holds it on any database.
    BuiltinRole {
        inheritable: GLOBAL,
        inherit_db: InheritDb::Admin,
        user_scope: Some(UserScope::AnyDatabase {
            collection_allowed: false,
        }),
        grants: &[
            beyond(
                GrantedCollection("system.profile"),
                DB_ADMIN_PROFILE_ACTIONS,
                CURSORS_AND_PLANS,
            ),
            beyond(Granted, DB_ADMIN_ACTIONS, DB_ADMIN_BEYOND),
        ],
        ..role("dbAdmin", "dbAdmin")
    },
    // Stream processing: the read-only subset (Atlas stream processing page).
    BuiltinRole {
        inheritable: GLOBAL,
        user_scope: ADMIN_ONLY,
        grants: &[
            beyond(AnyDatabaseButLocalConfig, READ_ACTIONS, READ_BEYOND),
            Grant::new(Cluster, &[ListDatabases]),
            Grant::new(Cluster, STREAM_READ),
        ],
        ..role("readAnyDatabase", "Only read any database")
    },
    // Stream processing: every action (Atlas stream processing page).
    BuiltinRole {
        inheritable: GLOBAL,
        user_scope: ADMIN_ONLY,
        includes: &["readAnyDatabase"],
        grants: &[
            beyond(
                AnyDatabaseButLocalConfig,
                READ_WRITE_ACTIONS,
                READ_WRITE_BEYOND,
            ),
            beyond(AnyDatabaseButLocalConfig, &[], RAW_DATA),
            Grant::new(Cluster, STREAM_ALL),
        ],
        ..role("readWriteAnyDatabase", "Read and write to any database")
    },
    // The server's backup includes the internal __queryableBackup, written out here: find on every
    // non-system collection (config and local by their own rows), the list actions and collStats everywhere.
    // Its find on system collections is covered by the find rows.
    BuiltinRole {
        inheritable: GLOBAL,
        user_scope: ADMIN_ONLY,
        grants: &[
            Grant::new(
                AnyDatabase,
                &[CollStats, ListCollections, ListIndexes, ListSearchIndexes],
            ),
            Grant::new(AnyDatabaseButLocalConfig, &[Find]),
            Grant::new(Namespace("config", ""), &[Find]),
            Grant::new(Namespace("local", ""), &[Find]),
            beyond(
                Cluster,
                &[
                    GetParameter,
                    ListDatabases,
                    UseUuid,
                    ServerStatus,
                    SetUserWriteBlock,
                ],
                &["appendOplogNote"],
            ),
            Grant::new(Namespace("config", "settings"), &[Insert, Update]),
        ],
        ..role("backup", "backup")
    },
    // enableSharding on namespaces, where it enables sharding or shards a collection.
    BuiltinRole {
        inheritable: GLOBAL,
        user_scope: ADMIN_ONLY,
        grants: &[beyond(
            AnyDatabaseButLocalConfig,
            &[
                AnalyzeShardKey,
                EnableSharding,
                RefineCollectionShardKey,
                ReshardCollection,
            ],
            &["moveCollection"],
        )],
        ..role("enableSharding", "enableSharding")
    },
    // dbAdmin's system.profile grant on every database: `*.system.profile`.
    BuiltinRole {
        inheritable: GLOBAL,
        user_scope: ADMIN_ONLY,
        grants: &[
            beyond(Cluster, &[ListDatabases], &["applyOps"]),
            beyond(AnyDatabaseButLocalConfig, DB_ADMIN_ACTIONS, DB_ADMIN_BEYOND),
            beyond(
                Namespace("", "system.profile"),
                DB_ADMIN_PROFILE_ACTIONS,
                CURSORS_AND_PLANS,
            ),
        ],
        ..role("dbAdminAnyDatabase", "dbAdminAnyDatabase")
    },
    // read@config and read@local (the server's `roles:`) as grants on those databases, with the database
    // actions; config.system.sessions and local's replset collections are covered by them. listClusterCatalog:
    // the manual's, from a later server.
    BuiltinRole {
        inheritable: GLOBAL,
        user_scope: ADMIN_ONLY,
        grants: &[
            beyond(
                Cluster,
                &[
                    ConnPoolStats,
                    GetCmdLineOpts,
                    GetLog,
                    GetParameter,
                    GetShardMap,
                    HostInfo,
                    ListDatabases,
                    ListSessions,
                    ListShards,
                    NetStat,
                    ReplSetGetConfig,
                    ReplSetGetStatus,
                    ServerStatus,
                    Top,
                    UseUuid,
                    InProg,
                    ShardingState,
                    ShardedDataDistribution,
                ],
                &[
                    "getDefaultRWConcern",
                    "listSampledQueries",
                    "operationMetrics",
                    "allCollectionStats",
                    "listClusterCatalog",
                ],
            ),
            beyond(
                AnyDatabaseButLocalConfig,
                &[CollStats, DbStats],
                &["getDatabaseVersion", "getShardVersion", "indexStats"],
            ),
            beyond(Namespace("config", ""), READ_ACTIONS, MONITOR_DB_BEYOND),
            beyond(Namespace("local", ""), READ_ACTIONS, MONITOR_DB_BEYOND),
            Grant::new(Namespace("", "system.profile"), &[Find]),
        ],
        ..role("clusterMonitor", "clusterMonitor")
    },
    // Atlas-only built-ins in the picker's Global group, which database users may also hold on `admin` (Atlas
    // built-in roles page; killOpSession since the 2 December 2021 release).
    BuiltinRole {
        inheritable: GLOBAL,
        user_scope: ADMIN_ONLY,
        atlas_only: true,
        grants: &[beyond(
            Cluster,
            &[InProg, KillOp, KillAnySession, ListSessions],
            &["killCursors"],
        )],
        ..role("killOpSession", "killOpSession")
    },
    BuiltinRole {
        inheritable: GLOBAL,
        user_scope: ADMIN_ONLY,
        atlas_only: true,
        grants: &[beyond(Cluster, &[], &["autoCompact"])],
        ..role("autoCompact", "autoCompact")
    },
    BuiltinRole {
        inheritable: GLOBAL,
        user_scope: ADMIN_ONLY,
        atlas_only: true,
        grants: &[Grant::new(
            Namespace("config", "settings"),
            &[Find, Insert, Update],
        )],
        ..role("manageShardBalancer", "manageShardBalancer")
    },
    BuiltinRole {
        user_scope: ADMIN_ONLY,
        atlas_only: true,
        includes: &[
            "readWriteAnyDatabase",
            "dbAdminAnyDatabase",
            "clusterMonitor",
            "backup",
            "enableSharding",
        ],
        grants: &[
            Grant::new(
                AnyDatabase,
                &[
                    AnalyzeShardKey,
                    ClearJumboFlag,
                    Compact,
                    KillAnyCursor,
                    MoveChunk,
                    RefineCollectionShardKey,
                    ReshardCollection,
                    SplitChunk,
                ],
            ),
            beyond(
                Cluster,
                &[
                    CheckMetadataConsistency,
                    FlushRouterConfig,
                    ShardedDataDistribution,
                ],
                &[
                    "autoCompact",
                    "cleanupOrphaned",
                    "querySettings",
                    "viewRole",
                    "setQuerySettings",
                    "removeQuerySettings",
                    "$querySettings",
                ],
            ),
            Grant::new(Namespace("config", "settings"), &[Update]),
            // Every stream processing action (Atlas stream processing page).
            Grant::new(Cluster, STREAM_ALL),
        ],
        ..role("atlasAdmin", "Atlas admin")
    },
];
