//! Least-privilege lint: findings about grants broader or more redundant than they need to be, each with
//! a severity and where it is. Shown in the role editor (for the role being edited) and as a project-wide
//! report. Nothing here blocks a write; validation does that.
use crate::catalog::{inheritable_roles, project_role, project_role_name, Action};
use crate::lookup::{held_by_a_user, user_label, user_name};
use crate::model::{CustomDbRole, DatabaseUser, DatabaseUserRole, InheritedRole};
use crate::privileges::{action_bits, builtin_actions, Effective, Expander, Target};
use crate::project_access::{Member, MemberKind};
use std::collections::BTreeSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LintSeverity {
    Error,
    Warning,
    Suggestion,
}

impl LintSeverity {
    pub fn label(self) -> &'static str {
        match self {
            LintSeverity::Error => "Error",
            LintSeverity::Warning => "Warning",
            LintSeverity::Suggestion => "Suggestion",
        }
    }
}

/// Where a finding is.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Location {
    Role(String),
    User {
        db: String,
        username: String,
    },
    Member {
        kind: MemberKind,
        id: String,
        name: String,
    },
}

impl Location {
    pub fn label(&self) -> String {
        match self {
            Location::Role(name) => format!("Custom role {name}"),
            Location::User { db, username } => {
                format!("Database user {}", user_name(db, username))
            }
            Location::Member { kind, name, .. } => format!("{} {name}", kind.title()),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub severity: LintSeverity,
    pub location: Location,
    pub message: String,
}

fn finding(severity: LintSeverity, location: &Location, message: String) -> Finding {
    Finding {
        severity,
        location: location.clone(),
        message,
    }
}

fn target_of(r: &crate::model::Resource) -> Target {
    if r.cluster {
        Target::Cluster
    } else {
        Target::namespace(&r.db, &r.collection)
    }
}

/// (action, target) pairs of an expansion, for comparing what roles grant.
fn pairs(e: &Effective) -> BTreeSet<(Action, Target)> {
    e.grants
        .iter()
        .map(|g| (g.action, g.target.clone()))
        .collect()
}

/// What `inherited` grants, expanded like a user's roles (built-in and custom roles the same way).
fn inherited_grants(inherited: &[InheritedRole], expander: &mut Expander<'_>) -> Effective {
    let mut probe = DatabaseUser::new("");
    probe.roles = inherited
        .iter()
        .map(|i| DatabaseUserRole::new(i.role.as_str(), i.db.as_str()))
        .collect();
    expander.user(&probe)
}

/// Findings about one custom role: `role` as edited, checked against the project's other roles and users.
/// "No user holds it" only applies to a role that exists (`exists`).
pub fn lint_role(
    role: &CustomDbRole,
    roles: &[CustomDbRole],
    users: &[DatabaseUser],
    exists: bool,
) -> Vec<Finding> {
    let at = Location::Role(role.role_name.clone());
    let mut out = Vec::new();
    // Writes on any database reach admin, local and config too.
    for pa in &role.actions {
        let Some(action) = Action::from_api(&pa.action) else {
            continue;
        };
        for r in pa
            .resources
            .iter()
            .filter(|r| !r.cluster && r.db.is_empty())
        {
            if action.info().writes {
                out.push(finding(
                    LintSeverity::Error,
                    &at,
                    format!(
                        "{} on {} can write to every database, admin, local and config included: name the databases it needs.",
                        pa.action,
                        target_of(r)
                    ),
                ));
            }
        }
    }
    // Direct grants an inherited role already gives.
    // Expanding the project's roles as stored is enough: validation keeps a role from inheriting itself.
    let mut expander = Expander::new(roles);
    let inherited = inherited_grants(&role.inherited_roles, &mut expander);
    for pa in &role.actions {
        let Some(action) = Action::from_api(&pa.action) else {
            continue;
        };
        for r in &pa.resources {
            let target = target_of(r);
            if let Some(g) = inherited.can(action, &target) {
                let via = g.chain.join(" → ");
                out.push(finding(
                    LintSeverity::Suggestion,
                    &at,
                    format!(
                        "{} on {target} is already granted by {via}: the action can go.",
                        pa.action
                    ),
                ));
            }
        }
    }
    // The same grants as a built-in role on one database.
    let mut mine = pairs(&inherited);
    for pa in &role.actions {
        if let Some(action) = Action::from_api(&pa.action) {
            mine.extend(pa.resources.iter().map(|r| (action, target_of(r))));
        }
    }
    // What only inherited built-in roles bring (killCursors, …): a role that merely spells out a built-in
    // role's actions grants less than the built-in role.
    let held = role.inherited_roles.iter();
    let my_beyond = expander.beyond_api(held.map(|i| (i.role.as_str(), i.db.as_str(), "")));
    if !mine.is_empty() || !my_beyond.is_empty() {
        let mut dbs: BTreeSet<String> = role
            .actions
            .iter()
            .flat_map(|a| a.resources.iter())
            .filter(|r| !r.cluster && !r.db.is_empty())
            .map(|r| r.db.clone())
            .collect();
        dbs.extend(role.inherited_roles.iter().map(|i| i.db.clone()));
        dbs.insert("admin".to_string());
        let my_actions = action_bits(mine.iter().map(|(a, _)| *a));
        'builtins: for b in inheritable_roles() {
            // Equal grants need equal actions: only a role with the same actions is expanded per database.
            if builtin_actions(b.name) != my_actions {
                continue;
            }
            for db in &dbs {
                let builtin = [InheritedRole::new(b.name, db.as_str())];
                let mut builtins = Expander::new(&[]);
                let theirs = pairs(&inherited_grants(&builtin, &mut builtins));
                if theirs == mine && builtins.beyond_api([(b.name, db.as_str(), "")]) == my_beyond {
                    out.push(finding(
                        LintSeverity::Warning,
                        &at,
                        format!(
                            "It grants exactly what the built-in role {}@{db} grants: use the built-in role instead.",
                            b.name
                        ),
                    ));
                    break 'builtins;
                }
            }
        }
    }
    if exists && !held_by_a_user(&role.role_name, roles, users) {
        out.push(finding(
            LintSeverity::Suggestion,
            &at,
            "No database user holds it, directly or through another role: delete it if it isn't needed.".to_string(),
        ));
    }
    out
}

/// Users holding two custom roles where one grants nothing the other doesn't.
fn lint_user(
    user: &DatabaseUser,
    expander: &mut Expander<'_>,
    customs: &BTreeSet<&str>,
) -> Vec<Finding> {
    let held: Vec<&str> = user
        .roles
        .iter()
        .map(|r| r.role_name.as_str())
        .filter(|r| customs.contains(r))
        .collect();
    let at = Location::User {
        db: user.database_name.clone(),
        username: user.username.clone(),
    };
    let mut out = Vec::new();
    for (i, a) in held.iter().enumerate() {
        let ea = expander.role(a);
        let beyond_a = expander.beyond_api([(*a, "admin", "")]);
        for (j, b) in held.iter().enumerate() {
            if i == j {
                continue;
            }
            let eb = expander.role(b);
            let beyond_b = expander.beyond_api([(*b, "admin", "")]);
            let covered = ea
                .grants
                .iter()
                .all(|g| eb.can(g.action, &g.target).is_some())
                && beyond_a.is_subset(&beyond_b);
            // For two equal roles, report the later one only.
            let equal = covered
                && beyond_b.is_subset(&beyond_a)
                && eb
                    .grants
                    .iter()
                    .all(|g| ea.can(g.action, &g.target).is_some());
            if covered && (!equal || i > j) {
                out.push(finding(
                    LintSeverity::Suggestion,
                    &at,
                    format!("{a} adds nothing: {b} already grants everything it does. Remove {a} from {}.", user_label(user)),
                ));
                break;
            }
        }
    }
    out
}

/// API keys and service accounts holding Project Owner next to purpose-built roles.
fn lint_member(m: &Member) -> Option<Finding> {
    if !matches!(m.kind, MemberKind::ApiKey | MemberKind::ServiceAccount)
        || !m.roles.iter().any(|r| r == "GROUP_OWNER")
    {
        return None;
    }
    let purpose: Vec<&str> = m
        .roles
        .iter()
        .filter(|r| project_role(r).is_some_and(|p| p.purpose_built))
        .map(|r| project_role_name(r))
        .collect();
    (!purpose.is_empty()).then(|| Finding {
        severity: LintSeverity::Warning,
        location: Location::Member {
            kind: m.kind,
            id: m.id.clone(),
            name: m.name.clone(),
        },
        message: format!(
            "Holds Project Owner, which allows everything; its other roles ({}) may be all it needs.",
            purpose.join(", ")
        ),
    })
}

/// Every finding in the project, most severe first, then by location.
pub fn lint_project(
    roles: &[CustomDbRole],
    users: &[DatabaseUser],
    members: &[Member],
) -> Vec<Finding> {
    let mut out: Vec<Finding> = roles
        .iter()
        .flat_map(|r| lint_role(r, roles, users, true))
        .collect();
    let customs: BTreeSet<&str> = roles.iter().map(|r| r.role_name.as_str()).collect();
    let mut expander = Expander::new(roles);
    for u in users {
        out.extend(lint_user(u, &mut expander, &customs));
    }
    out.extend(members.iter().filter_map(lint_member));
    out.sort_by(|a, b| (a.severity, &a.location).cmp(&(b.severity, &b.location)));
    out
}
