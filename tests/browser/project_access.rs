//! Browser tests of Project Access: members and their project roles, the dialogs with the shared role
//! picker, secrets shown once, and the role guide. The principal-aware console is in `view_as.rs`.

use crate::support::*;
use domain::model::{ApiKey, ServiceAccount, TeamRole};
use domain::project::ActivityEvent;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

async fn dialog(title: &str) -> HtmlElement {
    wait_until(&format!("the dialog {title:?} is shown"), || {
        query("[role=dialog] .dialog-title")
            .is_some_and(|t| t.text_content().unwrap_or_default() == title)
    })
    .await;
    query("[role=dialog]").unwrap()
}

fn row_of(name: &str) -> Option<HtmlElement> {
    query_all(".members-table tbody tr").into_iter().find(|r| {
        r.query_selector("th")
            .unwrap()
            .and_then(|t| t.text_content())
            .unwrap_or_default()
            .starts_with(name)
    })
}

#[wasm_bindgen_test]
async fn tabs_list_each_kind_of_member_with_its_roles() {
    let _app = mount_app_at("/project-access");
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
async fn an_api_key_shows_its_private_key_once_then_never_again() {
    let key = fresh_key();
    let _app = mount_with("/project-access/api-keys", &key);
    find("a", "Create API Key").await.click();
    dialog("Create API Key").await;
    type_into(&input_labelled("Description").unwrap(), "Index robot");
    let picker = dialog_picker();
    assert_eq!(
        picker.get_attribute("aria-label").as_deref(),
        Some("Project Permissions")
    );
    choose(&picker, "Project Index Manager").await;
    choose(&picker, "Project Cluster Log Viewer").await;
    // What the chosen roles will and won't allow.
    let summary = text_of(".role-summary");
    assert!(summary.contains("manage indexes"), "{summary}");
    assert!(summary.contains("restore backups"), "{summary}");
    find("button", "Create API Key").await.click();
    wait_until("the private key is shown", || {
        by_id("secret-value").is_some()
    })
    .await;
    let private = by_id("secret-value").unwrap().text_content().unwrap();
    // Shaped like the spec's example private key ("55c3bbb6-b4bb-0be1-e66d20841f3e").
    let groups: Vec<usize> = private.split('-').map(str::len).collect();
    assert_eq!(groups, [8, 4, 4, 12], "{private}");
    assert!(page_text().contains("This is the only time the private key is shown"));
    assert!(by_name("button", "Copy private key").is_some());
    // Stored without it.
    let keys: Vec<ApiKey> = stored(&key, "apiKeys");
    let created = keys
        .iter()
        .find(|k| k.desc == "Index robot")
        .expect("key stored");
    assert_eq!(created.private_key, None);
    assert!(!storage()
        .get_item(&key)
        .unwrap()
        .unwrap()
        .contains(&private));
    let roles: Vec<&str> = created.roles.iter().map(|r| r.role_name.as_str()).collect();
    assert_eq!(roles, ["GROUP_INDEX_MANAGER", "GROUP_CLUSTER_LOG_VIEWER"]);
    // Done: back to the list, the key with its roles and its private key nowhere in the page.
    find("button", "Done").await.click();
    wait_until("back on the list", || {
        row_of("Index robot").is_some() && query("[role=dialog]").is_none()
    })
    .await;
    let row = row_of("Index robot").unwrap().text_content().unwrap();
    assert!(row.contains("Project Index Manager") && row.contains("Project Cluster Log Viewer"));
    assert!(!document().body().unwrap().inner_html().contains(&private));
    // Recorded, with who did it.
    let feed: Vec<ActivityEvent> = stored(&key, "activity");
    let last = feed.last().unwrap();
    assert_eq!(
        (last.target.as_str(), last.principal.as_str()),
        ("API key Index robot", "ada.admin@example.com")
    );
}

#[wasm_bindgen_test]
async fn zero_roles_are_refused_next_to_the_picker_and_nothing_is_created() {
    let key = fresh_key();
    let _app = mount_with("/project-access/api-keys/new", &key);
    dialog("Create API Key").await;
    type_into(&input_labelled("Description").unwrap(), "No roles");
    find("button", "Create API Key").await.click();
    wait_until("the roles error shows", || {
        messages_of(&dialog_picker()).contains("Choose at least one project role.")
    })
    .await;
    assert_eq!(
        dialog_picker().get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(
        input_labelled("Description").unwrap().value(),
        "No roles",
        "input kept"
    );
    let keys: Vec<ApiKey> = stored(&key, "apiKeys");
    assert!(keys.iter().all(|k| k.desc != "No roles"));
}

#[wasm_bindgen_test]
async fn editing_an_api_keys_roles_replaces_them() {
    let key = fresh_key();
    let _app = mount_with("/project-access/api-keys", &key);
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

/// The standard demo project's id.
const PROJECT: &str = "6650f1c2a4b3c2d1e0f9a8b7";

#[wasm_bindgen_test]
async fn choosing_project_owner_warns_and_suggests_purpose_built_roles() {
    let _app = mount_app_at("/project-access/users/invite");
    dialog("Invite to Project").await;
    assert!(query(".banner-warning").is_none());
    let picker = dialog_picker();
    open(&picker).await;
    // Grouped by purpose, each role with its description.
    let groups: Vec<String> = query_all(".listbox-group-label")
        .iter()
        .map(|g| g.text_content().unwrap())
        .collect();
    assert!(
        groups.contains(&"Backup".to_string()) && groups.contains(&"Database access".to_string()),
        "{groups:?}"
    );
    assert_eq!(query_all("[role=dialog] [role=option]").len(), 26);
    assert!(option(&picker, "Project Backup Recovery Operator")
        .unwrap()
        .text_content()
        .unwrap()
        .contains("restore"));
    choose(&picker, "Project Owner").await;
    wait_until("the warning shows", || {
        text_of(".banner-warning").contains("Project Owner grants every permission")
    })
    .await;
    assert!(
        text_of(".banner-warning").contains("Project Backup Recovery Operator to restore backups")
    );
    // Type to filter.
    type_into(&picker, "recovery");
    wait_until("filtered to the recovery role", || {
        query_all("[role=dialog] [role=option]").len() == 1
    })
    .await;
}

#[wasm_bindgen_test]
async fn inviting_a_user_and_adding_a_team() {
    let key = fresh_key();
    let _app = mount_with("/project-access/users", &key);
    find("a", "Invite to Project").await.click();
    dialog("Invite to Project").await;
    let email = input_labelled("Email address").unwrap();
    type_into(&email, "not-an-email");
    blur(&email);
    wait_until("the email error", || {
        messages_of(&email).contains("not a valid email address")
    })
    .await;
    type_into(&email, "new.person@example.com");
    choose(&dialog_picker(), "Project Backup Recovery Operator").await;
    find("button", "Invite").await.click();
    wait_until("invited user listed", || {
        query("[role=dialog]").is_none() && row_of("new.person@example.com").is_some()
    })
    .await;
    let row = row_of("new.person@example.com")
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        row.contains("Invitation pending") && row.contains("Project Backup Recovery Operator"),
        "{row}"
    );

    find("[role=tab]", "Teams").await.click();
    find("a", "Add Team").await.click();
    dialog("Add Team").await;
    let team = input_labelled("Team name").unwrap();
    type_into(&team, "Nobody");
    blur(&team);
    wait_until("unknown team refused", || {
        messages_of(&team).contains("No team named Nobody exists")
    })
    .await;
    type_into(&team, "Security");
    choose(&dialog_picker(), "Project Network Access Manager").await;
    find("button", "Add Team").await.click();
    wait_until("team listed", || {
        query("[role=dialog]").is_none() && row_of("Security").is_some()
    })
    .await;
    let teams: Vec<TeamRole> = stored(&key, "teams");
    assert!(teams
        .iter()
        .any(|t| t.role_names == ["GROUP_NETWORK_ACCESS_MANAGER"]));
    let feed: Vec<ActivityEvent> = stored(&key, "activity");
    let targets: Vec<&str> = feed.iter().map(|e| e.target.as_str()).collect();
    assert!(
        targets.contains(&"User new.person@example.com") && targets.contains(&"Team Security"),
        "{targets:?}"
    );
}

#[wasm_bindgen_test]
async fn a_service_accounts_secret_is_shown_once() {
    let key = fresh_key();
    let _app = mount_with("/project-access/service-accounts/new", &key);
    dialog("Create Service Account").await;
    type_into(&input_labelled("Name").unwrap(), "deploy bot");
    type_into(
        &input_labelled("Description").unwrap(),
        "Builds indexes on deploy",
    );
    choose(&dialog_picker(), "Project Index Manager").await;
    select("sa-expiry", "720");
    find("button", "Create Service Account").await.click();
    wait_until("the secret is shown", || by_id("secret-value").is_some()).await;
    let secret = by_id("secret-value").unwrap().text_content().unwrap();
    assert!(
        secret.starts_with("mdb_sa_sk_") && secret.len() > 20,
        "{secret}"
    );
    assert!(page_text().contains("This is the only time the client secret is shown"));
    let accounts: Vec<ServiceAccount> = stored(&key, "serviceAccounts");
    let sa = accounts.iter().find(|s| s.name == "deploy bot").unwrap();
    assert_eq!(sa.secrets[0].secret, None);
    assert!(!storage().get_item(&key).unwrap().unwrap().contains(&secret));
    find("button", "Done").await.click();
    wait_until("listed without the secret", || {
        row_of("deploy bot").is_some() && by_id("secret-value").is_none()
    })
    .await;
    assert!(!document().body().unwrap().inner_html().contains(&secret));
}

#[wasm_bindgen_test]
async fn the_role_guide_finds_the_least_privileged_role_to_restore() {
    let _app = mount_app_at("/which-role");
    wait_until("the matrix shows every role", || {
        query_all(".role-matrix tbody tr").len() == 26
    })
    .await;
    type_into(&input_labelled("Task").unwrap(), "restore");
    wait_until("the answer names the recovery operator", || {
        text_of(".guide-answer").contains("Project Backup Recovery Operator")
    })
    .await;
    let least: Vec<String> = query_all(".role-matrix tr.least th")
        .iter()
        .map(|t| t.text_content().unwrap())
        .collect();
    assert_eq!(least.len(), 1, "{least:?}");
    assert!(least[0].starts_with("Project Backup Recovery Operator"));
    // Only the matching column remains.
    assert_eq!(query_all(".role-matrix thead th").len(), 2);
}

#[wasm_bindgen_test]
async fn removing_a_member_asks_first_and_the_last_project_owner_stays() {
    let key = fresh_key();
    let _app = mount_with("/project-access/teams", &key);
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
    let _app = mount_app_at("/project-access/api-keys");
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
    let _app = mount_with("/project-access/api-keys", &key);
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
    let _app = mount_with("/project-access/users", &key);
    wait_until("users listed", || {
        row_of("sam.streams@example.com").is_some()
    })
    .await;
    let row = row_of("sam.streams@example.com")
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        row.contains("GROUP_STREAM_PROCESSING_MANAGER"),
        "shown by its API name: {row}"
    );
    find("a", "Edit Roles for sam.streams@example.com")
        .await
        .click();
    dialog("Edit Roles for sam.streams@example.com").await;
    assert!(by_name("button", "Remove GROUP_STREAM_PROCESSING_MANAGER").is_some());
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
            "GROUP_STREAM_PROCESSING_MANAGER",
            "GROUP_READ_ONLY",
            "GROUP_CLUSTER_LOG_VIEWER"
        ]
    );
}

// Every form takes the person to the first field that says why a submit was refused (the role editor
// and the user dialog always did; the Project Access dialogs left focus on the button).
#[wasm_bindgen_test]
async fn a_refused_submit_moves_focus_to_the_field_that_says_why() {
    let _app = mount_app_at("/project-access/api-keys/new");
    dialog("Create API Key").await;
    type_into(&input_labelled("Description").unwrap(), "No roles yet");
    let create = find("button", "Create API Key").await;
    create.focus().unwrap();
    create.click();
    wait_until("the roles error shows", || {
        messages_of(&dialog_picker()).contains("Choose at least one project role.")
    })
    .await;
    wait_until("focus on the picker", || {
        document()
            .active_element()
            .is_some_and(|e| e.id() == dialog_picker().id())
    })
    .await;
}
