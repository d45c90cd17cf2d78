//! Database user rules (API keys and service accounts: `validate_access.rs`).
use domain::model::*;
use domain::validate::*;
use domain::ErrorCode::{self, *};

use crate::common;
use common::users::*;

#[test]
fn a_plain_password_user_with_a_builtin_role_is_valid() {
    let r = roles();
    let ctx = ProjectContext::new(&r);
    assert!(errors(
        &scram("app-user.1@x", &[("readWrite", "sales")]),
        &ctx,
        UserMode::Create
    )
    .is_empty());
}

#[test]
fn usernames_follow_the_authentication_method() {
    let r = roles();
    let ctx = ProjectContext::new(&r);
    let ext = |f: &dyn Fn(&mut DatabaseUser), name: &str| {
        let mut u = scram(name, &[("read", "sales")]);
        u.password = None;
        u.database_name = EXTERNAL_DB.into();
        f(&mut u);
        u
    };
    let cases: Vec<(DatabaseUser, Option<ErrorCode>)> = vec![
        (
            scram("has space", &[("read", "a")]),
            Some(ATLAS_INVALID_USERNAME),
        ),
        (scram("", &[("read", "a")]), Some(INVALID_MONGODB_USERNAME)),
        (
            scram(&"a".repeat(1025), &[("read", "a")]),
            Some(INVALID_MONGODB_USERNAME),
        ),
        (
            ext(
                &|u| u.aws_iam_type = AwsIamType::Role,
                "arn:aws:iam::123456789012:role/app",
            ),
            None,
        ),
        (
            ext(
                &|u| u.aws_iam_type = AwsIamType::User,
                "arn:aws:iam::123456789012:role/app",
            ),
            Some(ATLAS_INVALID_USERNAME),
        ),
        (
            ext(
                &|u| u.aws_iam_type = AwsIamType::User,
                "arn:aws:iam::12345:user/app",
            ),
            Some(ATLAS_INVALID_USERNAME),
        ),
        (ext(&|u| u.x509_type = X509Type::Managed, "CN=alice"), None),
        // Atlas created the Atlas-managed X.509 user `user389` (recorded:
        // ../shared/atlas-recordings/dbuserscerts/TestDBUserCerts/Create_DBUser), whose certificate's
        // subject is CN=user389: what Atlas did wins over the error table's wording "CN=<username>".
        (ext(&|u| u.x509_type = X509Type::Managed, "user389"), None),
        (
            ext(&|u| u.x509_type = X509Type::Managed, "CN=alice,OU=eng"),
            Some(ATLAS_MANAGED_X509_NAME_INVALID),
        ),
        (
            ext(
                &|u| u.x509_type = X509Type::Customer,
                "CN=alice,OU=eng,O=Acme\\, Inc",
            ),
            None,
        ),
        (
            ext(&|u| u.x509_type = X509Type::Customer, "OU=eng,O=Acme"),
            Some(ATLAS_INVALID_USERNAME),
        ),
        (
            ext(
                &|u| u.ldap_auth_type = LdapAuthType::User,
                "uid=bob,ou=people,dc=example,dc=com",
            ),
            None,
        ),
        (
            ext(&|u| u.ldap_auth_type = LdapAuthType::Group, "not a dn"),
            Some(ATLAS_INVALID_LDAP_NAME),
        ),
        (
            ext(&|u| u.ldap_auth_type = LdapAuthType::User, "cn=bob,"),
            Some(ATLAS_INVALID_LDAP_NAME),
        ),
        (
            ext(
                &|u| u.oidc_auth_type = OidcAuthType::User,
                "0oa1idp/svc-account",
            ),
            None,
        ),
        (
            ext(&|u| u.oidc_auth_type = OidcAuthType::User, "no-slash"),
            Some(ATLAS_INVALID_USERNAME),
        ),
    ];
    for (u, expected) in cases {
        let e = errors(&u, &ctx, UserMode::Create);
        assert_eq!(e.first().map(|x| x.1), expected, "{:?}: {e:?}", u.username);
        if expected.is_some() {
            assert_eq!(e[0].0, UserField::Username);
        }
    }
}

#[test]
fn auth_database_password_and_method_rules() {
    let r = roles();
    let ctx = ProjectContext::new(&r);
    let mut u = scram("bob", &[("read", "a")]);
    u.database_name = EXTERNAL_DB.into();
    assert_eq!(
        errors(&u, &ctx, UserMode::Create),
        vec![(UserField::AuthDatabase, DATABASE_NAME_INVALID_ADMIN)]
    );
    let mut u = scram("CN=x", &[("read", "a")]);
    u.x509_type = X509Type::Managed;
    assert!(errors(&u, &ctx, UserMode::Create)
        .contains(&(UserField::AuthDatabase, DATABASE_NAME_INVALID_EXTERNAL)));
    assert!(
        errors(&u, &ctx, UserMode::Create).contains(&(UserField::Password, VALIDATION_ERROR)),
        "no password for external users"
    );
    let mut oidc_group = scram("idp/devs", &[("read", "a")]);
    oidc_group.password = None;
    oidc_group.oidc_auth_type = OidcAuthType::IdpGroup;
    assert!(
        errors(&oidc_group, &ctx, UserMode::Create).is_empty(),
        "OIDC workforce lives on admin"
    );
    let mut short = scram("bob", &[("read", "a")]);
    short.password = Some("1234567".into());
    assert_eq!(
        errors(&short, &ctx, UserMode::Create),
        vec![(UserField::Password, VALIDATION_ERROR)],
        "WEAK_PASSWORD is Atlas's strength check, not the length (facts_database_users.rs)"
    );
    short.password = None;
    assert_eq!(
        errors(&short, &ctx, UserMode::Create),
        vec![(UserField::Password, VALIDATION_ERROR)]
    );
    let mut two = scram("bob", &[("read", "a")]);
    two.ldap_auth_type = LdapAuthType::User;
    two.x509_type = X509Type::Customer;
    assert_eq!(
        errors(&two, &ctx, UserMode::Create),
        vec![(UserField::AuthMethod, VALIDATION_ERROR)]
    );
    let mut long = scram("bob", &[("read", "a")]);
    long.description = Some("d".repeat(101));
    long.labels = vec![Label {
        key: "".into(),
        value: "v".into(),
    }];
    assert_eq!(
        errors(&long, &ctx, UserMode::Create),
        vec![
            (UserField::Description, VALIDATION_ERROR),
            (UserField::Label(0), VALIDATION_ERROR)
        ]
    );
}

#[test]
fn the_role_table_for_database_users() {
    let r = roles();
    let ctx = ProjectContext::new(&r);
    type Case<'a> = (&'a [(&'a str, &'a str)], Option<(UserField, ErrorCode)>);
    let cases: &[Case] = &[
        (&[("atlasAdmin", "admin")], None),
        (
            &[("readAnyDatabase", "sales")],
            Some((UserField::Role(0), ATLAS_INVALID_ROLE_DATABASE)),
        ),
        (&[("dbAdmin", "sales")], None),
        (
            &[("read", "")],
            Some((UserField::Role(0), INVALID_DATABASE_NAME)),
        ),
        (
            &[("root", "admin")],
            Some((UserField::Role(0), ATLAS_INVALID_ROLE)),
        ),
        (&[("c1", "admin")], None),
        (
            &[("c1", "sales")],
            Some((UserField::Role(0), UNSUPPORTED_ROLE)),
        ),
        (
            &[("ghost", "admin")],
            Some((UserField::Role(0), ATLAS_INVALID_ROLE)),
        ),
        (
            &[("read", "a"), ("read", "a")],
            Some((UserField::Role(1), DUPLICATE_DATABASE_ROLES)),
        ),
        (&[], Some((UserField::Roles, VALIDATION_ERROR))),
    ];
    for (roles, expected) in cases {
        let e = errors(&scram("bob", roles), &ctx, UserMode::Create);
        assert_eq!(e.first().copied(), *expected, "{roles:?}: {e:?}");
    }
    let mut with_coll = scram("bob", &[("read", "sales")]);
    with_coll.roles[0].collection_name = Some("orders".into());
    assert!(
        errors(&with_coll, &ctx, UserMode::Create).is_empty(),
        "read may be narrowed to a collection"
    );
    with_coll.roles[0].role_name = "dbAdmin".into();
    assert_eq!(
        errors(&with_coll, &ctx, UserMode::Create),
        vec![(UserField::Role(0), VALIDATION_ERROR)]
    );
    let twenty: Vec<(String, &str)> = (0..20).map(|i| (format!("c{i}"), "admin")).collect();
    let refs: Vec<(&str, &str)> = twenty.iter().map(|(a, b)| (a.as_str(), *b)).collect();
    assert!(
        errors(&scram("bob", &refs), &ctx, UserMode::Create).is_empty(),
        "20 custom roles is the limit"
    );
    let mut more = refs.clone();
    more.push(("c20", "admin"));
    assert_eq!(
        errors(&scram("bob", &more), &ctx, UserMode::Create),
        vec![(UserField::Roles, VALIDATION_ERROR)]
    );
}
