//! Export formats. Each keeps the roles' order except where a role inherits another exported role:
//! that one comes first, so running the script (or applying the plan) creates what it inherits first.
use crate::cli::custom_role_command;
use crate::model::CustomDbRole;
use std::collections::{HashMap, HashSet};

/// `roles` ordered so that a role comes after every role of `roles` it inherits. Roles caught in an
/// inheritance cycle (which Atlas refuses) keep their relative order at the end.
pub fn creation_order(roles: &[CustomDbRole]) -> Vec<&CustomDbRole> {
    let by_name: HashMap<&str, &CustomDbRole> =
        roles.iter().map(|r| (r.role_name.as_str(), r)).collect();
    let mut placed: HashSet<&str> = HashSet::new();
    let mut out = Vec::with_capacity(roles.len());
    loop {
        let before = out.len();
        for r in roles {
            if placed.contains(r.role_name.as_str()) {
                continue;
            }
            let ready = r.inherited_roles.iter().all(|i| {
                !by_name.contains_key(i.role.as_str())
                    || i.role == r.role_name
                    || placed.contains(i.role.as_str())
            });
            if ready {
                placed.insert(&r.role_name);
                out.push(r);
            }
        }
        if out.len() == roles.len() || out.len() == before {
            break;
        }
    }
    out.extend(
        roles
            .iter()
            .filter(|r| !placed.contains(r.role_name.as_str())),
    );
    out
}

/// Admin API JSON: one role as the object `POST …/customDBRoles/roles` takes, several as an array of them.
pub fn to_api_json(roles: &[CustomDbRole]) -> String {
    let json = match roles {
        [one] => serde_json::to_string_pretty(one),
        _ => serde_json::to_string_pretty(&creation_order(roles)),
    };
    json.expect("roles always serialize")
}

/// A POSIX shell script of `atlas customDbRoles create` commands, stopping at the first failure; refused
/// (with the reason) when a role can't be expressed safely as a CLI command.
pub fn to_cli_script(roles: &[CustomDbRole], project_id: &str) -> Result<String, String> {
    // The id in the comment is escaped: a line break in it would end the comment and start a command.
    let mut s = format!(
        "#!/bin/sh\n# {} custom role(s) for project {}, exported by the Database Access console.\nset -e\n",
        roles.len(),
        project_id.escape_debug()
    );
    for r in creation_order(roles) {
        s.push('\n');
        s += &custom_role_command(r, true, project_id)?;
        s.push('\n');
    }
    Ok(s)
}

/// A string literal in HCL: quotes, backslashes and template openers escaped.
fn hcl(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A Terraform resource label for `name`: letters, digits, `_` and `-`, starting with a letter or `_`,
/// unique among `used`.
fn label(name: &str, used: &mut HashSet<String>) -> String {
    let mut base: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if !base.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        base.insert_str(0, "role_");
    }
    let mut candidate = base.clone();
    let mut n = 2;
    while !used.insert(candidate.clone()) {
        candidate = format!("{base}_{n}");
        n += 1;
    }
    candidate
}

/// `mongodbatlas_custom_db_role` resources (provider v2 attribute names). A role inheriting another
/// exported role names it in `depends_on`, because Terraform would otherwise create both at once and
/// Atlas refuses an inherited role that does not exist yet.
pub fn to_terraform(roles: &[CustomDbRole], project_id: &str) -> String {
    terraform_resources(roles, &format!("  project_id = {}\n", hcl(project_id)))
}

/// One Terraform configuration creating `roles` in every project of `project_ids` (issue 30): a
/// `project_ids` variable (its default the chosen projects) and each role's resource `for_each` over it,
/// as teams keeping dev, staging and prod alike write it by hand.
pub fn to_terraform_across(roles: &[CustomDbRole], project_ids: &[&str]) -> String {
    let ids: Vec<String> = project_ids.iter().map(|id| hcl(id)).collect();
    let mut s = format!(
        "variable \"project_ids\" {{\n  description = \"The Atlas projects that hold these custom roles.\"\n  type        = set(string)\n  default     = [{}]\n}}\n\n",
        ids.join(", ")
    );
    s += &terraform_resources(
        roles,
        "  for_each   = var.project_ids\n  project_id = each.value\n",
    );
    s
}

/// An Atlas CLI script per project (issue 30): `(project id, script)`, each as `to_cli_script` writes it
/// for that project; refused as a whole when a role can't be expressed safely as a CLI command.
pub fn to_cli_scripts(
    roles: &[CustomDbRole],
    project_ids: &[&str],
) -> Result<Vec<(String, String)>, String> {
    project_ids
        .iter()
        .map(|id| Ok((id.to_string(), to_cli_script(roles, id)?)))
        .collect()
}

/// The resources, each opening with `project` (its `project_id` line, and `for_each` across projects).
fn terraform_resources(roles: &[CustomDbRole], project: &str) -> String {
    let mut used = HashSet::new();
    let labels: HashMap<&str, String> = roles
        .iter()
        .map(|r| (r.role_name.as_str(), label(&r.role_name, &mut used)))
        .collect();
    let mut s = String::new();
    for r in creation_order(roles) {
        s += &format!(
            "resource \"mongodbatlas_custom_db_role\" \"{}\" {{\n{project}  role_name  = {}\n",
            labels[r.role_name.as_str()],
            hcl(&r.role_name)
        );
        for a in &r.actions {
            s += &format!("\n  actions {{\n    action = {}\n", hcl(&a.action));
            for res in &a.resources {
                if res.cluster {
                    s += "    resources {\n      cluster = true\n    }\n";
                } else {
                    s += &format!("    resources {{\n      database_name = {}\n", hcl(&res.db));
                    if !res.collection.is_empty() {
                        s += &format!("      collection_name = {}\n", hcl(&res.collection));
                    }
                    s += "    }\n";
                }
            }
            s += "  }\n";
        }
        for i in &r.inherited_roles {
            s += &format!(
                "\n  inherited_roles {{\n    role_name     = {}\n    database_name = {}\n  }}\n",
                hcl(&i.role),
                hcl(&i.db)
            );
        }
        let deps: Vec<String> = r
            .inherited_roles
            .iter()
            .filter(|i| i.role != r.role_name)
            .filter_map(|i| labels.get(i.role.as_str()))
            .map(|l| format!("mongodbatlas_custom_db_role.{l}"))
            .collect();
        if !deps.is_empty() {
            s += &format!("\n  depends_on = [{}]\n", deps.join(", "));
        }
        s += "}\n\n";
    }
    s.truncate(s.trim_end().len());
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hcl_strings_cannot_break_out_or_interpolate() {
        assert_eq!(hcl(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(hcl("${var.x} %{if}"), r#""$${var.x} %%{if}""#);
        assert_eq!(hcl("$x 100%"), r#""$x 100%""#);
        assert_eq!(hcl("a\nb\u{7}"), r#""a\nb\u0007""#);
    }

    #[test]
    fn labels_are_valid_identifiers_and_unique() {
        let mut used = HashSet::new();
        assert_eq!(label("orders_reader", &mut used), "orders_reader");
        assert_eq!(label("9lives", &mut used), "role_9lives");
        assert_eq!(label("a.b", &mut used), "a_b");
        assert_eq!(label("a_b", &mut used), "a_b_2");
    }
}
