//! A member's project roles changed by someone else while "Edit Roles" is open are never overwritten
//! silently: "Save changes" re-reads the member and shows both changes.
use crate::support::*;
use dbaccess::backend::local::LocalBackend;
use dbaccess::backend::OnDemand;
use dbaccess::ui::shell::routes;
use domain::demo::DemoKind;
use domain::model::ApiKey;
use domain::project_access::MemberKind;
use wasm_bindgen_test::*;

const API_KEYS: &str = routes::API_KEYS;
const PROJECT: &str = "6650f1c2a4b3c2d1e0f9a8b7";

/// The Terraform pipeline key's roles in this project, as stored.
fn pipeline_roles(key: &str) -> Vec<String> {
    let keys: Vec<ApiKey> = stored(key, "apiKeys");
    let mut roles: Vec<String> = keys[0]
        .roles
        .iter()
        .filter(|r| r.group_id.as_deref() == Some(PROJECT))
        .map(|r| r.role_name.clone())
        .collect();
    roles.sort();
    roles
}

async fn someone_else_sets(key: &str, roles: &[&str]) {
    let keys: Vec<ApiKey> = stored(key, "apiKeys");
    LocalBackend::open(key, DemoKind::Standard)
        .set_member_roles(
            MemberKind::ApiKey,
            keys[0].id.clone(),
            roles.iter().map(|r| r.to_string()).collect(),
        )
        .await
        .unwrap();
}

async fn open_pipeline() {
    find("a", "Edit Roles for Terraform pipeline").await.click();
    wait_until("the dialog is shown", || {
        text_of("[role=dialog] .dialog-title") == "Edit Roles for Terraform pipeline"
    })
    .await;
}

/// Opens "Edit Roles for Terraform pipeline", adds Project Cluster Creator, lets someone else give the
/// key Project Read Only meanwhile, and saves into the conflict.
async fn add_role_into_conflict(key: &str) {
    open_pipeline().await;
    choose(&dialog_picker(), "Project Cluster Creator").await;
    someone_else_sets(key, &["GROUP_OWNER", "GROUP_READ_ONLY"]).await;
    find("button", "Save Roles").await.click();
    find("button", "Save changes").await.click();
    wait_until("the conflict is shown", || {
        text_of(".conflict h3") == "Someone else changed these roles"
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_members_roles_changed_meanwhile_are_never_overwritten_silently() {
    let key = fresh_key();
    let _app = mount_with(API_KEYS, &key);
    add_role_into_conflict(&key).await;
    let conflict = text_of(".conflict");
    assert!(
        conflict.contains("Their change") && conflict.contains("Project Read Only"),
        "{conflict}"
    );
    assert!(
        conflict.contains("Your change") && conflict.contains("Project Cluster Creator"),
        "{conflict}"
    );
    assert_eq!(
        pipeline_roles(&key),
        ["GROUP_OWNER", "GROUP_READ_ONLY"],
        "their change is still there"
    );

    find("button", "Merge by hand").await.click();
    wait_until("their version is shown", || {
        text_of(".their-version").contains("Project Read Only")
    })
    .await;
    choose(&dialog_picker(), "Project Read Only").await;
    find("button", "Save Roles").await.click();
    find("button", "Save changes").await.click();
    wait_until("saved", || query("[role=dialog]").is_none()).await;
    assert_eq!(
        pipeline_roles(&key),
        ["GROUP_CLUSTER_CREATOR", "GROUP_OWNER", "GROUP_READ_ONLY"],
        "both changes kept"
    );
}

#[wasm_bindgen_test]
async fn after_a_roles_conflict_take_theirs_or_keep_mine() {
    let key = fresh_key();
    let _app = mount_with(API_KEYS, &key);
    add_role_into_conflict(&key).await;
    find("button", "Take theirs").await.click();
    wait_until("the picker now holds their roles", || {
        query(".conflict").is_none()
            && by_name("button", "Remove Project Read Only").is_some()
            && by_name("button", "Remove Project Cluster Creator").is_none()
    })
    .await;

    choose(&dialog_picker(), "Project Backup Creator").await;
    someone_else_sets(&key, &["GROUP_OWNER"]).await;
    find("button", "Save Roles").await.click();
    find("button", "Save changes").await.click();
    wait_until("the conflict is shown again", || {
        text_of(".conflict h3") == "Someone else changed these roles"
    })
    .await;
    find("button", "Keep mine").await.click();
    wait_until("saved", || query("[role=dialog]").is_none()).await;
    assert_eq!(
        pipeline_roles(&key),
        ["GROUP_BACKUP_CREATOR", "GROUP_OWNER", "GROUP_READ_ONLY"],
        "mine replaced theirs, as chosen"
    );
}

#[wasm_bindgen_test]
async fn a_member_removed_meanwhile_is_said_so_and_not_added_back() {
    let key = fresh_key();
    let _app = mount_with(API_KEYS, &key);
    open_pipeline().await;
    choose(&dialog_picker(), "Project Cluster Creator").await;
    let keys: Vec<ApiKey> = stored(&key, "apiKeys");
    LocalBackend::open(&key, DemoKind::Standard)
        .remove_member(MemberKind::ApiKey, keys[0].id.clone())
        .await
        .unwrap();
    find("button", "Save Roles").await.click();
    find("button", "Save changes").await.click();
    wait_until("the removal is shown", || {
        text_of(".conflict h3") == "Someone else removed this member"
    })
    .await;
    // The list reloads meanwhile; the dialog keeps saying what happened.
    wait_until("the list no longer shows the key", || {
        by_name("a", "Edit Roles for Terraform pipeline").is_none()
    })
    .await;
    reads_done().await;
    assert_eq!(text_of(".conflict h3"), "Someone else removed this member");
    let now: Vec<ApiKey> = stored(&key, "apiKeys");
    assert!(
        now.iter().filter(|k| k.id == keys[0].id).all(|k| k
            .roles
            .iter()
            .all(|r| r.group_id.as_deref() != Some(PROJECT))),
        "not added back"
    );
    find("button", "Close").await.click();
    wait_until("closed", || query("[role=dialog]").is_none()).await;
}
