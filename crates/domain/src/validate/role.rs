//! Custom role rules on the API role, as the server checks them, plus the delete constraints.
use super::names::{collection_name_problem, database_name_problem, namespace_problem};
use super::{join_names, validate_role_name, Field, Issue, ProjectContext};
use crate::catalog::{builtin_role, Action, InheritDb, ResourceKind};
use crate::errors::ErrorCode::{self, *};
use crate::model::{CustomDbRole, Resource, ADMIN_DB};
use crate::version::Version;
use std::collections::{HashMap, HashSet};

/// Creating a new role, or updating the existing role of that name (names are immutable).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleMode {
    Create,
    Update,
}

/// Every rule the Admin API applies to a custom role write, addressed to the API role's parts.
pub fn validate_role(role: &CustomDbRole, ctx: &ProjectContext<'_>, mode: RoleMode) -> Vec<Issue> {
    let mut issues = Vec::new();
    let name = role.role_name.as_str();
    match mode {
        RoleMode::Create => {
            let others = ctx.custom_roles.iter().map(|r| r.role_name.as_str());
            issues.extend(validate_role_name(name, others));
            if ctx.custom_roles.len() >= ctx.custom_role_limit {
                issues.push(Issue::error(
                    Field::Form,
                    CUSTOM_ROLES_LIMIT_EXCEEDED,
                    format!(
                        "Exceeded maximum number of custom roles. This project allows {} custom roles.",
                        ctx.custom_role_limit
                    ),
                ));
            }
        }
        RoleMode::Update => {
            if ctx.custom_role(name).is_none() {
                issues.push(Issue::error(
                    Field::Name,
                    ATLAS_CUSTOM_ROLE_NOT_FOUND,
                    format!("The specified custom db role {name} does not exist."),
                ));
            }
        }
    }
    if role.actions.is_empty() && role.inherited_roles.is_empty() {
        issues.push(Issue::error(
            Field::Form,
            ATLAS_CUSTOM_ROLE_HAS_NO_PERMISSIONS,
            "Custom roles must have one or more user privilege actions or inherited roles.",
        ));
    }
    check_actions(role, ctx, &mut issues);
    check_inherited(role, ctx, &mut issues);
    issues
}

fn check_actions(role: &CustomDbRole, ctx: &ProjectContext<'_>, issues: &mut Vec<Issue>) {
    let mut seen = HashSet::new();
    for (i, pa) in role.actions.iter().enumerate() {
        let Some(action) = Action::from_api(&pa.action) else {
            issues.push(Issue::error(
                Field::Action(i),
                INVALID_ENUM_VALUE,
                format!("An invalid enumeration value {} was specified.", pa.action),
            ));
            continue;
        };
        if !seen.insert(action) {
            issues.push(Issue::error(
                Field::Action(i),
                ATLAS_DUPLICATE_CUSTOM_ROLE_ACTION,
                format!("A custom role cannot have duplicate actions ({action} appears more than once)."),
            ));
        }
        if pa.resources.is_empty() {
            issues.push(Issue::error(
                Field::Action(i),
                ATLAS_INVALID_RESOURCE,
                format!("{action} needs at least one database, collection or the cluster."),
            ));
        }
        let mut resources = HashSet::new();
        for (j, r) in pa.resources.iter().enumerate() {
            let field = || Field::Resource {
                action: i,
                resource: j,
            };
            if let Some(message) = resource_problem(action, r) {
                issues.push(Issue::error(field(), ATLAS_INVALID_RESOURCE, message));
                continue;
            }
            if !resources.insert(r.normalized()) {
                issues.push(Issue::error(
                    field(),
                    ATLAS_DUPLICATE_CUSTOM_ROLE_RESOURCE,
                    format!("A custom role cannot have duplicate resources applied to the same action ({action} on {}).", describe(r)),
                ));
            }
            if !r.cluster {
                issues.extend(namespace_issues(&r.db, &r.collection, field));
                if r.db.is_empty() && action.info().writes {
                    issues.push(Issue::warning(
                        field(),
                        VALIDATION_ERROR,
                        format!(
                            "{action} on any database also applies to the admin, local and config databases. \
                             Writes to these databases are not recommended."
                        ),
                    ));
                } else if is_atlas_internal_db(&r.db) && action.info().writes {
                    issues.push(Issue::warning(
                        field(),
                        VALIDATION_ERROR,
                        format!(
                            "{action} writes to {}, a database Atlas manages. Writes to it are not recommended.",
                            r.db
                        ),
                    ));
                }
            }
        }
        if let (Some(too_old), Some(min)) =
            (clusters_too_old(action, ctx), action.info().min_version)
        {
            issues.push(Issue::error(
                Field::Action(i),
                CUSTOM_ROLE_ACTIONS_INVALID_FOR_EXISTING_CLUSTERS,
                format!(
                    "Cannot create or edit role as the following custom role actions are not supported for your {} clusters: {action} (needs MongoDB {min} or later).",
                    join_names(&too_old)
                ),
            ));
        }
    }
}

/// Databases Atlas manages collections in: Atlas's built-in roles page discourages writing to admin, local
/// and config; `__mdb_internal_` databases hold Atlas's own data (Search's `__mdb_internal_search`).
pub fn is_atlas_internal_db(db: &str) -> bool {
    matches!(db, "admin" | "local" | "config") || db.starts_with("__mdb_internal_")
}

/// Why `resource` does not fit the resources `action` is accepted on, if it doesn't.
fn resource_problem(action: Action, r: &Resource) -> Option<String> {
    let kind = if r.cluster {
        ResourceKind::Cluster
    } else if r.collection.is_empty() {
        ResourceKind::Database
    } else {
        ResourceKind::Collection
    };
    (!action.accepts(kind)).then(|| {
        // An action also taken on namespaces (enableSharding) takes every resource: never here.
        let wants = match action.resource() {
            ResourceKind::Cluster => "the cluster resource",
            ResourceKind::Database => "a database (no collection)",
            ResourceKind::Collection => "a database and collection",
        };
        format!(
            "One or more of the selected actions was applied to an incorrect resource: {action} applies to {wants}, not {}.",
            describe(r)
        )
    })
}

fn describe(r: &Resource) -> String {
    if r.cluster {
        return "the cluster".to_string();
    }
    let db = if r.db.is_empty() {
        "any database"
    } else {
        &r.db
    };
    if r.collection.is_empty() {
        db.to_string()
    } else {
        format!("{db}.{}", r.collection)
    }
}

fn namespace_issues(db: &str, collection: &str, field: impl Fn() -> Field) -> Vec<Issue> {
    let mut out = Vec::new();
    if let Some(m) = database_name_problem(db) {
        out.push(Issue::error(field(), INVALID_DATABASE_NAME, m));
    }
    if let Some(m) = collection_name_problem(collection) {
        out.push(Issue::error(field(), INVALID_COLLECTION_NAME, m));
    }
    if let Some(m) = namespace_problem(db, collection) {
        out.push(Issue::error(field(), INVALID_NAMESPACE, m));
    }
    out
}

fn check_inherited(role: &CustomDbRole, ctx: &ProjectContext<'_>, issues: &mut Vec<Issue>) {
    let mut seen = HashSet::new();
    for (k, ir) in role.inherited_roles.iter().enumerate() {
        let field = || Field::InheritedRole(k);
        let err = |code: ErrorCode, m: String| Issue::error(field(), code, m);
        if !seen.insert(ir) {
            issues.push(err(
                VALIDATION_ERROR,
                format!("{}@{} is inherited more than once.", ir.role, ir.db),
            ));
            continue;
        }
        if let Some(b) = builtin_role(&ir.role) {
            match (b.inheritable, b.inherit_db) {
                (None, _) => issues.push(err(
                    ATLAS_INVALID_CUSTOM_ROLE_INHERITANCE,
                    format!("The built-in role {} cannot be inherited by a custom role.", ir.role),
                )),
                (Some(_), InheritDb::Admin) if ir.db != ADMIN_DB => issues.push(err(
                    ATLAS_INVALID_CUSTOM_ROLE_INHERITED_SCOPE,
                    format!("One or more of the specified inherited roles have an invalid scope: {} is granted on admin, not {}.", ir.role, show_db(&ir.db)),
                )),
                (Some(_), InheritDb::Target) if ir.db.is_empty() => issues.push(err(
                    ATLAS_INVALID_CUSTOM_ROLE_INHERITED_SCOPE,
                    needs_specific_db(&ir.role),
                )),
                (Some(_), InheritDb::Target) => {
                    if let Some(m) = database_name_problem(&ir.db) {
                        issues.push(err(INVALID_DATABASE_NAME, m));
                    }
                }
                _ => {}
            }
            continue;
        }
        if ir.role == role.role_name {
            issues.push(err(
                ATLAS_INVALID_CUSTOM_ROLE_SELF_REFERENTIAL,
                "A custom DB role cannot inherit from itself.".into(),
            ));
        } else if ctx.custom_role(&ir.role).is_none() {
            issues.push(err(
                ATLAS_INVALID_CUSTOM_ROLE_INHERITANCE,
                format!(
                    "One or more of the specified inherited roles do not exist: {}.",
                    ir.role
                ),
            ));
        } else {
            if ir.db != ADMIN_DB {
                issues.push(err(
                    ATLAS_INVALID_CUSTOM_ROLE_INHERITED_SCOPE,
                    format!("One or more of the specified inherited roles have an invalid scope: custom role {} is inherited on admin, not {}.", ir.role, show_db(&ir.db)),
                ));
            }
            if let Some(path) = cycle_through(role, &ir.role, ctx) {
                issues.push(err(
                    ATLAS_INVALID_CUSTOM_ROLE_CIRCULAR_DEPENDENCY,
                    format!("One or more of the specified inherited roles creates a circular dependency: {}.", path.join(" → ")),
                ));
            }
        }
    }
}

/// For read, readWrite and dbAdmin given "any database": they are per-database roles.
pub(super) fn needs_specific_db(role: &str) -> String {
    format!(
        "{role} needs a specific database. To cover every database, choose {role}AnyDatabase under Global Actions and Roles."
    )
}

fn show_db(db: &str) -> &str {
    if db.is_empty() {
        "any database"
    } else {
        db
    }
}

/// If inheriting `start` makes `role` reach itself, the path role → start → … → role.
fn cycle_through(
    role: &CustomDbRole,
    start: &str,
    ctx: &ProjectContext<'_>,
) -> Option<Vec<String>> {
    // The project's inheritance graph with this role's new definition in place of the stored one.
    let parents = |name: &str| -> Vec<&str> {
        let def = if name == role.role_name {
            Some(role)
        } else {
            ctx.custom_role(name)
        };
        def.map(|r| r.inherited_roles.iter().map(|i| i.role.as_str()).collect())
            .unwrap_or_default()
    };
    let mut came_from: HashMap<&str, &str> = HashMap::new();
    let mut stack = vec![start];
    came_from.insert(start, role.role_name.as_str());
    while let Some(node) = stack.pop() {
        for p in parents(node) {
            if p == role.role_name {
                let mut path = vec![role.role_name.clone(), node.to_string()];
                let mut cur = node;
                while let Some(&prev) = came_from.get(cur) {
                    if prev == role.role_name {
                        break;
                    }
                    path.insert(1, prev.to_string());
                    cur = prev;
                }
                path.push(role.role_name.clone());
                return Some(path);
            }
            if ctx.custom_role(p).is_some() && !came_from.contains_key(p) {
                came_from.insert(p, node);
                stack.push(p);
            }
        }
    }
    None
}

/// The project's clusters (as "name (version)") whose MongoDB version is too old for `action`; `None` when
/// every cluster supports it. The picker disables such actions, and validation refuses them.
pub fn clusters_too_old(action: Action, ctx: &ProjectContext<'_>) -> Option<Vec<String>> {
    let min = action.info().min_version?;
    let too_old: Vec<String> = ctx
        .clusters
        .iter()
        .filter_map(|c| Some((c.name.as_str(), Version::parse(&c.mongo_db_version)?)))
        .filter(|(_, v)| *v < min)
        .map(|(n, v)| format!("{n} ({v})"))
        .collect();
    (!too_old.is_empty()).then_some(too_old)
}

/// Who blocks deleting a custom role: users it would leave with no role, roles it would leave empty.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeleteBlockers {
    pub users: Vec<String>,
    pub roles: Vec<String>,
}

impl DeleteBlockers {
    pub fn is_empty(&self) -> bool {
        self.users.is_empty() && self.roles.is_empty()
    }
}

pub fn delete_blocked_by(role_name: &str, ctx: &ProjectContext<'_>) -> DeleteBlockers {
    DeleteBlockers {
        users: ctx
            .users
            .iter()
            .filter(|u| !u.roles.is_empty() && u.roles.iter().all(|r| r.role_name == role_name))
            .map(|u| u.username.clone())
            .collect(),
        roles: ctx
            .custom_roles
            .iter()
            .filter(|r| {
                r.role_name != role_name
                    && r.actions.is_empty()
                    && !r.inherited_roles.is_empty()
                    && r.inherited_roles.iter().all(|i| i.role == role_name)
            })
            .map(|r| r.role_name.clone())
            .collect(),
    }
}

/// Why `role_name` cannot be deleted: database users it would leave with no role, and custom roles it would
/// leave with neither actions nor inherited roles (reference §4.2). Empty when deletion is allowed.
pub fn delete_blockers(role_name: &str, ctx: &ProjectContext<'_>) -> Vec<Issue> {
    let mut issues = Vec::new();
    let DeleteBlockers { users, roles } = delete_blocked_by(role_name, ctx);
    if !users.is_empty() {
        issues.push(Issue::error(
            Field::Form,
            ATLAS_CUSTOM_ROLE_IN_USE_BY_USERS,
            format!("Deleting specified custom role would leave the following users without a role: {}.", join_names(&users)),
        ));
    }
    if !roles.is_empty() {
        issues.push(Issue::error(
            Field::Form,
            ATLAS_CUSTOM_ROLE_IN_USE_BY_ROLES,
            format!("Deleting specified custom role would leave the following roles with no actions or inherited roles: {}.", join_names(&roles)),
        ));
    }
    issues
}
