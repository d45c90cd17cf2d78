//! Each person acts with their own roles: from the file, or read from Atlas (the emulator's project users
//! and organization), enforced before anything is forwarded, and told to the console at /api/portal/me.
use super::harness::*;
use serde_json::json;
use std::time::Duration;

fn role() -> serde_json::Value {
    json!({ "roleName": "portal_roles", "actions": [{ "action": "FIND", "resources": [{ "db": "sales", "collection": "", "cluster": false }] }], "inheritedRoles": [] })
}

async fn create_role_as(p: &Portal, who: &str) -> reqwest::Response {
    let r = p.write_as(who, reqwest::Method::POST, &roles_path(), role());
    r.send().await.unwrap()
}

fn forwarded(log: &[String], needle: &str) -> usize {
    log.iter().filter(|l| l.contains(needle)).count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn roles_from_the_file_are_enforced_before_anything_is_forwarded() {
    let (atlas, _emu) = emulator(Duration::from_secs(3600));
    let p = portal(&atlas, 60).await;
    // Read Only reads, and may not write: 403 naming the roles that would allow it, audited.
    assert_eq!(
        p.get_as("rory@example.com", &roles_path())
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let r = create_role_as(&p, "rory@example.com").await;
    assert_eq!(r.status(), 403);
    let e = body(r).await;
    assert_eq!(e["errorCode"], "PORTAL_ROLE_REQUIRED");
    assert!(
        e["detail"]
            .as_str()
            .unwrap()
            .contains("Requires Project Owner or Project Database Access Admin"),
        "{e}"
    );
    // A Project Access Manager may manage access but not mint a key: that needs Project Owner here.
    let key = json!({ "desc": "ci", "roles": ["GROUP_READ_ONLY"] });
    let keys = format!("/api/atlas/v2/groups/{PROJECT}/apiKeys");
    let r = p
        .write_as(
            "amir@example.com",
            reqwest::Method::POST,
            &keys,
            key.clone(),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    assert!(body(r).await["detail"]
        .as_str()
        .unwrap()
        .contains(domain::portal::MINT_REQUIREMENT));
    // The Project Owner may.
    let r = p
        .write(reqwest::Method::POST, &keys, key)
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{}", r.status());
    let log = emulator_log(&p, &atlas).await;
    assert_eq!(
        forwarded(&log, "POST"),
        1,
        "only the owner's key reached Atlas: {log:?}"
    );
    let audit = p.audit();
    let lines: Vec<_> = audit
        .iter()
        .map(|l| {
            (
                l["who"].as_str().unwrap(),
                l["refused"].clone(),
                l["credentials"].clone(),
                l["roles"].clone(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            (
                "rory@example.com",
                json!("PORTAL_ROLE_REQUIRED"),
                json!(false),
                json!(["GROUP_READ_ONLY"])
            ),
            (
                "amir@example.com",
                json!("PORTAL_ROLE_REQUIRED"),
                json!(true),
                json!(["GROUP_ACCESS_MANAGER"])
            ),
            (
                "ada@example.com",
                json!(null),
                json!(true),
                json!(["GROUP_OWNER"])
            ),
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn roles_read_from_atlas_are_the_persons_own() {
    let (atlas, _emu) = emulator(Duration::from_secs(3600));
    let p = portal_with(&config_text_atlas_roles(&atlas)).await;
    // The emulator's project users: Ada owns the project, Rory reads it, nobody@ isn't a user there.
    let r = create_role_as(&p, "ada.admin@example.com").await;
    assert_eq!(r.status(), 202);
    let r = p
        .write_as(
            "rory.readonly@example.com",
            reqwest::Method::DELETE,
            &format!("{}/portal_roles", roles_path()),
            json!({}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    assert_eq!(body(r).await["errorCode"], "PORTAL_ROLE_REQUIRED");
    assert_eq!(
        p.get_as("rory.readonly@example.com", &roles_path())
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    // Mapped in the portal but holding no role in Atlas: not even a read.
    let r = p
        .get_as("nobody@example.com", &roles_path())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    assert!(body(r).await["detail"]
        .as_str()
        .unwrap()
        .contains("Requires a role in this project"));
    // The roles were read once per person while cached (Rory's read and write share one lookup).
    let log = emulator_log(&p, &atlas).await;
    assert_eq!(forwarded(&log, "/users 200"), 3, "{log:?}");

    // /api/portal/me: the person, the project's name from Atlas, their roles there.
    let me: domain::portal::Me = serde_json::from_value(
        body(
            p.get_as("rory.readonly@example.com", domain::portal::ME_PATH)
                .send()
                .await
                .unwrap(),
        )
        .await,
    )
    .unwrap();
    assert_eq!(me.name, "rory.readonly@example.com");
    assert_eq!(me.roles_source, "atlas");
    assert_eq!(me.projects.len(), 1);
    assert_eq!(me.projects[0].id, PROJECT);
    assert!(me.projects[0]
        .name
        .as_deref()
        .is_some_and(|n| !n.is_empty()));
    assert_eq!(
        me.projects[0].org_id.as_deref(),
        Some(atlas_emulator::ORG_ID)
    );
    assert_eq!(me.projects[0].roles, ["GROUP_READ_ONLY"]);
    let r = p
        .client
        .get(format!("{}{}", p.base, domain::portal::ME_PATH))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_organizations_teams_only_for_the_organization_that_owns_ones_project() {
    let (atlas, _emu) = emulator(Duration::from_secs(3600));
    let p = portal(&atlas, 60).await;
    let own = format!("/api/atlas/v2/orgs/{}/teams", atlas_emulator::ORG_ID);
    assert_eq!(p.get(&own).send().await.unwrap().status(), 200);
    let r = p
        .get("/api/atlas/v2/orgs/0123456789abcdef01234567/teams")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    assert_eq!(body(r).await["errorCode"], "PORTAL_PROJECT_NOT_ALLOWED");
}
