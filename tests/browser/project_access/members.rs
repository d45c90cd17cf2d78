//! The member lists and each member's roles: every kind listed with its roles, Edit Roles replacing them,
//! Remove from Project asking first with the last Project Owner kept, Revert changes, an API key's roles
//! in this project only, and roles the console doesn't know kept.
use super::*;

#[wasm_bindgen_test]
async fn tabs_list_each_kind_of_member_with_its_roles() {
    let _app = mount_app_at(routes::PROJECT_ACCESS);
    wait_until("users listed", || {
        row_of("amir.access@example.com").is_some()
    })
    .await;
    let tabs: Vec<String> = query_all("[role=tab]")
        .iter()
        .map(|t| t.text_content().unwrap())
        .collect();
    assert_eq!(tabs, ["Users", "Teams", "API Keys", "Service Accounts"]);
    assert!(row_of("ines.indexer@example.com")
        .unwrap()
        .text_content()
        .unwrap()
        .contains("Project Index Manager"));
    assert!(by_name("a", "Edit Roles for dana.dbadmin@example.com").is_some());
    assert!(by_name("button", "Remove dana.dbadmin@example.com from Project").is_some());
    type_into(&input_labelled("Search").unwrap(), "index manager");
    wait_until("filtered to one user", || {
        query_all(".members-table tbody tr").len() == 1
    })
    .await;
    find("[role=tab]", "API Keys").await.click();
    wait_until("API keys listed", || row_of("Terraform pipeline").is_some()).await;
    assert!(row_of("Terraform pipeline")
        .unwrap()
        .text_content()
        .unwrap()
        .contains("Public key tfpipeln"));
}

#[wasm_bindgen_test]
async fn editing_an_api_keys_roles_replaces_them() {
    let key = fresh_key();
    let _app = mount_with(routes::API_KEYS, &key);
    find("a", "Edit Roles for Terraform pipeline").await.click();
    dialog("Edit Roles for Terraform pipeline").await;
    let picker = dialog_picker();
    // Start from what it holds.
    assert!(by_name("button", "Remove Project Owner").is_some());
    by_name("button", "Remove Project Owner").unwrap().click();
    choose(&picker, "Project Cluster Creator").await;
    choose(&picker, "Project Backup Creator").await;
    find("button", "Save Roles").await.click();
    // The review lists the roles added and removed; nothing is sent before "Save changes".
    let save = find("button", "Save changes").await;
    let review = text_of(".review");
    assert!(
        review.contains("Project Cluster Creator")
            && review.contains("Project Backup Creator")
            && review.contains("Removed")
            && review.contains("Project Owner"),
        "{review}"
    );
    let keys: Vec<ApiKey> = stored(&key, "apiKeys");
    assert_eq!(keys[0].roles[0].role_name, "GROUP_OWNER", "not sent yet");
    save.click();
    wait_until("the list shows the new roles", || {
        query("[role=dialog]").is_none()
            && row_of("Terraform pipeline").is_some_and(|r| {
                r.text_content()
                    .unwrap()
                    .contains("Project Cluster Creator")
            })
    })
    .await;
    let keys: Vec<ApiKey> = stored(&key, "apiKeys");
    let roles: Vec<&str> = keys[0]
        .roles
        .iter()
        .filter(|r| r.group_id.as_deref() == Some(PROJECT))
        .map(|r| r.role_name.as_str())
        .collect();
    assert_eq!(roles, ["GROUP_CLUSTER_CREATOR", "GROUP_BACKUP_CREATOR"]);
}

#[wasm_bindgen_test]
async fn removing_a_member_asks_first_and_the_last_project_owner_stays() {
    let key = fresh_key();
    let _app = mount_with(routes::TEAMS, &key);
    find("button", "Remove Platform SRE from Project")
        .await
        .click();
    wait_until("the confirmation", || query("[role=alertdialog]").is_some()).await;
    assert!(text_of("[role=alertdialog]").contains("Members of the team lose the roles"));
    find("button", "Cancel").await.click();
    wait_until("closed, nothing removed", || {
        query("[role=alertdialog]").is_none()
    })
    .await;
    assert!(row_of("Platform SRE").is_some());
    find("button", "Remove Platform SRE from Project")
        .await
        .click();
    find("[role=alertdialog] button", "Remove from Project")
        .await
        .click();
    wait_until("the team is gone", || {
        query("[role=alertdialog]").is_none() && row_of("Platform SRE").is_none()
    })
    .await;
    let teams: Vec<TeamRole> = stored(&key, "teams");
    assert!(teams.is_empty());

    // The Terraform key and Ada are the owners: removing the key is fine, removing Ada then is refused.
    find("[role=tab]", "API Keys").await.click();
    find("button", "Remove Terraform pipeline from Project")
        .await
        .click();
    find("[role=alertdialog] button", "Remove from Project")
        .await
        .click();
    wait_until("the key is gone", || {
        query("[role=alertdialog]").is_none() && row_of("Terraform pipeline").is_none()
    })
    .await;
    find("[role=tab]", "Users").await.click();
    find("button", "Remove ada.admin@example.com from Project")
        .await
        .click();
    find("[role=alertdialog] button", "Remove from Project")
        .await
        .click();
    wait_until("the refusal shows in the dialog", || {
        text_of("[role=alertdialog]").contains("The project must keep at least one Project Owner.")
    })
    .await;
    assert!(row_of("ada.admin@example.com").is_some());
}

#[wasm_bindgen_test]
async fn revert_changes_restores_a_members_loaded_roles() {
    let _app = mount_app_at(routes::API_KEYS);
    find("a", "Edit Roles for Terraform pipeline").await.click();
    dialog("Edit Roles for Terraform pipeline").await;
    let revert: web_sys::HtmlButtonElement =
        find("button", "Revert changes").await.unchecked_into();
    assert!(revert.disabled(), "nothing to revert yet");
    by_name("button", "Remove Project Owner").unwrap().click();
    choose(&dialog_picker(), "Project Cluster Creator").await;
    wait_until("revert is offered", || !revert.disabled()).await;
    revert.click();
    wait_until("the loaded roles are back", || {
        by_name("button", "Remove Project Owner").is_some()
            && by_name("button", "Remove Project Cluster Creator").is_none()
    })
    .await;
    assert!(revert.disabled());
}

#[wasm_bindgen_test]
async fn an_api_key_shows_and_saves_only_its_roles_in_this_project() {
    // The demo key also holds Project Cluster Manager in another project and Organization Member, as
    // Atlas lists keys (atlas-recordings/atlasprojectapikeys).
    let key = fresh_key();
    let _app = mount_with(routes::API_KEYS, &key);
    wait_until("API keys listed", || row_of("Reporting exporter").is_some()).await;
    let row = row_of("Reporting exporter")
        .unwrap()
        .text_content()
        .unwrap();
    assert!(row.contains("Project Data Access Read Only"), "{row}");
    assert!(
        !row.contains("Project Cluster Manager") && !row.contains("ORG_MEMBER"),
        "{row}"
    );
    find("a", "Edit Roles for Reporting exporter").await.click();
    dialog("Edit Roles for Reporting exporter").await;
    assert!(by_name("button", "Remove Project Data Access Read Only").is_some());
    assert!(by_name("button", "Remove Project Cluster Manager").is_none());
    choose(&dialog_picker(), "Project Read Only").await;
    find("button", "Save Roles").await.click();
    find("button", "Save changes").await.click();
    wait_until("saved", || query("[role=dialog]").is_none()).await;
    let keys: Vec<ApiKey> = stored(&key, "apiKeys");
    let exporter = keys
        .iter()
        .find(|k| k.desc == "Reporting exporter")
        .unwrap();
    let mut held: Vec<(Option<&str>, &str)> = exporter
        .roles
        .iter()
        .map(|r| (r.group_id.as_deref(), r.role_name.as_str()))
        .collect();
    held.sort();
    assert_eq!(
        held,
        [
            (None, "ORG_MEMBER"),
            (Some(PROJECT), "GROUP_DATA_ACCESS_READ_ONLY"),
            (Some(PROJECT), "GROUP_READ_ONLY"),
            (
                Some(domain::demo::OTHER_PROJECT_ID),
                "GROUP_CLUSTER_MANAGER"
            ),
        ],
        "only this project's roles were replaced"
    );
}

#[wasm_bindgen_test]
async fn a_member_holding_a_role_the_console_does_not_know_is_edited_and_keeps_it() {
    let key = fresh_key();
    let _app = mount_with(routes::PROJECT_USERS, &key);
    wait_until("users listed", || {
        row_of("sam.streams@example.com").is_some()
    })
    .await;
    let row = row_of("sam.streams@example.com")
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        row.contains("GROUP_NEWER_ROLE_EXAMPLE"),
        "shown by its API name: {row}"
    );
    find("a", "Edit Roles for sam.streams@example.com")
        .await
        .click();
    dialog("Edit Roles for sam.streams@example.com").await;
    assert!(by_name("button", "Remove GROUP_NEWER_ROLE_EXAMPLE").is_some());
    choose(&dialog_picker(), "Project Cluster Log Viewer").await;
    find("button", "Save Roles").await.click();
    find("button", "Save changes").await.click();
    wait_until("saved", || query("[role=dialog]").is_none()).await;
    let members: Vec<domain::model::ProjectUser> = stored(&key, "members");
    let sam = members
        .iter()
        .find(|m| m.username == "sam.streams@example.com")
        .unwrap();
    assert_eq!(
        sam.roles,
        [
            "GROUP_NEWER_ROLE_EXAMPLE",
            "GROUP_READ_ONLY",
            "GROUP_CLUSTER_LOG_VIEWER"
        ]
    );
}
