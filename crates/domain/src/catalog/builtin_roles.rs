//! Built-in database roles: which a custom role may inherit (and with which `db`), which a database user
//! may hold (on which databases, with or without a collection), Atlas-only ones, reserved names, and the
//! privileges each grants in the 80 Admin API actions (reference §2.4, §3, §5.3).
//!
//! Privileges follow the server's own definitions (`mongodb/mongo src/mongo/db/auth/builtin_roles.yml`),
//! what the MongoDB manual adds from later servers, Atlas's "Built-In Roles and Privileges" for Atlas's own
//! roles and Atlas's stream processing page for the stream processing actions;
//! `tests/facts_builtin_roles.rs` holds the same facts row by row with their sources and compares them
//! with these tables. What no Admin API action
//! expresses is kept by its server name in `beyond_api`. The catalog's targets don't tell system
//! collections apart, so a manual row for a system collection that a database-wide row of the same role
//! already covers is not repeated.
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
    /// Every database except `local` and `config` (the manual's "All-Database Roles").
    AnyDatabaseButLocalConfig,
    /// One fixed namespace, e.g. `config.settings`; db "" = that collection in every database.
    Namespace(&'static str, &'static str),
    /// One fixed collection of the database the role is granted on, e.g. dbAdmin's `system.profile`.
    GrantedCollection(&'static str),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Grant {
    pub scope: GrantScope,
    pub actions: &'static [Action],
    /// What the manual lists on this scope that none of the 80 Admin API actions expresses (server
    /// spelling, or the command's name), e.g. read's killCursors: kept so that a custom role spelling out a
    /// built-in role's actions, which grants less, never counts as equal to it.
    pub beyond_api: &'static [&'static str],
}

impl Grant {
    pub const fn new(scope: GrantScope, actions: &'static [Action]) -> Grant {
        Grant {
            scope,
            actions,
            beyond_api: &[],
        }
    }
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

mod offered;
mod reserved;

/// Every built-in role name the console knows, MongoDB's and Atlas's: the ones Atlas offers first. (Two
/// tables joined at compile time: one slice for lookups, two files to read.)
pub static BUILTIN_ROLES: &[BuiltinRole] = &{
    let (a, b) = (offered::OFFERED, reserved::RESERVED);
    let mut all = [a[0]; offered::OFFERED.len() + reserved::RESERVED.len()];
    let mut i = 0;
    while i < all.len() {
        all[i] = if i < a.len() { a[i] } else { b[i - a.len()] };
        i += 1;
    }
    all
};

/// The server's `readRoleActions` (`builtin_roles.yml`) that are Admin API actions, and the rest.
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
const READ_BEYOND: &[&str] = &["killCursors", "planCacheRead"];
/// `readWriteRoleActions`: read's and the writes.
const READ_WRITE_ACTIONS: &[Action] = &[
    Find,
    ListCollections,
    ListIndexes,
    CollStats,
    DbStats,
    DbHash,
    ChangeStream,
    ListSearchIndexes,
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
const READ_WRITE_BEYOND: &[&str] = &[
    "killCursors",
    "planCacheRead",
    "cleanupStructuredEncryptionData",
    "compactStructuredEncryptionData",
];
/// The manual's rolesInfo output for readWrite (a later server than the definitions read) adds it.
const RAW_DATA: &[&str] = &["performRawDataOperations"];
/// dbAdmin on `system.profile`: read's actions and convertToCapped, createCollection, dropCollection.
const DB_ADMIN_PROFILE_ACTIONS: &[Action] = &[
    ChangeStream,
    CollStats,
    ConvertToCapped,
    CreateCollection,
    DbHash,
    DbStats,
    DropCollection,
    Find,
    ListCollections,
    ListIndexes,
    ListSearchIndexes,
];
/// `dbAdminRoleActions` (with the single-tenant configureQueryAnalyzer: an Atlas cluster is single-tenant).
const DB_ADMIN_ACTIONS: &[Action] = &[
    Analyze,
    BypassDocumentValidation,
    CollMod,
    CollStats,
    Compact,
    ConvertToCapped,
    CreateCollection,
    CreateIndex,
    CreateSearchIndex,
    DbStats,
    DropCollection,
    DropDatabase,
    DropIndex,
    DropSearchIndex,
    EnableProfiler,
    ListCollections,
    ListIndexes,
    ListSearchIndexes,
    ReIndex,
    RenameCollectionSameDb,
    UpdateSearchIndex,
    Validate,
];
const DB_ADMIN_BEYOND: &[&str] = &[
    "planCacheIndexFilter",
    "planCacheRead",
    "planCacheWrite",
    "storageDetails",
    "configureQueryAnalyzer",
];
const USER_ADMIN_BEYOND: &[&str] = &[
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
];
/// clusterMonitor's read@config and read@local with its database actions there.
const MONITOR_DB_BEYOND: &[&str] = &[
    "killCursors",
    "planCacheRead",
    "getDatabaseVersion",
    "getShardVersion",
    "indexStats",
];
/// `clusterManagerRoleDatabaseActions`.
const MANAGER_DB_ACTIONS: &[Action] = &[
    AnalyzeShardKey,
    ClearJumboFlag,
    SplitChunk,
    MoveChunk,
    EnableSharding,
    RefineCollectionShardKey,
    ReshardCollection,
];
const MANAGER_DB_BEYOND: &[&str] = &["configureQueryAnalyzer", "moveCollection", "splitVector"];
const CONFIG_LOCAL_WRITES: &[Action] = &[Insert, Update, Remove];
/// `restoreRoleWriteActions`.
const RESTORE_WRITE_ACTIONS: &[Action] = &[
    BypassDocumentValidation,
    CollMod,
    ConvertToCapped,
    CreateCollection,
    CreateIndex,
    CreateSearchIndex,
    DropCollection,
    Insert,
    UpdateSearchIndex,
];
/// userAdminAnyDatabase on `admin.system.users` and `admin.system.roles`: read's and the index actions.
const USER_COLLECTION_ACTIONS: &[Action] = &[
    Find,
    ListCollections,
    ListIndexes,
    CollStats,
    DbStats,
    DbHash,
    ChangeStream,
    ListSearchIndexes,
    CreateIndex,
    CreateSearchIndex,
    DropIndex,
    DropSearchIndex,
];
/// Every Atlas Stream Processing action (Atlas "Stream Processing Privilege Actions" § Built-in Role
/// Summary: atlasAdmin and readWriteAnyDatabase).
const STREAM_ALL: &[Action] = &[
    GetStreamProcessor,
    CreateStreamProcessor,
    ProcessStreamProcessor,
    ModifyStreamProcessor,
    StartStreamProcessor,
    StopStreamProcessor,
    DropStreamProcessor,
    SampleStreamProcessor,
    ListStreamProcessors,
    ListConnections,
    StreamProcessorStats,
];
/// The read-only subset readAnyDatabase holds (same page).
const STREAM_READ: &[Action] = &[
    GetStreamProcessor,
    ListStreamProcessors,
    StreamProcessorStats,
    ListConnections,
];
const CURSORS_AND_PLANS: &[&str] = READ_BEYOND;

const fn beyond(
    scope: GrantScope,
    actions: &'static [Action],
    beyond_api: &'static [&'static str],
) -> Grant {
    Grant {
        scope,
        actions,
        beyond_api,
    }
}

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
