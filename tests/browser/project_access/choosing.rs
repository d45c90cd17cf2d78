//! Choosing project roles: the Project Owner warning with purpose-built roles, and the role guide.
use super::*;

#[wasm_bindgen_test]
async fn choosing_project_owner_warns_and_suggests_purpose_built_roles() {
    let _app = mount_app_at(&routes::add_member(MemberKind::User));
    dialog("Invite to Project").await;
    assert!(query(".banner-warning").is_none());
    let picker = dialog_picker();
    open(&picker).await;
    // Grouped by purpose, each role with its description.
    let groups: Vec<String> = query_all(".listbox-group-label")
        .iter()
        .map(|g| g.text_content().unwrap())
        .collect();
    assert!(
        groups.contains(&"Backup".to_string()) && groups.contains(&"Database access".to_string()),
        "{groups:?}"
    );
    assert_eq!(query_all("[role=dialog] [role=option]").len(), 27);
    assert!(option(&picker, "Project Backup Recovery Operator")
        .unwrap()
        .text_content()
        .unwrap()
        .contains("restore"));
    choose(&picker, "Project Owner").await;
    wait_until("the warning shows", || {
        text_of(".banner-warning").contains("Project Owner grants every permission")
    })
    .await;
    assert!(
        text_of(".banner-warning").contains("Project Backup Recovery Operator to restore backups")
    );
    // Type to filter.
    type_into(&picker, "recovery");
    wait_until("filtered to the recovery role", || {
        query_all("[role=dialog] [role=option]").len() == 1
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_role_guide_finds_the_least_privileged_role_to_restore() {
    let _app = mount_app_at(routes::WHICH_ROLE);
    wait_until("the matrix shows every role", || {
        query_all(".role-matrix tbody tr").len() == 27
    })
    .await;
    type_into(&input_labelled("Task").unwrap(), "restore");
    wait_until("the answer names the recovery operator", || {
        text_of(".guide-answer").contains("Project Backup Recovery Operator")
    })
    .await;
    let least: Vec<String> = query_all(".role-matrix tr.least th")
        .iter()
        .map(|t| t.text_content().unwrap())
        .collect();
    assert_eq!(least.len(), 1, "{least:?}");
    assert!(least[0].starts_with("Project Backup Recovery Operator"));
    // Only the matching column remains.
    assert_eq!(query_all(".role-matrix thead th").len(), 2);
}
