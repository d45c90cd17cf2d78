//! Atlas's limits and custom-role write semantics, each row with the public page it comes from. The spec
//! rows are read from `spec/atlas-openapi-subset.yaml` itself (the official Admin API v2 subset), so a
//! newer spec that changes a limit fails here.
use domain::model::{
    CUSTOM_ROLES_LIMIT_NAME, DATABASE_USERS_LIMIT, DEFAULT_CUSTOM_ROLES_LIMIT,
    MAX_CUSTOM_ROLES_LIMIT,
};
use domain::validate::MAX_CUSTOM_ROLES_PER_USER;

fn spec() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../spec/atlas-openapi-subset.yaml"
    );
    std::fs::read_to_string(path).expect("spec/atlas-openapi-subset.yaml")
}

/// The row of the limits table (`setGroupLimit`'s `limitName` description) for `name`: default and
/// "API Override Limit".
fn limit_row(spec: &str, name: &str) -> (usize, usize) {
    // The table sits in a double-quoted YAML scalar: a line ending in `\` continues without a space,
    // any other line break folds into one; rows are separated by the escape `\n`.
    let mut text = String::new();
    for line in spec.lines() {
        match line.strip_suffix('\\') {
            Some(cont) => text.push_str(cont.trim_start()),
            None => {
                text.push_str(line.trim_start());
                text.push(' ');
            }
        }
    }
    let row = text
        .split("\\n")
        .find(|l| l.trim_start().starts_with(&format!("| `{name}` |")))
        .unwrap_or_else(|| panic!("no row for {name} in the spec's limits table"));
    let cells: Vec<&str> = row.split('|').map(str::trim).collect();
    // "", name, description, default, override, ""
    (cells[3].parse().unwrap(), cells[4].parse().unwrap())
}

#[test]
fn project_limits_are_the_specs() {
    let spec = spec();
    // (limit name, our default, our maximum, source)
    let rows: [(&str, usize, usize, &str); 2] = [
        (
            CUSTOM_ROLES_LIMIT_NAME,
            DEFAULT_CUSTOM_ROLES_LIMIT,
            MAX_CUSTOM_ROLES_LIMIT,
            "spec: setGroupLimit, limitName table",
        ),
        (
            "atlas.project.security.databaseAccess.users",
            DATABASE_USERS_LIMIT,
            DATABASE_USERS_LIMIT,
            "spec: setGroupLimit, limitName table; Atlas docs security-add-mongodb-users.txt \
             'You can create a maximum of 100 database users per Atlas project'",
        ),
    ];
    for (name, default, max, source) in rows {
        assert_eq!(limit_row(&spec, name), (default, max), "{name} ({source})");
    }
}

/// The limit is named `atlas.project.security.databaseAccess.customRoles`, not
/// `atlas.project.deployment.customRoles` (as issue 18 spelled it): the spec's enum for `limitName`
/// wins, being the contract Atlas validates the path against.
#[test]
fn the_custom_role_limit_has_the_specs_name() {
    let spec = spec();
    assert!(spec.contains(&format!("- {CUSTOM_ROLES_LIMIT_NAME}\n")));
    assert!(!spec.contains("atlas.project.deployment.customRoles"));
}

#[test]
fn a_user_holds_at_most_twenty_custom_roles() {
    // Atlas docs security-add-mongodb-roles.txt: "You can assign up to 20 custom roles to a single
    // database user".
    assert_eq!(MAX_CUSTOM_ROLES_PER_USER, 20);
}

/// PATCH replaces a custom role's actions and inherited roles with the body's: the Atlas CLI's e2e test
/// "Update" sends one privilege to a role that held three (after "Update with append") and Atlas answers
/// with one (`mongodb-atlas-cli test/e2e/atlas/generic/customdbroles/custom_db_roles_test.go`, recorded in
/// `../shared/atlas-recordings/customdbroles/TestDBRoles/Update/`); the CLI documents its update flags with
/// "Passing this flag replaces preexisting data." (`internal/usage/usage.go`). Whether a body that omits a
/// list leaves it unchanged is unconfirmed, so the console always sends both lists.
#[test]
fn a_custom_role_patch_replaces_both_lists() {
    use domain::model::{InheritedRole, PrivilegeAction, Resource, UpdateCustomDbRole};
    let mut p = domain::demo::DemoKind::Standard.project();
    let before = p.custom_role("orders_writer").unwrap().clone();
    assert!(before.actions.len() > 1 && !before.inherited_roles.is_empty());
    let update = UpdateCustomDbRole {
        actions: vec![PrivilegeAction {
            action: "LIST_SESSIONS".into(),
            resources: vec![Resource::cluster()],
        }],
        inherited_roles: vec![InheritedRole::new("read", "sales")],
    };
    let after = p
        .update_custom_role("orders_writer", update.clone(), "2026-12-01T00:00:00Z")
        .unwrap();
    assert_eq!(
        (after.actions, after.inherited_roles),
        (update.actions, update.inherited_roles)
    );
    let body = serde_json::to_value(UpdateCustomDbRole::from(&before)).unwrap();
    assert!(body.get("actions").is_some() && body.get("inheritedRoles").is_some());
}
