//! Contract tests: every request the console can send (built by `domain::api`, as the browser's HTTP
//! backend builds them) and every answer it reads (from the emulator, parsed into the types the HTTP
//! backend parses) are checked against the official Admin API v2 OpenAPI document in `spec/`: the
//! operation exists, the versioned media type is one it lists, and the JSON validates against its schema.
use atlas_emulator::Request;
use domain::api::Group;
use domain::demo::DemoKind;
use domain::model::{
    ApiError, ApiKey, CreateProjectApiKey, CreateServiceAccount, CustomDbRole, DatabaseUser,
    InviteProjectUser, Paginated, ProjectLimit, ProjectUser, ServiceAccount, TeamRole,
    UpdateCustomDbRole, CUSTOM_ROLES_LIMIT_NAME,
};
use serde_json::{json, Value};

#[path = "../common/mod.rs"]
mod common;
mod harness;
mod project_users;
use harness::*;

#[test]
fn project_settings_clusters_and_the_custom_role_limit() {
    let mut emu = emulator();
    let id = emu.project.id.clone();
    let g = Group(&id);
    let group: Value = read(&mut emu, &g.get());
    assert_eq!(group["id"], json!(id));
    // Both list endpoints, each in its current version, merged as the HTTP backend merges them.
    let clusters: Paginated<domain::model::ClusterDescription> = read(&mut emu, &g.clusters());
    let flex: Paginated<domain::model::FlexClusterDescription> = read(&mut emu, &g.flex_clusters());
    let only_flex: Vec<&str> = emu
        .project
        .clusters
        .iter()
        .filter(|c| c.flex_api_only)
        .map(|c| c.name.as_str())
        .collect();
    assert!(
        !only_flex.is_empty(),
        "the demo holds a Flex cluster only /flexClusters lists"
    );
    assert!(clusters
        .results
        .iter()
        .all(|c| !only_flex.contains(&c.name.as_str())));
    assert!(only_flex
        .iter()
        .all(|n| flex.results.iter().any(|f| f.name == *n)));
    assert_eq!(
        domain::model::project_clusters(clusters.results, flex.results),
        emu.project.clusters
    );
    let limit: ProjectLimit = read(&mut emu, &g.limit(CUSTOM_ROLES_LIMIT_NAME));
    assert_eq!(limit.value as usize, emu.project.custom_role_limit);
    // Raising it (Project Owner): the request and the answer as the spec's setGroupLimit has them.
    let raised: ProjectLimit = read(&mut emu, &g.set_limit(CUSTOM_ROLES_LIMIT_NAME, 250));
    assert_eq!((raised.value, emu.project.custom_role_limit), (250, 250));
    // The organization's teams are outside the subset (no organization paths): only the emulator's
    // answer is checked, against the shape the console reads.
    let call = domain::api::org_teams(atlas_emulator::ORG_ID);
    let reply = emu.handle(&Request::from_url("GET", &call.path_and_query()));
    let teams: Paginated<domain::project_access::OrgTeam> =
        serde_json::from_value(reply.body.unwrap()).unwrap();
    assert_eq!(teams.results, emu.project.org_teams);
}

#[test]
fn every_custom_role_of_the_demo_projects_and_their_lifecycle_match_the_contract() {
    let mut emu = emulator();
    let id = emu.project.id.clone();
    let g = Group(&id);
    // Every role shape the demos hold (all action kinds, cluster resources, inherited roles).
    let large = DemoKind::Large.project();
    for role in large.custom_roles.iter().take(150) {
        check_request(&g.create_custom_role(role));
        check_request(&g.update_custom_role(
            &role.role_name,
            &UpdateCustomDbRole {
                actions: role.actions.clone(),
                inherited_roles: role.inherited_roles.clone(),
            },
        ));
    }
    let listed: Vec<CustomDbRole> = read(&mut emu, &g.custom_roles());
    assert_eq!(listed, emu.project.custom_roles);
    let mut role = listed[0].clone();
    role.role_name = "contractCheck".to_string();
    let created: CustomDbRole = read(&mut emu, &g.create_custom_role(&role));
    assert_eq!(created.role_name, "contractCheck");
    let got: CustomDbRole = read(&mut emu, &g.custom_role("contractCheck"));
    assert_eq!(got, created);
    let update = UpdateCustomDbRole {
        actions: role.actions[..1].to_vec(),
        inherited_roles: vec![],
    };
    let updated: CustomDbRole = read(&mut emu, &g.update_custom_role("contractCheck", &update));
    assert_eq!(updated.actions, update.actions);
    // Refusals are the error envelope, with the code the console maps to a field.
    let conflict = send(&mut emu, &g.create_custom_role(&role));
    assert_eq!(conflict.status, 409);
    let e: ApiError = serde_json::from_value(conflict.body.unwrap()).unwrap();
    assert_eq!(e.error_code, "ATLAS_CUSTOM_ROLE_NAME_ALREADY_EXISTS");
    assert_eq!(
        send(&mut emu, &g.delete_custom_role("contractCheck")).status,
        204
    );
    assert_eq!(send(&mut emu, &g.custom_role("contractCheck")).status, 404);
}

#[test]
fn database_users_of_every_auth_method_match_the_contract() {
    let mut emu = emulator();
    let id = emu.project.id.clone();
    let g = Group(&id);
    let page: Paginated<DatabaseUser> = read(&mut emu, &g.database_users());
    let without_group: Vec<DatabaseUser> = page
        .results
        .iter()
        .map(|u| DatabaseUser {
            group_id: None,
            ..u.clone()
        })
        .collect();
    assert_eq!(without_group, emu.project.users);
    assert!(page
        .results
        .iter()
        .all(|u| u.group_id.as_deref() == Some(id.as_str())));
    assert_eq!(page.total_count, Some(emu.project.users.len() as u32));
    for user in &page.results {
        check_request(&g.update_database_user(&user.database_name, &user.username, user));
        // The re-read before an update (getGroupDatabaseUser) answers the user as the list does.
        let one: DatabaseUser = read(
            &mut emu,
            &g.database_user(&user.database_name, &user.username),
        );
        assert_eq!(&one, user);
    }
    assert_eq!(
        send(&mut emu, &g.database_user("admin", "nobody")).status,
        404
    );
    // Every authentication method the user dialog offers, with scopes, labels and an expiry.
    use domain::model::{
        AwsIamType, Label, LdapAuthType, OidcAuthType, ScopeType, UserScope, X509Type,
    };
    let base = DatabaseUser {
        scopes: vec![UserScope {
            name: "Cluster0".into(),
            kind: ScopeType::Cluster,
        }],
        labels: vec![Label {
            key: "team".into(),
            value: "sre".into(),
        }],
        description: Some("every method".into()),
        ..page.results[0].clone()
    };
    let external = |u: DatabaseUser| DatabaseUser {
        database_name: "$external".into(),
        password: None,
        ..u
    };
    let variants = [
        DatabaseUser {
            password: Some("a-Long-enough-passw0rd".into()),
            delete_after_date: Some("2026-12-01T00:00:00Z".into()),
            ..base.clone()
        },
        external(DatabaseUser {
            username: "CN=app,OU=eng".into(),
            x509_type: X509Type::Customer,
            ..base.clone()
        }),
        external(DatabaseUser {
            username: "managed-user".into(),
            x509_type: X509Type::Managed,
            ..base.clone()
        }),
        external(DatabaseUser {
            username: "arn:aws:iam::123456789012:user/app".into(),
            aws_iam_type: AwsIamType::User,
            ..base.clone()
        }),
        external(DatabaseUser {
            username: "arn:aws:iam::123456789012:role/app".into(),
            aws_iam_type: AwsIamType::Role,
            ..base.clone()
        }),
        external(DatabaseUser {
            username: "cn=dbas,ou=groups".into(),
            ldap_auth_type: LdapAuthType::Group,
            ..base.clone()
        }),
        external(DatabaseUser {
            username: "ada".into(),
            ldap_auth_type: LdapAuthType::User,
            ..base.clone()
        }),
        DatabaseUser {
            database_name: "admin".into(),
            username: "idp/group".into(),
            oidc_auth_type: OidcAuthType::IdpGroup,
            password: None,
            ..base.clone()
        },
        external(DatabaseUser {
            username: "idp/user".into(),
            oidc_auth_type: OidcAuthType::User,
            ..base.clone()
        }),
    ];
    for user in &variants {
        check_request(&g.create_database_user(user));
        check_request(&g.update_database_user(&user.database_name, &user.username, user));
    }
    let mut new = page.results[0].clone();
    new.username = "contract-user".to_string();
    new.aws_iam_type = Default::default();
    new.ldap_auth_type = Default::default();
    new.x509_type = Default::default();
    new.oidc_auth_type = Default::default();
    new.database_name = "admin".to_string();
    new.password = Some("a-Long-enough-passw0rd".to_string());
    let created: DatabaseUser = read(&mut emu, &g.create_database_user(&new));
    assert_eq!(created.password, None, "Atlas never sends a password back");
    let mut edit = created.clone();
    edit.description = Some("changed".to_string());
    let updated: DatabaseUser = read(
        &mut emu,
        &g.update_database_user("admin", "contract-user", &edit),
    );
    assert_eq!(updated.description.as_deref(), Some("changed"));
    assert_eq!(
        send(&mut emu, &g.delete_database_user("admin", "contract-user")).status,
        204
    );
}

#[test]
fn project_access_members_match_the_contract() {
    let mut emu = emulator();
    let id = emu.project.id.clone();
    let g = Group(&id);
    let roles = vec!["GROUP_READ_ONLY".to_string()];

    let users: Paginated<ProjectUser> = read(&mut emu, &g.users());
    assert_eq!(users.results, emu.project.members);
    let invited: ProjectUser = read(
        &mut emu,
        &g.invite_user(&InviteProjectUser {
            username: "new.person@example.com".to_string(),
            roles: roles.clone(),
        }),
    );
    let added: ProjectUser = read(
        &mut emu,
        &g.add_user_role(&invited.id, "GROUP_DATA_ACCESS_READ_ONLY"),
    );
    assert!(added
        .roles
        .contains(&"GROUP_DATA_ACCESS_READ_ONLY".to_string()));
    let removed: ProjectUser = read(
        &mut emu,
        &g.remove_user_role(&invited.id, "GROUP_READ_ONLY"),
    );
    assert_eq!(removed.roles, ["GROUP_DATA_ACCESS_READ_ONLY"]);
    assert_eq!(send(&mut emu, &g.remove_user(&invited.id)).status, 204);

    let teams: Paginated<TeamRole> = read(&mut emu, &g.teams());
    assert_eq!(teams.results, emu.project.teams);
    let free = emu
        .project
        .org_teams
        .iter()
        .find(|t| !emu.project.teams.iter().any(|p| p.team_id == t.id))
        .expect("the demo organization has a team outside the project")
        .id
        .clone();
    let _: Paginated<TeamRole> = read(&mut emu, &g.add_team(&free, &roles));
    let _: Paginated<TeamRole> = read(
        &mut emu,
        &g.set_team_roles(&free, &["GROUP_OWNER".to_string()]),
    );
    assert_eq!(send(&mut emu, &g.remove_team(&free)).status, 204);

    let keys: Paginated<ApiKey> = read(&mut emu, &g.api_keys());
    assert_eq!(keys.results, emu.project.api_keys);
    let key: ApiKey = read(
        &mut emu,
        &g.create_api_key(&CreateProjectApiKey {
            desc: "contract key".to_string(),
            roles: roles.clone(),
        }),
    );
    assert!(
        key.private_key.is_some(),
        "the private key is shown once, on creation"
    );
    let _: ApiKey = read(
        &mut emu,
        &g.set_api_key_roles(&key.id, &["GROUP_OWNER".to_string()]),
    );
    assert_eq!(send(&mut emu, &g.remove_api_key(&key.id)).status, 204);

    let accounts: Paginated<ServiceAccount> = read(&mut emu, &g.service_accounts());
    assert_eq!(accounts.results, emu.project.service_accounts);
    let account: ServiceAccount = read(
        &mut emu,
        &g.create_service_account(&CreateServiceAccount {
            name: "contract-sa".to_string(),
            description: "contract".to_string(),
            roles: roles.clone(),
            secret_expires_after_hours: 24,
        }),
    );
    assert!(
        account.secrets[0].secret.is_some(),
        "the secret is shown once, on creation"
    );
    let _: ServiceAccount = read(
        &mut emu,
        &g.set_service_account_roles(&account.client_id, &["GROUP_OWNER".to_string()]),
    );
    assert_eq!(
        send(&mut emu, &g.remove_service_account(&account.client_id)).status,
        204
    );
}

#[test]
fn a_body_that_breaks_the_contract_is_caught() {
    // The checks above can fail: a role without a name and a wrongly typed field are rejected.
    let bad = json!({ "actions": [{ "action": 7 }] });
    let parts = ["components", "schemas", "UserCustomDBRole"];
    assert!(validate(&parts, &bad).is_err());
    assert!(validate(&parts, &json!({ "roleName": "ok" })).is_ok());
}
