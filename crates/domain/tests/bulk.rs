//! Bulk assignment of a custom role: each user is checked before anything is sent, with the rules the
//! project applies to a single update.
use domain::bulk::{plan_bulk, update_count, BulkOp, BulkOutcome};
use domain::demo;
use domain::model::*;

use crate::common;
use common::{ns, role, user};

const NOW: &str = "2026-11-22T10:00:00Z";
const NOW_SECS: i64 = 1_795_341_600;

fn pick(users: &[DatabaseUser], names: &[&str]) -> Vec<DatabaseUser> {
    names
        .iter()
        .map(|n| users.iter().find(|u| u.username == *n).unwrap().clone())
        .collect()
}

#[test]
fn add_and_remove_say_per_user_what_will_happen() {
    let p = demo::standard();
    let chosen = pick(&p.users, &["orders-api", "catalog-writer", "bi-reader"]);
    let plan = plan_bulk(&chosen, "index_tuner", BulkOp::Add, &p.context(), NOW_SECS);
    assert!(
        matches!(&plan[0].outcome, BulkOutcome::Update(u) if u.roles.contains(&DatabaseUserRole::new("index_tuner", "admin")))
    );
    assert_eq!(
        plan[1].outcome,
        BulkOutcome::Unchanged("already holds index_tuner".into())
    );
    assert!(matches!(plan[2].outcome, BulkOutcome::Update(_)));
    assert_eq!(update_count(&plan), 2);

    let chosen = pick(&p.users, &["bi-reader", "orders-api", "support-bot"]);
    let plan = plan_bulk(&chosen, "reporting", BulkOp::Remove, &p.context(), NOW_SECS);
    match &plan[0].outcome {
        BulkOutcome::Refused(why) => assert!(why.contains("at least one role"), "{why}"),
        other => panic!("bi-reader holds only reporting: {other:?}"),
    }
    assert_eq!(
        plan[1].outcome,
        BulkOutcome::Unchanged("doesn't hold reporting".into())
    );
    assert_eq!(
        update_count(&plan),
        0,
        "support-bot holds support_readonly, not reporting"
    );
}

#[test]
fn a_user_at_twenty_custom_roles_is_refused_and_the_others_still_planned() {
    let mut p = demo::standard();
    p.custom_role_limit = 1400;
    for i in 0..21 {
        p.create_custom_role(
            role(&format!("r{i}"), &[("FIND", vec![ns("x", "")])], &[]),
            NOW,
        )
        .unwrap();
    }
    let full: Vec<(String, &str)> = (0..20).map(|i| (format!("r{i}"), "admin")).collect();
    let full: Vec<(&str, &str)> = full.iter().map(|(r, d)| (r.as_str(), *d)).collect();
    p.create_database_user(
        DatabaseUser {
            password: Some("long-enough-secret".into()),
            ..user("full", &full)
        },
        NOW,
    )
    .unwrap();
    let chosen = pick(&p.users, &["full", "analyst"]);
    let plan = plan_bulk(&chosen, "r20", BulkOp::Add, &p.context(), NOW_SECS);
    match &plan[0].outcome {
        BulkOutcome::Refused(why) => assert!(why.contains("at most 20 custom roles"), "{why}"),
        other => panic!("{other:?}"),
    }
    assert!(matches!(plan[1].outcome, BulkOutcome::Update(_)));
}

#[test]
fn the_plan_agrees_with_what_the_project_accepts_for_every_user_role_and_op() {
    let p = demo::standard();
    for r in &p.custom_roles {
        for op in [BulkOp::Add, BulkOp::Remove] {
            let plan = plan_bulk(&p.users, &r.role_name, op, &p.context(), NOW_SECS);
            for e in plan {
                let mut q = p.clone();
                match e.outcome {
                    BulkOutcome::Update(u) => {
                        q.update_database_user(&e.db, &e.username, u, NOW)
                            .unwrap_or_else(|err| {
                                panic!("{} {op:?} {}: {err:?}", e.username, r.role_name)
                            });
                    }
                    BulkOutcome::Refused(_) => {
                        assert_eq!(
                            op,
                            BulkOp::Remove,
                            "no demo user is near the custom-role limit"
                        );
                        let mut u = q.database_user(&e.db, &e.username).unwrap().clone();
                        u.roles.retain(|x| x.role_name != r.role_name);
                        assert!(
                            q.update_database_user(&e.db, &e.username, u, NOW).is_err(),
                            "refused in the plan, refused by the project"
                        );
                    }
                    BulkOutcome::Unchanged(_) => {}
                }
            }
        }
    }
}
