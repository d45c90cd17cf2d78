//! The project store applies writes the way Atlas does: refused with the Atlas envelope, recorded in the
//! activity feed when accepted. And the demo projects it starts from are valid by the same rules.
use crate::common;
use common::{ns, role, user};
use domain::demo::{self, DemoKind};
use domain::model::{UpdateCustomDbRole, MAX_CUSTOM_ROLES_LIMIT};
use domain::project::{ActivityKind, Project};
use domain::validate::{is_valid, validate_role, validate_user, RoleMode, UserMode};
use domain::ErrorCode::*;

const NOW: &str = "2026-11-22T10:00:00Z";

fn project() -> Project {
    let mut p = demo::standard();
    p.custom_roles = vec![
        role("reader", &[("FIND", vec![ns("sales", "orders")])], &[]),
        role("child_only", &[], &[("reader", "admin")]),
        role(
            "mixed",
            &[("INSERT", vec![ns("sales", "")])],
            &[("reader", "admin")],
        ),
    ];
    p.users = vec![
        user("only-reader", &[("reader", "admin")]),
        user("reader-and-more", &[("reader", "admin"), ("read", "sales")]),
    ];
    p
}

#[test]
fn create_accepts_a_valid_role_and_records_it() {
    let mut p = project();
    let new = role(
        "writer",
        &[("INSERT", vec![ns("sales", "orders")])],
        &[("reader", "admin")],
    );
    assert_eq!(p.create_custom_role(new.clone(), NOW), Ok(new.clone()));
    assert_eq!(p.custom_role("writer"), Some(&new));
    let event = p.activity_newest_first().next().unwrap();
    assert_eq!(event.kind, ActivityKind::CustomRoleCreated);
    assert_eq!(event.target, "writer");
    assert_eq!(event.at, NOW);
    assert_eq!(event.principal, p.principal.name);
    assert!(
        event.summary.contains("INSERT@sales.orders"),
        "{}",
        event.summary
    );
    assert!(event.summary.contains("reader@admin"), "{}", event.summary);
}

#[test]
fn create_refuses_with_the_atlas_codes() {
    let mut p = project();
    let cases = [
        (
            role("reader", &[("FIND", vec![ns("a", "")])], &[]),
            ATLAS_CUSTOM_ROLE_NAME_ALREADY_EXISTS,
            409,
        ),
        (
            role("bad name", &[("FIND", vec![ns("a", "")])], &[]),
            ATLAS_CUSTOM_ROLE_INVALID_NAME,
            400,
        ),
        (
            role("empty", &[], &[]),
            ATLAS_CUSTOM_ROLE_HAS_NO_PERMISSIONS,
            400,
        ),
        (
            role("loop", &[], &[("loop", "admin")]),
            ATLAS_INVALID_CUSTOM_ROLE_SELF_REFERENTIAL,
            400,
        ),
    ];
    for (r, code, status) in cases {
        let before = p.clone();
        let err = p.create_custom_role(r.clone(), NOW).unwrap_err();
        assert_eq!(
            (err.code(), err.error),
            (Some(code), status),
            "{}",
            r.role_name
        );
        assert!(err.detail.as_deref().is_some_and(|d| !d.is_empty()));
        assert_eq!(p, before, "a refused write changes nothing");
    }
}

#[test]
fn create_refuses_past_the_project_limit() {
    let mut p = project();
    p.custom_role_limit = 3;
    let err = p
        .create_custom_role(role("fourth", &[("FIND", vec![ns("a", "")])], &[]), NOW)
        .unwrap_err();
    assert_eq!(err.code(), Some(CUSTOM_ROLES_LIMIT_EXCEEDED));
}

#[test]
fn update_replaces_lists_and_summarises_the_difference() {
    let mut p = project();
    let update = UpdateCustomDbRole {
        actions: vec![],
        inherited_roles: vec![domain::model::InheritedRole::new("reader", "admin")],
    };
    let updated = p.update_custom_role("mixed", update, NOW).unwrap();
    assert!(updated.actions.is_empty());
    assert_eq!(p.custom_role("mixed"), Some(&updated));
    let event = p.activity_newest_first().next().unwrap();
    assert_eq!(event.kind, ActivityKind::CustomRoleUpdated);
    assert_eq!(event.summary, "Removed INSERT@sales");
}

#[test]
fn update_of_a_missing_role_is_404_and_invalid_update_is_refused() {
    let mut p = project();
    let err = p
        .update_custom_role("ghost", UpdateCustomDbRole::default(), NOW)
        .unwrap_err();
    assert_eq!(
        (err.code(), err.error),
        (Some(ATLAS_CUSTOM_ROLE_NOT_FOUND), 404)
    );
    let before = p.clone();
    let err = p
        .update_custom_role("reader", UpdateCustomDbRole::default(), NOW)
        .unwrap_err();
    assert_eq!(err.code(), Some(ATLAS_CUSTOM_ROLE_HAS_NO_PERMISSIONS));
    assert_eq!(p, before);
}

#[test]
fn delete_is_refused_while_a_user_or_role_would_be_left_with_nothing() {
    let mut p = project();
    let err = p.delete_custom_role("reader", NOW).unwrap_err();
    assert_eq!(
        (err.code(), err.error),
        (Some(ATLAS_CUSTOM_ROLE_IN_USE_BY_USERS), 409)
    );
    assert!(err.detail.unwrap().contains("only-reader"));
    p.users.retain(|u| u.username != "only-reader");
    let err = p.delete_custom_role("reader", NOW).unwrap_err();
    assert_eq!(err.code(), Some(ATLAS_CUSTOM_ROLE_IN_USE_BY_ROLES));
    assert!(p.activity.is_empty());
}

#[test]
fn delete_removes_the_role_from_its_holders_and_records_it() {
    let mut p = project();
    p.users.retain(|u| u.username != "only-reader");
    p.custom_roles.retain(|r| r.role_name != "child_only");
    p.delete_custom_role("reader", NOW).unwrap();
    assert!(p.custom_role("reader").is_none());
    assert_eq!(p.users[0].roles.len(), 1, "the user keeps its other role");
    assert!(p.custom_role("mixed").unwrap().inherited_roles.is_empty());
    let event = p.activity_newest_first().next().unwrap();
    assert_eq!(event.kind, ActivityKind::CustomRoleDeleted);
    assert_eq!(
        event.summary,
        "Deleted; removed from 1 database user and 1 custom role"
    );
    assert_eq!(
        p.delete_custom_role("reader", NOW).unwrap_err().code(),
        Some(ATLAS_CUSTOM_ROLE_NOT_FOUND)
    );
}

#[test]
fn activity_feed_lists_newest_first() {
    let mut p = project();
    for (i, name) in ["a1", "a2", "a3"].iter().enumerate() {
        let at = format!("2026-11-22T10:00:0{i}Z");
        p.create_custom_role(role(name, &[("FIND", vec![ns("x", "")])], &[]), &at)
            .unwrap();
    }
    let order: Vec<&str> = p
        .activity_newest_first()
        .map(|e| e.target.as_str())
        .collect();
    assert_eq!(order, ["a3", "a2", "a1"]);
}

fn assert_demo_valid(p: &Project) {
    for r in &p.custom_roles {
        let issues = validate_role(r, &p.context(), RoleMode::Update);
        assert!(is_valid(&issues), "{}: {issues:?}", r.role_name);
    }
    for u in &p.users {
        let issues = validate_user(u, &p.context(), UserMode::Update { original: u }, 0);
        assert!(is_valid(&issues), "{}: {issues:?}", u.username);
    }
}

#[test]
fn standard_demo_is_valid_and_has_what_the_screens_need() {
    let p = DemoKind::Standard.project();
    assert_demo_valid(&p);
    assert_eq!(p.clusters.len(), 4);
    assert!(p.clusters.iter().any(|c| c.flex_api_only));
    assert!((7..=10).contains(&p.custom_roles.len()));
    assert!(p.users.len() >= 10);
    assert!(p
        .custom_roles
        .iter()
        .any(|r| r.actions.is_empty() && !r.inherited_roles.is_empty()));
    let custom = |n: &str| p.custom_role(n).is_some();
    assert!(p
        .users
        .iter()
        .any(|u| u.roles.len() == 1 && custom(&u.roles[0].role_name)));
    assert!(p
        .custom_roles
        .iter()
        .any(|r| r.inherited_roles.iter().any(|i| custom(&i.role))));
    assert_eq!(p.principal.project_roles, ["GROUP_OWNER"]);
}

#[test]
fn large_demo_is_valid_and_sized_for_the_benchmarks() {
    let p = DemoKind::Large.project();
    assert_eq!(p.custom_roles.len(), 1_400);
    assert_eq!(p.users.len(), 100);
    assert_eq!(p.custom_role_limit, MAX_CUSTOM_ROLES_LIMIT);
    assert!(
        p.custom_roles
            .iter()
            .filter(|r| !r.inherited_roles.is_empty())
            .count()
            > 200
    );
    assert_demo_valid(&p);
    assert_eq!(DemoKind::parse("large"), Some(DemoKind::Large));
    assert_eq!(DemoKind::parse("nope"), None);
}

#[test]
fn projects_survive_a_json_round_trip() {
    let mut p = project();
    p.create_custom_role(role("x", &[("FIND", vec![ns("x", "")])], &[]), NOW)
        .unwrap();
    let json = serde_json::to_string(&p).unwrap();
    assert_eq!(serde_json::from_str::<Project>(&json).unwrap(), p);
}

fn password_user(name: &str, roles: &[(&str, &str)]) -> domain::model::DatabaseUser {
    let mut u = user(name, roles);
    u.password = Some("correct-horse-battery".into());
    u
}

#[test]
fn creating_a_user_validates_drops_the_password_and_records_it() {
    let mut p = project();
    let created = p
        .create_database_user(password_user("new-app", &[("reader", "admin")]), NOW)
        .unwrap();
    assert_eq!(created.password, None);
    let stored = p.database_user("admin", "new-app").unwrap();
    assert_eq!(stored.password, None, "a project never holds a password");
    let json = serde_json::to_string(&p).unwrap();
    assert!(!json.contains("correct-horse-battery"));
    let event = p.activity_newest_first().next().unwrap();
    assert_eq!(event.kind, ActivityKind::DatabaseUserCreated);
    assert_eq!(event.summary, "Roles: reader@admin");

    let err = p
        .create_database_user(password_user("new-app", &[("read", "sales")]), NOW)
        .unwrap_err();
    assert_eq!((err.code(), err.error), (Some(USER_ALREADY_EXISTS), 409));
    let mut no_password = user("nopass", &[("read", "sales")]);
    no_password.password = None;
    let err = p.create_database_user(no_password, NOW).unwrap_err();
    assert_eq!(err.error, 400);
}

#[test]
fn updating_a_user_keeps_or_changes_the_password_and_refuses_immutable_changes() {
    let mut p = project();
    let mut change = p.database_user("admin", "reader-and-more").unwrap().clone();
    change
        .roles
        .push(domain::model::DatabaseUserRole::new("read", "billing"));
    p.update_database_user("admin", "reader-and-more", change.clone(), NOW)
        .unwrap();
    assert_eq!(
        p.database_user("admin", "reader-and-more")
            .unwrap()
            .roles
            .len(),
        3
    );
    assert!(!p
        .activity_newest_first()
        .next()
        .unwrap()
        .summary
        .contains("password"));

    change.password = Some("another-long-secret".into());
    p.update_database_user("admin", "reader-and-more", change.clone(), NOW)
        .unwrap();
    let event = p.activity_newest_first().next().unwrap();
    assert!(
        event.summary.ends_with("; password changed"),
        "{}",
        event.summary
    );
    assert!(!serde_json::to_string(&p)
        .unwrap()
        .contains("another-long-secret"));

    let mut renamed = change.clone();
    renamed.username = "someone-else".into();
    renamed.password = None;
    let err = p
        .update_database_user("admin", "reader-and-more", renamed, NOW)
        .unwrap_err();
    assert_eq!(err.code(), Some(DATABASE_USERNAME_CANNOT_BE_CHANGED));
    let err = p
        .update_database_user("admin", "ghost", change, NOW)
        .unwrap_err();
    assert_eq!(err.error, 404);
}

#[test]
fn deleting_a_user_removes_and_records_it() {
    let mut p = project();
    p.delete_database_user("admin", "only-reader", NOW).unwrap();
    assert!(p.database_user("admin", "only-reader").is_none());
    assert_eq!(
        p.activity_newest_first().next().unwrap().kind,
        ActivityKind::DatabaseUserDeleted
    );
    assert_eq!(
        p.delete_database_user("admin", "only-reader", NOW)
            .unwrap_err()
            .error,
        404
    );
}
