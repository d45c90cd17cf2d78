//! Changes between versions of a role or user: what the review, the conflict view and the feed show.
use domain::diff::{
    member_change, role_change, same_member_roles, same_role, same_user, user_change, Change,
};
use domain::model::*;

use crate::common;
use common::{ns, role, user};

#[test]
fn a_role_change_lists_added_and_removed_grants_and_inherited_roles() {
    let before = role(
        "r",
        &[("FIND", vec![ns("sales", "orders")])],
        &[("read", "hr")],
    );
    let after = role(
        "r",
        &[
            ("FIND", vec![ns("sales", "orders")]),
            ("INSERT", vec![ns("sales", "")]),
        ],
        &[("orders_reader", "admin")],
    );
    let c = role_change(&before, &after);
    assert_eq!(c.added, ["INSERT@sales", "orders_reader@admin"]);
    assert_eq!(c.removed, ["read@hr"]);
    assert!(role_change(&after, &after).is_empty());
    assert_eq!(role_change(&after, &before).added, c.removed, "symmetric");
}

#[test]
fn order_and_grouping_of_actions_do_not_count_as_a_change() {
    let a = role(
        "r",
        &[
            ("FIND", vec![ns("s", "a"), ns("s", "b")]),
            ("INSERT", vec![ns("s", "a")]),
        ],
        &[],
    );
    let b = role(
        "r",
        &[
            ("INSERT", vec![ns("s", "a")]),
            ("FIND", vec![ns("s", "b")]),
            ("FIND", vec![ns("s", "a")]),
        ],
        &[],
    );
    assert!(same_role(&a, &b));
    let mut c = b.clone();
    c.actions[0].resources[0] = Resource::cluster();
    assert!(!same_role(&a, &c));
    assert!(!same_role(
        &a,
        &CustomDbRole {
            role_name: "other".into(),
            ..a.clone()
        }
    ));
}

#[test]
fn a_user_change_covers_roles_description_scopes_and_expiry_but_never_a_password() {
    let before = user("u", &[("read", "sales")]);
    let mut after = user("u", &[("read", "sales"), ("orders_reader", "admin")]);
    after.description = Some("batch job".into());
    after.password = Some("secret-123456".into());
    after.delete_after_date = Some("2026-12-01T00:00:00Z".into());
    let c = user_change(&before, &after);
    assert_eq!(
        c.added,
        [
            "description: batch job",
            "expires 2026-12-01T00:00:00Z",
            "orders_reader@admin"
        ]
    );
    assert!(c.removed.is_empty());
    assert!(!format!("{c:?}").contains("secret"));
    assert_eq!(Change::default(), user_change(&after, &after));
}

#[test]
fn the_feed_records_each_role_and_user_change_as_before_and_after() {
    use domain::project::Principal;
    const NOW: &str = "2026-11-22T10:00:00Z";
    let mut p = domain::demo::standard();
    let r = role("feed_role", &[("FIND", vec![ns("sales", "orders")])], &[]);
    p.create_custom_role(r.clone(), NOW).unwrap();
    let mut update = UpdateCustomDbRole::from(&r);
    update
        .inherited_roles
        .push(InheritedRole::new("read", "hr"));
    p.update_custom_role("feed_role", update, NOW).unwrap();
    p.principal = Principal {
        name: "dana".into(),
        project_roles: vec!["GROUP_DATABASE_ACCESS_ADMIN".into()],
    };
    p.delete_custom_role("feed_role", NOW).unwrap();
    let u = user("feed-user", &[("read", "sales")]);
    let mut created = u.clone();
    created.password = Some("long-enough-secret".into());
    p.create_database_user(created, NOW).unwrap();
    p.delete_database_user("admin", "feed-user", NOW).unwrap();

    let changes: Vec<(String, Option<Change>)> = p
        .activity
        .iter()
        .map(|e| (e.target.clone(), e.change.clone()))
        .collect();
    let change = |i: usize| changes[i].1.clone().expect("a change is recorded");
    assert_eq!(
        change(0).added,
        ["FIND@sales.orders"],
        "created: everything added"
    );
    assert_eq!(change(1).added, ["read@hr"], "updated: only the difference");
    assert!(change(1).removed.is_empty());
    assert_eq!(
        change(2).removed,
        ["FIND@sales.orders", "read@hr"],
        "deleted: everything removed"
    );
    assert_eq!(change(3).added, ["read@sales"]);
    assert_eq!(change(4).removed, ["read@sales"]);
    assert!(!serde_json::to_string(&p.activity)
        .unwrap()
        .contains("long-enough-secret"));

    // Filters: by target and by who made the change.
    let by =
        |t: Option<&str>, a: Option<&str>| p.activity.iter().filter(|e| e.matches(t, a)).count();
    assert_eq!(by(Some("feed_role"), None), 3);
    assert_eq!(by(Some("feed_role"), Some("dana")), 1);
    assert_eq!(by(None, Some("dana")), 3);
    assert_eq!(by(None, None), 5);
    assert_eq!(by(Some("nobody"), None), 0);
}

/// What the console's `PATCH …/databaseUsers/{db}/{username}` overwrites, so what a re-read before it must
/// compare: each row is a change a colleague may have made meanwhile, and whether it counts.
#[test]
fn a_user_counts_as_changed_meanwhile_exactly_when_the_patch_would_overwrite_something() {
    let base = || {
        let mut u = user("u", &[("read", "sales"), ("orders_reader", "admin")]);
        u.labels = vec![
            Label {
                key: "team".into(),
                value: "bi".into(),
            },
            Label {
                key: "env".into(),
                value: "prod".into(),
            },
        ];
        u
    };
    type Edit = fn(&mut DatabaseUser);
    let rows: &[(&str, Edit, bool, &str)] = &[
        (
            "roles replaced",
            |u| u.roles.push(DatabaseUserRole::new("readWrite", "hr")),
            true,
            "source: spec updateGroupDatabaseUser, CloudDatabaseUser.roles is required, so every PATCH the console sends carries (and replaces) the whole list",
        ),
        (
            "description",
            |u| u.description = Some("nightly batch".into()),
            true,
            "source: atlas-reference 'Resolved': PATCH changes the fields present; the console sends description when the user has one",
        ),
        (
            "scopes",
            |u| u.scopes = vec![UserScope {
                name: "Cluster0".into(),
                kind: ScopeType::Cluster,
            }],
            true,
            "source: atlas-reference 'Resolved': the console always sends scopes ([] clears them)",
        ),
        (
            "labels",
            |u| u.labels[0].value = "finance".into(),
            true,
            "source: crates/domain/src/api.rs update_database_user always sends labels, so theirs would be replaced",
        ),
        (
            "expiry",
            |u| u.delete_after_date = Some("2026-12-01T00:00:00Z".into()),
            true,
            "source: spec CloudDatabaseUser.deleteAfterDate; the console keeps or replaces it",
        ),
        (
            "roles in another order",
            |u| u.roles.reverse(),
            false,
            "source: MongoDB manual, a user's roles are a set (order carries no meaning)",
        ),
        (
            "labels in another order",
            |u| u.labels.reverse(),
            false,
            "source: spec ComponentLabel, labels are key/value pairs without order",
        ),
        (
            "a password never read back",
            |u| u.password = Some("n3w-Passw0rd-long".into()),
            false,
            "source: spec CloudDatabaseUser.password is writeOnly: a re-read never shows it",
        ),
        (
            "groupId filled in by the answer",
            |u| u.group_id = Some("6650f1c2a4b3c2d1e0f9a8b7".into()),
            false,
            "source: recordings dbusers/*/Describe carry groupId; the list may not",
        ),
    ];
    for (what, edit, counts, source) in rows {
        let mut theirs = base();
        edit(&mut theirs);
        assert_eq!(!same_user(&base(), &theirs), *counts, "{what} ({source})");
    }
    let mut relabelled = base();
    relabelled.labels[0].value = "finance".into();
    let c = user_change(&base(), &relabelled);
    assert_eq!(
        c.added,
        ["label team: finance"],
        "a conflict shows their label"
    );
    assert_eq!(c.removed, ["label team: bi"]);
}

#[test]
fn a_members_project_roles_compare_as_a_set_and_show_by_atlas_name() {
    let loaded = [
        "GROUP_READ_ONLY".to_string(),
        "GROUP_DATA_ACCESS_READ_ONLY".into(),
    ];
    let reordered = [loaded[1].clone(), loaded[0].clone()];
    assert!(same_member_roles(&loaded, &reordered));
    let theirs = ["GROUP_READ_ONLY".to_string(), "GROUP_OWNER".into()];
    assert!(!same_member_roles(&loaded, &theirs));
    let c = member_change(&loaded, &theirs);
    // Names from the Atlas UI (catalog::PROJECT_ROLES); an unknown role keeps its API name.
    assert_eq!(c.added, ["Project Owner"]);
    assert_eq!(c.removed, ["Project Data Access Read Only"]);
    let unknown = ["GROUP_SOMETHING_NEW".to_string()];
    assert_eq!(member_change(&[], &unknown).added, ["GROUP_SOMETHING_NEW"]);
}
