//! The demo projects the embedded backend starts with: a small realistic one (three clusters on
//! different MongoDB versions so version-gated actions show, roles inheriting roles, users holding
//! built-in and custom roles) and a generated large one (1,400 roles, 100 users) for benchmarks.
use crate::model::{
    ApiKey, ClusterSummary, CustomDbRole, DatabaseUser, DatabaseUserRole, InheritedRole,
    LdapAuthType, PrivilegeAction, ProjectUser, Resource, RoleAssignment, ScopeType,
    ServiceAccount, ServiceAccountSecret, TeamRole, UserScope, MAX_CUSTOM_ROLES_LIMIT,
};
use crate::project::{Principal, Project};
use crate::project_access::OrgTeam;

/// Which demo project to start with (`?demo=large` in the app).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DemoKind {
    #[default]
    Standard,
    Large,
    /// The standard project's staging and production (issue 30: several projects that drifted apart).
    Staging,
    Prod,
}

impl DemoKind {
    /// `standard` / `large`, as in the `demo` URL parameter.
    pub fn parse(s: &str) -> Option<DemoKind> {
        match s {
            "standard" => Some(DemoKind::Standard),
            "large" => Some(DemoKind::Large),
            "staging" => Some(DemoKind::Staging),
            "prod" => Some(DemoKind::Prod),
            _ => None,
        }
    }

    pub fn project(self) -> Project {
        match self {
            DemoKind::Standard => standard(),
            DemoKind::Large => large(1_400, 100),
            DemoKind::Staging => across::staging(),
            DemoKind::Prod => across::prod(),
        }
    }

    /// The demo project of this id among the standard project and its staging and production.
    pub fn of_project(id: &str) -> Option<DemoKind> {
        DemoKind::FAMILY
            .into_iter()
            .find(|k| k.project_id() == Some(id))
    }

    /// The standard project and the projects it is kept alike with.
    pub const FAMILY: [DemoKind; 3] = [DemoKind::Standard, DemoKind::Staging, DemoKind::Prod];

    /// The project's id when it is one of `FAMILY` (the large project stands alone).
    pub fn project_id(self) -> Option<&'static str> {
        match self {
            DemoKind::Standard => Some(PROJECT_ID),
            DemoKind::Staging => Some(across::STAGING_ID),
            DemoKind::Prod => Some(across::PROD_ID),
            DemoKind::Large => None,
        }
    }
}

fn ns(action: &str, db: &str, collection: &str) -> PrivilegeAction {
    PrivilegeAction {
        action: action.to_string(),
        resources: vec![Resource::namespace(db, collection)],
    }
}

fn cluster(action: &str) -> PrivilegeAction {
    PrivilegeAction {
        action: action.to_string(),
        resources: vec![Resource::cluster()],
    }
}

fn role(name: &str, actions: Vec<PrivilegeAction>, inherited: Vec<InheritedRole>) -> CustomDbRole {
    CustomDbRole {
        role_name: name.to_string(),
        actions,
        inherited_roles: inherited,
    }
}

fn user(name: &str, roles: &[(&str, &str)]) -> DatabaseUser {
    let mut u = DatabaseUser::new(name);
    u.roles = roles
        .iter()
        .map(|(r, db)| DatabaseUserRole::new(*r, *db))
        .collect();
    u
}

/// An LDAP group: its members authenticate through the directory; the group's roles live on `admin`.
fn ldap_group_user() -> DatabaseUser {
    let mut u = user(
        "CN=dba-team,OU=groups,DC=example,DC=com",
        &[("clusterMonitor", "admin")],
    );
    u.ldap_auth_type = LdapAuthType::Group;
    u
}

/// A user restricted to one federated database instance or stream workspace.
fn scoped_user(name: &str, role: (&str, &str), scope: &str, kind: ScopeType) -> DatabaseUser {
    let mut u = user(name, &[role]);
    u.scopes = vec![UserScope {
        name: scope.to_string(),
        kind,
    }];
    u
}

/// Two dedicated clusters and two Flex ones (which apply custom-role changes up to 30 seconds later):
/// `catalog-dev` made with Create Cluster (both list endpoints list it until January 2026), `prototype`
/// made with Create Flex Cluster (only `/flexClusters` lists it).
fn clusters() -> Vec<ClusterSummary> {
    let mut prototype = ClusterSummary::new("prototype", "8.0.9", "FLEX", "FLEX");
    prototype.flex_api_only = true;
    vec![
        ClusterSummary::new("analytics", "6.0.19", "AWS", "M30"),
        ClusterSummary::new("orders-prod", "7.0.14", "AWS", "M40"),
        ClusterSummary::new("catalog-dev", "8.0.4", "FLEX", "FLEX"),
        prototype,
    ]
}

fn owner() -> Principal {
    Principal {
        name: "ada.admin@example.com".to_string(),
        project_roles: vec!["GROUP_OWNER".to_string()],
    }
}

pub const PROJECT_ID: &str = "6650f1c2a4b3c2d1e0f9a8b7";
/// Another project of the demo organization (API keys hold roles there too).
pub const OTHER_PROJECT_ID: &str = "6650f1c2a4b3c2d1e0f9a8c8";
/// The demo project's organization.
pub const ORG_ID: &str = "5e2211c17a3e5a48f5497de0";

/// A role on a project (`Some(id)`) or on the demo organization (`None`).
fn assignment(group: Option<&str>, role: &str) -> RoleAssignment {
    RoleAssignment {
        group_id: group.map(str::to_string),
        org_id: group.is_none().then(|| ORG_ID.to_string()),
        role_name: role.to_string(),
    }
}

fn member(id: &str, email: &str, status: &str, roles: &[&str]) -> ProjectUser {
    ProjectUser {
        id: id.to_string(),
        username: email.to_string(),
        org_membership_status: status.to_string(),
        roles: roles.iter().map(|r| r.to_string()).collect(),
    }
}

mod across;
mod large;
mod standard;

pub use across::{prod, staging, PROD_ID, STAGING_ID};

pub use large::large;
pub use standard::standard;
