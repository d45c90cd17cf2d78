//! The token never stalls the portal: a token endpoint that accepts and never answers costs a caller at
//! most the token timeout (then 504 in the envelope), and while a token is valid no caller waits on a
//! refresh, even one that hangs.
use super::harness::fake_atlas::{self, HERS};
use super::harness::*;
use std::sync::atomic::Ordering;
use std::time::Duration;

fn config(atlas: &str, margin: u64) -> String {
    config_for(
        atlas,
        &format!("request_timeout_seconds = 5\ntoken_timeout_seconds = 1\ntoken_refresh_margin_seconds = {margin}"),
        "source = \"config\"",
        &format!(r#""her@example.com" = {{ "{HERS}" = ["GROUP_OWNER"] }}"#),
    )
}

fn path() -> String {
    format!("/api/atlas/v2/groups/{HERS}/customDBRoles/roles")
}

/// A generous deadline for a whole step, so a broken portal fails the test instead of hanging it.
async fn within<T>(what: &str, f: impl std::future::Future<Output = T>) -> T {
    tokio::time::timeout(Duration::from_secs(120), f)
        .await
        .unwrap_or_else(|_| panic!("{what} never answered"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hung_token_endpoint_answers_callers_with_504_and_the_portal_recovers() {
    let (atlas, fake) = fake_atlas::start().await;
    fake.hang_tokens.store(true, Ordering::SeqCst);
    let p = portal_with(&config(&atlas, 60)).await;
    let calls = (0..3).map(|_| p.get_as("her@example.com", &path()).send());
    for r in within("callers behind a hung token request", futures_join(calls)).await {
        let r = r.unwrap();
        assert_eq!(r.status(), 504);
        assert_eq!(body(r).await["errorCode"], "PORTAL_TOKEN_TIMEOUT");
    }
    assert!(
        fake.token_requests.load(Ordering::SeqCst) >= 1,
        "the token endpoint was asked"
    );
    // The endpoint answers again: so does the portal.
    fake.hang_tokens.store(false, Ordering::SeqCst);
    let r = within(
        "a call after recovery",
        p.get_as("her@example.com", &path()).send(),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(fake.forwarded.lock().unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn while_the_token_is_valid_no_caller_waits_on_a_refresh() {
    let (atlas, fake) = fake_atlas::start().await;
    // Tokens live an hour and the margin is two: every call finds its token due for a refresh.
    let p = portal_with(&config(&atlas, 7200)).await;
    for _ in 0..2 {
        let r = within("a call", p.get_as("her@example.com", &path()).send())
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
    }
    until("the first background refresh", || {
        fake.tokens_issued.load(Ordering::SeqCst) >= 2
    })
    .await;
    // From now on the refresh hangs; the still-valid token serves every caller.
    fake.hang_tokens.store(true, Ordering::SeqCst);
    let asked = fake.token_requests.load(Ordering::SeqCst);
    for _ in 0..5 {
        let r = within(
            "a call during a hung refresh",
            p.get_as("her@example.com", &path()).send(),
        )
        .await
        .unwrap();
        assert_eq!(r.status(), 200);
    }
    until("the hung refresh under way", || {
        fake.token_requests.load(Ordering::SeqCst) > asked
    })
    .await;
    let r = within(
        "a call after the refresh hung",
        p.get_as("her@example.com", &path()).send(),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(fake.forwarded.lock().unwrap().len(), 8);
}
