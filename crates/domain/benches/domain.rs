//! Domain benchmark: prints the median and p95 of each measurement beside its target.
//!   1. validating a role with 80 actions × 10 resources each (target ≤ 200 µs)
//!   2. effective privileges of a user holding 20 custom roles in a project of 1,400 roles with
//!      inheritance chains of depth 10 (target ≤ 2 ms)
//!   3. the least-privilege lint of the large demo project's biggest role, which the role editor runs on
//!      opening and on every change (target ≤ 1 ms)
use domain::catalog::{ResourceKind, ACTIONS};
use domain::lint::lint_role;
use domain::model::*;
use domain::privileges::Expander;
use domain::role_form::RoleForm;
use domain::validate::{validate_form, validate_role, ProjectContext, RoleMode};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn measure(name: &str, target: Duration, iterations: usize, mut f: impl FnMut()) {
    for _ in 0..iterations / 10 {
        f(); // warm up
    }
    let mut times: Vec<Duration> = (0..iterations)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    let median = times[times.len() / 2];
    let p95 = times[times.len() * 95 / 100];
    let verdict = if median <= target { "ok" } else { "OVER" };
    println!(
        "{name:<62} median {median:>10.2?}  p95 {p95:>10.2?}  target {target:>8.2?}  {verdict}"
    );
}

fn big_role() -> CustomDbRole {
    CustomDbRole {
        role_name: "everything".into(),
        actions: ACTIONS
            .iter()
            .map(|a| PrivilegeAction {
                action: a.api.into(),
                resources: (0..10)
                    .map(|i| match a.resource {
                        ResourceKind::Cluster => Resource::cluster(),
                        ResourceKind::Database => Resource::namespace(format!("db{i}"), ""),
                        ResourceKind::Collection => {
                            Resource::namespace(format!("db{i}"), format!("c{i}"))
                        }
                    })
                    .collect(),
            })
            .collect(),
        inherited_roles: vec![
            InheritedRole::new("read", "db0"),
            InheritedRole::new("clusterMonitor", "admin"),
        ],
    }
}

/// 1,400 roles in chains of 10: role i inherits role i-1 unless i is a multiple of 10.
fn project() -> Vec<CustomDbRole> {
    (0..1400)
        .map(|i| CustomDbRole {
            role_name: format!("role{i}"),
            actions: (0..3)
                .map(|k| PrivilegeAction {
                    action: ACTIONS[(i + k) % 80].api.into(),
                    resources: vec![match ACTIONS[(i + k) % 80].resource {
                        ResourceKind::Cluster => Resource::cluster(),
                        _ => Resource::namespace(format!("db{}", i % 37), ""),
                    }],
                })
                .collect(),
            inherited_roles: if i % 10 == 0 {
                vec![InheritedRole::new("read", format!("db{}", i % 13))]
            } else {
                vec![InheritedRole::new(format!("role{}", i - 1), "admin")]
            },
        })
        .collect()
}

fn main() {
    let roles = project();
    let clusters = vec![
        ClusterSummary {
            name: "a".into(),
            mongo_db_version: "7.0".into(),
            ..Default::default()
        },
        ClusterSummary {
            name: "b".into(),
            mongo_db_version: "8.0".into(),
            ..Default::default()
        },
    ];
    let ctx = ProjectContext {
        clusters: &clusters,
        custom_role_limit: 1400,
        ..ProjectContext::new(&roles[..100])
    };
    let role = big_role();
    measure(
        "validate_role: 80 actions x 10 resources",
        Duration::from_micros(200),
        2000,
        || {
            black_box(validate_role(black_box(&role), &ctx, RoleMode::Create));
        },
    );
    let form = RoleForm::from_role(&role);
    measure(
        "validate_form: the same role as editor rows",
        Duration::from_micros(400),
        1000,
        || {
            black_box(validate_form(black_box(&form), &ctx, RoleMode::Create));
        },
    );

    let mut user = DatabaseUser::new("bench");
    user.roles = (0..20)
        .map(|k| DatabaseUserRole::new(format!("role{}", 69 * k + 9), "admin"))
        .collect();
    measure(
        "effective privileges: 20 custom roles, 1,400 roles, depth 10",
        Duration::from_millis(2),
        300,
        || {
            black_box(Expander::new(black_box(&roles)).user(&user));
        },
    );
    let eff = Expander::new(&roles).user(&user);
    println!("  (that user has {} distinct grants)", eff.grants.len());

    // The role editor lints the role on opening and on every change (the large demo project's role with
    // the most actions and inherited roles, as scripts/bench opens it).
    let large = domain::demo::large(1400, 100);
    let biggest = large
        .custom_roles
        .iter()
        .rev() // the first of equals, as scripts/bench picks it
        .max_by_key(|r| r.actions.len() + r.inherited_roles.len())
        .expect("the large project has roles");
    measure(
        "lint_role: the large project's biggest role",
        Duration::from_millis(1),
        300,
        || {
            black_box(lint_role(
                black_box(biggest),
                &large.custom_roles,
                &large.users,
                true,
            ));
        },
    );
}
