//! Atlas facts about who may do what in a project, each row with its source. `domain::permissions`
//! states them once; these tables check it row by row. (Every operation's `x-rolesRequirements` is
//! checked against the spec itself, for every call the console sends, in
//! `crates/emulator/tests/roles_requirements.rs`.)
use domain::api::{Group, Method};
use domain::catalog::{capabilities_of, Capability, PROJECT_ROLES};
use domain::permissions::{operation, Access, Permission, Requirement};

const USER_ROLES: &str = "mongodb/docs content/atlas/source/reference/user-roles.txt";
const SPEC: &str = "spec/atlas-openapi-subset.yaml x-rolesRequirements";

/// `(role held, requirement, met?, source)`.
const HIERARCHY: &[(&str, Requirement, bool, &str)] = &[
    // "Organization Owner: Project Owner access to all projects in the organization ... All the
    // privileges granted by the other organization roles combined."
    (
        "ORG_OWNER",
        Requirement::OrganizationOwner,
        true,
        USER_ROLES,
    ),
    ("ORG_OWNER", Requirement::ProjectOwner, true, USER_ROLES),
    (
        "ORG_OWNER",
        Requirement::ProjectAccessManager,
        true,
        USER_ROLES,
    ),
    (
        "ORG_OWNER",
        Requirement::ProjectDatabaseAccessAdmin,
        true,
        USER_ROLES,
    ),
    ("ORG_OWNER", Requirement::ProjectReadOnly, true, USER_ROLES),
    // Project Owner: "Manage project access", "Manage programmatic access", "Manage database access":
    // everything in the project, nothing in the organization.
    ("GROUP_OWNER", Requirement::ProjectOwner, true, USER_ROLES),
    (
        "GROUP_OWNER",
        Requirement::ProjectAccessManager,
        true,
        USER_ROLES,
    ),
    (
        "GROUP_OWNER",
        Requirement::ProjectDatabaseAccessAdmin,
        true,
        USER_ROLES,
    ),
    (
        "GROUP_OWNER",
        Requirement::ProjectStreamProcessingOwner,
        true,
        USER_ROLES,
    ),
    (
        "GROUP_OWNER",
        Requirement::ProjectReadOnly,
        true,
        USER_ROLES,
    ),
    (
        "GROUP_OWNER",
        Requirement::OrganizationOwner,
        false,
        USER_ROLES,
    ),
    // The purpose-built Project Access Manager (Feb 2026; reference §6.2): project access, not more.
    (
        "GROUP_ACCESS_MANAGER",
        Requirement::ProjectAccessManager,
        true,
        SPEC,
    ),
    (
        "GROUP_ACCESS_MANAGER",
        Requirement::ProjectOwner,
        false,
        SPEC,
    ),
    (
        "GROUP_ACCESS_MANAGER",
        Requirement::ProjectDatabaseAccessAdmin,
        false,
        USER_ROLES,
    ),
    // "Manage database access ... Manage custom database roles" and Project Read Only; nothing else.
    (
        "GROUP_DATABASE_ACCESS_ADMIN",
        Requirement::ProjectDatabaseAccessAdmin,
        true,
        USER_ROLES,
    ),
    (
        "GROUP_DATABASE_ACCESS_ADMIN",
        Requirement::ProjectAccessManager,
        false,
        USER_ROLES,
    ),
    (
        "GROUP_DATABASE_ACCESS_ADMIN",
        Requirement::ProjectOwner,
        false,
        USER_ROLES,
    ),
    // Stream Processing Owner: "Manage database access for database deployments within the project."
    (
        "GROUP_STREAM_PROCESSING_OWNER",
        Requirement::ProjectStreamProcessingOwner,
        true,
        USER_ROLES,
    ),
    (
        "GROUP_STREAM_PROCESSING_OWNER",
        Requirement::ProjectAccessManager,
        false,
        USER_ROLES,
    ),
    // Organization Stream Processing Admin: "Project Stream Processing Owner privileges on all
    // projects", and Organization Read Only's (live user-roles page, reference §6.1).
    (
        "ORG_STREAM_PROCESSING_ADMIN",
        Requirement::ProjectStreamProcessingOwner,
        true,
        "reference §6.1",
    ),
    (
        "ORG_STREAM_PROCESSING_ADMIN",
        Requirement::ProjectReadOnly,
        true,
        "reference §6.1",
    ),
    (
        "ORG_STREAM_PROCESSING_ADMIN",
        Requirement::ProjectDatabaseAccessAdmin,
        false,
        "reference §6.1",
    ),
    // Organization Read Only: "read-only access to the settings, users, and projects in the organization".
    (
        "ORG_READ_ONLY",
        Requirement::ProjectReadOnly,
        true,
        USER_ROLES,
    ),
    (
        "ORG_READ_ONLY",
        Requirement::ProjectAccessManager,
        false,
        USER_ROLES,
    ),
    // Organization Member "can only access projects they have been explicitly added to": by itself, no
    // project requirement.
    (
        "ORG_MEMBER",
        Requirement::ProjectReadOnly,
        false,
        USER_ROLES,
    ),
    (
        "ORG_BILLING_ADMIN",
        Requirement::ProjectReadOnly,
        false,
        USER_ROLES,
    ),
    // "This role also grants all the privileges included with the Project Read Only role" (every project
    // role), and no more: a data role manages no access.
    (
        "GROUP_READ_ONLY",
        Requirement::ProjectReadOnly,
        true,
        USER_ROLES,
    ),
    (
        "GROUP_READ_ONLY",
        Requirement::ProjectAccessManager,
        false,
        USER_ROLES,
    ),
    (
        "GROUP_DATA_ACCESS_ADMIN",
        Requirement::ProjectReadOnly,
        true,
        USER_ROLES,
    ),
    (
        "GROUP_DATA_ACCESS_ADMIN",
        Requirement::ProjectDatabaseAccessAdmin,
        false,
        USER_ROLES,
    ),
    (
        "GROUP_CLUSTER_MANAGER",
        Requirement::ProjectDatabaseAccessAdmin,
        false,
        USER_ROLES,
    ),
    // Project Stream Processing Manager: every stream operation, but not databaseUsers or customDBRoles
    // (CLI_SPEC below).
    (
        "GROUP_STREAM_PROCESSING_MANAGER",
        Requirement::ProjectReadOnly,
        true,
        USER_ROLES,
    ),
    (
        "GROUP_STREAM_PROCESSING_MANAGER",
        Requirement::ProjectDatabaseAccessAdmin,
        false,
        CLI_SPEC,
    ),
    (
        "GROUP_STREAM_PROCESSING_MANAGER",
        Requirement::ProjectStreamProcessingOwner,
        false,
        CLI_SPEC,
    ),
    // A project role newer than the console (reference "Unknown project roles exist") still includes
    // Project Read Only, and is trusted with no more.
    (
        "GROUP_NEWER_ROLE_EXAMPLE",
        Requirement::ProjectReadOnly,
        true,
        USER_ROLES,
    ),
    (
        "GROUP_NEWER_ROLE_EXAMPLE",
        Requirement::ProjectDatabaseAccessAdmin,
        false,
        SPEC,
    ),
];

#[test]
fn which_roles_meet_each_requirement() {
    for (role, requirement, met, source) in HIERARCHY {
        assert_eq!(
            requirement.met_by(role),
            *met,
            "{role} meets {}? ({source})",
            requirement.spec_name()
        );
    }
}

#[test]
fn every_project_role_the_console_knows_includes_project_read_only() {
    // "All the project roles also grant all the privileges included with the Project Read Only role."
    for r in PROJECT_ROLES {
        assert!(Requirement::ProjectReadOnly.met_by(r.api), "{}", r.api);
    }
}

#[test]
fn requirement_names_are_the_specs() {
    for r in Requirement::ALL {
        assert_eq!(Requirement::from_spec_name(r.spec_name()), Some(r));
    }
    assert_eq!(
        Requirement::from_spec_name("Project Owner"),
        Some(Requirement::ProjectOwner)
    );
}

/// `(method, path under the project, what it needs, source)`: the operations whose requirement the
/// console's controls follow.
const OPERATION_FACTS: &[(Method, &str, &[Requirement], &str)] = &[
    // createGroupServiceAccount, updateGroupServiceAccount, deleteGroupServiceAccount: Project Owner.
    // Third-party transcriptions of the user-roles page (reference §6.2, [3P-ROLES]) say Project Access
    // Manager may "create or update ... service accounts"; the spec wins: it is first-party, machine-read
    // and what Atlas enforces per operation.
    (
        Method::Post,
        "/serviceAccounts",
        &[Requirement::ProjectOwner],
        SPEC,
    ),
    (
        Method::Patch,
        "/serviceAccounts/mdb_sa_id_dddddddddddddddddddd0001",
        &[Requirement::ProjectOwner],
        SPEC,
    ),
    (
        Method::Delete,
        "/serviceAccounts/mdb_sa_id_dddddddddddddddddddd0001",
        &[Requirement::ProjectOwner],
        SPEC,
    ),
    // addGroupUserRole / removeGroupUserRole / addGroupUsers / removeGroupUser: Project Access Manager.
    (
        Method::Post,
        "/users/aaaaaaaaaaaaaaaaaaaa0004:addRole",
        &[Requirement::ProjectAccessManager],
        SPEC,
    ),
    (
        Method::Post,
        "/users/aaaaaaaaaaaaaaaaaaaa0004:removeRole",
        &[Requirement::ProjectAccessManager],
        SPEC,
    ),
    (
        Method::Post,
        "/users",
        &[Requirement::ProjectAccessManager],
        SPEC,
    ),
    (
        Method::Delete,
        "/users/aaaaaaaaaaaaaaaaaaaa0004",
        &[Requirement::ProjectAccessManager],
        SPEC,
    ),
    // Teams and API keys: Project Access Manager.
    (
        Method::Patch,
        "/teams/bbbbbbbbbbbbbbbbbbbb0001",
        &[Requirement::ProjectAccessManager],
        SPEC,
    ),
    (
        Method::Patch,
        "/apiKeys/cccccccccccccccccccc0001",
        &[Requirement::ProjectAccessManager],
        SPEC,
    ),
    // Database access: Project Database Access Admin or Project Stream Processing Owner.
    (
        Method::Post,
        "/customDBRoles/roles",
        &[
            Requirement::ProjectDatabaseAccessAdmin,
            Requirement::ProjectStreamProcessingOwner,
        ],
        SPEC,
    ),
    (
        Method::Delete,
        "/databaseUsers/admin/analyst",
        &[
            Requirement::ProjectDatabaseAccessAdmin,
            Requirement::ProjectStreamProcessingOwner,
        ],
        SPEC,
    ),
    // Reads: Project Read Only.
    (
        Method::Get,
        "/serviceAccounts",
        &[Requirement::ProjectReadOnly],
        SPEC,
    ),
    (Method::Get, "/users", &[Requirement::ProjectReadOnly], SPEC),
];

#[test]
fn what_each_operation_needs() {
    for (method, rest, needs, source) in OPERATION_FACTS {
        let path = format!("/api/atlas/v2/groups/6650f1c2a4b3c2d1e0f9a8b7{rest}");
        let (_, access) = operation(*method, &path).unwrap_or_else(|| panic!("{rest}: no row"));
        assert_eq!(
            access.requirements(),
            *needs,
            "{} {rest} ({source})",
            method.as_str()
        );
    }
}

#[test]
fn the_deprecated_put_of_a_users_roles_is_not_sent() {
    // updateGroupUserRoles (PUT …/users/{userId}/roles) is deprecated and reserved for Project Owner
    // (SPEC); the console changes a user's roles with :addRole/:removeRole, which Project Access Manager
    // may call.
    let path = "/api/atlas/v2/groups/6650f1c2a4b3c2d1e0f9a8b7/users/aaaaaaaaaaaaaaaaaaaa0004/roles";
    assert_eq!(operation(Method::Put, path), None);
    let add = Group("6650f1c2a4b3c2d1e0f9a8b7")
        .add_user_role("aaaaaaaaaaaaaaaaaaaa0004", "GROUP_READ_ONLY");
    assert_eq!(add.method, Method::Post);
    assert!(add
        .path
        .ends_with("/users/aaaaaaaaaaaaaaaaaaaa0004:addRole"));
    assert_eq!(
        add.body,
        Some(serde_json::json!({ "groupRole": "GROUP_READ_ONLY" }))
    );
    assert_eq!(add.version, "2025-02-19");
}

#[test]
fn the_consoles_permissions_are_the_spec_requirements_of_its_changes() {
    let changes = |p: Permission| {
        domain::permissions::OPERATIONS
            .iter()
            .filter(move |(_, _, a)| *a == Access::Change(p))
            .count()
    };
    // Service accounts are Project Owner's alone; Project Access Manager's writes are users, teams and
    // API keys (SPEC, as in OPERATION_FACTS above).
    assert_eq!(
        Permission::ServiceAccounts.requirements(),
        [Requirement::ProjectOwner]
    );
    assert_eq!(changes(Permission::ServiceAccounts), 3);
    assert_eq!(
        Permission::ProjectAccess.requirements(),
        [Requirement::ProjectAccessManager]
    );
    assert_eq!(changes(Permission::ProjectAccess), 10);
}

/// "Requires …" next to a disabled control, and in the 403, names every role that would allow the
/// change: each project and organization role that meets one of the permission's requirements (the
/// HIERARCHY rows above, from USER_ROLES and SPEC), and no other.
#[test]
fn each_access_denied_text_names_every_role_that_would_allow_the_change() {
    let every_role = PROJECT_ROLES
        .iter()
        .map(|r| (r.api, r.name))
        .chain(domain::catalog::ORG_ROLES.iter().map(|r| (r.api, r.name)));
    let roles: Vec<(&str, &str)> = every_role.collect();
    for permission in [
        Permission::DatabaseAccess,
        Permission::ProjectAccess,
        Permission::ServiceAccounts,
        Permission::ProjectSettings,
        Permission::Certificates,
    ] {
        let text = permission.requirement();
        for (api, name) in &roles {
            let allows = permission.requirements().iter().any(|r| r.met_by(api));
            let named = text
                .split([',', '(', ')'])
                .flat_map(|part| part.split(" or "))
                .map(|p| {
                    p.trim()
                        .trim_start_matches("Requires ")
                        .trim_start_matches("or ")
                })
                .any(|p| p == *name);
            assert_eq!(
                named, allows,
                "{permission:?}: {name} ({api}) in {text:?}; {USER_ROLES}"
            );
        }
    }
}

const CLI_SPEC: &str =
    "mongodb/mongodb-atlas-cli @ 8ddea41 tools/internal/specs/spec.yaml x-rolesRequirements";
const SEARCH_ACCESS: &str =
    "https://www.mongodb.com/docs/atlas/atlas-search/edit-index/ (Required Access)";
const SP_WORKSPACES: &str =
    "https://www.mongodb.com/docs/atlas/atlas-stream-processing/manage-processing-instance/";

/// Every project role the Admin API names (each `x-rolesRequirements` of the full current spec, 27
/// project roles) and the user-roles page lists, by the name Atlas shows. The spec writes "Project Data
/// Access Read Write" where the page writes "Read/Write"; the page's spelling is the UI name.
/// `(name, API value, source)`. The 15 purpose-built roles' API values come from the live page's
/// transcription (reference §6.2); Project Stream Processing Manager's API value is UNCONFIRMED: no
/// public source spells it, and GROUP_STREAM_PROCESSING_MANAGER follows the pattern every other
/// project role's value follows (GROUP_ + the name in capitals).
const ROLE_LIST: &[(&str, &str, &str)] = &[
    ("Project Owner", "GROUP_OWNER", USER_ROLES),
    (
        "Project Cluster Manager",
        "GROUP_CLUSTER_MANAGER",
        USER_ROLES,
    ),
    (
        "Project Stream Processing Owner",
        "GROUP_STREAM_PROCESSING_OWNER",
        USER_ROLES,
    ),
    (
        "Project Data Access Admin",
        "GROUP_DATA_ACCESS_ADMIN",
        USER_ROLES,
    ),
    (
        "Project Data Access Read/Write",
        "GROUP_DATA_ACCESS_READ_WRITE",
        USER_ROLES,
    ),
    (
        "Project Data Access Read Only",
        "GROUP_DATA_ACCESS_READ_ONLY",
        USER_ROLES,
    ),
    (
        "Project Database Access Admin",
        "GROUP_DATABASE_ACCESS_ADMIN",
        USER_ROLES,
    ),
    ("Project Backup Manager", "GROUP_BACKUP_MANAGER", USER_ROLES),
    (
        "Project Observability Viewer",
        "GROUP_OBSERVABILITY_VIEWER",
        USER_ROLES,
    ),
    ("Project Read Only", "GROUP_READ_ONLY", USER_ROLES),
    (
        "Project Search Index Editor",
        "GROUP_SEARCH_INDEX_EDITOR",
        USER_ROLES,
    ),
    (
        "Project Replica Set Manager",
        "GROUP_REPLICA_SET_MANAGER",
        CLI_SPEC,
    ),
    ("Project Cluster Creator", "GROUP_CLUSTER_CREATOR", CLI_SPEC),
    (
        "Project Cluster Log Viewer",
        "GROUP_CLUSTER_LOG_VIEWER",
        CLI_SPEC,
    ),
    (
        "Project Cluster Resilience Tester",
        "GROUP_CLUSTER_RESILIENCE_TESTER",
        CLI_SPEC,
    ),
    ("Project Access Manager", "GROUP_ACCESS_MANAGER", CLI_SPEC),
    ("Project Backup Creator", "GROUP_BACKUP_CREATOR", CLI_SPEC),
    (
        "Project Backup Recovery Operator",
        "GROUP_BACKUP_RECOVERY_OPERATOR",
        CLI_SPEC,
    ),
    (
        "Project Backup Export Operator",
        "GROUP_BACKUP_EXPORT_OPERATOR",
        CLI_SPEC,
    ),
    (
        "Project Network Access Manager",
        "GROUP_NETWORK_ACCESS_MANAGER",
        CLI_SPEC,
    ),
    ("Project Index Manager", "GROUP_INDEX_MANAGER", CLI_SPEC),
    (
        "Project Support Access Manager",
        "GROUP_SUPPORT_ACCESS_MANAGER",
        CLI_SPEC,
    ),
    ("Project Alerts Manager", "GROUP_ALERTS_MANAGER", CLI_SPEC),
    ("Project Model Owner", "GROUP_MODEL_OWNER", CLI_SPEC),
    // Only the live page's transcription (reference §6.2) names these two; no operation requires them.
    (
        "Project Trigger Manager",
        "GROUP_TRIGGER_MANAGER",
        "reference §6.2 [3P-ROLES]",
    ),
    (
        "Project Real Time Performance Operator",
        "GROUP_REAL_TIME_PERFORMANCE_OPERATOR",
        "reference §6.2 [3P-ROLES]",
    ),
    // createGroupStreamWorkspace, createGroupStreamConnection, createGroupStreamProcessor,
    // createGroupStreamPrivateLinkConnection … (27 operations).
    (
        "Project Stream Processing Manager",
        "GROUP_STREAM_PROCESSING_MANAGER",
        CLI_SPEC,
    ),
];

#[test]
fn the_project_role_list_is_every_role_atlas_names() {
    for (name, api, source) in ROLE_LIST {
        let role = domain::catalog::project_role(api)
            .unwrap_or_else(|| panic!("{name} ({api}) is missing ({source})"));
        assert_eq!(role.name, *name, "{api} ({source})");
    }
    assert_eq!(
        PROJECT_ROLES.len(),
        ROLE_LIST.len(),
        "no role beyond the sources"
    );
    // Every project role the vendored spec's x-rolesRequirements name is one the console knows.
    let spec = include_str!("../../../spec/atlas-openapi-subset.yaml");
    let mut in_spec = 0;
    let mut in_requirements = false;
    for line in spec.lines() {
        let t = line.trim();
        if t == "x-rolesRequirements:" {
            in_requirements = true;
            continue;
        }
        let Some(item) = t.strip_prefix("- ").filter(|_| in_requirements) else {
            in_requirements = false;
            continue;
        };
        if let Some(rest) = item.strip_prefix("Project ") {
            in_spec += 1;
            let name = format!("Project {}", rest.replace("Read Write", "Read/Write"));
            assert!(
                PROJECT_ROLES.iter().any(|r| r.name == name),
                "{name} (spec x-rolesRequirements)"
            );
        }
    }
    assert!(in_spec > 0);
}

/// What each role may do, from Atlas's role documentation (and, where the page is older than the
/// role, the spec's x-rolesRequirements): `(role, capability, allowed, source)`.
const CAPABILITY_FACTS: &[(&str, Capability, bool, &str)] = &[
    // "Project Data Access Admin or higher: To create, view, update, and delete MongoDB Search indexes
    // and analyzers."
    (
        "GROUP_DATA_ACCESS_ADMIN",
        Capability::ManageSearchIndexes,
        true,
        SEARCH_ACCESS,
    ),
    (
        "GROUP_DATA_ACCESS_READ_WRITE",
        Capability::ManageSearchIndexes,
        false,
        SEARCH_ACCESS,
    ),
    (
        "GROUP_SEARCH_INDEX_EDITOR",
        Capability::ManageSearchIndexes,
        true,
        USER_ROLES,
    ),
    // "Create, view, edit and delete stream processing workspaces"; connections: "View connections in
    // the connection registry" only.
    (
        "GROUP_DATA_ACCESS_ADMIN",
        Capability::ManageStreamWorkspaces,
        true,
        USER_ROLES,
    ),
    (
        "GROUP_DATA_ACCESS_ADMIN",
        Capability::ManageStreamWorkspaces,
        true,
        SP_WORKSPACES,
    ),
    (
        "GROUP_DATA_ACCESS_ADMIN",
        Capability::ManageStreamConnections,
        false,
        USER_ROLES,
    ),
    (
        "GROUP_DATA_ACCESS_READ_WRITE",
        Capability::ManageStreamWorkspaces,
        false,
        USER_ROLES,
    ),
    (
        "GROUP_STREAM_PROCESSING_OWNER",
        Capability::ManageStreamWorkspaces,
        true,
        USER_ROLES,
    ),
    (
        "GROUP_STREAM_PROCESSING_OWNER",
        Capability::ManageStreamConnections,
        true,
        USER_ROLES,
    ),
    (
        "GROUP_STREAM_PROCESSING_OWNER",
        Capability::ManageDatabaseAccess,
        true,
        USER_ROLES,
    ),
    // The spec also lists Stream Processing Owner for downloading a host's logs; the page says it
    // "doesn't allow users to ... Retrieve process and database audit logs". The page's explicit
    // exclusion wins: the guide must never name a role Atlas's page says can't do the task.
    (
        "GROUP_STREAM_PROCESSING_OWNER",
        Capability::ViewClusterLogs,
        false,
        USER_ROLES,
    ),
    (
        "GROUP_STREAM_PROCESSING_OWNER",
        Capability::CreateClusters,
        false,
        USER_ROLES,
    ),
    // createGroupStreamWorkspace, createGroupStreamConnection, createGroupStreamProcessor: Project
    // Stream Processing Manager; databaseUsers and customDBRoles don't list it.
    (
        "GROUP_STREAM_PROCESSING_MANAGER",
        Capability::ManageStreamWorkspaces,
        true,
        CLI_SPEC,
    ),
    (
        "GROUP_STREAM_PROCESSING_MANAGER",
        Capability::ManageStreamConnections,
        true,
        CLI_SPEC,
    ),
    (
        "GROUP_STREAM_PROCESSING_MANAGER",
        Capability::ManageDatabaseAccess,
        false,
        CLI_SPEC,
    ),
    (
        "GROUP_STREAM_PROCESSING_MANAGER",
        Capability::DataExplorerRead,
        false,
        CLI_SPEC,
    ),
    // "Project Stream Processing Owner privileges on all projects" (reference §6.1); the spec lists it on
    // every stream operation.
    (
        "ORG_STREAM_PROCESSING_ADMIN",
        Capability::ManageStreamConnections,
        true,
        CLI_SPEC,
    ),
    (
        "ORG_STREAM_PROCESSING_ADMIN",
        Capability::ManageStreamWorkspaces,
        true,
        CLI_SPEC,
    ),
    // createGroupClusterIndex (rolling index): Project Data Access Admin, Project Index Manager.
    (
        "GROUP_INDEX_MANAGER",
        Capability::ManageIndexes,
        true,
        CLI_SPEC,
    ),
    (
        "GROUP_DATA_ACCESS_ADMIN",
        Capability::ManageIndexes,
        true,
        CLI_SPEC,
    ),
    // "Manage database access … Retrieve the database access logs"; "doesn't grant … process and audit logs".
    (
        "GROUP_DATABASE_ACCESS_ADMIN",
        Capability::ManageDatabaseAccess,
        true,
        USER_ROLES,
    ),
    (
        "GROUP_DATABASE_ACCESS_ADMIN",
        Capability::ViewClusterLogs,
        false,
        USER_ROLES,
    ),
    (
        "GROUP_DATABASE_ACCESS_ADMIN",
        Capability::DataExplorerRead,
        false,
        USER_ROLES,
    ),
    (
        "GROUP_CLUSTER_MANAGER",
        Capability::ModifyClusters,
        true,
        USER_ROLES,
    ),
    (
        "GROUP_CLUSTER_MANAGER",
        Capability::CreateClusters,
        false,
        USER_ROLES,
    ),
    (
        "GROUP_BACKUP_MANAGER",
        Capability::RestoreBackups,
        true,
        USER_ROLES,
    ),
    (
        "GROUP_OBSERVABILITY_VIEWER",
        Capability::QueryInsights,
        true,
        USER_ROLES,
    ),
    (
        "GROUP_OBSERVABILITY_VIEWER",
        Capability::DataExplorerRead,
        false,
        USER_ROLES,
    ),
    (
        "GROUP_READ_ONLY",
        Capability::DataExplorerRead,
        false,
        USER_ROLES,
    ),
    (
        "GROUP_READ_ONLY",
        Capability::ViewClusterLogs,
        false,
        USER_ROLES,
    ),
];

#[test]
fn what_each_project_role_may_do_is_what_atlas_documents() {
    for (role, cap, allowed, source) in CAPABILITY_FACTS {
        let (org, project): (Vec<&str>, Vec<&str>) = if role.starts_with("ORG_") {
            (vec![role], vec![])
        } else {
            (vec![], vec![role])
        };
        assert_eq!(
            capabilities_of(org, project).contains(cap),
            *allowed,
            "{role} may {}? ({source})",
            cap.label()
        );
    }
}
