//! Custom role rules on API roles, as the server checks them: names, actions and their resources, write
//! actions on any database, cluster versions (inheritance, limits and delete: `validate_role_project.rs`;
//! the editor's form: `validate_role_form.rs`).
use domain::catalog::Action;
use domain::model::*;
use domain::validate::*;
use domain::ErrorCode::{self, *};

use crate::common;
use common::{codes, ns, project, role};

#[test]
fn role_names_follow_the_atlas_rules() {
    let existing = ["orders_reader", "Reporting"];
    let cases: &[(&str, Option<ErrorCode>)] = &[
        ("orders_reader2", None),
        ("9lives", None),
        ("a-b_c", None),
        ("", Some(ATLAS_CUSTOM_ROLE_INVALID_NAME)),
        ("_hidden", Some(ATLAS_CUSTOM_ROLE_INVALID_NAME)),
        ("-dash", Some(ATLAS_CUSTOM_ROLE_INVALID_NAME)),
        ("has space", Some(ATLAS_CUSTOM_ROLE_INVALID_NAME)),
        ("dot.name", Some(ATLAS_CUSTOM_ROLE_INVALID_NAME)),
        ("café", Some(ATLAS_CUSTOM_ROLE_INVALID_NAME)),
        ("xgen-tool", Some(ATLAS_RESERVED_CUSTOM_ROLE_RESTRICTED)),
        ("XGEN-tool", Some(ATLAS_RESERVED_CUSTOM_ROLE_RESTRICTED)),
        ("atlasAdmin", Some(ATLAS_INVALID_CUSTOM_ROLE_RESTRICTED)),
        ("readWrite", Some(ATLAS_INVALID_CUSTOM_ROLE_RESTRICTED)),
        ("root", Some(ATLAS_INVALID_CUSTOM_ROLE_RESTRICTED)),
        ("killOpSession", Some(ATLAS_INVALID_CUSTOM_ROLE_RESTRICTED)),
        ("orders_reader", Some(ATLAS_CUSTOM_ROLE_NAME_ALREADY_EXISTS)),
    ];
    for (name, expected) in cases {
        let issues = validate_role_name(name, existing);
        assert_eq!(
            codes(&issues).first().copied(),
            *expected,
            "{name:?}: {issues:?}"
        );
        assert!(issues
            .iter()
            .all(|i| i.field == Field::Name && !i.message.is_empty()));
    }
    let case_clash = validate_role_name("reporting", existing);
    assert!(codes(&case_clash).is_empty());
    assert_eq!(case_clash[0].severity, Severity::Warning);
    assert!(case_clash[0].message.contains("Reporting"));
    let bad = validate_role_name("bad name", existing);
    assert!(bad[0]
        .message
        .contains("ASCII letters, numbers, hyphens, and underscores"));
}

#[test]
fn a_role_needs_an_action_or_an_inherited_role() {
    let roles = project();
    let ctx = ProjectContext::new(&roles);
    assert_eq!(
        codes(&validate_role(
            &role("empty", &[], &[]),
            &ctx,
            RoleMode::Create
        )),
        vec![ATLAS_CUSTOM_ROLE_HAS_NO_PERMISSIONS]
    );
    assert!(is_valid(&validate_role(
        &role("only_inherits", &[], &[("base", "admin")]),
        &ctx,
        RoleMode::Create
    )));
    assert!(is_valid(&validate_role(
        &role("only_actions", &[("FIND", vec![ns("a", "b")])], &[]),
        &ctx,
        RoleMode::Create
    )));
}

#[test]
fn actions_must_be_known_unique_and_on_their_resource_kind() {
    let roles = project();
    let ctx = ProjectContext::new(&roles);
    let table: Vec<(CustomDbRole, ErrorCode, Field)> = vec![
        (
            role("r", &[("FLY", vec![Resource::cluster()])], &[]),
            INVALID_ENUM_VALUE,
            Field::Action(0),
        ),
        (
            role(
                "r",
                &[("FIND", vec![ns("a", "")]), ("FIND", vec![ns("b", "")])],
                &[],
            ),
            ATLAS_DUPLICATE_CUSTOM_ROLE_ACTION,
            Field::Action(1),
        ),
        (
            role("r", &[("FIND", vec![ns("a", "x"), ns("a", "x")])], &[]),
            ATLAS_DUPLICATE_CUSTOM_ROLE_RESOURCE,
            Field::Resource {
                action: 0,
                resource: 1,
            },
        ),
        (
            role("r", &[("FIND", vec![])], &[]),
            ATLAS_INVALID_RESOURCE,
            Field::Action(0),
        ),
        (
            role("r", &[("FIND", vec![Resource::cluster()])], &[]),
            ATLAS_INVALID_RESOURCE,
            Field::Resource {
                action: 0,
                resource: 0,
            },
        ),
        (
            role("r", &[("SERVER_STATUS", vec![ns("a", "")])], &[]),
            ATLAS_INVALID_RESOURCE,
            Field::Resource {
                action: 0,
                resource: 0,
            },
        ),
        (
            role("r", &[("DROP_DATABASE", vec![ns("a", "b")])], &[]),
            ATLAS_INVALID_RESOURCE,
            Field::Resource {
                action: 0,
                resource: 0,
            },
        ),
        (
            role("r", &[("FIND", vec![ns("bad/db", "")])], &[]),
            INVALID_DATABASE_NAME,
            Field::Resource {
                action: 0,
                resource: 0,
            },
        ),
        (
            role("r", &[("FIND", vec![ns("db", "a$b")])], &[]),
            INVALID_COLLECTION_NAME,
            Field::Resource {
                action: 0,
                resource: 0,
            },
        ),
        (
            role("r", &[("FIND", vec![ns("db", &"c".repeat(260))])], &[]),
            INVALID_NAMESPACE,
            Field::Resource {
                action: 0,
                resource: 0,
            },
        ),
    ];
    for (r, code, field) in table {
        let issues = validate_role(&r, &ctx, RoleMode::Create);
        let hit = issues
            .iter()
            .find(|i| i.code == code)
            .unwrap_or_else(|| panic!("{code} for {r:?}: {issues:?}"));
        assert_eq!(hit.field, field, "{code}");
        assert!(hit.is_error());
    }
    // Every one of the 80 actions is accepted on its own resource kind and refused on a wrong one (the two
    // also accepted on a namespace: tests/facts_action_resources.rs).
    for a in Action::all().filter(|a| !a.on_namespaces_too()) {
        let (good, bad) = match a.resource() {
            domain::catalog::ResourceKind::Cluster => (Resource::cluster(), ns("sales", "")),
            domain::catalog::ResourceKind::Database => (ns("sales", ""), Resource::cluster()),
            domain::catalog::ResourceKind::Collection => {
                (ns("sales", "orders"), Resource::cluster())
            }
        };
        let ok = validate_role(
            &role("r", &[(a.api(), vec![good])], &[]),
            &ctx,
            RoleMode::Create,
        );
        assert!(is_valid(&ok), "{a}: {ok:?}");
        let wrong = validate_role(
            &role("r", &[(a.api(), vec![bad])], &[]),
            &ctx,
            RoleMode::Create,
        );
        assert_eq!(codes(&wrong), vec![ATLAS_INVALID_RESOURCE], "{a}");
    }
}

#[test]
fn write_actions_on_any_database_are_a_warning_not_an_error() {
    let roles = project();
    let ctx = ProjectContext::new(&roles);
    let issues = validate_role(
        &role(
            "r",
            &[("INSERT", vec![ns("", "")]), ("FIND", vec![ns("", "")])],
            &[],
        ),
        &ctx,
        RoleMode::Create,
    );
    assert!(is_valid(&issues));
    let warnings: Vec<&Issue> = issues
        .iter()
        .filter(|i| i.severity == Severity::Warning)
        .collect();
    assert_eq!(warnings.len(), 1, "only the write action warns: {issues:?}");
    assert!(warnings[0].message.contains("admin, local and config"));
    assert_eq!(
        warnings[0].field,
        Field::Resource {
            action: 0,
            resource: 0
        }
    );
}

/// Atlas "Built-In Roles and Privileges" § About Protected MongoDB Database Namespaces
/// (<https://www.mongodb.com/docs/atlas/mongodb-users-roles-and-privileges/>, `mongodb/docs
/// content/atlas/source/mongodb-users-roles-and-privileges.txt` @ 31e818c7): "We discourage writing to the
/// admin, local, and config databases. Atlas manages multiple collections in these databases." Atlas keeps
/// its Search metadata in `__mdb_internal_search` (the manual's searchCoordinator role writes there), so
/// every `__mdb_internal_` database is treated the same (the prefix rule is UNCONFIRMED on Atlas's pages).
/// A warning, never a refusal: the API accepts these roles.
#[test]
fn writes_to_an_atlas_internal_database_are_a_warning_not_an_error() {
    let roles = project();
    let ctx = ProjectContext::new(&roles);
    for db in ["admin", "local", "config", "__mdb_internal_search"] {
        let issues = validate_role(
            &role(
                "r",
                &[
                    ("UPDATE", vec![ns(db, "settings")]),
                    ("FIND", vec![ns(db, "settings")]),
                ],
                &[],
            ),
            &ctx,
            RoleMode::Create,
        );
        assert!(is_valid(&issues), "{db}: {issues:?}");
        let warnings: Vec<&Issue> = issues
            .iter()
            .filter(|i| i.severity == Severity::Warning)
            .collect();
        assert_eq!(warnings.len(), 1, "{db}: only the write warns: {issues:?}");
        assert!(warnings[0].message.contains(db), "{db}: {warnings:?}");
    }
    let ordinary = validate_role(
        &role("r", &[("UPDATE", vec![ns("sales", "")])], &[]),
        &ctx,
        RoleMode::Create,
    );
    assert!(ordinary.is_empty(), "{ordinary:?}");
}

#[test]
fn actions_must_be_supported_by_every_cluster_version() {
    let roles = project();
    let clusters = vec![
        ClusterSummary {
            name: "legacy".into(),
            mongo_db_version: "6.0.2".into(),
            ..Default::default()
        },
        ClusterSummary {
            name: "main".into(),
            mongo_db_version: "7.0.12".into(),
            ..Default::default()
        },
        ClusterSummary {
            name: "edge".into(),
            mongo_db_version: "8.0.1".into(),
            ..Default::default()
        },
    ];
    let ctx = ProjectContext {
        clusters: &clusters,
        ..ProjectContext::new(&roles)
    };
    let cases = [
        (
            "BYPASS_DEFAULT_MAX_TIME_MS",
            Resource::cluster(),
            Some("legacy (6.0.2) and main (7.0.12)"),
        ),
        (
            "CHECK_METADATA_CONSISTENCY",
            Resource::cluster(),
            Some("legacy (6.0.2)"),
        ),
        ("ANALYZE_SHARD_KEY", ns("a", "b"), Some("legacy (6.0.2)")),
        (
            "SHARDED_DATA_DISTRIBUTION",
            Resource::cluster(),
            Some("legacy (6.0.2)"),
        ),
        ("RESHARD_COLLECTION", ns("a", "b"), None),
        ("FIND", ns("a", "b"), None),
    ];
    for (action, res, clusters) in cases {
        let issues = validate_role(
            &role("r", &[(action, vec![res])], &[]),
            &ctx,
            RoleMode::Create,
        );
        match clusters {
            None => assert!(is_valid(&issues), "{action}: {issues:?}"),
            Some(names) => {
                assert_eq!(
                    codes(&issues),
                    vec![CUSTOM_ROLE_ACTIONS_INVALID_FOR_EXISTING_CLUSTERS],
                    "{action}"
                );
                assert!(issues[0].message.contains(names), "{}", issues[0].message);
            }
        }
    }
}
