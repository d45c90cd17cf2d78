//! The expander gives exactly what the plain definition gives: every custom role expanded afresh, with no
//! memo, no index and no shared chains (`reference` below). Arbitrary small projects (unknown roles, self
//! references, cycles, repeated names, built-in roles on a collection, actions Atlas doesn't know), with
//! one expander asked about every role and then a user, so what it remembers between questions counts.
//! Built-in roles are expanded from the catalog's table here too.
#![cfg(not(target_arch = "wasm32"))]
use domain::catalog::{builtin_role, Action, GrantScope};
use domain::model::*;
use domain::privileges::{Effective, Expander, Grant, Target};
use proptest::prelude::*;
use std::collections::HashMap;

/// The benchmark's project (1,400 roles, a user holding 20): the test below checks its expansion.
#[path = "../benches/fixtures/project.rs"]
mod bench_project;

/// The definition: a union keeping, per (action, target), the first place it was granted and the
/// shortest chain (the earlier of equals).
#[derive(Default)]
struct Union(Vec<Grant>);

impl Union {
    fn add(&mut self, g: Grant) {
        match self
            .0
            .iter_mut()
            .find(|h| h.action == g.action && h.target == g.target)
        {
            Some(h) if h.chain.len() <= g.chain.len() => {}
            Some(h) => *h = g,
            None => self.0.push(g),
        }
    }
}

/// Grants of built-in role `name` held on `db` (and `collection`, "" = all) with `prefix` before it, from
/// the catalog's table: its own grants, then those of the roles it includes, each chain ending at it.
fn reference_builtin(name: &str, db: &str, collection: &str, prefix: &[String], union: &mut Union) {
    let Some(role) = builtin_role(name) else {
        return;
    };
    let mut chain = prefix.to_vec();
    chain.push(if collection.is_empty() {
        format!("{name}@{db}")
    } else {
        format!("{name}@{db}.{collection}")
    });
    for grant in role.grants {
        let target = match grant.scope {
            GrantScope::Cluster => Target::Cluster,
            GrantScope::Granted => Target::namespace(db, collection),
            GrantScope::AnyDatabase => Target::namespace("", ""),
            GrantScope::AnyDatabaseButLocalConfig => Target::AnyDatabaseButLocalConfig,
            GrantScope::Namespace(d, c) => Target::namespace(d, c),
            GrantScope::GrantedCollection(c) => Target::namespace(db, c),
        };
        for &action in grant.actions {
            union.add(Grant {
                action,
                target: target.clone(),
                chain: chain.clone(),
            });
        }
    }
    for inc in role.includes {
        reference_builtin(inc, db, collection, &chain, union);
    }
}

fn reference_custom(roles: &[CustomDbRole], name: &str, path: &mut Vec<String>) -> Vec<Grant> {
    let Some(role) = roles.iter().rev().find(|r| r.role_name == name) else {
        return Vec::new();
    };
    if path.iter().any(|p| p == name) {
        return Vec::new();
    }
    path.push(name.to_string());
    let here = vec![name.to_string()];
    let mut union = Union::default();
    for pa in &role.actions {
        let Some(action) = Action::from_api(&pa.action) else {
            continue;
        };
        for r in &pa.resources {
            let target = if r.cluster {
                Target::Cluster
            } else {
                Target::namespace(&r.db, &r.collection)
            };
            union.add(Grant {
                action,
                target,
                chain: here.clone(),
            });
        }
    }
    for ir in &role.inherited_roles {
        if builtin_role(&ir.role).is_some() {
            reference_builtin(&ir.role, &ir.db, "", &here, &mut union);
            continue;
        }
        for g in reference_custom(roles, &ir.role, path) {
            let mut chain = here.clone();
            chain.extend(g.chain);
            union.add(Grant { chain, ..g });
        }
    }
    path.pop();
    union.0
}

fn reference_user(roles: &[CustomDbRole], user: &DatabaseUser) -> Vec<Grant> {
    let mut union = Union::default();
    for r in &user.roles {
        if builtin_role(&r.role_name).is_some() {
            let coll = r.collection_name.as_deref().unwrap_or("");
            reference_builtin(&r.role_name, &r.database_name, coll, &[], &mut union);
            continue;
        }
        for g in reference_custom(roles, &r.role_name, &mut Vec::new()) {
            union.add(g);
        }
    }
    union.0
}

const NAMES: &[&str] = &["r0", "r1", "r2", "r3", "r4", "r5", "missing"];
const BUILTINS: &[&str] = &[
    "read",
    "readWrite",
    "dbAdmin",
    "clusterMonitor",
    "backup",
    "dbOwner",
    "atlasAdmin",
    "readWriteAnyDatabase",
];
const ACTIONS: &[&str] = &[
    "FIND",
    "INSERT",
    "UPDATE",
    "LIST_COLLECTIONS",
    "SERVER_STATUS",
    "DROP_DATABASE",
    "NOT_AN_ACTION",
];

fn resource() -> impl Strategy<Value = Resource> {
    prop_oneof![
        Just(Resource::cluster()),
        (
            prop::sample::select(vec!["", "sales", "hr"]),
            prop::sample::select(vec!["", "orders"])
        )
            .prop_map(|(db, c)| Resource::namespace(db, c)),
    ]
}

fn inherited() -> impl Strategy<Value = InheritedRole> {
    prop_oneof![
        3 => prop::sample::select(NAMES).prop_map(|n| InheritedRole::new(n, "admin")),
        1 => (prop::sample::select(BUILTINS), prop::sample::select(vec!["sales", "admin", "hr"]))
            .prop_map(|(n, db)| InheritedRole::new(n, db)),
    ]
}

fn custom_role() -> impl Strategy<Value = CustomDbRole> {
    (
        prop::sample::select(&NAMES[..6]),
        prop::collection::vec(
            (
                prop::sample::select(ACTIONS),
                prop::collection::vec(resource(), 1..3),
            ),
            0..4,
        ),
        prop::collection::vec(inherited(), 0..3),
    )
        .prop_map(|(name, actions, inherited_roles)| CustomDbRole {
            role_name: name.to_string(),
            actions: actions
                .into_iter()
                .map(|(a, resources)| PrivilegeAction {
                    action: a.to_string(),
                    resources,
                })
                .collect(),
            inherited_roles,
        })
}

fn user_role() -> impl Strategy<Value = DatabaseUserRole> {
    (
        prop_oneof![prop::sample::select(NAMES), prop::sample::select(BUILTINS)],
        prop::sample::select(vec!["admin", "sales"]),
        prop::option::of(Just("orders")),
    )
        .prop_map(|(name, db, coll)| {
            let mut r = DatabaseUserRole::new(name, db);
            // Only built-in roles are held on a collection.
            if builtin_role(name).is_some() {
                r.collection_name = coll.map(str::to_string);
            }
            r
        })
}

fn by_key(e: &Effective) -> HashMap<(Action, Target), Vec<String>> {
    e.grants
        .iter()
        .map(|g| ((g.action, g.target.clone()), g.chain.clone()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]
    #[test]
    fn the_expander_gives_what_the_definition_gives(
        roles in prop::collection::vec(custom_role(), 0..12),
        order in prop::collection::vec(prop::sample::select(NAMES), 0..8),
        held in prop::collection::vec(user_role(), 0..6),
    ) {
        let mut ex = Expander::new(&roles);
        for name in &order {
            let got = ex.role(name);
            let want = reference_custom(&roles, name, &mut Vec::new());
            prop_assert_eq!(&got.grants, &want, "role {}", name);
            prop_assert_eq!(by_key(&got).len(), got.grants.len(), "one grant per (action, target)");
        }
        let mut user = DatabaseUser::new("u");
        user.roles = held;
        prop_assert_eq!(ex.user(&user).grants, reference_user(&roles, &user));
        // A fresh expander (nothing remembered, nothing indexed yet) agrees too.
        prop_assert_eq!(Expander::new(&roles).user(&user).grants, reference_user(&roles, &user));
    }
}

/// The benchmark's project (1,400 roles in chains of 10): the user's grants and chains as defined.
#[test]
fn the_benchmark_project_expands_as_defined() {
    let roles = bench_project::project();
    let user = bench_project::user();
    let got = Expander::new(&roles).user(&user);
    assert_eq!(got.grants, reference_user(&roles, &user));
    assert_eq!(got.grants.len(), 246);
}
