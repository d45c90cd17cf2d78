//! Undo after delete: a deleted role or user is put back exactly, against the project as it is now.
use domain::demo;
use domain::model::*;
use domain::project::Project;
use domain::undo::{delete_needs_typed_name, user_undo, DeletedRole, Write, PASSWORD_USER_NO_UNDO};
use domain::user_form::AuthMethod;

const NOW: &str = "2026-11-22T10:00:00Z";

fn apply(p: &mut Project, writes: Vec<Write>) -> Result<(), ApiError> {
    for w in writes {
        match w {
            Write::CreateRole(r) => p.create_custom_role(r, NOW).map(drop)?,
            Write::UpdateRole { name, update } => {
                p.update_custom_role(&name, update, NOW).map(drop)?
            }
            Write::CreateUser(u) => p.create_database_user(u, NOW).map(drop)?,
            Write::UpdateUser { db, username, user } => p
                .update_database_user(&db, &username, user, NOW)
                .map(drop)?,
        }
    }
    Ok(())
}

/// Roles and users in a canonical order (a restore appends; order carries no meaning in Atlas).
fn canonical(p: &Project) -> (Vec<CustomDbRole>, Vec<DatabaseUser>) {
    let mut roles = p.custom_roles.clone();
    roles.sort_by(|a, b| a.role_name.cmp(&b.role_name));
    for r in &mut roles {
        r.inherited_roles
            .sort_by(|a, b| (&a.role, &a.db).cmp(&(&b.role, &b.db)));
    }
    let mut users = p.users.clone();
    users.sort_by(|a, b| a.username.cmp(&b.username));
    for u in &mut users {
        u.roles.sort_by(|a, b| {
            (&a.role_name, &a.database_name).cmp(&(&b.role_name, &b.database_name))
        });
    }
    (roles, users)
}

/// Deletes then restores every role the project lets go of; each time the project is as before.
fn round_trip_every_role(p: &Project) -> Vec<String> {
    let mut restored = Vec::new();
    for name in p.custom_roles.iter().map(|r| r.role_name.clone()) {
        let mut q = p.clone();
        let captured = DeletedRole::capture(&name, &q.custom_roles, &q.users).unwrap();
        if q.delete_custom_role(&name, NOW).is_err() {
            continue; // blocked: someone would be left with nothing
        }
        assert!(q.custom_role(&name).is_none());
        let writes = captured.restore(&q.custom_roles, &q.users);
        assert_eq!(
            writes.len(),
            1 + captured.holder_count(),
            "{name}: one write per holder"
        );
        apply(&mut q, writes).unwrap_or_else(|e| panic!("restoring {name}: {e:?}"));
        assert_eq!(canonical(&q), canonical(p), "{name} restored exactly");
        restored.push(name);
    }
    restored
}

#[test]
fn a_deleted_role_comes_back_with_its_place_in_every_role_and_user() {
    let p = demo::standard();
    let restored = round_trip_every_role(&p);
    // orders_reader is inherited by three roles; index_tuner is held by a user with another role.
    for name in ["orders_reader", "index_tuner", "orders_writer"] {
        assert!(restored.iter().any(|r| r == name), "{name} in {restored:?}");
    }
    let p = demo::large(200, 60);
    let n = round_trip_every_role(&p).len();
    assert!(n > 100, "{n} of 200 roles could be deleted and restored");
}

#[test]
fn restore_keeps_what_changed_since_and_skips_what_is_gone() {
    let mut p = demo::standard();
    let captured = DeletedRole::capture("orders_reader", &p.custom_roles, &p.users).unwrap();
    p.delete_custom_role("orders_reader", NOW).unwrap();
    // Meanwhile: reporting gains an action, and support_readonly is deleted.
    let mut reporting = UpdateCustomDbRole::from(p.custom_role("reporting").unwrap());
    reporting.actions.push(PrivilegeAction {
        action: "FIND".into(),
        resources: vec![Resource::namespace("hr", "")],
    });
    p.update_custom_role("reporting", reporting.clone(), NOW)
        .unwrap();
    p.delete_database_user("admin", "support-bot", NOW).unwrap();
    p.delete_custom_role("support_readonly", NOW).unwrap();

    let writes = captured.restore(&p.custom_roles, &p.users);
    apply(&mut p, writes).unwrap();
    let now = p.custom_role("reporting").unwrap();
    assert!(
        now.actions
            .contains(&reporting.actions[reporting.actions.len() - 1]),
        "the later change stays"
    );
    assert!(now
        .inherited_roles
        .contains(&InheritedRole::new("orders_reader", "admin")));
    assert!(p.custom_role("orders_reader").is_some());
    assert!(
        p.custom_role("support_readonly").is_none(),
        "not brought back by someone else's undo"
    );
}

#[test]
fn restore_does_not_duplicate_an_entry_given_back_meanwhile() {
    let mut p = demo::standard();
    let captured = DeletedRole::capture("index_tuner", &p.custom_roles, &p.users).unwrap();
    p.delete_custom_role("index_tuner", NOW).unwrap();
    let writes = captured.restore(&p.custom_roles, &p.users);
    apply(&mut p, writes).unwrap();
    // Undoing twice: the role exists now, so the create is refused and nothing is doubled.
    let again = captured.restore(&p.custom_roles, &p.users);
    assert_eq!(
        again.len(),
        1,
        "only the create: every holder already has it"
    );
    let err = apply(&mut p, again).unwrap_err();
    assert_eq!(err.error_code, "ATLAS_CUSTOM_ROLE_NAME_ALREADY_EXISTS");
}

#[test]
fn users_come_back_unless_they_sign_in_with_a_password() {
    let p = demo::standard();
    let password_user = p.users[0].clone();
    assert_eq!(AuthMethod::of(&password_user), Some(AuthMethod::Password));
    assert_eq!(user_undo(&password_user), Err(PASSWORD_USER_NO_UNDO));

    for method in AuthMethod::ALL.into_iter().filter(|m| !m.has_password()) {
        let mut q = p.clone();
        let mut u = DatabaseUser::new(match method {
            AuthMethod::X509Managed => "CN=svc",
            AuthMethod::X509Customer => "CN=svc,OU=apps",
            AuthMethod::AwsIamUser => "arn:aws:iam::123456789012:user/svc",
            AuthMethod::AwsIamRole => "arn:aws:iam::123456789012:role/svc",
            AuthMethod::LdapUser | AuthMethod::LdapGroup => "CN=svc,DC=example,DC=com",
            _ => "idp-id/svc",
        });
        method.apply(&mut u);
        u.roles = vec![DatabaseUserRole::new("orders_reader", "admin")];
        u.description = Some("restored exactly".into());
        let created = q
            .create_database_user(u, NOW)
            .unwrap_or_else(|e| panic!("{method:?}: {e:?}"));
        let before = canonical(&q);
        let undo = user_undo(&created).unwrap();
        q.delete_database_user(&created.database_name, &created.username, NOW)
            .unwrap();
        apply(&mut q, vec![undo]).unwrap();
        assert_eq!(canonical(&q), before, "{method:?} user restored exactly");
    }
}

#[test]
fn deleting_a_role_others_hold_needs_its_name_typed() {
    let p = demo::standard();
    assert!(delete_needs_typed_name(
        "orders_reader",
        &p.custom_roles,
        &p.users
    ));
    let mut q = p.clone();
    q.create_custom_role(
        CustomDbRole {
            role_name: "unused".into(),
            actions: vec![PrivilegeAction {
                action: "FIND".into(),
                resources: vec![Resource::namespace("x", "")],
            }],
            inherited_roles: vec![],
        },
        NOW,
    )
    .unwrap();
    assert!(!delete_needs_typed_name(
        "unused",
        &q.custom_roles,
        &q.users
    ));
}
