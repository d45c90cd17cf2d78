//! The demo projects the embedded backend starts with: a small realistic one (three clusters on
//! different MongoDB versions so version-gated actions show, roles inheriting roles, users holding
//! built-in and custom roles) and a generated large one (1,400 roles, 100 users) for benchmarks.
use crate::model::{
    ApiKey, ClusterSummary, CustomDbRole, DatabaseUser, DatabaseUserRole, InheritedRole,
    LdapAuthType, PrivilegeAction, ProjectUser, ProviderSettings, Resource, RoleAssignment,
    ScopeType, ServiceAccount, ServiceAccountSecret, TeamRole, UserScope, MAX_CUSTOM_ROLES_LIMIT,
};
use crate::project::{Principal, Project};
use crate::project_access::OrgTeam;

/// Which demo project to start with (`?demo=large` in the app).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DemoKind {
    #[default]
    Standard,
    Large,
}

impl DemoKind {
    /// `standard` / `large`, as in the `demo` URL parameter.
    pub fn parse(s: &str) -> Option<DemoKind> {
        match s {
            "standard" => Some(DemoKind::Standard),
            "large" => Some(DemoKind::Large),
            _ => None,
        }
    }

    pub fn project(self) -> Project {
        match self {
            DemoKind::Standard => standard(),
            DemoKind::Large => large(1_400, 100),
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

/// Two dedicated clusters and a Flex one (which applies custom-role changes up to 30 seconds later).
fn clusters() -> Vec<ClusterSummary> {
    [
        ("analytics", "6.0.19", "AWS", "M30"),
        ("orders-prod", "7.0.14", "AWS", "M40"),
        ("catalog-dev", "8.0.4", "FLEX", "FLEX"),
    ]
    .into_iter()
    .map(|(name, v, provider, size)| ClusterSummary {
        name: name.to_string(),
        mongo_db_version: v.to_string(),
        provider_settings: Some(ProviderSettings {
            provider_name: provider.to_string(),
            instance_size_name: Some(size.to_string()),
        }),
    })
    .collect()
}

fn owner() -> Principal {
    Principal {
        name: "ada.admin@example.com".to_string(),
        project_roles: vec!["GROUP_OWNER".to_string()],
    }
}

/// The standard demo project.
pub fn standard() -> Project {
    let custom_roles = vec![
        role(
            "orders_reader",
            vec![
                ns("FIND", "sales", "orders"),
                ns("LIST_COLLECTIONS", "sales", ""),
            ],
            vec![],
        ),
        role(
            "orders_writer",
            vec![
                ns("INSERT", "sales", "orders"),
                ns("UPDATE", "sales", "orders"),
                ns("REMOVE", "sales", "orders"),
            ],
            vec![InheritedRole::new("orders_reader", "admin")],
        ),
        role(
            "inventory_admin",
            vec![
                ns("CREATE_INDEX", "inventory", ""),
                ns("COLL_MOD", "inventory", ""),
            ],
            vec![InheritedRole::new("readWrite", "inventory")],
        ),
        role(
            "reporting",
            vec![],
            vec![
                InheritedRole::new("orders_reader", "admin"),
                InheritedRole::new("read", "analytics"),
            ],
        ),
        role(
            "ops_monitor",
            vec![
                cluster("SERVER_STATUS"),
                cluster("TOP"),
                cluster("LIST_DATABASES"),
            ],
            vec![InheritedRole::new("clusterMonitor", "admin")],
        ),
        role(
            "app_backend",
            vec![
                ns("FIND", "app", ""),
                ns("INSERT", "app", ""),
                ns("UPDATE", "app", ""),
                ns("CHANGE_STREAM", "app", "events"),
            ],
            vec![],
        ),
        role(
            "support_readonly",
            vec![ns("FIND", "support", "tickets")],
            vec![InheritedRole::new("reporting", "admin")],
        ),
        role(
            "index_tuner",
            vec![ns("CREATE_INDEX", "", ""), ns("DROP_INDEX", "", "")],
            vec![],
        ),
    ];
    let users = vec![
        user("app-service", &[("app_backend", "admin")]),
        user(
            "orders-api",
            &[("orders_writer", "admin"), ("read", "catalog")],
        ),
        user("bi-reader", &[("reporting", "admin")]),
        user("dba-oncall", &[("atlasAdmin", "admin")]),
        user("etl-job", &[("readWriteAnyDatabase", "admin")]),
        user(
            "support-bot",
            &[("support_readonly", "admin"), ("read", "support")],
        ),
        user("monitoring", &[("ops_monitor", "admin")]),
        user("analyst", &[("readAnyDatabase", "admin")]),
        user("inventory-svc", &[("inventory_admin", "admin")]),
        user(
            "catalog-writer",
            &[("readWrite", "catalog"), ("index_tuner", "admin")],
        ),
        ldap_group_user(),
        scoped_user(
            "lake-analyst",
            ("read", "sales"),
            "SalesLake",
            ScopeType::DataLake,
        ),
        scoped_user(
            "stream-ingest",
            ("readWrite", "events"),
            "OrderEvents",
            ScopeType::Stream,
        ),
    ];
    Project {
        id: PROJECT_ID.to_string(),
        name: "Demo Project".to_string(),
        clusters: clusters(),
        custom_roles,
        users,
        custom_role_limit: crate::model::DEFAULT_CUSTOM_ROLES_LIMIT,
        principal: owner(),
        activity: Vec::new(),
        members: vec![
            member(
                "aaaaaaaaaaaaaaaaaaaa0001",
                "ada.admin@example.com",
                "ACTIVE",
                &["GROUP_OWNER"],
            ),
            member(
                "aaaaaaaaaaaaaaaaaaaa0002",
                "dana.dbadmin@example.com",
                "ACTIVE",
                &["GROUP_DATABASE_ACCESS_ADMIN"],
            ),
            member(
                "aaaaaaaaaaaaaaaaaaaa0003",
                "rory.readonly@example.com",
                "ACTIVE",
                &["GROUP_READ_ONLY"],
            ),
            member(
                "aaaaaaaaaaaaaaaaaaaa0004",
                "ines.indexer@example.com",
                "ACTIVE",
                &["GROUP_INDEX_MANAGER", "GROUP_CLUSTER_LOG_VIEWER"],
            ),
            member(
                "aaaaaaaaaaaaaaaaaaaa0005",
                "amir.access@example.com",
                "ACTIVE",
                &["GROUP_ACCESS_MANAGER"],
            ),
            // Holds a role the console doesn't know: "Project Stream Processing Manager" is named in the
            // newest spec's x-rolesRequirements (reference §6.2) but its API value is unconfirmed, so the
            // catalog leaves it out; this is its probable spelling. She must stay editable, and keep it.
            member(
                "aaaaaaaaaaaaaaaaaaaa0006",
                "sam.streams@example.com",
                "ACTIVE",
                &["GROUP_STREAM_PROCESSING_MANAGER", "GROUP_READ_ONLY"],
            ),
        ],
        org_teams: [
            ("bbbbbbbbbbbbbbbbbbbb0001", "Platform SRE"),
            ("bbbbbbbbbbbbbbbbbbbb0002", "Data Engineering"),
            ("bbbbbbbbbbbbbbbbbbbb0003", "Security"),
            ("bbbbbbbbbbbbbbbbbbbb0004", "Analytics"),
        ]
        .into_iter()
        .map(|(id, name)| OrgTeam {
            id: id.to_string(),
            name: name.to_string(),
        })
        .collect(),
        teams: vec![TeamRole {
            team_id: "bbbbbbbbbbbbbbbbbbbb0001".to_string(),
            role_names: vec![
                "GROUP_CLUSTER_MANAGER".to_string(),
                "GROUP_CLUSTER_LOG_VIEWER".to_string(),
            ],
        }],
        // As Atlas lists them, each key carries its roles in other projects and in the organization
        // too (`atlas-recordings/atlasprojectapikeys`): only those on this project are its roles here.
        api_keys: vec![
            ApiKey {
                id: "cccccccccccccccccccc0001".to_string(),
                desc: "Terraform pipeline".to_string(),
                public_key: "tfpipeln".to_string(),
                private_key: None,
                roles: vec![
                    assignment(Some(PROJECT_ID), "GROUP_OWNER"),
                    assignment(None, "ORG_MEMBER"),
                ],
            },
            ApiKey {
                id: "cccccccccccccccccccc0002".to_string(),
                desc: "Reporting exporter".to_string(),
                public_key: "rptexprt".to_string(),
                private_key: None,
                roles: vec![
                    assignment(Some(PROJECT_ID), "GROUP_DATA_ACCESS_READ_ONLY"),
                    assignment(Some(OTHER_PROJECT_ID), "GROUP_CLUSTER_MANAGER"),
                    assignment(None, "ORG_MEMBER"),
                ],
            },
        ],
        service_accounts: vec![ServiceAccount {
            client_id: "mdb_sa_id_dddddddddddddddddddd0001".to_string(),
            created_at: Some("2026-10-01T09:00:00Z".to_string()),
            description: "Nightly snapshot job".to_string(),
            name: "backup-bot".to_string(),
            roles: vec!["GROUP_BACKUP_CREATOR".to_string()],
            secrets: vec![ServiceAccountSecret {
                id: "eeeeeeeeeeeeeeeeeeee0001".to_string(),
                created_at: "2026-10-01T09:00:00Z".to_string(),
                expires_at: "2027-09-26T09:00:00Z".to_string(),
                last_used_at: None,
                masked_secret_value: Some("mdb_sa_sk_…7f3a".to_string()),
                secret: None,
            }],
        }],
        federated_databases: vec!["SalesLake".to_string()],
        stream_workspaces: vec!["OrderEvents".to_string()],
        org_service_accounts: vec![],
    }
}

const PROJECT_ID: &str = "6650f1c2a4b3c2d1e0f9a8b7";
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

/// A generated project with `roles` custom roles (every fifth inherits the two before it, every seventh
/// holds only inherited roles) and `users` database users holding one to three of them. Deterministic.
pub fn large(roles: usize, users: usize) -> Project {
    const ACTIONS: [&str; 6] = [
        "FIND",
        "INSERT",
        "UPDATE",
        "REMOVE",
        "CREATE_INDEX",
        "CHANGE_STREAM",
    ];
    const TEAMS: [&str; 8] = [
        "sales", "billing", "search", "identity", "catalog", "growth", "ml", "ops",
    ];
    let mut custom_roles = Vec::with_capacity(roles);
    for i in 0..roles {
        let team = TEAMS[i % TEAMS.len()];
        let name = format!("{team}_role_{i:04}");
        let db = format!("{team}_db{}", i % 13);
        let (actions, inherited) = if i % 7 == 6 && i >= 2 {
            (
                vec![],
                vec![InheritedRole::new(
                    custom_roles_name(&custom_roles, i - 1),
                    "admin",
                )],
            )
        } else {
            let actions = (0..1 + i % 4)
                .map(|k| {
                    ns(
                        ACTIONS[(i + k) % ACTIONS.len()],
                        &db,
                        &format!("coll{}", (i + k) % 9),
                    )
                })
                .collect();
            let inherited = if i % 5 == 4 {
                vec![
                    InheritedRole::new(custom_roles_name(&custom_roles, i - 1), "admin"),
                    InheritedRole::new(custom_roles_name(&custom_roles, i - 2), "admin"),
                ]
            } else {
                vec![]
            };
            (actions, inherited)
        };
        custom_roles.push(role(&name, actions, inherited));
    }
    let users = (0..users)
        .map(|u| {
            let held: Vec<(String, &str)> = (0..1 + u % 3)
                .filter(|k| roles > 0 && (u * 14 + k * 5) < roles)
                .map(|k| (custom_roles[u * 14 + k * 5].role_name.clone(), "admin"))
                .collect();
            let mut user = DatabaseUser::new(format!("user-{u:03}"));
            user.roles = held
                .into_iter()
                .map(|(r, db)| DatabaseUserRole::new(r, db))
                .collect();
            if user.roles.is_empty() {
                user.roles.push(DatabaseUserRole::new("read", "test"));
            }
            user
        })
        .collect();
    let mut project = standard();
    project.name = "Large Demo Project".to_string();
    project.custom_roles = custom_roles;
    project.users = users;
    project.custom_role_limit = MAX_CUSTOM_ROLES_LIMIT;
    project
}

fn custom_roles_name(roles: &[CustomDbRole], i: usize) -> String {
    roles[i].role_name.clone()
}
