//! The least-privilege lint: each rule on the demo project or a small project made to trigger it.
use domain::demo;
use domain::lint::{lint_project, lint_role, Finding, LintSeverity, Location};
use domain::project_access::{Member, MemberKind};

use crate::common;
use common::{ns, role, user};

fn about<'a>(findings: &'a [Finding], location: &str) -> Vec<&'a Finding> {
    findings
        .iter()
        .filter(|f| f.location.label() == location)
        .collect()
}

#[test]
fn the_demo_project_reports_writes_on_any_database_builtin_copies_and_implied_actions() {
    let p = demo::standard();
    let all = lint_project(&p.custom_roles, &p.users, &p.members());
    let severities: Vec<LintSeverity> = all.iter().map(|f| f.severity).collect();
    let mut sorted = severities.clone();
    sorted.sort();
    assert_eq!(severities, sorted, "most severe first");

    let tuner = about(&all, "Custom role index_tuner");
    assert_eq!(tuner.len(), 2);
    assert!(tuner.iter().all(|f| f.severity == LintSeverity::Error));
    assert!(tuner[0]
        .message
        .starts_with("CREATE_INDEX on any database can write to every database"));

    let monitor = about(&all, "Custom role ops_monitor");
    assert!(monitor.iter().any(|f| f.severity == LintSeverity::Warning
        && f.message
            .contains("exactly what the built-in role clusterMonitor@admin grants")));
    assert!(monitor.iter().any(|f| f.severity == LintSeverity::Suggestion
        && f.message == "SERVER_STATUS on cluster is already granted by clusterMonitor@admin: the action can go."));

    let inv = about(&all, "Custom role inventory_admin");
    assert_eq!(inv.len(), 1);
    assert!(inv[0]
        .message
        .contains("CREATE_INDEX on inventory is already granted by readWrite@inventory"));
    assert!(
        about(&all, "Custom role orders_reader").is_empty(),
        "a tight role has no findings"
    );
}

#[test]
fn a_role_no_user_holds_and_users_with_overlapping_roles_are_suggestions() {
    let roles = vec![
        role("narrow", &[("FIND", vec![ns("sales", "orders")])], &[]),
        role("wide", &[("FIND", vec![ns("sales", "")])], &[]),
        role("twin", &[("FIND", vec![ns("sales", "")])], &[]),
        role("orphan", &[("FIND", vec![ns("hr", "")])], &[]),
        role("parent", &[], &[("orphan", "admin")]),
    ];
    let users = vec![
        user("u1", &[("narrow", "admin"), ("wide", "admin")]),
        user("u2", &[("wide", "admin"), ("twin", "admin")]),
    ];
    let all = lint_project(&roles, &users, &[]);
    let unheld: Vec<String> = all
        .iter()
        .filter(|f| f.message.starts_with("No database user holds it"))
        .map(|f| f.location.label())
        .collect();
    assert_eq!(unheld, ["Custom role orphan", "Custom role parent"]);
    let u1 = about(&all, "Database user u1");
    assert_eq!(u1.len(), 1);
    assert!(u1[0]
        .message
        .starts_with("narrow adds nothing: wide already grants everything it does"));
    let u2 = about(&all, "Database user u2");
    assert_eq!(u2.len(), 1, "two equal roles are reported once: {u2:?}");
    assert!(u2[0].message.starts_with("twin adds nothing: wide"));

    // In the editor, a role not yet created isn't "held by nobody".
    let new = role("brand_new", &[("FIND", vec![ns("x", "")])], &[]);
    assert!(lint_role(&new, &roles, &users, false).is_empty());
}

#[test]
fn keys_and_service_accounts_holding_project_owner_next_to_purpose_built_roles_are_warned() {
    let member = |kind, roles: &[&str]| Member {
        kind,
        id: "id".into(),
        name: "ci".into(),
        detail: String::new(),
        roles: roles.iter().map(|r| r.to_string()).collect(),
    };
    let lint = |m: Member| lint_project(&[], &[], &[m]);
    let warned = lint(member(
        MemberKind::ApiKey,
        &["GROUP_OWNER", "GROUP_CLUSTER_LOG_VIEWER"],
    ));
    assert_eq!(warned.len(), 1);
    assert_eq!(warned[0].severity, LintSeverity::Warning);
    assert!(matches!(
        warned[0].location,
        Location::Member {
            kind: MemberKind::ApiKey,
            ..
        }
    ));
    assert!(
        warned[0].message.contains("Project Owner"),
        "{}",
        warned[0].message
    );
    assert_eq!(
        lint(member(
            MemberKind::ServiceAccount,
            &["GROUP_OWNER", "GROUP_CLUSTER_LOG_VIEWER"]
        ))
        .len(),
        1
    );
    assert!(
        lint(member(MemberKind::ApiKey, &["GROUP_OWNER"])).is_empty(),
        "nothing narrower to suggest"
    );
    assert!(
        lint(member(
            MemberKind::User,
            &["GROUP_OWNER", "GROUP_CLUSTER_LOG_VIEWER"]
        ))
        .is_empty(),
        "people are not keys"
    );
    assert!(lint(member(MemberKind::ApiKey, &["GROUP_CLUSTER_LOG_VIEWER"])).is_empty());
}

/// "It grants exactly what the built-in role … grants" must only be said of an exact copy: a role granting
/// less than the built-in (or more) would be told to swap in a broader (or narrower) role. The built-in
/// roles' grants are the manual's (tests/facts_builtin_roles.rs), including what no custom role action
/// can express, which only inheriting the built-in role brings.
#[test]
fn a_custom_role_is_called_a_builtin_copy_only_when_it_grants_exactly_the_same() {
    use domain::model::Resource;
    let cluster = || vec![Resource::cluster()];
    let any = || vec![ns("", "")];
    let copies = |r: &domain::model::CustomDbRole| -> Vec<String> {
        lint_role(r, &[], &[], false)
            .into_iter()
            .filter(|f| f.message.contains("exactly what the built-in role"))
            .map(|f| f.message)
            .collect()
    };
    // A backup-like role without find anywhere and with restore's bypassWriteBlockingMode.
    let old_backup = role(
        "old_backup",
        &[
            ("GET_PARAMETER", cluster()),
            ("LIST_DATABASES", cluster()),
            ("SERVER_STATUS", cluster()),
            ("SET_USER_WRITE_BLOCK", cluster()),
            ("BYPASS_USER_WRITE_BLOCK", cluster()),
            ("LIST_COLLECTIONS", any()),
            ("LIST_INDEXES", any()),
        ],
        &[],
    );
    assert_eq!(
        copies(&old_backup),
        Vec::<String>::new(),
        "backup grants find, not bypass"
    );
    // Every action backup grants, each where backup grants it: still less (backup's appendOplogNote).
    let backup_actions = role(
        "backup_actions",
        &[
            ("GET_PARAMETER", cluster()),
            ("LIST_DATABASES", cluster()),
            ("SERVER_STATUS", cluster()),
            ("SET_USER_WRITE_BLOCK", cluster()),
            ("FIND", any()),
            ("LIST_COLLECTIONS", any()),
            ("LIST_INDEXES", any()),
            ("LIST_SEARCH_INDEXES", any()),
            ("FIND", vec![ns("config", "settings")]),
            ("INSERT", vec![ns("config", "settings")]),
            ("UPDATE", vec![ns("config", "settings")]),
        ],
        &[],
    );
    assert_eq!(
        copies(&backup_actions),
        Vec::<String>::new(),
        "appendOplogNote"
    );
    // dbAdmin as the catalog had it (no search-index actions, nothing on system.profile): less.
    let old_db_admin = role(
        "old_db_admin",
        &[
            "BYPASS_DOCUMENT_VALIDATION",
            "COLL_MOD",
            "COLL_STATS",
            "COMPACT",
            "CONVERT_TO_CAPPED",
            "CREATE_COLLECTION",
            "CREATE_INDEX",
            "DB_STATS",
            "DROP_COLLECTION",
            "DROP_DATABASE",
            "DROP_INDEX",
            "ENABLE_PROFILER",
            "LIST_COLLECTIONS",
            "LIST_INDEXES",
            "RE_INDEX",
            "RENAME_COLLECTION_SAME_DB",
            "VALIDATE",
        ]
        .map(|a| (a, vec![ns("sales", "")])),
        &[],
    );
    assert_eq!(copies(&old_db_admin), Vec::<String>::new());
    // enableSharding without analyzeShardKey: less.
    let old_sharding = role(
        "old_sharding",
        &[
            ("ENABLE_SHARDING", cluster()),
            ("REFINE_COLLECTION_SHARD_KEY", any()),
            ("RESHARD_COLLECTION", any()),
        ],
        &[],
    );
    assert_eq!(copies(&old_sharding), Vec::<String>::new());
    // Inheriting the built-in role and adding more: more, so no copy either.
    let more = role(
        "more",
        &[("FIND", vec![ns("sales", "orders")])],
        &[("dbAdmin", "sales")],
    );
    assert_eq!(copies(&more), Vec::<String>::new());

    // Exact copies: the built-in role inherited, with actions it already grants restated; and a role
    // whose every privilege custom role actions can express, spelled out.
    // (backup's find is on every non-system collection, config's and local's by their own rows; its list
    // actions are on any database: restate one of those.)
    let restated = role(
        "restated",
        &[("LIST_COLLECTIONS", any())],
        &[("backup", "admin")],
    );
    assert_eq!(
        copies(&restated),
        ["It grants exactly what the built-in role backup@admin grants: use the built-in role instead."]
    );
    // Nothing but what no action expresses, inherited: still the role itself.
    let compactor = role("compactor", &[], &[("autoCompact", "admin")]);
    assert_eq!(
        copies(&compactor),
        ["It grants exactly what the built-in role autoCompact@admin grants: use the built-in role instead."]
    );
    let balancer = role(
        "balancer",
        &[
            ("FIND", vec![ns("config", "settings")]),
            ("INSERT", vec![ns("config", "settings")]),
            ("UPDATE", vec![ns("config", "settings")]),
        ],
        &[],
    );
    assert_eq!(
        copies(&balancer),
        ["It grants exactly what the built-in role manageShardBalancer@admin grants: use the built-in role instead."]
    );
}

#[test]
fn a_role_bringing_what_no_action_expresses_is_not_one_that_adds_nothing() {
    // read@sales brings killCursors, which no custom role action grants: `spelled` doesn't cover it.
    let read = "FIND LIST_COLLECTIONS LIST_INDEXES COLL_STATS DB_STATS DB_HASH CHANGE_STREAM LIST_SEARCH_INDEXES";
    let actions: Vec<(&str, Vec<domain::model::Resource>)> = read
        .split_whitespace()
        .map(|a| (a, vec![ns("sales", "")]))
        .collect();
    let roles = vec![
        role("spelled", &actions, &[]),
        role("inherits", &[], &[("read", "sales")]),
    ];
    let users = vec![user("u", &[("spelled", "admin"), ("inherits", "admin")])];
    let found = about(&lint_project(&roles, &users, &[]), "Database user u")
        .into_iter()
        .map(|f| f.message.clone())
        .collect::<Vec<_>>();
    assert_eq!(
        found,
        ["spelled adds nothing: inherits already grants everything it does. Remove spelled from u."]
    );
}

#[cfg(not(target_arch = "wasm32"))] // proptest is a native-only dev-dependency
mod copies {
    use super::*;
    use domain::catalog::inheritable_roles;
    use domain::model::{InheritedRole, PrivilegeAction, Resource};
    use domain::privileges::{Expander, Target};
    use proptest::prelude::*;

    proptest! {
        /// Any part of a built-in role's grants spelled out, with or without inheriting the role: the lint
        /// calls it that role's copy exactly when it grants everything the role does, which spelling out
        /// alone can't when the role grants what no custom role action expresses.
        #[test]
        fn only_an_exact_copy_of_a_builtin_role_is_called_one(
            pick in 0..inheritable_roles().count(),
            keep in proptest::collection::vec(any::<bool>(), 64),
            inherit in any::<bool>(),
        ) {
            let b = inheritable_roles().nth(pick).unwrap();
            let db = if b.inherit_db == domain::catalog::InheritDb::Admin { "admin" } else { "sales" };
            let mut probe = user("probe", &[(b.name, db)]);
            probe.roles[0].collection_name = None;
            let grants = Expander::new(&[]).user(&probe).grants;
            let mut spelled = Vec::new();
            let mut all_kept = true;
            for (i, g) in grants.iter().enumerate() {
                let resource = match &g.target {
                    Target::Cluster => Resource::cluster(),
                    Target::Namespace { db, collection } => Resource::namespace(
                        db.as_deref().unwrap_or(""),
                        collection.as_deref().unwrap_or(""),
                    ),
                    // No custom role resource is "every database but local and config".
                    Target::AnyDatabaseButLocalConfig => { all_kept = false; continue; }
                };
                if keep[i % keep.len()] {
                    spelled.push(PrivilegeAction { action: g.action.api().to_string(), resources: vec![resource] });
                } else {
                    all_kept = false;
                }
            }
            let mut r = role("r", &[], &[]);
            r.actions = spelled;
            if inherit {
                r.inherited_roles = vec![InheritedRole::new(b.name, db)];
            }
            let no_beyond = b.grants.iter().all(|g| g.beyond_api.is_empty()) && b.includes.is_empty();
            let expected = inherit || (all_kept && no_beyond);
            let said = lint_role(&r, &[], &[], false).iter().any(|f| {
                f.message.contains(&format!("exactly what the built-in role {}@{db} grants", b.name))
            });
            prop_assert_eq!(said, expected, "{} inherit={} all_kept={}", b.name, inherit, all_kept);
        }
    }
}
