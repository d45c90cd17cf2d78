//! Operable: who the caller is can't be confused (one identity header; only through the sign-in proxy when
//! configured), an oversized body is refused in the envelope, and no secret is ever echoed.
use super::harness::*;
use serde_json::json;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_identity_header_and_only_through_the_sign_in_proxy() {
    let (atlas, _emu) = emulator(Duration::from_secs(3600));
    let p = portal(&atlas, 60).await;
    let r = p
        .get_as("ada@example.com", &roles_path())
        .header("X-Portal-User", "rory@example.com")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(body(r).await["errorCode"], "PORTAL_IDENTITY_AMBIGUOUS");

    let text = config_text(&atlas, 60).replace(
        "[service_account]",
        "[sign_in]\nproxy_secret_header = \"X-Portal-Proxy-Secret\"\n\n[service_account]",
    );
    let env = |name: &str| match name {
        "DBACCESS_PORTAL_PROXY_SECRET" => Some("a-long-shared-secret-1234".to_string()),
        other => env_with_secret(other),
    };
    let config = dbaccess_portal::config::Config::parse(&text, &dist(), &env).unwrap();
    let guarded = portal_from(config).await;
    let r = guarded.get(&roles_path()).send().await.unwrap();
    assert_eq!(r.status(), 401, "the identity header alone isn't trusted");
    assert_eq!(body(r).await["errorCode"], "PORTAL_NOT_SIGNED_IN");
    let r = guarded
        .get(&roles_path())
        .header("X-Portal-Proxy-Secret", "a-long-shared-secret-123")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401, "a wrong secret");
    let r = guarded
        .get(&roles_path())
        .header("X-Portal-Proxy-Secret", "a-long-shared-secret-1234")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers().contains_key("x-request-id"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_oversized_body_is_refused_in_the_envelope_and_audited() {
    let (atlas, _emu) = emulator(Duration::from_secs(3600));
    // A small limit, so the whole body fits the socket's buffers and the answer is always read.
    let text = config_text(&atlas, 60).replace(
        "upstream_keep_alive = false",
        "upstream_keep_alive = false\nmax_body_bytes = 1024",
    );
    let p = portal_with(&text).await;
    let fits = json!({ "roleName": "x".repeat(900) });
    let r = p
        .write(reqwest::Method::POST, &roles_path(), fits)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400, "forwarded: Atlas refuses the name");
    let big = json!({ "roleName": "x".repeat(1100) });
    let r = p
        .write(reqwest::Method::POST, &roles_path(), big)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 413);
    assert_eq!(body(r).await["errorCode"], "PORTAL_BODY_TOO_LARGE");
    let audit = p.audit();
    assert_eq!(audit.len(), 2);
    assert_eq!(audit[1]["refused"], "PORTAL_BODY_TOO_LARGE");
}

#[test]
fn a_secret_in_the_wrong_place_is_never_echoed() {
    let secret = "mdb_sa_sk_pasted_by_mistake_42";
    let good = config_text("http://127.0.0.1:9", 60);
    for text in [
        good.replace(
            "client_id = \"mdb_sa_id_emulator\"",
            &format!("client_id = \"mdb_sa_id_emulator\"\nclient_secret = \"{secret}\""),
        ),
        good.replace(
            "client_id = \"mdb_sa_id_emulator\"",
            &format!("client_id = \"mdb_sa_id_emulator\"\nsecret_env = \"{secret}\""),
        ),
        good.replace(
            "client_id = \"mdb_sa_id_emulator\"",
            &format!("client_id = [\"{secret}\"]"),
        ),
    ] {
        let e = parse(&text, &env_with_secret).unwrap_err();
        assert!(!e.contains(secret), "echoed: {e}");
        assert!(
            e.contains("line") || e.contains("secret_env"),
            "names where: {e}"
        );
    }
    let pasted = good.replace(
        "client_id = \"mdb_sa_id_emulator\"",
        &format!("client_id = \"mdb_sa_id_emulator\"\nclient_secret = \"{secret}\""),
    );
    let line = pasted
        .lines()
        .position(|l| l.starts_with("client_secret"))
        .unwrap()
        + 1;
    let e = parse(&pasted, &env_with_secret).unwrap_err();
    assert!(
        e.contains(&format!("line {line}, column 1")) && e.contains("client_secret"),
        "{e}"
    );
}
