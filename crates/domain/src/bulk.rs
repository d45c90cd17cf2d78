//! Bulk assignment: add a custom role to, or remove it from, several database users in one step. Every
//! user's new state is checked with the same rules as a single edit (at most 20 custom roles, at least one
//! role) before anything is sent, so the plan says per user what will happen.
use crate::model::{DatabaseUser, DatabaseUserRole, ADMIN_DB};
use crate::validate::{validate_user, ProjectContext, UserMode};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BulkOp {
    Add,
    Remove,
}

/// What will happen to one user.
#[derive(Clone, Debug, PartialEq)]
pub enum BulkOutcome {
    /// The user's new state, to send as its update.
    Update(DatabaseUser),
    /// Nothing to do (already holds it / doesn't hold it).
    Unchanged(String),
    /// Refused before sending, with the rule's message.
    Refused(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct BulkEntry {
    pub db: String,
    pub username: String,
    pub outcome: BulkOutcome,
}

/// The plan for `users` (the selected ones, as they are now): add `role` to or remove it from each.
/// `now` (seconds) is what temporary users' expiry is checked against.
pub fn plan_bulk(
    users: &[DatabaseUser],
    role: &str,
    op: BulkOp,
    ctx: &ProjectContext<'_>,
    now: i64,
) -> Vec<BulkEntry> {
    users
        .iter()
        .map(|u| BulkEntry {
            db: u.database_name.clone(),
            username: u.username.clone(),
            outcome: outcome(u, role, op, ctx, now),
        })
        .collect()
}

fn outcome(
    user: &DatabaseUser,
    role: &str,
    op: BulkOp,
    ctx: &ProjectContext<'_>,
    now: i64,
) -> BulkOutcome {
    let holds = user.roles.iter().any(|r| r.role_name == role);
    let mut next = user.clone();
    next.password = None; // an update without a password keeps it
    match (op, holds) {
        (BulkOp::Add, true) => return BulkOutcome::Unchanged(format!("already holds {role}")),
        (BulkOp::Remove, false) => return BulkOutcome::Unchanged(format!("doesn't hold {role}")),
        // Custom roles are granted on admin (validation says so if not).
        (BulkOp::Add, false) => next.roles.push(DatabaseUserRole::new(role, ADMIN_DB)),
        (BulkOp::Remove, true) => next.roles.retain(|r| r.role_name != role),
    }
    let issues = validate_user(&next, ctx, UserMode::Update { original: user }, now);
    match issues.into_iter().find(|i| i.is_error()) {
        Some(i) => BulkOutcome::Refused(i.message),
        None => BulkOutcome::Update(next),
    }
}

/// How many updates the plan would send.
pub fn update_count(plan: &[BulkEntry]) -> usize {
    plan.iter()
        .filter(|e| matches!(e.outcome, BulkOutcome::Update(_)))
        .count()
}
