//! The role editor's rules: what `validate_role` says about the form's API role, addressed back to the row
//! and target it comes from, plus what only a form can get wrong (empty rows, missing or repeated targets).
use super::role::{needs_specific_db, validate_role, RoleMode};
use super::{Field, Issue, ProjectContext};
use crate::catalog::{Action, Category};
use crate::errors::ErrorCode::*;
use crate::model::CustomDbRole;
use crate::role_form::{Item, RoleForm, Scope};
use std::collections::{HashMap, HashSet};

/// The editor's rules: everything `validate_role` says about the form's API role, addressed to the row and
/// target it comes from, plus what only the form can get wrong (empty rows, missing targets).
pub fn validate_form(form: &RoleForm, ctx: &ProjectContext<'_>, mode: RoleMode) -> Vec<Issue> {
    let mut issues = Vec::new();
    let has_content = form.rows.iter().any(|r| !r.items.is_empty())
        || !form.extra.actions.is_empty()
        || !form.extra.inherited_roles.is_empty();
    for (i, row) in form.rows.iter().enumerate() {
        if row.items.is_empty() {
            if has_content {
                issues.push(Issue::error(
                    Field::Row(i),
                    VALIDATION_ERROR,
                    "Choose an action or role, or remove this row.",
                ));
            } else {
                issues.push(Issue::error(
                    Field::Row(i),
                    ATLAS_CUSTOM_ROLE_HAS_NO_PERMISSIONS,
                    "Choose at least one action or role.",
                ));
            }
            continue;
        }
        let cats: Vec<Category> = row.items.iter().map(Item::category).collect();
        if cats
            .iter()
            .any(|a| cats.iter().any(|b| !a.combines_with(*b)))
        {
            issues.push(Issue::error(
                Field::Row(i),
                VALIDATION_ERROR,
                "A row can hold actions and roles from one category only (Global Actions and Roles may be combined with Custom Roles). Add a row for the others.",
            ));
        }
        if !row.needs_targets() {
            continue;
        }
        if row.targets.is_empty() {
            issues.push(Issue::error(
                Field::Row(i),
                ATLAS_INVALID_RESOURCE,
                "Add a database or collection.",
            ));
        }
        let per_db_role = row.items.iter().find_map(|it| match it {
            Item::BuiltinRole(r) => Some(r.as_str()),
            _ => None,
        });
        let collection_row = row.category() == Some(Category::Collection);
        let mut seen = HashSet::new();
        for (j, t) in row.targets.iter().enumerate() {
            let db_field = || Field::TargetDb { row: i, target: j };
            if t.db == Scope::Named(String::new()) {
                issues.push(Issue::error(
                    db_field(),
                    INVALID_DATABASE_NAME,
                    "Enter a database name or choose Apply to any database.",
                ));
            } else if t.db == Scope::Any {
                if let Some(r) = per_db_role {
                    issues.push(Issue::error(
                        db_field(),
                        ATLAS_INVALID_CUSTOM_ROLE_INHERITED_SCOPE,
                        needs_specific_db(r),
                    ));
                }
            }
            if collection_row && t.collection == Scope::Named(String::new()) {
                issues.push(Issue::error(
                    Field::TargetCollection { row: i, target: j },
                    INVALID_COLLECTION_NAME,
                    "Enter a collection name or choose Apply to any collection.",
                ));
            }
            let key = (
                t.db.clone(),
                if collection_row {
                    t.collection.clone()
                } else {
                    Scope::Any
                },
            );
            if !seen.insert(key) {
                issues.push(Issue::warning(
                    db_field(),
                    ATLAS_DUPLICATE_CUSTOM_ROLE_RESOURCE,
                    "This database and collection is already listed in this row: it is sent once.",
                ));
            }
        }
    }
    cross_row_duplicates(form, &mut issues);

    let role = form.to_role();
    for issue in validate_role(&role, ctx, mode) {
        // Form-level checks above already speak about empty rows and missing targets.
        if issue.code == ATLAS_CUSTOM_ROLE_HAS_NO_PERMISSIONS
            && issues.iter().any(|i| i.code == issue.code)
        {
            continue;
        }
        let field = locate(form, &role, &issue.field);
        let same_place =
            |f: &Field| *f == field || (row_of(f).is_some() && row_of(f) == row_of(&field));
        if issues
            .iter()
            .any(|i| i.code == issue.code && same_place(&i.field))
        {
            continue;
        }
        issues.push(Issue { field, ..issue });
    }
    issues
}

/// The same action on the same resource in two rows. `RoleForm::to_role` merges them into one privilege,
/// so Atlas never sees a duplicate: a warning (the user may not have meant it), never a reason to block.
fn cross_row_duplicates(form: &RoleForm, issues: &mut Vec<Issue>) {
    let mut granted: HashMap<(Action, String, String), usize> = HashMap::new();
    for (i, row) in form.rows.iter().enumerate() {
        for item in &row.items {
            let Item::Action(a, cat) = item else {
                continue;
            };
            if *cat == Category::Global {
                continue;
            }
            for (j, t) in row.targets.iter().enumerate() {
                let coll = if *cat == Category::Collection {
                    t.collection.wire()
                } else {
                    ""
                };
                let key = (*a, t.db.wire().to_string(), coll.to_string());
                match granted.get(&key) {
                    Some(&first) if first != i => issues.push(Issue::warning(
                        Field::TargetDb { row: i, target: j },
                        ATLAS_DUPLICATE_CUSTOM_ROLE_RESOURCE,
                        format!(
                            "{a} on this database and collection is also granted in row {}: both are sent as one privilege.",
                            first + 1
                        ),
                    )),
                    Some(_) => {}
                    None => {
                        granted.insert(key, i);
                    }
                }
            }
        }
    }
}

fn row_of(field: &Field) -> Option<usize> {
    match field {
        Field::Row(r) | Field::TargetDb { row: r, .. } | Field::TargetCollection { row: r, .. } => {
            Some(*r)
        }
        _ => None,
    }
}

/// Maps an issue addressed to the API role back to the form row or target it comes from.
fn locate(form: &RoleForm, role: &CustomDbRole, field: &Field) -> Field {
    let row_with =
        |pred: &dyn Fn(&Item) -> bool| form.rows.iter().position(|r| r.items.iter().any(pred));
    match field {
        Field::Action(i) | Field::Resource { action: i, .. } => {
            let Some(action) = Action::from_api(&role.actions[*i].action) else {
                return Field::Extra;
            };
            // enableSharding may sit in three rows: the resource's own target says which.
            let holds = |r: &crate::role_form::Row| {
                r.items
                    .iter()
                    .any(|it| matches!(it, Item::Action(a, _) if *a == action))
            };
            if let Field::Resource { resource, .. } = field {
                let r = &role.actions[*i].resources[*resource];
                for (row, rw) in form.rows.iter().enumerate().filter(|(_, rw)| holds(rw)) {
                    let collection_row = rw.category() == Some(Category::Collection);
                    if let Some(t) = rw.targets.iter().position(|t| {
                        t.db.wire() == r.db
                            && (!collection_row || t.collection.wire() == r.collection)
                    }) {
                        return Field::TargetDb { row, target: t };
                    }
                }
            }
            form.rows
                .iter()
                .position(holds)
                .map_or(Field::Extra, Field::Row)
        }
        Field::InheritedRole(k) => {
            let name = &role.inherited_roles[*k].role;
            row_with(&|it| matches!(it, Item::BuiltinRole(r) | Item::CustomRole(r) if r == name))
                .map(Field::Row)
                .unwrap_or(Field::Extra)
        }
        other => other.clone(),
    }
}
