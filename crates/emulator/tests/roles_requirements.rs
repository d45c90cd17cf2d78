//! Who may call what comes from the spec: every operation the console sends (built by `domain::api`)
//! carries `x-rolesRequirements` in `spec/atlas-openapi-subset.yaml`. For each one and each principal
//! (every project role the console knows, one it doesn't, Organization Owner and Organization Read Only),
//! `domain::permissions` must agree with the spec, and the emulator must answer 403 exactly when the spec
//! says the principal's roles are not enough. Which roles meet a named requirement is
//! `domain::permissions::Requirement`, checked row by row in `crates/domain/tests/facts_project_roles.rs`.
mod common;
use atlas_emulator::{Emulator, Request, Settings};
use domain::api::{Call, Group};
use domain::catalog::PROJECT_ROLES;
use domain::model::{
    CreateProjectApiKey, CreateServiceAccount, CustomDbRole, DatabaseUser, InviteProjectUser,
    PrivilegeAction, Resource, UpdateCustomDbRole, CUSTOM_ROLES_LIMIT_NAME,
};
use domain::permissions::{access_of, Requirement};
use domain::project::Principal;
use serde_json::Value;
use std::sync::OnceLock;

fn spec() -> &'static Value {
    static SPEC: OnceLock<Value> = OnceLock::new();
    SPEC.get_or_init(common::read_spec)
}

/// The spec operation `call` addresses: its `{param}` segments (also `{userId}:addRole`) match any value.
fn spec_operation(call: &Call) -> (String, &'static Value) {
    let paths = spec()["paths"].as_object().expect("paths");
    let concrete: Vec<&str> = call.path.split('/').collect();
    let method = call.method.as_str().to_ascii_lowercase();
    let fits = |t: &str, c: &str| match t.find('}') {
        Some(end) if t.starts_with('{') => {
            let verb = &t[end + 1..];
            c.len() > verb.len() && c.ends_with(verb) && (!verb.is_empty() || !c.contains(':'))
        }
        _ => t == c,
    };
    let (t, item) = paths
        .iter()
        .find(|(t, item)| {
            let segs: Vec<&str> = t.split('/').collect();
            segs.len() == concrete.len()
                && segs.iter().zip(&concrete).all(|(t, c)| fits(t, c))
                && item.get(&method).is_some()
        })
        .unwrap_or_else(|| panic!("no operation {} {} in the spec", method, call.path));
    (t.clone(), &item[&method])
}

/// The spec's `x-rolesRequirements` of `call`.
fn spec_requirements(call: &Call) -> Vec<String> {
    let (t, op) = spec_operation(call);
    op["x-rolesRequirements"]
        .as_array()
        .unwrap_or_else(|| panic!("{t} has no x-rolesRequirements"))
        .iter()
        .map(|v| v.as_str().expect("a role name").to_string())
        .collect()
}

const USER: &str = "aaaaaaaaaaaaaaaaaaaa0004";
const TEAM: &str = "bbbbbbbbbbbbbbbbbbbb0001";
const KEY: &str = "cccccccccccccccccccc0002";
const ACCOUNT: &str = "mdb_sa_id_dddddddddddddddddddd0001";

/// One of every call `domain::api` builds for a project, with bodies a permitted principal could send.
fn every_call(g: &Group) -> Vec<Call> {
    let role = CustomDbRole {
        role_name: "rr_check".into(),
        actions: vec![PrivilegeAction {
            action: "FIND".into(),
            resources: vec![Resource::namespace("sales", "")],
        }],
        inherited_roles: vec![],
    };
    let mut user = DatabaseUser::new("rr-user");
    user.database_name = "admin".into();
    user.password = Some("a-Long-enough-passw0rd".into());
    user.roles = vec![domain::model::DatabaseUserRole::new("read", "sales")];
    let analyst = DatabaseUser {
        username: "analyst".into(),
        password: None,
        ..user.clone()
    };
    let ro = vec!["GROUP_READ_ONLY".to_string()];
    vec![
        g.get(),
        g.clusters(),
        g.flex_clusters(),
        g.limit(CUSTOM_ROLES_LIMIT_NAME),
        g.set_limit(CUSTOM_ROLES_LIMIT_NAME, 200),
        g.events(),
        g.custom_roles(),
        g.custom_role("orders_reader"),
        g.create_custom_role(&role),
        g.update_custom_role("orders_reader", &UpdateCustomDbRole::from(&role)),
        g.delete_custom_role("index_tuner"),
        g.database_users(),
        g.create_user_certificate("cert-user", 3),
        g.create_database_user(&user),
        g.database_user("admin", "analyst"),
        g.update_database_user("admin", "analyst", &analyst),
        g.delete_database_user("admin", "analyst"),
        g.users(),
        g.invite_user(&InviteProjectUser {
            username: "new.person@example.com".into(),
            roles: ro.clone(),
        }),
        g.add_user_role(USER, "GROUP_READ_ONLY"),
        g.remove_user_role(USER, "GROUP_CLUSTER_LOG_VIEWER"),
        g.remove_user(USER),
        g.teams(),
        g.add_team("bbbbbbbbbbbbbbbbbbbb0002", &ro),
        g.set_team_roles(TEAM, &ro),
        g.remove_team(TEAM),
        g.api_keys(),
        g.create_api_key(&CreateProjectApiKey {
            desc: "rr key".into(),
            roles: ro.clone(),
        }),
        g.set_api_key_roles(KEY, &ro),
        g.remove_api_key(KEY),
        g.service_accounts(),
        g.create_service_account(&CreateServiceAccount {
            name: "rr-sa".into(),
            description: "roles check".into(),
            roles: ro.clone(),
            secret_expires_after_hours: 24,
        }),
        g.set_service_account_roles(ACCOUNT, &ro),
        g.remove_service_account(ACCOUNT),
    ]
}

/// Every project role the console knows, one it doesn't, and the organization roles that reach into a
/// project (Organization Member alone doesn't: it sees only projects it was given a role in).
fn principals() -> Vec<Principal> {
    PROJECT_ROLES
        .iter()
        .map(|r| r.api)
        .chain([
            "GROUP_NEWER_ROLE_EXAMPLE",
            "ORG_OWNER",
            "ORG_READ_ONLY",
            "ORG_STREAM_PROCESSING_ADMIN",
        ])
        .map(|role| Principal {
            name: format!("{role}@example.com"),
            project_roles: vec![role.to_string()],
        })
        .collect()
}

/// What the spec says: the principal holds a role meeting one of the operation's requirements.
fn spec_allows(p: &Principal, call: &Call) -> bool {
    spec_requirements(call).iter().any(|name| {
        Requirement::from_spec_name(name)
            .unwrap_or_else(|| panic!("the console knows no requirement named {name}"))
            .met_by_any(&p.project_roles)
    })
}

#[test]
fn the_domain_states_each_operations_requirements_as_the_spec_does() {
    let g = Group("6650f1c2a4b3c2d1e0f9a8b7");
    for call in every_call(&g) {
        let access = access_of(&call).unwrap_or_else(|| {
            panic!(
                "{} {}: no row in domain::permissions::OPERATIONS",
                call.method.as_str(),
                call.path
            )
        });
        let ours: Vec<&str> = access
            .requirements()
            .iter()
            .map(|r| r.spec_name())
            .collect();
        assert_eq!(
            ours,
            spec_requirements(&call),
            "{} {}",
            call.method.as_str(),
            call.path
        );
    }
}

#[test]
fn every_principal_may_call_exactly_what_the_spec_allows_in_the_domain_and_the_emulator() {
    for principal in principals() {
        for i in 0..every_call(&Group("x")).len() {
            let mut emu = Emulator::open(Settings::default()).expect("an in-memory emulator");
            emu.project.principal = principal.clone();
            // An Atlas-managed X.509 user, for the certificate call.
            let mut cert_user = DatabaseUser::new("cert-user");
            cert_user.database_name = "$external".into();
            cert_user.x509_type = domain::model::X509Type::Managed;
            cert_user.roles = vec![domain::model::DatabaseUserRole::new("read", "sales")];
            emu.project.users.push(cert_user);
            let id = emu.project.id.clone();
            let call = every_call(&Group(&id)).swap_remove(i);
            let what = format!(
                "{} {} as {}",
                call.method.as_str(),
                call.path,
                principal.project_roles[0]
            );
            let allowed = spec_allows(&principal, &call);
            assert_eq!(principal.may_send(&call), allowed, "domain: {what}");
            let mut req = Request::from_url(call.method.as_str(), &call.path_and_query());
            req.accept = Some(call.media_type());
            req.body = call.body.as_ref().map(Value::to_string).unwrap_or_default();
            let reply = emu.handle(&req);
            let refused = reply.status == 403
                && reply.body.as_ref().and_then(|b| b["errorCode"].as_str())
                    == Some("USER_UNAUTHORIZED");
            assert_eq!(
                refused, !allowed,
                "emulator: {what} answered {} {:?}",
                reply.status, reply.body
            );
            // The emulator serves no Activity Feed (README: Atlas's events are outside the subset).
            if allowed && !call.path.ends_with("/events") {
                assert!(
                    reply.status < 300,
                    "emulator: {what} is allowed and should succeed: {} {:?}",
                    reply.status,
                    reply.body
                );
            }
        }
    }
}

#[test]
fn a_project_access_manager_may_not_create_change_or_remove_service_accounts() {
    let mut emu = Emulator::open(Settings::default()).expect("an in-memory emulator");
    emu.project.principal = Principal {
        name: "amir.access@example.com".into(),
        project_roles: vec!["GROUP_ACCESS_MANAGER".into()],
    };
    let id = emu.project.id.clone();
    let g = Group(&id);
    let before = emu.project.service_accounts.clone();
    for call in [
        g.create_service_account(&CreateServiceAccount {
            name: "rr-sa".into(),
            description: "roles check".into(),
            roles: vec!["GROUP_READ_ONLY".into()],
            secret_expires_after_hours: 24,
        }),
        g.set_service_account_roles(ACCOUNT, &["GROUP_READ_ONLY".to_string()]),
        g.remove_service_account(ACCOUNT),
    ] {
        let mut req = Request::from_url(call.method.as_str(), &call.path_and_query());
        req.accept = Some(call.media_type());
        req.body = call.body.as_ref().map(Value::to_string).unwrap_or_default();
        let reply = emu.handle(&req);
        assert_eq!(reply.status, 403, "{} {}", call.method.as_str(), call.path);
    }
    assert_eq!(emu.project.service_accounts, before);
}

#[test]
fn a_service_account_removed_from_the_project_stays_in_the_organization() {
    // deleteGroupServiceAccount: "The Service Account will still be a part of the Organization it was
    // created in, and the credentials will remain active until expired or manually revoked."
    let mut emu = Emulator::open(Settings::default()).expect("an in-memory emulator");
    let secrets = emu.project.service_accounts[0].secrets.clone();
    assert!(!secrets.is_empty());
    let id = emu.project.id.clone();
    let call = Group(&id).remove_service_account(ACCOUNT);
    let mut req = Request::from_url(call.method.as_str(), &call.path_and_query());
    req.accept = Some(call.media_type());
    assert_eq!(emu.handle(&req).status, 204);
    let listed = |emu: &mut Emulator, url: &str| -> Vec<String> {
        let reply = emu.handle(&Request::from_url("GET", url));
        assert_eq!(reply.status, 200, "{url}");
        reply.body.unwrap()["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["clientId"].as_str().unwrap().to_string())
            .collect()
    };
    let project = format!("/api/atlas/v2/groups/{id}/serviceAccounts");
    assert!(listed(&mut emu, &project).is_empty());
    let org = format!(
        "/api/atlas/v2/orgs/{}/serviceAccounts",
        atlas_emulator::ORG_ID
    );
    assert_eq!(listed(&mut emu, &org), [ACCOUNT]);
    assert_eq!(
        emu.project.org_service_accounts[0].secrets, secrets,
        "its credentials stay"
    );
}
