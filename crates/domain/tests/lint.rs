//! The least-privilege lint: each rule on the demo project or a small project made to trigger it.
use domain::demo;
use domain::lint::{lint_project, lint_role, Finding, LintSeverity, Location};
use domain::project_access::{Member, MemberKind};

mod common;
use common::{ns, role, user};

fn about<'a>(findings: &'a [Finding], location: &str) -> Vec<&'a Finding> {
    findings
        .iter()
        .filter(|f| f.location.label() == location)
        .collect()
}

#[test]
fn the_demo_project_reports_writes_on_any_database_builtin_copies_and_implied_actions() {
    let p = demo::standard();
    let all = lint_project(&p.custom_roles, &p.users, &p.members());
    let severities: Vec<LintSeverity> = all.iter().map(|f| f.severity).collect();
    let mut sorted = severities.clone();
    sorted.sort();
    assert_eq!(severities, sorted, "most severe first");

    let tuner = about(&all, "Custom role index_tuner");
    assert_eq!(tuner.len(), 2);
    assert!(tuner.iter().all(|f| f.severity == LintSeverity::Error));
    assert!(tuner[0]
        .message
        .starts_with("CREATE_INDEX on any database can write to every database"));

    let monitor = about(&all, "Custom role ops_monitor");
    assert!(monitor.iter().any(|f| f.severity == LintSeverity::Warning
        && f.message
            .contains("exactly what the built-in role clusterMonitor@admin grants")));
    assert!(monitor.iter().any(|f| f.severity == LintSeverity::Suggestion
        && f.message == "SERVER_STATUS on cluster is already granted by clusterMonitor@admin: the action can go."));

    let inv = about(&all, "Custom role inventory_admin");
    assert_eq!(inv.len(), 1);
    assert!(inv[0]
        .message
        .contains("CREATE_INDEX on inventory is already granted by readWrite@inventory"));
    assert!(
        about(&all, "Custom role orders_reader").is_empty(),
        "a tight role has no findings"
    );
}

#[test]
fn a_role_no_user_holds_and_users_with_overlapping_roles_are_suggestions() {
    let roles = vec![
        role("narrow", &[("FIND", vec![ns("sales", "orders")])], &[]),
        role("wide", &[("FIND", vec![ns("sales", "")])], &[]),
        role("twin", &[("FIND", vec![ns("sales", "")])], &[]),
        role("orphan", &[("FIND", vec![ns("hr", "")])], &[]),
        role("parent", &[], &[("orphan", "admin")]),
    ];
    let users = vec![
        user("u1", &[("narrow", "admin"), ("wide", "admin")]),
        user("u2", &[("wide", "admin"), ("twin", "admin")]),
    ];
    let all = lint_project(&roles, &users, &[]);
    let unheld: Vec<String> = all
        .iter()
        .filter(|f| f.message.starts_with("No database user holds it"))
        .map(|f| f.location.label())
        .collect();
    assert_eq!(unheld, ["Custom role orphan", "Custom role parent"]);
    let u1 = about(&all, "Database user u1");
    assert_eq!(u1.len(), 1);
    assert!(u1[0]
        .message
        .starts_with("narrow adds nothing: wide already grants everything it does"));
    let u2 = about(&all, "Database user u2");
    assert_eq!(u2.len(), 1, "two equal roles are reported once: {u2:?}");
    assert!(u2[0].message.starts_with("twin adds nothing: wide"));

    // In the editor, a role not yet created isn't "held by nobody".
    let new = role("brand_new", &[("FIND", vec![ns("x", "")])], &[]);
    assert!(lint_role(&new, &roles, &users, false).is_empty());
}

#[test]
fn keys_and_service_accounts_holding_project_owner_next_to_purpose_built_roles_are_warned() {
    let member = |kind, roles: &[&str]| Member {
        kind,
        id: "id".into(),
        name: "ci".into(),
        detail: String::new(),
        roles: roles.iter().map(|r| r.to_string()).collect(),
    };
    let lint = |m: Member| lint_project(&[], &[], &[m]);
    let warned = lint(member(
        MemberKind::ApiKey,
        &["GROUP_OWNER", "GROUP_CLUSTER_LOG_VIEWER"],
    ));
    assert_eq!(warned.len(), 1);
    assert_eq!(warned[0].severity, LintSeverity::Warning);
    assert!(matches!(
        warned[0].location,
        Location::Member {
            kind: MemberKind::ApiKey,
            ..
        }
    ));
    assert!(
        warned[0].message.contains("Project Owner"),
        "{}",
        warned[0].message
    );
    assert_eq!(
        lint(member(
            MemberKind::ServiceAccount,
            &["GROUP_OWNER", "GROUP_CLUSTER_LOG_VIEWER"]
        ))
        .len(),
        1
    );
    assert!(
        lint(member(MemberKind::ApiKey, &["GROUP_OWNER"])).is_empty(),
        "nothing narrower to suggest"
    );
    assert!(
        lint(member(
            MemberKind::User,
            &["GROUP_OWNER", "GROUP_CLUSTER_LOG_VIEWER"]
        ))
        .is_empty(),
        "people are not keys"
    );
    assert!(lint(member(MemberKind::ApiKey, &["GROUP_CLUSTER_LOG_VIEWER"])).is_empty());
}
