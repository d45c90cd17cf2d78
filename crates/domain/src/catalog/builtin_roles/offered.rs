//! The built-in roles Atlas offers, and what each grants (sources: see the parent module).
use super::*;
use GrantScope::*;

/// The roles Atlas offers: to database users, to custom roles through inheritance, or both.
pub(super) const OFFERED: [BuiltinRole; 13] = [
    BuiltinRole {
        inheritable: Some(Category::Database),
        inherit_db: InheritDb::Target,
        user_scope: Some(UserScope::AnyDatabase {
            collection_allowed: true,
        }),
        grants: &[beyond(Granted, READ_ACTIONS, &["killCursors"])],
        ..role("read", "read")
    },
    BuiltinRole {
        inheritable: Some(Category::Database),
        inherit_db: InheritDb::Target,
        user_scope: Some(UserScope::AnyDatabase {
            collection_allowed: true,
        }),
        includes: &["read"],
        grants: &[beyond(Granted, WRITE_ACTIONS, WRITE_BEYOND)],
        ..role("readWrite", "readWrite")
    },
    // The Atlas picker grants dbAdmin on the row's database; the spec's text says `admin` for every role but
    // read/readWrite (UNCONFIRMED). dbAdmin is a per-database role in MongoDB, so the specific database is the
    // choice that never grants more than the user picked.
    BuiltinRole {
        inheritable: Some(Category::Database),
        inherit_db: InheritDb::Target,
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
    BuiltinRole {
        inheritable: GLOBAL,
        user_scope: ADMIN_ONLY,
        grants: &[
            beyond(AnyDatabaseButLocalConfig, READ_ACTIONS, &["killCursors"]),
            LIST_DATABASES,
        ],
        ..role("readAnyDatabase", "Only read any database")
    },
    BuiltinRole {
        inheritable: GLOBAL,
        user_scope: ADMIN_ONLY,
        grants: &[
            beyond(AnyDatabaseButLocalConfig, READ_ACTIONS, &["killCursors"]),
            beyond(AnyDatabaseButLocalConfig, WRITE_ACTIONS, WRITE_BEYOND),
            LIST_DATABASES,
        ],
        ..role("readWriteAnyDatabase", "Read and write to any database")
    },
    // find on system.js, system.profile, admin.system.users/roles: covered by find on any database.
    BuiltinRole {
        inheritable: GLOBAL,
        user_scope: ADMIN_ONLY,
        grants: &[
            beyond(
                Cluster,
                &[GetParameter, ListDatabases, ServerStatus, SetUserWriteBlock],
                &["appendOplogNote"],
            ),
            Grant::new(
                AnyDatabase,
                &[Find, ListCollections, ListIndexes, ListSearchIndexes],
            ),
            Grant::new(Namespace("config", "settings"), &[Find, Insert, Update]),
        ],
        ..role("backup", "backup")
    },
    // The manual grants enableSharding on every non-system collection; the Admin API's ENABLE_SHARDING is a
    // cluster action, so it is expressed on the cluster, where a custom role grants it and "Who can …?" asks.
    BuiltinRole {
        inheritable: GLOBAL,
        user_scope: ADMIN_ONLY,
        grants: &[
            Grant::new(Cluster, &[EnableSharding]),
            beyond(
                AnyDatabase,
                &[AnalyzeShardKey, RefineCollectionShardKey, ReshardCollection],
                &["moveCollection", "unshardCollection"],
            ),
        ],
        ..role("enableSharding", "enableSharding")
    },
    // dbAdmin's system.profile grant "on all databases but local and config": a target can't leave those two
    // out of one collection name, so `*.system.profile` also reaches theirs.
    BuiltinRole {
        inheritable: GLOBAL,
        user_scope: ADMIN_ONLY,
        grants: &[
            beyond(
                Namespace("", "system.profile"),
                DB_ADMIN_PROFILE_ACTIONS,
                CURSORS_AND_PLANS,
            ),
            beyond(AnyDatabaseButLocalConfig, DB_ADMIN_ACTIONS, DB_ADMIN_BEYOND),
            beyond(Cluster, &[ListDatabases], &["applyOps"]),
        ],
        ..role("dbAdminAnyDatabase", "dbAdminAnyDatabase")
    },
    // useUUID: the manual lists it "on all databases", but it only applies to the cluster resource (privilege
    // actions page; the Admin API's USE_UUID is a cluster action).
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
                    InProg,
                    ListDatabases,
                    ListSessions,
                    ListShards,
                    ReplSetGetConfig,
                    ReplSetGetStatus,
                    ServerStatus,
                    ShardingState,
                    Top,
                    UseUuid,
                ],
                &["getDefaultRWConcern", "listClusterCatalog"],
            ),
            beyond(AnyDatabase, &[CollStats, DbStats], &["indexStats"]),
            Grant::new(Namespace("", "system.profile"), &[Find]),
            beyond(
                Namespace("config", ""),
                MONITOR_DB_ACTIONS,
                MONITOR_DB_BEYOND,
            ),
            beyond(
                Namespace("local", ""),
                MONITOR_DB_ACTIONS,
                MONITOR_DB_BEYOND,
            ),
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
        ],
        ..role("atlasAdmin", "Atlas admin")
    },
];
