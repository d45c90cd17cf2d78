//! Exports across projects (issue 30): one Terraform configuration `for_each` over project ids, and an
//! Atlas CLI script per project, under the same injection checks as the single-project exports: no name
//! or id, however hostile, can change the configuration's structure or run a command.
use crate::common;
use common::{family, ns, role};
use domain::model::CustomDbRole;
use domain::transfer::*;

#[test]
fn terraform_creates_the_roles_in_every_project_with_for_each() {
    let tf = to_terraform_across(
        &family(),
        &["6650f1c2a4b3c2d1e0f9a8b7", "6650f1c2a4b3c2d1e0f9a8c8"],
    );
    assert_eq!(
        tf,
        r#"variable "project_ids" {
  description = "The Atlas projects that hold these custom roles."
  type        = set(string)
  default     = ["6650f1c2a4b3c2d1e0f9a8b7", "6650f1c2a4b3c2d1e0f9a8c8"]
}

resource "mongodbatlas_custom_db_role" "base" {
  for_each   = var.project_ids
  project_id = each.value
  role_name  = "base"

  actions {
    action = "FIND"
    resources {
      database_name = "sales"
    }
  }
}

resource "mongodbatlas_custom_db_role" "child" {
  for_each   = var.project_ids
  project_id = each.value
  role_name  = "child"

  actions {
    action = "INSERT"
    resources {
      database_name = "sales"
      collection_name = "orders"
    }
  }

  inherited_roles {
    role_name     = "base"
    database_name = "admin"
  }

  depends_on = [mongodbatlas_custom_db_role.base]
}
"#
    );
}

#[test]
fn the_cli_export_is_one_script_per_project_and_refuses_what_the_cli_would_split() {
    let scripts = to_cli_scripts(&family(), &["p1", "p2"]).unwrap();
    assert_eq!(scripts.len(), 2);
    for (id, script) in &scripts {
        assert_eq!(script, &to_cli_script(&family(), id).unwrap());
        assert_eq!(script.matches(&format!("--projectId {id}")).count(), 2);
    }
    let odd = role("odd", &[("FIND", vec![ns("sales,admin", "")])], &[]);
    assert!(to_cli_scripts(&[odd], &["p1", "p2"])
        .unwrap_err()
        .contains("odd"));
}

/// HCL's string literals in `text`, decoded, and the text with each literal emptied (its structure).
/// Fails when a literal lets a template (`${`, `%{`) through or runs past its line.
fn hcl_literals(text: &str) -> Result<(String, Vec<String>), String> {
    let mut skeleton = String::new();
    let mut literals = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '"' {
            skeleton.push(c);
            continue;
        }
        let mut lit = String::new();
        loop {
            match chars.next().ok_or("unterminated literal")? {
                '"' => break,
                '\n' => return Err(format!("a literal runs past its line: {lit:?}")),
                '\\' => match chars.next().ok_or("dangling escape")? {
                    'n' => lit.push('\n'),
                    'r' => lit.push('\r'),
                    't' => lit.push('\t'),
                    '"' => lit.push('"'),
                    '\\' => lit.push('\\'),
                    'u' => {
                        let hex: String = (0..4).filter_map(|_| chars.next()).collect();
                        let n = u32::from_str_radix(&hex, 16).map_err(|e| e.to_string())?;
                        lit.push(char::from_u32(n).ok_or("bad \\u")?);
                    }
                    other => return Err(format!("unknown escape \\{other}")),
                },
                // HCL's escapes are `$${` and `%%{`; any other `${` or `%{` opens a template.
                c @ ('$' | '%') => {
                    let mut ahead = chars.clone();
                    match (ahead.next(), ahead.next()) {
                        (Some(d), Some('{')) if d == c => {
                            chars.next();
                            chars.next();
                            lit.push(c);
                            lit.push('{');
                        }
                        (Some('{'), _) => return Err(format!("a template opens in {lit:?}")),
                        _ => lit.push(c),
                    }
                }
                c => lit.push(c),
            }
        }
        skeleton.push_str("\"\"");
        literals.push(lit);
    }
    Ok((skeleton, literals))
}

/// A POSIX shell's reading of `script`: its commands as words. Fails on anything outside single quotes
/// that a shell would give a meaning (expansion, another command, redirection, globbing).
fn shell_commands(script: &str) -> Result<Vec<Vec<String>>, String> {
    let mut commands = vec![];
    let mut words: Vec<String> = vec![];
    let mut word: Option<String> = None;
    let mut chars = script.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '#' if word.is_none() => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
                if !words.is_empty() {
                    commands.push(std::mem::take(&mut words));
                }
            }
            '\'' => {
                let w = word.get_or_insert_with(String::new);
                loop {
                    match chars.next().ok_or("unterminated quote")? {
                        '\'' => break,
                        c => w.push(c),
                    }
                }
            }
            '\\' if chars.peek() == Some(&'\n') => {
                chars.next();
            }
            '\\' => {
                let next = chars.next().ok_or("dangling backslash")?;
                word.get_or_insert_with(String::new).push(next);
            }
            ' ' | '\n' => {
                words.extend(word.take());
                if c == '\n' && !words.is_empty() {
                    commands.push(std::mem::take(&mut words));
                }
            }
            c if c.is_ascii_alphanumeric() || "-_.@,/:=+".contains(c) => {
                word.get_or_insert_with(String::new).push(c)
            }
            c => return Err(format!("{c:?} outside quotes")),
        }
    }
    words.extend(word.take());
    if !words.is_empty() {
        commands.push(words);
    }
    Ok(commands)
}

#[test]
fn the_checkers_catch_what_they_must() {
    assert!(hcl_literals("a = \"${x}\"").is_err());
    assert!(hcl_literals("a = \"x\ny\"").is_err());
    assert_eq!(hcl_literals(r#"a = "$${x}\"" b"#).unwrap().1, ["${x}\""]);
    assert_eq!(hcl_literals(r#""%%%{""#).unwrap().1, ["%%{"]);
    assert!(hcl_literals(r#""%%%%{""#).is_ok());
    assert!(shell_commands("echo $(id)").is_err());
    assert!(shell_commands("echo a; rm b").is_err());
    assert_eq!(
        shell_commands("# c\natlas 'a b'\\\n  x\n").unwrap(),
        [vec!["atlas".to_string(), "a b".into(), "x".into()]]
    );
}

mod hostile {
    #![cfg(not(target_arch = "wasm32"))] // proptest is a native-only dev-dependency
    use super::*;
    use domain::model::InheritedRole;
    use proptest::prelude::*;
    use std::collections::HashMap;

    /// Text built from what breaks out of HCL strings and shell words.
    fn hostile() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "\"", "\\", "${", "%{", "$(", "`", "'", ";", "\n", "\r", "#", "{", "}", " ", "$", "%",
            "a", "é", "\u{0}", "\u{202e}", ",", "@", "*", "|", "&", "\t",
        ]);
        proptest::collection::vec(piece, 1..8).prop_map(|v| v.concat())
    }

    fn roles() -> impl Strategy<Value = Vec<CustomDbRole>> {
        let one = (
            hostile(),
            hostile(),
            hostile(),
            any::<bool>(),
            any::<bool>(),
        );
        proptest::collection::vec(one, 1..4).prop_map(|v| {
            let names: Vec<String> = v
                .iter()
                .enumerate()
                .map(|(i, r)| format!("{}{i}", r.0))
                .collect();
            v.iter()
                .enumerate()
                .map(|(i, (_, db, coll, with_coll, inherit))| {
                    let mut r = role(
                        &names[i],
                        &[("FIND", vec![ns(db, if *with_coll { coll } else { "" })])],
                        &[],
                    );
                    if *inherit && i > 0 {
                        r.inherited_roles
                            .push(InheritedRole::new(names[i - 1].clone(), "admin"));
                    }
                    r.inherited_roles
                        .push(InheritedRole::new("read", coll.clone()));
                    r
                })
                .collect()
        })
    }

    /// The same roles with every text replaced by a plain token (the same text by the same token).
    fn plain(
        roles: &[CustomDbRole],
        ids: &[String],
    ) -> (Vec<CustomDbRole>, Vec<String>, HashMap<String, String>) {
        let mut map: HashMap<String, String> = HashMap::new();
        let mut token = |s: &str| -> String {
            if s.is_empty() {
                return String::new();
            }
            let n = map.len();
            map.entry(s.to_string())
                .or_insert_with(|| format!("t{n}"))
                .clone()
        };
        let roles = roles
            .iter()
            .map(|r| CustomDbRole {
                role_name: token(&r.role_name),
                actions: r
                    .actions
                    .iter()
                    .map(|a| domain::model::PrivilegeAction {
                        action: a.action.clone(),
                        resources: a
                            .resources
                            .iter()
                            .map(|x| ns(&token(&x.db), &token(&x.collection)))
                            .collect(),
                    })
                    .collect(),
                inherited_roles: r
                    .inherited_roles
                    .iter()
                    .map(|i| {
                        InheritedRole::new(
                            if i.role == "read" {
                                "read".into()
                            } else {
                                token(&i.role)
                            },
                            token(&i.db),
                        )
                    })
                    .collect(),
            })
            .collect();
        let ids = ids.iter().map(|i| token(i)).collect();
        (roles, ids, map)
    }

    /// Labels are generated identifiers, not the names: compared as such.
    fn normalize(skeleton: &str) -> String {
        let mut out = String::new();
        let mut rest = skeleton;
        const DEP: &str = "mongodbatlas_custom_db_role.";
        while let Some(i) = rest.find(DEP) {
            out.push_str(&rest[..i + DEP.len()]);
            rest = &rest[i + DEP.len()..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                .unwrap_or(rest.len());
            assert!(
                rest[..end].starts_with(|c: char| c.is_ascii_alphabetic() || c == '_'),
                "label {:?}",
                &rest[..end]
            );
            out.push('L');
            rest = &rest[end..];
        }
        out + rest
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000)
        ))]

        // Terraform: every name and id stays inside its string literal, decoded back to itself; the
        // configuration has the structure of the same roles with plain names.
        #[test]
        fn terraform_across_projects_keeps_every_name_a_string(roles in roles(), ids in proptest::collection::vec(hostile(), 1..3)) {
            let id_refs: Vec<&str> = ids.iter().map(String::as_str).collect();
            let tf = to_terraform_across(&roles, &id_refs);
            let (skeleton, literals) = hcl_literals(&tf).map_err(|e| TestCaseError::fail(format!("{e}\n{tf}")))?;
            let (plain_roles, plain_ids, map) = plain(&roles, &ids);
            let plain_refs: Vec<&str> = plain_ids.iter().map(String::as_str).collect();
            let (plain_skeleton, plain_literals) = hcl_literals(&to_terraform_across(&plain_roles, &plain_refs)).unwrap();
            prop_assert_eq!(normalize(&skeleton), normalize(&plain_skeleton));
            prop_assert_eq!(literals.len(), plain_literals.len());
            for (k, (h, p)) in literals.iter().zip(&plain_literals).enumerate() {
                // A resource's label follows its type: an identifier, not a name.
                if k > 0 && literals[k - 1] == "mongodbatlas_custom_db_role" {
                    prop_assert!(h.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'), "label {:?}", h);
                    continue;
                }
                prop_assert_eq!(map.get(h).unwrap_or(h), p);
            }
        }

        // CLI: each project's script is refused (with the role named) or runs exactly `set -e` and one
        // `atlas customDbRoles create` per role, with the role's name and the project's id as single words.
        #[test]
        fn cli_scripts_across_projects_run_only_their_commands(roles in roles(), ids in proptest::collection::vec(hostile(), 1..3)) {
            let id_refs: Vec<&str> = ids.iter().map(String::as_str).collect();
            match to_cli_scripts(&roles, &id_refs) {
                Err(why) => prop_assert!(roles.iter().any(|r| why.contains(&r.role_name)), "{}", why),
                Ok(scripts) => {
                    prop_assert_eq!(scripts.len(), ids.len());
                    for (id, script) in &scripts {
                        let commands = shell_commands(script).map_err(|e| TestCaseError::fail(format!("{e}\n{script}")))?;
                        prop_assert_eq!(commands.len(), roles.len() + 1, "{}", script);
                        prop_assert_eq!(&commands[0], &vec!["set".to_string(), "-e".into()]);
                        let order: Vec<&str> = creation_order(&roles).iter().map(|r| r.role_name.as_str()).collect();
                        for (c, name) in commands[1..].iter().zip(order) {
                            prop_assert_eq!(&c[..3], &["atlas".to_string(), "customDbRoles".into(), "create".into()]);
                            prop_assert_eq!(&c[3], name);
                            prop_assert_eq!(&c[c.len() - 2..], &["--projectId".to_string(), id.clone()]);
                        }
                    }
                }
            }
        }
    }
}
