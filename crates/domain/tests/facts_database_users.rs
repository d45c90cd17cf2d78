//! Atlas facts the database-user rules depend on, one table per subject. Every row names the public page it
//! comes from; where two sources disagree the table says which one wins and why.
use domain::api::Group;
use domain::bulk::{plan_bulk, BulkOp, BulkOutcome};
use domain::demo;
use domain::model::*;
use domain::user_form::{scope_choices, AuthMethod};
use domain::validate::*;
use domain::ErrorCode::{self, *};
use serde_json::json;

const NOW: i64 = 1_795_000_000; // 2026-11-18T11:06:40Z

const SPEC: &str = "spec/atlas-openapi-subset.yaml CloudDatabaseUser.databaseName";

/// The authentication database of each method.
/// LDAP GROUP: the spec's sentence says "LDAP ... `$external`" without naming the LDAP type, while the Atlas
/// docs' own request example for `ldapAuthType: GROUP` sends `databaseName: admin` and the Atlas CLI does the
/// same. The example wins: it is a concrete request for exactly this case, two MongoDB sources agree on it,
/// and the MongoDB manual maps LDAP groups to roles on `admin`; the spec's sentence is read as about LDAP users.
const AUTH_DB: &[(AuthMethod, &str, &str)] = &[
    (AuthMethod::Password, ADMIN_DB, SPEC),
    (AuthMethod::X509Managed, EXTERNAL_DB, SPEC),
    (AuthMethod::X509Customer, EXTERNAL_DB, SPEC),
    (AuthMethod::AwsIamUser, EXTERNAL_DB, SPEC),
    (AuthMethod::AwsIamRole, EXTERNAL_DB, SPEC),
    (
        AuthMethod::LdapUser,
        EXTERNAL_DB,
        "spec CloudDatabaseUser.databaseName; mongodb/mongodb-atlas-cli internal/convert/database_user.go GetAuthDB",
    ),
    (
        AuthMethod::LdapGroup,
        ADMIN_DB,
        "mongodb/docs content/atlas/source/includes/api/requests/database-create-users-create-a-user-ldap.sh; mongodb/mongodb-atlas-cli internal/cli/dbusers/create.go",
    ),
    (
        AuthMethod::OidcIdpGroup,
        ADMIN_DB,
        "spec CloudDatabaseUser.databaseName (OIDC Workforce); recording dbusers/TestDBUsersWithStdin/Create_OIDC_user",
    ),
    (AuthMethod::OidcUser, EXTERNAL_DB, SPEC),
];

fn username_for(m: AuthMethod) -> &'static str {
    match m {
        AuthMethod::Password => "app-user",
        AuthMethod::X509Managed => "CN=app",
        AuthMethod::X509Customer | AuthMethod::LdapUser | AuthMethod::LdapGroup => {
            "CN=eng,OU=groups,DC=example,DC=com"
        }
        AuthMethod::AwsIamUser => "arn:aws:iam::123456789012:user/app",
        AuthMethod::AwsIamRole => "arn:aws:iam::123456789012:role/app",
        AuthMethod::OidcIdpGroup | AuthMethod::OidcUser => "0oa1idp/devs",
    }
}

fn new_user(m: AuthMethod) -> DatabaseUser {
    let mut u = DatabaseUser::new(username_for(m));
    u.roles = vec![DatabaseUserRole::new("read", "sales")];
    u.password = Some("s3cret-pass".into());
    m.apply(&mut u);
    u
}

fn errors(
    u: &DatabaseUser,
    ctx: &ProjectContext<'_>,
    mode: UserMode<'_>,
) -> Vec<(Field, ErrorCode)> {
    validate_user(u, ctx, mode, NOW)
        .into_iter()
        .filter(|i| i.is_error())
        .map(|i| (i.field, i.code))
        .collect()
}

#[test]
fn each_method_authenticates_on_its_database() {
    let ctx = ProjectContext::new(&[]);
    for (m, db, source) in AUTH_DB {
        assert_eq!(m.auth_db(), *db, "{m:?} ({source})");
        let u = new_user(*m);
        assert_eq!(
            u.database_name, *db,
            "the form puts {m:?} on {db} ({source})"
        );
        assert!(
            errors(&u, &ctx, UserMode::Create).is_empty(),
            "{m:?} on {db} is valid ({source})"
        );
        let mut wrong = u.clone();
        wrong.database_name = if *db == ADMIN_DB {
            EXTERNAL_DB
        } else {
            ADMIN_DB
        }
        .into();
        assert!(
            errors(&wrong, &ctx, UserMode::Create)
                .iter()
                .any(|(f, _)| *f == Field::User(UserField::AuthDatabase)),
            "{m:?} is refused on the other database ({source})"
        );
    }
}

/// What a `PATCH …/databaseUsers/{db}/{username}` body carries. Atlas changes only the fields present
/// (reference "Resolved since the first edition"); so clearing must be explicit.
#[test]
fn the_patch_body_carries_exactly_the_intended_change() {
    let g = Group("6650f1c2a4b3c2d1e0f9a8b7");
    let mut before = new_user(AuthMethod::Password);
    before.password = None;
    before.scopes = vec![UserScope {
        name: "Cluster0".into(),
        kind: ScopeType::Cluster,
    }];
    before.labels = vec![Label {
        key: "team".into(),
        value: "data".into(),
    }];
    before.description = Some("nightly job".into());
    let mut after = before.clone();
    after.scopes.clear();
    after.labels.clear();
    after.description = Some(String::new());
    let body = g
        .update_database_user(ADMIN_DB, &after.username, &after)
        .body
        .unwrap();
    type Row = (&'static str, serde_json::Value, &'static str);
    let rows: &[Row] = &[
        (
            "scopes",
            json!([]),
            "reference (resolved): `scopes: []` clears a restriction; terraform-provider-mongodbatlas internal/service/databaseuser/model_database_user.go always sends the list",
        ),
        (
            "labels",
            json!([]),
            "terraform-provider-mongodbatlas internal/service/databaseuser/model_database_user.go always sends the list",
        ),
        (
            "description",
            json!(""),
            "terraform-provider-mongodbatlas internal/service/databaseuser/model_database_user.go: removing the description sends \"\"",
        ),
        // Required by the contract (CloudDatabaseUser.required), so always present.
        ("roles", json!([{"databaseName": "sales", "roleName": "read"}]), SPEC),
        ("groupId", json!("6650f1c2a4b3c2d1e0f9a8b7"), SPEC),
    ];
    for (field, expected, source) in rows {
        assert_eq!(&body[*field], expected, "{field} ({source})");
    }
    // No password unless it changes: mongodb-atlas-cli internal/cli/dbusers/update.go sends it only when given.
    assert!(body.get("password").is_none(), "{body}");
    // Never cleared by omission: an absent deleteAfterDate keeps the old date on Atlas.
    assert!(body.get("deleteAfterDate").is_none(), "{body}");
}

/// Atlas offers no way to make a temporary user permanent: `deleteAfterDate` is a plain date-time (no
/// null) in the spec, `atlas dbusers update` has no flag for it (mongodb-atlas-cli
/// internal/cli/dbusers/update.go) and the Terraform provider has no attribute for it. So the dialog says so
/// instead of sending a PATCH that would silently keep the date.
#[test]
fn a_temporary_user_cannot_be_made_permanent_but_its_description_can_be_removed() {
    let ctx = ProjectContext::new(&[]);
    let mut original = new_user(AuthMethod::Password);
    original.password = None;
    original.delete_after_date = Some(domain::datetime::format_datetime(NOW + 3600, 0));
    original.description = Some("temp".into());
    let mut permanent = original.clone();
    permanent.delete_after_date = None;
    let e = validate_user(
        &permanent,
        &ctx,
        UserMode::Update {
            original: &original,
        },
        NOW,
    );
    let issue = e
        .iter()
        .find(|i| i.field == Field::User(UserField::DeleteAfter))
        .expect("refused next to the field");
    assert!(issue.is_error());
    assert!(issue.message.contains("Atlas"), "{}", issue.message);
    let mut no_description = original.clone();
    no_description.description = Some(String::new());
    assert!(errors(
        &no_description,
        &ctx,
        UserMode::Update {
            original: &original
        }
    )
    .is_empty());
}

/// Limits, from the docs and the spec. Users per project: the docs and the current spec's limit
/// `atlas.project.security.databaseAccess.users` (default and API override 100) agree; older generated
/// clients show 900, which the current spec replaced, so 100 wins.
#[test]
fn user_limits() {
    let rows: &[(&str, usize, usize, &str)] = &[
        (
            "database users per project",
            DATABASE_USERS_LIMIT,
            100,
            "mongodb/docs content/atlas/source/security-add-mongodb-users.txt: \"a maximum of 100 database users per Atlas project\"",
        ),
        (
            "custom roles per user",
            MAX_CUSTOM_ROLES_PER_USER,
            20,
            "mongodb/docs content/atlas/source/security-add-mongodb-roles.txt: \"up to 20 custom roles to a single database user\"",
        ),
    ];
    for (what, ours, atlas, source) in rows {
        assert_eq!(ours, atlas, "{what} ({source})");
    }
    // Field lengths: spec CloudDatabaseUser (username maxLength 1024, description maxLength 100,
    // password minLength 8).
    let ctx = ProjectContext::new(&[]);
    let field_errors = |u: &DatabaseUser| errors(u, &ctx, UserMode::Create);
    let mut u = new_user(AuthMethod::Password);
    u.username = "a".repeat(1024);
    assert!(field_errors(&u).is_empty());
    u.username.push('a');
    assert_eq!(field_errors(&u)[0].0, Field::User(UserField::Username));
    let mut u = new_user(AuthMethod::Password);
    u.description = Some("d".repeat(100));
    assert!(field_errors(&u).is_empty());
    u.description = Some("d".repeat(101));
    assert_eq!(field_errors(&u)[0].0, Field::User(UserField::Description));
}

/// The codes the console answers with. `WEAK_PASSWORD` is Atlas's own strength check ("The specified password
/// is not strong enough.", mongodb/docs content/atlas/source/reference/api-errors.txt), which the console
/// can't reproduce; a too-short password breaks the spec's `minLength: 8`, whose code Atlas doesn't document,
/// so the console uses the generic VALIDATION_ERROR and says it is its own check. The same for an empty role
/// list: CANNOT_REMOVE_ALL_USER_ROLES (403) is about Atlas users' project roles (api-errors.txt), not
/// database users.
#[test]
fn codes_for_password_and_role_problems() {
    let ctx = ProjectContext::new(&[]);
    let mut short = new_user(AuthMethod::Password);
    short.password = Some("1234567".into());
    let e = validate_user(&short, &ctx, UserMode::Create, NOW);
    assert_eq!(
        e[0].code, VALIDATION_ERROR,
        "spec CloudDatabaseUser.password minLength 8"
    );
    assert!(e[0].message.contains("console"), "{}", e[0].message);
    let mut none = new_user(AuthMethod::Password);
    none.roles.clear();
    let e = validate_user(&none, &ctx, UserMode::Create, NOW);
    assert_eq!(
        (&e[0].field, e[0].code),
        (&Field::User(UserField::Roles), VALIDATION_ERROR)
    );
    assert!(e[0].message.contains("console"), "{}", e[0].message);
    for i in validate_user(&short, &ctx, UserMode::Create, NOW) {
        assert_ne!(i.code, WEAK_PASSWORD);
    }
}

/// Usernames: checked for format when created only (they can't change afterwards), so a user Atlas holds
/// under a name our rules don't foresee stays editable.
#[test]
fn usernames_are_checked_on_create_and_dot_segments_are_refused() {
    let ctx = ProjectContext::new(&[]);
    // Recorded from Atlas: dbusers/TestDBUsersWithStdin/Create_OIDC_user.
    let mut oidc = new_user(AuthMethod::OidcIdpGroup);
    oidc.username = "d0123456789abcdef012345d/user-332".into();
    let mut edited = oidc.clone();
    edited
        .roles
        .push(DatabaseUserRole::new("readWrite", "sales"));
    assert!(errors(&edited, &ctx, UserMode::Update { original: &oidc }).is_empty());
    // A name the console's SCRAM format would refuse on create stays editable.
    let mut legacy = new_user(AuthMethod::Password);
    legacy.username = "legacy user:1".into();
    legacy.password = None;
    assert!(!errors(&legacy, &ctx, UserMode::Create).is_empty());
    let mut edited = legacy.clone();
    edited
        .roles
        .push(DatabaseUserRole::new("readWrite", "sales"));
    assert!(errors(&edited, &ctx, UserMode::Update { original: &legacy }).is_empty());
    // "." and ".." are path segments a browser resolves (WHATWG URL, even as %2E), so a request for such a
    // user would reach another resource: the console's own check.
    for name in [".", ".."] {
        let mut u = new_user(AuthMethod::Password);
        u.username = name.into();
        assert_eq!(
            errors(&u, &ctx, UserMode::Create)
                .first()
                .map(|e| e.0.clone()),
            Some(Field::User(UserField::Username)),
            "{name}"
        );
    }
}

/// Scopes keep their type: `UserScope.type` is CLUSTER, DATA_LAKE or STREAM (spec UserScope).
#[test]
fn scope_choices_keep_each_scope_type() {
    let current = vec![
        UserScope {
            name: "ReportsLake".into(),
            kind: ScopeType::DataLake,
        },
        UserScope {
            name: "gone-cluster".into(),
            kind: ScopeType::Cluster,
        },
    ];
    let choices = scope_choices(
        &["Cluster0".to_string()],
        &["ReportsLake".to_string()],
        &["events".to_string()],
        &current,
    );
    let kind_of = |n: &str| choices.iter().find(|s| s.name == n).map(|s| s.kind);
    assert_eq!(kind_of("Cluster0"), Some(ScopeType::Cluster));
    assert_eq!(kind_of("ReportsLake"), Some(ScopeType::DataLake));
    assert_eq!(kind_of("events"), Some(ScopeType::Stream));
    assert_eq!(
        kind_of("gone-cluster"),
        Some(ScopeType::Cluster),
        "a scope the project no longer lists is still offered, never dropped"
    );
    assert_eq!(choices.len(), 4);
}

/// The standard demo (which the emulator serves too) meets the cases above.
#[test]
fn the_demo_has_an_ldap_group_user_and_data_lake_and_stream_scopes() {
    let p = demo::standard();
    let ldap_group = p
        .users
        .iter()
        .find(|u| u.ldap_auth_type == LdapAuthType::Group)
        .expect("an LDAP group user");
    assert_eq!(ldap_group.database_name, ADMIN_DB);
    for kind in [ScopeType::DataLake, ScopeType::Stream] {
        let u = p
            .users
            .iter()
            .find(|u| u.scopes.iter().any(|s| s.kind == kind))
            .unwrap_or_else(|| panic!("a user scoped to a {kind:?}"));
        let names = if kind == ScopeType::DataLake {
            &p.federated_databases
        } else {
            &p.stream_workspaces
        };
        assert!(u
            .scopes
            .iter()
            .all(|s| s.kind != kind || names.contains(&s.name)));
    }
    let ctx = p.context();
    for u in &p.users {
        assert!(
            errors(u, &ctx, UserMode::Update { original: u }).is_empty(),
            "{} validates as stored",
            u.username
        );
    }
    // An LDAP group user can be bulk-edited.
    let plan = plan_bulk(
        std::slice::from_ref(ldap_group),
        "reporting",
        BulkOp::Add,
        &ctx,
        NOW,
    );
    assert!(
        matches!(plan[0].outcome, BulkOutcome::Update(_)),
        "{plan:?}"
    );
}

const OIDC_USER_DB: &str = "mongodb/docs content/atlas/source/includes/composable-includes/security-add-mongodb-users/atlas-admin-api-oidc.rst ('The authentication database for OIDC-authenticated users is the $external database'); MongoDB manual core/oidc/workforce|workload/database-user-*: 'When you create a user, you must create it in the $external database'";
const OIDC_GROUP_DB: &str = "spec CloudDatabaseUser.databaseName and username table (OIDC Workforce, IDP_GROUP → admin); recording dbusers/TestDBUsersWithStdin/Create_OIDC_user; MongoDB manual core/oidc/*/database-user-*: IdP groups are roles created 'In the admin database'";
const OIDC_KINDS: &str = "spec FederationOidcWorkforceIdentityProvider / FederationOidcWorkloadIdentityProvider.authorizationType (GROUP, USER): 'whether authorization is granted based on group membership or user ID'; mongodb/docs content/atlas/source/includes/steps-create-oidc-user.rst: 'Specify either the user identifier or group identifier'";

/// Every OIDC combination Atlas supports: either kind of identity provider (`idpType` WORKFORCE or
/// WORKLOAD) authorizes by group or by user (`authorizationType`), and the database user records only
/// which (`oidcAuthType` IDP_GROUP or USER); the identity provider's kind isn't stored on the user, so
/// one dialog choice per `oidcAuthType` serves both kinds and says so.
/// `(identity provider, authorizes by, oidcAuthType, authentication database, source)`.
/// The spec's databaseName sentence ("OIDC Workload → $external, OIDC Workforce → admin") and its
/// username table pair Workforce with IDP_GROUP and Workload with USER, the two combinations Atlas first
/// offered; Terraform's acceptance test does the same (mongodb/terraform-provider-mongodbatlas
/// internal/service/databaseuser/resource_database_user_test.go TestAccDatabaseUser_withOIDCAuthType:
/// IDP_GROUP on admin, USER on $external). For the other two, the database follows `oidcAuthType` as
/// in those two and the manual (groups are roles on admin, users live on $external). UNCONFIRMED
/// against a recording: a Workforce USER and a Workload IDP_GROUP.
const OIDC: &[(&str, &str, OidcAuthType, &str, &str)] = &[
    (
        "Workforce",
        "group",
        OidcAuthType::IdpGroup,
        ADMIN_DB,
        OIDC_GROUP_DB,
    ),
    (
        "Workforce",
        "user",
        OidcAuthType::User,
        EXTERNAL_DB,
        OIDC_USER_DB,
    ),
    (
        "Workload",
        "group",
        OidcAuthType::IdpGroup,
        ADMIN_DB,
        OIDC_KINDS,
    ),
    (
        "Workload",
        "user",
        OidcAuthType::User,
        EXTERNAL_DB,
        OIDC_USER_DB,
    ),
];

#[test]
fn every_oidc_combination_is_offered_in_atlas_words_on_its_database() {
    let ctx = ProjectContext::new(&[]);
    for (idp, by, kind, db, source) in OIDC {
        let offered: Vec<AuthMethod> = AuthMethod::ALL
            .into_iter()
            .filter(|m| {
                let mut u = DatabaseUser::new("0oa1idp/devs");
                m.apply(&mut u);
                u.oidc_auth_type == *kind
            })
            .collect();
        assert_eq!(offered.len(), 1, "{idp} {by}: one choice ({source})");
        let m = offered[0];
        let label = m.label();
        assert!(
            label.contains(idp) && label.contains(by) && label.contains("OIDC"),
            "{idp} {by}: {label:?} ({OIDC_KINDS})"
        );
        assert_eq!(m.auth_db(), *db, "{idp} {by} ({source})");
        assert!(
            m.username_hint().contains(&format!("IdP {by} name")),
            "{idp} {by}: {:?} (spec CloudDatabaseUser.username)",
            m.username_hint()
        );
        let mut u = new_user(m);
        assert_eq!(u.database_name, *db);
        assert!(errors(&u, &ctx, UserMode::Create).is_empty(), "{idp} {by}");
        u.database_name = if *db == ADMIN_DB {
            EXTERNAL_DB
        } else {
            ADMIN_DB
        }
        .into();
        assert!(
            !errors(&u, &ctx, UserMode::Create).is_empty(),
            "{idp} {by} is refused on the other database ({source})"
        );
    }
}

const PERCENT_ENCODE: &str = "mongodb/docs content/atlas/source/includes/admonitions/notes/percent-encode-uri.rst: 'If the username or password includes the following characters, those characters must be converted using percent encoding: $ : / ? # [ ] @'";

/// Password (SCRAM) usernames: `(username, accepted on create?, source)`. The spec's username table says
/// "Alphanumeric string"; Atlas's connection docs tell people how to connect with a username holding
/// `$ : / ? # [ ] @` (percent-encode them), so Atlas accepts and stores such names and the console must
/// not refuse them. Whitespace, control characters and other punctuation stay refused: no Atlas source
/// shows them accepted (the console's own check, UNCONFIRMED against Atlas).
const SCRAM_USERNAMES: &[(&str, bool, &str)] = &[
    (
        "app-user",
        true,
        "recording dbusers/TestDBUserWithFlags/Create (user-253)",
    ),
    (
        "orders.api_v2+ro",
        true,
        "spec CloudDatabaseUser.username (alphanumeric) and separators",
    ),
    ("ops@example.com", true, PERCENT_ENCODE),
    ("ops:admin", true, PERCENT_ENCODE),
    ("team/app", true, PERCENT_ENCODE),
    ("cost$center", true, PERCENT_ENCODE),
    ("what?", true, PERCENT_ENCODE),
    ("app#2", true, PERCENT_ENCODE),
    ("[reports]", true, PERCENT_ENCODE),
    ("has space", false, "the console's own check (UNCONFIRMED)"),
    ("tab\there", false, "the console's own check (UNCONFIRMED)"),
    ("ünïcode", false, "the console's own check (UNCONFIRMED)"),
    (
        ".",
        false,
        "the console's own check: a path segment a browser resolves",
    ),
    (
        "..",
        false,
        "the console's own check: a path segment a browser resolves",
    ),
];

#[test]
fn password_usernames_atlas_accepts_are_accepted() {
    let ctx = ProjectContext::new(&[]);
    for (name, accepted, source) in SCRAM_USERNAMES {
        let mut u = new_user(AuthMethod::Password);
        u.username = (*name).into();
        let username_errors: Vec<_> = errors(&u, &ctx, UserMode::Create)
            .into_iter()
            .filter(|(f, _)| *f == Field::User(UserField::Username))
            .collect();
        assert_eq!(
            username_errors.is_empty(),
            *accepted,
            "{name:?}: {username_errors:?} ({source})"
        );
        // Whatever the name, every request for the user reaches it: one encoded path segment.
        let call = Group("6650f1c2a4b3c2d1e0f9a8b7").update_database_user(ADMIN_DB, name, &u);
        assert!(call
            .path
            .ends_with(&format!("/admin/{}", domain::api::encode(name))));
        assert!(!domain::api::encode(name).contains(['/', '?', '#']));
    }
}

const SPEC_USERNAME: &str = "spec CloudDatabaseUser.username (format table, maxLength 1024)";

/// The username rule of every other method, `(method, username, accepted on create?, source)`.
const USERNAMES_BY_METHOD: &[(AuthMethod, &str, bool, &str)] = &[
    (
        AuthMethod::AwsIamUser,
        "arn:aws:iam::123456789012:user/app",
        true,
        SPEC_USERNAME,
    ),
    (
        AuthMethod::AwsIamUser,
        "arn:aws:iam::123456789012:role/app",
        false,
        SPEC_USERNAME,
    ),
    (
        AuthMethod::AwsIamRole,
        "arn:aws:iam::123456789012:role/app",
        true,
        SPEC_USERNAME,
    ),
    (AuthMethod::AwsIamRole, "app", false, SPEC_USERNAME),
    // Recorded: Atlas created the Atlas-managed X.509 user `user389`
    // (dbuserscerts/TestDBUserCerts/Create_DBUser); the error table's form is CN=<username>.
    (
        AuthMethod::X509Managed,
        "user389",
        true,
        "recording dbuserscerts/TestDBUserCerts/Create_DBUser",
    ),
    (
        AuthMethod::X509Managed,
        "CN=app",
        true,
        "reference §4 ATLAS_MANAGED_X509_NAME_INVALID",
    ),
    (
        AuthMethod::X509Managed,
        "CN=app,OU=eng",
        false,
        "reference §4 ATLAS_MANAGED_X509_NAME_INVALID",
    ),
    // "Users created with the CUSTOMER method require a Common Name (CN) in the username parameter."
    (
        AuthMethod::X509Customer,
        "CN=app,OU=eng,DC=example,DC=com",
        true,
        "spec CloudDatabaseUser.x509Type",
    ),
    (
        AuthMethod::X509Customer,
        "OU=eng,DC=example,DC=com",
        false,
        "spec CloudDatabaseUser.x509Type",
    ),
    (
        AuthMethod::LdapUser,
        "uid=bob,ou=people,dc=example,dc=com",
        true,
        SPEC_USERNAME,
    ),
    (
        AuthMethod::LdapGroup,
        "not a dn",
        false,
        "reference §4 ATLAS_INVALID_LDAP_NAME",
    ),
    // RFC 2253 §3: an OID is `1*DIGIT *("." 1*DIGIT)`, and "+" joins two attributeTypeAndValue: both
    // found by the emulator's own DN reading (crates/emulator/tests/agreement.rs).
    (
        AuthMethod::LdapUser,
        "1..3=bob",
        false,
        "RFC 2253 §3 (numericoid)",
    ),
    (
        AuthMethod::LdapUser,
        "2.5.4.3=bob,dc=example",
        true,
        "RFC 2253 §3 (numericoid)",
    ),
    (
        AuthMethod::LdapUser,
        "CN=bob+",
        false,
        "RFC 2253 §3 (name-component)",
    ),
    (
        AuthMethod::OidcIdpGroup,
        "d0123456789abcdef012345d/user-332",
        true,
        "recording dbusers/TestDBUsersWithStdin/Create_OIDC_user",
    ),
    (AuthMethod::OidcUser, "no-slash", false, SPEC_USERNAME),
];

#[test]
fn each_method_s_username_rule_is_atlas_s() {
    let ctx = ProjectContext::new(&[]);
    for (m, name, accepted, source) in USERNAMES_BY_METHOD {
        let mut u = new_user(*m);
        u.username = (*name).into();
        let refused = errors(&u, &ctx, UserMode::Create)
            .iter()
            .any(|(f, _)| *f == Field::User(UserField::Username));
        assert_eq!(!refused, *accepted, "{m:?} {name:?} ({source})");
    }
    // Every method: at most 1024 characters (spec maxLength).
    for m in AuthMethod::ALL {
        let mut u = new_user(m);
        u.username = "a".repeat(1025);
        assert!(
            errors(&u, &ctx, UserMode::Create)
                .iter()
                .any(|(f, _)| *f == Field::User(UserField::Username)),
            "{m:?}: 1025 characters ({SPEC_USERNAME})"
        );
    }
}
