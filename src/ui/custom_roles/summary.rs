//! How a role reads in the list: one line per action (server spelling, with its databases/collections)
//! and per inherited role, plus the lower-cased text the search box matches.
use domain::catalog::Action;
use domain::model::{CustomDbRole, Resource};

/// `sales.orders`, `sales` (all collections), `any database`, `cluster`.
pub fn resource_text(r: &Resource) -> String {
    match (r.cluster, r.db.as_str(), r.collection.as_str()) {
        (true, _, _) => "cluster".to_string(),
        (false, "", "") => "any database".to_string(),
        (false, "", c) => format!("any database, collection {c}"),
        (false, db, "") => db.to_string(),
        (false, db, c) => format!("{db}.{c}"),
    }
}

pub fn action_label(api: &str) -> String {
    Action::from_api(api)
        .map(|a| a.server().to_string())
        .unwrap_or_else(|| api.to_string())
}

/// Display lines for a role: `find on sales.orders, sales.returns`, `inherits read@analytics`.
pub fn lines(role: &CustomDbRole) -> Vec<String> {
    let mut out: Vec<String> = role
        .actions
        .iter()
        .map(|a| {
            let on: Vec<String> = a.resources.iter().map(resource_text).collect();
            format!("{} on {}", action_label(&a.action), on.join(", "))
        })
        .collect();
    out.extend(
        role.inherited_roles
            .iter()
            .map(|i| format!("inherits {}@{}", i.role, i.db)),
    );
    out
}

/// One role as the list shows and searches it, computed once per load rather than per keystroke.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleEntry {
    pub name: String,
    /// Lower-cased name: sorting compares these without allocating.
    pub sort_key: String,
    pub lines: Vec<String>,
    pub haystack: String,
    /// Changes whenever the role's content does, so the keyed list re-renders exactly the changed rows.
    pub key: String,
}

impl RoleEntry {
    pub fn new(role: &CustomDbRole) -> Self {
        let lines = lines(role);
        let mut haystack = role.role_name.to_lowercase();
        for a in &role.actions {
            haystack.push('\n');
            haystack.push_str(&a.action.to_lowercase());
        }
        for l in &lines {
            haystack.push('\n');
            haystack.push_str(&l.to_lowercase());
        }
        let key = format!("{}\u{1f}{}", role.role_name, lines.join("\u{1e}"));
        RoleEntry {
            name: role.role_name.clone(),
            sort_key: role.role_name.to_lowercase(),
            lines,
            haystack,
            key,
        }
    }

    /// Every word of the query must appear (name, action in either spelling, role, db or collection).
    pub fn matches(&self, words: &[String]) -> bool {
        words.iter().all(|w| self.haystack.contains(w.as_str()))
    }
}

pub fn query_words(q: &str) -> Vec<String> {
    q.split_whitespace().map(str::to_lowercase).collect()
}
