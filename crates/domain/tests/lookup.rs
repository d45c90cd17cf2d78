//! Reverse lookup: "Used by" a role and "Who can …?" an action on a resource, with chains.
use domain::catalog::Action::*;
use domain::lookup::{question_target, used_by, user_label, who_can};
use domain::model::*;
use domain::privileges::Target;

use crate::common;
use common::{ns, role, user};

fn names(h: &[domain::lookup::Holder]) -> Vec<&str> {
    h.iter().map(|h| h.name.as_str()).collect()
}

fn project() -> (Vec<CustomDbRole>, Vec<DatabaseUser>) {
    let roles = vec![
        role("base", &[("FIND", vec![ns("sales", "orders")])], &[]),
        role("mid", &[], &[("base", "admin")]),
        role(
            "top",
            &[("INSERT", vec![ns("sales", "")])],
            &[("mid", "admin")],
        ),
        role("other", &[("FIND", vec![ns("hr", "")])], &[]),
        // A shortcut: `wide` reaches base both directly and through mid.
        role("wide", &[], &[("mid", "admin"), ("base", "admin")]),
    ];
    let users = vec![
        user("ann", &[("base", "admin")]),
        user("bob", &[("top", "admin")]),
        user("cy", &[("other", "admin")]),
        user("dee", &[("readWrite", "sales")]),
    ];
    (roles, users)
}

#[test]
fn used_by_lists_roles_and_users_with_the_shortest_chain_to_the_role() {
    let (roles, users) = project();
    let u = used_by("base", &roles, &users);
    assert_eq!(names(&u.roles), ["mid", "top", "wide"]);
    let chain = |name: &str| {
        u.roles
            .iter()
            .chain(&u.users)
            .find(|h| h.name == name)
            .unwrap()
            .chain
            .clone()
    };
    assert_eq!(chain("mid"), ["mid", "base"]);
    assert_eq!(chain("top"), ["top", "mid", "base"]);
    assert_eq!(
        chain("wide"),
        ["wide", "base"],
        "the direct inheritance is the shorter chain"
    );
    assert_eq!(names(&u.users), ["ann", "bob"]);
    assert!(u.users[0].is_direct(), "ann holds base itself");
    assert!(!u.users[1].is_direct());
    assert_eq!(chain("bob"), ["top", "mid", "base"]);
    assert!(used_by("other", &roles, &users).roles.is_empty());
    assert!(
        used_by("top", &roles, &[]).is_empty(),
        "nobody holds top but bob"
    );
}

#[test]
fn used_by_survives_an_inheritance_cycle() {
    let roles = vec![
        role("a", &[], &[("b", "admin")]),
        role("b", &[], &[("a", "admin")]),
    ];
    let users = vec![user("u", &[("a", "admin")])];
    let u = used_by("a", &roles, &users);
    assert_eq!(names(&u.roles), ["b"]);
    assert_eq!(u.users[0].chain, ["a"]);
}

#[test]
fn who_can_follows_custom_and_builtin_roles_and_covering_resources() {
    let (roles, users) = project();
    let orders = question_target(Find, "sales.orders").unwrap();
    let w = who_can(Find, &orders, &roles, &users);
    assert_eq!(names(&w.roles), ["base", "mid", "top", "wide"]);
    assert_eq!(names(&w.users), ["ann", "bob", "dee"]);
    let bob = w.users.iter().find(|h| h.name == "bob").unwrap();
    assert_eq!(bob.chain, ["top", "mid", "base"]);
    let dee = w.users.iter().find(|h| h.name == "dee").unwrap();
    assert_eq!(
        dee.chain,
        ["readWrite@sales"],
        "a built-in role on the database (the server lists read's actions in readWrite's own)"
    );

    // FIND on another collection: only the built-in role's database-wide grant covers it.
    let invoices = question_target(Find, "sales.invoices").unwrap();
    let w = who_can(Find, &invoices, &roles, &users);
    assert!(w.roles.is_empty());
    assert_eq!(names(&w.users), ["dee"]);

    // A database-wide INSERT on sales covers a question about one collection.
    let w = who_can(
        Insert,
        &question_target(Insert, "sales.x").unwrap(),
        &roles,
        &users,
    );
    assert_eq!(names(&w.roles), ["top"]);
    assert_eq!(names(&w.users), ["bob", "dee"]);
}

/// Built-in roles answer "Who can …?" with what the manual says they grant (tests/facts_builtin_roles.rs),
/// no more and no less.
#[test]
fn who_can_finds_builtin_role_holders_as_the_manual_grants() {
    let roles = vec![role("archiver", &[], &[("backup", "admin")])];
    let users = vec![
        user("bak", &[("backup", "admin")]),
        user("arc", &[("archiver", "admin")]),
        user("rdr", &[("readAnyDatabase", "admin")]),
        user("dba", &[("dbAdmin", "sales")]),
        user("shd", &[("enableSharding", "admin")]),
        user("ops", &[("killOpSession", "admin")]),
        user("bal", &[("manageShardBalancer", "admin")]),
        user("mon", &[("clusterMonitor", "admin")]),
    ];
    let ask = |a: domain::catalog::Action, ns: &str| {
        let w = who_can(a, &question_target(a, ns).unwrap(), &roles, &users);
        let mut all: Vec<String> = w.users.iter().map(|h| h.name.clone()).collect();
        all.extend(w.roles.iter().map(|h| format!("role {}", h.name)));
        all
    };
    // backup: find on every non-system collection, config and local included; not bypassWriteBlockingMode.
    assert_eq!(
        ask(Find, "sales.orders"),
        ["arc", "bak", "rdr", "role archiver"]
    );
    assert_eq!(
        ask(Find, "local.oplog.rs"),
        ["arc", "bak", "mon", "role archiver"],
        "readAnyDatabase stops short of local and config; clusterMonitor holds read@local"
    );
    assert!(
        ask(BypassUserWriteBlock, "").is_empty(),
        "that is restore's"
    );
    assert_eq!(
        ask(Insert, "config.settings"),
        ["arc", "bak", "bal", "role archiver"]
    );
    assert_eq!(ask(CreateSearchIndex, "sales.orders"), ["dba"]);
    assert!(ask(CreateSearchIndex, "hr.people").is_empty());
    assert_eq!(ask(AnalyzeShardKey, "sales.orders"), ["shd"]);
    assert_eq!(ask(KillAnySession, ""), ["ops"]);
    // What the server's definitions and Atlas's pages give that the old catalog missed: netstat and
    // $shardedDataDistribution (clusterMonitor), useUUID and collStats (backup), enableSharding on a
    // database (enableSharding), the stream processing actions (readAnyDatabase's read-only subset).
    user_check(&ask);
}

fn user_check(ask: &dyn Fn(domain::catalog::Action, &str) -> Vec<String>) {
    use domain::catalog::Action::*;
    assert_eq!(ask(NetStat, ""), ["mon"]);
    assert_eq!(ask(ShardedDataDistribution, ""), ["mon"]);
    assert_eq!(ask(UseUuid, ""), ["arc", "bak", "mon", "role archiver"]);
    assert_eq!(
        ask(CollStats, "hr.people"),
        ["arc", "bak", "mon", "rdr", "role archiver"]
    );
    assert_eq!(ask(EnableSharding, "sales"), ["shd"]);
    assert!(
        ask(EnableSharding, "").is_empty(),
        "zone operations: no built-in role"
    );
    assert_eq!(ask(ListStreamProcessors, ""), ["rdr"]);
    assert!(ask(StartStreamProcessor, "").is_empty(), "not read-only");
}

/// Every privilege the catalog says a built-in role grants, asked as a "Who can …?" question, finds a
/// user holding the role and a custom role inheriting it: no holder is missed.
#[test]
fn who_can_misses_no_holder_of_any_builtin_grant() {
    use domain::catalog::{InheritDb, ResourceKind, UserScope, BUILTIN_ROLES};
    use domain::privileges::Expander;
    for b in BUILTIN_ROLES {
        // Where Atlas lets it be held: admin for the cluster-wide roles, a database for the others.
        let on_admin = match b.user_scope {
            Some(s) => s == UserScope::AdminOnly,
            None => b.inherit_db == InheritDb::Admin,
        };
        let db = if on_admin { "admin" } else { "sales" };
        let users = match b.user_scope {
            Some(_) => vec![user("holder", &[(b.name, db)])],
            None => vec![],
        };
        let roles = match b.inheritable {
            Some(_) => vec![role("heir", &[], &[(b.name, db)])],
            None => vec![],
        };
        if users.is_empty() && roles.is_empty() {
            continue; // neither a user nor a custom role can hold it in Atlas
        }
        let probe = user("probe", &[(b.name, db)]);
        for g in Expander::new(&[]).user(&probe).grants {
            let question = match (&g.target, g.action.resource()) {
                (Target::Cluster, ResourceKind::Cluster) => String::new(),
                // "Who can …?" asks cluster actions about the cluster and the others about a namespace:
                // a grant elsewhere could never be found (the catalog lists such privileges as beyond_api).
                (Target::Cluster, _) => panic!(
                    "{} grants {} on the cluster: no question finds it",
                    b.name, g.action
                ),
                (_, ResourceKind::Cluster) if !g.action.on_namespaces_too() => {
                    panic!(
                        "{} grants {} on {}: no question finds it",
                        b.name, g.action, g.target
                    )
                }
                (Target::AnyDatabaseButLocalConfig, _) => "sales.orders".into(),
                // A database action can't be asked about one collection (dbStats on system.profile).
                (
                    Target::Namespace {
                        collection: Some(_),
                        ..
                    },
                    ResourceKind::Database,
                ) => continue,
                (Target::Namespace { db, collection }, _) => format!(
                    "{}.{}",
                    db.as_deref().unwrap_or("sales"),
                    collection.as_deref().unwrap_or("orders")
                ),
            };
            let target = question_target(g.action, &question).unwrap();
            let w = who_can(g.action, &target, &roles, &users);
            assert_eq!(
                names(&w.users).len(),
                users.len(),
                "{} {} on {question}",
                b.name,
                g.action
            );
            assert_eq!(
                names(&w.roles).len(),
                roles.len(),
                "{} {} on {question}",
                b.name,
                g.action
            );
        }
    }
}

#[test]
fn the_question_target_follows_the_action_resource_kind() {
    assert_eq!(question_target(ServerStatus, ""), Some(Target::Cluster));
    assert_eq!(
        question_target(DropDatabase, " sales.orders "),
        Some(Target::namespace("sales", "")),
        "a database action ignores the collection"
    );
    assert_eq!(
        question_target(Find, "sales. orders"),
        Some(Target::namespace("sales", "orders"))
    );
    assert_eq!(
        question_target(Find, "sales"),
        Some(Target::namespace("sales", ""))
    );
    assert_eq!(question_target(Find, "  "), None, "a database is needed");
    assert_eq!(question_target(Find, ".orders"), None);
}

#[test]
fn users_outside_admin_are_labelled_with_their_database() {
    let mut u = user("CN=svc", &[]);
    u.database_name = "$external".into();
    assert_eq!(user_label(&u), "$external/CN=svc");
    assert_eq!(user_label(&user("ann", &[])), "ann");
}

#[cfg(not(target_arch = "wasm32"))] // proptest is a native-only dev-dependency
mod held {
    use super::*;
    use domain::lookup::held_by_a_user;
    use proptest::prelude::*;

    const NAMES: [&str; 6] = ["r0", "r1", "r2", "r3", "r4", "r5"];

    /// Six roles, each inheriting any of the others (cycles included), and users holding any of them
    /// (or only a built-in role).
    fn project() -> impl Strategy<Value = (Vec<CustomDbRole>, Vec<DatabaseUser>)> {
        let picks = || proptest::sample::subsequence(NAMES.to_vec(), 0..3);
        (
            proptest::collection::vec(picks(), NAMES.len()),
            proptest::collection::vec(picks(), 0..4),
        )
            .prop_map(|(inherits, holders)| {
                let roles = NAMES
                    .iter()
                    .zip(&inherits)
                    .map(|(name, parents)| {
                        let parents: Vec<(&str, &str)> =
                            parents.iter().map(|p| (*p, "admin")).collect();
                        role(name, &[("FIND", vec![ns("sales", "")])], &parents)
                    })
                    .collect();
                let users = holders
                    .iter()
                    .enumerate()
                    .map(|(i, held)| {
                        let mut roles: Vec<(&str, &str)> =
                            held.iter().map(|r| (*r, "admin")).collect();
                        roles.push(("read", "sales"));
                        user(&format!("u{i}"), &roles)
                    })
                    .collect();
                (roles, users)
            })
    }

    proptest! {
        /// The lint's quick "does a user hold it?" agrees with the full "Used by" answer.
        #[test]
        fn held_by_a_user_agrees_with_used_by((roles, users) in project()) {
            for name in NAMES {
                prop_assert_eq!(
                    held_by_a_user(name, &roles, &users),
                    !used_by(name, &roles, &users).users.is_empty(),
                    "{}", name
                );
            }
        }
    }
}
