//! Raising the project's custom-role limit (`PATCH …/limits/atlas.project.security.databaseAccess.customRoles`):
//! Project Owner only (the spec's `x-rolesRequirements` for `setGroupLimit`), up to 1,400 (the spec's
//! limits table), never below the roles the project already has.
use domain::api::Group;
use domain::demo::DemoKind;
use domain::model::{CUSTOM_ROLES_LIMIT_NAME, MAX_CUSTOM_ROLES_LIMIT};
use domain::permissions::{access_of, Access, Permission};
use domain::project::{ActivityKind, Principal};
use domain::project_limits::validate_custom_role_limit;
use domain::validate::Field;
use domain::ErrorCode;

const NOW: &str = "2026-12-01T10:00:00Z";

#[test]
fn a_project_owner_raises_the_limit_and_the_feed_says_so() {
    let mut p = DemoKind::Standard.project();
    assert_eq!(p.custom_role_limit, 100);
    let limit = p.set_custom_role_limit(250, NOW).unwrap();
    assert_eq!(
        (limit.name.as_str(), limit.value),
        (CUSTOM_ROLES_LIMIT_NAME, 250)
    );
    assert_eq!(p.custom_role_limit, 250);
    let event = p.activity.last().unwrap();
    assert_eq!(event.kind, ActivityKind::ProjectLimitChanged);
    assert!(
        event.summary.contains("100") && event.summary.contains("250"),
        "{event:?}"
    );
}

#[test]
fn the_limit_stays_within_what_atlas_allows() {
    let mut p = DemoKind::Standard.project();
    let over = p
        .set_custom_role_limit(MAX_CUSTOM_ROLES_LIMIT + 1, NOW)
        .unwrap_err();
    assert_eq!(over.error, 400);
    assert!(over.detail.unwrap().contains("1400"));
    let roles = p.custom_roles.len();
    let under = p.set_custom_role_limit(roles - 1, NOW).unwrap_err();
    assert_eq!(under.error, 400);
    assert_eq!(p.custom_role_limit, 100, "nothing changed");
    assert!(p.set_custom_role_limit(roles, NOW).is_ok());
}

/// The dialog's rule, as typed: one message, addressed to the limit field, for each way it can be wrong.
#[test]
fn the_limit_as_typed_is_checked_at_its_field() {
    assert!(validate_custom_role_limit(" 150 ", 8).is_empty());
    assert!(validate_custom_role_limit("8", 8).is_empty());
    for (typed, says) in [
        ("1401", "at most 1400"),
        ("7", "already has 8 custom roles"),
        ("0", "already has 8"),
        ("", "whole number"),
        ("12.5", "whole number"),
    ] {
        let issues = validate_custom_role_limit(typed, 8);
        assert_eq!(issues.len(), 1, "{typed:?}: {issues:?}");
        assert_eq!(issues[0].field, Field::CustomRoleLimit);
        assert!(
            issues[0].is_error() && issues[0].message.contains(says),
            "{typed:?}: {issues:?}"
        );
    }
}

#[test]
fn only_a_project_owner_may_change_it() {
    let mut p = DemoKind::Standard.project();
    p.principal = Principal {
        name: "dana.dbadmin@example.com".into(),
        project_roles: vec!["GROUP_DATABASE_ACCESS_ADMIN".into()],
    };
    let e = p.set_custom_role_limit(200, NOW).unwrap_err();
    assert_eq!(
        (e.error, e.error_code.as_str()),
        (403, ErrorCode::USER_UNAUTHORIZED.as_str())
    );
    assert_eq!(p.custom_role_limit, 100);
    assert!(!p.principal.may(Permission::ProjectSettings));
    assert_eq!(
        Permission::ProjectSettings.requirement(),
        "Requires Project Owner (or Organization Owner)"
    );
}

#[test]
fn the_call_is_the_specs_set_group_limit() {
    let call = Group("6650f1c2a4b3c2d1e0f9a8b7").set_limit(CUSTOM_ROLES_LIMIT_NAME, 250);
    assert_eq!(call.method.as_str(), "PATCH");
    assert_eq!(
        call.path,
        "/api/atlas/v2/groups/6650f1c2a4b3c2d1e0f9a8b7/limits/atlas.project.security.databaseAccess.customRoles"
    );
    assert_eq!(call.body.as_ref().unwrap()["value"], 250);
    assert_eq!(
        access_of(&call),
        Some(Access::Change(Permission::ProjectSettings))
    );
}
