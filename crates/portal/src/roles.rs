//! Each person's roles on a project, and each project's name and organization. With the `config` source
//! the roles are the file's; with `atlas` the portal asks Atlas with its service account,
//! `GET /groups/{id}/users?username=…&flattenTeams=true&includeOrgUsers=true`, and keeps the answer for
//! the configured time (forgotten early when Atlas answers that person 403). A person Atlas doesn't list
//! holds no role. What can't be read is never guessed: the request is refused.
use crate::config::RolesSource;
use crate::refusal::Refusal;
use crate::upstream;
use crate::App;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A project as Atlas names it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProjectInfo {
    pub name: Option<String>,
    pub org_id: Option<String>,
}

/// (person, project) → when read, and the roles read.
type RolesCache = HashMap<(String, String), (Instant, Vec<String>)>;

#[derive(Default)]
pub struct Directory {
    roles: Mutex<RolesCache>,
    projects: Mutex<HashMap<String, (Instant, ProjectInfo)>>,
}

/// The 2025-02-19 version of listGroupUsers: the one that takes `username`.
const USERS_VERSION: &str = "2025-02-19";

fn fresh<T: Clone>(entry: Option<&(Instant, T)>, ttl: Duration) -> Option<T> {
    entry
        .filter(|(at, _)| at.elapsed() < ttl)
        .map(|(_, v)| v.clone())
}

impl Directory {
    fn ttl(app: &App) -> Duration {
        match app.config.roles_source {
            RolesSource::Atlas { ttl } => ttl,
            RolesSource::Config => Duration::from_secs(60),
        }
    }

    /// `who`'s roles on `project` (project and organization roles, API spelling). The caller has
    /// checked that `who` is mapped to `project`.
    pub async fn roles(&self, app: &App, who: &str, project: &str) -> Result<Vec<String>, Refusal> {
        if app.config.roles_source == RolesSource::Config {
            return Ok(app
                .config
                .access
                .get(who)
                .and_then(|p| p.get(project))
                .cloned()
                .unwrap_or_default());
        }
        let key = (who.to_string(), project.to_string());
        if let Some(roles) = fresh(self.lock_roles().get(&key), Self::ttl(app)) {
            return Ok(roles);
        }
        let query = format!(
            "username={}&flattenTeams=true&includeOrgUsers=true&itemsPerPage=500",
            domain::api::encode(who)
        );
        let answer = upstream::read(
            app,
            &format!("{}/groups/{project}/users", domain::api::PREFIX),
            Some(&query),
            USERS_VERSION,
        )
        .await
        .map_err(|e| {
            tracing::warn!("roles of {who} on {project} unknown: {}", e.detail());
            Refusal::RolesUnavailable
        })?;
        let roles = roles_in(&answer, who).ok_or(Refusal::RolesUnavailable)?;
        self.lock_roles()
            .insert(key, (Instant::now(), roles.clone()));
        Ok(roles)
    }

    /// Reads `who`'s roles on `project` again next time (Atlas refused them something).
    pub fn forget(&self, who: &str, project: &str) {
        self.lock_roles()
            .remove(&(who.to_string(), project.to_string()));
    }

    /// The project's name and organization, read with the service account and kept for the roles' TTL;
    /// empty when Atlas can't be asked.
    pub async fn project(&self, app: &App, project: &str) -> ProjectInfo {
        if let Some(info) = fresh(self.lock_projects().get(project), Self::ttl(app)) {
            return info;
        }
        let path = format!("{}/groups/{project}", domain::api::PREFIX);
        let Ok(answer) = upstream::read(app, &path, None, "2023-01-01").await else {
            return ProjectInfo::default();
        };
        let text = |k: &str| answer.get(k).and_then(|v| v.as_str()).map(str::to_string);
        let info = ProjectInfo {
            name: text("name"),
            org_id: text("orgId"),
        };
        self.lock_projects()
            .insert(project.to_string(), (Instant::now(), info.clone()));
        info
    }

    fn lock_roles(&self) -> std::sync::MutexGuard<'_, RolesCache> {
        self.roles.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn lock_projects(&self) -> std::sync::MutexGuard<'_, HashMap<String, (Instant, ProjectInfo)>> {
        self.projects.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The roles listGroupUsers lists for `who` (usernames are email addresses: compared without case), no
/// role when it doesn't list them, `None` when the answer isn't a list of users.
fn roles_in(answer: &serde_json::Value, who: &str) -> Option<Vec<String>> {
    let results = answer.get("results")?.as_array()?;
    let mut roles = Vec::new();
    for user in results {
        let name = user.get("username").and_then(|v| v.as_str());
        if name.is_some_and(|n| n.eq_ignore_ascii_case(who)) {
            for r in user.get("roles")?.as_array()? {
                let r = r.as_str()?.to_string();
                if !roles.contains(&r) {
                    roles.push(r);
                }
            }
        }
    }
    Some(roles)
}

#[cfg(test)]
mod tests {
    use super::roles_in;
    use serde_json::json;

    #[test]
    fn the_roles_are_the_named_persons_only() {
        let answer = json!({ "results": [
            { "username": "rory@example.com", "roles": ["GROUP_READ_ONLY"] },
            { "username": "Ada@Example.com", "roles": ["GROUP_OWNER"] },
        ], "totalCount": 2 });
        assert_eq!(
            roles_in(&answer, "ada@example.com"),
            Some(vec!["GROUP_OWNER".to_string()])
        );
        assert_eq!(roles_in(&answer, "eve@example.com"), Some(vec![]));
        assert_eq!(roles_in(&json!({ "error": 500 }), "ada@example.com"), None);
    }
}
