//! Domain benchmark (`cargo bench -p domain`), with divan. Each measurement states its target; divan
//! prints fastest, slowest, median and mean over its samples:
//!   1. validating a role with 80 actions × 10 resources each (target ≤ 200 µs), and the same role as
//!      editor rows (target ≤ 400 µs)
//!   2. effective privileges of a user holding 20 custom roles in a project of 1,400 roles with
//!      inheritance chains of depth 10 (target ≤ 1 ms)
//!   3. the least-privilege lint of the large demo project's biggest role, which the role editor runs on
//!      opening and on every change (target ≤ 1 ms)
//!   4. "Compare projects": 1,400 roles against the same 1,400 in 5 other projects, one role in ten
//!      differing (target ≤ 100 ms, what a person waits for once when the comparison opens)
//!
//! Divan rather than criterion: the measurements here are single functions with a median to hold
//! against a target, which divan reports directly (criterion's statistics and reports add nothing we
//! read); divan builds a few small crates where criterion builds dozens (plotters, rayon, serde's
//! reports), which matters on a 2-core machine where `clippy --all-targets` compiles benches too; and
//! `cargo bench -p domain -- privileges` filters by name as `cargo test` does. On a busy machine wall
//! time is noisy: for a before/after, compare instruction counts, e.g.
//! `valgrind --tool=callgrind <the benches/domain.rs binary> --callgrind-privileges 10` (that many
//! expansions outside divan; subtract a run of 1 for the set-up).
#[cfg(not(target_arch = "wasm32"))]
#[path = "fixtures/project.rs"]
mod fixture;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::fixture::{project, user};
    use divan::{black_box, Bencher};
    use domain::catalog::{ResourceKind, ACTIONS};
    use domain::lint::lint_role;
    use domain::model::*;
    use domain::privileges::Expander;
    use domain::role_form::RoleForm;
    use domain::validate::{validate_form, validate_role, ProjectContext, RoleMode};

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

    fn clusters() -> Vec<ClusterSummary> {
        ["7.0", "8.0"]
            .iter()
            .enumerate()
            .map(|(i, v)| ClusterSummary {
                name: format!("c{i}"),
                mongo_db_version: v.to_string(),
                ..Default::default()
            })
            .collect()
    }

    /// Target ≤ 200 µs.
    #[divan::bench]
    fn validate_role_80_actions_x_10_resources(bencher: Bencher) {
        let roles = project();
        let clusters = clusters();
        let ctx = ProjectContext {
            clusters: &clusters,
            custom_role_limit: 1400,
            ..ProjectContext::new(&roles[..100])
        };
        let role = big_role();
        bencher.bench_local(|| validate_role(black_box(&role), &ctx, RoleMode::Create));
    }

    /// Target ≤ 400 µs.
    #[divan::bench]
    fn validate_form_the_same_role_as_editor_rows(bencher: Bencher) {
        let roles = project();
        let clusters = clusters();
        let ctx = ProjectContext {
            clusters: &clusters,
            custom_role_limit: 1400,
            ..ProjectContext::new(&roles[..100])
        };
        let form = RoleForm::from_role(&big_role());
        bencher.bench_local(|| validate_form(black_box(&form), &ctx, RoleMode::Create));
    }

    /// Target ≤ 1 ms: a user holding 20 custom roles, 1,400 roles, depth 10.
    #[divan::bench]
    fn privileges_user_20_roles_of_1400_depth_10(bencher: Bencher) {
        let roles = project();
        let user = user();
        bencher.bench_local(|| Expander::new(black_box(&roles)).user(black_box(&user)));
    }

    /// Target ≤ 1 ms. The role editor lints the role on opening and on every change (the large demo
    /// project's role with the most actions and inherited roles, as scripts/bench opens it).
    #[divan::bench]
    fn lint_role_the_large_projects_biggest_role(bencher: Bencher) {
        let large = domain::demo::large(1400, 100);
        let biggest = large
            .custom_roles
            .iter()
            .rev() // the first of equals, as scripts/bench picks it
            .max_by_key(|r| r.actions.len() + r.inherited_roles.len())
            .expect("the large project has roles");
        bencher
            .bench_local(|| lint_role(black_box(biggest), &large.custom_roles, &large.users, true));
    }

    /// Target ≤ 100 ms: the large demo project against 5 copies of it, each with every tenth role
    /// changed and a few missing, as "Compare projects" runs once when it opens.
    #[divan::bench]
    fn compare_1400_roles_x_5_projects(bencher: Bencher) {
        let here = domain::demo::large(1400, 0).custom_roles;
        let others: Vec<Vec<CustomDbRole>> = (0..5)
            .map(|p| {
                let mut roles = here.clone();
                for r in roles.iter_mut().skip(p).step_by(10) {
                    r.actions.truncate(r.actions.len().saturating_sub(1));
                }
                roles.retain(|r| !r.role_name.ends_with(&format!("{p}7")));
                roles
            })
            .collect();
        let others: Vec<&[CustomDbRole]> = others.iter().map(Vec::as_slice).collect();
        bencher.bench_local(|| domain::across::compare(black_box(&here), black_box(&others)));
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    // `--callgrind-privileges N` runs N expansions outside divan, for an instruction count under callgrind.
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--callgrind-privileges") {
        let n: usize = args.get(i + 1).and_then(|n| n.parse().ok()).unwrap_or(1);
        let roles = fixture::project();
        let user = fixture::user();
        for _ in 0..n {
            divan::black_box(domain::privileges::Expander::new(&roles).user(&user));
        }
        return;
    }
    divan::main();
}

// The wasm32 lint builds every target; the benchmark is native only.
#[cfg(target_arch = "wasm32")]
fn main() {}
