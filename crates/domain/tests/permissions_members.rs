//! Members as Atlas keeps them: an API key's roles in other projects and the organization, project roles
//! newer than the console, service accounts that outlive their project, users' roles changed one at a
//! time, and who may do each (the spec's `x-rolesRequirements`).
use crate::common;
use common::{as_role, strings};
use domain::demo::{self, OTHER_PROJECT_ID};
use domain::model::CreateServiceAccount;
use domain::permissions::Permission;
use domain::project::Project;
use domain::project_access::{MemberKind, NewServiceAccountIds};
use domain::validate::validate_member_roles;
use domain::ErrorCode::*;

const NOW: &str = "2026-11-22T10:00:00Z";
const EXPORTER: &str = "cccccccccccccccccccc0002";
const SAM: &str = "aaaaaaaaaaaaaaaaaaaa0006";
const BACKUP_BOT: &str = "mdb_sa_id_dddddddddddddddddddd0001";
const UNKNOWN: &str = "GROUP_NEWER_ROLE_EXAMPLE";

fn member(p: &Project, kind: MemberKind, id: &str) -> Vec<String> {
    p.members()
        .into_iter()
        .find(|m| m.kind == kind && m.id == id)
        .expect("a member")
        .roles
}

#[test]
fn an_api_key_holds_here_only_the_roles_on_this_project() {
    // The demo key also holds Project Cluster Manager in another project and Organization Member
    // (shape of atlas-recordings/atlasprojectapikeys/…/List).
    let p = demo::standard();
    assert_eq!(
        member(&p, MemberKind::ApiKey, EXPORTER),
        ["GROUP_DATA_ACCESS_READ_ONLY"]
    );
}

#[test]
fn saving_an_api_keys_roles_replaces_only_this_projects_and_keeps_the_rest() {
    let mut p = demo::standard();
    let saved = p
        .set_member_roles(
            MemberKind::ApiKey,
            EXPORTER,
            strings(&["GROUP_READ_ONLY"]),
            NOW,
        )
        .unwrap();
    assert_eq!(saved.roles, ["GROUP_READ_ONLY"]);
    let key = p.api_keys.iter().find(|k| k.id == EXPORTER).unwrap();
    let mut held: Vec<(Option<&str>, Option<&str>, &str)> = key
        .roles
        .iter()
        .map(|r| {
            (
                r.group_id.as_deref(),
                r.org_id.as_deref(),
                r.role_name.as_str(),
            )
        })
        .collect();
    held.sort();
    assert_eq!(
        held,
        [
            (None, Some(demo::ORG_ID), "ORG_MEMBER"),
            (Some(p.id.as_str()), None, "GROUP_READ_ONLY"),
            (Some(OTHER_PROJECT_ID), None, "GROUP_CLUSTER_MANAGER"),
        ]
    );
}

#[test]
fn a_role_the_console_does_not_know_is_kept_and_never_blocks_an_edit() {
    let mut p = demo::standard();
    assert!(member(&p, MemberKind::User, SAM).contains(&UNKNOWN.to_string()));
    let saved = p
        .set_member_roles(
            MemberKind::User,
            SAM,
            strings(&[UNKNOWN, "GROUP_READ_ONLY", "GROUP_CLUSTER_LOG_VIEWER"]),
            NOW,
        )
        .unwrap();
    assert!(saved.roles.contains(&UNKNOWN.to_string()));
    // Only roles being added must be known.
    let issues = validate_member_roles(MemberKind::User, &[UNKNOWN], &strings(&[UNKNOWN]));
    assert!(issues.is_empty(), "{issues:?}");
    let added = validate_member_roles(
        MemberKind::User,
        &["GROUP_READ_ONLY", "GROUP_SUPERUSER"],
        &strings(&["GROUP_READ_ONLY"]),
    );
    assert_eq!(added[0].code, INVALID_ROLE_FOR_GROUP);
    assert_eq!(
        p.set_member_roles(MemberKind::User, SAM, strings(&["GROUP_SUPERUSER"]), NOW)
            .unwrap_err()
            .code(),
        Some(INVALID_ROLE_FOR_GROUP)
    );
    // The activity feed names it by its API name.
    assert!(p.activity.last().unwrap().summary.contains(UNKNOWN));
}

#[test]
fn a_users_roles_change_one_role_at_a_time_and_the_last_one_stays() {
    let mut p = as_role("GROUP_ACCESS_MANAGER");
    let rory = "aaaaaaaaaaaaaaaaaaaa0003";
    let u = p
        .add_user_role(rory, "GROUP_CLUSTER_LOG_VIEWER", NOW)
        .unwrap();
    assert_eq!(u.roles, ["GROUP_READ_ONLY", "GROUP_CLUSTER_LOG_VIEWER"]);
    let u = p.remove_user_role(rory, "GROUP_READ_ONLY", NOW).unwrap();
    assert_eq!(u.roles, ["GROUP_CLUSTER_LOG_VIEWER"]);
    // "A user must have at least one role at all times." (spec, removeGroupUserRole)
    let last = p.remove_user_role(rory, "GROUP_CLUSTER_LOG_VIEWER", NOW);
    assert_eq!(last.unwrap_err().code(), Some(CANNOT_REMOVE_ALL_USER_ROLES));
    let mut reader = as_role("GROUP_READ_ONLY");
    assert_eq!(
        reader
            .add_user_role(rory, "GROUP_CLUSTER_LOG_VIEWER", NOW)
            .unwrap_err()
            .code(),
        Some(USER_UNAUTHORIZED)
    );
}

#[test]
fn service_accounts_are_project_owners_to_change() {
    let create = CreateServiceAccount {
        name: "deploy bot".into(),
        description: "Deploys".into(),
        roles: strings(&["GROUP_READ_ONLY"]),
        secret_expires_after_hours: 24,
    };
    let ids = || NewServiceAccountIds {
        client_id: format!("mdb_sa_id_{:024x}", 9),
        secret_id: format!("{:024x}", 10),
        secret: "mdb_sa_sk_x".into(),
    };
    let mut manager = as_role("GROUP_ACCESS_MANAGER");
    let before = manager.clone();
    let refused = manager
        .create_service_account(create.clone(), ids(), NOW, NOW)
        .unwrap_err();
    assert_eq!(refused.code(), Some(USER_UNAUTHORIZED));
    assert!(refused.detail.unwrap().contains("Requires Project Owner"));
    for r in [
        manager
            .set_member_roles(
                MemberKind::ServiceAccount,
                BACKUP_BOT,
                strings(&["GROUP_READ_ONLY"]),
                NOW,
            )
            .map(drop),
        manager.remove_member(MemberKind::ServiceAccount, BACKUP_BOT, NOW),
    ] {
        assert_eq!(r.unwrap_err().code(), Some(USER_UNAUTHORIZED));
    }
    assert_eq!(manager, before);
    assert!(!manager.principal.may(Permission::ServiceAccounts));
    assert!(manager.principal.may(Permission::ProjectAccess));
    let mut owner = as_role("GROUP_OWNER");
    assert!(owner
        .create_service_account(create, ids(), NOW, NOW)
        .is_ok());
    let mut org_owner = as_role("ORG_OWNER");
    assert!(org_owner
        .remove_member(MemberKind::ServiceAccount, BACKUP_BOT, NOW)
        .is_ok());
}

#[test]
fn a_service_account_removed_from_the_project_stays_in_the_organization() {
    // "The Service Account will still be a part of the Organization it was created in, and the
    // credentials will remain active until expired or manually revoked." (spec, deleteGroupServiceAccount)
    let mut p = demo::standard();
    let account = p.service_accounts[0].clone();
    p.remove_member(MemberKind::ServiceAccount, BACKUP_BOT, NOW)
        .unwrap();
    assert!(p.service_accounts.is_empty());
    let kept = &p.org_service_accounts[0];
    assert_eq!(
        (&kept.client_id, &kept.secrets),
        (&account.client_id, &account.secrets)
    );
    assert!(kept.roles.is_empty(), "its roles were this project's");
}

/// The body of a recorded Atlas answer (status line and headers first, then a blank line).
fn recorded(text: &str) -> serde_json::Value {
    let body = text
        .split_once("\r\n\r\n")
        .or_else(|| text.split_once("\n\n"));
    serde_json::from_str(body.expect("headers, then the body").1).expect("a JSON body")
}

#[test]
fn a_recorded_atlas_api_key_list_shows_only_the_projects_roles() {
    // Real Atlas: each key lists its project role beside an organization role (ORG_MEMBER, ORG_READ_ONLY).
    // Kept in the repository (a copy of ../shared/atlas-recordings/atlasprojectapikeys/TestAtlasProjectAPIKeys/
    // List/GET_api_atlas_v2_groups_b0123456789abcdef012345b_apiKeys_1.snaphost, recorded by the Atlas CLI's
    // end-to-end tests), so this test runs in any clone, not only beside ../shared.
    let list: domain::model::Paginated<domain::model::ApiKey> = serde_json::from_value(recorded(
        include_str!("fixtures/atlas_project_api_keys_list.snaphost"),
    ))
    .unwrap();
    let roles: Vec<Vec<String>> = list
        .results
        .iter()
        .map(|k| domain::project_access::Member::api_key(k, "b0123456789abcdef012345b").roles)
        .collect();
    assert_eq!(
        roles,
        [
            vec!["GROUP_DATA_ACCESS_READ_ONLY"],
            vec!["GROUP_READ_ONLY"],
            vec!["GROUP_READ_ONLY"]
        ]
    );
    assert!(list.results.iter().all(|k| k.roles.len() == 2));
    // Another project's view of the same keys holds none of them.
    assert!(list
        .results
        .iter()
        .all(
            |k| domain::project_access::Member::api_key(k, "6650f1c2a4b3c2d1e0f9a8b7")
                .roles
                .is_empty()
        ));
}
