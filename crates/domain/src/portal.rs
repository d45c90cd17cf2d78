//! What `dbaccess-portal` tells the console about the signed-in person (`GET /api/portal/me`), and the
//! portal's own rule on top of Atlas's: only a Project Owner mints credentials that outlive the portal.
//! The portal builds the answer, the console reads it; both use these types so they can't drift.
use crate::api::Method;
use crate::permissions::{Principal, Requirement};
use serde::{Deserialize, Serialize};

/// Where the portal answers who the signed-in person is (same origin as the Admin API proxy).
pub const ME_PATH: &str = "/api/portal/me";

/// `GET /api/portal/me`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Me {
    /// The person, as the portal's sign-in names them.
    pub name: String,
    /// Where the roles come from: `atlas` (read from Atlas) or `config` (the portal's file).
    pub roles_source: String,
    /// Every project the person may use through the portal, in the portal's order.
    pub projects: Vec<MeProject>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MeProject {
    pub id: String,
    /// The project's name in Atlas, when the portal could read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The organization that owns the project, when the portal could read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org_id: Option<String>,
    /// The person's roles there, API spelling: project roles, and organization roles that reach into
    /// the project (`ORG_OWNER`, `ORG_READ_ONLY`, …). Empty when they hold none or they are unknown.
    pub roles: Vec<String>,
    /// Why the roles are not known right now (Atlas didn't answer); the portal then refuses writes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles_unknown: Option<String>,
}

impl Me {
    /// The principal the console acts as on `project`, or `None` when the person may not use it.
    pub fn principal(&self, project: &str) -> Option<Principal> {
        self.projects
            .iter()
            .find(|p| p.id == project)
            .map(|p| Principal {
                name: self.name.clone(),
                project_roles: p.roles.clone(),
            })
    }
}

/// Whether `method path` (under `/api/atlas/v2`, without the query) creates a credential that lives on
/// outside the portal and its audit: an API key (its private key comes back) or a service account (its
/// secret comes back), or a new secret for one.
pub fn mints_credentials(method: Method, path: &str) -> bool {
    let Some(rest) = path
        .strip_prefix(crate::api::PREFIX)
        .and_then(|r| r.strip_prefix("/groups/"))
    else {
        return false;
    };
    let segments: Vec<&str> = rest.split('/').skip(1).collect();
    method == Method::Post
        && matches!(
            segments.as_slice(),
            ["apiKeys"] | ["serviceAccounts"] | ["serviceAccounts", _, "secrets"]
        )
}

/// The portal's rule: minting a credential needs the person's own Project Owner. Atlas lets a Project
/// Access Manager create an API key (the spec's `x-rolesRequirements`); the portal asks more, because the
/// key's holder then acts outside the portal, where no one's roles or audit follow it.
pub fn may_mint_credentials(principal: &Principal) -> bool {
    Requirement::ProjectOwner.met_by_any(&principal.project_roles)
}

/// The reason shown next to a control that would mint a credential through the portal.
pub const MINT_REQUIREMENT: &str =
    "Requires Project Owner: through the portal, only a Project Owner creates API keys and service accounts";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creating_keys_accounts_and_secrets_mints_credentials_and_nothing_else_does() {
        let g = "/api/atlas/v2/groups/6650f1c2a4b3c2d1e0f9a8b7";
        for path in [
            "/apiKeys",
            "/serviceAccounts",
            "/serviceAccounts/mdb_sa_id_1/secrets",
        ] {
            assert!(
                mints_credentials(Method::Post, &format!("{g}{path}")),
                "{path}"
            );
        }
        for (m, path) in [
            (Method::Get, "/apiKeys"),
            (Method::Patch, "/apiKeys/5f0a"),
            (Method::Post, "/customDBRoles/roles"),
            (Method::Post, "/users"),
            (Method::Delete, "/serviceAccounts/mdb_sa_id_1"),
        ] {
            assert!(!mints_credentials(m, &format!("{g}{path}")), "{path}");
        }
    }

    #[test]
    fn the_principal_is_the_persons_roles_on_that_project_only() {
        let me = Me {
            name: "ada@example.com".into(),
            roles_source: "config".into(),
            projects: vec![MeProject {
                id: "a".repeat(24),
                name: Some("dev".into()),
                org_id: None,
                roles: vec!["GROUP_READ_ONLY".into()],
                roles_unknown: None,
            }],
        };
        let p = me.principal(&"a".repeat(24)).unwrap();
        assert_eq!(p.project_roles, ["GROUP_READ_ONLY"]);
        assert!(!may_mint_credentials(&p));
        assert_eq!(me.principal(&"b".repeat(24)), None);
    }
}
