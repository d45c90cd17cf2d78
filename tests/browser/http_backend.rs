//! Browser tests of the console on the Admin API over HTTP, against the local emulator (started by
//! `scripts/test browser`, which passes its address in `DBACCESS_EMULATOR` at build time): the real UI
//! creates, edits and deletes a role, edits and deletes a user, creates an API key, adds a team (fetching the
//! organization's teams once per load), and survives faults — a 500 and a timeout keep the input and offer
//! "Try again", a 429 is retried, a 409 lands on its field, a slow answer holds back only what needs it.

use crate::support::*;
use dbaccess::backend::http::HttpBackend;
use dbaccess::backend::Backend;
use dbaccess::config::Config;
use dbaccess::ui::shell::routes;
use domain::model::{ApiKey, CustomDbRole, Paginated};
use domain::permissions::proxy_principal;
use domain::project_access::MemberKind;
use wasm_bindgen_test::*;

const LIST: &str = routes::CUSTOM_ROLES;
const NEW: &str = routes::NEW_ROLE;
/// The emulator's project (the standard demo's id).
const PROJECT: &str = "6650f1c2a4b3c2d1e0f9a8b7";
/// Short, so the timeout test is quick; the emulator answers in milliseconds otherwise.
const TIMEOUT_MS: u32 = 2_500;

fn emulator() -> &'static str {
    match option_env!("DBACCESS_EMULATOR") {
        Some(url) => url,
        None => panic!(
            "DBACCESS_EMULATOR is not set: run these tests with scripts/test browser, which starts the emulator"
        ),
    }
}

/// Talks to the emulator's test controls.
async fn control(method: &str, what: &str, body: &str) {
    let url = format!("{}/__emulator/{what}", emulator());
    let req = gloo_net::http::RequestBuilder::new(&url)
        .method(method.parse().unwrap())
        .header("Content-Type", "application/json")
        .body(body.to_string())
        .unwrap();
    let res = req.send().await.expect("the emulator answers");
    assert!(res.ok(), "control {what}: {}", res.text().await.unwrap());
}

/// Back to the standard demo project, no faults armed, an empty request log.
async fn reset() {
    control("POST", "reset", "").await;
}

async fn arm(fault: &str, method: &str, path: &str) {
    let body = serde_json::json!({ "fault": fault, "method": method, "path": path }).to_string();
    control("POST", "faults", &body).await;
}

/// `METHOD path status` of each API request the emulator answered.
async fn requests() -> Vec<String> {
    let url = format!("{}/__emulator/requests", emulator());
    let res = gloo_net::http::Request::get(&url).send().await.unwrap();
    res.json().await.unwrap()
}

/// What the emulator holds, read over HTTP as the console reads it.
fn atlas() -> HttpBackend {
    HttpBackend::new(emulator(), PROJECT, 10_000, proxy_principal())
}

/// Waits for something that crosses the network (retries and timeouts included).
async fn settle(what: &str, cond: impl Fn() -> bool) {
    wait_until_for(what, 10_000, cond).await
}

fn mount_http(url: &str) -> Mounted {
    mount_config(url, Config::http(emulator(), PROJECT, TIMEOUT_MS))
}

async fn roles() -> Vec<CustomDbRole> {
    atlas().list_custom_roles().await.unwrap()
}

#[wasm_bindgen_test]
async fn a_role_is_created_edited_and_deleted_over_http_with_a_429_retried() {
    reset().await;
    // Atlas answers 202 before a new role is readable: the console waits for it.
    control("POST", "propagation", r#"{"ms": 600}"#).await;
    arm("429:1", "POST", "/customDBRoles/roles").await;
    let _app = mount_http(NEW);
    fill_find_role("http_auditor", "sales", "orders").await;
    submit_role();
    settle("back on the list with the new role", || {
        pathname() == LIST && row_names().contains(&"http_auditor".to_string())
    })
    .await;
    let log = requests().await;
    let posts: Vec<&String> = log
        .iter()
        .filter(|l| l.starts_with("POST") && l.contains("customDBRoles"))
        .collect();
    assert_eq!(
        posts.len(),
        2,
        "rate limited once, then sent again: {log:?}"
    );
    assert!(
        posts[0].ends_with("429") && posts[1].ends_with("202"),
        "{posts:?}"
    );
    assert!(
        log.iter()
            .any(|l| l.starts_with("GET") && l.contains("roles/http_auditor 404")),
        "read back while it propagated: {log:?}"
    );
    let created = roles()
        .await
        .into_iter()
        .find(|r| r.role_name == "http_auditor")
        .unwrap();
    assert_eq!(created.actions[0].action, "FIND");

    find("a", "Edit http_auditor").await.click();
    editor_ready().await;
    let coll = input_labelled("Collection").unwrap();
    type_into(&coll, "invoices");
    submit_role();
    // The review step, then the save re-reads the role before the PATCH.
    find("button", "Save changes").await.click();
    settle("saved", || pathname() == LIST).await;
    wait_until_async_roles("the collection changed on the server", |rs| {
        rs.iter().any(|r| {
            r.role_name == "http_auditor" && r.actions[0].resources[0].collection == "invoices"
        })
    })
    .await;
    let log = requests().await;
    let patch = log
        .iter()
        .position(|l| l.starts_with("PATCH") && l.contains("roles/http_auditor"))
        .expect("the update was sent");
    // Reads of this one role before the PATCH: the create's read-back, then the editor's re-read
    // (other entries are background reloads).
    let reads = log[..patch]
        .iter()
        .filter(|l| l.starts_with("GET") && l.ends_with("roles/http_auditor 200"))
        .count();
    assert_eq!(reads, 2, "the role is re-read before the PATCH: {log:?}");

    find("button", "Delete http_auditor").await.click();
    settle("asked", || query("[role=alertdialog]").is_some()).await;
    by_name("[role=alertdialog] button", "Delete")
        .unwrap()
        .click();
    settle("gone from the list", || {
        !row_names().contains(&"http_auditor".to_string())
    })
    .await;
    assert!(!roles().await.iter().any(|r| r.role_name == "http_auditor"));
}

/// Polls the server's roles until `cond` holds.
/// Asks `check` every 50 ms, for at most 5 s, until it holds (`check` reads the emulator over HTTP).
async fn poll_until(what: &str, check: impl AsyncFn() -> bool) {
    for _ in 0..100 {
        if check().await {
            return;
        }
        sleep(50).await;
    }
    panic!("timed out waiting: {what}");
}

async fn wait_until_async_roles(what: &str, cond: impl Fn(&[CustomDbRole]) -> bool) {
    poll_until(what, async || cond(&roles().await)).await
}

#[wasm_bindgen_test]
async fn a_server_error_keeps_the_input_and_try_again_sends_it() {
    reset().await;
    arm("500", "POST", "/customDBRoles/roles").await;
    let _app = mount_http(NEW);
    fill_find_role("after_outage", "sales", "orders").await;
    submit_role();
    settle("the failure is reported", || {
        text_of("[role=alert]").contains("The change was not completed")
    })
    .await;
    assert_eq!(pathname(), NEW, "still in the editor");
    assert_eq!(
        input_labelled("Custom Role Name").unwrap().value(),
        "after_outage"
    );
    assert_eq!(input_labelled("Collection").unwrap().value(), "orders");
    assert!(!roles().await.iter().any(|r| r.role_name == "after_outage"));
    find("[role=alert] button", "Try again").await.click();
    settle("created on the second try", || {
        pathname() == LIST && row_names().contains(&"after_outage".to_string())
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_timeout_keeps_the_input_says_so_and_offers_retry() {
    reset().await;
    arm("delay:6000", "POST", "/customDBRoles/roles").await;
    let _app = mount_http(NEW);
    fill_find_role("slow_answer", "sales", "orders").await;
    submit_role();
    settle("the timeout is reported", || {
        text_of("[role=alert]").contains("did not answer within 3 seconds")
    })
    .await;
    // A create that timed out may still land: the message says so instead of promising either way.
    assert!(text_of("[role=alert]").contains("may or may not have been made"));
    assert!(by_name("[role=alert] button", "Try again").is_some());
    assert_eq!(pathname(), NEW);
    assert_eq!(
        input_labelled("Custom Role Name").unwrap().value(),
        "slow_answer"
    );
    assert_eq!(input_labelled("Collection").unwrap().value(), "orders");
}

#[wasm_bindgen_test]
async fn a_conflict_from_atlas_lands_on_the_name_field() {
    reset().await;
    let _app = mount_http(NEW);
    fill_find_role("taken_meanwhile", "sales", "orders").await;
    // Someone else creates the same name after the console loaded the roles.
    let other = CustomDbRole {
        role_name: "taken_meanwhile".to_string(),
        ..roles().await[0].clone()
    };
    atlas().create_custom_role(other).await.unwrap();
    submit_role();
    let name = input_labelled("Custom Role Name").unwrap();
    settle("the name is marked invalid", || {
        name.get_attribute("aria-invalid").as_deref() == Some("true")
    })
    .await;
    assert!(
        messages_of(&name).contains("already exists"),
        "{}",
        messages_of(&name)
    );
    assert_eq!(name.value(), "taken_meanwhile");
}

#[wasm_bindgen_test]
async fn a_database_user_is_edited_and_deleted_over_http() {
    reset().await;
    let _app = mount_http(routes::DATABASE_USERS);
    find("a", "Edit bi-reader").await.click();
    settle("the dialog", || by_id("user-builtin").is_some()).await;
    select("user-builtin", "readAnyDatabase");
    submit_with(&["Update User"]);
    find("button", "Save changes").await.click();
    settle("saved", || pathname() == routes::DATABASE_USERS).await;
    let users = atlas().list_database_users().await.unwrap();
    let u = users.iter().find(|u| u.username == "bi-reader").unwrap();
    assert!(
        u.roles.iter().any(|r| r.role_name == "readAnyDatabase"),
        "{:?}",
        u.roles
    );

    find("button", "Delete bi-reader").await.click();
    settle("asked", || query("[role=alertdialog]").is_some()).await;
    by_name("[role=alertdialog] button", "Delete")
        .unwrap()
        .click();
    settle("gone", || by_name("button", "Delete bi-reader").is_none()).await;
    let users = atlas().list_database_users().await.unwrap();
    assert!(!users.iter().any(|u| u.username == "bi-reader"));
}

/// Issue 18 §3 over HTTP: Atlas answers a new certificate with PEM text under its JSON media type; the
/// console reads it as text and shows it once.
#[wasm_bindgen_test]
async fn an_x509_certificate_is_created_over_http_and_shown_once() {
    reset().await;
    let mut user = domain::model::DatabaseUser::new("cert-user");
    user.database_name = "$external".into();
    user.x509_type = domain::model::X509Type::Managed;
    user.roles = vec![domain::model::DatabaseUserRole::new("read", "sales")];
    atlas().create_database_user(user).await.unwrap();
    let _app = mount_http(routes::DATABASE_USERS);
    find("button", "Download Certificate for cert-user")
        .await
        .click();
    settle("the dialog", || by_id("cert-dialog").is_some()).await;
    find("button", "Create Certificate").await.click();
    settle("the PEM is shown", || shown_certificate().is_some()).await;
    assert!(requests()
        .await
        .iter()
        .any(|r| r.starts_with("POST") && r.contains("/databaseUsers/cert-user/certs 201")));
}

#[wasm_bindgen_test]
async fn an_api_key_is_created_over_http_and_its_private_key_shown_once() {
    reset().await;
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
    let url = format!("{}/api/atlas/v2/groups/{PROJECT}/apiKeys", emulator());
    let listed = gloo_net::http::Request::get(&url).send().await.unwrap();
    let keys = listed.json::<Paginated<ApiKey>>().await.unwrap().results;
    assert!(keys.iter().all(|k| k.private_key.is_none()));
}

/// Waits until the emulator has answered nothing new for 300 ms.
async fn until_quiet() {
    let mut seen = requests().await.len();
    for _ in 0..10 {
        sleep(300).await;
        let now = requests().await.len();
        if now == seen {
            return;
        }
        seen = now;
    }
    panic!("requests kept coming: {:?}", requests().await);
}

/// The paths read (GET) after the first request starting with `write` in the log, with their status,
/// relative to the project ("/ 200" is the project itself).
fn reads_after(log: &[String], write: &str) -> Vec<String> {
    let at = log
        .iter()
        .position(|l| l.starts_with(write))
        .unwrap_or_else(|| panic!("{write} was sent: {log:?}"));
    let project = format!("/api/atlas/v2/groups/{PROJECT}");
    log[at + 1..]
        .iter()
        .filter_map(|l| l.strip_prefix("GET "))
        .map(|l| match l.strip_prefix(&project) {
            Some(rest) if rest.starts_with(' ') => format!("/{rest}"),
            Some(rest) => rest.to_string(),
            None => l.to_string(),
        })
        .collect()
}

#[wasm_bindgen_test]
async fn a_role_write_reads_again_only_the_roles_and_users() {
    reset().await;
    let _app = mount_http(NEW);
    // Reads of the first load (and any a test before left running) are not the write's.
    poll_until("the first load reads the service accounts", async || {
        requests()
            .await
            .iter()
            .any(|l| l.contains("/serviceAccounts"))
    })
    .await;
    until_quiet().await;
    fill_find_role("http_scoped", "sales", "orders").await;
    submit_role();
    settle("back on the list with the new role", || {
        pathname() == LIST && row_names().contains(&"http_scoped".to_string())
    })
    .await;
    // Anything else the write set off would have been asked for by now.
    sleep(500).await;
    let reads = reads_after(&requests().await, "POST");
    assert!(
        reads.iter().all(|r| r.starts_with("/customDBRoles/roles")
            || r.starts_with("/databaseUsers")),
        "only the custom roles and database users are read again, not the project or its access: {reads:?}"
    );
    assert!(reads.iter().any(|r| r == "/customDBRoles/roles 200"));
    assert!(reads.iter().any(|r| r.starts_with("/databaseUsers")));
}

/// How many times the organization's teams were fetched.
async fn org_team_fetches() -> usize {
    let log = requests().await;
    log.iter()
        .filter(|l| l.starts_with("GET ") && l.contains("/orgs/") && l.contains("/teams"))
        .count()
}

#[wasm_bindgen_test]
async fn a_team_is_added_over_http_and_each_load_fetches_the_org_teams_once() {
    reset().await;
    let _app = mount_http(&routes::add_member(MemberKind::Team));
    // Both uses of the organization's teams are ready: the team's name in the list behind the dialog
    // and the names "Team name" suggests.
    settle("the teams and the suggestions", || {
        text_of(".members-table").contains("Platform SRE")
            && query_all("[role=dialog] datalist option").len() == 4
    })
    .await;
    assert_eq!(org_team_fetches().await, 1, "{:?}", requests().await);
    until_quiet().await;
    type_into(&input_labelled("Team name").unwrap(), "Data Engineering");
    choose(&dialog_picker(), "Project Read Only").await;
    find("button", "Add Team").await.click();
    settle("back on the teams with the new team", || {
        query("[role=dialog]").is_none() && text_of(".members-table").contains("Data Engineering")
    })
    .await;
    // The reads after the write fetched them once more, and read nothing of database access.
    assert_eq!(org_team_fetches().await, 2, "{:?}", requests().await);
    sleep(500).await;
    let reads = reads_after(&requests().await, "POST");
    assert!(
        !reads.iter().any(|r| r.starts_with("/customDBRoles")
            || r.starts_with("/databaseUsers")
            || r.starts_with("/clusters")
            || r.starts_with("/ ")),
        "{reads:?}"
    );
    let members = atlas().list_members().await.unwrap();
    assert!(members
        .iter()
        .any(|m| m.name == "Data Engineering" && m.roles == ["GROUP_READ_ONLY"]));
}

#[wasm_bindgen_test]
async fn a_slow_answer_holds_back_only_what_needs_it() {
    reset().await;
    // The custom roles take 4 s to answer.
    arm("delay:4000", "GET", "/customDBRoles/roles").await;
    // A timeout longer than the delay: this is about waiting, not giving up.
    let _app = mount_config(
        routes::PROJECT_USERS,
        Config::http(emulator(), PROJECT, 10_000),
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
    reset().await;
    let _app = mount_http(routes::ACTIVITY);
    settle("the feed has loaded", || {
        text_of(".empty-state").contains("see the project's Activity Feed in Atlas")
    })
    .await;
}

// ---- Database users over HTTP: Atlas's PATCH semantics ----

/// The JSON body of each write the emulator received, newest last.
async fn write_bodies() -> Vec<serde_json::Value> {
    let url = format!("{}/__emulator/bodies", emulator());
    let res = gloo_net::http::Request::get(&url).send().await.unwrap();
    res.json().await.unwrap()
}

async fn http_user(name: &str) -> domain::model::DatabaseUser {
    atlas()
        .list_database_users()
        .await
        .unwrap()
        .into_iter()
        .find(|u| u.username == name)
        .unwrap()
}

async fn edit_user_over_http(name: &str) {
    find("a", &format!("Edit {name}")).await.click();
    settle("the dialog", || by_id("user-builtin").is_some()).await;
}

async fn save_user_over_http() {
    submit_with(&["Update User"]);
    find("button", "Save changes").await.click();
    settle("saved", || pathname() == routes::DATABASE_USERS).await;
}

#[wasm_bindgen_test]
async fn an_ldap_group_user_keeps_its_type_and_unticking_the_restriction_sends_empty_scopes() {
    reset().await;
    let _app = mount_http(routes::DATABASE_USERS);
    let group = "CN=dba-team,OU=groups,DC=example,DC=com";
    edit_user_over_http(group).await;
    select("user-builtin", "readAnyDatabase");
    save_user_over_http().await;
    let u = http_user(group).await;
    assert_eq!(u.ldap_auth_type, domain::model::LdapAuthType::Group);
    assert_eq!(u.database_name, "admin");
    assert!(u.roles.iter().any(|r| r.role_name == "readAnyDatabase"));

    // The stream workspace comes from GET …/streams and keeps its type through an edit.
    edit_user_over_http("stream-ingest").await;
    settle("the stream workspace is offered", || {
        input_labelled("OrderEvents").is_some_and(|i| i.checked())
    })
    .await;
    select("user-builtin", "readAnyDatabase");
    save_user_over_http().await;
    let u = http_user("stream-ingest").await;
    assert_eq!(u.scopes.len(), 1);
    assert_eq!(u.scopes[0].kind, domain::model::ScopeType::Stream);

    // Unticking the restriction lifts it: the PATCH carries "scopes": [] (absent would keep it).
    edit_user_over_http("lake-analyst").await;
    input_labelled("Restrict access to specific clusters")
        .unwrap()
        .click();
    save_user_over_http().await;
    let bodies = write_bodies().await;
    let patch = bodies
        .iter()
        .rev()
        .find(|b| {
            let r = b["request"].as_str().unwrap_or_default();
            r.starts_with("PATCH") && r.contains("lake-analyst")
        })
        .expect("the PATCH was logged");
    assert_eq!(patch["body"]["scopes"], serde_json::json!([]), "{patch}");
    assert!(patch["body"].get("password").is_none(), "{patch}");
    assert!(http_user("lake-analyst").await.scopes.is_empty());
}

// ---- Project access over HTTP: what Atlas keeps beside this project's roles, and who may call what ----

/// The API keys as the emulator holds them, every project and organization role included.
async fn raw_api_keys() -> Vec<ApiKey> {
    let url = format!("{}/api/atlas/v2/groups/{PROJECT}/apiKeys", emulator());
    let res = gloo_net::http::Request::get(&url)
        .header("Accept", "application/vnd.atlas.2023-01-01+json")
        .send()
        .await
        .unwrap();
    res.json::<Paginated<ApiKey>>().await.unwrap().results
}

#[wasm_bindgen_test]
async fn over_http_an_api_key_shows_and_saves_only_its_roles_in_this_project() {
    reset().await;
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
        .filter(|r| r.group_id.as_deref() == Some(PROJECT))
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
    reset().await;
    // Atlas is called as a Project Access Manager: the deprecated PUT of a user's roles is Project
    // Owner's, :addRole/:removeRole are theirs (the spec's x-rolesRequirements).
    control(
        "POST",
        "principal",
        r#"{"name": "amir.access@example.com", "projectRoles": ["GROUP_ACCESS_MANAGER"]}"#,
    )
    .await;
    let _app = mount_http(routes::PROJECT_USERS);
    find("a", "Edit Roles for rory.readonly@example.com")
        .await
        .click();
    settle("the dialog", || {
        by_name("button", "Remove Project Read Only").is_some()
    })
    .await;
    by_name("button", "Remove Project Read Only")
        .unwrap()
        .click();
    choose(&dialog_picker(), "Project Cluster Log Viewer").await;
    find("button", "Save Roles").await.click();
    find("button", "Save changes").await.click();
    settle("saved", || query("[role=dialog]").is_none()).await;
    let log = requests().await;
    let rory = "users/aaaaaaaaaaaaaaaaaaaa0003";
    let add = log
        .iter()
        .position(|l| l == &format!("POST /api/atlas/v2/groups/{PROJECT}/{rory}:addRole 200"));
    let remove = log
        .iter()
        .position(|l| l == &format!("POST /api/atlas/v2/groups/{PROJECT}/{rory}:removeRole 200"));
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

/// Issue 19: a database user changed by a colleague over the Admin API while the console edits it is
/// re-read before the PATCH and shown as a conflict; "Keep mine" then writes on purpose.
#[wasm_bindgen_test]
async fn over_http_a_user_changed_meanwhile_is_re_read_and_shown_as_a_conflict() {
    reset().await;
    let _app = mount_http(&routes::edit_user("admin", "bi-reader"));
    settle("the dialog", || input_labelled("Description").is_some()).await;
    type_into(&input_labelled("Description").unwrap(), "Mine");
    let colleague = atlas();
    let mut theirs = colleague
        .list_database_users()
        .await
        .unwrap()
        .into_iter()
        .find(|u| u.username == "bi-reader")
        .unwrap();
    theirs.roles.push(domain::model::DatabaseUserRole::new(
        "readAnyDatabase",
        "admin",
    ));
    colleague
        .update_database_user("admin".into(), "bi-reader".into(), theirs)
        .await
        .unwrap();

    submit_with(&["Update User"]);
    find("button", "Save changes").await.click();
    settle("the conflict", || {
        text_of(".conflict h3") == "Someone else changed this user"
    })
    .await;
    assert!(text_of(".conflict").contains("readAnyDatabase@admin"));
    let log = requests().await;
    let user = format!("/api/atlas/v2/groups/{PROJECT}/databaseUsers/admin/bi-reader");
    assert!(
        log.contains(&format!("GET {user} 200")),
        "re-read with getGroupDatabaseUser: {log:?}"
    );
    assert_eq!(
        log.iter()
            .filter(|l| l.starts_with(&format!("PATCH {user}")))
            .count(),
        1,
        "only the colleague's PATCH: {log:?}"
    );

    find("button", "Keep mine").await.click();
    settle("saved", || query("[role=dialog]").is_none()).await;
    let now = atlas()
        .get_database_user("admin".into(), "bi-reader".into())
        .await
        .unwrap();
    assert_eq!(now.description.as_deref(), Some("Mine"), "mine, as chosen");
    assert_eq!(now.roles.len(), 1, "mine replaced theirs, as chosen");
}

/// Issue 19: a member's project roles changed over the Admin API while "Edit Roles" is open are re-read
/// before writing; "Take theirs" loads them and nothing of the colleague's is undone.
#[wasm_bindgen_test]
async fn over_http_a_members_roles_changed_meanwhile_are_shown_as_a_conflict() {
    reset().await;
    let _app = mount_http(routes::PROJECT_USERS);
    find("a", "Edit Roles for rory.readonly@example.com")
        .await
        .click();
    settle("the dialog", || {
        by_name("button", "Remove Project Read Only").is_some()
    })
    .await;
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
