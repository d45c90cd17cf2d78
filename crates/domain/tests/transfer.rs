//! Import and export of custom roles: the formats, the per-role import report, and hostile input.
use crate::common;
use common::{family, ns, role};
use domain::cli::custom_role_command;
use domain::demo;
use domain::model::*;
use domain::transfer::*;
use domain::validate::ProjectContext;

fn orders_reader() -> CustomDbRole {
    role(
        "orders_reader",
        &[
            ("FIND", vec![ns("sales", "orders"), ns("sales", "")]),
            ("SERVER_STATUS", vec![Resource::cluster()]),
        ],
        &[("read", "analytics")],
    )
}

fn statuses(plan: &ImportPlan) -> Vec<(String, ImportStatus)> {
    plan.entries
        .iter()
        .map(|e| (e.name.clone(), e.status.clone()))
        .collect()
}

#[test]
fn one_role_exports_as_the_post_body_and_several_as_an_array_in_creation_order() {
    let one = to_api_json(&[orders_reader()]);
    let v: serde_json::Value = serde_json::from_str(&one).unwrap();
    assert_eq!(v["roleName"], "orders_reader");
    assert_eq!(
        v["actions"][0]["resources"][0],
        serde_json::json!({"cluster": false, "collection": "orders", "db": "sales"})
    );
    let many: Vec<CustomDbRole> = serde_json::from_str(&to_api_json(&family())).unwrap();
    let names: Vec<&str> = many.iter().map(|r| r.role_name.as_str()).collect();
    assert_eq!(
        names,
        ["base", "child"],
        "an inherited role is created first"
    );
}

/// The Atlas CLI reads `--privilege` and `--inheritedRole` as string slices: pflag splits each value on
/// commas (as CSV: a bare `"` makes it fail, a line break ends the list), then the CLI splits a privilege on
/// `@` and keeps only the first two parts (`mongodb/mongodb-atlas-cli` `internal/convert/custom_db_role.go`,
/// `BuildAtlasActions`, `BuildAtlasInheritedRoles`; reference "Resolved since the first edition"). A
/// namespace holding one of these would reach Atlas as other privileges than the role's, so the CLI export
/// refuses it with the reason; JSON and Terraform carry any name.
#[test]
fn the_cli_export_refuses_names_the_cli_would_split() {
    let cases: [(Resource, &str); 5] = [
        (Resource::namespace("sales,admin", ""), ","),
        (Resource::namespace("sales", "orders,x"), ","),
        (Resource::namespace("sales", "a@b"), "@"),
        (Resource::namespace("sales", "say\"hi"), "double quote"),
        (Resource::namespace("sales", "two\nlines"), "line break"),
    ];
    for (resource, what) in cases {
        let role = CustomDbRole {
            role_name: "odd".into(),
            actions: vec![PrivilegeAction {
                action: "FIND".into(),
                resources: vec![Resource::namespace("ok", ""), resource.clone()],
            }],
            inherited_roles: vec![],
        };
        let err = to_cli_script(std::slice::from_ref(&role), "p").unwrap_err();
        assert!(
            err.contains("odd") && err.contains(what),
            "{resource:?}: {err}"
        );
        assert!(custom_role_command(&role, true, "p").is_err());
        // JSON and Terraform carry the name as it is.
        assert!(to_api_json(std::slice::from_ref(&role)).contains(&resource.db));
        assert!(to_terraform(std::slice::from_ref(&role), "p").contains("resources"));
    }
    let inherits = CustomDbRole {
        role_name: "inherits".into(),
        actions: vec![],
        inherited_roles: vec![InheritedRole::new("read", "a@b")],
    };
    assert!(to_cli_script(&[inherits], "p").unwrap_err().contains("@"));
    // A dot in a collection name is fine: the CLI splits db from collection at the first dot only.
    let dotted = CustomDbRole {
        role_name: "dotted".into(),
        actions: vec![PrivilegeAction {
            action: "FIND".into(),
            resources: vec![Resource::namespace("sales", "orders.2024")],
        }],
        inherited_roles: vec![],
    };
    assert!(to_cli_script(&[dotted], "p")
        .unwrap()
        .contains("--privilege FIND@sales.orders.2024"));
}

#[test]
fn the_cli_script_stops_on_failure_and_creates_inherited_roles_first() {
    let s = to_cli_script(&family(), "6650f1c2a4b3c2d1e0f9a8b7").unwrap();
    assert!(s.starts_with("#!/bin/sh\n"));
    assert!(s.contains("\nset -e\n"));
    let base = s.find("atlas customDbRoles create base").unwrap();
    let child = s.find("atlas customDbRoles create child").unwrap();
    assert!(base < child);
    assert!(s.contains("--inheritedRole base@admin"));
    assert_eq!(s.matches("--projectId 6650f1c2a4b3c2d1e0f9a8b7").count(), 2);
}

#[test]
fn terraform_uses_the_provider_attributes_and_orders_by_depends_on() {
    let tf = to_terraform(&[orders_reader()], "p1");
    assert_eq!(
        tf,
        r#"resource "mongodbatlas_custom_db_role" "orders_reader" {
  project_id = "p1"
  role_name  = "orders_reader"

  actions {
    action = "FIND"
    resources {
      database_name = "sales"
      collection_name = "orders"
    }
    resources {
      database_name = "sales"
    }
  }

  actions {
    action = "SERVER_STATUS"
    resources {
      cluster = true
    }
  }

  inherited_roles {
    role_name     = "read"
    database_name = "analytics"
  }
}
"#
    );
    let tf = to_terraform(&family(), "p1");
    assert!(tf.find("\"base\" {").unwrap() < tf.find("\"child\" {").unwrap());
    assert!(tf.contains("depends_on = [mongodbatlas_custom_db_role.base]"));
}

#[test]
fn every_role_of_the_large_demo_survives_export_and_import() {
    let project = demo::large(1_400, 100);
    let parsed = parse_roles(&to_api_json(&project.custom_roles)).unwrap();
    let mut back: Vec<CustomDbRole> = parsed.into_iter().map(Result::unwrap).collect();
    let mut orig = project.custom_roles.clone();
    back.sort_by(|a, b| a.role_name.cmp(&b.role_name));
    orig.sort_by(|a, b| a.role_name.cmp(&b.role_name));
    assert_eq!(back, orig);
    // Imported into an empty project with room for them, all of them would be created.
    let mut empty = demo::large(0, 0);
    empty.custom_role_limit = 1_400;
    let plan = plan_import(
        parse_roles(&to_api_json(&project.custom_roles)).unwrap(),
        &empty.context(),
    );
    assert_eq!(plan.count(|s| *s == ImportStatus::Create), 1_400);
    assert_eq!(plan.to_create().len(), 1_400);
}

#[test]
fn a_list_answer_and_a_single_object_are_read_too() {
    let list = format!(
        "{{\"results\": {}, \"totalCount\": 2}}",
        to_api_json(&family())
    );
    assert_eq!(parse_roles(&list).unwrap().len(), 2);
    assert_eq!(
        parse_roles(&format!("\u{feff}  {}\n", to_api_json(&[orders_reader()])))
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn the_report_says_per_role_what_would_happen_and_why() {
    let existing = vec![
        orders_reader(),
        role("ops", &[("FIND", vec![ns("ops", "")])], &[]),
    ];
    let ctx = ProjectContext::new(&existing);
    let mut reordered = orders_reader();
    reordered.actions.reverse();
    let text = serde_json::to_string(&vec![
        serde_json::to_value(&reordered).unwrap(),                                       // same definition
        serde_json::to_value(role("ops", &[("INSERT", vec![ns("ops", "")])], &[])).unwrap(), // differs
        serde_json::to_value(&family()[0]).unwrap(),                                     // inherits the next
        serde_json::to_value(&family()[1]).unwrap(),
        serde_json::json!({"roleName": "<img src=x onerror=alert(1)>", "actions": [{"action": "FIND", "resources": [{"db": "a", "collection": ""}]}]}),
        serde_json::json!({"roleName": "typo", "actions": [{"action": "FINDD", "resources": [{"db": "a", "collection": "b"}]}]}),
        serde_json::json!({"roleName": "base", "actions": []}),
        serde_json::json!({"roleName": "wrong_types", "actions": "FIND"}),
        serde_json::json!(42),
        serde_json::json!({"rolename": "no_role_name"}),
    ])
    .unwrap();
    let plan = plan_import(parse_roles(&text).unwrap(), &ctx);
    let s = statuses(&plan);
    assert_eq!(s[0].1, ImportStatus::Conflict { identical: true });
    assert_eq!(s[1].1, ImportStatus::Conflict { identical: false });
    assert_eq!(s[2], ("child".into(), ImportStatus::Create));
    assert_eq!(s[3], ("base".into(), ImportStatus::Create));
    let reasons = |i: usize| match &s[i].1 {
        ImportStatus::Invalid(r) => r.join(" "),
        other => panic!("entry {i} is {other:?}"),
    };
    assert!(
        reasons(4).contains("is invalid. A custom role name must be"),
        "{}",
        reasons(4)
    );
    assert!(reasons(5).contains("FINDD"), "{}", reasons(5));
    assert!(reasons(6).contains("another role of this name"));
    assert!(
        reasons(7).contains("invalid type: string \"FIND\", expected a sequence"),
        "{}",
        reasons(7)
    );
    assert!(reasons(8).contains("expected an object with roleName"));
    assert!(
        reasons(9).contains("missing field `roleName`"),
        "{}",
        reasons(9)
    );
    assert_eq!(
        plan.entries.iter().map(|e| e.position).collect::<Vec<_>>(),
        (1..=10).collect::<Vec<_>>()
    );
    let created: Vec<String> = plan.to_create().into_iter().map(|r| r.role_name).collect();
    assert_eq!(created, ["base", "child"]);
}

#[test]
fn a_role_inheriting_a_refused_role_or_a_cycle_is_refused_and_the_limit_counts_the_import() {
    let text = serde_json::to_string(&vec![
        role("a", &[], &[("b", "admin")]),
        role("b", &[], &[("a", "admin")]),
        role("uses_bad", &[], &[("bad-", "admin")]),
        role(
            "bad-",
            &[("NO_SUCH_ACTION", vec![Resource::cluster()])],
            &[],
        ),
    ])
    .unwrap();
    let plan = plan_import(parse_roles(&text).unwrap(), &ProjectContext::new(&[]));
    assert!(
        plan.entries
            .iter()
            .all(|e| matches!(e.status, ImportStatus::Invalid(_))),
        "{:?}",
        statuses(&plan)
    );
    assert!(plan.to_create().is_empty());

    let existing: Vec<CustomDbRole> = (0..99)
        .map(|i| role(&format!("r{i}"), &[("FIND", vec![ns("a", "")])], &[]))
        .collect();
    let mut ctx = ProjectContext::new(&existing);
    ctx.custom_role_limit = 100;
    let text = to_api_json(&family());
    let plan = plan_import(parse_roles(&text).unwrap(), &ctx);
    let s = statuses(&plan);
    assert_eq!(plan.count(|s| *s == ImportStatus::Create), 1, "{s:?}");
    assert!(s.iter().any(|(_, st)| matches!(st, ImportStatus::Invalid(r) if r.join(" ").contains("allows 100 custom roles"))));
}

#[test]
fn unreadable_text_gets_a_clear_message() {
    let msg = |t: &str| parse_roles(t).unwrap_err().to_string();
    assert!(msg("   ").contains("nothing to import"));
    assert!(
        msg("{\"roleName\": \"x\",\n  oops}")
            .contains("not valid JSON: key must be a string at line 2 column 3"),
        "{}",
        msg("{\"roleName\": \"x\",\n  oops}")
    );
    assert!(msg("42").contains("Expected a custom role"));
    assert!(msg("[]").contains("no roles"));
    assert!(msg(&"[".repeat(100_000)).contains("nested more than 16 levels"));
    assert!(msg(&format!("[\"{}\"]", "x".repeat(MAX_IMPORT_BYTES))).contains("at most 5 MB"));
    let too_many = format!("[{}]", vec!["{}"; 1_401].join(","));
    assert!(
        msg(&too_many).contains("at most 1400 custom roles"),
        "{}",
        msg(&too_many)
    );
}

#[test]
fn a_duplicate_gets_the_first_free_copy_name() {
    let roles = vec![
        orders_reader(),
        role("orders_reader_copy", &[], &[("read", "a")]),
        role("ORDERS_READER_COPY_2", &[], &[("read", "a")]),
    ];
    assert_eq!(
        free_copy_name("orders_reader", &roles),
        "orders_reader_copy_3"
    );
    assert_eq!(free_copy_name("ops", &roles), "ops_copy");
}
