//! Custom role rules against the rest of the project: inherited roles (existence, scope, self, cycles at
//! any depth), the project limit, updating a missing role, and deletes that would leave someone with nothing.
use domain::model::*;
use domain::validate::*;
use domain::ErrorCode::{self, *};

use crate::common;
use common::{codes, ns, project, role};

#[test]
fn inherited_roles_are_checked_for_existence_scope_self_and_cycles() {
    let roles = project();
    let ctx = ProjectContext::new(&roles);
    let table: Vec<(CustomDbRole, RoleMode, ErrorCode)> = vec![
        (
            role("r", &[], &[("ghost", "admin")]),
            RoleMode::Create,
            ATLAS_INVALID_CUSTOM_ROLE_INHERITANCE,
        ),
        (
            role("r", &[], &[("root", "admin")]),
            RoleMode::Create,
            ATLAS_INVALID_CUSTOM_ROLE_INHERITANCE,
        ),
        (
            role("r", &[], &[("r", "admin")]),
            RoleMode::Create,
            ATLAS_INVALID_CUSTOM_ROLE_SELF_REFERENTIAL,
        ),
        (
            role("r", &[], &[("base", "sales")]),
            RoleMode::Create,
            ATLAS_INVALID_CUSTOM_ROLE_INHERITED_SCOPE,
        ),
        (
            role("r", &[], &[("backup", "sales")]),
            RoleMode::Create,
            ATLAS_INVALID_CUSTOM_ROLE_INHERITED_SCOPE,
        ),
        (
            role("r", &[], &[("read", "")]),
            RoleMode::Create,
            ATLAS_INVALID_CUSTOM_ROLE_INHERITED_SCOPE,
        ),
        (
            role("r", &[], &[("read", "sales"), ("read", "sales")]),
            RoleMode::Create,
            VALIDATION_ERROR,
        ),
        // base ← mid ← top: making base inherit top closes a loop of depth 3.
        (
            role("base", &[], &[("top", "admin")]),
            RoleMode::Update,
            ATLAS_INVALID_CUSTOM_ROLE_CIRCULAR_DEPENDENCY,
        ),
        (
            role("mid", &[], &[("top", "admin")]),
            RoleMode::Update,
            ATLAS_INVALID_CUSTOM_ROLE_CIRCULAR_DEPENDENCY,
        ),
    ];
    for (r, mode, code) in table {
        let issues = validate_role(&r, &ctx, mode);
        assert!(
            codes(&issues).contains(&code),
            "{code} for {r:?}: {issues:?}"
        );
    }
    let cycle = validate_role(
        &role("base", &[], &[("top", "admin")]),
        &ctx,
        RoleMode::Update,
    );
    let msg = &cycle
        .iter()
        .find(|i| i.code == ATLAS_INVALID_CUSTOM_ROLE_CIRCULAR_DEPENDENCY)
        .unwrap()
        .message;
    assert!(msg.contains("base → top → mid → base"), "{msg}");
    for ok in [
        role(
            "r",
            &[],
            &[("read", "sales"), ("readWrite", "hr"), ("dbAdmin", "admin")],
        ),
        role(
            "r",
            &[],
            &[
                ("clusterMonitor", "admin"),
                ("top", "admin"),
                ("killOpSession", "admin"),
            ],
        ),
    ] {
        let issues = validate_role(&ok, &ctx, RoleMode::Create);
        assert!(is_valid(&issues), "{issues:?}");
    }
}

#[test]
fn a_deep_cycle_through_ten_roles_is_found() {
    let mut roles: Vec<CustomDbRole> = (0..10)
        .map(|i| {
            let parent = format!("c{}", i + 1);
            if i < 9 {
                role(&format!("c{i}"), &[], &[(parent.as_str(), "admin")])
            } else {
                role("c9", &[("FIND", vec![ns("a", "")])], &[])
            }
        })
        .collect();
    let ctx = ProjectContext::new(&roles);
    assert!(is_valid(&validate_role(
        &roles[9].clone(),
        &ctx,
        RoleMode::Update
    )));
    let closing = role("c9", &[], &[("c0", "admin")]);
    assert!(codes(&validate_role(&closing, &ctx, RoleMode::Update))
        .contains(&ATLAS_INVALID_CUSTOM_ROLE_CIRCULAR_DEPENDENCY));
    roles.clear();
}

#[test]
fn the_project_limit_and_update_of_a_missing_role() {
    let roles: Vec<CustomDbRole> = (0..100)
        .map(|i| role(&format!("r{i}"), &[("FIND", vec![ns("a", "")])], &[]))
        .collect();
    let mut ctx = ProjectContext::new(&roles);
    let new = role("one_more", &[("FIND", vec![ns("a", "")])], &[]);
    assert_eq!(
        codes(&validate_role(&new, &ctx, RoleMode::Create)),
        vec![CUSTOM_ROLES_LIMIT_EXCEEDED]
    );
    ctx.custom_role_limit = 1400;
    assert!(is_valid(&validate_role(&new, &ctx, RoleMode::Create)));
    assert_eq!(
        codes(&validate_role(&new, &ctx, RoleMode::Update)),
        vec![ATLAS_CUSTOM_ROLE_NOT_FOUND]
    );
    assert!(
        is_valid(&validate_role(&roles[3], &ctx, RoleMode::Update)),
        "updating keeps its own name"
    );
}

#[test]
fn delete_is_blocked_only_when_someone_would_be_left_with_nothing() {
    let mut roles = project();
    roles.push(role(
        "also_own",
        &[("FIND", vec![ns("x", "")])],
        &[("base", "admin")],
    ));
    roles.push(role(
        "two_parents",
        &[],
        &[("base", "admin"), ("read", "x")],
    ));
    let mut only = DatabaseUser::new("alice");
    only.roles = vec![DatabaseUserRole::new("base", "admin")];
    let mut more = DatabaseUser::new("bob");
    more.roles = vec![
        DatabaseUserRole::new("base", "admin"),
        DatabaseUserRole::new("read", "x"),
    ];
    let users = vec![only, more];
    let ctx = ProjectContext {
        users: &users,
        ..ProjectContext::new(&roles)
    };
    let issues = delete_blockers("base", &ctx);
    assert_eq!(
        codes(&issues),
        vec![
            ATLAS_CUSTOM_ROLE_IN_USE_BY_USERS,
            ATLAS_CUSTOM_ROLE_IN_USE_BY_ROLES
        ]
    );
    assert!(
        issues[0].message.ends_with("without a role: alice."),
        "{}",
        issues[0].message
    );
    assert!(
        issues[1].message.ends_with("inherited roles: mid."),
        "{}",
        issues[1].message
    );
    assert!(delete_blockers("top", &ctx).is_empty(), "nobody holds top");
}
