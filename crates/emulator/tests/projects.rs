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
