//! Hostile paths, generated: mixes of `..`, `\`, `%2e`, `%2f`, `%5c`, `;`, `//`, Unicode and case sent as
//! raw request targets by a person mapped to one project. Whatever reaches Atlas must be an operation the
//! console sends, on her project (or her project's organization's teams), with the very path the portal
//! checked and audited.
use super::harness::fake_atlas::{self, HERS, HER_ORG, OTHER, OTHER_ORG};
use super::harness::*;
use proptest::prelude::*;
use std::sync::atomic::Ordering;

fn config(atlas: &str) -> String {
    config_for(
        atlas,
        "",
        "source = \"config\"",
        &format!(r#""her@example.com" = {{ "{HERS}" = ["GROUP_OWNER"] }}"#),
    )
}

/// What no path that reaches Atlas may hold, read independently of the portal's parser.
fn looks_safe(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    path.starts_with('/')
        && !path.contains('\\')
        && !path.contains(';')
        && !["%2e", "%2f", "%5c", "%00"]
            .iter()
            .any(|e| lower.contains(e))
        && path[1..]
            .split('/')
            .all(|s| !s.is_empty() && s != "." && s != "..")
}

fn on_her_project(path: &str) -> bool {
    let s: Vec<&str> = path.split('/').collect();
    matches!(s.as_slice(), ["", "api", "atlas", "v2", "groups", id, ..] if *id == HERS)
        || matches!(s.as_slice(), ["", "api", "atlas", "v2", "orgs", id, "teams"] if *id == HER_ORG)
}

fn segment() -> impl Strategy<Value = String> {
    prop_oneof![
        // Whole tails the console sends, so generated paths reach Atlas too.
        8 => Just("customDBRoles/roles".to_string()),
        4 => Just("customDBRoles/roles/r1".to_string()),
        4 => Just("databaseUsers/admin/ada%40example.com".to_string()),
        4 => Just("databaseUsers".to_string()),
        2 => Just("users/5e4bc367c6b0f41bb9bbb178:addRole".to_string()),
        2 => Just("teams".to_string()),
        1 => Just("..".to_string()),
        1 => Just(".".to_string()),
        1 => Just("%2e%2e".to_string()),
        1 => Just("%2E.".to_string()),
        1 => Just(".%2e".to_string()),
        1 => Just("%2e".to_string()),
        1 => Just("..\\..\\..".to_string()),
        1 => Just(format!("..\\{OTHER}")),
        1 => Just(format!("x\\..\\..\\{OTHER}\\databaseUsers")),
        1 => Just("%2f".to_string()),
        1 => Just("%5c".to_string()),
        1 => Just("%5C..%5C".to_string()),
        1 => Just("a%2F..%2F..".to_string()),
        1 => Just(";".to_string()),
        1 => Just("x;y=1".to_string()),
        1 => Just("%3b".to_string()),
        1 => Just("".to_string()),
        1 => Just("é".to_string()),
        1 => Just("%C3%A9".to_string()),
        1 => Just("%C0%AE%C0%AE".to_string()),
        1 => Just("%00".to_string()),
        1 => Just("ＧＲＯＵＰＳ".to_string()),
        1 => Just("api".to_string()),
        1 => Just("atlas".to_string()),
        1 => Just("v2".to_string()),
        1 => Just("groups".to_string()),
        1 => Just("GROUPS".to_string()),
        1 => Just("orgs".to_string()),
        1 => Just(HERS.to_string()),
        1 => Just(HERS.to_ascii_uppercase()),
        1 => Just(OTHER.to_string()),
        1 => Just(HER_ORG.to_string()),
        1 => Just(OTHER_ORG.to_string()),
        1 => Just("teams".to_string()),
        1 => Just("databaseUsers".to_string()),
        1 => Just("admin".to_string()),
        1 => Just("customDBRoles".to_string()),
        1 => Just("roles".to_string()),
        1 => Just("users".to_string()),
        1 => Just("u1:addRole".to_string()),
        1 => Just("apiKeys".to_string()),
        1 => Just("x".to_string()),
        1 => Just("%40".to_string()),
    ]
}

fn separator() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        16 => Just("/"),
        1 => Just("\\"),
        1 => Just("//"),
        1 => Just("/./"),
        1 => Just("%2f"),
        1 => Just("/%2e%2e/"),
    ]
}

fn target() -> impl Strategy<Value = String> {
    let start = prop_oneof![
        3 => Just(format!("/api/atlas/v2/groups/{HERS}/")),
        1 => Just("/api/atlas/v2/".to_string()),
        1 => Just("/api/atlas/v2/groups/".to_string()),
        1 => Just(format!("/api/atlas/v2/orgs/{HER_ORG}/")),
    ];
    let query = prop_oneof![
        4 => Just(""),
        1 => Just("?envelope=true"),
        1 => Just("?pageNum=1"),
        1 => Just("?itemsPerPage=500&pageNum=2"),
        1 => Just("?pretty=true&pageNum=1"),
    ];
    (
        start,
        proptest::collection::vec((segment(), separator()), 1..4),
        query,
    )
        .prop_map(|(start, parts, query)| {
            let mut t = start;
            for (i, (s, sep)) in parts.iter().enumerate() {
                if i > 0 {
                    t.push_str(sep);
                }
                t.push_str(s);
            }
            t.push_str(query);
            t
        })
}

fn method() -> impl Strategy<Value = &'static str> {
    prop_oneof![4 => Just("GET"), 1 => Just("POST"), 1 => Just("PATCH"), 1 => Just("DELETE"), 1 => Just("PUT")]
}

#[test]
fn whatever_reaches_atlas_is_a_console_operation_on_her_project_with_the_checked_path() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let (atlas, fake) = rt.block_on(fake_atlas::start());
    let p = rt.block_on(portal_with(&config(&atlas)));
    // The issue's own tricks first, then generated ones.
    let known = [
        ("GET", format!("/api/atlas/v2/groups/{HERS}/databaseUsers/x/..\\..\\..\\{OTHER}\\databaseUsers")),
        ("DELETE", format!("/api/atlas/v2/groups/{HERS}/customDBRoles/roles/x\\..\\..\\..\\..\\{OTHER}\\customDBRoles\\roles\\r")),
        ("DELETE", format!("/api/atlas/v2/groups/{HERS}/customDBRoles/roles/..\\..\\..")),
        ("GET", format!("/api/atlas/v2/groups/{HERS}/customDBRoles/roles/..\\..\\..\\..\\..\\orgs")),
    ];
    let check = |method: &str, target: &str| -> Result<(), TestCaseError> {
        let before = fake.forwarded.lock().unwrap().len();
        let audited = p.audit().len();
        let (status, body) = rt.block_on(raw_request(
            &p.base,
            method,
            target,
            &[
                ("X-Portal-User", "her@example.com"),
                ("Origin", ORIGIN),
                ("Content-Type", "application/json"),
            ],
        ));
        prop_assert!(status != 0, "the portal answered {method} {target}");
        let forwarded: Vec<(String, String)> = fake.forwarded.lock().unwrap()[before..].to_vec();
        prop_assert!(
            forwarded.len() <= 1,
            "one request, at most one forward: {forwarded:?}"
        );
        if let Some((m, sent)) = forwarded.first() {
            let (path, _query) = sent.split_once('?').unwrap_or((sent, ""));
            prop_assert!(
                looks_safe(path),
                "{method} {target} reached Atlas as {sent}"
            );
            prop_assert!(
                on_her_project(path),
                "{method} {target} reached Atlas as {sent}"
            );
            let dm = domain::api::Method::parse(m).unwrap();
            prop_assert!(
                domain::permissions::console_operation(dm, path).is_some(),
                "{method} {target} reached Atlas as {m} {sent}, not a console operation"
            );
            prop_assert!(status == 200, "{method} {target}: {status}");
            // The path sent is the path checked: the audit line (writes) names it byte for byte.
            if m != "GET" {
                let audit = p.audit();
                let line = audit.last().unwrap();
                prop_assert!(audit.len() == audited + 1);
                prop_assert_eq!(line["path"].as_str(), Some(path), "{} {}", method, target);
            }
        } else {
            prop_assert!(
                status != 200,
                "{method} {target} answered 200 without reaching Atlas"
            );
            if body.contains("errorCode") {
                // Every refusal of the portal's is audited.
                prop_assert_eq!(p.audit().len(), audited + 1, "{} {}", method, target);
            } else {
                // A request line that isn't HTTP (raw non-ASCII) is refused by the HTTP server itself.
                prop_assert_eq!(status, 400, "{} {}: {}", method, target, body);
            }
        }
        Ok(())
    };
    for (m, t) in &known {
        check(m, t).unwrap();
        assert!(
            fake.forwarded
                .lock()
                .unwrap()
                .iter()
                .all(|(_, sent)| !sent.contains(OTHER)),
            "{m} {t} reached the other project"
        );
    }
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 600,
        failure_persistence: None,
        // A fixed seed: the same paths on every run, so the count of forwarded ones below is stable.
        // Change it to explore others; a failure prints the minimal path.
        rng_seed: proptest::test_runner::RngSeed::Fixed(26),
        ..ProptestConfig::default()
    });
    runner
        .run(&(method(), target()), |(m, t)| check(m, &t))
        .unwrap();
    // The generator reached Atlas too, so the property above was tested on forwarded requests.
    let reached = fake.forwarded.lock().unwrap().len();
    assert!(
        reached >= 10,
        "only {reached} generated requests were forwarded"
    );
    assert_eq!(fake.token_requests.load(Ordering::SeqCst), 1);
}
