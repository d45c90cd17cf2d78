//! Contract tests: every request the console can send (built by `domain::api`, as the browser's HTTP
//! backend builds them) and every answer it reads (from the emulator, parsed into the types the HTTP
//! backend parses) are checked against the official Admin API v2 OpenAPI document in `spec/`: the
//! operation exists, the versioned media type is one it lists, and the JSON validates against its schema.
use atlas_emulator::{Emulator, Reply, Request, Settings};
use domain::api::{Call, Group};
use domain::demo::DemoKind;
use domain::model::{
    ApiError, ApiKey, CreateProjectApiKey, CreateServiceAccount, CustomDbRole, DatabaseUser,
    InviteProjectUser, Paginated, ProjectLimit, ProjectUser, ServiceAccount, TeamRole,
    UpdateCustomDbRole, CUSTOM_ROLES_LIMIT_NAME,
};
use jsonschema::{Draft, Registry};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use std::sync::OnceLock;

const SPEC_URI: &str = "urn:atlas-openapi";

fn spec() -> &'static Value {
    static SPEC: OnceLock<Value> = OnceLock::new();
    SPEC.get_or_init(|| {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../spec/atlas-openapi-subset.yaml"
        );
        let text = std::fs::read_to_string(path).expect("spec/atlas-openapi-subset.yaml");
        let mut doc: Value = serde_norway::from_str(&text).expect("the OpenAPI document is YAML");
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
fn errata(doc: &mut Value) {
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
}

/// JSON Pointer escaping, then percent-encoding of what a URI fragment can't hold.
fn pointer(parts: &[&str]) -> String {
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
fn registry() -> &'static Registry<'static> {
    static REGISTRY: OnceLock<Registry<'static>> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        Registry::new()
            .draft(Draft::Draft4)
            .add(SPEC_URI, spec())
            .and_then(|r| r.prepare())
            .expect("the OpenAPI document is a valid schema resource")
    })
}

fn validate(parts: &[&str], instance: &Value) -> Result<(), String> {
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
fn validate_body(
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
fn template(call: &Call) -> String {
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
fn check_request(call: &Call) -> String {
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
fn send(emu: &mut Emulator, call: &Call) -> Reply {
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
fn read<T: DeserializeOwned>(emu: &mut Emulator, call: &Call) -> T {
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

fn emulator() -> Emulator {
    Emulator::open(Settings::default()).expect("an in-memory emulator")
}

#[test]
fn project_settings_clusters_and_the_custom_role_limit() {
    let mut emu = emulator();
    let id = emu.project.id.clone();
    let g = Group(&id);
    let group: Value = read(&mut emu, &g.get());
    assert_eq!(group["id"], json!(id));
    let clusters: Paginated<domain::model::ClusterSummary> = read(&mut emu, &g.clusters());
    assert_eq!(clusters.results, emu.project.clusters);
    let limit: ProjectLimit = read(&mut emu, &g.limit(CUSTOM_ROLES_LIMIT_NAME));
    assert_eq!(limit.value as usize, emu.project.custom_role_limit);
    // Raising it (Project Owner): the request and the answer as the spec's setGroupLimit has them.
    let raised: ProjectLimit = read(&mut emu, &g.set_limit(CUSTOM_ROLES_LIMIT_NAME, 250));
    assert_eq!((raised.value, emu.project.custom_role_limit), (250, 250));
    // The organization's teams are outside the subset (no organization paths): only the emulator's
    // answer is checked, against the shape the console reads.
    let call = domain::api::org_teams(atlas_emulator::ORG_ID);
    let reply = emu.handle(&Request::from_url("GET", &call.path_and_query()));
    let teams: Paginated<domain::project_access::OrgTeam> =
        serde_json::from_value(reply.body.unwrap()).unwrap();
    assert_eq!(teams.results, emu.project.org_teams);
}

#[test]
fn every_custom_role_of_the_demo_projects_and_their_lifecycle_match_the_contract() {
    let mut emu = emulator();
    let id = emu.project.id.clone();
    let g = Group(&id);
    // Every role shape the demos hold (all action kinds, cluster resources, inherited roles).
    let large = DemoKind::Large.project();
    for role in large.custom_roles.iter().take(150) {
        check_request(&g.create_custom_role(role));
        check_request(&g.update_custom_role(
            &role.role_name,
            &UpdateCustomDbRole {
                actions: role.actions.clone(),
                inherited_roles: role.inherited_roles.clone(),
            },
        ));
    }
    let listed: Vec<CustomDbRole> = read(&mut emu, &g.custom_roles());
    assert_eq!(listed, emu.project.custom_roles);
    let mut role = listed[0].clone();
    role.role_name = "contractCheck".to_string();
    let created: CustomDbRole = read(&mut emu, &g.create_custom_role(&role));
    assert_eq!(created.role_name, "contractCheck");
    let got: CustomDbRole = read(&mut emu, &g.custom_role("contractCheck"));
    assert_eq!(got, created);
    let update = UpdateCustomDbRole {
        actions: role.actions[..1].to_vec(),
        inherited_roles: vec![],
    };
    let updated: CustomDbRole = read(&mut emu, &g.update_custom_role("contractCheck", &update));
    assert_eq!(updated.actions, update.actions);
    // Refusals are the error envelope, with the code the console maps to a field.
    let conflict = send(&mut emu, &g.create_custom_role(&role));
    assert_eq!(conflict.status, 409);
    let e: ApiError = serde_json::from_value(conflict.body.unwrap()).unwrap();
    assert_eq!(e.error_code, "ATLAS_CUSTOM_ROLE_NAME_ALREADY_EXISTS");
    assert_eq!(
        send(&mut emu, &g.delete_custom_role("contractCheck")).status,
        204
    );
    assert_eq!(send(&mut emu, &g.custom_role("contractCheck")).status, 404);
}

#[test]
fn database_users_of_every_auth_method_match_the_contract() {
    let mut emu = emulator();
    let id = emu.project.id.clone();
    let g = Group(&id);
    let page: Paginated<DatabaseUser> = read(&mut emu, &g.database_users());
    let without_group: Vec<DatabaseUser> = page
        .results
        .iter()
        .map(|u| DatabaseUser {
            group_id: None,
            ..u.clone()
        })
        .collect();
    assert_eq!(without_group, emu.project.users);
    assert!(page
        .results
        .iter()
        .all(|u| u.group_id.as_deref() == Some(id.as_str())));
    assert_eq!(page.total_count, Some(emu.project.users.len() as u32));
    for user in &page.results {
        check_request(&g.update_database_user(&user.database_name, &user.username, user));
        // The re-read before an update (getGroupDatabaseUser) answers the user as the list does.
        let one: DatabaseUser = read(
            &mut emu,
            &g.database_user(&user.database_name, &user.username),
        );
        assert_eq!(&one, user);
    }
    assert_eq!(
        send(&mut emu, &g.database_user("admin", "nobody")).status,
        404
    );
    // Every authentication method the user dialog offers, with scopes, labels and an expiry.
    use domain::model::{
        AwsIamType, Label, LdapAuthType, OidcAuthType, ScopeType, UserScope, X509Type,
    };
    let base = DatabaseUser {
        scopes: vec![UserScope {
            name: "Cluster0".into(),
            kind: ScopeType::Cluster,
        }],
        labels: vec![Label {
            key: "team".into(),
            value: "sre".into(),
        }],
        description: Some("every method".into()),
        ..page.results[0].clone()
    };
    let external = |u: DatabaseUser| DatabaseUser {
        database_name: "$external".into(),
        password: None,
        ..u
    };
    let variants = [
        DatabaseUser {
            password: Some("a-Long-enough-passw0rd".into()),
            delete_after_date: Some("2026-12-01T00:00:00Z".into()),
            ..base.clone()
        },
        external(DatabaseUser {
            username: "CN=app,OU=eng".into(),
            x509_type: X509Type::Customer,
            ..base.clone()
        }),
        external(DatabaseUser {
            username: "managed-user".into(),
            x509_type: X509Type::Managed,
            ..base.clone()
        }),
        external(DatabaseUser {
            username: "arn:aws:iam::123456789012:user/app".into(),
            aws_iam_type: AwsIamType::User,
            ..base.clone()
        }),
        external(DatabaseUser {
            username: "arn:aws:iam::123456789012:role/app".into(),
            aws_iam_type: AwsIamType::Role,
            ..base.clone()
        }),
        external(DatabaseUser {
            username: "cn=dbas,ou=groups".into(),
            ldap_auth_type: LdapAuthType::Group,
            ..base.clone()
        }),
        external(DatabaseUser {
            username: "ada".into(),
            ldap_auth_type: LdapAuthType::User,
            ..base.clone()
        }),
        DatabaseUser {
            database_name: "admin".into(),
            username: "idp/group".into(),
            oidc_auth_type: OidcAuthType::IdpGroup,
            password: None,
            ..base.clone()
        },
        external(DatabaseUser {
            username: "idp/user".into(),
            oidc_auth_type: OidcAuthType::User,
            ..base.clone()
        }),
    ];
    for user in &variants {
        check_request(&g.create_database_user(user));
        check_request(&g.update_database_user(&user.database_name, &user.username, user));
    }
    let mut new = page.results[0].clone();
    new.username = "contract-user".to_string();
    new.aws_iam_type = Default::default();
    new.ldap_auth_type = Default::default();
    new.x509_type = Default::default();
    new.oidc_auth_type = Default::default();
    new.database_name = "admin".to_string();
    new.password = Some("a-Long-enough-passw0rd".to_string());
    let created: DatabaseUser = read(&mut emu, &g.create_database_user(&new));
    assert_eq!(created.password, None, "Atlas never sends a password back");
    let mut edit = created.clone();
    edit.description = Some("changed".to_string());
    let updated: DatabaseUser = read(
        &mut emu,
        &g.update_database_user("admin", "contract-user", &edit),
    );
    assert_eq!(updated.description.as_deref(), Some("changed"));
    assert_eq!(
        send(&mut emu, &g.delete_database_user("admin", "contract-user")).status,
        204
    );
}

#[test]
fn project_access_members_match_the_contract() {
    let mut emu = emulator();
    let id = emu.project.id.clone();
    let g = Group(&id);
    let roles = vec!["GROUP_READ_ONLY".to_string()];

    let users: Paginated<ProjectUser> = read(&mut emu, &g.users());
    assert_eq!(users.results, emu.project.members);
    let invited: ProjectUser = read(
        &mut emu,
        &g.invite_user(&InviteProjectUser {
            username: "new.person@example.com".to_string(),
            roles: roles.clone(),
        }),
    );
    let added: ProjectUser = read(
        &mut emu,
        &g.add_user_role(&invited.id, "GROUP_DATA_ACCESS_READ_ONLY"),
    );
    assert!(added
        .roles
        .contains(&"GROUP_DATA_ACCESS_READ_ONLY".to_string()));
    let removed: ProjectUser = read(
        &mut emu,
        &g.remove_user_role(&invited.id, "GROUP_READ_ONLY"),
    );
    assert_eq!(removed.roles, ["GROUP_DATA_ACCESS_READ_ONLY"]);
    assert_eq!(send(&mut emu, &g.remove_user(&invited.id)).status, 204);

    let teams: Paginated<TeamRole> = read(&mut emu, &g.teams());
    assert_eq!(teams.results, emu.project.teams);
    let free = emu
        .project
        .org_teams
        .iter()
        .find(|t| !emu.project.teams.iter().any(|p| p.team_id == t.id))
        .expect("the demo organization has a team outside the project")
        .id
        .clone();
    let _: Paginated<TeamRole> = read(&mut emu, &g.add_team(&free, &roles));
    let _: Paginated<TeamRole> = read(
        &mut emu,
        &g.set_team_roles(&free, &["GROUP_OWNER".to_string()]),
    );
    assert_eq!(send(&mut emu, &g.remove_team(&free)).status, 204);

    let keys: Paginated<ApiKey> = read(&mut emu, &g.api_keys());
    assert_eq!(keys.results, emu.project.api_keys);
    let key: ApiKey = read(
        &mut emu,
        &g.create_api_key(&CreateProjectApiKey {
            desc: "contract key".to_string(),
            roles: roles.clone(),
        }),
    );
    assert!(
        key.private_key.is_some(),
        "the private key is shown once, on creation"
    );
    let _: ApiKey = read(
        &mut emu,
        &g.set_api_key_roles(&key.id, &["GROUP_OWNER".to_string()]),
    );
    assert_eq!(send(&mut emu, &g.remove_api_key(&key.id)).status, 204);

    let accounts: Paginated<ServiceAccount> = read(&mut emu, &g.service_accounts());
    assert_eq!(accounts.results, emu.project.service_accounts);
    let account: ServiceAccount = read(
        &mut emu,
        &g.create_service_account(&CreateServiceAccount {
            name: "contract-sa".to_string(),
            description: "contract".to_string(),
            roles: roles.clone(),
            secret_expires_after_hours: 24,
        }),
    );
    assert!(
        account.secrets[0].secret.is_some(),
        "the secret is shown once, on creation"
    );
    let _: ServiceAccount = read(
        &mut emu,
        &g.set_service_account_roles(&account.client_id, &["GROUP_OWNER".to_string()]),
    );
    assert_eq!(
        send(&mut emu, &g.remove_service_account(&account.client_id)).status,
        204
    );
}

#[test]
fn a_body_that_breaks_the_contract_is_caught() {
    // The checks above can fail: a role without a name and a wrongly typed field are rejected.
    let bad = json!({ "actions": [{ "action": 7 }] });
    let parts = ["components", "schemas", "UserCustomDBRole"];
    assert!(validate(&parts, &bad).is_err());
    assert!(validate(&parts, &json!({ "roleName": "ok" })).is_ok());
}
