//! Custom role rules, on API roles (as the server checks) and on editor forms (addressed to rows/targets).
use domain::catalog::Action;
use domain::model::*;
use domain::role_form::{Item, RoleForm, Row, Scope, Target};
use domain::validate::*;
use domain::ErrorCode::{self, *};

mod common;
use common::{ns, role};

fn codes(issues: &[Issue]) -> Vec<ErrorCode> {
    issues
        .iter()
        .filter(|i| i.is_error())
        .map(|i| i.code)
        .collect()
}

fn project() -> Vec<CustomDbRole> {
    vec![
        role("base", &[("FIND", vec![ns("sales", "")])], &[]),
        role("mid", &[], &[("base", "admin")]),
        role("top", &[], &[("mid", "admin")]),
    ]
}

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
    // Every one of the 80 actions is accepted on its own resource kind and refused on a wrong one.
    for a in Action::all() {
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

#[test]
fn inherited_roles_are_checked_for_existence_scope_self_and_cycles() {
    let roles = project();
    let ctx = ProjectContext::new(&roles);
    let table: Vec<(CustomDbRole, RoleMode, ErrorCode)> = vec![
        (
            role("r", &[], &[("ghost", "admin")]),
            RoleMode::Create,
            ATLAS_INVALID_CUSTOM_ROLE_INHERITANCE,
        ),
        (
            role("r", &[], &[("root", "admin")]),
            RoleMode::Create,
            ATLAS_INVALID_CUSTOM_ROLE_INHERITANCE,
        ),
        (
            role("r", &[], &[("r", "admin")]),
            RoleMode::Create,
            ATLAS_INVALID_CUSTOM_ROLE_SELF_REFERENTIAL,
        ),
        (
            role("r", &[], &[("base", "sales")]),
            RoleMode::Create,
            ATLAS_INVALID_CUSTOM_ROLE_INHERITED_SCOPE,
        ),
        (
            role("r", &[], &[("backup", "sales")]),
            RoleMode::Create,
            ATLAS_INVALID_CUSTOM_ROLE_INHERITED_SCOPE,
        ),
        (
            role("r", &[], &[("read", "")]),
            RoleMode::Create,
            ATLAS_INVALID_CUSTOM_ROLE_INHERITED_SCOPE,
        ),
        (
            role("r", &[], &[("read", "sales"), ("read", "sales")]),
            RoleMode::Create,
            VALIDATION_ERROR,
        ),
        // base ← mid ← top: making base inherit top closes a loop of depth 3.
        (
            role("base", &[], &[("top", "admin")]),
            RoleMode::Update,
            ATLAS_INVALID_CUSTOM_ROLE_CIRCULAR_DEPENDENCY,
        ),
        (
            role("mid", &[], &[("top", "admin")]),
            RoleMode::Update,
            ATLAS_INVALID_CUSTOM_ROLE_CIRCULAR_DEPENDENCY,
        ),
    ];
    for (r, mode, code) in table {
        let issues = validate_role(&r, &ctx, mode);
        assert!(
            codes(&issues).contains(&code),
            "{code} for {r:?}: {issues:?}"
        );
    }
    let cycle = validate_role(
        &role("base", &[], &[("top", "admin")]),
        &ctx,
        RoleMode::Update,
    );
    let msg = &cycle
        .iter()
        .find(|i| i.code == ATLAS_INVALID_CUSTOM_ROLE_CIRCULAR_DEPENDENCY)
        .unwrap()
        .message;
    assert!(msg.contains("base → top → mid → base"), "{msg}");
    for ok in [
        role(
            "r",
            &[],
            &[("read", "sales"), ("readWrite", "hr"), ("dbAdmin", "logs")],
        ),
        role(
            "r",
            &[],
            &[
                ("clusterMonitor", "admin"),
                ("top", "admin"),
                ("killOpSession", "admin"),
            ],
        ),
    ] {
        let issues = validate_role(&ok, &ctx, RoleMode::Create);
        assert!(is_valid(&issues), "{issues:?}");
    }
}

#[test]
fn a_deep_cycle_through_ten_roles_is_found() {
    let mut roles: Vec<CustomDbRole> = (0..10)
        .map(|i| {
            let parent = format!("c{}", i + 1);
            if i < 9 {
                role(&format!("c{i}"), &[], &[(parent.as_str(), "admin")])
            } else {
                role("c9", &[("FIND", vec![ns("a", "")])], &[])
            }
        })
        .collect();
    let ctx = ProjectContext::new(&roles);
    assert!(is_valid(&validate_role(
        &roles[9].clone(),
        &ctx,
        RoleMode::Update
    )));
    let closing = role("c9", &[], &[("c0", "admin")]);
    assert!(codes(&validate_role(&closing, &ctx, RoleMode::Update))
        .contains(&ATLAS_INVALID_CUSTOM_ROLE_CIRCULAR_DEPENDENCY));
    roles.clear();
}

#[test]
fn the_project_limit_and_update_of_a_missing_role() {
    let roles: Vec<CustomDbRole> = (0..100)
        .map(|i| role(&format!("r{i}"), &[("FIND", vec![ns("a", "")])], &[]))
        .collect();
    let mut ctx = ProjectContext::new(&roles);
    let new = role("one_more", &[("FIND", vec![ns("a", "")])], &[]);
    assert_eq!(
        codes(&validate_role(&new, &ctx, RoleMode::Create)),
        vec![CUSTOM_ROLES_LIMIT_EXCEEDED]
    );
    ctx.custom_role_limit = 1400;
    assert!(is_valid(&validate_role(&new, &ctx, RoleMode::Create)));
    assert_eq!(
        codes(&validate_role(&new, &ctx, RoleMode::Update)),
        vec![ATLAS_CUSTOM_ROLE_NOT_FOUND]
    );
    assert!(
        is_valid(&validate_role(&roles[3], &ctx, RoleMode::Update)),
        "updating keeps its own name"
    );
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

#[test]
fn delete_is_blocked_only_when_someone_would_be_left_with_nothing() {
    let mut roles = project();
    roles.push(role(
        "also_own",
        &[("FIND", vec![ns("x", "")])],
        &[("base", "admin")],
    ));
    roles.push(role(
        "two_parents",
        &[],
        &[("base", "admin"), ("read", "x")],
    ));
    let mut only = DatabaseUser::new("alice");
    only.roles = vec![DatabaseUserRole::new("base", "admin")];
    let mut more = DatabaseUser::new("bob");
    more.roles = vec![
        DatabaseUserRole::new("base", "admin"),
        DatabaseUserRole::new("read", "x"),
    ];
    let users = vec![only, more];
    let ctx = ProjectContext {
        users: &users,
        ..ProjectContext::new(&roles)
    };
    let issues = delete_blockers("base", &ctx);
    assert_eq!(
        codes(&issues),
        vec![
            ATLAS_CUSTOM_ROLE_IN_USE_BY_USERS,
            ATLAS_CUSTOM_ROLE_IN_USE_BY_ROLES
        ]
    );
    assert!(
        issues[0].message.ends_with("without a role: alice."),
        "{}",
        issues[0].message
    );
    assert!(
        issues[1].message.ends_with("inherited roles: mid."),
        "{}",
        issues[1].message
    );
    assert!(delete_blockers("top", &ctx).is_empty(), "nobody holds top");
}

#[test]
fn form_issues_point_at_rows_and_targets() {
    let roles = project();
    let ctx = ProjectContext::new(&roles);
    let mut form = RoleForm::new();
    form.name = "orders".into();
    let issues = validate_form(&form, &ctx, RoleMode::Create);
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(
        (issues[0].field.clone(), issues[0].code),
        (Field::Row(0), ATLAS_CUSTOM_ROLE_HAS_NO_PERMISSIONS)
    );

    form.rows[0].toggle(Item::Action(Action::Find));
    let issues = validate_form(&form, &ctx, RoleMode::Create);
    let fields: Vec<Field> = issues.iter().map(|i| i.field.clone()).collect();
    assert_eq!(
        fields,
        vec![
            Field::TargetDb { row: 0, target: 0 },
            Field::TargetCollection { row: 0, target: 0 }
        ]
    );
    assert_eq!(
        issues[0].message,
        "Enter a database name or choose Apply to any database."
    );
    assert_eq!(
        issues[1].message,
        "Enter a collection name or choose Apply to any collection."
    );

    form.rows[0].targets[0] = Target::new(Scope::Named("sales".into()), Scope::Any);
    assert!(validate_form(&form, &ctx, RoleMode::Create).is_empty());

    form.rows.push(Row::new());
    let issues = validate_form(&form, &ctx, RoleMode::Create);
    assert_eq!(issues[0].field, Field::Row(1));
    assert_eq!(
        issues[0].message,
        "Choose an action or role, or remove this row."
    );

    form.rows[1] = Row {
        items: vec![Item::Action(Action::Find), Item::Action(Action::Insert)],
        targets: vec![Target::new(Scope::Named("sales".into()), Scope::Any)],
    };
    let issues = validate_form(&form, &ctx, RoleMode::Create);
    assert_eq!(
        issues.len(),
        1,
        "FIND on sales twice; INSERT is new: {issues:?}"
    );
    assert_eq!(
        (issues[0].field.clone(), issues[0].code),
        (
            Field::TargetDb { row: 1, target: 0 },
            ATLAS_DUPLICATE_CUSTOM_ROLE_RESOURCE
        )
    );
    assert_eq!(
        issues[0].message,
        "FIND on this database and collection is also granted in row 1: both are sent as one privilege."
    );
    // The rows are merged into one privilege when sent, so Atlas never sees the
    // duplicate: a warning, not a reason to block saving.
    assert_eq!(issues[0].severity, Severity::Warning);
    let role = form.to_role();
    let finds: Vec<_> = role.actions.iter().filter(|a| a.action == "FIND").collect();
    assert_eq!(finds.len(), 1, "one FIND privilege: {role:?}");
    assert_eq!(finds[0].resources, vec![Resource::namespace("sales", "")]);
    assert!(validate_role(&role, &ctx, RoleMode::Create).is_empty());

    // The same target twice in one row is merged the same way.
    form.rows[1]
        .targets
        .push(Target::new(Scope::Named("sales".into()), Scope::Any));
    let issues = validate_form(&form, &ctx, RoleMode::Create);
    let in_row: Vec<_> = issues
        .iter()
        .filter(|i| i.field == Field::TargetDb { row: 1, target: 1 })
        .collect();
    assert!(
        in_row.iter().any(|i| i.message
            == "This database and collection is already listed in this row: it is sent once."),
        "{issues:?}"
    );
    assert!(issues.iter().all(|i| i.severity == Severity::Warning));
}

#[test]
fn form_maps_role_level_issues_back_to_rows() {
    let roles = project();
    let clusters = vec![ClusterSummary {
        name: "old".into(),
        mongo_db_version: "6.0".into(),
        ..Default::default()
    }];
    let ctx = ProjectContext {
        clusters: &clusters,
        ..ProjectContext::new(&roles)
    };
    let form = RoleForm {
        name: "xgen-bad".into(),
        rows: vec![
            Row {
                items: vec![Item::Action(Action::Insert)],
                targets: vec![Target::new(Scope::Any, Scope::Any)],
            },
            Row {
                items: vec![Item::BuiltinRole("read".into())],
                targets: vec![Target::new(Scope::Any, Scope::Any)],
            },
            Row {
                items: vec![
                    Item::Action(Action::CheckMetadataConsistency),
                    Item::CustomRole("ghost".into()),
                ],
                targets: vec![Target::blank()],
            },
        ],
        extra: Default::default(),
    };
    let issues = validate_form(&form, &ctx, RoleMode::Create);
    let find = |code| {
        issues
            .iter()
            .find(|i| i.code == code)
            .unwrap_or_else(|| panic!("{code}: {issues:?}"))
    };
    assert_eq!(
        find(ATLAS_RESERVED_CUSTOM_ROLE_RESTRICTED).field,
        Field::Name
    );
    assert_eq!(
        find(ATLAS_INVALID_CUSTOM_ROLE_INHERITED_SCOPE).field,
        Field::TargetDb { row: 1, target: 0 }
    );
    assert_eq!(
        find(CUSTOM_ROLE_ACTIONS_INVALID_FOR_EXISTING_CLUSTERS).field,
        Field::Row(2)
    );
    assert_eq!(
        find(ATLAS_INVALID_CUSTOM_ROLE_INHERITANCE).field,
        Field::Row(2)
    );
    let warn = issues
        .iter()
        .find(|i| i.severity == Severity::Warning)
        .unwrap();
    assert_eq!(
        warn.field,
        Field::TargetDb { row: 0, target: 0 },
        "write-on-any-database warning sits on the target"
    );
    let inherited_scope_count = issues
        .iter()
        .filter(|i| i.code == ATLAS_INVALID_CUSTOM_ROLE_INHERITED_SCOPE)
        .count();
    assert_eq!(
        inherited_scope_count, 1,
        "reported once, not by both layers"
    );
}
