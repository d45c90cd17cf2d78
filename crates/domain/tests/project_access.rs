//! Project access: members' project roles written as Atlas writes them, secrets returned once and never
//! stored, a role and a Project Owner always kept (who may do what: `project_access_rights.rs`; the role
//! guide: `role_guide.rs`).
use crate::common;
use common::{code, key, key_ids, strings};
use domain::demo;
use domain::model::{CreateServiceAccount, InviteProjectUser};
use domain::project::ActivityKind;
use domain::project_access::{MemberKind, NewServiceAccountIds};
use domain::ErrorCode::*;

const NOW: &str = "2026-11-22T10:00:00Z";

#[test]
fn an_api_key_returns_its_private_key_once_and_is_stored_without_it() {
    let mut p = demo::standard();
    let created = p
        .create_api_key(
            key(
                "  Index robot ",
                &["GROUP_INDEX_MANAGER", "GROUP_CLUSTER_LOG_VIEWER"],
            ),
            key_ids(7),
            NOW,
        )
        .unwrap();
    assert_eq!(created.private_key.as_deref(), Some("private-secret-7"));
    assert_eq!(created.desc, "Index robot");
    let stored = p.api_keys.iter().find(|k| k.id == created.id).unwrap();
    assert_eq!(stored.private_key, None);
    assert!(stored
        .roles
        .iter()
        .all(|r| r.group_id.as_deref() == Some(p.id.as_str()) && r.org_id.is_none()));
    let text = serde_json::to_string(&p).unwrap();
    assert!(
        !text.contains("private-secret-7"),
        "the private key is never stored"
    );
    let event = p.activity.last().unwrap();
    assert_eq!(event.kind, ActivityKind::ProjectAccessGranted);
    assert_eq!(event.target, "API key Index robot");
    assert_eq!(event.principal, p.principal.name);
    assert!(event.summary.contains("Project Index Manager"));
}

#[test]
fn api_keys_need_a_description_and_at_least_one_known_role() {
    let mut p = demo::standard();
    assert_eq!(
        code(p.create_api_key(key("CI", &[]), key_ids(1), NOW)),
        MISSING_API_KEY_ROLES
    );
    assert_eq!(
        code(p.create_api_key(key(" ", &["GROUP_READ_ONLY"]), key_ids(1), NOW)),
        INVALID_API_KEY_DESC
    );
    assert_eq!(
        code(p.create_api_key(key("CI", &["GROUP_SUPERUSER"]), key_ids(1), NOW)),
        INVALID_ROLE_FOR_GROUP
    );
}

#[test]
fn a_service_account_returns_its_secret_once_and_keeps_it_masked() {
    let mut p = demo::standard();
    let req = CreateServiceAccount {
        name: "deploy bot".to_string(),
        description: "Deploys indexes".to_string(),
        roles: strings(&["GROUP_INDEX_MANAGER"]),
        secret_expires_after_hours: 720,
    };
    let ids = NewServiceAccountIds {
        client_id: format!("mdb_sa_id_{:024x}", 9),
        secret_id: format!("{:024x}", 10),
        secret: "mdb_sa_sk_supersecretvalue1234".to_string(),
    };
    let created = p
        .create_service_account(req, ids, NOW, "2026-12-22T10:00:00Z")
        .unwrap();
    assert_eq!(
        created.secrets[0].secret.as_deref(),
        Some("mdb_sa_sk_supersecretvalue1234")
    );
    let stored = p
        .service_accounts
        .iter()
        .find(|s| s.client_id == created.client_id)
        .unwrap();
    assert_eq!(stored.secrets[0].secret, None);
    assert_eq!(
        stored.secrets[0].masked_secret_value.as_deref(),
        Some("mdb_sa_sk_…1234")
    );
    assert!(!serde_json::to_string(&p)
        .unwrap()
        .contains("supersecretvalue"));
}

#[test]
fn invitations_need_an_email_address_and_are_pending_until_accepted() {
    let mut p = demo::standard();
    let invite = |email: &str, roles: &[&str]| InviteProjectUser {
        username: email.to_string(),
        roles: strings(roles),
    };
    assert_eq!(
        code(p.invite_user(
            invite("not-an-email", &["GROUP_READ_ONLY"]),
            "x".into(),
            NOW
        )),
        VALIDATION_ERROR
    );
    // Atlas documents no error code for an invitation without roles (GroupUserRequest.roles has
    // minItems 1): the console's own check, said so in its message.
    let none = p
        .invite_user(invite("new@example.com", &[]), "x".into(), NOW)
        .unwrap_err();
    assert_eq!(none.code(), Some(VALIDATION_ERROR));
    assert!(none.detail.unwrap().contains("console's own check"));
    assert_eq!(
        code(p.invite_user(
            invite("Ada.Admin@example.com", &["GROUP_READ_ONLY"]),
            "x".into(),
            NOW
        )),
        USER_ALREADY_IN_GROUP
    );
    let user = p
        .invite_user(
            invite("new@example.com", &["GROUP_BACKUP_CREATOR"]),
            "e".repeat(24),
            NOW,
        )
        .unwrap();
    assert_eq!(user.org_membership_status, "PENDING");
    let m = p.members().into_iter().find(|m| m.id == user.id).unwrap();
    assert_eq!(
        (m.kind, m.detail.as_str()),
        (MemberKind::User, "Invitation pending")
    );
}

#[test]
fn teams_come_from_the_organization_and_join_once() {
    let mut p = demo::standard();
    let roles = strings(&["GROUP_READ_ONLY"]);
    assert_eq!(
        code(p.add_team("f".repeat(24).as_str(), roles.clone(), NOW)),
        RESOURCE_NOT_FOUND
    );
    assert_eq!(
        code(p.add_team("bbbbbbbbbbbbbbbbbbbb0001", roles.clone(), NOW)),
        USER_ALREADY_IN_GROUP
    );
    p.add_team("bbbbbbbbbbbbbbbbbbbb0003", roles, NOW).unwrap();
    assert!(p
        .members()
        .iter()
        .any(|m| m.kind == MemberKind::Team && m.name == "Security"));
}

#[test]
fn a_member_keeps_at_least_one_role_with_the_code_atlas_uses_for_its_kind() {
    let mut p = demo::standard();
    let cases = [
        (
            MemberKind::User,
            "aaaaaaaaaaaaaaaaaaaa0003",
            CANNOT_REMOVE_ALL_USER_ROLES,
        ),
        (
            MemberKind::Team,
            "bbbbbbbbbbbbbbbbbbbb0001",
            NO_ROLES_IN_ASSIGNMENT,
        ),
        (
            MemberKind::ApiKey,
            "cccccccccccccccccccc0001",
            MISSING_API_KEY_ROLES,
        ),
        // No documented code for a service account without roles (mongodb/docs api-errors.txt has none;
        // the spec says roles minItems 1): VALIDATION_ERROR, the console's own check. MISSING_API_KEY_ROLES
        // says "API keys must have at least one role", which is not about service accounts.
        (
            MemberKind::ServiceAccount,
            "mdb_sa_id_dddddddddddddddddddd0001",
            VALIDATION_ERROR,
        ),
    ];
    for (kind, id, expected) in cases {
        assert_eq!(
            code(p.set_member_roles(kind, id, vec![], NOW)),
            expected,
            "{kind:?}"
        );
    }
    let m = p
        .set_member_roles(
            MemberKind::ApiKey,
            "cccccccccccccccccccc0001",
            strings(&["GROUP_CLUSTER_CREATOR", "GROUP_BACKUP_CREATOR"]),
            NOW,
        )
        .unwrap();
    assert_eq!(
        m.roles,
        strings(&["GROUP_CLUSTER_CREATOR", "GROUP_BACKUP_CREATOR"])
    );
    assert_eq!(
        p.activity.last().unwrap().kind,
        ActivityKind::ProjectAccessUpdated
    );
}

#[test]
fn the_project_always_keeps_a_project_owner() {
    let mut p = demo::standard();
    // The demo has two owners: Ada and the Terraform key.
    p.remove_member(MemberKind::ApiKey, "cccccccccccccccccccc0001", NOW)
        .unwrap();
    assert_eq!(
        code(p.remove_member(MemberKind::User, "aaaaaaaaaaaaaaaaaaaa0001", NOW)),
        CANNOT_DELETE_LAST_ADMIN
    );
    assert_eq!(
        code(p.set_member_roles(
            MemberKind::User,
            "aaaaaaaaaaaaaaaaaaaa0001",
            strings(&["GROUP_READ_ONLY"]),
            NOW
        )),
        CANNOT_DELETE_LAST_ADMIN
    );
}
