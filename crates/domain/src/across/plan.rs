//! What copying roles to another project would do there: create, update (with the diff), nothing
//! (identical), or refused with the reason. Every check is one the editor already runs: `validate_role`
//! against the target's roles, clusters and limit, and the person's roles there (`permissions`).
use crate::catalog::{org_role, project_role_name};
use crate::diff::{role_change, same_role, Change};
use crate::model::CustomDbRole;
use crate::permissions::{Permission, Principal};
use crate::transfer::creation_order;
use crate::validate::{validate_role, ProjectContext, RoleMode};

/// The project a copy goes to: its own data, and who would write there.
#[derive(Clone, Copy, Debug)]
pub struct Target<'a> {
    pub ctx: ProjectContext<'a>,
    /// The person with their roles in that project (not this one's).
    pub principal: &'a Principal,
}

/// What copying one role would do in the target project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Create,
    /// The role exists there with other grants: `change` is what the copy adds and removes; `before` is
    /// the role as read, so a write can tell that someone changed it since.
    Update {
        change: Change,
        before: CustomDbRole,
    },
    Identical,
    /// Why Atlas would refuse it there (each reason a sentence).
    Refused(Vec<String>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedRole {
    pub role: CustomDbRole,
    pub step: Step,
}

/// The plan for copying `roles` to `target`, in the order they would be written.
/// Roles copied together are planned in creation order (a role after the roles of `roles` it inherits),
/// each against the target as the earlier ones would leave it: a parent created first lets its child be
/// created, a refused parent refuses its child, and every create counts against the limit.
pub fn plan_copy(roles: &[CustomDbRole], target: Target<'_>) -> Vec<PlannedRole> {
    let refusal = target
        .principal
        .refusal(Permission::DatabaseAccess)
        .map(|why| role_refusal(target.principal, why));
    let mut there: Vec<CustomDbRole> = target.ctx.custom_roles.to_vec();
    let mut out = Vec::with_capacity(roles.len());
    for role in creation_order(roles) {
        let existing = there.iter().position(|r| r.role_name == role.role_name);
        let step = match existing {
            Some(i) if same_role(&there[i], role) => Step::Identical,
            _ if refusal.is_some() => Step::Refused(refusal.iter().cloned().collect()),
            _ => {
                let mode = if existing.is_some() {
                    RoleMode::Update
                } else {
                    RoleMode::Create
                };
                let ctx = ProjectContext {
                    custom_roles: &there,
                    ..target.ctx
                };
                let errors: Vec<String> = validate_role(role, &ctx, mode)
                    .into_iter()
                    .filter(|i| i.is_error())
                    .map(|i| i.message)
                    .collect();
                match (errors.is_empty(), existing) {
                    (false, _) => Step::Refused(errors),
                    (true, Some(i)) => {
                        let before = std::mem::replace(&mut there[i], role.clone());
                        Step::Update {
                            change: role_change(&before, role),
                            before,
                        }
                    }
                    (true, None) => {
                        there.push(role.clone());
                        Step::Create
                    }
                }
            }
        };
        out.push(PlannedRole {
            role: role.clone(),
            step,
        });
    }
    out
}

/// "Your roles there (Project Read Only) can't change custom roles. Requires …": the person's roles by
/// Atlas's names, and the reason every disabled control gives.
fn role_refusal(principal: &Principal, why: &str) -> String {
    let names: Vec<&str> = principal
        .project_roles
        .iter()
        .map(|r| org_role(r).map_or_else(|| project_role_name(r), |o| o.name))
        .collect();
    let held = if names.is_empty() {
        "no role".to_string()
    } else {
        names.join(", ")
    };
    format!("Your roles there ({held}) can't change custom roles. {why}.")
}
