//! The standard demo project: realistic, small, and holding each case the console must cope with.
use super::*;

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
            // Holds a role the console doesn't know (the API no longer validates project roles by enum, and
            // Atlas adds roles: reference "Unknown project roles exist"); a made-up example name. She must
            // stay editable, and keep it.
            member(
                "aaaaaaaaaaaaaaaaaaaa0006",
                "sam.streams@example.com",
                "ACTIVE",
                &["GROUP_NEWER_ROLE_EXAMPLE", "GROUP_READ_ONLY"],
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
