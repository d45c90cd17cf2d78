//! `GET /api/portal/me`: the signed-in person and, for each project they may use, its name and their roles
//! there (`domain::portal::Me`), so the console disables what they may not do before they try.
use crate::config::RolesSource;
use crate::identity::Caller;
use crate::refusal::Refusal;
use crate::App;
use domain::portal::{Me, MeProject};
use std::sync::Arc;

pub async fn me(app: &Arc<App>, caller: Result<Caller, Refusal>) -> Result<Me, Refusal> {
    let Caller(who) = caller?;
    let mut projects = Vec::new();
    for id in app.config.projects_of(&who) {
        let info = app.directory.project(app, &id).await;
        let (roles, roles_unknown) = match app.directory.roles(app, &who, &id).await {
            Ok(roles) => (roles, None),
            Err(e) => (Vec::new(), Some(e.detail())),
        };
        projects.push(MeProject {
            id,
            name: info.name,
            org_id: info.org_id,
            roles,
            roles_unknown,
        });
    }
    Ok(Me {
        name: who,
        roles_source: match app.config.roles_source {
            RolesSource::Atlas { .. } => "atlas",
            RolesSource::Config => "config",
        }
        .to_string(),
        projects,
    })
}
