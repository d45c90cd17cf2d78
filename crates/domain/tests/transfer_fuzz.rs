//! The import parser under hostile input (the fuzz target): arbitrary bytes, JSON-shaped fragments and
//! role-shaped arrays, 2,000 cases each; every role the plan offers to create passes `validate_role`
//! against the project plus the roles offered before it. Run longer with
//! `PROPTEST_CASES=200000 cargo test -p domain --test domain_tests -- transfer_fuzz::`.
#![cfg(not(target_arch = "wasm32"))] // proptest is a native-only dev-dependency
use domain::demo;
use domain::transfer::*;
use domain::validate::ProjectContext;
use proptest::prelude::*;

/// Pieces of role JSON, so generated texts reach past the first byte of the parser.
fn fragments() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("{".to_string()),
        Just("}".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just(",".to_string()),
        Just(":".to_string()),
        Just("\"roleName\"".to_string()),
        Just("\"actions\"".to_string()),
        Just("\"resources\"".to_string()),
        Just("\"inheritedRoles\"".to_string()),
        Just("\"results\"".to_string()),
        Just("\"db\"".to_string()),
        Just("true".to_string()),
        Just("null".to_string()),
        Just("1e999".to_string()),
        Just("\"\\u0000\"".to_string()),
        Just("\"FIND\"".to_string()),
        "\"[a-z<>&]{0,8}\"".prop_map(String::from),
        any::<i64>().prop_map(|n| n.to_string()),
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    // 2,000 cases by default; PROPTEST_CASES=… runs the fuzz target longer.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2_000)
    ))]

    // The import parser's fuzz target (see the README): any bytes give a report or an error, never a panic.
    #[test]
    fn any_bytes_are_reported_never_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(parsed) = parse_roles(&text) {
            let plan = plan_import(parsed, &ProjectContext::new(&[]));
            prop_assert!(!plan.entries.is_empty());
        }
    }

    #[test]
    fn json_shaped_text_is_reported_never_a_panic(text in fragments()) {
        match parse_roles(&text) {
            Ok(parsed) => {
                let n = parsed.len();
                let plan = plan_import(parsed, &ProjectContext::new(&[]));
                prop_assert_eq!(plan.entries.len(), n);
                // Whatever was read, only valid roles are ever offered for creation.
                prop_assert!(plan.to_create().len() <= n);
                offered_roles_validate(&plan, &ProjectContext::new(&[]))?;
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    // Role-shaped imports (names that clash with each other and the project, inheritance in any order,
    // cycles, unknown actions and databases): every role offered passes validate_role when created in
    // the order offered, as Atlas would check it.
    #[test]
    fn every_role_offered_for_creation_passes_validate_role(text in roles_json()) {
        let project = demo::DemoKind::Standard.project();
        let ctx = ProjectContext::new(&project.custom_roles);
        if let Ok(parsed) = parse_roles(&text) {
            let plan = plan_import(parsed, &ctx);
            offered_roles_validate(&plan, &ctx)?;
        }
    }
}

/// Checks each role of `plan.to_create()` against the project plus the roles offered before it.
fn offered_roles_validate(
    plan: &ImportPlan,
    ctx: &ProjectContext<'_>,
) -> Result<(), TestCaseError> {
    use domain::validate::{validate_role, RoleMode};
    let mut created = ctx.custom_roles.to_vec();
    for role in plan.to_create() {
        let with_created = ProjectContext {
            custom_roles: &created,
            ..*ctx
        };
        let errors: Vec<String> = validate_role(&role, &with_created, RoleMode::Create)
            .into_iter()
            .filter(|i| i.is_error())
            .map(|i| i.message)
            .collect();
        prop_assert!(
            errors.is_empty(),
            "{} was offered: {:?}",
            role.role_name,
            errors
        );
        created.push(role);
    }
    Ok(())
}

/// An array of up to 5 role definitions built from a few clashing names and grants.
fn roles_json() -> impl Strategy<Value = String> {
    let names = || prop::sample::select(vec!["a", "b", "c", "orders_reader", "", "read", "x.y"]);
    let action = prop::sample::select(vec!["FIND", "INSERT", "SHUTDOWN", "LIST_DATABASES", "NOPE"]);
    let db = prop::sample::select(vec!["sales", "", "admin", "local", "config"]);
    let resource = prop_oneof![
        (db, prop::sample::select(vec!["", "orders", "system.js"]))
            .prop_map(|(d, c)| serde_json::json!({"db": d, "collection": c})),
        Just(serde_json::json!({"cluster": true})),
    ];
    let privilege = (action, proptest::collection::vec(resource, 0..3))
        .prop_map(|(a, r)| serde_json::json!({"action": a, "resources": r}));
    let inherited = (names(), prop::sample::select(vec!["admin", "sales"]))
        .prop_map(|(r, d)| serde_json::json!({"role": r, "db": d}));
    let role = (
        names(),
        proptest::collection::vec(privilege, 0..3),
        proptest::collection::vec(inherited, 0..3),
    )
        .prop_map(
            |(n, a, i)| serde_json::json!({"roleName": n, "actions": a, "inheritedRoles": i}),
        );
    proptest::collection::vec(role, 1..6).prop_map(|v| serde_json::Value::from(v).to_string())
}
