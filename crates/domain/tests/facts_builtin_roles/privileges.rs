//! What each built-in role grants, row by row, in the server's own spelling (pages and scope names: see
//! the parent). The test sorts each server action into an Admin API action (where the API has it and it
//! fits the scope) or a privilege beyond the API.
//!
//! SERVER: `mongodb/mongo src/mongo/db/auth/builtin_roles.yml` @ 00c97452ae2aea6d12d0ff46f67db597247fe77f
//! (the server's built-in role definitions; `builtin_roles.tpl.cpp` turns them into privileges). Its match
//! types map to scopes: `database` = granted; `exact_namespace` without db = granted.collection;
//! `any_normal` = any but local, config (non-system collections of every database but local and config);
//! `any` = any; `cluster` = cluster; `collection` = *.collection; `database`/`exact_namespace` with db = db
//! or db.collection. A role's `roles: [role@db]` on another database is written as that role's rows on
//! that database. `any_system_buckets` rows repeat the same role's `any_normal` actions on time series
//! bucket collections, which the catalog's targets don't tell apart: not repeated.
//!
//! Where MANUAL (a later server than SERVER's snapshot, which predates searchCoordinator) or Atlas's pages
//! add to SERVER, the row says so.
pub struct Privilege {
    pub on: &'static str,
    /// Server spellings.
    pub actions: &'static str,
}

const fn p(on: &'static str, actions: &'static str) -> Privilege {
    Privilege { on, actions }
}

pub struct RoleFacts {
    pub role: &'static str,
    pub includes: &'static [&'static str],
    pub privileges: &'static [Privilege],
    pub source: &'static str,
}

/// SERVER `&readRoleActions`.
const READ: &str =
    "changeStream collStats dbHash dbStats find killCursors listCollections listIndexes \
    listSearchIndexes planCacheRead";
const READ_WRITE: &str = "changeStream collStats dbHash dbStats find killCursors listCollections listIndexes \
    listSearchIndexes planCacheRead cleanupStructuredEncryptionData compactStructuredEncryptionData \
    convertToCapped createCollection createIndex createSearchIndexes dropCollection dropIndex dropSearchIndex \
    insert remove renameCollectionSameDB update updateSearchIndex";
/// SERVER `&userAdminRoleActions`.
const USER_ADMIN: &str =
    "changeCustomData changePassword createUser createRole dropUser dropRole grantRole \
    revokeRole setAuthenticationRestriction viewUser viewRole";
/// SERVER `&dbAdminRoleActions` and `&dbAdminRoleSingleTenantActions` (an Atlas cluster is single-tenant).
const DB_ADMIN: &str = "analyze bypassDocumentValidation collMod collStats compact convertToCapped \
    createCollection dbStats dropCollection dropDatabase dropIndex dropSearchIndex createIndex \
    createSearchIndexes enableProfiler listCollections listIndexes listSearchIndexes updateSearchIndex \
    planCacheIndexFilter planCacheRead planCacheWrite reIndex renameCollectionSameDB storageDetails validate \
    configureQueryAnalyzer";
/// SERVER dbAdmin on `system.profile`: read's actions and convertToCapped, createCollection, dropCollection.
const DB_ADMIN_PROFILE: &str =
    "changeStream collStats dbHash dbStats find killCursors listCollections \
    listIndexes listSearchIndexes planCacheRead convertToCapped createCollection dropCollection";
/// SERVER `&clusterMonitorRoleDatabaseActions`.
const MONITOR_DB: &str = "collStats dbStats getDatabaseVersion getShardVersion indexStats";
/// read@config / read@local with clusterMonitor's database actions.
const MONITOR_READ_DB: &str =
    "changeStream collStats dbHash dbStats find killCursors listCollections \
    listIndexes listSearchIndexes planCacheRead getDatabaseVersion getShardVersion indexStats";
/// SERVER `&clusterManagerRoleDatabaseActions`.
const MANAGER_DB: &str =
    "analyzeShardKey configureQueryAnalyzer clearJumboFlag splitChunk moveChunk \
    moveCollection enableSharding splitVector refineCollectionShardKey reshardCollection";
/// SERVER `&restoreRoleWriteActions`.
const RESTORE_WRITE: &str =
    "bypassDocumentValidation collMod convertToCapped createCollection createIndex \
    createSearchIndexes dropCollection insert updateSearchIndex";
/// The 11 stream processing actions (Atlas SP page; `listStreamConnections` is the API's LIST_CONNECTIONS).
const STREAM_ALL: &str =
    "createStreamProcessor dropStreamProcessor getStreamProcessor listStreamConnections \
    listStreamProcessors modifyStreamProcessor processStreamProcessor sampleStreamProcessor \
    startStreamProcessor stopStreamProcessor streamProcessorStats";
const STREAM_READ: &str =
    "getStreamProcessor listStreamProcessors streamProcessorStats listStreamConnections";

pub const ROLE_FACTS: &[RoleFacts] = &[
    // system.js: the same actions as the database row.
    RoleFacts {
        role: "read",
        includes: &[],
        privileges: &[p("granted", READ)],
        source: "SERVER roles.read",
    },
    // SERVER writes read's actions into readWrite's own list (no `roles:`). MANUAL's rolesInfo example
    // output for readWrite adds performRawDataOperations, from a later server: kept.
    RoleFacts {
        role: "readWrite",
        includes: &[],
        privileges: &[
            p("granted", READ_WRITE),
            p("granted", "performRawDataOperations"),
        ],
        source: "SERVER roles.readWrite; MANUAL § readWrite (rolesInfo example: performRawDataOperations)",
    },
    RoleFacts {
        role: "dbAdmin",
        includes: &[],
        privileges: &[
            p("granted.system.profile", DB_ADMIN_PROFILE),
            p("granted", DB_ADMIN),
        ],
        source: "SERVER roles.dbAdmin",
    },
    RoleFacts {
        role: "dbOwner",
        includes: &["readWrite", "dbAdmin", "userAdmin"],
        privileges: &[],
        source: "SERVER roles.dbOwner",
    },
    RoleFacts {
        role: "userAdmin",
        includes: &[],
        privileges: &[p("granted", USER_ADMIN)],
        source: "SERVER roles.userAdmin",
    },
    // read@config and read@local (SERVER `roles:`) merged with the database actions on config and local;
    // config.system.sessions and local's replset collections are covered by those rows. MANUAL adds
    // listClusterCatalog (a later server): kept. The old catalog lacked NET_STAT and
    // SHARDED_DATA_DISTRIBUTION, which a facts test wrongly said no list of this role has.
    RoleFacts {
        role: "clusterMonitor",
        includes: &[],
        privileges: &[
            p(
                "cluster",
                "connPoolStats getCmdLineOpts getDefaultRWConcern getLog getParameter getShardMap hostInfo \
                 listDatabases listSampledQueries listSessions listShards netstat operationMetrics \
                 replSetGetConfig replSetGetStatus serverStatus top useUUID inprog shardingState \
                 allCollectionStats shardedDataDistribution",
            ),
            p("cluster", "listClusterCatalog"),
            p("any but local, config", MONITOR_DB),
            p("config", MONITOR_READ_DB),
            p("local", MONITOR_READ_DB),
            p("*.system.profile", "find"),
        ],
        source: "SERVER roles.clusterMonitor; MANUAL privilege-actions § listClusterCatalog",
    },
    // read@config (SERVER `roles:`) merged into the config row; local.replset.election and
    // replset.minvalid are covered by the local row.
    RoleFacts {
        role: "clusterManager",
        includes: &[],
        privileges: &[
            p(
                "cluster",
                "appendOplogNote applicationMessage replSetConfigure replSetGetConfig replSetGetStatus \
                 replSetStateChange resync addShard removeShard listSessions listShards flushRouterConfig \
                 cleanupOrphaned getDefaultRWConcern runTenantMigration setDefaultRWConcern \
                 setFeatureCompatibilityVersion setClusterParameter getClusterParameter setChangeStreamState \
                 getChangeStreamState querySettings queryStatsRead queryStatsReadTransformed \
                 checkMetadataConsistency transitionFromDedicatedConfigServer transitionToDedicatedConfigServer",
            ),
            p("any but local, config", MANAGER_DB),
            p("config", MANAGER_DB),
            p("config", "insert update remove"),
            p("config", READ),
            p("local", MANAGER_DB),
            p("local", "insert update remove"),
            p("local.system.replset", READ),
            p("local.system.healthlog", READ),
            p("any", "dbCheck"),
        ],
        source: "SERVER roles.clusterManager",
    },
    RoleFacts {
        role: "hostManager",
        includes: &[],
        privileges: &[
            p(
                "cluster",
                "applicationMessage auditConfigure connPoolSync dropConnections logRotate oidReset setParameter \
                 shutdown touch unlock flushRouterConfig fsync invalidateUserCache killAnyCursor killAnySession \
                 killop replSetResizeOplog resync trafficRecord rotateCertificates oidcListKeys oidcRefreshKeys",
            ),
            p("any but local, config", "killCursors"),
        ],
        source: "SERVER roles.hostManager",
    },
    RoleFacts {
        role: "clusterAdmin",
        includes: &["clusterMonitor", "hostManager", "clusterManager"],
        privileges: &[
            p("any but local, config", "dropDatabase"),
            p("any", "importCollection exportCollection"),
        ],
        source: "SERVER roles.clusterAdmin",
    },
    RoleFacts {
        role: "directShardOperations",
        includes: &[],
        privileges: &[p("cluster", "issueDirectShardOperations")],
        source: "SERVER roles.directShardOperations",
    },
    // Not in SERVER's snapshot (added in 8.2); MANUAL lists its privileges, its writes on
    // __mdb_internal_search not action by action.
    RoleFacts {
        role: "searchCoordinator",
        includes: &["readAnyDatabase"],
        privileges: &[
            p("cluster", "bypassDefaultMaxTimeMS"),
            p("__mdb_internal_search", "write permissions (not listed)"),
        ],
        source: "MANUAL § Cluster Administration Roles › searchCoordinator",
    },
    // SERVER's backup includes the internal __queryableBackup role, written out here. Its find on
    // system.js, system.users, system.profile, admin.system.backup_users/roles/version and config.settings
    // is covered by the find rows.
    RoleFacts {
        role: "backup",
        includes: &[],
        privileges: &[
            p("any", "collStats listCollections listIndexes listSearchIndexes"),
            p("any but local, config", "find"),
            p("config", "find"),
            p("local", "find"),
            p(
                "cluster",
                "getParameter listDatabases useUUID appendOplogNote serverStatus setUserWriteBlockMode",
            ),
            p("config.settings", "insert update"),
        ],
        source: "SERVER roles.backup and roles.__queryableBackup",
    },
    // system.js, admin.system.backup_users, admin.system.roles and local's replset collections: covered.
    RoleFacts {
        role: "restore",
        includes: &[],
        privileges: &[
            p(
                "cluster",
                "getParameter forceUUID useUUID bypassWriteBlockingMode setUserWriteBlockMode applyOps",
            ),
            p("any but local, config", RESTORE_WRITE),
            p("any but local, config", USER_ADMIN),
            p("config", RESTORE_WRITE),
            p("local", RESTORE_WRITE),
            p("any", "listCollections"),
            p("admin.tempusers", "find"),
            p("admin.temproles", "find"),
            p("admin.system.version", "find"),
            p("*.system.users", "find update remove"),
        ],
        source: "SERVER roles.restore",
    },
    // The Atlas SP page adds the read-only stream processing actions.
    RoleFacts {
        role: "readAnyDatabase",
        includes: &[],
        privileges: &[
            p("any but local, config", READ),
            p("cluster", "listDatabases"),
            p("cluster", STREAM_READ),
        ],
        source: "SERVER roles.readAnyDatabase; Atlas SP page",
    },
    // The Atlas SP page adds every stream processing action; performRawDataOperations as for readWrite.
    RoleFacts {
        role: "readWriteAnyDatabase",
        includes: &["readAnyDatabase"],
        privileges: &[
            p("any but local, config", READ_WRITE),
            p("any but local, config", "performRawDataOperations"),
            p("cluster", STREAM_ALL),
        ],
        source: "SERVER roles.readWriteAnyDatabase; Atlas SP page",
    },
    RoleFacts {
        role: "userAdminAnyDatabase",
        includes: &[],
        privileges: &[
            p("any but local, config", USER_ADMIN),
            p("any but local, config", "listCachedAndActiveUsers"),
            p("local", USER_ADMIN),
            p("config", USER_ADMIN),
            p(
                "cluster",
                "listDatabases authSchemaUpgrade invalidateUserCache viewUser",
            ),
            p("admin.system.users", READ),
            p(
                "admin.system.users",
                "createIndex createSearchIndexes dropIndex dropSearchIndex",
            ),
            p("admin.system.roles", READ),
            p(
                "admin.system.roles",
                "createIndex createSearchIndexes dropIndex dropSearchIndex",
            ),
            p("*.system.users", READ),
            p("admin.system.version", READ),
            p("admin.system.backup_users", READ),
        ],
        source: "SERVER roles.userAdminAnyDatabase",
    },
    RoleFacts {
        role: "dbAdminAnyDatabase",
        includes: &[],
        privileges: &[
            p("cluster", "listDatabases applyOps"),
            p("any but local, config", DB_ADMIN),
            p("*.system.profile", DB_ADMIN_PROFILE),
        ],
        source: "SERVER roles.dbAdminAnyDatabase",
    },
    // ATLAS's row names only the enableSharding action; SERVER's role also grants analyzeShardKey,
    // moveCollection, refineCollectionShardKey and reshardCollection. SERVER wins: it is what the role
    // does, and ATLAS refers to the MongoDB role for each role's full privileges. enableSharding is granted
    // on namespaces, where it enables sharding or shards a collection (not on the cluster).
    RoleFacts {
        role: "enableSharding",
        includes: &[],
        privileges: &[p(
            "any but local, config",
            "analyzeShardKey enableSharding moveCollection refineCollectionShardKey reshardCollection",
        )],
        source: "SERVER roles.enableSharding; ATLAS § Built-in Roles and Inherited Privileges › enableSharding",
    },
    // MANUAL § root adds bypassDefaultMaxTimeMS (8.0), which SERVER's snapshot doesn't list: kept, so
    // "Who can …?" never misses a root holder (UNCONFIRMED against a later SERVER).
    RoleFacts {
        role: "root",
        includes: &[
            "clusterAdmin",
            "userAdminAnyDatabase",
            "dbAdminAnyDatabase",
            "readWriteAnyDatabase",
            "backup",
            "restore",
            "directShardOperations",
        ],
        privileges: &[
            p("any", "validate"),
            p("cluster", "useTenant"),
            p("cluster", "bypassDefaultMaxTimeMS"),
            p("config.system.preimages", "find remove"),
            p("config.system.change_collection", "find insert remove update"),
        ],
        source: "SERVER roles.root; MANUAL § Superuser Roles › root (bypassDefaultMaxTimeMS)",
    },
    RoleFacts {
        role: "__system",
        includes: &[],
        privileges: &[p("any", "anyAction")],
        source: "SERVER roles.__system (special-cased in builtin_roles.tpl.cpp: every action on every resource)",
    },
    // Atlas's own roles (ATLAS). atlasAdmin also runs every stream processing action (SP page).
    RoleFacts {
        role: "atlasAdmin",
        includes: &[
            "readWriteAnyDatabase",
            "dbAdminAnyDatabase",
            "clusterMonitor",
            "backup",
            "enableSharding",
        ],
        privileges: &[
            p(
                "any",
                "analyzeShardKey clearJumboFlag compact killAnyCursor moveChunk refineCollectionShardKey \
                 reshardCollection splitChunk",
            ),
            p(
                "cluster",
                "checkMetadataConsistency flushRouterConfig shardedDataDistribution autoCompact cleanupOrphaned \
                 querySettings viewRole setQuerySettings removeQuerySettings $querySettings",
            ),
            p("cluster", STREAM_ALL),
            p("config.settings", "update"),
        ],
        source: "ATLAS § Built-in Roles and Inherited Privileges › Atlas admin; ATLAS § About Protected MongoDB Database Namespaces (update on config.settings); Atlas SP page",
    },
    // killCursors: ATLAS names no resource for it; kept with the others, on the cluster.
    RoleFacts {
        role: "killOpSession",
        includes: &[],
        privileges: &[p(
            "cluster",
            "inprog killop killAnySession listSessions killCursors",
        )],
        source: "ATLAS § Built-in Roles and Inherited Privileges › killOpSession",
    },
    RoleFacts {
        role: "autoCompact",
        includes: &[],
        privileges: &[p("cluster", "autoCompact")],
        source: "ATLAS § Built-in Roles and Inherited Privileges › autoCompact (the autoCompact command)",
    },
    RoleFacts {
        role: "manageShardBalancer",
        includes: &[],
        privileges: &[p("config.settings", "find insert update")],
        source: "ATLAS § Built-in Roles and Inherited Privileges › manageShardBalancer (\"supported on config.settings\")",
    },
];
