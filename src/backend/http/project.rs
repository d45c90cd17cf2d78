//! Reading the project: its name, organization, clusters, custom-role limit and the names a database
//! user can be restricted to; and a role by name while a just-created one propagates.
use super::HttpBackend;
use crate::backend::{ApiResult, ProjectInfo};
use crate::timers::sleep;
use domain::model::{
    project_clusters, ClusterDescription, CustomDbRole, FlexClusterDescription, ProjectLimit,
    CUSTOM_ROLES_LIMIT_NAME, DEFAULT_CUSTOM_ROLES_LIMIT,
};
use domain::ErrorCode;
use serde::Deserialize;

/// Reads of a just-created role: attempts and the pause between them.
const PROPAGATION_ATTEMPTS: u32 = 6;
const PROPAGATION_PAUSE_MS: u32 = 250;

impl HttpBackend {
    /// Reads a role by name, waiting briefly while a just-created role propagates.
    pub(super) async fn custom_role(&self, name: &str) -> ApiResult<CustomDbRole> {
        let mut attempt = 1;
        loop {
            match self.get(self.g().custom_role(name)).await {
                Err(e)
                    if e.error_code == ErrorCode::ATLAS_CUSTOM_ROLE_NOT_FOUND.as_str()
                        && attempt < PROPAGATION_ATTEMPTS =>
                {
                    attempt += 1;
                    sleep(PROPAGATION_PAUSE_MS * attempt).await;
                }
                other => return other,
            }
        }
    }

    pub(super) async fn org_id(&self) -> ApiResult<String> {
        if let Some(id) = self.org_id.borrow().clone() {
            return Ok(id);
        }
        let group: GroupView = self.get(self.g().get()).await?;
        *self.org_id.borrow_mut() = Some(group.org_id.clone());
        Ok(group.org_id)
    }

    pub(super) async fn project_info(&self) -> ApiResult<ProjectInfo> {
        // Who acts first: a project the person may not use answers nothing else.
        let (principal, portal) = self.caller().await?.on(&self.group)?;
        let group: GroupView = self.get(self.g().get()).await?;
        *self.org_id.borrow_mut() = Some(group.org_id);
        // Both list endpoints: `/clusters` lists Flex clusters made with Create Cluster only until
        // January 2026, and never those made with Create Flex Cluster.
        let (listed, flex) = futures::future::join(
            self.list::<ClusterDescription>(self.g().clusters()),
            self.list::<FlexClusterDescription>(self.g().flex_clusters()),
        )
        .await;
        let clusters = project_clusters(listed?, flex?);
        // The limit is only readable with some roles; without it the documented default applies.
        let limit = self
            .get::<ProjectLimit>(self.g().limit(CUSTOM_ROLES_LIMIT_NAME))
            .await
            .ok()
            .and_then(|l| usize::try_from(l.value).ok())
            .unwrap_or(DEFAULT_CUSTOM_ROLES_LIMIT);
        // Outside the contract subset, and a proxy may not pass them: without them the user dialog offers
        // clusters and the scopes users already have.
        let (lakes, streams) = futures::future::join(
            self.get::<Vec<Named>>(self.g().federated_databases()),
            self.list::<Named>(self.g().stream_workspaces()),
        )
        .await;
        let names = |r: ApiResult<Vec<Named>>| {
            r.map(|v| v.into_iter().map(|n| n.name).collect())
                .unwrap_or_default()
        };
        Ok(ProjectInfo {
            id: group.id,
            name: group.name,
            clusters,
            custom_role_limit: limit,
            principal,
            portal,
            federated_databases: names(lakes),
            stream_workspaces: names(streams),
        })
    }
}

/// What the console reads of a project (`Group`).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GroupView {
    id: String,
    name: String,
    org_id: String,
}

/// A federated database instance or stream workspace: only its name is read.
#[derive(Deserialize)]
struct Named {
    name: String,
}
