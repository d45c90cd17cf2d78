//! Import of Admin API JSON. Nothing is trusted: the text is bounded in size and nesting before it is
//! parsed, each role is read on its own (one bad role does not hide the others), and every role is
//! validated as Atlas would, in the order it would be created, before the caller writes anything.
use super::export::creation_order;
use crate::model::CustomDbRole;
use crate::text::grants;
use crate::validate::{validate_role, ProjectContext, RoleMode};
use serde_json::Value;
use std::collections::HashSet;
use std::fmt;

/// Larger than 1,400 large roles in pretty-printed JSON; anything bigger is not an export of roles.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;
/// Roles nest 6 levels (list, role, actions, action, resources, resource); a list answer adds one.
pub const MAX_NESTING: usize = 16;
/// A project holds at most 1,400 custom roles.
const MAX_ROLES: usize = 1_400;

/// Why a text could not be read as roles at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    Empty,
    TooLarge(usize),
    TooDeep,
    NotJson(String),
    WrongShape(String),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => write!(
                f,
                "Paste or choose Admin API JSON: there is nothing to import."
            ),
            ImportError::TooLarge(n) => write!(
                f,
                "The file is {:.1} MB; an export of custom roles is at most {} MB.",
                *n as f64 / 1_048_576.0,
                MAX_IMPORT_BYTES / 1_048_576
            ),
            ImportError::TooDeep => write!(
                f,
                "The JSON is nested more than {MAX_NESTING} levels deep, which no custom role is."
            ),
            ImportError::NotJson(e) => write!(f, "This is not valid JSON: {e}."),
            ImportError::WrongShape(e) => write!(f, "{e}"),
        }
    }
}

/// How deeply `[` and `{` nest outside strings (a scan that cannot recurse, run before parsing).
fn nesting(text: &str) -> usize {
    let (mut depth, mut max, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for b in text.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

/// Reads `text` as one role (the POST body), an array of roles, or a list answer (`{"results": […]}`).
/// Each element is a role or the reason it is not one.
pub fn parse_roles(text: &str) -> Result<Vec<Result<CustomDbRole, String>>, ImportError> {
    let text = text.trim_start_matches('\u{feff}').trim();
    if text.is_empty() {
        return Err(ImportError::Empty);
    }
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(text.len()));
    }
    if nesting(text) > MAX_NESTING {
        return Err(ImportError::TooDeep);
    }
    let value: Value =
        serde_json::from_str(text).map_err(|e| ImportError::NotJson(e.to_string()))?;
    let items = match value {
        Value::Array(items) => items,
        Value::Object(mut o) if !o.contains_key("roleName") && o.get("results").is_some_and(Value::is_array) => {
            match o.remove("results") {
                Some(Value::Array(items)) => items,
                _ => unreachable!("checked to be an array"),
            }
        }
        v @ Value::Object(_) => vec![v],
        _ => {
            return Err(ImportError::WrongShape(
                "Expected a custom role (an object with roleName), an array of them, or a list answer with \"results\"."
                    .into(),
            ))
        }
    };
    if items.is_empty() {
        return Err(ImportError::WrongShape("The array holds no roles.".into()));
    }
    if items.len() > MAX_ROLES {
        return Err(ImportError::WrongShape(format!(
            "{} roles: a project holds at most {MAX_ROLES} custom roles.",
            items.len()
        )));
    }
    Ok(items
        .into_iter()
        .map(|item| {
            if !item.is_object() {
                return Err("Not a custom role: expected an object with roleName.".to_string());
            }
            serde_json::from_value::<CustomDbRole>(item)
                .map_err(|e| format!("Not a custom role: {e}."))
        })
        .collect())
}

/// What importing one role would do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportStatus {
    /// Valid, and no role has its name: it would be created.
    Create,
    /// The project has a role of that name (`identical`: with the same definition); it is left alone.
    Conflict { identical: bool },
    /// Not created, for these reasons.
    Invalid(Vec<String>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportEntry {
    /// 1-based position in the imported text.
    pub position: usize,
    /// The role's name, or "" when it has none.
    pub name: String,
    pub role: Option<CustomDbRole>,
    pub status: ImportStatus,
}

/// The per-role report, in the order of the imported text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportPlan {
    pub entries: Vec<ImportEntry>,
}

impl ImportPlan {
    /// The roles to create, in an order Atlas accepts (inherited roles first).
    pub fn to_create(&self) -> Vec<CustomDbRole> {
        let roles: Vec<CustomDbRole> = self
            .entries
            .iter()
            .filter(|e| e.status == ImportStatus::Create)
            .filter_map(|e| e.role.clone())
            .collect();
        creation_order(&roles).into_iter().cloned().collect()
    }

    pub fn count(&self, pred: impl Fn(&ImportStatus) -> bool) -> usize {
        self.entries.iter().filter(|e| pred(&e.status)).count()
    }
}

/// Checks every parsed role against the project in `ctx` and against the roles imported before it, as
/// if they were created one by one (so a role may inherit another role of the same import).
pub fn plan_import(
    parsed: Vec<Result<CustomDbRole, String>>,
    ctx: &ProjectContext<'_>,
) -> ImportPlan {
    let mut entries: Vec<ImportEntry> = Vec::with_capacity(parsed.len());
    let mut seen = HashSet::new();
    for (i, p) in parsed.into_iter().enumerate() {
        let position = i + 1;
        let entry = match p {
            Err(why) => ImportEntry {
                position,
                name: String::new(),
                role: None,
                status: ImportStatus::Invalid(vec![why]),
            },
            Ok(role) => {
                let status = if !seen.insert(role.role_name.clone()) {
                    ImportStatus::Invalid(
                        vec!["The import holds another role of this name.".into()],
                    )
                } else if let Some(existing) = ctx.custom_role(&role.role_name) {
                    // Same grants in any order: the project's own notion of an unchanged role.
                    ImportStatus::Conflict {
                        identical: grants(existing) == grants(&role),
                    }
                } else {
                    ImportStatus::Create // provisional: validated below, in creation order
                };
                ImportEntry {
                    position,
                    name: role.role_name.clone(),
                    role: Some(role),
                    status,
                }
            }
        };
        entries.push(entry);
    }
    let candidates: Vec<CustomDbRole> = entries
        .iter()
        .filter(|e| e.status == ImportStatus::Create)
        .filter_map(|e| e.role.clone())
        .collect();
    let mut accepted: Vec<CustomDbRole> = ctx.custom_roles.to_vec();
    for role in creation_order(&candidates) {
        let with_accepted = ProjectContext {
            custom_roles: &accepted,
            ..*ctx
        };
        let errors: Vec<String> = validate_role(role, &with_accepted, RoleMode::Create)
            .into_iter()
            .filter(|i| i.is_error())
            .map(|i| i.message)
            .collect();
        if errors.is_empty() {
            accepted.push(role.clone());
        } else if let Some(e) = entries
            .iter_mut()
            .find(|e| e.status == ImportStatus::Create && e.name == role.role_name)
        {
            e.status = ImportStatus::Invalid(errors);
        }
    }
    ImportPlan { entries }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_ignores_brackets_inside_strings() {
        assert_eq!(nesting(r#"[{"a":"[[[{{{\"[["}]"#), 2);
        assert_eq!(nesting("[[[]]]"), 3);
        assert_eq!(nesting("\"\\\\\"[]"), 1);
    }
}
