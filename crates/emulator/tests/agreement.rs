//! The emulator and the console agree on Atlas's rules. The emulator decides custom-role actions and
//! resources, inherited roles' databases and usernames per authentication method with its own tables
//! (`atlas_emulator::atlas_rules`, written from Atlas's and MongoDB's pages); the console with `domain`'s.
//! On generated inputs both must accept or both refuse with the same Atlas error code: a disagreement is a
//! wrong reading in one of them, and the failure names the input.
use atlas_emulator::atlas_rules::{action_names, check_custom_role, check_username};
use atlas_emulator::{Emulator, Request, Settings};
use domain::model::{
    AwsIamType, CustomDbRole, DatabaseUser, InheritedRole, LdapAuthType, OidcAuthType,
    PrivilegeAction, Resource, X509Type, ADMIN_DB, EXTERNAL_DB,
};
use domain::validate::{
    validate_role, validate_user, Field, ProjectContext, RoleMode, UserField, UserMode,
};
use domain::ErrorCode;
use proptest::prelude::*;
use proptest::sample::select;

mod common;

/// The codes the emulator's custom-role rules decide.
const ROLE_CODES: [ErrorCode; 4] = [
    ErrorCode::INVALID_ENUM_VALUE,
    ErrorCode::ATLAS_INVALID_RESOURCE,
    ErrorCode::ATLAS_INVALID_CUSTOM_ROLE_INHERITED_SCOPE,
    ErrorCode::ATLAS_INVALID_CUSTOM_ROLE_INHERITANCE,
];

/// The project's custom roles the generated roles may inherit.
fn project_roles() -> Vec<CustomDbRole> {
    ["base", "reporting"]
        .into_iter()
        .map(|n| CustomDbRole {
            role_name: n.into(),
            actions: vec![PrivilegeAction {
                action: "FIND".into(),
                resources: vec![Resource::namespace("sales", "")],
            }],
            inherited_roles: vec![],
        })
        .collect()
}

/// What the console says about `role`: the first error among the codes the emulator decides.
fn console_on_role(role: &CustomDbRole, roles: &[CustomDbRole]) -> Option<ErrorCode> {
    validate_role(role, &ProjectContext::new(roles), RoleMode::Create)
        .into_iter()
        .find(|i| i.is_error() && ROLE_CODES.contains(&i.code))
        .map(|i| i.code)
}

fn emulator_on_role(role: &CustomDbRole, roles: &[CustomDbRole]) -> Option<ErrorCode> {
    let names: Vec<&str> = roles.iter().map(|r| r.role_name.as_str()).collect();
    check_custom_role(role, &names).err().and_then(|e| e.code())
}

fn any_resource() -> impl Strategy<Value = Resource> {
    prop_oneof![
        Just(Resource::cluster()),
        select(vec!["sales", "", "admin"]).prop_map(|d| Resource::namespace(d, "")),
        (
            select(vec!["sales", ""]),
            select(vec!["orders", "system.profile"])
        )
            .prop_map(|(d, c)| Resource::namespace(d, c)),
    ]
}

fn any_action() -> impl Strategy<Value = PrivilegeAction> {
    let mut names: Vec<String> = action_names().map(String::from).collect();
    names.push("NOT_AN_ACTION".into());
    names.push("find".into()); // the server spelling isn't the API's
    (
        select(names),
        proptest::collection::vec(any_resource(), 0..3),
    )
        .prop_map(|(action, mut resources)| {
            resources.dedup(); // duplicates are domain's own rule
            PrivilegeAction { action, resources }
        })
}

fn any_inherited() -> impl Strategy<Value = InheritedRole> {
    let roles = vec![
        "read",
        "readWrite",
        "dbAdmin",
        "readAnyDatabase",
        "readWriteAnyDatabase",
        "backup",
        "enableSharding",
        "dbAdminAnyDatabase",
        "clusterMonitor",
        "killOpSession",
        "autoCompact",
        "manageShardBalancer",
        "atlasAdmin",
        "dbOwner",
        "root",
        "base",
        "reporting",
        "ghost",
    ];
    (select(roles), select(vec!["admin", "sales", ""])).prop_map(|(r, d)| InheritedRole::new(r, d))
}

fn any_role() -> impl Strategy<Value = CustomDbRole> {
    (
        proptest::collection::vec(any_action(), 0..4),
        proptest::collection::vec(any_inherited(), 0..4),
    )
        .prop_map(|(mut actions, mut inherited_roles)| {
            // One entry per action and per inherited pair: repeating one is domain's own refusal.
            let mut seen = std::collections::HashSet::new();
            actions.retain(|a| seen.insert(a.action.clone()));
            let mut seen = std::collections::HashSet::new();
            inherited_roles.retain(|r| seen.insert((r.role.clone(), r.db.clone())));
            CustomDbRole {
                role_name: "probe".into(),
                actions,
                inherited_roles,
            }
        })
}

proptest! {
    // A failure prints its input; no regressions file is written into the source tree.
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_emulator_and_the_console_agree_on_custom_roles(role in any_role()) {
        let roles = project_roles();
        let (emulator, console) = (emulator_on_role(&role, &roles), console_on_role(&role, &roles));
        prop_assert_eq!(
            emulator, console,
            "emulator {:?}, console {:?} for {}", emulator, console,
            serde_json::to_string(&role).unwrap()
        );
    }

    #[test]
    fn the_emulator_and_the_console_agree_on_usernames(user in any_user()) {
        let emulator = check_username(&user).err().and_then(|e| e.code());
        let console = validate_user(&user, &ProjectContext::new(&[]), UserMode::Create, 0)
            .into_iter()
            .find(|i| i.is_error() && i.field == Field::User(UserField::Username))
            .map(|i| i.code);
        prop_assert_eq!(
            emulator, console,
            "emulator {:?}, console {:?} for {}", emulator, console,
            serde_json::to_string(&user).unwrap()
        );
    }
}

/// A username made of pieces every method's format is built from, so that each method sees names it
/// accepts and names it refuses.
fn any_username() -> impl Strategy<Value = String> {
    let pieces = vec![
        "CN=",
        "cn=",
        "OU=",
        "O=",
        "2.5.4.3=",
        "1..3=",
        "-x=",
        "CN",
        "alice",
        "Bob",
        "42",
        " ",
        ",",
        ";",
        "+",
        "=",
        "\\",
        "\\,",
        "<",
        "\"",
        "#",
        ".",
        "_",
        "-",
        "@",
        "$",
        ":",
        "/",
        "?",
        "[",
        "]",
        "é",
        "\t",
        "arn:aws:iam::123456789012:user/",
        "arn:aws:iam::123456789012:role/",
        "arn:aws-cn:iam::",
        "arn:aws:iam::12345:",
        "0oa1b2c3/",
        "idp",
    ];
    proptest::collection::vec(select(pieces), 0..6).prop_map(|p| p.concat())
}

fn any_user() -> impl Strategy<Value = DatabaseUser> {
    (any_username(), 0usize..9)
        .prop_map(|(username, method)| {
            let mut u = DatabaseUser::new(username);
            u.database_name = EXTERNAL_DB.into();
            match method {
                0 => u.database_name = ADMIN_DB.into(),
                1 => u.aws_iam_type = AwsIamType::User,
                2 => u.aws_iam_type = AwsIamType::Role,
                3 => u.x509_type = X509Type::Managed,
                4 => u.x509_type = X509Type::Customer,
                5 => u.ldap_auth_type = LdapAuthType::User,
                6 => {
                    u.ldap_auth_type = LdapAuthType::Group;
                    u.database_name = ADMIN_DB.into();
                }
                7 => {
                    u.oidc_auth_type = OidcAuthType::IdpGroup;
                    u.database_name = ADMIN_DB.into();
                }
                _ => u.oidc_auth_type = OidcAuthType::User,
            }
            u
        })
        // "." and ".." are the console's own refusal (a browser would resolve them as path segments);
        // nothing says what Atlas does with them, so the emulator doesn't guess.
        .prop_filter("not a dot segment", |u| {
            u.username != "." && u.username != ".."
        })
}

/// The emulator's table names every action of the spec's `DatabasePrivilegeAction.action` enum, once.
#[test]
fn the_emulators_action_table_is_the_specs_enum() {
    let spec = common::read_spec();
    let enum_values: Vec<String> = spec["components"]["schemas"]["DatabasePrivilegeAction"]
        ["properties"]["action"]["enum"]
        .as_array()
        .expect("the action enum")
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    let table: Vec<String> = action_names().map(String::from).collect();
    assert_eq!(table, enum_values);
}

/// Over HTTP the emulator answers with its own rules: enableSharding on a database is accepted, dbAdmin
/// inherited on another database than admin is refused with Atlas's code.
#[test]
fn the_emulator_answers_custom_role_writes_with_its_own_rules() {
    let mut emu = Emulator::open(Settings::default()).expect("an in-memory emulator");
    let path = format!(
        "/api/atlas/v2/groups/{}/customDBRoles/roles",
        emu.project.id
    );
    let mut send = |body: serde_json::Value| {
        let mut req = Request::from_url("POST", &path);
        req.accept = Some("application/vnd.atlas.2023-01-01+json".into());
        req.body = body.to_string();
        emu.handle(&req)
    };
    let ok = send(serde_json::json!({
        "roleName": "shard_sales",
        "actions": [{ "action": "ENABLE_SHARDING", "resources": [{ "db": "sales", "collection": "" }] }],
        "inheritedRoles": []
    }));
    assert_eq!(ok.status, 202, "{:?}", ok.body);
    let refused = send(serde_json::json!({
        "roleName": "sales_dba",
        "actions": [],
        "inheritedRoles": [{ "role": "dbAdmin", "db": "sales" }]
    }));
    assert_eq!(refused.status, 400);
    assert_eq!(
        refused.body.unwrap()["errorCode"],
        "ATLAS_INVALID_CUSTOM_ROLE_INHERITED_SCOPE"
    );
}
