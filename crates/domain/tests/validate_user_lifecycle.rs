//! Database user rules over time: temporary users, scopes, what an update may not change, and when a
//! password is required.
use domain::model::*;
use domain::validate::*;
use domain::ErrorCode::*;

use crate::common;
use common::users::*;

#[test]
fn temporary_users_scopes_and_immutable_fields() {
    let r = roles();
    let clusters = vec![ClusterSummary {
        name: "Cluster0".into(),
        mongo_db_version: "7.0".into(),
        ..Default::default()
    }];
    let ctx = ProjectContext {
        clusters: &clusters,
        ..ProjectContext::new(&r)
    };
    assert_eq!(parse_datetime("1970-01-02T00:00:00Z"), Some(86_400));
    assert_eq!(
        parse_datetime("2026-11-22T10:00:00.123+02:00"),
        Some(1_795_334_400)
    ); // 08:00Z, per Python
    assert_eq!(parse_datetime("2026-02-30T00:00:00Z"), None);
    let at = iso;
    let mut u = scram("tmp", &[("read", "a")]);
    for (delta, expected) in [
        (3600, None),
        (7 * 86_400, None),
        (7 * 86_400 + 60, Some(EXPIRATION_DATE_EXCEEDS_MAX)),
        (-60, Some(EXPIRATION_DATE_IN_PAST)),
    ] {
        u.delete_after_date = Some(at(NOW + delta));
        assert_eq!(
            errors(&u, &ctx, UserMode::Create).first().map(|e| e.1),
            expected,
            "{delta}"
        );
    }
    let mut x509 = scram("CN=t", &[("read", "a")]);
    x509.password = None;
    x509.database_name = EXTERNAL_DB.into();
    x509.x509_type = X509Type::Managed;
    x509.delete_after_date = Some(at(NOW + 3600));
    assert_eq!(
        errors(&x509, &ctx, UserMode::Create),
        vec![(UserField::DeleteAfter, ATLAS_X509_USER_CANNOT_BE_TEMPORARY)]
    );

    let mut scoped = scram("s", &[("read", "a")]);
    scoped.scopes = vec![
        UserScope {
            name: "Cluster0".into(),
            kind: ScopeType::Cluster,
        },
        UserScope {
            name: "Nope".into(),
            kind: ScopeType::Cluster,
        },
        UserScope {
            name: "-bad".into(),
            kind: ScopeType::DataLake,
        },
    ];
    assert_eq!(
        errors(&scoped, &ctx, UserMode::Create),
        vec![
            (UserField::Scope(1), RESOURCE_NOT_FOUND),
            (UserField::Scope(2), VALIDATION_ERROR)
        ]
    );

    let original = scram("bob", &[("read", "a")]);
    let users = vec![original.clone()];
    let ctx = ProjectContext {
        users: &users,
        ..ProjectContext::new(&r)
    };
    assert_eq!(
        errors(&original, &ctx, UserMode::Create),
        vec![(UserField::Username, USER_ALREADY_EXISTS)]
    );
    let mut renamed = original.clone();
    renamed.username = "robert".into();
    renamed.ldap_auth_type = LdapAuthType::User;
    renamed.password = None;
    renamed.database_name = EXTERNAL_DB.into();
    renamed.username = "cn=robert".into();
    let e = errors(
        &renamed,
        &ctx,
        UserMode::Update {
            original: &original,
        },
    );
    for expected in [
        (UserField::Username, DATABASE_USERNAME_CANNOT_BE_CHANGED),
        (UserField::AuthDatabase, DATABASE_NAME_CANNOT_BE_CHANGED),
        (UserField::AuthMethod, AUTH_TYPE_CANNOT_BE_CHANGED),
    ] {
        assert!(e.contains(&expected), "{expected:?} in {e:?}");
    }
    let mut more_roles = original.clone();
    more_roles
        .roles
        .push(DatabaseUserRole::new("readWrite", "b"));
    assert!(errors(
        &more_roles,
        &ctx,
        UserMode::Update {
            original: &original
        }
    )
    .is_empty());
}

fn iso(secs: i64) -> String {
    domain::datetime::format_datetime(secs, 0)
}

#[test]
fn a_password_is_required_on_create_and_optional_on_update() {
    let r = roles();
    let ctx = ProjectContext::new(&r);
    let mut u = scram("bob", &[("read", "a")]);
    u.password = None;
    assert_eq!(
        errors(&u, &ctx, UserMode::Create),
        vec![(UserField::Password, VALIDATION_ERROR)]
    );
    let original = u.clone();
    assert!(
        errors(
            &u,
            &ctx,
            UserMode::Update {
                original: &original
            }
        )
        .is_empty(),
        "no password on update keeps the current one"
    );
    u.password = Some(String::new());
    assert_eq!(
        errors(
            &u,
            &ctx,
            UserMode::Update {
                original: &original
            }
        ),
        vec![(UserField::Password, VALIDATION_ERROR)],
        "an empty new password is still refused"
    );
}
