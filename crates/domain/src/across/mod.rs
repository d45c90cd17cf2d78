//! One custom role on several projects (issue 30). Atlas scopes custom roles to one project, so the same
//! role kept in dev, staging and prod drifts apart. `plan` says what copying roles to another project
//! would do there, checked with the editor's own rules against that project's data; `compare` says where
//! this project's roles differ from the others'.
mod compare;
mod plan;

pub use compare::{compare, CompareRow, Drift};
pub use plan::{plan_copy, PlannedRole, Step, Target};
