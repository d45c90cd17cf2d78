//! Built-in database roles: which a custom role may inherit (and with which `db`), which a database user
//! may hold (on which databases, with or without a collection), Atlas-only ones, reserved names, and the
//! privileges each grants as far as the 80 Admin API actions can express them (reference §2.4, §3, §5.3).
use super::actions::{Action, Category};
use Action::*;

/// Which `db` an inherited built-in role is granted on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InheritDb {
    /// The database of the picker row's target (a specific database).
    Target,
    /// Always `admin`.
    Admin,
}

/// On which databases a database user may hold the role (reference §5.3 table).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UserScope {
    /// `databaseName` must be `admin`, no collection.
    AdminOnly,
    /// Any specific database; `collection_allowed` says whether a collection may narrow it.
    AnyDatabase { collection_allowed: bool },
}

/// Where a grant of a built-in role applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GrantScope {
    /// The cluster resource.
    Cluster,
    /// The database (and collection, if any) the role is granted on.
    Granted,
    /// Every database.
    AnyDatabase,
    /// One fixed namespace, e.g. `config.settings`.
    Namespace(&'static str, &'static str),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Grant {
    pub scope: GrantScope,
    pub actions: &'static [Action],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BuiltinRole {
    pub name: &'static str,
    /// What the Atlas UI calls it, where it has its own wording.
    pub ui_name: &'static str,
    /// Picker category when a custom role may inherit it (Database or Global); `None` = not inheritable.
    pub inheritable: Option<Category>,
    pub inherit_db: InheritDb,
    /// Whether and where a database user may hold it; `None` = not assignable to users.
    pub user_scope: Option<UserScope>,
    /// An Atlas built-in rather than a MongoDB one.
    pub atlas_only: bool,
    /// Other built-in roles whose privileges this one includes.
    pub includes: &'static [&'static str],
    pub grants: &'static [Grant],
}

const READ_ACTIONS: &[Action] = &[
    Find,
    ListCollections,
    ListIndexes,
    CollStats,
    DbStats,
    DbHash,
    ChangeStream,
    ListSearchIndexes,
];
const WRITE_ACTIONS: &[Action] = &[
    Insert,
    Remove,
    Update,
    CreateCollection,
    CreateIndex,
    DropCollection,
    DropIndex,
    ConvertToCapped,
    RenameCollectionSameDb,
    CreateSearchIndex,
    DropSearchIndex,
    UpdateSearchIndex,
];
const DB_ADMIN_ACTIONS: &[Action] = &[
    BypassDocumentValidation,
    CollMod,
    CollStats,
    Compact,
    ConvertToCapped,
    CreateCollection,
    CreateIndex,
    DbStats,
    DropCollection,
    DropDatabase,
    DropIndex,
    EnableProfiler,
    ListCollections,
    ListIndexes,
    ReIndex,
    RenameCollectionSameDb,
    Validate,
];
const LIST_DATABASES: Grant = Grant {
    scope: GrantScope::Cluster,
    actions: &[ListDatabases],
};

const fn role(name: &'static str, ui_name: &'static str) -> BuiltinRole {
    BuiltinRole {
        name,
        ui_name,
        inheritable: None,
        inherit_db: InheritDb::Admin,
        user_scope: None,
        atlas_only: false,
        includes: &[],
        grants: &[],
    }
}

const ADMIN_ONLY: Option<UserScope> = Some(UserScope::AdminOnly);
const GLOBAL: Option<Category> = Some(Category::Global);

/// Every built-in role name the console knows, MongoDB's and Atlas's.
pub static BUILTIN_ROLES: &[BuiltinRole] = &[
    BuiltinRole {
        inheritable: Some(Category::Database),
        inherit_db: InheritDb::Target,
        user_scope: Some(UserScope::AnyDatabase {
            collection_allowed: true,
        }),
        grants: &[Grant {
            scope: GrantScope::Granted,
            actions: READ_ACTIONS,
        }],
        ..role("read", "read")
    },
    BuiltinRole {
        inheritable: Some(Category::Database),
        inherit_db: InheritDb::Target,
        user_scope: Some(UserScope::AnyDatabase {
            collection_allowed: true,
        }),
        includes: &["read"],
        grants: &[Grant {
            scope: GrantScope::Granted,
            actions: WRITE_ACTIONS,
        }],
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
        grants: &[Grant {
            scope: GrantScope::Granted,
            actions: DB_ADMIN_ACTIONS,
        }],
        ..role("dbAdmin", "dbAdmin")
    },
    BuiltinRole {
        inheritable: GLOBAL,
        user_scope: ADMIN_ONLY,
        grants: &[
            Grant {
                scope: GrantScope::AnyDatabase,
                actions: READ_ACTIONS,
            },
            LIST_DATABASES,
        ],
        ..role("readAnyDatabase", "Only read any database")
    },
    BuiltinRole {
        inheritable: GLOBAL,
        user_scope: ADMIN_ONLY,
        grants: &[
            Grant {
                scope: GrantScope::AnyDatabase,
                actions: READ_ACTIONS,
            },
            Grant {
                scope: GrantScope::AnyDatabase,
                actions: WRITE_ACTIONS,
            },
            LIST_DATABASES,
        ],
        ..role("readWriteAnyDatabase", "Read and write to any database")
    },
    BuiltinRole {
        inheritable: GLOBAL,
        user_scope: ADMIN_ONLY,
        grants: &[
            Grant {
                scope: GrantScope::Cluster,
                actions: &[
                    GetParameter,
                    ListDatabases,
                    ServerStatus,
                    SetUserWriteBlock,
                    BypassUserWriteBlock,
                ],
            },
            Grant {
                scope: GrantScope::AnyDatabase,
                actions: &[ListCollections, ListIndexes],
            },
        ],
        ..role("backup", "backup")
    },
    BuiltinRole {
        inheritable: GLOBAL,
        user_scope: ADMIN_ONLY,
        grants: &[
            Grant {
                scope: GrantScope::Cluster,
                actions: &[EnableSharding],
            },
            Grant {
                scope: GrantScope::AnyDatabase,
                actions: &[RefineCollectionShardKey, ReshardCollection],
            },
        ],
        ..role("enableSharding", "enableSharding")
    },
    BuiltinRole {
        inheritable: GLOBAL,
        user_scope: ADMIN_ONLY,
        grants: &[
            Grant {
                scope: GrantScope::AnyDatabase,
                actions: DB_ADMIN_ACTIONS,
            },
            LIST_DATABASES,
        ],
        ..role("dbAdminAnyDatabase", "dbAdminAnyDatabase")
    },
    BuiltinRole {
        inheritable: GLOBAL,
        user_scope: ADMIN_ONLY,
        grants: &[
            Grant {
                scope: GrantScope::Cluster,
                actions: &[
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
                    NetStat,
                    ReplSetGetConfig,
                    ReplSetGetStatus,
                    ServerStatus,
                    ShardingState,
                    Top,
                    UseUuid,
                    CheckMetadataConsistency,
                    ShardedDataDistribution,
                ],
            },
            Grant {
                scope: GrantScope::AnyDatabase,
                actions: &[CollStats, DbStats],
            },
        ],
        ..role("clusterMonitor", "clusterMonitor")
    },
    // Atlas-only built-ins in the picker's Global group. Whether a database user may hold them through the
    // API is UNCONFIRMED (they are not in the roleName enum), so they are not offered to users.
    BuiltinRole {
        inheritable: GLOBAL,
        atlas_only: true,
        grants: &[Grant {
            scope: GrantScope::Cluster,
            actions: &[InProg, KillOp, KillAnySession, ListSessions],
        }],
        ..role("killOpSession", "killOpSession")
    },
    BuiltinRole {
        inheritable: GLOBAL,
        atlas_only: true,
        ..role("autoCompact", "autoCompact")
    },
    BuiltinRole {
        inheritable: GLOBAL,
        atlas_only: true,
        grants: &[Grant {
            scope: GrantScope::Namespace("config", "settings"),
            actions: &[Find, Insert, Update],
        }],
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
            Grant {
                scope: GrantScope::AnyDatabase,
                actions: &[
                    AnalyzeShardKey,
                    ClearJumboFlag,
                    Compact,
                    KillAnyCursor,
                    MoveChunk,
                    RefineCollectionShardKey,
                    ReshardCollection,
                    SplitChunk,
                ],
            },
            Grant {
                scope: GrantScope::Cluster,
                actions: &[
                    CheckMetadataConsistency,
                    FlushRouterConfig,
                    ShardedDataDistribution,
                ],
            },
            Grant {
                scope: GrantScope::Namespace("config", "settings"),
                actions: &[Update],
            },
        ],
        ..role("atlasAdmin", "Atlas admin")
    },
    // MongoDB built-ins Atlas neither offers for inheritance nor lets users hold: reserved names only.
    role("dbOwner", "dbOwner"),
    role("userAdmin", "userAdmin"),
    role("clusterAdmin", "clusterAdmin"),
    role("clusterManager", "clusterManager"),
    role("directShardOperations", "directShardOperations"),
    role("hostManager", "hostManager"),
    role("searchCoordinator", "searchCoordinator"),
    role("restore", "restore"),
    role("userAdminAnyDatabase", "userAdminAnyDatabase"),
    role("root", "root"),
    role("__system", "__system"),
];

/// The role a custom role name must not start with (compared case-insensitively, see validate).
pub const RESERVED_PREFIX: &str = "xgen-";

pub fn builtin_role(name: &str) -> Option<&'static BuiltinRole> {
    BUILTIN_ROLES.iter().find(|r| r.name == name)
}

/// Built-in roles a custom role may inherit, in picker order.
pub fn inheritable_roles() -> impl Iterator<Item = &'static BuiltinRole> {
    BUILTIN_ROLES.iter().filter(|r| r.inheritable.is_some())
}

/// Built-in roles a database user may hold.
pub fn user_assignable_roles() -> impl Iterator<Item = &'static BuiltinRole> {
    BUILTIN_ROLES.iter().filter(|r| r.user_scope.is_some())
}

/// Whether `name` is taken by a built-in role, ignoring case (the server's exact rule is UNCONFIRMED;
/// refusing a case variant of a built-in name is the safe choice and avoids confusing look-alikes).
pub fn is_builtin_name(name: &str) -> bool {
    BUILTIN_ROLES
        .iter()
        .any(|r| r.name.eq_ignore_ascii_case(name))
}
