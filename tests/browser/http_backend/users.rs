//! Database users over HTTP: edited and deleted, an X.509 certificate shown once, Atlas's PATCH
//! semantics (only the fields held are sent), and a user changed meanwhile shown as a conflict.
use super::*;

#[wasm_bindgen_test]
async fn a_database_user_is_edited_and_deleted_over_http() {
    emu_reset().await;
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

/// Atlas answers a new certificate with PEM text under its JSON media type; the
/// console reads it as text and shows it once.
#[wasm_bindgen_test]
async fn an_x509_certificate_is_created_over_http_and_shown_once() {
    emu_reset().await;
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
    assert!(emu_requests()
        .await
        .iter()
        .any(|r| r.starts_with("POST") && r.contains("/databaseUsers/cert-user/certs 201")));
}

// ---- Database users over HTTP: Atlas's PATCH semantics ----

/// The JSON body of each write the emulator received, newest last.
async fn write_bodies() -> Vec<serde_json::Value> {
    let url = format!("{}/__emulator/bodies", emu_url());
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
    emu_reset().await;
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
    // `prototype` is a Flex cluster only /flexClusters lists: offered as a scope all the same.
    assert!(input_labelled("prototype").is_some());
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

/// A database user changed by a colleague over the Admin API while the console edits it is
/// re-read before the PATCH and shown as a conflict; "Keep mine" then writes on purpose.
#[wasm_bindgen_test]
async fn over_http_a_user_changed_meanwhile_is_re_read_and_shown_as_a_conflict() {
    emu_reset().await;
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
    let log = emu_requests().await;
    let user = format!("/api/atlas/v2/groups/{EMU_PROJECT}/databaseUsers/admin/bi-reader");
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
