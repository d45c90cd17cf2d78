//! Adding members: inviting a user and adding a team, an API key's private key and a service account's
//! secret shown once, and zero roles refused next to the picker.
use super::*;

#[wasm_bindgen_test]
async fn an_api_key_shows_its_private_key_once_then_never_again() {
    let key = fresh_key();
    let _app = mount_with(routes::API_KEYS, &key);
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
    let _app = mount_with(&routes::add_member(MemberKind::ApiKey), &key);
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
async fn inviting_a_user_and_adding_a_team() {
    let key = fresh_key();
    let _app = mount_with(routes::PROJECT_USERS, &key);
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
    let _app = mount_with(&routes::add_member(MemberKind::ServiceAccount), &key);
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
