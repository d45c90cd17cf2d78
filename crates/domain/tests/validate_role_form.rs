//! Custom role rules on the editor's form: issues addressed to rows and targets, and role-level issues
//! mapped back to the rows that cause them.
use domain::catalog::Action;
use domain::model::*;
use domain::role_form::{Item, RoleForm, Row, Scope, Target};
use domain::validate::*;
use domain::ErrorCode::*;

use crate::common;
use common::project;

#[test]
fn form_issues_point_at_rows_and_targets() {
    let roles = project();
    let ctx = ProjectContext::new(&roles);
    let mut form = RoleForm::new();
    form.name = "orders".into();
    let issues = validate_form(&form, &ctx, RoleMode::Create);
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(
        (issues[0].field.clone(), issues[0].code),
        (Field::Row(0), ATLAS_CUSTOM_ROLE_HAS_NO_PERMISSIONS)
    );

    form.rows[0].toggle(Item::action(Action::Find));
    let issues = validate_form(&form, &ctx, RoleMode::Create);
    let fields: Vec<Field> = issues.iter().map(|i| i.field.clone()).collect();
    assert_eq!(
        fields,
        vec![
            Field::TargetDb { row: 0, target: 0 },
            Field::TargetCollection { row: 0, target: 0 }
        ]
    );
    assert_eq!(
        issues[0].message,
        "Enter a database name or choose Apply to any database."
    );
    assert_eq!(
        issues[1].message,
        "Enter a collection name or choose Apply to any collection."
    );

    form.rows[0].targets[0] = Target::new(Scope::Named("sales".into()), Scope::Any);
    assert!(validate_form(&form, &ctx, RoleMode::Create).is_empty());

    form.rows.push(Row::new());
    let issues = validate_form(&form, &ctx, RoleMode::Create);
    assert_eq!(issues[0].field, Field::Row(1));
    assert_eq!(
        issues[0].message,
        "Choose an action or role, or remove this row."
    );

    form.rows[1] = Row {
        items: vec![Item::action(Action::Find), Item::action(Action::Insert)],
        targets: vec![Target::new(Scope::Named("sales".into()), Scope::Any)],
    };
    let issues = validate_form(&form, &ctx, RoleMode::Create);
    assert_eq!(
        issues.len(),
        1,
        "FIND on sales twice; INSERT is new: {issues:?}"
    );
    assert_eq!(
        (issues[0].field.clone(), issues[0].code),
        (
            Field::TargetDb { row: 1, target: 0 },
            ATLAS_DUPLICATE_CUSTOM_ROLE_RESOURCE
        )
    );
    assert_eq!(
        issues[0].message,
        "FIND on this database and collection is also granted in row 1: both are sent as one privilege."
    );
    // The rows are merged into one privilege when sent, so Atlas never sees the
    // duplicate: a warning, not a reason to block saving.
    assert_eq!(issues[0].severity, Severity::Warning);
    let role = form.to_role();
    let finds: Vec<_> = role.actions.iter().filter(|a| a.action == "FIND").collect();
    assert_eq!(finds.len(), 1, "one FIND privilege: {role:?}");
    assert_eq!(finds[0].resources, vec![Resource::namespace("sales", "")]);
    assert!(validate_role(&role, &ctx, RoleMode::Create).is_empty());

    // The same target twice in one row is merged the same way.
    form.rows[1]
        .targets
        .push(Target::new(Scope::Named("sales".into()), Scope::Any));
    let issues = validate_form(&form, &ctx, RoleMode::Create);
    let in_row: Vec<_> = issues
        .iter()
        .filter(|i| i.field == Field::TargetDb { row: 1, target: 1 })
        .collect();
    assert!(
        in_row.iter().any(|i| i.message
            == "This database and collection is already listed in this row: it is sent once."),
        "{issues:?}"
    );
    assert!(issues.iter().all(|i| i.severity == Severity::Warning));
}

#[test]
fn form_maps_role_level_issues_back_to_rows() {
    let roles = project();
    let clusters = vec![ClusterSummary {
        name: "old".into(),
        mongo_db_version: "6.0".into(),
        ..Default::default()
    }];
    let ctx = ProjectContext {
        clusters: &clusters,
        ..ProjectContext::new(&roles)
    };
    let form = RoleForm {
        name: "xgen-bad".into(),
        rows: vec![
            Row {
                items: vec![Item::action(Action::Insert)],
                targets: vec![Target::new(Scope::Any, Scope::Any)],
            },
            Row {
                items: vec![Item::BuiltinRole("read".into())],
                targets: vec![Target::new(Scope::Any, Scope::Any)],
            },
            Row {
                items: vec![
                    Item::action(Action::CheckMetadataConsistency),
                    Item::CustomRole("ghost".into()),
                ],
                targets: vec![Target::blank()],
            },
        ],
        extra: Default::default(),
    };
    let issues = validate_form(&form, &ctx, RoleMode::Create);
    let find = |code| {
        issues
            .iter()
            .find(|i| i.code == code)
            .unwrap_or_else(|| panic!("{code}: {issues:?}"))
    };
    assert_eq!(
        find(ATLAS_RESERVED_CUSTOM_ROLE_RESTRICTED).field,
        Field::Name
    );
    assert_eq!(
        find(ATLAS_INVALID_CUSTOM_ROLE_INHERITED_SCOPE).field,
        Field::TargetDb { row: 1, target: 0 }
    );
    assert_eq!(
        find(CUSTOM_ROLE_ACTIONS_INVALID_FOR_EXISTING_CLUSTERS).field,
        Field::Row(2)
    );
    assert_eq!(
        find(ATLAS_INVALID_CUSTOM_ROLE_INHERITANCE).field,
        Field::Row(2)
    );
    let warn = issues
        .iter()
        .find(|i| i.severity == Severity::Warning)
        .unwrap();
    assert_eq!(
        warn.field,
        Field::TargetDb { row: 0, target: 0 },
        "write-on-any-database warning sits on the target"
    );
    let inherited_scope_count = issues
        .iter()
        .filter(|i| i.code == ATLAS_INVALID_CUSTOM_ROLE_INHERITED_SCOPE)
        .count();
    assert_eq!(
        inherited_scope_count, 1,
        "reported once, not by both layers"
    );
}
