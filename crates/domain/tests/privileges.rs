//! Effective privileges with provenance, "can X do A on R?", and the impact of a role.
use domain::catalog::Action::{self, *};
use domain::model::*;
use domain::privileges::{impact, Expander, Target};

use crate::common;
use common::{role, user};

fn on(db: &str, c: &str) -> Target {
    Target::namespace(db, c)
}

#[test]
fn inheritance_is_expanded_transitively_with_the_granting_chain() {
    let roles = vec![
        role(
            "reader",
            &[("FIND", vec![Resource::namespace("sales", "orders")])],
            &[],
        ),
        role("analyst", &[], &[("reader", "admin"), ("read", "hr")]),
        role(
            "lead",
            &[("SERVER_STATUS", vec![Resource::cluster()])],
            &[("analyst", "admin")],
        ),
    ];
    let mut ex = Expander::new(&roles);
    let lead = ex.role("lead");
    let g = lead
        .can(Find, &on("sales", "orders"))
        .expect("lead can find in sales.orders");
    assert_eq!(g.chain, vec!["lead", "analyst", "reader"]);
    assert!(
        lead.can(Find, &on("sales", "invoices")).is_none(),
        "only that collection"
    );
    let hr = lead
        .can(Find, &on("hr", "people"))
        .expect("read@hr covers every hr collection");
    assert_eq!(hr.chain, vec!["lead", "analyst", "read@hr"]);
    assert!(
        lead.can(Insert, &on("hr", "people")).is_none(),
        "read does not write"
    );
    assert_eq!(
        lead.can(ServerStatus, &Target::Cluster).unwrap().chain,
        vec!["lead"]
    );
    assert!(
        lead.can(ServerStatus, &on("hr", "")).is_none(),
        "a cluster action is not a namespace grant"
    );
}

#[test]
fn roles_combine_as_a_union_so_the_highest_permission_wins() {
    // The Atlas docs' example: read + bypassDocumentValidation, plus dbAdmin.
    let roles = vec![role(
        "validator",
        &[(
            "BYPASS_DOCUMENT_VALIDATION",
            vec![Resource::namespace("sales", "")],
        )],
        &[("read", "sales")],
    )];
    let u = user("dana", &[("validator", "admin"), ("dbAdmin", "sales")]);
    let eff = Expander::new(&roles).user(&u);
    for a in [
        Find,
        BypassDocumentValidation,
        DropDatabase,
        CollMod,
        EnableProfiler,
        CreateIndex,
    ] {
        assert!(eff.can(a, &on("sales", "x")).is_some(), "{a}");
    }
    assert_eq!(
        eff.can(DropDatabase, &on("sales", "")).unwrap().chain,
        vec!["dbAdmin@sales"]
    );
    assert!(
        eff.can(Insert, &on("sales", "x")).is_none(),
        "neither role inserts"
    );
    let once = eff
        .grants
        .iter()
        .filter(|g| g.action == BypassDocumentValidation && g.target == on("sales", ""))
        .count();
    assert_eq!(once, 1, "one entry per (action, target)");
}

#[test]
fn builtin_roles_expand_including_what_they_include() {
    let eff = Expander::new(&[]).user(&user("ops", &[("atlasAdmin", "admin")]));
    let insert = eff
        .can(Insert, &on("any", "thing"))
        .expect("atlasAdmin writes everywhere");
    assert_eq!(
        insert.chain,
        vec!["atlasAdmin@admin", "readWriteAnyDatabase@admin"]
    );
    assert!(
        eff.can(ServerStatus, &Target::Cluster).is_some(),
        "via clusterMonitor"
    );
    assert!(eff.can(MoveChunk, &on("a", "b")).is_some());
    let narrow = Expander::new(&[]).user(&{
        let mut u = user("c", &[("readWrite", "sales")]);
        u.roles[0].collection_name = Some("orders".into());
        u
    });
    assert!(narrow.can(Update, &on("sales", "orders")).is_some());
    assert!(
        narrow.can(Find, &on("sales", "orders")).is_some(),
        "readWrite includes read"
    );
    assert!(narrow.can(Update, &on("sales", "other")).is_none());
    let by_target = narrow.by_target();
    assert_eq!(by_target.len(), 1);
    assert_eq!(by_target[0].0.to_string(), "sales.orders");
}

/// The expander finds roles by scanning at first and through an index later: a long chain crosses from
/// one to the other and must read the same roles either way (the last of two equal names, as the
/// index had it before the scan existed).
#[test]
fn a_long_chain_expands_whole_and_a_duplicate_name_reads_its_last_role() {
    let mut roles: Vec<CustomDbRole> = (0..12)
        .map(|i| {
            let parent = format!("r{}", i + 1);
            let inherited: &[(&str, &str)] = if i < 11 { &[(&parent, "admin")] } else { &[] };
            role(&format!("r{i}"), &[], inherited)
        })
        .collect();
    roles.push(role(
        "r11",
        &[("FIND", vec![Resource::namespace("deep", "")])],
        &[],
    ));
    roles.insert(
        0,
        role(
            "r11",
            &[("INSERT", vec![Resource::namespace("deep", "")])],
            &[],
        ),
    );
    let mut ex = Expander::new(&roles);
    let top = ex.role("r0");
    let find = top
        .can(Find, &on("deep", "c"))
        .expect("the last r11 grants FIND");
    assert_eq!(find.chain.len(), 12, "{:?}", find.chain);
    assert!(top.can(Insert, &on("deep", "c")).is_none());
    // Above, r11 was the 12th lookup (through the index); here the first (a scan): the same role.
    let last = Expander::new(&roles).role("r11");
    assert!(last.can(Find, &on("deep", "")).is_some());
    assert!(last.can(Insert, &on("deep", "")).is_none());
}

#[test]
fn cycles_and_unknown_roles_do_not_hang_or_grant() {
    let roles = vec![
        role(
            "a",
            &[("FIND", vec![Resource::namespace("x", "")])],
            &[("b", "admin")],
        ),
        role("b", &[], &[("a", "admin"), ("ghost", "admin")]),
    ];
    let mut ex = Expander::new(&roles);
    assert!(ex.role("a").can(Find, &on("x", "y")).is_some());
    assert!(ex.role("nope").grants.is_empty());
    let actions: Vec<Action> = ex.role("b").grants.iter().map(|g| g.action).collect();
    assert_eq!(actions, vec![Find]);
}

#[test]
fn impact_lists_who_holds_a_role_directly_and_through_inheritance() {
    let roles = vec![
        role("base", &[("FIND", vec![Resource::namespace("x", "")])], &[]),
        role("mid", &[], &[("base", "admin")]),
        role("top", &[], &[("mid", "admin")]),
        role(
            "other",
            &[("FIND", vec![Resource::namespace("y", "")])],
            &[],
        ),
    ];
    let users = vec![
        user("u1", &[("base", "admin")]),
        user("u2", &[("top", "admin")]),
        user("u3", &[("other", "admin")]),
        user("u4", &[("base", "admin"), ("mid", "admin")]),
    ];
    let i = impact("base", &roles, &users);
    assert_eq!(i.direct_roles, vec!["mid"]);
    assert_eq!(i.indirect_roles, vec!["top"]);
    assert_eq!(i.direct_users, vec!["u1", "u4"]);
    assert_eq!(i.indirect_users, vec!["u2"]);
    assert_eq!(impact("other", &roles, &users).direct_users, vec!["u3"]);
}

/// The all-database roles reach every database but local and config (the manual's "All-Database Roles");
/// a custom role's "any database" reaches those two as well, so it isn't covered by them.
#[test]
fn all_database_roles_stop_short_of_local_and_config() {
    let eff = Expander::new(&[]).user(&user("analyst", &[("readAnyDatabase", "admin")]));
    assert!(eff.can(Find, &on("sales", "orders")).is_some());
    assert!(eff.can(Find, &on("admin", "x")).is_some());
    for db in ["local", "config"] {
        assert!(eff.can(Find, &on(db, "x")).is_none(), "{db}");
    }
    assert!(
        eff.can(Find, &on("", "")).is_none(),
        "not every database: local and config are left out"
    );
    let targets: Vec<String> = eff.by_target().iter().map(|(t, _)| t.to_string()).collect();
    assert_eq!(targets, ["cluster", "any database except local and config"]);
    let any = Target::namespace("", "");
    assert!(any.covers(&Target::AnyDatabaseButLocalConfig));
    assert!(!Target::AnyDatabaseButLocalConfig.covers(&any));
}
