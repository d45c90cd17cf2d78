//! What the "Action or Role" picker of one editor row offers: every action and inheritable role grouped
//! by category (actions by docs group inside), with why an option can't be chosen right now: another
//! category already holds the row, a cluster's MongoDB version is too old, or it is the role being edited.
use crate::catalog::{inheritable_roles, Action, Category, DocsGroup};
use crate::role_form::{Item, Row};
use crate::validate::{clusters_too_old, ProjectContext};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub item: Item,
    /// Server spelling for actions (`find`), the role name for roles.
    pub label: String,
    pub docs_group: Option<DocsGroup>,
    pub selected: bool,
    /// Why this choice itself can't be chosen (too new for a cluster, the role being edited). A locked
    /// category is said once, on its group.
    pub disabled: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChoiceGroup {
    pub category: Category,
    /// Why the row can't take anything of this category now (another category already holds the row).
    pub locked: Option<String>,
    pub choices: Vec<Choice>,
}

/// The picker for `row`. `editing` is the name of the role being edited (it can't inherit itself).
pub fn choices(row: &Row, ctx: &ProjectContext<'_>, editing: Option<&str>) -> Vec<ChoiceGroup> {
    let locked_by = row.category();
    let lock_reason = |cat: Category| {
        (!row.accepts(cat)).then(|| match locked_by {
            Some(by) => format!("Not available: this row already has {}", by.label()),
            None => String::new(),
        })
    };
    let choice = |item: Item, label: String, docs_group, reason: Option<String>| Choice {
        selected: row.items.contains(&item),
        disabled: reason,
        item,
        label,
        docs_group,
    };
    Category::ALL
        .iter()
        .map(|&category| {
            let mut choices: Vec<Choice> = if category == Category::Custom {
                let mut names: Vec<&str> = ctx
                    .custom_roles
                    .iter()
                    .map(|r| r.role_name.as_str())
                    .collect();
                names.sort_unstable();
                names
                    .into_iter()
                    .map(|n| {
                        let own =
                            (editing == Some(n)).then(|| "A role can't inherit itself".to_string());
                        choice(Item::CustomRole(n.to_string()), n.to_string(), None, own)
                    })
                    .collect()
            } else {
                let mut actions: Vec<Action> =
                    Action::all().filter(|a| a.offered_in(category)).collect();
                actions.sort_by_key(|a| (a.info().group as u8, a.server()));
                actions
                    .into_iter()
                    .map(|a| {
                        let version = clusters_too_old(a, ctx).map(|old| {
                            let min = a
                                .info()
                                .min_version
                                .map(|v| v.to_string())
                                .unwrap_or_default();
                            format!(
                                "Requires MongoDB {min}+ on every cluster; not on {}",
                                old.join(", ")
                            )
                        });
                        choice(
                            Item::Action(a, category),
                            a.server().to_string(),
                            Some(a.info().group),
                            version,
                        )
                    })
                    .collect()
            };
            if category != Category::Custom && category != Category::Collection {
                choices.extend(
                    inheritable_roles()
                        .filter(|r| r.inheritable == Some(category))
                        .map(|r| {
                            choice(
                                Item::BuiltinRole(r.name.to_string()),
                                r.name.to_string(),
                                None,
                                None,
                            )
                        }),
                );
            }
            ChoiceGroup {
                category,
                locked: lock_reason(category),
                choices,
            }
        })
        .collect()
}

/// How the picker (and its chips) name an item: the server spelling for actions (`find`), the name for
/// roles.
pub fn item_label(item: &Item) -> String {
    match item {
        Item::Action(a, _) => a.server().to_string(),
        Item::BuiltinRole(r) | Item::CustomRole(r) => r.clone(),
    }
}

/// A stable string key for an item (the picker's option ids are made from it).
pub fn item_key(item: &Item) -> String {
    match item {
        // With its category: enableSharding is an option of three groups.
        Item::Action(a, c) => format!("action:{}:{}", a.api(), *c as u8),
        Item::BuiltinRole(r) => format!("builtin:{r}"),
        Item::CustomRole(r) => format!("custom:{r}"),
    }
}

pub fn item_from_key(key: &str) -> Option<Item> {
    let (kind, name) = key.split_once(':')?;
    match kind {
        "action" => {
            let (api, cat) = name.split_once(':')?;
            let a = Action::from_api(api)?;
            let c = *Category::ALL.get(cat.parse::<usize>().ok()?)?;
            a.offered_in(c).then_some(Item::Action(a, c))
        }
        "builtin" => Some(Item::BuiltinRole(name.to_string())),
        "custom" => Some(Item::CustomRole(name.to_string())),
        _ => None,
    }
}
