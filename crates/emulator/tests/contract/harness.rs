//! What the contract tests share: the OpenAPI document read as JSON Schema (with its errata), requests
//! checked against their operation, answers sent through the emulator and validated as the HTTP backend
//! reads them.
use atlas_emulator::{Emulator, Reply, Request, Settings};
use domain::api::Call;
use jsonschema::{Draft, Registry};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use std::sync::OnceLock;

pub const SPEC_URI: &str = "urn:atlas-openapi";

pub fn spec() -> &'static Value {
    static SPEC: OnceLock<Value> = OnceLock::new();
    SPEC.get_or_init(|| {
        let mut doc = super::common::read_spec();
        errata(&mut doc);
        doc
    })
}

/// Where the OpenAPI document can't be read as JSON Schema as it stands, or contradicts itself, it is
/// adjusted here, narrowly and each for a stated reason (every other rule is checked as published):
/// 1. OpenAPI `discriminator` + `oneOf` whose members `allOf` the base schema recurse forever as plain JSON
///    Schema; they become "the base's own properties, and exactly one member, which includes a copy of the
///    base without the `oneOf`" — the OpenAPI meaning.
///    Where the discriminator has a `mapping`, the `oneOf` becomes one `if`/`then` per value instead.
/// 2. `DatabaseUserRole.roleName` lists built-in roles plus the placeholder `<a custom role name>`; its
///    description says any custom role name is allowed, so the enum is dropped.
/// 3. `ApiError.parameters` says objects; Atlas sends strings (e.g. the name that was not found), and the
///    console reads any JSON there, so any item is accepted.
/// 4. `Group.name`'s pattern has no space, yet Atlas names every organization's first project "Project 0";
///    the pattern is not applied to answers.
/// 5. `DatabasePermittedNamespaceResource` requires `cluster`, `collection` and `db`, yet Atlas's answers
///    leave out `cluster` when false and `collection` when empty (`../shared/atlas-recordings/customdbroles`,
///    for requests that sent all three): `required` is dropped. The console's requests still carry all
///    three (`model::Resource` always serializes them).
/// 6. `CloudRegionConfig20240805.regionName` is a `oneOf` of the three providers' region enums (strings)
///    yet also says `type: object`, which no region name can be (the 2023 `CloudRegionConfig` has the same
///    `oneOf`, and the Go SDK reads it as a string): the `type` is dropped.
/// 7. `HardwareSpec20240805` is a `oneOf` of the AWS, Azure, GCP and tenant hardware specs with no
///    discriminator, so a dedicated cluster's `{"instanceSize": "M30"}` (an AWS and a GCP size) matches two
///    and fails; the region config's `providerName` already names the provider: `anyOf` instead.
pub fn errata(doc: &mut Value) {
    let schemas = doc["components"]["schemas"]
        .as_object_mut()
        .expect("schemas");
    let based: Vec<String> = schemas
        .iter()
        .filter(|(_, s)| s.get("discriminator").is_some() && s.get("oneOf").is_some())
        .map(|(k, _)| k.clone())
        .collect();
    for name in &based {
        // With a `mapping`, the discriminator's value names the one member that applies (a plain `oneOf`
        // fails any object that happens to match two members, e.g. an AWS cluster's provider settings).
        let mapping = schemas[name]["discriminator"]["mapping"]
            .as_object()
            .cloned();
        let property = schemas[name]["discriminator"]["propertyName"].clone();
        if let (Some(mapping), Some(property)) = (mapping, property.as_str()) {
            let cases: Vec<Value> = mapping
                .iter()
                .map(|(value, member)| {
                    json!({
                        "if": { "properties": { property: { "const": value } }, "required": [property] },
                        "then": { "$ref": member },
                    })
                })
                .collect();
            let s = schemas[name].as_object_mut().expect("schema object");
            s.remove("oneOf");
            s.insert("allOf".into(), Value::Array(cases));
            continue;
        }
        let mut base = schemas[name].clone();
        let obj = base.as_object_mut().expect("schema object");
        obj.remove("oneOf");
        obj.remove("discriminator");
        let copy = format!("{name}__base");
        schemas.insert(copy.clone(), base);
        let from = format!("#/components/schemas/{name}");
        let to = format!("#/components/schemas/{copy}");
        for (k, s) in schemas.iter_mut() {
            if k != name {
                if let Some(all) = s.get_mut("allOf").and_then(Value::as_array_mut) {
                    for part in all.iter_mut().filter(|p| p["$ref"] == json!(from)) {
                        part["$ref"] = json!(to);
                    }
                }
            }
        }
    }
    let role_name = &mut schemas["DatabaseUserRole"]["properties"]["roleName"];
    assert!(
        role_name["enum"]
            .to_string()
            .contains("<a custom role name>"),
        "erratum 2 still needed"
    );
    role_name.as_object_mut().unwrap().remove("enum");
    schemas["ApiError"]["properties"]["parameters"]["items"] = json!({});
    schemas["Group"]["properties"]["name"]
        .as_object_mut()
        .unwrap()
        .remove("pattern");
    let resource = &mut schemas["DatabasePermittedNamespaceResource"];
    assert_eq!(
        resource["required"],
        json!(["cluster", "collection", "db"]),
        "erratum 5 still needed"
    );
    resource.as_object_mut().unwrap().remove("required");
    let region = &mut schemas["CloudRegionConfig20240805"]["properties"]["regionName"];
    assert_eq!(region["type"], json!("object"), "erratum 6 still needed");
    region.as_object_mut().unwrap().remove("type");
    let hardware = schemas["HardwareSpec20240805"].as_object_mut().unwrap();
    let members = hardware.remove("oneOf").expect("erratum 7 still needed");
    hardware.insert("anyOf".into(), members);
}

/// JSON Pointer escaping, then percent-encoding of what a URI fragment can't hold.
pub fn pointer(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| {
            let p = p.replace('~', "~0").replace('/', "~1");
            p.replace('{', "%7B")
                .replace('}', "%7D")
                .replace('+', "%2B")
        })
        .fold(String::new(), |acc, p| format!("{acc}/{p}"))
}

/// Validates `instance` against the schema at `parts` in the OpenAPI document (its `$ref`s resolved).
/// The OpenAPI document as a schema registry, prepared once for every check.
pub fn registry() -> &'static Registry<'static> {
    static REGISTRY: OnceLock<Registry<'static>> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        Registry::new()
            .draft(Draft::Draft4)
            .add(SPEC_URI, spec())
            .and_then(|r| r.prepare())
            .expect("the OpenAPI document is a valid schema resource")
    })
}

pub fn validate(parts: &[&str], instance: &Value) -> Result<(), String> {
    let registry = registry();
    let schema = json!({ "$ref": format!("{SPEC_URI}#{}", pointer(parts)) });
    let validator = jsonschema::options()
        .with_draft(Draft::Draft4)
        .with_registry(registry)
        .build(&schema)
        .map_err(|e| format!("schema {}: {e}", pointer(parts)))?;
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("; "))
    }
}

/// Validates `body` against the schema of operation `method` on path template `t`, at `part` (the request
/// body, or one response) in `media`.
pub fn validate_body(
    t: &str,
    method: &str,
    part: &[&str],
    media: &str,
    body: &Value,
) -> Result<(), String> {
    let mut parts = vec!["paths", t, method];
    parts.extend_from_slice(part);
    parts.extend(["content", media, "schema"]);
    validate(&parts, body)
}

/// The path template of the spec operation `call` addresses (`{param}` segments match any segment).
pub fn template(call: &Call) -> String {
    let paths = spec()["paths"].as_object().expect("paths");
    let concrete: Vec<&str> = call.path.split('/').collect();
    paths
        .keys()
        .find(|t| {
            let segs: Vec<&str> = t.split('/').collect();
            segs.len() == concrete.len()
                && segs.iter().zip(&concrete).all(|(t, c)| match t.find('}') {
                    // `{userId}:addRole`: a parameter, then a custom method's verb.
                    Some(end) if t.starts_with('{') => {
                        let verb = &t[end + 1..];
                        c.len() > verb.len()
                            && c.ends_with(verb)
                            && (!verb.is_empty() || !c.contains(':'))
                    }
                    _ => t == c,
                })
                && paths[*t]
                    .get(call.method.as_str().to_ascii_lowercase())
                    .is_some()
        })
        .unwrap_or_else(|| {
            panic!(
                "no operation {} {} in the spec",
                call.method.as_str(),
                call.path
            )
        })
        .clone()
}

/// Checks the request side of `call` and returns its path template.
pub fn check_request(call: &Call) -> String {
    let t = template(call);
    assert!(
        domain::permissions::access_of(call).is_some() || call.path.contains("/orgs/"),
        "{} {t}: who may call it is not in domain::permissions::OPERATIONS",
        call.method.as_str()
    );
    let method = call.method.as_str().to_ascii_lowercase();
    let op = &spec()["paths"][&t][&method];
    let media = call.media_type();
    if let Some(body) = &call.body {
        assert!(
            op["requestBody"]["content"].get(&media).is_some(),
            "{} {t}: the spec takes no {media} body",
            call.method.as_str()
        );
        validate_body(&t, &method, &["requestBody"], &media, body).unwrap_or_else(|e| {
            panic!(
                "{} {t}: request body does not match the spec: {e}\n{body}",
                call.method.as_str()
            )
        });
    }
    let answers_in_version = op["responses"]
        .as_object()
        .expect("responses")
        .iter()
        .filter(|(code, _)| code.starts_with('2'))
        .any(|(_, r)| r.get("content").is_none_or(|c| c.get(&media).is_some()));
    assert!(
        answers_in_version,
        "{} {t}: the spec has no success answer in {media}",
        call.method.as_str()
    );
    t
}

/// Sends `call` to the emulator; checks the answer's status and body against the spec.
pub fn send(emu: &mut Emulator, call: &Call) -> Reply {
    let t = check_request(call);
    let mut req = Request::from_url(call.method.as_str(), &call.path_and_query());
    req.accept = Some(call.media_type());
    req.body = call.body.as_ref().map(Value::to_string).unwrap_or_default();
    let reply = emu.handle(&req);
    let method = call.method.as_str().to_ascii_lowercase();
    let status = reply.status.to_string();
    let responses = &spec()["paths"][&t][&method]["responses"];
    let documented = responses.get(&status).unwrap_or_else(|| {
        panic!(
            "{} {t} answered {status}, which the spec does not list: {:?}",
            call.method.as_str(),
            reply.body
        )
    });
    match &reply.body {
        Some(body) if reply.status < 300 => {
            let full = reply
                .content_type
                .clone()
                .expect("a body has a content type");
            // The spec lists the media type without parameters; Atlas adds `;charset=utf-8`.
            let media = full.split(';').next().unwrap_or_default().to_string();
            assert_eq!(media, call.media_type(), "answers in the version asked for");
            assert!(
                documented["content"].get(&media).is_some(),
                "{t} {status} in {media}"
            );
            validate_body(&t, &method, &["responses", &status], &media, body).unwrap_or_else(|e| {
                panic!(
                    "{} {t} {status}: answer does not match the spec: {e}\n{body}",
                    call.method.as_str()
                )
            });
        }
        Some(body) => validate(&["components", "schemas", "ApiError"], body)
            .unwrap_or_else(|e| panic!("{t} {status}: error envelope does not match: {e}")),
        None => assert!(
            reply.status == 204 || reply.status == 202,
            "{t}: empty {status}"
        ),
    }
    reply
}

/// Sends `call`, expects success, and parses the answer as the HTTP backend does.
pub fn read<T: DeserializeOwned>(emu: &mut Emulator, call: &Call) -> T {
    let reply = send(emu, call);
    assert!(
        reply.status < 300,
        "{} {}: {:?}",
        call.method.as_str(),
        call.path,
        reply.body
    );
    serde_json::from_value(reply.body.unwrap_or(Value::Null))
        .expect("the console can read the answer")
}

pub fn emulator() -> Emulator {
    Emulator::open(Settings::default()).expect("an in-memory emulator")
}
