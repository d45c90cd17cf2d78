//! Several projects (issue 30): the emulator answers the organization's staging and production beside the
//! standard project, each from its own data, and refuses an action newer than a project's clusters with
//! its own table of versions (`atlas_rules::check_versions`, from the manual's privilege actions page).
mod common;
use atlas_emulator::{Emulator, Reply, Settings};
use common::send;
use domain::demo::{PROD_ID, STAGING_ID};
use serde_json::{json, Value};

fn roles_path(group: &str) -> String {
    format!("/api/atlas/v2/groups/{group}/customDBRoles/roles")
}

fn names(reply: &Reply) -> Vec<String> {
    let body = reply.body.as_ref().expect("a JSON answer");
    let list = body.get("results").unwrap_or(body);
    list.as_array()
        .expect("a list")
        .iter()
        .map(|r| r["roleName"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn each_project_is_answered_from_its_own_data() {
    let mut emu = Emulator::open(Settings::default()).unwrap();
    let dev = emu.project.id.clone();
    let in_dev = names(&send(&mut emu, "GET", &roles_path(&dev), Value::Null));
    let in_staging = names(&send(&mut emu, "GET", &roles_path(STAGING_ID), Value::Null));
    assert!(in_dev.contains(&"orders_reader".to_string()));
    assert!(!in_staging.contains(&"orders_reader".to_string()));
    assert!(in_staging.contains(&"shard_tuner".to_string()));
    let project = send(
        &mut emu,
        "GET",
        &format!("/api/atlas/v2/groups/{PROD_ID}"),
        Value::Null,
    );
    assert_eq!(project.body.unwrap()["name"], "Production");
    assert_eq!(
        send(
            &mut emu,
            "GET",
            &roles_path("0123456789abcdef01234567"),
            Value::Null
        )
        .status,
        404
    );
    // A write to staging changes staging only.
    let reader = json!({"roleName": "orders_reader", "actions": [{"action": "FIND", "resources": [{"db": "sales", "collection": "orders"}]}]});
    assert_eq!(
        send(&mut emu, "POST", &roles_path(STAGING_ID), reader.clone()).status,
        202
    );
    assert_eq!(
        send(&mut emu, "POST", &roles_path(&dev), reader).status,
        409
    );
    assert!(emu
        .others
        .iter()
        .any(|p| p.id == STAGING_ID && p.custom_role("orders_reader").is_some()));
    assert_eq!(
        send(&mut emu, "POST", "/__emulator/reset", Value::Null).status,
        200
    );
    assert!(emu
        .others
        .iter()
        .all(|p| p.id != STAGING_ID || p.custom_role("orders_reader").is_none()));
}

#[test]
fn an_action_newer_than_a_projects_cluster_is_refused_there() {
    let mut emu = Emulator::open(Settings::default()).unwrap();
    let tuner = json!({"roleName": "shard_tuner", "actions": [{"action": "RESHARD_COLLECTION", "resources": [{"db": "sales", "collection": "orders"}]}]});
    let refused = send(&mut emu, "POST", &roles_path(PROD_ID), tuner.clone());
    assert_eq!(refused.status, 409);
    let body = refused.body.unwrap();
    assert_eq!(
        body["errorCode"],
        "CUSTOM_ROLE_ACTIONS_INVALID_FOR_EXISTING_CLUSTERS"
    );
    assert!(
        body["detail"].as_str().unwrap().contains("reports-legacy"),
        "{body}"
    );
    let dev = emu.project.id.clone();
    assert_eq!(send(&mut emu, "POST", &roles_path(&dev), tuner).status, 202);
}

/// The benchmark's five projects of 1,400 roles (`--demo large-across`) are each valid, and each copy
/// drifted every way: roles missing, different, and only there.
#[test]
fn the_five_large_projects_are_valid_and_each_copy_drifted_every_way() {
    use domain::across::{compare, Drift};
    use domain::validate::{is_valid, validate_role, validate_user, RoleMode, UserMode};
    let all = atlas_emulator::large_across::projects();
    assert_eq!(all.len(), 5);
    let ids: std::collections::BTreeSet<&str> = all.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids.len(), 5, "each project its own id");
    for p in &all {
        assert!(p.custom_roles.len() <= p.custom_role_limit);
        for r in &p.custom_roles {
            let issues = validate_role(r, &p.context(), RoleMode::Update);
            assert!(is_valid(&issues), "{}: {issues:?}", r.role_name);
        }
        for u in &p.users {
            let issues = validate_user(u, &p.context(), UserMode::Update { original: u }, 0);
            assert!(is_valid(&issues), "{}: {issues:?}", u.username);
        }
    }
    let here = &all[0].custom_roles;
    assert_eq!(here.len(), 1_400);
    let others: Vec<&[domain::model::CustomDbRole]> =
        all[1..].iter().map(|p| p.custom_roles.as_slice()).collect();
    let rows = compare(here, &others);
    for (k, p) in all[1..].iter().enumerate() {
        let count = |want: fn(&Drift) -> bool| rows.iter().filter(|r| want(&r.drift[k])).count();
        let missing = count(|d| matches!(d, Drift::Missing));
        let different = count(|d| matches!(d, Drift::Different(_)));
        assert!(
            (10..=40).contains(&missing),
            "{}: {missing} missing",
            p.name
        );
        assert!(
            (20..=40).contains(&different),
            "{}: {different} different",
            p.name
        );
        assert!(p
            .custom_roles
            .iter()
            .any(|r| r.role_name.contains("_only_")));
    }
}

/// `--demo large-across`: each of the five answered under its own id, and a reset brings the same five
/// back.
#[test]
fn the_large_demo_serves_five_projects_of_1400_roles() {
    let mut emu = Emulator::open(Settings {
        large_across: true,
        ..Settings::default()
    })
    .unwrap();
    let total = |emu: &mut Emulator, group: &str| {
        names(&send(emu, "GET", &roles_path(group), Value::Null)).len()
    };
    let first = emu.project.id.clone();
    assert_eq!(total(&mut emu, &first), 1_400);
    for (id, name) in atlas_emulator::large_across::COPIES {
        let n = total(&mut emu, id);
        assert!((1_350..=1_400).contains(&n), "{name}: {n} roles");
        let project = send(
            &mut emu,
            "GET",
            &format!("/api/atlas/v2/groups/{id}"),
            Value::Null,
        );
        assert_eq!(project.body.unwrap()["name"], name);
    }
    let deleted = send(
        &mut emu,
        "DELETE",
        &format!("{}/search_role_0010", roles_path(&first)),
        Value::Null,
    );
    assert_eq!(deleted.status, 204);
    assert_eq!(total(&mut emu, &first), 1_399);
    send(&mut emu, "POST", "/__emulator/reset", Value::Null);
    assert_eq!(total(&mut emu, &first), 1_400);
    assert_eq!(emu.others.len(), 4);
}
