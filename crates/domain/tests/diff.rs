//! Changes between versions of a role or user: what the review, the conflict view and the feed show.
use domain::diff::{role_change, same_role, user_change, Change};
use domain::model::*;

mod common;
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
