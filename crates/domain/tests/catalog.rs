//! The catalog tables: every one of the 80 actions with its spellings, category and resource kind.
use domain::catalog::*;
use std::collections::HashSet;

/// The Admin API enum in spec order (reference §1.3), written out independently of the table.
const SPEC_ENUM: &str = "FIND INSERT REMOVE UPDATE BYPASS_DOCUMENT_VALIDATION USE_UUID KILL_OP BYPASS_DEFAULT_MAX_TIME_MS \
CREATE_COLLECTION CREATE_INDEX DROP_COLLECTION ENABLE_PROFILER KILL_ANY_CURSOR ANALYZE CHANGE_STREAM \
COLL_MOD COMPACT CONVERT_TO_CAPPED DROP_DATABASE DROP_INDEX RE_INDEX RENAME_COLLECTION_SAME_DB \
SET_USER_WRITE_BLOCK BYPASS_USER_WRITE_BLOCK LIST_SESSIONS KILL_ANY_SESSION COLL_STATS CONN_POOL_STATS \
DB_HASH DB_STATS GET_CMD_LINE_OPTS GET_LOG GET_PARAMETER GET_SHARD_MAP HOST_INFO IN_PROG LIST_DATABASES \
LIST_COLLECTIONS LIST_INDEXES LIST_SHARDS NET_STAT REPL_SET_GET_CONFIG REPL_SET_GET_STATUS SERVER_STATUS \
VALIDATE SHARDING_STATE TOP SQL_GET_SCHEMA SQL_SET_SCHEMA VIEW_ALL_HISTORY OUT_TO_S3 OUT_TO_AZURE OUT_TO_GCS \
STORAGE_GET_CONFIG STORAGE_SET_CONFIG FLUSH_ROUTER_CONFIG ENABLE_SHARDING CHECK_METADATA_CONSISTENCY \
MOVE_CHUNK SPLIT_CHUNK ANALYZE_SHARD_KEY REFINE_COLLECTION_SHARD_KEY CLEAR_JUMBO_FLAG RESHARD_COLLECTION \
SHARDED_DATA_DISTRIBUTION GET_STREAM_PROCESSOR CREATE_STREAM_PROCESSOR PROCESS_STREAM_PROCESSOR \
MODIFY_STREAM_PROCESSOR START_STREAM_PROCESSOR STOP_STREAM_PROCESSOR DROP_STREAM_PROCESSOR \
SAMPLE_STREAM_PROCESSOR LIST_STREAM_PROCESSORS LIST_CONNECTIONS STREAM_PROCESSOR_STATS \
CREATE_SEARCH_INDEX DROP_SEARCH_INDEX LIST_SEARCH_INDEXES UPDATE_SEARCH_INDEX";

#[test]
fn the_table_is_exactly_the_80_action_spec_enum_in_order() {
    let spec: Vec<&str> = SPEC_ENUM.split_whitespace().collect();
    assert_eq!(spec.len(), 80);
    let table: Vec<&str> = ACTIONS.iter().map(|a| a.api).collect();
    assert_eq!(table, spec);
    for (i, info) in ACTIONS.iter().enumerate() {
        assert_eq!(info.action as usize, i, "{} indexes its own row", info.api);
        assert_eq!(Action::from_api(info.api), Some(info.action));
        assert_eq!(Action::from_server(info.server), Some(info.action));
        assert_eq!(info.action.to_string(), info.api);
    }
    let servers: HashSet<&str> = ACTIONS.iter().map(|a| a.server).collect();
    assert_eq!(servers.len(), 80, "server spellings are unique");
    assert_eq!(Action::from_api("find"), None, "API spelling is upper case");
    assert_eq!(
        Action::from_api("REPLSET_GET_CONFIG"),
        None,
        "doc-only spellings are not in the enum"
    );
}

/// Category and resource kind per action, from the reference's §2.3 table (expected values written out).
#[test]
fn every_action_has_the_reference_category_and_resource_kind() {
    use Category::*;
    let collection = "FIND INSERT REMOVE UPDATE BYPASS_DOCUMENT_VALIDATION CREATE_COLLECTION CREATE_INDEX \
        DROP_COLLECTION KILL_ANY_CURSOR ANALYZE CHANGE_STREAM COLL_MOD COMPACT CONVERT_TO_CAPPED DROP_INDEX RE_INDEX \
        COLL_STATS DB_HASH LIST_INDEXES VALIDATE MOVE_CHUNK SPLIT_CHUNK ANALYZE_SHARD_KEY REFINE_COLLECTION_SHARD_KEY \
        CLEAR_JUMBO_FLAG RESHARD_COLLECTION CREATE_SEARCH_INDEX DROP_SEARCH_INDEX LIST_SEARCH_INDEXES UPDATE_SEARCH_INDEX";
    let database =
        "ENABLE_PROFILER DROP_DATABASE RENAME_COLLECTION_SAME_DB DB_STATS LIST_COLLECTIONS";
    let mut counted = 0;
    for (names, cat, kind) in [
        (collection, Collection, ResourceKind::Collection),
        (database, Database, ResourceKind::Database),
    ] {
        for n in names.split_whitespace() {
            let a = Action::from_api(n).unwrap();
            assert_eq!((a.category(), a.resource()), (cat, kind), "{n}");
            counted += 1;
        }
    }
    let global: Vec<_> = ACTIONS.iter().filter(|a| a.category == Global).collect();
    assert_eq!(counted + global.len(), 80, "every other action is global");
    assert!(global.iter().all(|a| a.resource == ResourceKind::Cluster));
    assert!(ACTIONS.iter().all(|a| a.category != Custom));
}

#[test]
fn version_gated_actions_carry_their_minimum_version() {
    let gated: Vec<(&str, String)> = ACTIONS
        .iter()
        .filter_map(|a| a.min_version.map(|v| (a.api, v.to_string())))
        .collect();
    assert_eq!(
        gated,
        vec![
            ("BYPASS_DEFAULT_MAX_TIME_MS", "8.0".to_string()),
            ("CHECK_METADATA_CONSISTENCY", "7.0".to_string()),
            ("ANALYZE_SHARD_KEY", "7.0".to_string()),
            ("RESHARD_COLLECTION", "5.0".to_string()),
            ("SHARDED_DATA_DISTRIBUTION", "6.0.3".to_string()),
        ]
    );
}

#[test]
fn write_actions_are_flagged_and_reads_are_not() {
    for w in [
        "INSERT",
        "REMOVE",
        "UPDATE",
        "DROP_DATABASE",
        "DROP_COLLECTION",
        "CREATE_INDEX",
        "OUT_TO_S3",
    ] {
        assert!(Action::from_api(w).unwrap().info().writes, "{w} writes");
    }
    for r in [
        "FIND",
        "LIST_COLLECTIONS",
        "COLL_STATS",
        "SERVER_STATUS",
        "LIST_SEARCH_INDEXES",
    ] {
        assert!(!Action::from_api(r).unwrap().info().writes, "{r} reads");
    }
}

#[test]
fn picker_categories_lock_except_global_with_custom() {
    use Category::*;
    assert_eq!(
        Category::ALL.map(Category::label),
        [
            "Collection Actions",
            "Database Actions and Roles",
            "Global Actions and Roles",
            "Custom Roles"
        ]
    );
    for a in Category::ALL {
        for b in Category::ALL {
            let expected = a == b || matches!((a, b), (Global, Custom) | (Custom, Global));
            assert_eq!(a.combines_with(b), expected, "{a:?} with {b:?}");
        }
    }
}

#[test]
fn builtin_roles_follow_the_inheritance_and_user_tables() {
    let inheritable: Vec<(&str, Category, InheritDb)> = inheritable_roles()
        .map(|r| (r.name, r.inheritable.unwrap(), r.inherit_db))
        .collect();
    use Category::*;
    use InheritDb::*;
    assert_eq!(
        inheritable,
        vec![
            ("read", Database, Target),
            ("readWrite", Database, Target),
            ("dbAdmin", Global, Admin),
            ("readAnyDatabase", Global, Admin),
            ("readWriteAnyDatabase", Global, Admin),
            ("backup", Global, Admin),
            ("enableSharding", Global, Admin),
            ("dbAdminAnyDatabase", Global, Admin),
            ("clusterMonitor", Global, Admin),
            ("killOpSession", Global, Admin),
            ("autoCompact", Global, Admin),
            ("manageShardBalancer", Global, Admin),
        ]
    );
    let users: Vec<(&str, UserScope)> = user_assignable_roles()
        .map(|r| (r.name, r.user_scope.unwrap()))
        .collect();
    let admin_only: Vec<&str> = users
        .iter()
        .filter(|(_, s)| *s == UserScope::AdminOnly)
        .map(|(n, _)| *n)
        .collect();
    // The spec's seven, and Atlas's three specific privileges (tests/facts_builtin_roles.rs cites each).
    assert_eq!(admin_only.len(), 10);
    for n in [
        "atlasAdmin",
        "readWriteAnyDatabase",
        "readAnyDatabase",
        "clusterMonitor",
        "backup",
        "dbAdminAnyDatabase",
        "enableSharding",
        "killOpSession",
        "autoCompact",
        "manageShardBalancer",
    ] {
        assert!(admin_only.contains(&n), "{n} is admin-only for users");
    }
    assert_eq!(
        builtin_role("dbAdmin").unwrap().user_scope,
        Some(UserScope::AnyDatabase {
            collection_allowed: false
        })
    );
    assert_eq!(
        builtin_role("read").unwrap().user_scope,
        Some(UserScope::AnyDatabase {
            collection_allowed: true
        })
    );
    assert!(
        builtin_role("atlasAdmin").unwrap().inheritable.is_none(),
        "atlasAdmin is not inheritable"
    );
    assert_eq!(
        builtin_role("readWriteAnyDatabase").unwrap().ui_name,
        "Read and write to any database"
    );
    assert_eq!(
        builtin_role("readAnyDatabase").unwrap().ui_name,
        "Only read any database"
    );
    assert_eq!(builtin_role("atlasAdmin").unwrap().ui_name, "Atlas admin");
    for reserved in [
        "root",
        "dbOwner",
        "userAdmin",
        "restore",
        "ROOT",
        "AtlasAdmin",
    ] {
        assert!(is_builtin_name(reserved), "{reserved} is reserved");
    }
    assert!(!is_builtin_name("orders_reader"));
}

#[test]
fn there_are_27_project_roles_15_purpose_built_and_7_org_roles() {
    // The 26 of February 2026 and Project Stream Processing Manager (tests/facts_project_roles.rs).
    assert_eq!(PROJECT_ROLES.len(), 27);
    assert_eq!(PROJECT_ROLES.iter().filter(|r| r.purpose_built).count(), 15);
    let apis: HashSet<&str> = PROJECT_ROLES.iter().map(|r| r.api).collect();
    assert_eq!(apis.len(), 27);
    assert!(PROJECT_ROLES
        .iter()
        .all(|r| r.api.starts_with("GROUP_") && r.name.starts_with("Project ")));
    assert!(PROJECT_ROLES.iter().all(|r| !r.description.is_empty()));
    for (api, name) in [
        ("GROUP_INDEX_MANAGER", "Project Index Manager"),
        ("GROUP_BACKUP_CREATOR", "Project Backup Creator"),
        ("GROUP_CLUSTER_LOG_VIEWER", "Project Cluster Log Viewer"),
        (
            "GROUP_SUPPORT_ACCESS_MANAGER",
            "Project Support Access Manager",
        ),
    ] {
        let r = project_role(api).unwrap();
        assert_eq!(r.name, name);
        assert!(r.purpose_built);
    }
    assert_eq!(ORG_ROLES.len(), 7);
    assert_eq!(org_role("ORG_OWNER").unwrap().name, "Organization Owner");
}

#[test]
fn capabilities_include_read_only_and_owners_allow_everything() {
    let all: std::collections::BTreeSet<Capability> = Capability::ALL.into_iter().collect();
    assert_eq!(capabilities_of(["ORG_OWNER"], []), all);
    assert_eq!(capabilities_of([], ["GROUP_OWNER"]), all);
    for r in PROJECT_ROLES {
        let caps = capabilities_of([], [r.api]);
        assert!(
            caps.contains(&Capability::ViewProject),
            "{} includes Project Read Only",
            r.name
        );
        for c in r.allows {
            assert!(caps.contains(c));
        }
    }
    assert_eq!(capabilities_of([], ["GROUP_READ_ONLY"]).len(), 1);
    let dba = capabilities_of([], ["GROUP_DATABASE_ACCESS_ADMIN"]);
    assert!(dba.contains(&Capability::ManageDatabaseAccess));
    assert!(!dba.contains(&Capability::ManageProjectAccess));
    let backup = capabilities_of([], ["GROUP_BACKUP_CREATOR"]);
    assert!(
        backup.contains(&Capability::CreateBackups)
            && !backup.contains(&Capability::RestoreBackups)
    );
    assert!(
        capabilities_of(["ORG_MEMBER"], ["NOT_A_ROLE"]).is_empty(),
        "unknown roles grant nothing"
    );
    let union = capabilities_of([], ["GROUP_INDEX_MANAGER", "GROUP_ALERTS_MANAGER"]);
    assert!(
        union.contains(&Capability::ManageIndexes) && union.contains(&Capability::ManageAlerts)
    );
}
