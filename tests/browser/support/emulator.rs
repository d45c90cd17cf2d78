//! The Admin API emulator the HTTP tests run against (`scripts/test browser` starts it).
/// The emulator's address, from `DBACCESS_EMULATOR` at build time.
pub fn emu_url() -> &'static str {
    option_env!("DBACCESS_EMULATOR").unwrap_or_else(|| {
        panic!("DBACCESS_EMULATOR is not set: run these tests with scripts/test browser, which starts the emulator")
    })
}

/// The emulator's project (the standard demo's id).
pub const EMU_PROJECT: &str = "6650f1c2a4b3c2d1e0f9a8b7";

/// Sends `body` to the emulator's test control `what` and returns its JSON answer.
pub async fn emu_control(method: &str, what: &str, body: &str) -> serde_json::Value {
    let url = format!("{}/__emulator/{what}", emu_url());
    let res = gloo_net::http::RequestBuilder::new(&url)
        .method(method.parse().unwrap())
        .header("Content-Type", "application/json")
        .body(body.to_string())
        .unwrap()
        .send()
        .await
        .expect("the emulator answers");
    let ok = res.ok();
    let text = res.text().await.unwrap();
    assert!(ok, "control {what}: {text}");
    serde_json::from_str(&text).unwrap_or(serde_json::Value::Null)
}

/// Back to the standard demo project, no faults armed, an empty request log.
pub async fn emu_reset() {
    emu_control("POST", "reset", "").await;
}

/// Arms `fault` for the next `times` requests matching `method` and a path containing `path`.
pub async fn emu_arm(fault: &str, method: &str, path: &str, times: u32) {
    let body =
        serde_json::json!({ "fault": fault, "method": method, "path": path, "times": times });
    emu_control("POST", "faults", &body.to_string()).await;
}

/// Lets every answer held by a `hold` fault go.
pub async fn emu_release() {
    emu_control("POST", "release", "{}").await;
}

/// `METHOD path status` of each API request the emulator answered.
pub async fn emu_requests() -> Vec<String> {
    let url = format!("{}/__emulator/requests", emu_url());
    let res = gloo_net::http::Request::get(&url).send().await.unwrap();
    res.json().await.unwrap()
}

/// Each write the emulator was sent: `{"request": "METHOD path status", "body": …}`, in order.
pub async fn emu_bodies() -> Vec<serde_json::Value> {
    let url = format!("{}/__emulator/bodies", emu_url());
    let res = gloo_net::http::Request::get(&url).send().await.unwrap();
    res.json().await.unwrap()
}

/// How many `method` requests to a path containing `path` the emulator answered.
pub async fn emu_sent(method: &str, path: &str) -> usize {
    emu_requests()
        .await
        .iter()
        .filter(|l| l.starts_with(method) && l.contains(path))
        .count()
}
