//! The allow-list a proxy in front of Atlas uses (`domain::permissions::console_operation`): every call the
//! console builds is on it, and what the console never sends is not.
use domain::api::{org_teams, Group, Method};
use domain::model::{CustomDbRole, DatabaseUser, UpdateCustomDbRole, CUSTOM_ROLES_LIMIT_NAME};
use domain::permissions::console_operation;
use domain::permissions::OPERATIONS;

#[test]
fn every_call_the_console_builds_is_allowed() {
    let g = Group("6650f1c2a4b3c2d1e0f9a8b7");
    let role = CustomDbRole {
        role_name: "r".into(),
        ..CustomDbRole::default()
    };
    let user = DatabaseUser::new("u");
    let calls = [
        g.get(),
        g.clusters(),
        g.limit(CUSTOM_ROLES_LIMIT_NAME),
        g.set_limit(CUSTOM_ROLES_LIMIT_NAME, 200),
        g.custom_roles(),
        g.custom_role("r"),
        g.create_custom_role(&role),
        g.update_custom_role("r", &UpdateCustomDbRole::from(&role)),
        g.delete_custom_role("r"),
        g.database_users(),
        g.create_database_user(&user),
        g.update_database_user("admin", "u", &user),
        g.delete_database_user("admin", "u"),
        g.create_user_certificate("u", 3),
        g.users(),
        g.add_user_role("5e18664b7a3e5a55893d374a", "GROUP_READ_ONLY"),
        g.remove_user_role("5e18664b7a3e5a55893d374a", "GROUP_READ_ONLY"),
        g.remove_user("5e18664b7a3e5a55893d374a"),
        g.teams(),
        g.add_team("t", &["GROUP_READ_ONLY".to_string()]),
        g.set_team_roles("t", &["GROUP_READ_ONLY".to_string()]),
        g.remove_team("t"),
        g.api_keys(),
        g.set_api_key_roles("k", &["GROUP_READ_ONLY".to_string()]),
        g.remove_api_key("k"),
        g.service_accounts(),
        g.set_service_account_roles("c", &["GROUP_READ_ONLY".to_string()]),
        g.remove_service_account("c"),
        g.federated_databases(),
        g.stream_workspaces(),
        org_teams("5e2211c17a3e5a48f5497de0"),
    ];
    for call in calls {
        assert!(
            console_operation(call.method, &call.path).is_some(),
            "{} {}",
            call.method.as_str(),
            call.path
        );
    }
    assert_eq!(
        console_operation(
            Method::Patch,
            "/api/atlas/v2/groups/g/customDBRoles/roles/r"
        )
        .as_deref(),
        Some("PATCH /api/atlas/v2/groups/{groupId}/customDBRoles/roles/{roleName}")
    );
    // Every row of the permission table is a console operation.
    for (method, template, _) in OPERATIONS {
        let path = format!(
            "/api/atlas/v2/groups/g{}",
            template.replace('{', "x").replace('}', "")
        );
        assert!(console_operation(*method, &path).is_some(), "{template}");
    }
}

#[test]
fn what_the_console_never_sends_is_not_allowed() {
    let refused = [
        (Method::Delete, "/api/atlas/v2/groups/g"),
        (Method::Post, "/api/atlas/v2/groups"),
        (Method::Get, "/api/atlas/v2/orgs/o/users"),
        (Method::Delete, "/api/atlas/v2/orgs/o/apiKeys/k"),
        (Method::Put, "/api/atlas/v2/groups/g/users/u/roles"),
        (
            Method::Get,
            "/api/atlas/v2/groups/g/clusters/c/backup/snapshots",
        ),
        (
            Method::Post,
            "/api/atlas/v2/groups/g/serviceAccounts/c/secrets",
        ),
        (Method::Get, "/api/atlas/v2/orgs/../teams"),
        (Method::Get, "/api/atlas/v2/groups/g/customDBRoles/roles/.."),
        (
            Method::Delete,
            "/api/atlas/v2/groups/g/customDBRoles/roles/%2E%2E",
        ),
        (Method::Get, "/api/oauth/token"),
    ];
    for (method, path) in refused {
        assert_eq!(
            console_operation(method, path),
            None,
            "{} {path}",
            method.as_str()
        );
    }
}
