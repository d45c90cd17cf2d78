//! Wire format: the real responses quoted in the reference deserialize, requests serialize like the SDK.
use domain::model::*;
use domain::ErrorCode;
use serde_json::json;

#[test]
fn post_response_without_cluster_key_deserializes() {
    let body = r#"{"actions":[{"action":"UPDATE","resources":[{"collection":"collection","db":"db"}]},{"action":"FIND","resources":[{"collection":"collection2","db":"db"}]}],"inheritedRoles":[{"db":"admin","role":"enableSharding"}],"roleName":"role-90"}"#;
    let role: CustomDbRole = serde_json::from_str(body).unwrap();
    assert_eq!(role.role_name, "role-90");
    assert_eq!(
        role.actions[0].resources[0],
        Resource::namespace("db", "collection")
    );
    assert!(!role.actions[1].resources[0].cluster);
    assert_eq!(
        role.inherited_roles,
        vec![InheritedRole::new("enableSharding", "admin")]
    );
}

#[test]
fn patch_response_with_cluster_only_resource_deserializes() {
    let body = r#"{"actions":[{"action":"LIST_SESSIONS","resources":[{"cluster":true}]}],"inheritedRoles":[{"db":"admin","role":"enableSharding"}],"roleName":"role-90"}"#;
    let role: CustomDbRole = serde_json::from_str(body).unwrap();
    assert_eq!(role.actions[0].resources[0], Resource::cluster());
}

#[test]
fn a_role_with_only_a_name_or_unknown_actions_still_loads() {
    let role: CustomDbRole = serde_json::from_str(r#"{"roleName":"x"}"#).unwrap();
    assert!(role.actions.is_empty() && role.inherited_roles.is_empty());
    let role: CustomDbRole = serde_json::from_str(
        r#"{"roleName":"x","actions":[{"action":"FUTURE_ACTION","resources":[{"cluster":true}]}]}"#,
    )
    .unwrap();
    assert_eq!(role.actions[0].action, "FUTURE_ACTION");
}

#[test]
fn requests_send_all_three_resource_fields_like_the_sdk() {
    let role = CustomDbRole {
        role_name: "ShardingAdmin".into(),
        actions: vec![
            PrivilegeAction {
                action: "CONN_POOL_STATS".into(),
                resources: vec![Resource::cluster()],
            },
            PrivilegeAction {
                action: "COLL_STATS".into(),
                resources: vec![Resource::namespace("staging", "")],
            },
        ],
        inherited_roles: vec![InheritedRole::new("enableSharding", "admin")],
    };
    assert_eq!(
        serde_json::to_value(&role).unwrap(),
        json!({
            "roleName": "ShardingAdmin",
            "actions": [
                {"action": "CONN_POOL_STATS", "resources": [{"cluster": true, "collection": "", "db": ""}]},
                {"action": "COLL_STATS", "resources": [{"cluster": false, "collection": "", "db": "staging"}]}
            ],
            "inheritedRoles": [{"db": "admin", "role": "enableSharding"}]
        })
    );
    let patch = UpdateCustomDbRole::from(&role);
    let v = serde_json::to_value(&patch).unwrap();
    assert!(v.get("roleName").is_none(), "PATCH has no roleName");
    assert!(v.get("actions").is_some() && v.get("inheritedRoles").is_some());
}

#[test]
fn database_user_example_round_trips_and_omits_secrets_it_lacks() {
    let body = json!({ "databaseName": "admin", "password": "changeme123",
        "roles": [ { "databaseName": "sales", "roleName": "readWrite" }, { "databaseName": "marketing", "roleName": "read" } ],
        "scopes": [ { "name": "myCluster", "type": "CLUSTER" } ],
        "username": "david" });
    let user: DatabaseUser = serde_json::from_value(body).unwrap();
    assert_eq!(user.username, "david");
    assert_eq!(user.password.as_deref(), Some("changeme123"));
    assert_eq!(user.roles[0], DatabaseUserRole::new("readWrite", "sales"));
    assert_eq!(
        user.scopes[0],
        UserScope {
            name: "myCluster".into(),
            kind: ScopeType::Cluster
        }
    );
    assert_eq!(user.x509_type, X509Type::None);
    let back = serde_json::to_value(&user).unwrap();
    assert_eq!(back["awsIAMType"], "NONE");
    assert_eq!(back["x509Type"], "NONE");
    assert_eq!(back["ldapAuthType"], "NONE");
    assert_eq!(back["oidcAuthType"], "NONE");
    let mut response = user.clone();
    response.password = None;
    let v = serde_json::to_value(&response).unwrap();
    assert!(
        v.get("password").is_none(),
        "no password key when there is none"
    );
    let iam: DatabaseUser = serde_json::from_value(json!({"username":"arn:aws:iam::123456789012:role/app","databaseName":"$external","awsIAMType":"ROLE","roles":[]})).unwrap();
    assert_eq!(iam.aws_iam_type, AwsIamType::Role);
    let oidc: DatabaseUser = serde_json::from_value(
        json!({"username":"idp/group","oidcAuthType":"IDP_GROUP","roles":[]}),
    )
    .unwrap();
    assert_eq!(
        (oidc.oidc_auth_type, oidc.database_name.as_str()),
        (OidcAuthType::IdpGroup, "admin")
    );
}

#[test]
fn api_keys_service_accounts_teams_users_limits_and_pages() {
    let key: ApiKey = serde_json::from_value(json!({"id":"5f0c0f0f0f0f0f0f0f0f0f0f","desc":"ci","publicKey":"zmmrboas",
        "privateKey":"55c3bbb6-b4bb-0be1-e66d20841f3e","roles":[{"groupId":"6650f1c2a4b3c2d1e0f9a8b7","roleName":"GROUP_READ_ONLY"}]})).unwrap();
    assert_eq!(key.public_key, "zmmrboas");
    assert_eq!(key.roles[0].role_name, "GROUP_READ_ONLY");
    assert!(key.roles[0].org_id.is_none());
    let mut listed = key.clone();
    listed.private_key = None;
    assert!(serde_json::to_value(&listed)
        .unwrap()
        .get("privateKey")
        .is_none());

    let create = CreateServiceAccount {
        name: "ci bot".into(),
        description: "deploys".into(),
        roles: vec!["GROUP_OWNER".into()],
        secret_expires_after_hours: 24,
    };
    assert_eq!(
        serde_json::to_value(&create).unwrap()["secretExpiresAfterHours"],
        24
    );
    let sa: ServiceAccount = serde_json::from_value(json!({"clientId":"mdb_sa_id_6650f1c2a4b3c2d1e0f9a8b7","name":"ci bot","description":"d",
        "roles":["GROUP_READ_ONLY"],"secrets":[{"id":"6650f1c2a4b3c2d1e0f9a8b7","createdAt":"2026-11-22T10:00:00Z","expiresAt":"2026-11-23T10:00:00Z","maskedSecretValue":"mdb_sa_sk_...abcd"}]})).unwrap();
    assert_eq!(
        sa.secrets[0].masked_secret_value.as_deref(),
        Some("mdb_sa_sk_...abcd")
    );

    let team: TeamRole = serde_json::from_value(
        json!({"teamId":"6650f1c2a4b3c2d1e0f9a8b7","roleNames":["GROUP_INDEX_MANAGER"]}),
    )
    .unwrap();
    assert_eq!(team.role_names, vec!["GROUP_INDEX_MANAGER"]);
    let user: ProjectUser = serde_json::from_value(json!({"id":"6650f1c2a4b3c2d1e0f9a8b7","username":"a@b.co","orgMembershipStatus":"ACTIVE","roles":["GROUP_OWNER"]})).unwrap();
    assert_eq!(user.org_membership_status, "ACTIVE");
    let limit: ProjectLimit = serde_json::from_value(json!({"name":CUSTOM_ROLES_LIMIT_NAME,"value":100,"currentUsage":8,"defaultLimit":100,"maximumLimit":1400})).unwrap();
    assert_eq!((limit.value, limit.maximum_limit), (100, Some(1400)));
    let page: Paginated<DatabaseUser> =
        serde_json::from_value(json!({"results":[{"username":"a","roles":[]}],"totalCount":1}))
            .unwrap();
    assert_eq!((page.results.len(), page.total_count), (1, Some(1)));
}

#[test]
fn the_error_envelope_matches_atlas() {
    let e: ApiError = serde_json::from_value(json!({"detail":"Deleting specified custom role would leave the following users without a role: data-vault-user.",
        "error":409,"errorCode":"ATLAS_CUSTOM_ROLE_IN_USE_BY_USERS","parameters":["data-vault-user"],"reason":"Conflict"})).unwrap();
    assert_eq!(e.code(), Some(ErrorCode::ATLAS_CUSTOM_ROLE_IN_USE_BY_USERS));
    let ours = ApiError::new(
        ErrorCode::ATLAS_CUSTOM_ROLE_IN_USE_BY_USERS,
        e.detail.clone().unwrap(),
        vec!["data-vault-user".into()],
    );
    assert_eq!(ours, e);
    let minimal: ApiError =
        serde_json::from_value(json!({"error":500,"errorCode":"SOMETHING_NEW"})).unwrap();
    assert_eq!(minimal.code(), None);
    assert_eq!(
        ErrorCode::ATLAS_CUSTOM_ROLE_NAME_ALREADY_EXISTS.status(),
        409
    );
    assert_eq!(ErrorCode::CUSTOM_ROLES_LIMIT_EXCEEDED.status(), 403);
    assert_eq!(ErrorCode::ATLAS_CUSTOM_ROLE_NOT_FOUND.status(), 404);
    assert_eq!(
        ErrorCode::parse("ATLAS_INVALID_RESOURCE"),
        Some(ErrorCode::ATLAS_INVALID_RESOURCE)
    );
}

#[test]
fn an_error_tells_atlas_detail_or_its_code() {
    use domain::model::ApiError;
    let e = ApiError {
        error: 409,
        error_code: "ATLAS_CUSTOM_ROLE_NAME_ALREADY_EXISTS".into(),
        detail: Some("A custom role with the name x already exists.".into()),
        ..ApiError::default()
    };
    assert_eq!(e.message(), "A custom role with the name x already exists.");
    let bare = ApiError {
        detail: Some("  ".into()),
        ..e
    };
    assert_eq!(bare.message(), "ATLAS_CUSTOM_ROLE_NAME_ALREADY_EXISTS");
}
