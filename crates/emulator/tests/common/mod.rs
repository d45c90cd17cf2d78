//! What the emulator's test files share: the Admin API v2 OpenAPI subset in `spec/`, as JSON.
#![allow(dead_code)] // each test binary uses a different subset
use serde_json::Value;

/// `spec/atlas-openapi-subset.yaml` as it is written (the contract tests apply their errata on top).
pub fn read_spec() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../spec/atlas-openapi-subset.yaml"
    );
    let text = std::fs::read_to_string(path).expect("spec/atlas-openapi-subset.yaml");
    serde_norway::from_str(&text).expect("the OpenAPI document is YAML")
}

/// Sends one Admin API request (version 2023-01-01) to `emu`, with `body` unless it is null.
pub fn send(
    emu: &mut atlas_emulator::Emulator,
    method: &str,
    path: &str,
    body: Value,
) -> atlas_emulator::Reply {
    let mut req = atlas_emulator::Request::from_url(method, path);
    req.accept = Some("application/vnd.atlas.2023-01-01+json".into());
    if !body.is_null() {
        req.body = body.to_string();
    }
    emu.handle(&req)
}
