//! What each built-in role grants, row by row with its source (pages and scope names: see the parent).
pub struct Privilege {
    pub on: &'static str,
    /// Admin API spellings.
    pub actions: &'static str,
    /// Server actions (or commands) on this scope that none of the 80 Admin API actions expresses.
    pub beyond_api: &'static str,
}

const fn p(on: &'static str, actions: &'static str, beyond_api: &'static str) -> Privilege {
    Privilege {
        on,
        actions,
        beyond_api,
    }
}

pub struct RoleFacts {
    pub role: &'static str,
    pub includes: &'static [&'static str],
    pub privileges: &'static [Privilege],
    pub source: &'static str,
}

const READ: &str = "FIND LIST_COLLECTIONS LIST_INDEXES COLL_STATS DB_STATS DB_HASH CHANGE_STREAM LIST_SEARCH_INDEXES";
const WRITE: &str = "INSERT REMOVE UPDATE CREATE_COLLECTION CREATE_INDEX DROP_COLLECTION DROP_INDEX CONVERT_TO_CAPPED \
    RENAME_COLLECTION_SAME_DB CREATE_SEARCH_INDEX DROP_SEARCH_INDEX UPDATE_SEARCH_INDEX";
/// read's and readWrite's actions in one row, as readWriteAnyDatabase grants them.
const READ_AND_WRITE: &str = "FIND LIST_COLLECTIONS LIST_INDEXES COLL_STATS DB_STATS DB_HASH CHANGE_STREAM \
    LIST_SEARCH_INDEXES INSERT REMOVE UPDATE CREATE_COLLECTION CREATE_INDEX DROP_COLLECTION DROP_INDEX \
    CONVERT_TO_CAPPED RENAME_COLLECTION_SAME_DB CREATE_SEARCH_INDEX DROP_SEARCH_INDEX UPDATE_SEARCH_INDEX";
const DB_ADMIN_PROFILE: &str =
    "CHANGE_STREAM COLL_STATS CONVERT_TO_CAPPED CREATE_COLLECTION DB_HASH DB_STATS \
    DROP_COLLECTION FIND LIST_COLLECTIONS LIST_INDEXES LIST_SEARCH_INDEXES";
const DB_ADMIN: &str = "BYPASS_DOCUMENT_VALIDATION COLL_MOD COLL_STATS COMPACT CONVERT_TO_CAPPED CREATE_COLLECTION \
    CREATE_INDEX CREATE_SEARCH_INDEX DB_STATS DROP_COLLECTION DROP_DATABASE DROP_INDEX DROP_SEARCH_INDEX \
    ENABLE_PROFILER LIST_COLLECTIONS LIST_INDEXES LIST_SEARCH_INDEXES RE_INDEX RENAME_COLLECTION_SAME_DB \
    UPDATE_SEARCH_INDEX VALIDATE";
const DB_ADMIN_BEYOND: &str = "planCacheIndexFilter planCacheRead planCacheWrite";
const MONITOR_DBS: &str =
    "COLL_STATS DB_HASH DB_STATS FIND LIST_COLLECTIONS LIST_INDEXES LIST_SEARCH_INDEXES";
const USER_ADMIN_BEYOND: &str =
    "changeCustomData changePassword createRole createUser dropRole dropUser \
    grantRole revokeRole setAuthenticationRestriction viewRole viewUser";

pub const ROLE_FACTS: &[RoleFacts] = &[
    RoleFacts {
        role: "read",
        includes: &[],
        privileges: &[p("granted", READ, "killCursors")],
        source: "MANUAL § Database User Roles › read (its system.js access is the database-wide row's)",
    },
    // MANUAL's rolesInfo example output for readWrite also lists cleanupStructuredEncryptionData,
    // compactStructuredEncryptionData, planCacheRead and performRawDataOperations, which its prose list
    // lacks. The example is the server's own answer, so it wins: the union is kept (none is an API action).
    RoleFacts {
        role: "readWrite",
        includes: &["read"],
        privileges: &[p(
            "granted",
            WRITE,
            "cleanupStructuredEncryptionData compactStructuredEncryptionData planCacheRead performRawDataOperations",
        )],
        source: "MANUAL § Database User Roles › readWrite (prose list and rolesInfo example)",
    },
    // The old catalog lacked the four search-index actions on the database.
    RoleFacts {
        role: "dbAdmin",
        includes: &[],
        privileges: &[
            p(
                "granted.system.profile",
                DB_ADMIN_PROFILE,
                "killCursors planCacheRead",
            ),
            p("granted", DB_ADMIN, DB_ADMIN_BEYOND),
        ],
        source: "MANUAL § Database Administration Roles › dbAdmin (table: system.profile; all non-system collections)",
    },
    RoleFacts {
        role: "dbOwner",
        includes: &["readWrite", "dbAdmin", "userAdmin"],
        privileges: &[],
        source: "EXTRACTS built-in-roles-dbOwner (\"combines the privileges granted by the readWrite, dbAdmin and userAdmin roles\")",
    },
    RoleFacts {
        role: "userAdmin",
        includes: &[],
        privileges: &[p("granted", "", USER_ADMIN_BEYOND)],
        source: "MANUAL § Database Administration Roles › userAdmin",
    },
    // useUUID: MANUAL lists it "on all databases"; privilege-actions.txt says "Apply this action to the
    // cluster resource" and the Admin API's USE_UUID is a cluster action: the cluster wins (it is the only
    // place the action exists). NET_STAT, CHECK_METADATA_CONSISTENCY and SHARDED_DATA_DISTRIBUTION, which
    // the old catalog had here, are in no list of this role.
    RoleFacts {
        role: "clusterMonitor",
        includes: &[],
        privileges: &[
            p(
                "cluster",
                "CONN_POOL_STATS GET_CMD_LINE_OPTS GET_LOG GET_PARAMETER GET_SHARD_MAP HOST_INFO IN_PROG \
                 LIST_DATABASES LIST_SESSIONS LIST_SHARDS REPL_SET_GET_CONFIG REPL_SET_GET_STATUS SERVER_STATUS \
                 SHARDING_STATE TOP USE_UUID",
                "getDefaultRWConcern listClusterCatalog",
            ),
            p("any", "COLL_STATS DB_STATS", "indexStats"),
            p("*.system.profile", "FIND", ""),
            p("config", MONITOR_DBS, "indexStats killCursors planCacheRead"),
            p("local", MONITOR_DBS, "indexStats killCursors planCacheRead"),
        ],
        source: "MANUAL § Cluster Administration Roles › clusterMonitor (cluster; all databases; system.profile; config and local tables)",
    },
    // enableSharding: the manual grants it on database and collection resources; the Admin API's
    // ENABLE_SHARDING is a cluster action (the picker's Global group), so it is expressed on the cluster,
    // where a custom role grants it and where "Who can …?" asks.
    RoleFacts {
        role: "clusterManager",
        includes: &[],
        privileges: &[
            p(
                "cluster",
                "CHECK_METADATA_CONSISTENCY FLUSH_ROUTER_CONFIG LIST_SESSIONS LIST_SHARDS REPL_SET_GET_CONFIG \
                 REPL_SET_GET_STATUS ENABLE_SHARDING",
                "addShard appendOplogNote applicationMessage cleanupOrphaned getClusterParameter \
                 getDefaultRWConcern moveCollection removeShard replSetConfigure replSetStateChange resync \
                 setClusterParameter setDefaultRWConcern setFeatureCompatibilityVersion \
                 transitionFromDedicatedConfigServer transitionToDedicatedConfigServer unshardCollection querySettings",
            ),
            p(
                "any",
                "ANALYZE_SHARD_KEY CLEAR_JUMBO_FLAG MOVE_CHUNK REFINE_COLLECTION_SHARD_KEY RESHARD_COLLECTION",
                "configureQueryAnalyzer",
            ),
            p(
                "config",
                "COLL_STATS DB_HASH DB_STATS FIND INSERT LIST_COLLECTIONS LIST_INDEXES LIST_SEARCH_INDEXES \
                 MOVE_CHUNK REMOVE UPDATE",
                "killCursors planCacheRead",
            ),
            p("local", "INSERT MOVE_CHUNK REMOVE UPDATE", ""),
            p(
                "local.system.replset",
                "COLL_STATS DB_HASH DB_STATS FIND LIST_COLLECTIONS LIST_INDEXES LIST_SEARCH_INDEXES",
                "killCursors planCacheRead",
            ),
        ],
        source: "MANUAL § Cluster Administration Roles › clusterManager (cluster; all databases; config and local tables); EXTRACTS built-in-roles-clusterManager (querySettings)",
    },
    // compact and killAnyCursor are granted on the cluster here; the Admin API's COMPACT and KILL_ANY_CURSOR
    // take collections, so neither can be expressed on the cluster.
    RoleFacts {
        role: "hostManager",
        includes: &[],
        privileges: &[
            p(
                "cluster",
                "FLUSH_ROUTER_CONFIG KILL_ANY_SESSION KILL_OP",
                "applicationMessage closeAllDatabases compact connPoolSync fsync invalidateUserCache \
                 killAnyCursor logRotate oidReset resync rotateCertificates setParameter shutdown touch unlock",
            ),
            p("any", "", "killCursors"),
        ],
        source: "MANUAL § Cluster Administration Roles › hostManager",
    },
    // "the dropDatabase action" names no resource; it applies to databases, so every database.
    RoleFacts {
        role: "clusterAdmin",
        includes: &["clusterManager", "clusterMonitor", "hostManager"],
        privileges: &[
            p("any", "DROP_DATABASE", ""),
            p("cluster", "", "setQuerySettings removeQuerySettings $querySettings"),
        ],
        source: "EXTRACTS built-in-roles-clusterAdmin",
    },
    RoleFacts {
        role: "directShardOperations",
        includes: &[],
        privileges: &[],
        source: "MANUAL § Cluster Administration Roles › directShardOperations (its includes list no privileges)",
    },
    // searchCoordinator's write permissions on __mdb_internal_search are not listed action by action.
    RoleFacts {
        role: "searchCoordinator",
        includes: &["readAnyDatabase"],
        privileges: &[
            p("cluster", "BYPASS_DEFAULT_MAX_TIME_MS", ""),
            p("__mdb_internal_search", "", "write permissions (not listed)"),
        ],
        source: "MANUAL § Cluster Administration Roles › searchCoordinator",
    },
    // The old catalog gave backup bypassWriteBlockingMode (restore's) and lacked find everywhere and
    // insert/update on config.settings. `any` holds find and the anyResource list actions: the catalog
    // doesn't tell system collections apart, so find on system.js, system.profile, admin.system.users and
    // admin.system.roles, which the manual also grants, is covered.
    RoleFacts {
        role: "backup",
        includes: &[],
        privileges: &[
            p(
                "cluster",
                "GET_PARAMETER LIST_DATABASES SERVER_STATUS SET_USER_WRITE_BLOCK",
                "appendOplogNote",
            ),
            p("any", "FIND LIST_COLLECTIONS LIST_INDEXES LIST_SEARCH_INDEXES", ""),
            p("config.settings", "FIND INSERT UPDATE", ""),
        ],
        source: "MANUAL § Backup and Restoration Roles › backup",
    },
    RoleFacts {
        role: "restore",
        includes: &[],
        privileges: &[
            p(
                "cluster",
                "GET_PARAMETER BYPASS_USER_WRITE_BLOCK SET_USER_WRITE_BLOCK",
                "",
            ),
            p(
                "any",
                "BYPASS_DOCUMENT_VALIDATION COLL_MOD CONVERT_TO_CAPPED CREATE_COLLECTION CREATE_INDEX \
                 CREATE_SEARCH_INDEX DROP_COLLECTION INSERT UPDATE_SEARCH_INDEX LIST_COLLECTIONS",
                "changeCustomData changePassword createRole createUser dropRole dropUser grantRole revokeRole \
                 viewRole viewUser",
            ),
            p("admin.system.version", "FIND", ""),
            p("admin.system.users", "FIND REMOVE UPDATE", ""),
        ],
        source: "MANUAL § Backup and Restoration Roles › restore; EXTRACTS built-in-roles-restore (convertToCapped)",
    },
    RoleFacts {
        role: "readAnyDatabase",
        includes: &[],
        privileges: &[
            p("any but local, config", READ, "killCursors"),
            p("cluster", "LIST_DATABASES", ""),
        ],
        source: "EXTRACTS built-in-roles-readAnyDatabase (read's privileges on all databases except local and config; listDatabases)",
    },
    RoleFacts {
        role: "readWriteAnyDatabase",
        includes: &[],
        privileges: &[
            p(
                "any but local, config",
                READ_AND_WRITE,
                "killCursors cleanupStructuredEncryptionData compactStructuredEncryptionData planCacheRead performRawDataOperations",
            ),
            p("cluster", "LIST_DATABASES", ""),
        ],
        source: "EXTRACTS built-in-roles-readWriteAnyDatabase (readWrite's privileges on all databases except local and config; listDatabases; compactStructuredEncryptionData)",
    },
    RoleFacts {
        role: "userAdminAnyDatabase",
        includes: &[],
        privileges: &[
            p("any but local, config", "", USER_ADMIN_BEYOND),
            p("cluster", "LIST_DATABASES", "authSchemaUpgrade invalidateUserCache"),
            p(
                "admin.system.users",
                "COLL_STATS CREATE_INDEX CREATE_SEARCH_INDEX DB_HASH DB_STATS DROP_INDEX DROP_SEARCH_INDEX FIND",
                "killCursors planCacheRead",
            ),
            p(
                "admin.system.roles",
                "COLL_STATS CREATE_INDEX CREATE_SEARCH_INDEX DB_HASH DB_STATS DROP_INDEX DROP_SEARCH_INDEX FIND",
                "killCursors planCacheRead",
            ),
        ],
        source: "MANUAL § All-Database Roles › userAdminAnyDatabase; EXTRACTS built-in-roles-userAdminAnyDatabase",
    },
    // dbAdmin's system.profile row on every database: the catalog's `*.system.profile` also reaches
    // local's and config's (a target can't leave them out); it only matters for system.profile.
    RoleFacts {
        role: "dbAdminAnyDatabase",
        includes: &[],
        privileges: &[
            p("*.system.profile", DB_ADMIN_PROFILE, "killCursors planCacheRead"),
            p("any but local, config", DB_ADMIN, DB_ADMIN_BEYOND),
            p("cluster", "LIST_DATABASES", "applyOps"),
        ],
        source: "EXTRACTS built-in-roles-dbAdminAnyDatabase (dbAdmin's privileges on all databases except local and config; listDatabases); MANUAL § All-Database Roles › dbAdminAnyDatabase (applyOps)",
    },
    // ATLAS's row for enableSharding names only the enableSharding action; MANUAL's Atlas table maps it to
    // the MongoDB role, whose section lists analyzeShardKey, refineCollectionShardKey and
    // reshardCollection too. MANUAL wins: ATLAS itself refers to it for each role's full privilege
    // actions, and the broader reading never lets "Who can …?" miss a holder. (enableSharding on the
    // cluster: see clusterManager.) The old catalog lacked ANALYZE_SHARD_KEY.
    RoleFacts {
        role: "enableSharding",
        includes: &[],
        privileges: &[
            p("cluster", "ENABLE_SHARDING", ""),
            p(
                "any",
                "ANALYZE_SHARD_KEY REFINE_COLLECTION_SHARD_KEY RESHARD_COLLECTION",
                "moveCollection unshardCollection",
            ),
        ],
        source: "MANUAL § Cluster Administration Roles › enableSharding; ATLAS § Built-in Roles and Inherited Privileges › enableSharding",
    },
    RoleFacts {
        role: "root",
        includes: &[
            "readWriteAnyDatabase",
            "dbAdminAnyDatabase",
            "userAdminAnyDatabase",
            "clusterAdmin",
            "restore",
            "backup",
        ],
        privileges: &[
            // "validate on system. collections": no target names every system collection; `any` does.
            p("any", "VALIDATE", ""),
            p("cluster", "BYPASS_DEFAULT_MAX_TIME_MS", ""),
            p("config.system.preimages", "FIND REMOVE", ""),
        ],
        source: "EXTRACTS built-in-roles-root; MANUAL § Superuser Roles › root (6.0: system.preimages)",
    },
    RoleFacts {
        role: "__system",
        includes: &[],
        privileges: &[p("any", "", "anyAction")],
        source: "MANUAL § Internal Role › __system (\"any action against any object\")",
    },
    // Atlas's own roles.
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
                "ANALYZE_SHARD_KEY CLEAR_JUMBO_FLAG COMPACT KILL_ANY_CURSOR MOVE_CHUNK REFINE_COLLECTION_SHARD_KEY \
                 RESHARD_COLLECTION SPLIT_CHUNK",
                "",
            ),
            p(
                "cluster",
                "CHECK_METADATA_CONSISTENCY FLUSH_ROUTER_CONFIG SHARDED_DATA_DISTRIBUTION",
                "autoCompact cleanupOrphaned querySettings viewRole setQuerySettings removeQuerySettings $querySettings",
            ),
            p("config.settings", "UPDATE", ""),
        ],
        source: "ATLAS § Built-in Roles and Inherited Privileges › Atlas admin; ATLAS § About Protected MongoDB Database Namespaces (update on config.settings)",
    },
    // killCursors: ATLAS names no resource for it; kept with the others, on the cluster.
    RoleFacts {
        role: "killOpSession",
        includes: &[],
        privileges: &[p(
            "cluster",
            "IN_PROG KILL_OP KILL_ANY_SESSION LIST_SESSIONS",
            "killCursors",
        )],
        source: "ATLAS § Built-in Roles and Inherited Privileges › killOpSession",
    },
    RoleFacts {
        role: "autoCompact",
        includes: &[],
        privileges: &[p("cluster", "", "autoCompact")],
        source: "ATLAS § Built-in Roles and Inherited Privileges › autoCompact (the autoCompact command)",
    },
    RoleFacts {
        role: "manageShardBalancer",
        includes: &[],
        privileges: &[p("config.settings", "FIND INSERT UPDATE", "")],
        source: "ATLAS § Built-in Roles and Inherited Privileges › manageShardBalancer (\"supported on config.settings\")",
    },
];
