//! The `atlas customDbRoles create|update` command equivalent to an API role (reference §7), so people
//! who script Atlas can copy what the editor would send.
use crate::model::CustomDbRole;
use crate::text::privilege_spec;

/// Quotes a word for POSIX shells when it holds anything but safe characters.
fn shell_word(s: &str) -> String {
    let safe = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.@,/:=+".contains(c));
    if safe {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// Why a name can't travel in a CLI flag value, if it can't. pflag reads `--privilege` and
/// `--inheritedRole` as CSV (a `,` starts another value, a bare `"` fails the command, a line break ends
/// the list) and the CLI splits each value on `@` (`mongodb-atlas-cli` `internal/convert/custom_db_role.go`).
fn cli_problem(name: &str) -> Option<&'static str> {
    if name.contains(',') {
        Some("\",\" (the Atlas CLI splits the flag's values on commas)")
    } else if name.contains('@') {
        Some("\"@\" (the Atlas CLI splits a privilege on \"@\")")
    } else if name.contains('"') {
        Some("a double quote (the Atlas CLI reads the flag as CSV and fails on a bare quote)")
    } else if name.contains(['\n', '\r']) {
        Some("a line break (the Atlas CLI reads the flag as CSV and stops at the line's end)")
    } else {
        None
    }
}

/// `atlas customDbRoles create <name> --privilege … --inheritedRole … --projectId <id>` (or `update`,
/// which replaces the role's actions and inherited roles, as the PATCH does). Refused, with the reason,
/// when a database or collection name would make the CLI send other privileges than the role's.
pub fn custom_role_command(
    role: &CustomDbRole,
    create: bool,
    project_id: &str,
) -> Result<String, String> {
    let refuse = |name: &str, why: &str| {
        Err(format!(
            "{} can't be exported as an Atlas CLI command: the name \"{name}\" contains {why}. Export it as Admin API JSON or Terraform instead.",
            role.role_name
        ))
    };
    let mut privileges = Vec::new();
    for a in &role.actions {
        for r in &a.resources {
            if !r.cluster {
                for name in [&r.db, &r.collection] {
                    if let Some(why) = cli_problem(name) {
                        return refuse(name, why);
                    }
                }
            }
            privileges.push(privilege_spec(&a.action, r));
        }
    }
    let mut inherited = Vec::new();
    for i in &role.inherited_roles {
        for name in [&i.role, &i.db] {
            if let Some(why) = cli_problem(name) {
                return refuse(name, why);
            }
        }
        inherited.push(format!("{}@{}", i.role, i.db));
    }
    let mut cmd = format!(
        "atlas customDbRoles {} {}",
        if create { "create" } else { "update" },
        shell_word(&role.role_name)
    );
    if !privileges.is_empty() {
        cmd += &format!(" \\\n  --privilege {}", shell_word(&privileges.join(",")));
    }
    if !inherited.is_empty() {
        cmd += &format!(
            " \\\n  --inheritedRole {}",
            shell_word(&inherited.join(","))
        );
    }
    Ok(cmd + &format!(" \\\n  --projectId {}", shell_word(project_id)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{InheritedRole, PrivilegeAction, Resource};

    #[test]
    fn command_uses_the_cli_privilege_syntax_and_quotes_odd_names() {
        let role = CustomDbRole {
            role_name: "orders_reader".into(),
            actions: vec![
                PrivilegeAction {
                    action: "FIND".into(),
                    resources: vec![
                        Resource::namespace("sales", "orders"),
                        Resource::namespace("my db", ""),
                    ],
                },
                PrivilegeAction {
                    action: "SERVER_STATUS".into(),
                    resources: vec![Resource::cluster()],
                },
            ],
            inherited_roles: vec![InheritedRole::new("read", "analytics")],
        };
        assert_eq!(
            custom_role_command(&role, true, "6650f1c2a4b3c2d1e0f9a8b7").unwrap(),
            "atlas customDbRoles create orders_reader \\\n  --privilege 'FIND@sales.orders,FIND@my db,SERVER_STATUS' \\\n  --inheritedRole read@analytics \\\n  --projectId 6650f1c2a4b3c2d1e0f9a8b7"
        );
        let only_inherited = CustomDbRole {
            actions: vec![],
            ..role
        };
        assert!(custom_role_command(&only_inherited, false, "p")
            .unwrap()
            .starts_with("atlas customDbRoles update orders_reader \\\n  --inheritedRole"));
    }
}
