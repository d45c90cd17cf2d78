//! The emulator's database-user wire semantics, as Atlas's: a PATCH changes only the fields its body holds
//! (`[]` clears a list, absent keeps it), answers have the recorded shape (`labels`, `scopes` and `groupId`
//! always present; `dbusers/` in the Atlas recordings), and the project's federated databases and stream
//! workspaces are listed for the scope picker.
mod common;
use atlas_emulator::{Emulator, Reply, Settings};
use common::send;
use domain::model::{DatabaseUser, LdapAuthType, ScopeType, ADMIN_DB};
use serde_json::{json, Value};

fn emulator() -> Emulator {
    Emulator::open(Settings::default()).expect("an in-memory emulator")
}

fn users_path(emu: &Emulator) -> String {
    format!("/api/atlas/v2/groups/{}/databaseUsers", emu.project.id)
}

fn stored<'a>(emu: &'a Emulator, username: &str) -> &'a DatabaseUser {
    emu.project
        .users
        .iter()
        .find(|u| u.username == username)
        .expect("the user")
}

fn patch(emu: &mut Emulator, db: &str, username: &str, body: Value) -> Reply {
    let path = format!(
        "{}/{}/{}",
        users_path(emu),
        domain::api::encode(db),
        domain::api::encode(username)
    );
    send(emu, "PATCH", &path, body)
}

#[test]
fn a_patch_changes_only_the_fields_its_body_holds() {
    let mut emu = emulator();
    let before = stored(&emu, "orders-api").clone();
    let reply = patch(
        &mut emu,
        ADMIN_DB,
        "orders-api",
        json!({ "description": "Orders service" }),
    );
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    let after = stored(&emu, "orders-api");
    assert_eq!(after.roles, before.roles, "a body without roles keeps them");
    assert_eq!(after.description.as_deref(), Some("Orders service"));

    // "scopes": [] lifts a restriction; a body with only roles keeps the scope and its type.
    let lake = stored(&emu, "lake-analyst").clone();
    assert_eq!(lake.scopes[0].kind, ScopeType::DataLake);
    let reply = patch(
        &mut emu,
        ADMIN_DB,
        "lake-analyst",
        json!({ "roles": [{ "roleName": "read", "databaseName": "hr" }] }),
    );
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    assert_eq!(stored(&emu, "lake-analyst").scopes, lake.scopes);
    assert_eq!(stored(&emu, "lake-analyst").roles[0].database_name, "hr");
    let reply = patch(&mut emu, ADMIN_DB, "lake-analyst", json!({ "scopes": [] }));
    assert_eq!(reply.status, 200);
    assert!(stored(&emu, "lake-analyst").scopes.is_empty());
    assert_eq!(reply.body.unwrap()["scopes"], json!([]));

    // "description": "" removes it; absent keeps it.
    patch(&mut emu, ADMIN_DB, "orders-api", json!({ "labels": [] }));
    assert_eq!(
        stored(&emu, "orders-api").description.as_deref(),
        Some("Orders service")
    );
    patch(
        &mut emu,
        ADMIN_DB,
        "orders-api",
        json!({ "description": "" }),
    );
    assert_eq!(stored(&emu, "orders-api").description, None);
}

#[test]
fn a_patch_is_still_validated_and_cannot_change_who_the_user_is() {
    let mut emu = emulator();
    let reply = patch(&mut emu, ADMIN_DB, "orders-api", json!({ "roles": [] }));
    assert_eq!(reply.status, 400);
    let reply = patch(
        &mut emu,
        ADMIN_DB,
        "orders-api",
        json!({ "username": "renamed" }),
    );
    assert_eq!(reply.status, 409);
    assert_eq!(
        reply.body.unwrap()["errorCode"],
        "DATABASE_USERNAME_CANNOT_BE_CHANGED"
    );
    let reply = patch(
        &mut emu,
        ADMIN_DB,
        "orders-api",
        json!(["not", "an object"]),
    );
    assert_eq!(reply.status, 400);
    let reply = patch(&mut emu, ADMIN_DB, "nobody", json!({ "labels": [] }));
    assert_eq!(reply.status, 404);
}

#[test]
fn an_ldap_group_user_on_admin_keeps_its_type_and_database_when_edited() {
    let mut emu = emulator();
    let group = emu
        .project
        .users
        .iter()
        .find(|u| u.ldap_auth_type == LdapAuthType::Group)
        .expect("the demo's LDAP group user")
        .clone();
    assert_eq!(group.database_name, ADMIN_DB);
    let reply = patch(
        &mut emu,
        ADMIN_DB,
        &group.username,
        json!({ "roles": [{ "roleName": "readAnyDatabase", "databaseName": "admin" }] }),
    );
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    let after = stored(&emu, &group.username);
    assert_eq!(after.ldap_auth_type, LdapAuthType::Group);
    assert_eq!(after.database_name, ADMIN_DB);
    assert_eq!(after.roles[0].role_name, "readAnyDatabase");
}

/// The keys of a user in Atlas's answers (recordings `dbusers/*/GET_…databaseUsers…`), `links` aside.
const RECORDED_KEYS: [&str; 10] = [
    "awsIAMType",
    "databaseName",
    "groupId",
    "labels",
    "ldapAuthType",
    "oidcAuthType",
    "roles",
    "scopes",
    "username",
    "x509Type",
];

#[test]
fn user_answers_have_atlas_s_shape() {
    let mut emu = emulator();
    let path = users_path(&emu);
    let list = send(&mut emu, "GET", &path, Value::Null).body.unwrap();
    for u in list["results"].as_array().unwrap() {
        for key in RECORDED_KEYS {
            assert!(u.get(key).is_some(), "{key} in {u}");
        }
        assert!(u["labels"].is_array() && u["scopes"].is_array());
    }
    let one = send(
        &mut emu,
        "GET",
        &format!("{path}/admin/orders-api"),
        Value::Null,
    );
    assert_eq!(one.status, 200);
    let one = one.body.unwrap();
    assert_eq!(one["username"], "orders-api");
    assert_eq!(one["labels"], json!([]));
    assert_eq!(one["scopes"], json!([]));
    assert_eq!(one["groupId"], json!(emu.project.id));
    let missing = send(
        &mut emu,
        "GET",
        &format!("{path}/admin/nobody"),
        Value::Null,
    );
    assert_eq!(missing.status, 404);
}

#[test]
fn federated_databases_and_stream_workspaces_are_listed() {
    let mut emu = emulator();
    let g = format!("/api/atlas/v2/groups/{}", emu.project.id);
    let lakes = send(&mut emu, "GET", &format!("{g}/dataFederation"), Value::Null);
    assert_eq!(lakes.status, 200);
    assert_eq!(lakes.body.unwrap()[0]["name"], "SalesLake");
    let streams = send(&mut emu, "GET", &format!("{g}/streams"), Value::Null);
    assert_eq!(streams.status, 200);
    assert_eq!(
        streams.content_type.as_deref(),
        Some("application/vnd.atlas.2023-02-01+json;charset=utf-8")
    );
    let body = streams.body.unwrap();
    assert_eq!(body["results"][0]["name"], "OrderEvents");
    assert_eq!(body["totalCount"], 1);
}

#[test]
fn write_bodies_are_logged_for_tests() {
    let mut emu = emulator();
    patch(&mut emu, ADMIN_DB, "orders-api", json!({ "scopes": [] }));
    let log = send(&mut emu, "GET", "/__emulator/bodies", Value::Null)
        .body
        .unwrap();
    let last = log.as_array().unwrap().last().unwrap().clone();
    assert!(last["request"]
        .as_str()
        .unwrap()
        .starts_with("PATCH /api/atlas/v2/groups/"));
    assert_eq!(last["body"], json!({ "scopes": [] }));
}

/// A password user named with the characters Atlas's connection docs say to percent-encode (`$ : / ? # [
/// ] @`) is created, and found again by its encoded name (domain tests/facts_database_users.rs).
#[test]
fn a_password_user_named_with_uri_characters_is_created_and_found() {
    let mut emu = emulator();
    let name = "ops:admin/app?#[1]$";
    let path = users_path(&emu);
    let created = send(
        &mut emu,
        "POST",
        &path,
        json!({
            "databaseName": "admin",
            "username": name,
            "password": "s3cret-pass-123",
            "roles": [{ "databaseName": "sales", "roleName": "read" }],
        }),
    );
    assert_eq!(created.status, 201, "{:?}", created.body);
    let one = format!("{path}/admin/{}", domain::api::encode(name));
    let found = send(&mut emu, "GET", &one, Value::Null);
    assert_eq!(found.status, 200, "{:?}", found.body);
    assert_eq!(stored(&emu, name).database_name, ADMIN_DB);
}
