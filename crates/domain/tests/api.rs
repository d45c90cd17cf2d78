//! The Admin API calls as data: paths, versions, paging, encoding.
use domain::api::{decode, encode, has_more, Group, Method, ITEMS_PER_PAGE};
use domain::model::{CustomDbRole, DatabaseUser};

#[test]
fn path_segments_are_percent_encoded_so_any_name_round_trips() {
    let g = Group("6650f1c2a4b3c2d1e0f9a8b7");
    let user = DatabaseUser {
        database_name: "$external".to_string(),
        ..DatabaseUser::new("CN=app, OU=eng/ops")
    };
    let call = g.update_database_user("$external", &user.username, &user);
    assert_eq!(call.method, Method::Patch);
    assert_eq!(
        call.path,
        "/api/atlas/v2/groups/6650f1c2a4b3c2d1e0f9a8b7/databaseUsers/%24external/CN%3Dapp%2C%20OU%3Deng%2Fops"
    );
    assert_eq!(
        call.body.as_ref().unwrap()["groupId"],
        "6650f1c2a4b3c2d1e0f9a8b7"
    );
    for s in ["plain", "a b/c?d#e%f", "ünïcödé", ""] {
        assert_eq!(decode(&encode(s)).as_deref(), Some(s));
    }
    assert_eq!(decode("%zz"), None);
    assert_eq!(decode("%4"), None);
}

#[test]
fn each_call_carries_the_version_its_endpoint_needs() {
    let g = Group("g");
    assert_eq!(
        g.custom_roles().media_type(),
        "application/vnd.atlas.2023-01-01+json"
    );
    assert_eq!(g.users().version, "2025-02-19");
    assert_eq!(g.service_accounts().version, "2024-08-05");
    let role = CustomDbRole {
        role_name: "r".into(),
        ..CustomDbRole::default()
    };
    let create = g.create_custom_role(&role);
    assert_eq!(
        (create.method, create.body.unwrap()["roleName"].clone()),
        (Method::Post, "r".into())
    );
    assert!(
        g.custom_roles().query.is_empty(),
        "the role list is not paginated"
    );
}

#[test]
fn lists_are_read_page_by_page_until_the_total_is_reached() {
    let call = Group("g").database_users().page(3);
    assert_eq!(
        call.path_and_query(),
        format!("/api/atlas/v2/groups/g/databaseUsers?itemsPerPage={ITEMS_PER_PAGE}&pageNum=3")
    );
    let full = ITEMS_PER_PAGE as usize;
    assert!(has_more(full, Some(1400), full));
    assert!(!has_more(1400, Some(1400), 400));
    assert!(
        !has_more(full, Some(full as u32), full),
        "the total was reached"
    );
    assert!(!has_more(full, None, 10), "a short page ends the list");
    assert!(
        has_more(full, None, full),
        "without a total, a full page asks for the next"
    );
    assert!(
        !has_more(0, Some(5), 0),
        "an empty page always ends it (no endless loop)"
    );
}

#[test]
fn one_database_user_is_read_by_its_database_and_name() {
    // getGroupDatabaseUser: GET …/databaseUsers/{databaseName}/{username} (spec, Project Read Only).
    let call = Group("g").database_user("$external", "CN=app");
    assert_eq!(call.method, Method::Get);
    assert_eq!(
        call.path,
        "/api/atlas/v2/groups/g/databaseUsers/%24external/CN%3Dapp"
    );
    assert_eq!(call.version, "2023-01-01");
    assert!(call.body.is_none());
}
