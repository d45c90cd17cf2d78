//! What is read when over HTTP: the first screen reads only what it shows, a write reads again only what
//! it changed, a slow answer holds back only what needs it, and the Activity Feed says where Atlas keeps it.
use super::*;

#[wasm_bindgen_test]
async fn a_role_write_reads_again_only_the_roles_and_users() {
    emu_reset().await;
    let _app = mount_http(NEW);
    // Reads of the first load (and any a test before left running) are not the write's.
    first_load_answered().await;
    fill_find_role("http_scoped", "sales", "orders").await;
    submit_role();
    settle("back on the list with the new role", || {
        pathname() == LIST && row_names().contains(&"http_scoped".to_string())
    })
    .await;
    // A positive sign, not a pause: the write's reads of roles and users have both been answered. A read it
    // set off beside them that is answered later would be missed (the test passes wrongly, never fails).
    poll_until("the write's reads are answered", async || {
        let reads = reads_after(&emu_requests().await, "POST");
        reads.iter().any(|r| r == "/customDBRoles/roles 200")
            && reads.iter().any(|r| r.starts_with("/databaseUsers"))
    })
    .await;
    let reads = reads_after(&emu_requests().await, "POST");
    assert!(
        reads.iter().all(|r| r.starts_with("/customDBRoles/roles")
            || r.starts_with("/databaseUsers")),
        "only the custom roles and database users are read again, not the project or its access: {reads:?}"
    );
    assert!(reads.iter().any(|r| r == "/customDBRoles/roles 200"));
    assert!(reads.iter().any(|r| r.starts_with("/databaseUsers")));
}

#[wasm_bindgen_test]
async fn a_slow_answer_holds_back_only_what_needs_it() {
    emu_reset().await;
    // The custom roles take 4 s to answer.
    emu_arm("delay:4000", "GET", "/customDBRoles/roles", 1).await;
    // A timeout longer than the delay: this is about waiting, not giving up.
    let _app = mount_config(
        routes::PROJECT_USERS,
        Config::http(emu_url(), EMU_PROJECT, 10_000),
    );
    // Project access doesn't need them (it waited for them when the reads went one after another).
    settle("the project's members are listed", || {
        text_of(".members-table").contains("@")
    })
    .await;
    // Order, not wall-clock time: the members are listed while the roles are still held.
    find("a", "Database Access").await.click();
    wait_until("the custom roles tab", || {
        pathname() == routes::CUSTOM_ROLES
    })
    .await;
    assert!(
        text_of(".loading").contains("Loading custom roles"),
        "the members were listed only after the roles: {}",
        page_text()
    );
    // Database users are checked against the custom roles: they are shown with them, and the user
    // dialog then knows every role the user holds.
    find("a", "Database Users").await.click();
    settle("the users are listed", || {
        text_of(".users-table").contains("bi-reader")
    })
    .await;
    find("a", "Edit bi-reader").await.click();
    settle("the dialog", || by_id("user-builtin").is_some()).await;
    select("user-builtin", "readAnyDatabase");
    submit_with(&["Update User"]);
    find("button", "Save changes").await;
}

#[wasm_bindgen_test]
async fn the_activity_feed_over_http_says_where_the_feed_is() {
    emu_reset().await;
    let _app = mount_http(routes::ACTIVITY);
    settle("the feed has loaded", || {
        text_of(".empty-state").contains("see the project's Activity Feed in Atlas")
    })
    .await;
}

/// Until the first load has read the database users (with the custom roles, its last reads) and every
/// request is answered.
async fn first_load_answered() {
    poll_until("the first load reads the database users", async || {
        emu_requests()
            .await
            .iter()
            .any(|l| l.contains("/databaseUsers"))
    })
    .await;
    requests_answered().await;
}

/// Reads of the project's access (its users, teams, API keys, service accounts, the organization's teams)
/// in the emulator's log.
fn access_reads(log: &[String]) -> Vec<String> {
    log.iter()
        .filter(|l| l.starts_with("GET "))
        .filter(|l| {
            ["/users", "/teams", "/apiKeys", "/serviceAccounts"]
                .iter()
                .any(|p| l.contains(&format!("{p} ")) || l.contains(&format!("{p}?")))
        })
        .cloned()
        .collect()
}

#[wasm_bindgen_test]
async fn the_custom_roles_list_reads_the_project_access_only_once_it_is_opened() {
    // Requests a test before left running are answered before the log starts again.
    requests_answered().await;
    emu_reset().await;
    let _app = mount_http(LIST);
    settle("the list shows the roles", || !row_names().is_empty()).await;
    first_load_answered().await;
    let log = emu_requests().await;
    assert!(
        access_reads(&log).is_empty(),
        "the first screen shows none of the project's access, and its code loads on demand: {log:?}"
    );
    find("a", "Project Access").await.click();
    settle("the project's members are listed", || {
        text_of(".members-table").contains("@")
    })
    .await;
    requests_answered().await;
    let reads = access_reads(&emu_requests().await);
    for part in ["/users", "/teams", "/apiKeys", "/serviceAccounts"] {
        assert!(
            reads
                .iter()
                .any(|r| r.contains(&format!("/groups/{EMU_PROJECT}{part}"))),
            "Project Access reads {part}: {reads:?}"
        );
    }
    assert!(
        reads.iter().any(|r| r.contains("/orgs/")),
        "and the organization's teams: {reads:?}"
    );
}
