//! Effective privileges: every (action, resource) a database user or custom role grants, expanding custom
//! role inheritance transitively and built-in roles as far as the catalog knows them, each with the chain
//! of roles that grants it. Roles combine as a union, so the highest permission wins. Also the impact of a
//! role: which roles and users hold it, directly or through inheritance.
use crate::catalog::{builtin_role, Action};
use crate::model::{CustomDbRole, DatabaseUser};
use std::collections::{HashMap, HashSet, VecDeque};
use std::rc::Rc;

mod builtin;
pub use builtin::BeyondApi;
pub(crate) use builtin::{action_bits, builtin_actions};

/// What a privilege applies to. `None` means any database / any collection.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    Cluster,
    /// Every database except `local` and `config`: where the manual's all-database roles
    /// (readAnyDatabase, readWriteAnyDatabase, dbAdminAnyDatabase, ...) apply.
    AnyDatabaseButLocalConfig,
    Namespace {
        db: Option<String>,
        collection: Option<String>,
    },
}

impl Target {
    pub fn namespace(db: &str, collection: &str) -> Target {
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
        Target::Namespace {
            db: opt(db),
            collection: opt(collection),
        }
    }

    /// Whether a grant on `self` includes `other`.
    pub fn covers(&self, other: &Target) -> bool {
        match (self, other) {
            (Target::Cluster, Target::Cluster) => true,
            (Target::AnyDatabaseButLocalConfig, Target::AnyDatabaseButLocalConfig) => true,
            (Target::AnyDatabaseButLocalConfig, Target::Namespace { db: Some(db), .. }) => {
                db != "local" && db != "config"
            }
            (
                Target::Namespace {
                    db: None,
                    collection: None,
                },
                Target::AnyDatabaseButLocalConfig,
            ) => true,
            (
                Target::Namespace { db, collection },
                Target::Namespace {
                    db: odb,
                    collection: ocoll,
                },
            ) => (db.is_none() || db == odb) && (collection.is_none() || collection == ocoll),
            _ => false,
        }
    }
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Target::Cluster => f.write_str("cluster"),
            Target::AnyDatabaseButLocalConfig => {
                f.write_str("any database except local and config")
            }
            Target::Namespace { db, collection } => {
                let db = db.as_deref().unwrap_or("any database");
                match collection {
                    Some(c) => write!(f, "{db}.{c}"),
                    None => f.write_str(db),
                }
            }
        }
    }
}

/// One granted privilege and the chain of roles that grants it, outermost first
/// (e.g. `["orders_admin", "orders_reader", "read@sales"]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grant {
    pub action: Action,
    pub target: Target,
    pub chain: Vec<String>,
}

/// The union of everything a user or role grants, one entry per (action, target), with the shortest chain.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Effective {
    pub grants: Vec<Grant>,
}

impl Effective {
    /// "Can this user do `action` on `target`?": the grant that allows it (shortest chain), or `None`.
    pub fn can(&self, action: Action, target: &Target) -> Option<&Grant> {
        self.grants
            .iter()
            .filter(|g| g.action == action && g.target.covers(target))
            .min_by_key(|g| g.chain.len())
    }

    /// Grants grouped by target, targets in order, for display.
    pub fn by_target(&self) -> Vec<(&Target, Vec<&Grant>)> {
        let mut groups: Vec<(&Target, Vec<&Grant>)> = Vec::new();
        let mut sorted: Vec<&Grant> = self.grants.iter().collect();
        sorted.sort_by(|a, b| (&a.target, a.action).cmp(&(&b.target, b.action)));
        for g in sorted {
            match groups.last_mut() {
                Some((t, list)) if *t == &g.target => list.push(g),
                _ => groups.push((&g.target, vec![g])),
            }
        }
        groups
    }
}

/// A chain of roles, outermost first, shared: a role's grants all end in the same links, and inheriting
/// a grant adds one link in front instead of copying the chain's names.
struct Link {
    name: Rc<str>,
    next: Option<Rc<Link>>,
    len: usize,
}

impl Link {
    fn first(name: Rc<str>) -> Rc<Link> {
        Rc::new(Link {
            name,
            next: None,
            len: 1,
        })
    }

    fn names(chain: &Rc<Link>) -> Vec<String> {
        let mut out = Vec::with_capacity(chain.len);
        let mut at = Some(chain);
        while let Some(link) = at {
            out.push(link.name.to_string());
            at = link.next.as_ref();
        }
        out
    }
}

/// A grant while expanding: the target is an index into the expander's targets.
#[derive(Clone)]
struct Held {
    action: Action,
    target: u32,
    chain: Rc<Link>,
}

/// Adds grants, keeping the first place and the shortest chain (the earlier of equals) per (action,
/// target).
/// The index is sorted (action, target) keys with each grant's place: a binary search, and no hash
/// table's code in the bundle for it.
#[derive(Default)]
struct Union {
    grants: Vec<Held>,
    index: Vec<(u64, usize)>,
}

impl Union {
    /// Adds `action` on `target` through a chain of `len` roles, made by `chain` only if it is kept.
    fn add_with(
        &mut self,
        action: Action,
        target: u32,
        len: usize,
        chain: impl FnOnce() -> Rc<Link>,
    ) {
        let key = (action as u64) << 32 | u64::from(target);
        match self.index.binary_search_by_key(&key, |&(k, _)| k) {
            Ok(at) => {
                let i = self.index[at].1;
                if len < self.grants[i].chain.len {
                    self.grants[i].chain = chain();
                }
            }
            Err(at) => {
                self.index.insert(at, (key, self.grants.len()));
                self.grants.push(Held {
                    action,
                    target,
                    chain: chain(),
                });
            }
        }
    }

    fn add(&mut self, g: &Held) {
        self.add_with(g.action, g.target, g.chain.len, || g.chain.clone());
    }

    /// Adds `g` reached through `first`: its chain with `first` in front.
    fn add_through(&mut self, first: &Rc<str>, g: &Held) {
        self.add_with(g.action, g.target, g.chain.len + 1, || {
            Rc::new(Link {
                name: first.clone(),
                next: Some(g.chain.clone()),
                len: g.chain.len + 1,
            })
        });
    }
}

/// Expands roles of one project, remembering each custom role's expansion.
pub struct Expander<'a> {
    roles: &'a [CustomDbRole],
    /// By name, built on the `INDEX_AFTER`th lookup: linting one role looks up a handful of roles and
    /// indexing 1,400 costs more than that many scans; a project-wide expansion looks up hundreds.
    index: Option<HashMap<&'a str, &'a CustomDbRole>>,
    lookups: usize,
    /// Each custom role's expansion by its place in `roles` (no hash table's code in the bundle for it).
    memo: Vec<Option<Rc<Vec<Held>>>>,
    /// Built-in roles held on a database (and collection), expanded once (a handful: a list).
    builtins: Vec<(&'static str, String, String, Rc<Vec<Held>>)>,
    in_progress: Vec<bool>,
    /// Counts cut-offs at a cycle: an expansion that saw one is partial and must not be remembered.
    cycle_hits: usize,
    /// Every target granted so far; grants refer to them by index. `target_ids` is sorted, for a binary
    /// search.
    targets: Vec<Target>,
    target_ids: Vec<(Target, u32)>,
}

impl<'a> Expander<'a> {
    pub fn new(custom_roles: &'a [CustomDbRole]) -> Self {
        Expander {
            roles: custom_roles,
            index: None,
            lookups: 0,
            memo: vec![None; custom_roles.len()],
            builtins: Vec::new(),
            in_progress: vec![false; custom_roles.len()],
            cycle_hits: 0,
            targets: Vec::new(),
            target_ids: Vec::new(),
        }
    }

    /// Everything the custom role `name` grants; empty for an unknown role or a cycle.
    pub fn role(&mut self, name: &str) -> Effective {
        let held = self.custom(name);
        self.effective(&held)
    }

    /// Everything a database user's roles grant.
    pub fn user(&mut self, user: &DatabaseUser) -> Effective {
        let mut union = Union::default();
        for r in &user.roles {
            let coll = r.collection_name.as_deref().unwrap_or("");
            let held = if builtin_role(&r.role_name).is_some() {
                self.builtin(&r.role_name, &r.database_name, coll)
            } else {
                self.custom(&r.role_name)
            };
            for g in held.iter() {
                union.add(g);
            }
        }
        self.effective(&union.grants)
    }

    fn effective(&self, held: &[Held]) -> Effective {
        Effective {
            grants: held
                .iter()
                .map(|g| Grant {
                    action: g.action,
                    target: self.targets[g.target as usize].clone(),
                    chain: Link::names(&g.chain),
                })
                .collect(),
        }
    }

    fn target(&mut self, target: Target) -> u32 {
        match self.target_ids.binary_search_by(|(t, _)| t.cmp(&target)) {
            Ok(at) => self.target_ids[at].1,
            Err(at) => {
                let id = self.targets.len() as u32;
                self.targets.push(target.clone());
                self.target_ids.insert(at, (target, id));
                id
            }
        }
    }

    /// The custom role `name` (the last of equal names, as an index keeps it).
    fn find(&mut self, name: &str) -> Option<&'a CustomDbRole> {
        const INDEX_AFTER: usize = 8;
        if self.index.is_none() {
            self.lookups += 1;
            if self.lookups < INDEX_AFTER {
                return self.roles.iter().rev().find(|r| r.role_name == name);
            }
            let index = self.roles.iter().map(|r| (r.role_name.as_str(), r));
            self.index = Some(index.collect());
        }
        self.index.as_ref()?.get(name).copied()
    }

    fn custom(&mut self, name: &str) -> Rc<Vec<Held>> {
        let Some(role) = self.find(name) else {
            return Rc::default();
        };
        // Its place in `roles` (`find` answers an element of it).
        let at = (role as *const CustomDbRole as usize - self.roles.as_ptr() as usize)
            / std::mem::size_of::<CustomDbRole>();
        if let Some(done) = &self.memo[at] {
            return done.clone();
        }
        let name = role.role_name.as_str();
        if std::mem::replace(&mut self.in_progress[at], true) {
            self.cycle_hits += 1;
            return Rc::default(); // a cycle: validation reports it; expansion just stops
        }
        let hits_before = self.cycle_hits;
        let first: Rc<str> = Rc::from(name);
        let here = Link::first(first.clone());
        let mut union = Union::default();
        for pa in &role.actions {
            let Some(action) = Action::from_api(&pa.action) else {
                continue;
            };
            for r in &pa.resources {
                let target = self.target(if r.cluster {
                    Target::Cluster
                } else {
                    Target::namespace(&r.db, &r.collection)
                });
                union.add_with(action, target, 1, || here.clone());
            }
        }
        for ir in &role.inherited_roles {
            let inherited = if builtin_role(&ir.role).is_some() {
                self.builtin(&ir.role, &ir.db, "")
            } else {
                self.custom(&ir.role)
            };
            for g in inherited.iter() {
                union.add_through(&first, g);
            }
        }
        self.in_progress[at] = false;
        let grants = Rc::new(union.grants);
        if self.cycle_hits == hits_before {
            self.memo[at] = Some(grants.clone());
        }
        grants
    }
}

/// Who a custom role affects: roles inheriting it (directly, then through others) and users holding it or
/// any of those roles.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Impact {
    pub direct_roles: Vec<String>,
    /// Roles that reach it only through other roles.
    pub indirect_roles: Vec<String>,
    pub direct_users: Vec<String>,
    /// Users holding one of the inheriting roles but not the role itself.
    pub indirect_users: Vec<String>,
}

pub fn impact(role_name: &str, roles: &[CustomDbRole], users: &[DatabaseUser]) -> Impact {
    let inherits = |r: &CustomDbRole, name: &str| r.inherited_roles.iter().any(|i| i.role == name);
    let direct_roles: Vec<String> = roles
        .iter()
        .filter(|r| r.role_name != role_name && inherits(r, role_name))
        .map(|r| r.role_name.clone())
        .collect();
    let mut reached: HashSet<String> = direct_roles.iter().cloned().collect();
    reached.insert(role_name.to_string());
    let mut queue: VecDeque<String> = direct_roles.iter().cloned().collect();
    let mut indirect_roles = Vec::new();
    while let Some(name) = queue.pop_front() {
        for r in roles.iter().filter(|r| inherits(r, &name)) {
            if reached.insert(r.role_name.clone()) {
                indirect_roles.push(r.role_name.clone());
                queue.push_back(r.role_name.clone());
            }
        }
    }
    let holds = |u: &DatabaseUser, name: &str| u.roles.iter().any(|r| r.role_name == name);
    let direct_users: Vec<String> = users
        .iter()
        .filter(|u| holds(u, role_name))
        .map(|u| u.username.clone())
        .collect();
    let indirect_users = users
        .iter()
        .filter(|u| !holds(u, role_name))
        .filter(|u| {
            u.roles
                .iter()
                .any(|r| r.role_name != role_name && reached.contains(&r.role_name))
        })
        .map(|u| u.username.clone())
        .collect();
    Impact {
        direct_roles,
        indirect_roles,
        direct_users,
        indirect_users,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{inheritable_roles, ACTIONS};
    use crate::model::DatabaseUserRole;

    #[test]
    fn every_action_has_a_bit() {
        assert!(ACTIONS.len() <= 128, "action_bits needs a wider set");
    }

    /// The lint skips a built-in role whose actions differ from a custom role's before expanding it on
    /// each database: that is only sound if the actions don't depend on the database.
    #[test]
    fn a_builtin_role_grants_the_same_actions_on_every_database() {
        for b in inheritable_roles() {
            for db in ["admin", "local", "config", "sales", ""] {
                let mut probe = DatabaseUser::new("probe");
                probe.roles = vec![DatabaseUserRole::new(b.name, db)];
                let granted = Expander::new(&[]).user(&probe);
                assert_eq!(
                    action_bits(granted.grants.iter().map(|g| g.action)),
                    builtin_actions(b.name),
                    "{}@{db}",
                    b.name
                );
            }
        }
    }
}
