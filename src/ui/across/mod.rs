//! Across projects (issue 30): "Copy to projects…" (`copy`) and "Compare projects" (`compare`), with the
//! export for several projects (`export`). Both screens load on demand (`shell::screens`, chunk `across`):
//! the list only links to them. The other projects are the ones `Backend::projects` lists, each read
//! through `Backend::on_project`, so the same person acts there with their roles there.
mod compare;
mod copy;
mod export;

pub use compare::CompareProjectsPage;
pub use copy::CopyRolesPage;

use crate::backend::{Backend, ProjectInfo};
use crate::ui::shell::state::{Load, ProjectData};
use domain::model::CustomDbRole;
use domain::permissions::{Permission, Principal};
use domain::text::roles_label;
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Another project the person may open, and whether they may change custom roles there.
#[derive(Clone, Debug, PartialEq)]
pub struct OtherProject {
    pub id: String,
    pub name: String,
    /// Why they can't copy to it (their roles there), `None` when they can.
    pub refusal: Option<String>,
}

/// The other projects of the person (not this one), in the portal's (or the demo's) order (tracked: the
/// list is known once this project was read).
pub fn other_projects(data: ProjectData) -> Vec<OtherProject> {
    let here = data
        .project
        .with(|p| p.ready().map(|p| p.id.clone()))
        .unwrap_or_default();
    data.backend()
        .projects()
        .into_iter()
        .filter(|p| p.id != here)
        .map(|p| {
            let principal = Principal {
                name: String::new(),
                project_roles: p.roles.clone(),
            };
            let refusal = match (
                &p.roles_unknown,
                principal.refusal(Permission::DatabaseAccess),
            ) {
                (Some(why), _) => Some(format!("Your roles there are unknown right now: {why}")),
                (None, Some(requires)) => Some(format!(
                    "Your roles there ({}) can't change custom roles. {requires}.",
                    roles_label(&p.roles)
                )),
                (None, None) => None,
            };
            OtherProject {
                name: p.name.clone().unwrap_or_else(|| p.id.clone()),
                id: p.id,
                refusal,
            }
        })
        .collect()
}

/// What the screens need from another project: who the person is there, its clusters and limit, and its
/// custom roles.
#[derive(Clone, Debug, PartialEq)]
pub struct ProjectRead {
    pub info: ProjectInfo,
    pub roles: Vec<CustomDbRole>,
}

/// The other projects read so far (by id), and the backend acting on each.
#[derive(Clone, Copy)]
pub struct Others {
    pub reads: RwSignal<BTreeMap<String, Load<ProjectRead>>>,
    backends: StoredValue<BTreeMap<String, Rc<dyn Backend>>, LocalStorage>,
}

impl Others {
    fn new() -> Self {
        Others {
            reads: RwSignal::new(BTreeMap::new()),
            backends: StoredValue::new_local(BTreeMap::new()),
        }
    }

    /// The backend acting on `id` (as the same person), opened once.
    pub fn backend(&self, data: ProjectData, id: &str) -> Option<Rc<dyn Backend>> {
        if let Some(b) = self.backends.with_value(|m| m.get(id).cloned()) {
            return Some(b);
        }
        let b = data.backend().on_project(id)?;
        self.backends
            .update_value(|m| drop(m.insert(id.to_string(), b.clone())));
        Some(b)
    }

    /// Reads `id` (again when `fresh`: a plan is made from what is there now); a read already under way
    /// or done is kept otherwise.
    pub fn read(&self, data: ProjectData, id: &str, fresh: bool) {
        let known = self.reads.with_untracked(|r| r.contains_key(id));
        if known && !fresh {
            return;
        }
        let this = *self;
        let id = id.to_string();
        let Some(b) = self.backend(data, &id) else {
            return;
        };
        this.reads
            .update(|r| drop(r.insert(id.clone(), Load::Loading)));
        leptos::task::spawn_local(async move {
            let read = async {
                let info = b.project().await?;
                let roles = b.list_custom_roles().await?;
                Ok(ProjectRead { info, roles })
            };
            let answer: Load<ProjectRead> = match read.await {
                Ok(r) => Load::Ready(r),
                Err(e) => Load::Failed(e),
            };
            // try_: the screen may have been left meanwhile.
            this.reads.try_update(|r| drop(r.insert(id, answer)));
        });
    }
}

/// "1 role", "3 roles".
pub fn count(n: usize, noun: &str) -> String {
    match n {
        1 => format!("1 {noun}"),
        _ => format!("{n} {noun}s"),
    }
}

/// The roles of this project named in `names`, in that order (every role when `names` is empty).
pub fn roles_named(data: ProjectData, names: &[String]) -> Vec<CustomDbRole> {
    data.roles.with(|l| {
        let all = l.ready().map_or(&[][..], Vec::as_slice);
        if names.is_empty() {
            return all.to_vec();
        }
        let by_name: BTreeMap<&str, &CustomDbRole> =
            all.iter().map(|r| (r.role_name.as_str(), r)).collect();
        names
            .iter()
            .filter_map(|n| by_name.get(n.as_str()).map(|r| (*r).clone()))
            .collect()
    })
}
