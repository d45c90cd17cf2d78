//! Copying custom roles to other projects and comparing projects (issue 30). The plan reuses the editor's
//! rules; each refusal row cites the public page the rule comes from.
use crate::common;
use common::{ns, role};
use domain::across::*;
use domain::diff::Change;
use domain::model::{ClusterSummary, CustomDbRole, Resource};
use domain::project::{Principal, Project};
use domain::validate::ProjectContext;

fn owner() -> Principal {
    Principal {
        name: "ada@example.com".into(),
        project_roles: vec!["GROUP_OWNER".into()],
    }
}

fn reader() -> CustomDbRole {
    role(
        "orders_reader",
        &[("FIND", vec![ns("sales", "orders")])],
        &[],
    )
}

fn writer() -> CustomDbRole {
    role(
        "orders_writer",
        &[("INSERT", vec![ns("sales", "orders")])],
        &[("orders_reader", "admin")],
    )
}

fn cluster(name: &str, version: &str) -> ClusterSummary {
    ClusterSummary::new(name, version, "AWS", "M30")
}

fn steps(plan: &[PlannedRole]) -> Vec<(&str, &Step)> {
    plan.iter()
        .map(|p| (p.role.role_name.as_str(), &p.step))
        .collect()
}

fn reasons(step: &Step) -> String {
    match step {
        Step::Refused(r) => r.join(" "),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_missing_role_is_created_a_different_one_updated_with_its_diff_and_a_same_one_left() {
    let mut theirs = reader();
    theirs.actions.push(domain::model::PrivilegeAction {
        action: "REMOVE".into(),
        resources: vec![ns("sales", "orders")],
    });
    let existing = vec![theirs.clone()];
    let owner = owner();
    let target = Target {
        ctx: ProjectContext::new(&existing),
        principal: &owner,
    };
    let plan = plan_copy(&[reader()], target);
    assert_eq!(
        steps(&plan),
        [(
            "orders_reader",
            &Step::Update {
                change: Change {
                    added: vec![],
                    removed: vec!["REMOVE@sales.orders".into()],
                },
                before: theirs.clone(),
            }
        )]
    );
    // Order and duplicates carry no meaning in Atlas: the same grants in another order are identical.
    let mut reordered = reader();
    reordered.actions.reverse();
    let same = vec![reordered];
    let plan = plan_copy(
        &[reader()],
        Target {
            ctx: ProjectContext::new(&same),
            principal: &owner,
        },
    );
    assert_eq!(steps(&plan), [("orders_reader", &Step::Identical)]);
    let plan = plan_copy(
        &[reader()],
        Target {
            ctx: ProjectContext::new(&[]),
            principal: &owner,
        },
    );
    assert_eq!(steps(&plan), [("orders_reader", &Step::Create)]);
}

/// Each reason Atlas refuses a copy with, from the page that states the rule:
/// - an inherited role that doesn't exist there: `ATLAS_INVALID_CUSTOM_ROLE_INHERITANCE` "One or more of
///   the specified inherited roles do not exist" (<https://www.mongodb.com/docs/atlas/reference/api-errors/>);
/// - an action the project's clusters' MongoDB version lacks: "Custom roles must be compatible with each
///   MongoDB version used by your project's clusters"
///   (<https://www.mongodb.com/docs/atlas/security-add-mongodb-roles/>); reshardCollection is new in
///   MongoDB 5.0 (<https://www.mongodb.com/docs/manual/reference/privilege-actions/#mongodb-authaction-reshardCollection>);
/// - the project's custom-role limit: `CUSTOM_ROLES_LIMIT_EXCEEDED`, 100 unless raised
///   (the spec's `limitName` table, <https://www.mongodb.com/docs/api/doc/atlas-admin-api-v2/operation/operation-setgrouplimit>);
/// - the person's role there: `createCustomDatabaseRole` needs Project Database Access Admin
///   (the spec's `x-rolesRequirements`).
#[test]
fn a_copy_atlas_would_refuse_there_says_why() {
    let owner = owner();
    // Inherits a role the target lacks.
    let plan = plan_copy(
        &[writer()],
        Target {
            ctx: ProjectContext::new(&[]),
            principal: &owner,
        },
    );
    assert!(
        reasons(&plan[0].step).contains("do not exist: orders_reader"),
        "{plan:?}"
    );

    // An action newer than one of the target's clusters.
    let reshard = role(
        "resharder",
        &[("RESHARD_COLLECTION", vec![ns("sales", "orders")])],
        &[],
    );
    let clusters = [cluster("legacy", "4.4.29"), cluster("main", "7.0.14")];
    let ctx = ProjectContext {
        clusters: &clusters,
        ..ProjectContext::new(&[])
    };
    let plan = plan_copy(
        std::slice::from_ref(&reshard),
        Target {
            ctx,
            principal: &owner,
        },
    );
    let why = reasons(&plan[0].step);
    assert!(
        why.contains("legacy (4.4.29)") && why.contains("RESHARD_COLLECTION (needs MongoDB 5.0"),
        "{why}"
    );
    let newer = [cluster("main", "7.0.14")];
    let ctx = ProjectContext {
        clusters: &newer,
        ..ProjectContext::new(&[])
    };
    assert_eq!(
        plan_copy(
            &[reshard],
            Target {
                ctx,
                principal: &owner
            }
        )[0]
        .step,
        Step::Create
    );

    // The project's custom-role limit (an update doesn't add a role, so it isn't refused by it).
    let full: Vec<CustomDbRole> = (0..3)
        .map(|i| role(&format!("r{i}"), &[("FIND", vec![ns("a", "")])], &[]))
        .collect();
    let ctx = ProjectContext {
        custom_role_limit: 3,
        ..ProjectContext::new(&full)
    };
    let mut changed = full[0].clone();
    changed.actions[0].action = "INSERT".into();
    let plan = plan_copy(
        &[reader(), changed],
        Target {
            ctx,
            principal: &owner,
        },
    );
    assert!(
        reasons(&plan[0].step).contains("allows 3 custom roles"),
        "{plan:?}"
    );
    assert!(matches!(plan[1].step, Step::Update { .. }), "{plan:?}");

    // The person's role there.
    let read_only = Principal {
        name: "ada@example.com".into(),
        project_roles: vec!["GROUP_READ_ONLY".into()],
    };
    let plan = plan_copy(
        &[reader()],
        Target {
            ctx: ProjectContext::new(&[]),
            principal: &read_only,
        },
    );
    let why = reasons(&plan[0].step);
    assert!(
        why.contains("Project Read Only") && why.contains("Project Database Access Admin"),
        "{why}"
    );
    // Nothing to write needs no right.
    let same = vec![reader()];
    let plan = plan_copy(
        &[reader()],
        Target {
            ctx: ProjectContext::new(&same),
            principal: &read_only,
        },
    );
    assert_eq!(plan[0].step, Step::Identical);
}

#[test]
fn roles_copied_together_are_planned_in_creation_order_and_count_against_the_limit() {
    let owner = owner();
    // The writer comes first in the selection but inherits the reader: the reader is created first.
    let plan = plan_copy(
        &[writer(), reader()],
        Target {
            ctx: ProjectContext::new(&[]),
            principal: &owner,
        },
    );
    assert_eq!(
        steps(&plan),
        [
            ("orders_reader", &Step::Create),
            ("orders_writer", &Step::Create)
        ]
    );
    // A refused parent refuses its child: it would not exist there.
    let clusters = [cluster("legacy", "4.4.29")];
    let mut parent = reader();
    parent.actions.push(domain::model::PrivilegeAction {
        action: "RESHARD_COLLECTION".into(),
        resources: vec![ns("sales", "orders")],
    });
    let ctx = ProjectContext {
        clusters: &clusters,
        ..ProjectContext::new(&[])
    };
    let plan = plan_copy(
        &[parent, writer()],
        Target {
            ctx,
            principal: &owner,
        },
    );
    assert!(matches!(plan[0].step, Step::Refused(_)));
    assert!(reasons(&plan[1].step).contains("orders_reader"));
    // Two new roles with room for one: the second is refused.
    let one_left = vec![role("x", &[("FIND", vec![ns("a", "")])], &[])];
    let ctx = ProjectContext {
        custom_role_limit: 2,
        ..ProjectContext::new(&one_left)
    };
    let plan = plan_copy(
        &[reader(), writer()],
        Target {
            ctx,
            principal: &owner,
        },
    );
    assert_eq!(plan[0].step, Step::Create);
    assert!(reasons(&plan[1].step).contains("allows 2 custom roles"));
}

#[test]
fn compare_says_same_different_or_missing_per_project_and_filters_drift() {
    let here = vec![reader(), writer()];
    let mut more = reader();
    more.actions.push(domain::model::PrivilegeAction {
        action: "REMOVE".into(),
        resources: vec![ns("sales", "orders")],
    });
    let staging = vec![reader()];
    let prod = vec![writer(), more];
    let rows = compare(&here, &[&staging, &prod]);
    let drift: Vec<(&str, &[Drift])> = rows
        .iter()
        .map(|r| (r.role.role_name.as_str(), r.drift.as_slice()))
        .collect();
    assert_eq!(
        drift,
        [
            (
                "orders_reader",
                &[
                    Drift::Same,
                    Drift::Different(Change {
                        added: vec![],
                        removed: vec!["REMOVE@sales.orders".into()]
                    })
                ][..]
            ),
            ("orders_writer", &[Drift::Missing, Drift::Same][..]),
        ]
    );
    assert!(rows.iter().all(CompareRow::drifted));
    let in_sync = compare(&here, &[&here]);
    assert!(!in_sync.iter().any(CompareRow::drifted));
    // A cluster resource reads as the cluster, so it is compared as such.
    let c = role("ops", &[("TOP", vec![Resource::cluster()])], &[]);
    assert!(!compare(std::slice::from_ref(&c), &[std::slice::from_ref(&c)])[0].drifted());
}

mod property {
    #![cfg(not(target_arch = "wasm32"))] // proptest is a native-only dev-dependency
    use super::*;
    use proptest::prelude::*;

    fn any_role() -> impl Strategy<Value = CustomDbRole> {
        let name = prop::sample::select(vec!["a", "b", "c", "d"]);
        let action =
            prop::sample::select(vec!["FIND", "INSERT", "RESHARD_COLLECTION", "COLL_STATS"]);
        let db = prop::sample::select(vec!["sales", "app"]);
        let actions = proptest::collection::vec((action, db), 0..3);
        let inherited =
            proptest::collection::vec(prop::sample::select(vec!["a", "b", "c", "d", "read"]), 0..2);
        (name, actions, inherited).prop_map(|(n, acts, inh)| {
            let mut acts = acts;
            acts.sort();
            acts.dedup_by_key(|(a, _)| *a);
            let inherited: Vec<(&str, &str)> = inh
                .iter()
                .map(|r| (*r, if *r == "read" { "sales" } else { "admin" }))
                .collect();
            role(
                n,
                &acts
                    .iter()
                    .map(|(a, d)| (*a, vec![ns(d, "")]))
                    .collect::<Vec<_>>(),
                &inherited,
            )
        })
    }

    fn any_project() -> impl Strategy<Value = Project> {
        (
            proptest::collection::vec(any_role(), 0..4),
            prop::sample::select(vec!["4.4.29", "7.0.14"]),
            1usize..5,
            prop::sample::select(vec![
                "GROUP_OWNER",
                "GROUP_DATABASE_ACCESS_ADMIN",
                "GROUP_READ_ONLY",
            ]),
        )
            .prop_map(|(roles, version, limit, who)| {
                let mut p = domain::demo::large(0, 0);
                p.clusters = vec![cluster("c", version)];
                p.custom_role_limit = limit;
                p.principal = Principal {
                    name: "ada@example.com".into(),
                    project_roles: vec![who.into()],
                };
                // Only roles the project could hold: each checked as Atlas would, in turn.
                for r in roles {
                    let _ = p.create_custom_role(r, "2026-01-01T00:00:00Z");
                }
                p
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000)
        ))]

        // The plan is what Atlas would do: every create and update it plans is accepted when sent in
        // its order (a project writes through the same rules Atlas applies), every refusal would be
        // refused, and afterwards each role not refused compares as the same there.
        #[test]
        fn the_plan_is_what_atlas_would_do(
            roles in proptest::collection::vec(any_role(), 1..4),
            mut target in any_project(),
        ) {
            let mut seen = std::collections::HashSet::new();
            let roles: Vec<CustomDbRole> =
                roles.into_iter().filter(|r| seen.insert(r.role_name.clone())).collect();
            let principal = target.principal.clone();
            let plan = plan_copy(&roles, Target { ctx: target.context(), principal: &principal });
            prop_assert_eq!(plan.len(), roles.len());
            let now = "2026-01-02T00:00:00Z";
            for p in &plan {
                let written = match &p.step {
                    Step::Create => Some(target.create_custom_role(p.role.clone(), now)),
                    Step::Update { .. } => Some(target.update_custom_role(
                        &p.role.role_name,
                        domain::model::UpdateCustomDbRole {
                            actions: p.role.actions.clone(),
                            inherited_roles: p.role.inherited_roles.clone(),
                        },
                        now,
                    )),
                    Step::Identical => None,
                    Step::Refused(why) => {
                        prop_assert!(!why.is_empty());
                        let mut probe = target.clone();
                        let r = if probe.custom_role(&p.role.role_name).is_some() {
                            probe.update_custom_role(&p.role.role_name, domain::model::UpdateCustomDbRole {
                                actions: p.role.actions.clone(),
                                inherited_roles: p.role.inherited_roles.clone(),
                            }, now)
                        } else {
                            probe.create_custom_role(p.role.clone(), now)
                        };
                        prop_assert!(r.is_err(), "{} planned as refused ({:?}) but accepted", p.role.role_name, why);
                        None
                    }
                };
                if let Some(w) = written {
                    prop_assert!(w.is_ok(), "{} planned as {:?} but refused: {:?}", p.role.role_name, p.step, w);
                }
            }
            let copied: Vec<CustomDbRole> = plan
                .iter()
                .filter(|p| !matches!(p.step, Step::Refused(_)))
                .map(|p| p.role.clone())
                .collect();
            for row in compare(&copied, &[&target.custom_roles]) {
                prop_assert_eq!(&row.drift, &vec![Drift::Same], "{}", row.role.role_name);
            }
        }
    }
}

/// The demo's dev, staging and production hold the drift issue 30 lists, each project valid on its own.
#[test]
fn the_demo_projects_drift_as_the_issue_lists() {
    use domain::demo::{self, DemoKind};
    use domain::validate::{validate_role, RoleMode};
    let [dev, staging, prod] = DemoKind::FAMILY.map(DemoKind::project);
    for p in [&dev, &staging, &prod] {
        assert_eq!(
            DemoKind::of_project(&p.id).map(DemoKind::project).as_ref(),
            Some(p)
        );
        for r in &p.custom_roles {
            let errors: Vec<_> = validate_role(r, &p.context(), RoleMode::Update)
                .into_iter()
                .filter(|i| i.is_error())
                .collect();
            assert!(
                errors.is_empty(),
                "{} in {}: {errors:?}",
                r.role_name,
                p.name
            );
        }
    }
    assert_eq!(
        (staging.id.as_str(), prod.id.as_str()),
        (demo::STAGING_ID, demo::PROD_ID)
    );
    let step = |roles: &[CustomDbRole], to: &Project, name: &str| {
        plan_copy(
            roles,
            Target {
                ctx: to.context(),
                principal: &to.principal,
            },
        )
        .into_iter()
        .find(|p| p.role.role_name == name)
        .unwrap()
        .step
    };
    let dev_role = |n: &str| dev.custom_role(n).unwrap().clone();
    // A role missing in one: created there.
    assert_eq!(
        step(&[dev_role("orders_reader")], &staging, "orders_reader"),
        Step::Create
    );
    // A role inheriting a role missing in the target: refused alone, created with it.
    let alone = step(&[dev_role("orders_writer")], &staging, "orders_writer");
    assert!(reasons(&alone).contains("orders_reader"), "{alone:?}");
    let both = [dev_role("orders_writer"), dev_role("orders_reader")];
    assert_eq!(step(&both, &staging, "orders_writer"), Step::Create);
    // One action more in production: the copy removes it.
    match step(&[dev_role("app_backend")], &prod, "app_backend") {
        Step::Update { change, .. } => assert_eq!(change.removed, ["REMOVE@app"]),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        step(&[dev_role("ops_monitor")], &prod, "ops_monitor"),
        Step::Identical
    );
    // A version-gated action and production's MongoDB 4.4 cluster.
    let tuner = staging.custom_role("shard_tuner").unwrap().clone();
    let why = reasons(&step(std::slice::from_ref(&tuner), &prod, "shard_tuner"));
    assert!(why.contains("reports-legacy (4.4.29)"), "{why}");
    assert_eq!(step(&[tuner], &dev, "shard_tuner"), Step::Create);
    // dana may change dev's roles but only reads production's.
    let dana_there = Principal {
        name: "dana.dbadmin@example.com".into(),
        project_roles: prod
            .members
            .iter()
            .find(|m| m.username == "dana.dbadmin@example.com")
            .unwrap()
            .roles
            .clone(),
    };
    let plan = plan_copy(
        &[dev_role("orders_reader"), dev_role("app_backend")],
        Target {
            ctx: prod.context(),
            principal: &dana_there,
        },
    );
    assert_eq!(plan[0].step, Step::Identical);
    assert!(reasons(&plan[1].step).contains("Project Read Only"));
    // Compare: dev against staging and production.
    let rows = compare(
        &dev.custom_roles,
        &[&staging.custom_roles, &prod.custom_roles],
    );
    let drifted: Vec<&str> = rows
        .iter()
        .filter(|r| r.drifted())
        .map(|r| r.role.role_name.as_str())
        .collect();
    assert_eq!(
        drifted,
        [
            "orders_reader",
            "orders_writer",
            "reporting",
            "app_backend",
            "support_readonly"
        ]
    );
}
