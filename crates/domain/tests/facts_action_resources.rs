//! On which resources each custom-role action is accepted: the cluster, a database, a database and
//! collection. One row per Admin API action, each citing where its resource is stated. The same rows
//! decide what the role editor's "Action or Role" picker offers: an action is offered in every category
//! whose rows reach a resource its row names, and in none other.
//!
//! Pages and sources:
//! - MANUAL: MongoDB manual "Privilege Actions", <https://www.mongodb.com/docs/manual/reference/privilege-actions/>
//!   (`mongodb/docs content/manual/manual/source/reference/privilege-actions.txt` @ 451c838a), "Apply this
//!   action to …" under each action.
//! - SERVER: `mongodb/mongo src/mongo/db/auth/builtin_roles.yml` @ 00c97452ae2a: where the manual states
//!   no resource, the built-in roles that grant the action show where the server checks it.
//! - SP: Atlas "Stream Processing Privilege Actions", <https://www.mongodb.com/docs/atlas/atlas-stream-processing/privilege-actions/>
//!   (`mongodb/docs content/atlas/source/atlas-stream-processing/privilege-actions.txt` @ 739c9f7f): "All
//!   privilege actions apply to the stream processing workspace as a whole", which the Admin API writes as
//!   `{cluster: true}`.
//! - ADF: Atlas "Custom Role Actions" § Atlas Data Federation Actions
//!   (`mongodb/docs content/atlas/source/reference/custom-role-actions.txt` @ 22f5fa2c): cluster-wide.
use domain::catalog::{Action, Category};
use domain::model::{CustomDbRole, PrivilegeAction, Resource};
use domain::picker::choices;
use domain::role_form::{Item, Row};
use domain::validate::{validate_role, ProjectContext, RoleMode};
use domain::ErrorCode;

const C: u8 = 1; // the cluster
const D: u8 = 2; // a database, every collection
const N: u8 = 4; // one collection of a database

const MANUAL: &str = "MANUAL";
const SERVER: &str = "SERVER";
const SP: &str = "SP";
const ADF: &str = "ADF";

/// (action, where it is accepted, source). "database or collection resources" = D | N; "database
/// resources" = D; "the cluster resource" = C.
const ROWS: &[(&str, u8, &str)] = &[
    ("FIND", D | N, MANUAL),
    ("INSERT", D | N, MANUAL),
    ("REMOVE", D | N, MANUAL),
    ("UPDATE", D | N, MANUAL),
    ("BYPASS_DOCUMENT_VALIDATION", D | N, MANUAL),
    ("USE_UUID", C, MANUAL),
    ("KILL_OP", C, MANUAL),
    // The manual states no resource; it changes how every query of the user runs, so cluster-wide (root's
    // cluster grant in the manual's built-in roles).
    ("BYPASS_DEFAULT_MAX_TIME_MS", C, MANUAL),
    ("CREATE_COLLECTION", D | N, MANUAL),
    ("CREATE_INDEX", D | N, MANUAL),
    ("DROP_COLLECTION", D | N, MANUAL),
    ("ENABLE_PROFILER", D, MANUAL),
    // "Apply this action to collection resources": a database-wide {db, collection: ""} is every
    // collection of it, which the server's namespace match also accepts.
    ("KILL_ANY_CURSOR", D | N, MANUAL),
    // Not in the manual; the server grants `analyze` to dbAdmin on the database.
    ("ANALYZE", D | N, SERVER),
    // "on the specific collection, all non-system collections in a specific database, or … across all
    // databases".
    ("CHANGE_STREAM", D | N, MANUAL),
    ("COLL_MOD", D | N, MANUAL),
    ("COMPACT", D | N, MANUAL),
    ("CONVERT_TO_CAPPED", D | N, MANUAL),
    ("DROP_DATABASE", D, MANUAL),
    ("DROP_INDEX", D | N, MANUAL),
    ("RE_INDEX", D | N, MANUAL),
    ("RENAME_COLLECTION_SAME_DB", D, MANUAL),
    ("SET_USER_WRITE_BLOCK", C, MANUAL),
    ("BYPASS_USER_WRITE_BLOCK", C, MANUAL),
    ("LIST_SESSIONS", C, MANUAL),
    ("KILL_ANY_SESSION", C, MANUAL),
    ("COLL_STATS", D | N, MANUAL),
    ("CONN_POOL_STATS", C, MANUAL),
    ("DB_HASH", D | N, MANUAL),
    ("DB_STATS", D, MANUAL),
    ("GET_CMD_LINE_OPTS", C, MANUAL),
    ("GET_LOG", C, MANUAL),
    ("GET_PARAMETER", C, MANUAL),
    ("GET_SHARD_MAP", C, MANUAL),
    ("HOST_INFO", C, MANUAL),
    ("IN_PROG", C, MANUAL),
    ("LIST_DATABASES", C, MANUAL),
    ("LIST_COLLECTIONS", D, MANUAL),
    ("LIST_INDEXES", D | N, MANUAL),
    ("LIST_SHARDS", C, MANUAL),
    // Not on the manual's page; clusterMonitor's cluster actions in SERVER.
    ("NET_STAT", C, SERVER),
    ("REPL_SET_GET_CONFIG", C, MANUAL),
    ("REPL_SET_GET_STATUS", C, MANUAL),
    ("SERVER_STATUS", C, MANUAL),
    ("VALIDATE", D | N, MANUAL),
    ("SHARDING_STATE", C, MANUAL),
    ("TOP", C, MANUAL),
    ("SQL_GET_SCHEMA", C, ADF),
    ("SQL_SET_SCHEMA", C, ADF),
    ("VIEW_ALL_HISTORY", C, ADF),
    ("OUT_TO_S3", C, ADF),
    ("OUT_TO_AZURE", C, ADF),
    ("OUT_TO_GCS", C, ADF),
    ("STORAGE_GET_CONFIG", C, ADF),
    ("STORAGE_SET_CONFIG", C, ADF),
    ("FLUSH_ROUTER_CONFIG", C, MANUAL),
    // "Database or collection resource to enable sharding for a database or shard a collection"; "Cluster
    // resource to perform various shard zone operations". SERVER grants it on namespaces (enableSharding,
    // clusterManager).
    ("ENABLE_SHARDING", C | D | N, MANUAL),
    ("CHECK_METADATA_CONSISTENCY", C | D | N, MANUAL),
    ("MOVE_CHUNK", D | N, MANUAL),
    // MANUAL says the cluster resource; SERVER grants splitChunk on namespaces (clusterManager's
    // any_normal list, atlasAdmin's row on Atlas's page), which is where the split command checks it. The
    // server wins: a custom role with splitChunk on the cluster would not let anyone split a chunk.
    ("SPLIT_CHUNK", D | N, SERVER),
    ("ANALYZE_SHARD_KEY", D | N, MANUAL),
    ("REFINE_COLLECTION_SHARD_KEY", D | N, MANUAL),
    ("CLEAR_JUMBO_FLAG", D | N, MANUAL),
    ("RESHARD_COLLECTION", D | N, MANUAL),
    // No resource on the manual's page; SERVER grants it with clusterMonitor's cluster actions.
    ("SHARDED_DATA_DISTRIBUTION", C, SERVER),
    ("GET_STREAM_PROCESSOR", C, SP),
    ("CREATE_STREAM_PROCESSOR", C, SP),
    ("PROCESS_STREAM_PROCESSOR", C, SP),
    ("MODIFY_STREAM_PROCESSOR", C, SP),
    ("START_STREAM_PROCESSOR", C, SP),
    ("STOP_STREAM_PROCESSOR", C, SP),
    ("DROP_STREAM_PROCESSOR", C, SP),
    ("SAMPLE_STREAM_PROCESSOR", C, SP),
    ("LIST_STREAM_PROCESSORS", C, SP),
    ("LIST_CONNECTIONS", C, SP),
    ("STREAM_PROCESSOR_STATS", C, SP),
    // "Apply this action to the database, collection, or view resource" (a view is a collection name).
    ("CREATE_SEARCH_INDEX", D | N, MANUAL),
    ("DROP_SEARCH_INDEX", D | N, MANUAL),
    ("LIST_SEARCH_INDEXES", D | N, MANUAL),
    ("UPDATE_SEARCH_INDEX", D | N, MANUAL),
];

fn accepted(action: &str, r: Resource) -> bool {
    let role = CustomDbRole {
        role_name: "probe".into(),
        actions: vec![PrivilegeAction {
            action: action.into(),
            resources: vec![r],
        }],
        inherited_roles: vec![],
    };
    let ctx = ProjectContext::new(&[]);
    !validate_role(&role, &ctx, RoleMode::Create)
        .iter()
        .any(|i| i.is_error() && i.code == ErrorCode::ATLAS_INVALID_RESOURCE)
}

#[test]
fn every_action_is_accepted_on_the_resources_its_page_names() {
    let rows: Vec<&str> = ROWS.iter().map(|r| r.0).collect();
    let all: Vec<&str> = Action::all().map(|a| a.api()).collect();
    assert_eq!(rows, all, "one row per action, in spec order");
    let mut wrong = Vec::new();
    for &(action, want, source) in ROWS {
        let have = [
            (C, Resource::cluster()),
            (D, Resource::namespace("sales", "")),
            (N, Resource::namespace("sales", "orders")),
        ]
        .into_iter()
        .filter(|(_, r)| accepted(action, r.clone()))
        .fold(0, |bits, (b, _)| bits | b);
        if have != want {
            wrong.push(format!("{action}: accepted on {have:03b}, {source} says {want:03b} (cluster=1, database=2, collection=4)"));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

/// Which resources a picker row of `category` grants an action on: Global Actions the cluster, Database
/// Actions a database, Collection Actions a collection or, with "Apply to any collection", a database.
fn reached_by(category: Category) -> u8 {
    match category {
        Category::Global => C,
        Category::Database => D,
        Category::Collection => D | N,
        Category::Custom => 0,
    }
}

#[test]
fn the_picker_offers_every_action_on_exactly_the_resources_its_page_names() {
    let groups = choices(&Row::new(), &ProjectContext::new(&[]), None);
    let mut wrong = Vec::new();
    for &(action, want, source) in ROWS {
        let a = Action::from_api(action).unwrap();
        let offered_in: Vec<Category> = groups
            .iter()
            .filter(|g| {
                g.choices
                    .iter()
                    .any(|c| matches!(c.item, Item::Action(x, _) if x == a))
            })
            .map(|g| g.category)
            .collect();
        let have = offered_in.iter().fold(0, |bits, c| bits | reached_by(*c));
        if have != want {
            wrong.push(format!(
                "{action}: the picker offers it in {offered_in:?}, reaching {have:03b}; {source} says {want:03b}"
            ));
        }
        // A database-wide grant is offered under Database Actions and Roles unless the action's home is
        // Collection Actions ("Apply to any collection" reaches the database there, as in Atlas's tree).
        if want & D != 0
            && a.category() != Category::Collection
            && !offered_in.contains(&Category::Database)
        {
            wrong.push(format!(
                "{action}: {source} accepts it on a database, Database Actions and Roles doesn't offer it"
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}
