//! Atlas-managed X.509 certificates (`POST …/databaseUsers/{username}/certs`, `createGroupDatabaseUserCert`):
//! only for an Atlas-managed X.509 user (`x509Type: MANAGED`, on `$external`), valid 1 to 24 months
//! (the spec's `UserCert.monthsUntilExpiration`: default 3, maximum 24), Project Owner only (its
//! `x-rolesRequirements`). Atlas answers with the PEM text (recorded in
//! `../shared/atlas-recordings/dbuserscerts`); the console never stores it.
use domain::api::Group;
use domain::demo::DemoKind;
use domain::model::{DatabaseUser, DatabaseUserRole, X509Type, EXTERNAL_DB};
use domain::permissions::{access_of, Access, Permission};
use domain::project::{ActivityKind, Principal};
use domain::user_certs::{validate_certificate_months, DEFAULT_CERT_MONTHS, MAX_CERT_MONTHS};
use domain::validate::Field;

const NOW: &str = "2026-12-01T10:00:00Z";

fn with_managed_user() -> domain::project::Project {
    let mut p = DemoKind::Standard.project();
    let mut u = DatabaseUser::new("cert-user");
    u.database_name = EXTERNAL_DB.into();
    u.x509_type = X509Type::Managed;
    u.roles = vec![DatabaseUserRole::new("read", "sales")];
    p.users.push(u);
    p
}

#[test]
fn months_follow_the_spec() {
    assert_eq!((DEFAULT_CERT_MONTHS, MAX_CERT_MONTHS), (3, 24));
    assert!(validate_certificate_months("1").is_empty());
    assert!(validate_certificate_months(" 24 ").is_empty());
    for wrong in ["0", "25", "", "six", "-1"] {
        let issues = validate_certificate_months(wrong);
        assert_eq!(issues.len(), 1, "{wrong:?}: {issues:?}");
        assert_eq!(
            issues[0].field,
            Field::CertificateMonths,
            "addressed to the field"
        );
        assert!(
            issues[0].is_error() && issues[0].message.contains("24"),
            "{issues:?}"
        );
    }
}

#[test]
fn a_project_owner_creates_one_for_a_managed_user_and_the_feed_records_it() {
    let mut p = with_managed_user();
    p.create_user_certificate("cert-user", 6, NOW).unwrap();
    let e = p.activity.last().unwrap();
    assert_eq!(e.kind, ActivityKind::DatabaseUserUpdated);
    assert!(e.summary.contains("6 months"), "{e:?}");
    let json = serde_json::to_string(&p).unwrap();
    assert!(
        !json.contains("BEGIN CERTIFICATE"),
        "nothing of a certificate is stored"
    );
}

#[test]
fn only_managed_users_get_one_and_only_from_a_project_owner() {
    let mut p = with_managed_user();
    let e = p.create_user_certificate("analyst", 3, NOW).unwrap_err();
    assert_eq!(e.error, 404, "{e:?}");
    let e = p.create_user_certificate("cert-user", 30, NOW).unwrap_err();
    assert_eq!(e.error, 400);
    p.principal = Principal {
        name: "dana.dbadmin@example.com".into(),
        project_roles: vec!["GROUP_DATABASE_ACCESS_ADMIN".into()],
    };
    let e = p.create_user_certificate("cert-user", 3, NOW).unwrap_err();
    assert_eq!(e.error, 403);
}

#[test]
fn the_call_is_the_specs() {
    let call = Group("6650f1c2a4b3c2d1e0f9a8b7").create_user_certificate("cert-user", 6);
    assert_eq!(call.method.as_str(), "POST");
    assert_eq!(
        call.path,
        "/api/atlas/v2/groups/6650f1c2a4b3c2d1e0f9a8b7/databaseUsers/cert-user/certs"
    );
    assert_eq!(call.body.unwrap()["monthsUntilExpiration"], 6);
    let call = Group("g").create_user_certificate("cert-user", 6);
    assert_eq!(
        access_of(&call),
        Some(Access::Change(Permission::Certificates))
    );
    assert_eq!(
        Permission::Certificates.requirement(),
        "Requires Project Owner (or Organization Owner)"
    );
}
