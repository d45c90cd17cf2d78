//! The 80 privilege actions of the Admin API v2 `DatabasePrivilegeAction.action` enum, in spec order
//! (reference §1.3, §2.2, §2.3). One table is the single source of truth: the enum, its spellings,
//! UI category, resource kind, documentation group, whether it writes, and the minimum MongoDB version.
use crate::version::Version;

/// Where an action or role appears in the Atlas "Action or Role" picker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    Collection,
    Database,
    Global,
    Custom,
}

impl Category {
    pub const ALL: [Category; 4] = [
        Category::Collection,
        Category::Database,
        Category::Global,
        Category::Custom,
    ];

    /// The heading Atlas shows for the group.
    pub fn label(self) -> &'static str {
        match self {
            Category::Collection => "Collection Actions",
            Category::Database => "Database Actions and Roles",
            Category::Global => "Global Actions and Roles",
            Category::Custom => "Custom Roles",
        }
    }

    /// The resource an action chosen in a row of this category is granted on; `None` for Custom Roles.
    pub fn resource(self) -> Option<ResourceKind> {
        match self {
            Category::Collection => Some(ResourceKind::Collection),
            Category::Database => Some(ResourceKind::Database),
            Category::Global => Some(ResourceKind::Cluster),
            Category::Custom => None,
        }
    }

    /// Whether one picker row may hold items of both categories: only Global with Custom (reference §2.1).
    pub fn combines_with(self, other: Category) -> bool {
        self == other
            || matches!(
                (self, other),
                (Category::Global, Category::Custom) | (Category::Custom, Category::Global)
            )
    }
}

/// The kind of resource an action applies to, which decides the shape of its `resources[]` entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ResourceKind {
    /// `{db, collection}`; collection "" = every collection of the database.
    Collection,
    /// `{db, collection: ""}`.
    Database,
    /// `{cluster: true}`.
    Cluster,
}

/// The section of the Atlas "Custom Role Actions" documentation (and of the picker's sub-groups).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DocsGroup {
    QueryAndWrite,
    DatabaseManagement,
    ChangeStream,
    ServerAdministration,
    Session,
    Diagnostic,
    Sharding,
    DataFederation,
    StreamProcessing,
    /// No documentation section exists for the search-index actions (added to the API 2026-06).
    SearchIndexes,
    /// `ANALYZE`: in the API enum only, documented nowhere.
    Other,
}

impl DocsGroup {
    pub fn label(self) -> &'static str {
        match self {
            DocsGroup::QueryAndWrite => "Query and Write Actions",
            DocsGroup::DatabaseManagement => "Database Management Actions",
            DocsGroup::ChangeStream => "Change Stream Actions",
            DocsGroup::ServerAdministration => "Server Administration Actions",
            DocsGroup::Session => "Session Actions",
            DocsGroup::Diagnostic => "Diagnostic Actions",
            DocsGroup::Sharding => "Sharding Actions",
            DocsGroup::DataFederation => "Atlas Data Federation Actions",
            DocsGroup::StreamProcessing => "Atlas Stream Processing Actions",
            DocsGroup::SearchIndexes => "Atlas Search Index Actions",
            DocsGroup::Other => "Other Actions",
        }
    }
}

/// Everything the catalog knows about one action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActionInfo {
    pub action: Action,
    /// Admin API spelling, e.g. `FIND`.
    pub api: &'static str,
    /// MongoDB server spelling, e.g. `find`.
    pub server: &'static str,
    pub category: Category,
    pub resource: ResourceKind,
    pub group: DocsGroup,
    /// Changes data, schema or server state: granting it on "any database" reaches admin, local and config.
    pub writes: bool,
    /// Minimum MongoDB version of every cluster in the project, where the reference gives one.
    pub min_version: Option<Version>,
}

macro_rules! actions {
    ($( $variant:ident = $api:literal, $server:literal, $cat:ident, $res:ident, $group:ident, $writes:literal, $min:expr; )*) => {
        /// A privilege action of the Admin API enum.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Action { $($variant),* }

        /// All actions in spec order; `Action as usize` indexes it.
        pub static ACTIONS: &[ActionInfo] = &[
            $(ActionInfo {
                action: Action::$variant,
                api: $api,
                server: $server,
                category: Category::$cat,
                resource: ResourceKind::$res,
                group: DocsGroup::$group,
                writes: $writes,
                min_version: $min,
            }),*
        ];
    };
}

const fn v(major: u16, minor: u16, patch: u16) -> Option<Version> {
    Some(Version::new(major, minor, patch))
}

// Categories follow the Atlas picker tree (reference §2.2). Where the reference marks one UNCONFIRMED we
// choose the *narrowest* resource the server documents, so a role built here never grants more than meant:
// - ANALYZE: no server action or doc; Collection (a collection is the narrowest target).
// - CREATE/DROP/LIST/UPDATE_SEARCH_INDEX: the manual says "database, collection, or view": Collection.
// - MODIFY_STREAM_PROCESSOR: every other stream-processor action is Global (cluster), so is this one.
// - SPLIT_CHUNK: the picker lists it under Collection Actions (the manual says cluster); we follow the picker.
// - LIST_CONNECTIONS: server spelling from the picker tree (`listStreamConnections`), unconfirmed.
actions! {
    Find = "FIND", "find", Collection, Collection, QueryAndWrite, false, None;
    Insert = "INSERT", "insert", Collection, Collection, QueryAndWrite, true, None;
    Remove = "REMOVE", "remove", Collection, Collection, QueryAndWrite, true, None;
    Update = "UPDATE", "update", Collection, Collection, QueryAndWrite, true, None;
    BypassDocumentValidation = "BYPASS_DOCUMENT_VALIDATION", "bypassDocumentValidation", Collection, Collection, QueryAndWrite, true, None;
    UseUuid = "USE_UUID", "useUUID", Global, Cluster, QueryAndWrite, false, None;
    KillOp = "KILL_OP", "killop", Global, Cluster, QueryAndWrite, true, None;
    BypassDefaultMaxTimeMs = "BYPASS_DEFAULT_MAX_TIME_MS", "bypassDefaultMaxTimeMS", Global, Cluster, QueryAndWrite, false, v(8, 0, 0);
    CreateCollection = "CREATE_COLLECTION", "createCollection", Collection, Collection, DatabaseManagement, true, None;
    CreateIndex = "CREATE_INDEX", "createIndex", Collection, Collection, DatabaseManagement, true, None;
    DropCollection = "DROP_COLLECTION", "dropCollection", Collection, Collection, DatabaseManagement, true, None;
    EnableProfiler = "ENABLE_PROFILER", "enableProfiler", Database, Database, DatabaseManagement, true, None;
    KillAnyCursor = "KILL_ANY_CURSOR", "killAnyCursor", Collection, Collection, DatabaseManagement, true, None;
    Analyze = "ANALYZE", "analyze", Collection, Collection, Other, false, None;
    ChangeStream = "CHANGE_STREAM", "changeStream", Collection, Collection, ChangeStream, false, None;
    CollMod = "COLL_MOD", "collMod", Collection, Collection, ServerAdministration, true, None;
    Compact = "COMPACT", "compact", Collection, Collection, ServerAdministration, true, None;
    ConvertToCapped = "CONVERT_TO_CAPPED", "convertToCapped", Collection, Collection, ServerAdministration, true, None;
    DropDatabase = "DROP_DATABASE", "dropDatabase", Database, Database, ServerAdministration, true, None;
    DropIndex = "DROP_INDEX", "dropIndex", Collection, Collection, ServerAdministration, true, None;
    ReIndex = "RE_INDEX", "reIndex", Collection, Collection, ServerAdministration, true, None;
    RenameCollectionSameDb = "RENAME_COLLECTION_SAME_DB", "renameCollectionSameDB", Database, Database, ServerAdministration, true, None;
    SetUserWriteBlock = "SET_USER_WRITE_BLOCK", "setUserWriteBlockMode", Global, Cluster, ServerAdministration, true, None;
    BypassUserWriteBlock = "BYPASS_USER_WRITE_BLOCK", "bypassWriteBlockingMode", Global, Cluster, ServerAdministration, true, None;
    ListSessions = "LIST_SESSIONS", "listSessions", Global, Cluster, Session, false, None;
    KillAnySession = "KILL_ANY_SESSION", "killAnySession", Global, Cluster, Session, true, None;
    CollStats = "COLL_STATS", "collStats", Collection, Collection, Diagnostic, false, None;
    ConnPoolStats = "CONN_POOL_STATS", "connPoolStats", Global, Cluster, Diagnostic, false, None;
    DbHash = "DB_HASH", "dbHash", Collection, Collection, Diagnostic, false, None;
    DbStats = "DB_STATS", "dbStats", Database, Database, Diagnostic, false, None;
    GetCmdLineOpts = "GET_CMD_LINE_OPTS", "getCmdLineOpts", Global, Cluster, Diagnostic, false, None;
    GetLog = "GET_LOG", "getLog", Global, Cluster, Diagnostic, false, None;
    GetParameter = "GET_PARAMETER", "getParameter", Global, Cluster, Diagnostic, false, None;
    GetShardMap = "GET_SHARD_MAP", "getShardMap", Global, Cluster, Diagnostic, false, None;
    HostInfo = "HOST_INFO", "hostInfo", Global, Cluster, Diagnostic, false, None;
    InProg = "IN_PROG", "inprog", Global, Cluster, Diagnostic, false, None;
    ListDatabases = "LIST_DATABASES", "listDatabases", Global, Cluster, Diagnostic, false, None;
    ListCollections = "LIST_COLLECTIONS", "listCollections", Database, Database, Diagnostic, false, None;
    ListIndexes = "LIST_INDEXES", "listIndexes", Collection, Collection, Diagnostic, false, None;
    ListShards = "LIST_SHARDS", "listShards", Global, Cluster, Diagnostic, false, None;
    NetStat = "NET_STAT", "netstat", Global, Cluster, Diagnostic, false, None;
    ReplSetGetConfig = "REPL_SET_GET_CONFIG", "replSetGetConfig", Global, Cluster, Diagnostic, false, None;
    ReplSetGetStatus = "REPL_SET_GET_STATUS", "replSetGetStatus", Global, Cluster, Diagnostic, false, None;
    ServerStatus = "SERVER_STATUS", "serverStatus", Global, Cluster, Diagnostic, false, None;
    Validate = "VALIDATE", "validate", Collection, Collection, Diagnostic, false, None;
    ShardingState = "SHARDING_STATE", "shardingState", Global, Cluster, Diagnostic, false, None;
    Top = "TOP", "top", Global, Cluster, Diagnostic, false, None;
    SqlGetSchema = "SQL_GET_SCHEMA", "sqlGetSchema", Global, Cluster, DataFederation, false, None;
    SqlSetSchema = "SQL_SET_SCHEMA", "sqlSetSchema", Global, Cluster, DataFederation, true, None;
    ViewAllHistory = "VIEW_ALL_HISTORY", "viewAllHistory", Global, Cluster, DataFederation, false, None;
    OutToS3 = "OUT_TO_S3", "outToS3", Global, Cluster, DataFederation, true, None;
    OutToAzure = "OUT_TO_AZURE", "outToAzure", Global, Cluster, DataFederation, true, None;
    OutToGcs = "OUT_TO_GCS", "outToGCS", Global, Cluster, DataFederation, true, None;
    StorageGetConfig = "STORAGE_GET_CONFIG", "storageGetConfig", Global, Cluster, DataFederation, false, None;
    StorageSetConfig = "STORAGE_SET_CONFIG", "storageSetConfig", Global, Cluster, DataFederation, true, None;
    FlushRouterConfig = "FLUSH_ROUTER_CONFIG", "flushRouterConfig", Global, Cluster, Sharding, true, None;
    EnableSharding = "ENABLE_SHARDING", "enableSharding", Global, Cluster, Sharding, true, None;
    CheckMetadataConsistency = "CHECK_METADATA_CONSISTENCY", "checkMetadataConsistency", Global, Cluster, Sharding, false, v(7, 0, 0);
    MoveChunk = "MOVE_CHUNK", "moveChunk", Collection, Collection, Sharding, true, None;
    SplitChunk = "SPLIT_CHUNK", "splitChunk", Collection, Collection, Sharding, true, None;
    AnalyzeShardKey = "ANALYZE_SHARD_KEY", "analyzeShardKey", Collection, Collection, Sharding, false, v(7, 0, 0);
    RefineCollectionShardKey = "REFINE_COLLECTION_SHARD_KEY", "refineCollectionShardKey", Collection, Collection, Sharding, true, None;
    ClearJumboFlag = "CLEAR_JUMBO_FLAG", "clearJumboFlag", Collection, Collection, Sharding, true, None;
    ReshardCollection = "RESHARD_COLLECTION", "reshardCollection", Collection, Collection, Sharding, true, v(5, 0, 0);
    ShardedDataDistribution = "SHARDED_DATA_DISTRIBUTION", "shardedDataDistribution", Global, Cluster, Sharding, false, v(6, 0, 3);
    GetStreamProcessor = "GET_STREAM_PROCESSOR", "getStreamProcessor", Global, Cluster, StreamProcessing, false, None;
    CreateStreamProcessor = "CREATE_STREAM_PROCESSOR", "createStreamProcessor", Global, Cluster, StreamProcessing, true, None;
    ProcessStreamProcessor = "PROCESS_STREAM_PROCESSOR", "processStreamProcessor", Global, Cluster, StreamProcessing, true, None;
    ModifyStreamProcessor = "MODIFY_STREAM_PROCESSOR", "modifyStreamProcessor", Global, Cluster, StreamProcessing, true, None;
    StartStreamProcessor = "START_STREAM_PROCESSOR", "startStreamProcessor", Global, Cluster, StreamProcessing, true, None;
    StopStreamProcessor = "STOP_STREAM_PROCESSOR", "stopStreamProcessor", Global, Cluster, StreamProcessing, true, None;
    DropStreamProcessor = "DROP_STREAM_PROCESSOR", "dropStreamProcessor", Global, Cluster, StreamProcessing, true, None;
    SampleStreamProcessor = "SAMPLE_STREAM_PROCESSOR", "sampleStreamProcessor", Global, Cluster, StreamProcessing, false, None;
    ListStreamProcessors = "LIST_STREAM_PROCESSORS", "listStreamProcessors", Global, Cluster, StreamProcessing, false, None;
    ListConnections = "LIST_CONNECTIONS", "listStreamConnections", Global, Cluster, StreamProcessing, false, None;
    StreamProcessorStats = "STREAM_PROCESSOR_STATS", "streamProcessorStats", Global, Cluster, StreamProcessing, false, None;
    CreateSearchIndex = "CREATE_SEARCH_INDEX", "createSearchIndexes", Collection, Collection, SearchIndexes, true, None;
    DropSearchIndex = "DROP_SEARCH_INDEX", "dropSearchIndex", Collection, Collection, SearchIndexes, true, None;
    ListSearchIndexes = "LIST_SEARCH_INDEXES", "listSearchIndexes", Collection, Collection, SearchIndexes, false, None;
    UpdateSearchIndex = "UPDATE_SEARCH_INDEX", "updateSearchIndex", Collection, Collection, SearchIndexes, true, None;
}

impl Action {
    pub fn info(self) -> &'static ActionInfo {
        &ACTIONS[self as usize]
    }

    pub fn api(self) -> &'static str {
        self.info().api
    }

    pub fn server(self) -> &'static str {
        self.info().server
    }

    pub fn category(self) -> Category {
        self.info().category
    }

    pub fn resource(self) -> ResourceKind {
        self.info().resource
    }

    /// Whether a cluster action is also accepted on a database or collection. The manual's privilege
    /// actions page: enableSharding on a database or collection enables sharding or shards it (on the
    /// cluster: zone operations); checkMetadataConsistency applies to the cluster, a database or a
    /// collection (tests/facts_action_resources.rs).
    pub fn on_namespaces_too(self) -> bool {
        matches!(
            self,
            Action::EnableSharding | Action::CheckMetadataConsistency
        )
    }

    /// Whether the action is accepted on a resource of `kind` (`Database`: `{db, collection: ""}`).
    /// Collection actions take a whole database too (the manual's "database or collection resources").
    pub fn accepts(self, kind: ResourceKind) -> bool {
        match (self.resource(), kind) {
            (home, kind) if home == kind => true,
            (ResourceKind::Collection, ResourceKind::Database) => true,
            (ResourceKind::Cluster, _) => self.on_namespaces_too(),
            _ => false,
        }
    }

    /// Whether the picker offers the action under `category`: its home category, Global Actions if it
    /// takes the cluster, Database Actions a database, Collection Actions a collection (and, with "Apply to
    /// any collection", a database). A collection action isn't repeated under Database Actions: its home
    /// row already reaches the database, as in Atlas's tree.
    pub fn offered_in(self, category: Category) -> bool {
        let home = self.category();
        match category.resource() {
            None => false,
            Some(_) if category == home => true,
            Some(kind) => {
                self.accepts(kind)
                    && !(category == Category::Database && home == Category::Collection)
            }
        }
    }

    /// Parses the Admin API spelling (`FIND`); `None` for anything outside the enum.
    pub fn from_api(s: &str) -> Option<Action> {
        ACTIONS.iter().find(|a| a.api == s).map(|a| a.action)
    }

    /// Parses the server spelling (`find`).
    pub fn from_server(s: &str) -> Option<Action> {
        ACTIONS.iter().find(|a| a.server == s).map(|a| a.action)
    }

    pub fn all() -> impl Iterator<Item = Action> {
        ACTIONS.iter().map(|a| a.action)
    }
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.api())
    }
}
