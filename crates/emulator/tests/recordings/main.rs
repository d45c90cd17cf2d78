//! Atlas's own answers as the oracle. `../shared/atlas-recordings` holds HTTP responses real Atlas sent,
//! recorded by the Atlas CLI's end-to-end tests (no code of ours produced them). For every recorded answer
//! to a request the console sends:
//! 1. it is read through the HTTP backend's own code (`domain::answer`, then the type the backend parses
//!    it into): no error, and nothing the screens show is dropped;
//! 2. the emulator, holding the same data, answers the same request with the same status, the same media
//!    type and the same shape (the same fields present and absent, at every depth).
//!
//! Every recording must be classified: a new one the console sends but this test doesn't know fails it.
use domain::answer;
use domain::model::{
    ApiKey, CustomDbRole, DatabaseUser, Paginated, ProjectUser, TeamRole, UpdateCustomDbRole,
};
use domain::project_access::OrgTeam;
use serde_json::{json, Value};

mod access;
mod classify;
mod harness;

use classify::*;
use harness::*;

#[test]
fn every_recorded_answer_the_console_reads_parses_without_loss() {
    let mut read = 0;
    for r in recordings() {
        match classify(&r) {
            Read::RoleList => drop(read_as::<Vec<CustomDbRole>>(&r)),
            Read::Role => drop(read_as::<CustomDbRole>(&r)),
            Read::UserList => drop(read_as::<Paginated<DatabaseUser>>(&r)),
            Read::User => drop(read_as::<DatabaseUser>(&r)),
            Read::ApiKeyList => drop(read_as::<Paginated<ApiKey>>(&r)),
            Read::ApiKey => drop(read_as::<ApiKey>(&r)),
            Read::ProjectUsers => drop(read_as::<Paginated<ProjectUser>>(&r)),
            Read::Teams => drop(read_as::<Paginated<TeamRole>>(&r)),
            Read::OrgTeams => drop(read_as::<Paginated<OrgTeam>>(&r)),
            Read::Empty => {
                assert_eq!(r.status, 204, "{}", r.name);
                let got = answer::read(r.status, r.content_type.as_deref(), &r.body);
                assert_eq!(got, Ok(None), "{}", r.name);
            }
            Read::Pem => {
                let pem = answer::read_text(r.status, &r.body)
                    .unwrap_or_else(|e| panic!("{}: {e:?}", r.name));
                // The spec says certificate and private key; the recording holds the certificate only.
                assert!(pem.starts_with("-----BEGIN CERTIFICATE-----"), "{}", r.name);
                assert!(pem.contains("-----END CERTIFICATE-----"), "{}", r.name);
            }
            Read::NotSent(_) => continue,
        }
        read += 1;
    }
    assert!(read >= 30, "only {read} recordings read");
}

#[test]
fn the_emulator_answers_custom_role_requests_as_atlas_does() {
    let all = recordings();
    let create = all
        .iter()
        .find(|r| r.name.starts_with("customdbroles/TestDBRoles/Create/"))
        .expect("a recorded create");
    let created: CustomDbRole = serde_json::from_str(&create.body).unwrap();
    let mut checked = 0;
    for r in all.iter().filter(|r| r.name.starts_with("customdbroles/")) {
        let group = group_of(r);
        let mut emu = empty_project(&group);
        let got = match classify(r) {
            Read::RoleList => {
                emu.project.custom_roles = serde_json::from_str(&r.body).unwrap();
                send(
                    &mut emu,
                    "GET",
                    &path_for(&group, &["customDBRoles", "roles"]),
                    "2023-01-01",
                    None,
                )
            }
            Read::Role if r.method == "POST" => send(
                &mut emu,
                "POST",
                &path_for(&group, &["customDBRoles", "roles"]),
                "2023-01-01",
                Some(body_of(r)),
            ),
            Read::Role | Read::Empty => {
                let name = tail(r, "customDBRoles_roles_");
                emu.project.custom_roles = vec![created.clone()];
                let body = (r.method == "PATCH").then(|| {
                    let role: CustomDbRole = serde_json::from_str(&r.body).unwrap();
                    serde_json::to_value(UpdateCustomDbRole::from(&role)).unwrap()
                });
                if r.method == "GET" {
                    emu.project.custom_roles = vec![serde_json::from_str(&r.body).unwrap()];
                }
                send(
                    &mut emu,
                    &r.method,
                    &path_for(&group, &["customDBRoles", "roles", name]),
                    "2023-01-01",
                    body,
                )
            }
            other => panic!("{}: {other:?}", r.name),
        };
        same_answer(r, got);
        checked += 1;
    }
    assert!(checked >= 7, "{checked}");
}

#[test]
fn the_emulator_answers_database_user_requests_as_atlas_does() {
    let mut checked = 0;
    for r in recordings().iter().filter(|r| {
        r.name.starts_with("dbusers/")
            || (r.name.starts_with("dbuserscerts/")
                && matches!(classify(r), Read::User | Read::Empty))
    }) {
        let group = group_of(r);
        let mut emu = empty_project(&group);
        let recorded: Value = if r.body.is_empty() {
            Value::Null
        } else {
            body_of(r)
        };
        let got = match classify(r) {
            Read::UserList => {
                let users: Paginated<DatabaseUser> = serde_json::from_value(recorded).unwrap();
                emu.project.users = users.results;
                send(
                    &mut emu,
                    "GET",
                    &path_for(&group, &["databaseUsers"]),
                    "2023-01-01",
                    None,
                )
            }
            Read::User if r.method == "POST" => {
                // The recorded user, sent back as its create request (a password for SCRAM users, and an
                // expiry in the future: the recording's has passed).
                let mut body = as_request(recorded);
                if body["x509Type"] == "NONE" && body["oidcAuthType"] == "NONE" {
                    body["password"] = json!("a-Long-enough-passw0rd");
                }
                if body.get("deleteAfterDate").is_some() {
                    body["deleteAfterDate"] = json!(tomorrow());
                }
                body["groupId"] = json!(group);
                send(
                    &mut emu,
                    "POST",
                    &path_for(&group, &["databaseUsers"]),
                    "2023-01-01",
                    Some(body),
                )
            }
            Read::User | Read::Empty => {
                let user = stored_user(r);
                let (db, name) = (user.database_name.clone(), user.username.clone());
                emu.project.users = vec![user];
                let body = (r.method == "PATCH").then(|| {
                    let mut b = as_request(recorded);
                    b.as_object_mut().unwrap().remove("deleteAfterDate");
                    b
                });
                send(
                    &mut emu,
                    &r.method,
                    &path_for(&group, &["databaseUsers", &db, &name]),
                    "2023-01-01",
                    body,
                )
            }
            other => panic!("{}: {other:?}", r.name),
        };
        if matches!(classify(r), Read::User) && r.method != "GET" {
            // The expiry the request carried (or not) decides whether it is in the answer: compare without it.
            let without = Recording {
                body: strip_expiry(&r.body),
                ..r.clone()
            };
            same_answer(&without, (got.0, got.1, strip_expiry_value(got.2)));
        } else {
            same_answer(r, got);
        }
        checked += 1;
    }
    assert!(checked >= 14, "{checked}");
}

#[test]
fn the_emulator_answers_a_certificate_request_as_atlas_does() {
    let r = recordings()
        .into_iter()
        .find(|r| classify(r) == Read::Pem)
        .expect("a recorded certificate");
    let group = group_of(&r);
    let mut emu = empty_project(&group);
    let username = tail(&r, "databaseUsers_")
        .trim_end_matches("_certs")
        .to_string();
    let mut user = DatabaseUser::new(username.clone());
    user.database_name = "$external".into();
    user.x509_type = domain::model::X509Type::Managed;
    user.roles = vec![domain::model::DatabaseUserRole::new(
        "readAnyDatabase",
        "admin",
    )];
    emu.project.users.push(user);
    let (status, content_type, body) = send(
        &mut emu,
        "POST",
        &path_for(&group, &["databaseUsers", &username, "certs"]),
        "2023-01-01",
        Some(json!({ "monthsUntilExpiration": 3 })),
    );
    assert_eq!(
        (status, content_type.as_deref()),
        (r.status, r.content_type.as_deref())
    );
    // Text, not JSON, as Atlas sends it; a certificate and its private key.
    let pem = body.as_str().expect("PEM text");
    assert!(
        pem.contains("-----BEGIN CERTIFICATE-----") && pem.contains("-----BEGIN PRIVATE KEY-----")
    );
}
