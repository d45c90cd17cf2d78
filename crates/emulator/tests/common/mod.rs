//! What the emulator's test files share: the Admin API v2 OpenAPI subset in `spec/`, as JSON.
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
