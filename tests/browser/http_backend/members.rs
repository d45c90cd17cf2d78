//! Project access over HTTP: an API key created with its private key shown once, a team added (the
//! organization's teams fetched once per load), what Atlas keeps beside this project's roles, and who
//! may call what.
use super::*;

/// Opens "Edit Roles" for rory.readonly (who holds Project Read Only) and waits for its dialog.
async fn open_rorys_roles() {
    find("a", "Edit Roles for rory.readonly@example.com")
        .await
        .click();
    settle("the dialog", || {
        by_name("button", "Remove Project Read Only").is_some()
    })
    .await;
}

#[wasm_bindgen_test]
async fn an_api_key_is_created_over_http_and_its_private_key_shown_once() {
    emu_reset().await;
    let _app = mount_http(routes::API_KEYS);
    find("a", "Create API Key").await.click();
    settle("the dialog", || input_labelled("Description").is_some()).await;
    type_into(&input_labelled("Description").unwrap(), "HTTP robot");
    choose(&dialog_picker(), "Project Read Only").await;
    find("button", "Create API Key").await.click();
    settle("the private key is shown", || {
        by_id("secret-value").is_some()
    })
    .await;
    let private = by_id("secret-value").unwrap().text_content().unwrap();
    assert!(!private.is_empty());
    let members = atlas().list_members().await.unwrap();
    assert!(members
        .iter()
        .any(|m| m.name == "HTTP robot" && m.roles == ["GROUP_READ_ONLY"]));
    // Listing keys never returns the private key again.
    let url = format!("{}/api/atlas/v2/groups/{EMU_PROJECT}/apiKeys", emu_url());
    let listed = gloo_net::http::Request::get(&url).send().await.unwrap();
    let keys = listed.json::<Paginated<ApiKey>>().await.unwrap().results;
    assert!(keys.iter().all(|k| k.private_key.is_none()));
}

/// How many times the organization's teams were fetched.
async fn org_team_fetches() -> usize {
    let log = emu_requests().await;
    // From this app's first request on (over HTTP it asks the portal who you are first): an earlier
    // test's app may still finish a read it started after the reset.
    let start = log
        .iter()
        .position(|l| l.starts_with("GET /api/portal/me"))
        .unwrap_or(0);
    log[start..]
        .iter()
        .filter(|l| l.starts_with("GET ") && l.contains("/orgs/") && l.contains("/teams"))
        .count()
}

#[wasm_bindgen_test]
async fn a_team_is_added_over_http_and_each_load_fetches_the_org_teams_once() {
    // An earlier test's app may still be finishing its reads: let them end, then count from a clean log.
    requests_answered().await;
    emu_reset().await;
    let _app = mount_http(&routes::add_member(MemberKind::Team));
    // Both uses of the organization's teams are ready: the team's name in the list behind the dialog
    // and the names "Team name" suggests.
    settle("the teams and the suggestions", || {
        text_of(".members-table").contains("Platform SRE")
            && query_all("[role=dialog] datalist option").len() == 4
    })
    .await;
    assert_eq!(org_team_fetches().await, 1, "{:?}", emu_requests().await);
    requests_answered().await;
    type_into(&input_labelled("Team name").unwrap(), "Data Engineering");
    choose(&dialog_picker(), "Project Read Only").await;
    find("button", "Add Team").await.click();
    settle("back on the teams with the new team", || {
        query("[role=dialog]").is_none() && text_of(".members-table").contains("Data Engineering")
    })
    .await;
    // The reads after the write fetched them once more, and read nothing of database access.
    // That second fetch, answered, is the positive sign: the write's other reads went out with it.
    assert_eq!(org_team_fetches().await, 2, "{:?}", emu_requests().await);
    let reads = reads_after(&emu_requests().await, "POST");
    assert!(
        !reads.iter().any(|r| r.starts_with("/customDBRoles")
            || r.starts_with("/databaseUsers")
            || r.starts_with("/clusters")
            || r.starts_with("/flexClusters")
            || r.starts_with("/ ")),
        "{reads:?}"
    );
    let members = atlas().list_members().await.unwrap();
    assert!(members
        .iter()
        .any(|m| m.name == "Data Engineering" && m.roles == ["GROUP_READ_ONLY"]));
}

// ---- Project access over HTTP: what Atlas keeps beside this project's roles, and who may call what ----

/// The API keys as the emulator holds them, every project and organization role included.
async fn raw_api_keys() -> Vec<ApiKey> {
    let url = format!("{}/api/atlas/v2/groups/{EMU_PROJECT}/apiKeys", emu_url());
    let res = gloo_net::http::Request::get(&url)
        .header("Accept", "application/vnd.atlas.2023-01-01+json")
        .send()
        .await
        .unwrap();
    res.json::<Paginated<ApiKey>>().await.unwrap().results
}

#[wasm_bindgen_test]
async fn over_http_an_api_key_shows_and_saves_only_its_roles_in_this_project() {
    emu_reset().await;
    let _app = mount_http(routes::API_KEYS);
    settle("API keys listed", || {
        page_text().contains("Reporting exporter")
    })
    .await;
    let exporter = by_name("a", "Edit Roles for Reporting exporter").expect("the key is listed");
    let row = exporter
        .closest("tr")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        row.contains("Project Data Access Read Only") && !row.contains("Project Cluster Manager"),
        "{row}"
    );
    exporter.click();
    settle("the dialog", || {
        by_name("button", "Remove Project Data Access Read Only").is_some()
    })
    .await;
    assert!(by_name("button", "Remove Project Cluster Manager").is_none());
    choose(&dialog_picker(), "Project Read Only").await;
    find("button", "Save Roles").await.click();
    find("button", "Save changes").await.click();
    settle("saved", || query("[role=dialog]").is_none()).await;
    let key = raw_api_keys()
        .await
        .into_iter()
        .find(|k| k.desc == "Reporting exporter")
        .unwrap();
    let mut here: Vec<&str> = key
        .roles
        .iter()
        .filter(|r| r.group_id.as_deref() == Some(EMU_PROJECT))
        .map(|r| r.role_name.as_str())
        .collect();
    here.sort();
    // Had the console sent the other project's role back, it would now be a role here.
    assert_eq!(here, ["GROUP_DATA_ACCESS_READ_ONLY", "GROUP_READ_ONLY"]);
    assert!(key.roles.iter().any(|r| r.group_id.as_deref()
        == Some(domain::demo::OTHER_PROJECT_ID)
        && r.role_name == "GROUP_CLUSTER_MANAGER"));
    assert!(key
        .roles
        .iter()
        .any(|r| r.org_id.is_some() && r.role_name == "ORG_MEMBER"));
}

#[wasm_bindgen_test]
async fn over_http_a_project_access_manager_changes_a_users_roles_with_add_role_and_remove_role() {
    emu_reset().await;
    // Atlas is called as a Project Access Manager: the deprecated PUT of a user's roles is Project
    // Owner's, :addRole/:removeRole are theirs (the spec's x-rolesRequirements).
    emu_control(
        "POST",
        "principal",
        r#"{"name": "amir.access@example.com", "projectRoles": ["GROUP_ACCESS_MANAGER"]}"#,
    )
    .await;
    let _app = mount_http(routes::PROJECT_USERS);
    open_rorys_roles().await;
    by_name("button", "Remove Project Read Only")
        .unwrap()
        .click();
    choose(&dialog_picker(), "Project Cluster Log Viewer").await;
    find("button", "Save Roles").await.click();
    find("button", "Save changes").await.click();
    settle("saved", || query("[role=dialog]").is_none()).await;
    let log = emu_requests().await;
    let rory = "users/aaaaaaaaaaaaaaaaaaaa0003";
    let add = log
        .iter()
        .position(|l| l == &format!("POST /api/atlas/v2/groups/{EMU_PROJECT}/{rory}:addRole 200"));
    let remove = log.iter().position(|l| {
        l == &format!("POST /api/atlas/v2/groups/{EMU_PROJECT}/{rory}:removeRole 200")
    });
    assert!(
        matches!((add, remove), (Some(a), Some(r)) if a < r),
        "added, then removed: {log:?}"
    );
    assert!(!log.iter().any(|l| l.starts_with("PUT")), "{log:?}");
    let members = atlas().list_members().await.unwrap();
    let roles = &members
        .iter()
        .find(|m| m.name == "rory.readonly@example.com")
        .unwrap()
        .roles;
    assert_eq!(roles, &["GROUP_CLUSTER_LOG_VIEWER"]);
}

/// A member's project roles changed over the Admin API while "Edit Roles" is open are re-read
/// before writing; "Take theirs" loads them and nothing of the colleague's is undone.
#[wasm_bindgen_test]
async fn over_http_a_members_roles_changed_meanwhile_are_shown_as_a_conflict() {
    emu_reset().await;
    let _app = mount_http(routes::PROJECT_USERS);
    open_rorys_roles().await;
    choose(&dialog_picker(), "Project Data Access Read Only").await;
    let rory = "aaaaaaaaaaaaaaaaaaaa0003";
    atlas()
        .set_member_roles(
            domain::project_access::MemberKind::User,
            rory.into(),
            vec!["GROUP_READ_ONLY".into(), "GROUP_CLUSTER_LOG_VIEWER".into()],
        )
        .await
        .unwrap();
    find("button", "Save Roles").await.click();
    find("button", "Save changes").await.click();
    settle("the conflict", || {
        text_of(".conflict h3") == "Someone else changed these roles"
    })
    .await;
    let conflict = text_of(".conflict");
    assert!(
        conflict.contains("Project Cluster Log Viewer"),
        "{conflict}"
    );
    assert!(
        conflict.contains("Project Data Access Read Only"),
        "{conflict}"
    );
    find("button", "Take theirs").await.click();
    settle("their roles in the picker", || {
        by_name("button", "Remove Project Cluster Log Viewer").is_some()
            && by_name("button", "Remove Project Data Access Read Only").is_none()
    })
    .await;
    let members = atlas().list_members().await.unwrap();
    let mut roles = members.iter().find(|m| m.id == rory).unwrap().roles.clone();
    roles.sort();
    assert_eq!(
        roles,
        ["GROUP_CLUSTER_LOG_VIEWER", "GROUP_READ_ONLY"],
        "theirs untouched"
    );
}
