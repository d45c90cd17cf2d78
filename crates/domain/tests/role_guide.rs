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
