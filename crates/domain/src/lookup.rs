//! Reverse lookup: who holds a custom role ("Used by"), and who is granted an action on a resource
//! ("Who can …?"), each answer with the chain of roles that leads to it.
use crate::catalog::{Action, ResourceKind};
use crate::model::{CustomDbRole, DatabaseUser};
use crate::privileges::{Expander, Target};
use std::collections::{HashMap, VecDeque};

/// A user or custom role, and the roles from it to what was looked up, outermost first. For a user the
/// chain starts with the role the user holds; for a role it starts with the role itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holder {
    pub name: String,
    pub chain: Vec<String>,
}

impl Holder {
    /// Whether it is held directly (not through another role).
    pub fn is_direct(&self) -> bool {
        self.chain.len() <= 1
    }
}

/// The custom roles and database users holding a role, directly or through inheritance.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UsedBy {
    pub roles: Vec<Holder>,
    pub users: Vec<Holder>,
}

impl UsedBy {
    pub fn is_empty(&self) -> bool {
        self.roles.is_empty() && self.users.is_empty()
    }
}

/// A user's display name in answers: `username` for the usual `admin` database, `$external/username`
/// otherwise, so two users with the same name stay distinct.
pub fn user_label(user: &DatabaseUser) -> String {
    user_name(&user.database_name, &user.username)
}

/// `username` on `admin`, `db/username` otherwise (see `user_label`).
pub fn user_name(db: &str, username: &str) -> String {
    if db == crate::model::ADMIN_DB {
        username.to_string()
    } else {
        format!("{db}/{username}")
    }
}

/// "Used by": every custom role inheriting `role_name` (directly or through other roles) and every
/// database user holding it or one of those roles, each with the shortest chain to `role_name`.
/// Roles and users come sorted by name; a cycle in the inheritance cannot loop.
pub fn used_by(role_name: &str, roles: &[CustomDbRole], users: &[DatabaseUser]) -> UsedBy {
    // Reverse edges: role -> the roles that inherit it.
    let mut heirs: HashMap<&str, Vec<&str>> = HashMap::new();
    for r in roles {
        for i in &r.inherited_roles {
            heirs
                .entry(i.role.as_str())
                .or_default()
                .push(r.role_name.as_str());
        }
    }
    // Breadth first, so every role gets its shortest chain; `chains[x]` runs from x to `role_name`.
    let mut chains: HashMap<&str, Vec<String>> = HashMap::new();
    chains.insert(role_name, vec![role_name.to_string()]);
    let mut queue = VecDeque::from([role_name]);
    while let Some(name) = queue.pop_front() {
        let here = chains[name].clone();
        for &heir in heirs.get(name).map(Vec::as_slice).unwrap_or_default() {
            if !chains.contains_key(heir) {
                let mut chain = vec![heir.to_string()];
                chain.extend(here.iter().cloned());
                chains.insert(heir, chain);
                queue.push_back(heir);
            }
        }
    }
    let mut out = UsedBy::default();
    for (name, chain) in &chains {
        if *name != role_name {
            out.roles.push(Holder {
                name: name.to_string(),
                chain: chain.clone(),
            });
        }
    }
    for u in users {
        let best = u
            .roles
            .iter()
            .filter_map(|r| chains.get(r.role_name.as_str()))
            .min_by_key(|c| c.len());
        if let Some(chain) = best {
            out.users.push(Holder {
                name: user_label(u),
                chain: chain.clone(),
            });
        }
    }
    out.roles.sort_by(|a, b| a.name.cmp(&b.name));
    out.users.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// Whether a database user holds `role_name`, directly or through roles inheriting it: `used_by`'s users
/// are not empty. A direct holder answers most roles without building every inheritance chain.
pub fn held_by_a_user(role_name: &str, roles: &[CustomDbRole], users: &[DatabaseUser]) -> bool {
    users
        .iter()
        .any(|u| u.roles.iter().any(|r| r.role_name == role_name))
        || !used_by(role_name, roles, users).users.is_empty()
}

/// The resource a "Who can …?" question is about, typed as `db[.collection]`: the cluster for cluster
/// actions (for the two also accepted on a namespace, when none is typed), otherwise that database and collection (a database action ignores the collection). `None`
/// when a database is needed and none was typed.
pub fn question_target(action: Action, namespace: &str) -> Option<Target> {
    let ns = namespace.trim();
    let (db, collection) = ns.split_once('.').unwrap_or((ns, ""));
    match action.resource() {
        // enableSharding and checkMetadataConsistency: the cluster unless a namespace is typed.
        ResourceKind::Cluster if action.on_namespaces_too() && !db.trim().is_empty() => {
            Some(Target::namespace(db.trim(), collection.trim()))
        }
        ResourceKind::Cluster => Some(Target::Cluster),
        _ if db.trim().is_empty() => None,
        ResourceKind::Database => Some(Target::namespace(db.trim(), "")),
        ResourceKind::Collection => Some(Target::namespace(db.trim(), collection.trim())),
    }
}

/// The answer to "Who can `action` on `target`?".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WhoCan {
    pub users: Vec<Holder>,
    pub roles: Vec<Holder>,
}

/// Every database user and custom role granted `action` on `target` (a grant on a database covers its
/// collections; a grant on any database covers every database), with the shortest granting chain.
/// Built-in roles count, as far as the catalog knows what they grant.
pub fn who_can(
    action: Action,
    target: &Target,
    roles: &[CustomDbRole],
    users: &[DatabaseUser],
) -> WhoCan {
    let mut expander = Expander::new(roles);
    let mut out = WhoCan::default();
    for r in roles {
        if let Some(g) = expander.role(&r.role_name).can(action, target) {
            out.roles.push(Holder {
                name: r.role_name.clone(),
                chain: g.chain.clone(),
            });
        }
    }
    for u in users {
        if let Some(g) = expander.user(u).can(action, target) {
            out.users.push(Holder {
                name: user_label(u),
                chain: g.chain.clone(),
            });
        }
    }
    out.roles.sort_by(|a, b| a.name.cmp(&b.name));
    out.users.sort_by(|a, b| a.name.cmp(&b.name));
    out
}
