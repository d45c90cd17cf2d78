//! The portal end to end against the Admin API emulator (run in-process, with `--require-auth`): token
//! refresh, the allow-list, the caller check, what crosses the proxy, the static files, and a bad
//! configuration refused with the key at fault. On a multi-threaded runtime, as the binary runs (on one
//! thread, a burst of calls through the portal to the emulator's tiny_http server sometimes stalled).
use dbaccess_portal::config::Config;
use serde_json::json;
use std::path::Path;
use std::time::Duration;

mod harness;
mod hostile;
mod operable;
mod roles;
mod token;
use harness::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_token_is_fetched_once_shared_refreshed_when_refused_and_before_it_expires() {
    let (atlas, emu) = emulator(Duration::from_secs(3600));
    let p = portal(&atlas, 60).await;
    // Eight calls at once on an empty cache: one token, fetched once.
    let calls = (0..8).map(|_| p.get(&roles_path()).send());
    for r in futures_join(calls).await {
        assert_eq!(r.unwrap().status(), 200);
    }
    assert_eq!((issued(&emu), p.app.tokens.fetched()), (1, 1));
    // Atlas stops accepting it (revoked, or expired early): fetched again once, and the call succeeds.
    emu.lock().unwrap().tokens.expire_all();
    assert_eq!(p.get(&roles_path()).send().await.unwrap().status(), 200);
    assert_eq!(issued(&emu), 2);

    // Tokens valid 30 s and a 60 s margin: each is still used while a new one is fetched in the background.
    let (atlas, emu) = emulator(Duration::from_secs(30));
    let p = portal(&atlas, 60).await;
    for _ in 0..3 {
        assert_eq!(p.get(&roles_path()).send().await.unwrap().status(), 200);
    }
    until("a token refreshed ahead of its expiry", || {
        issued(&emu) >= 2
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_consoles_operations_are_forwarded() {
    let (atlas, emu) = emulator(Duration::from_secs(3600));
    let p = portal(&atlas, 60).await;
    let refused = [
        (
            reqwest::Method::DELETE,
            format!("/api/atlas/v2/groups/{PROJECT}"),
            403,
            "PORTAL_OPERATION_NOT_ALLOWED",
        ),
        (
            reqwest::Method::GET,
            "/api/atlas/v2/orgs/5e2211c17a3e5a48f5497de0/users".to_string(),
            403,
            "PORTAL_OPERATION_NOT_ALLOWED",
        ),
        (
            reqwest::Method::PUT,
            format!("/api/atlas/v2/groups/{PROJECT}/users/u1/roles"),
            403,
            "PORTAL_OPERATION_NOT_ALLOWED",
        ),
        (
            reqwest::Method::GET,
            format!("/api/atlas/v2/groups/{PROJECT}/customDBRoles/roles/%2e%2e"),
            400,
            "PORTAL_PATH_REFUSED",
        ),
        (
            reqwest::Method::GET,
            format!("{}?envelope=true", roles_path()),
            400,
            "PORTAL_QUERY_REFUSED",
        ),
        (
            reqwest::Method::GET,
            format!("{}?pretty=true", roles_path()),
            400,
            "PORTAL_QUERY_REFUSED",
        ),
        (
            reqwest::Method::GET,
            "/api/oauth/token".to_string(),
            404,
            "PORTAL_NOT_FOUND",
        ),
    ];
    for (method, path, status, code) in refused {
        let r = p
            .write(method.clone(), &path, json!({}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), status, "{method} {path}");
        let e = body(r).await;
        assert_eq!(e["errorCode"], code, "{method} {path}");
        assert_eq!(e["error"], status);
    }
    assert_eq!(p.audit().len(), 7, "every refusal is audited");
    let log = emulator_log(&p, &atlas).await;
    assert!(log.is_empty(), "nothing reached Atlas: {log:?}");
    drop(emu);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_caller_is_checked_and_every_write_is_audited() {
    let (atlas, _emu) = emulator(Duration::from_secs(3600));
    let p = portal(&atlas, 60).await;
    // Nobody signed in.
    let r = p
        .client
        .get(format!("{}{}", p.base, roles_path()))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    assert_eq!(body(r).await["errorCode"], "PORTAL_NOT_SIGNED_IN");
    // Signed in, but not mapped to this project.
    let r = p
        .client
        .get(format!("{}{}", p.base, roles_path()))
        .header("X-Portal-User", "other@example.com")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    assert_eq!(body(r).await["errorCode"], "PORTAL_PROJECT_NOT_ALLOWED");
    // A write from another page.
    let role = json!({ "roleName": "portal_check", "actions": [{ "action": "FIND", "resources": [{ "db": "sales", "collection": "", "cluster": false }] }], "inheritedRoles": [] });
    let r = p
        .client
        .post(format!("{}{}", p.base, roles_path()))
        .header("X-Portal-User", "ada@example.com")
        .header("Origin", "https://evil.example")
        .header("Content-Type", "application/vnd.atlas.2023-01-01+json")
        .body(role.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    assert_eq!(body(r).await["errorCode"], "PORTAL_ORIGIN_REFUSED");
    // From the console: forwarded, Atlas's status and media type come back.
    let r = p
        .write(reqwest::Method::POST, &roles_path(), role)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 202);
    assert_eq!(
        r.headers()["content-type"],
        "application/vnd.atlas.2023-01-01+json;charset=utf-8"
    );
    let audit = p.audit();
    assert_eq!(audit.len(), 4, "{audit:?}");
    assert_eq!(
        [
            &audit[0]["refused"],
            &audit[1]["refused"],
            &audit[2]["refused"]
        ],
        [
            "PORTAL_NOT_SIGNED_IN",
            "PORTAL_PROJECT_NOT_ALLOWED",
            "PORTAL_ORIGIN_REFUSED"
        ]
    );
    assert_eq!(audit[2]["status"], 403);
    let written = &audit[3];
    assert_eq!(written["who"], "ada@example.com");
    assert_eq!(
        written["operation"],
        "POST /api/atlas/v2/groups/{groupId}/customDBRoles/roles"
    );
    assert_eq!(written["project"], PROJECT);
    assert_eq!(written["roles"], json!(["GROUP_OWNER"]));
    assert_eq!(written["credentials"], false);
    assert_eq!(written["status"], 202);
    assert!(written["request"].as_str().is_some_and(|id| !id.is_empty()));
    assert!(!audit
        .iter()
        .any(|l| l.to_string().contains("mdb_sa_sk_emulator")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retry_after_crosses_the_proxy() {
    let (atlas, emu) = emulator(Duration::from_secs(3600));
    let p = portal(&atlas, 60).await;
    let armed = p
        .client
        .post(format!("{atlas}/__emulator/faults"))
        .body(
            json!({ "fault": "429:7", "method": "GET", "path": "/customDBRoles", "times": 1 })
                .to_string(),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(armed.status(), 200);
    drop(emu);
    let r = p.get(&roles_path()).send().await.unwrap();
    assert_eq!(r.status(), 429);
    assert_eq!(r.headers()["retry-after"], "7");
    assert_eq!(body(r).await["errorCode"], "RATE_LIMITED");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_release_build_is_served_compressed_cached_and_under_the_csp() {
    let (atlas, _emu) = emulator(Duration::from_secs(3600));
    let p = portal(&atlas, 60).await;
    // Served at once, before anything is compressed: the portal listens first.
    let r = p
        .client
        .get(format!("{}{WASM}", p.base))
        .header("Accept-Encoding", "br, gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers().get("content-encoding"), None);
    assert_eq!(r.bytes().await.unwrap().len(), 4096);
    p.app.assets.compress();
    let page = p
        .client
        .get(format!("{}/database-access/users", p.base))
        .header("Accept-Encoding", "identity")
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let h = page.headers().clone();
    assert!(h["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("script-src 'self' 'wasm-unsafe-eval'"));
    assert_eq!(h["cache-control"], "no-cache");
    assert!(page.text().await.unwrap().contains("Database Access"));
    for (accept, encoding) in [
        ("br, gzip", Some("br")),
        ("gzip", Some("gzip")),
        ("identity", None),
    ] {
        let r = p
            .client
            .get(format!("{}{WASM}", p.base))
            .header("Accept-Encoding", accept)
            .send()
            .await
            .unwrap();
        assert_eq!(
            r.headers()["cache-control"],
            "public, max-age=31536000, immutable"
        );
        assert_eq!(r.headers()["content-type"], "application/wasm");
        assert_eq!(
            r.headers()
                .get("content-encoding")
                .map(|v| v.to_str().unwrap().to_string()),
            encoding.map(str::to_string),
            "{accept}"
        );
        let len = r.bytes().await.unwrap().len();
        assert!(
            if encoding.is_some() {
                len < 4096
            } else {
                len == 4096
            },
            "{accept}: {len}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_builds_folder_is_cached_for_good_and_a_file_missing_from_one_is_not_found() {
    let (atlas, _emu) = emulator(Duration::from_secs(3600));
    let p = portal(&atlas, 60).await;
    let get = |path: String| p.client.get(format!("{}{path}", p.base)).send();
    let chunk = get(CHUNK.to_string()).await.unwrap();
    assert_eq!(chunk.status(), 200);
    assert_eq!(
        chunk.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(chunk.headers()["content-type"], "application/wasm");
    // A page left open across a deployment asks for its build's chunks, which are gone: a 404 the
    // console turns into "could not load this screen", not the page in the module's place.
    let old = get("/pkg-ffffffffffffffff0000/split_role_editor.wasm".to_string())
        .await
        .unwrap();
    assert_eq!(old.status(), 404);
    assert_eq!(old.headers()["cache-control"], "no-cache");
    // Routes are still the console's page, dots and all.
    let route = get("/database-access/users/admin/ana.pkg-x/edit".to_string())
        .await
        .unwrap();
    assert_eq!(route.status(), 200);
    assert!(route.text().await.unwrap().contains("Database Access"));
}

#[test]
fn a_bad_configuration_is_refused_with_the_key_at_fault() {
    let good = config_text("http://127.0.0.1:9", 60);
    assert!(parse(&good, &env_with_secret).is_ok());
    type Env<'a> = &'a dyn Fn(&str) -> Option<String>;
    let cases: [(String, Env, &str); 7] = [
        (
            good.replace("listen =", "listn ="),
            &env_with_secret,
            "listn",
        ),
        (
            good.replace("127.0.0.1:0", "localhost"),
            &env_with_secret,
            "listen",
        ),
        (
            good.replace("http://console.example.test", "console.example.test"),
            &env_with_secret,
            "console_origin",
        ),
        (
            good.replace("http://127.0.0.1:9", "ftp://x"),
            &env_with_secret,
            "atlas_base_url",
        ),
        (
            good.replace(PROJECT, "not-a-project"),
            &env_with_secret,
            "access.\"ada@example.com\"[0]",
        ),
        (good.clone(), &|_| None, "DBACCESS_PORTAL_CLIENT_SECRET"),
        (
            good.replace("client_id = \"mdb_sa_id_emulator\"", "client_id = \"\""),
            &env_with_secret,
            "service_account.client_id",
        ),
    ];
    for (text, env, key) in cases {
        let e = parse(&text, env).unwrap_err();
        assert!(e.contains(key), "{key}: {e}");
        assert!(
            !e.contains("mdb_sa_sk_emulator"),
            "the secret never shows: {e}"
        );
    }
    let dir = Path::new("/nonexistent-portal-dist");
    assert!(Config::parse(&good, dir, &env_with_secret)
        .unwrap_err()
        .starts_with("dist:"));
}
