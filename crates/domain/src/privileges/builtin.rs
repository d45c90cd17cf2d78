//! What built-in roles grant, as the catalog knows it: their Admin API privileges on the database they are
//! held on (with the roles they include), and what no Admin API action expresses.
use super::{Expander, Held, Link, Target, Union};
use crate::catalog::{builtin_role, Action, GrantScope};
use std::collections::{BTreeSet, HashSet};
use std::rc::Rc;

impl Expander<'_> {
    /// Grants of built-in role `name` held on `db` (and `collection`, "" = all), each chain starting at
    /// it: its own grants, then those of the roles it includes. Expanded once per expander.
    pub(super) fn builtin(&mut self, name: &str, db: &str, collection: &str) -> Rc<Vec<Held>> {
        let Some(role) = builtin_role(name) else {
            return Rc::default();
        };
        let done = self
            .builtins
            .iter()
            .find(|(n, d, c, _)| *n == role.name && d == db && c == collection);
        if let Some((.., grants)) = done {
            return grants.clone();
        }
        let first: Rc<str> = Rc::from(if collection.is_empty() {
            format!("{name}@{db}")
        } else {
            format!("{name}@{db}.{collection}")
        });
        let here = Link::first(first.clone());
        let mut union = Union::default();
        for grant in role.grants {
            let target = self.target(scope_target(grant.scope, db, collection));
            for &action in grant.actions {
                union.add_with(action, target, 1, || here.clone());
            }
        }
        for inc in role.includes {
            for g in self.builtin(inc, db, collection).iter() {
                union.add_through(&first, g);
            }
        }
        let grants = Rc::new(union.grants);
        let key = (
            role.name,
            db.to_string(),
            collection.to_string(),
            grants.clone(),
        );
        self.builtins.push(key);
        grants
    }
}

/// Where a grant of a built-in role held on `db` (and `collection`, "" = all) applies.
fn scope_target(scope: GrantScope, db: &str, collection: &str) -> Target {
    match scope {
        GrantScope::Cluster => Target::Cluster,
        GrantScope::Granted => Target::namespace(db, collection),
        GrantScope::AnyDatabase => Target::namespace("", ""),
        GrantScope::AnyDatabaseButLocalConfig => Target::AnyDatabaseButLocalConfig,
        GrantScope::Namespace(d, c) => Target::namespace(d, c),
        GrantScope::GrantedCollection(c) => Target::namespace(db, c),
    }
}

/// Privileges no Admin API action expresses (the server's name, and where), which only built-in roles
/// grant: two sets of roles grant the same only if these are equal too.
pub type BeyondApi = BTreeSet<(&'static str, Target)>;

fn builtin_beyond(name: &str, db: &str, collection: &str, out: &mut BeyondApi) {
    let Some(role) = builtin_role(name) else {
        return;
    };
    for grant in role.grants {
        let target = scope_target(grant.scope, db, collection);
        out.extend(grant.beyond_api.iter().map(|b| (*b, target.clone())));
    }
    for inc in role.includes {
        builtin_beyond(inc, db, collection, out);
    }
}

impl Expander<'_> {
    /// What the roles `held` (role, db, collection; built-in or custom, through any depth of inheritance)
    /// grant beyond the Admin API actions.
    pub fn beyond_api<'r>(
        &mut self,
        held: impl IntoIterator<Item = (&'r str, &'r str, &'r str)>,
    ) -> BeyondApi {
        let mut out = BeyondApi::new();
        let mut seen: HashSet<String> = HashSet::new();
        let mut stack: Vec<(String, String, String)> = held
            .into_iter()
            .map(|(r, d, c)| (r.to_string(), d.to_string(), c.to_string()))
            .collect();
        while let Some((name, db, collection)) = stack.pop() {
            if builtin_role(&name).is_some() {
                builtin_beyond(&name, &db, &collection, &mut out);
            } else if seen.insert(name.clone()) {
                if let Some(role) = self.find(&name) {
                    let inherited = role.inherited_roles.iter();
                    stack.extend(inherited.map(|i| (i.role.clone(), i.db.clone(), String::new())));
                }
            }
        }
        out
    }
}

/// The actions the built-in role `name` grants, with the roles it includes, as a set of `Action as usize`
/// bits: the same on every database it may be granted on (only the targets change), so comparing them
/// rules a role out before expanding it. (A bit set, not a `BTreeSet`: one less generic in the bundle.)
pub(crate) fn builtin_actions(name: &str) -> u128 {
    let mut out = 0;
    if let Some(role) = builtin_role(name) {
        for grant in role.grants {
            out |= action_bits(grant.actions.iter().copied());
        }
        for inc in role.includes {
            out |= builtin_actions(inc);
        }
    }
    out
}

/// `actions` as a set of `Action as usize` bits (there are fewer than 128 actions: tested).
pub(crate) fn action_bits(actions: impl IntoIterator<Item = Action>) -> u128 {
    actions
        .into_iter()
        .fold(0, |bits, a| bits | 1 << a as usize)
}
