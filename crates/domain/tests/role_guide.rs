//! The role guide ("Which role do I need?"): tasks found by the words people use, the least-privileged
//! roles for each capability, and what a set of project roles can and cannot do.
use domain::catalog::Capability;
use domain::role_guide::{find_capabilities, least_privileged, owner_warning, summarize};

#[test]
fn the_least_privileged_role_to_restore_is_the_backup_recovery_operator() {
    let caps = find_capabilities("restore");
    assert_eq!(caps, vec![Capability::RestoreBackups]);
    let names: Vec<&str> = least_privileged(Capability::RestoreBackups)
        .iter()
        .map(|r| r.name)
        .collect();
    assert_eq!(names, vec!["Project Backup Recovery Operator"]);
}

#[test]
fn tasks_are_found_by_the_words_people_use() {
    assert!(find_capabilities("create indexes").contains(&Capability::ManageIndexes));
    assert!(!find_capabilities("create indexes").contains(&Capability::RestoreBackups));
    assert_eq!(
        find_capabilities("view logs"),
        vec![Capability::ViewClusterLogs]
    );
    assert!(find_capabilities("").is_empty());
    assert!(find_capabilities("zzz nothing").is_empty());
    let log_roles: Vec<&str> = least_privileged(Capability::ViewClusterLogs)
        .iter()
        .map(|r| r.api)
        .collect();
    assert_eq!(log_roles, vec!["GROUP_CLUSTER_LOG_VIEWER"]);
}

#[test]
fn a_summary_splits_every_capability_into_can_and_cannot() {
    let s = summarize(&["GROUP_BACKUP_CREATOR"]);
    assert!(s.can.contains(&Capability::CreateBackups));
    assert!(s.can.contains(&Capability::ViewProject));
    assert!(s.cannot.contains(&Capability::RestoreBackups));
    assert_eq!(s.can.len() + s.cannot.len(), Capability::ALL.len());
    assert!(summarize(&["GROUP_OWNER"]).cannot.is_empty());
    assert!(owner_warning().contains("Project Backup Recovery Operator to restore backups"));
}

/// "Which role do I need?" never recommends a broader role where a narrower one does the task: for every
/// task (each capability the guide offers, and each alternative the Project Owner warning suggests), no
/// recommended role's capabilities strictly contain those of another role that is recommended or
/// eligible (allows the task).
#[test]
fn no_recommended_role_is_broader_than_another_that_does_the_task() {
    use domain::catalog::{capabilities_of, PROJECT_ROLES};
    use domain::role_guide::OWNER_ALTERNATIVES;
    let caps = |api: &str| capabilities_of([], [api]);
    let mut tasks: Vec<(&str, Capability, Vec<&str>)> = Capability::ALL
        .into_iter()
        .map(|c| {
            (
                c.label(),
                c,
                least_privileged(c).iter().map(|r| r.api).collect(),
            )
        })
        .collect();
    for (task, api, cap) in OWNER_ALTERNATIVES {
        tasks.push((task, *cap, vec![*api]));
    }
    for (task, cap, recommended) in tasks {
        assert!(!recommended.is_empty(), "{task}: some role is recommended");
        let eligible = PROJECT_ROLES.iter().filter(|r| caps(r.api).contains(&cap));
        for r in &recommended {
            let mine = caps(r);
            assert!(mine.contains(&cap), "{task}: {r} does the task");
            for other in eligible.clone() {
                let theirs = caps(other.api);
                assert!(
                    !(theirs.is_subset(&mine) && theirs != mine),
                    "{task}: {r} is recommended, but {} does it with less",
                    other.api
                );
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use domain::catalog::{project_role, PROJECT_ROLES};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Whatever roles are combined, a member can do exactly what one of its roles allows, and the
        /// least-privileged roles the guide suggests for each of those capabilities really allow it.
        #[test]
        fn summaries_and_suggestions_agree_with_the_roles(picks in proptest::collection::vec(0..PROJECT_ROLES.len(), 0..5)) {
            let roles: Vec<&str> = picks.iter().map(|&i| PROJECT_ROLES[i].api).collect();
            let s = summarize(&roles);
            for cap in &s.can {
                let by_some_role = roles.iter().any(|r| summarize(&[*r]).can.contains(cap));
                prop_assert!(by_some_role);
                for suggested in least_privileged(*cap) {
                    prop_assert!(summarize(&[suggested.api]).can.contains(cap));
                    prop_assert!(project_role(suggested.api).is_some());
                }
            }
            prop_assert_eq!(s.can.len() + s.cannot.len(), Capability::ALL.len());
        }
    }
}
