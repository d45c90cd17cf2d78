//! The Admin API endpoints: paths and versions as in `atlas-openapi-subset.yaml`, rules from `domain`.
use crate::{clock, shape, Emulator, Reply, Request, ORG_ID};
use domain::api::{decode, Method, ITEMS_PER_PAGE, PREFIX, V2023_01_01};
use domain::model::{
    ApiError, CustomDbRole, ProjectLimit, UpdateCustomDbRole, CUSTOM_ROLES_LIMIT_NAME,
};
use domain::ErrorCode;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

pub(crate) type Answer = Result<Reply, ApiError>;

pub(crate) fn not_found(what: &str) -> ApiError {
    ApiError::new(
        ErrorCode::RESOURCE_NOT_FOUND,
        format!("Cannot find resource {what}."),
        vec![what.to_string()],
    )
}

/// Parses a request body; a body that isn't the expected shape gets Atlas's 400.
pub(crate) fn body<T: DeserializeOwned>(req: &Request) -> Result<T, ApiError> {
    serde_json::from_str(&req.body).map_err(|e| {
        ApiError::new(
            ErrorCode::VALIDATION_ERROR,
            format!("The request body is invalid: {e}."),
            vec![],
        )
    })
}

pub(crate) fn ok<T: Serialize>(status: u16, value: &T, version: &str) -> Answer {
    Ok(Reply::json(
        status,
        serde_json::to_value(value).unwrap_or(Value::Null),
        version,
    ))
}

/// One page of `items` as Atlas pages lists (`itemsPerPage` up to 500, default 100; `pageNum` from 1).
pub(crate) fn page<T: Serialize>(req: &Request, items: &[T], version: &str) -> Answer {
    let per = req
        .query("itemsPerPage")
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(100)
        .clamp(1, ITEMS_PER_PAGE as usize);
    let num = req
        .query("pageNum")
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(1)
        .max(1);
    let results: Vec<&T> = items.iter().skip((num - 1) * per).take(per).collect();
    ok(
        200,
        &json!({ "results": results, "totalCount": items.len() }),
        version,
    )
}

pub fn route(emu: &mut Emulator, req: &Request) -> Reply {
    // Who may call what is the spec's `x-rolesRequirements` (domain::permissions): refused before
    // anything is read or changed, as Atlas does.
    if let Some(method) = Method::parse(&req.method) {
        if let Err(e) = emu.project.principal.authorize_operation(method, &req.path) {
            return Reply::error(&e);
        }
    }
    let answer = match req.path.strip_prefix(PREFIX) {
        Some(rest) => {
            let segments: Option<Vec<String>> = rest
                .trim_start_matches('/')
                .split('/')
                .map(decode)
                .collect();
            match segments {
                Some(s) => dispatch(emu, req, &s.iter().map(String::as_str).collect::<Vec<_>>()),
                None => Err(not_found(&req.path)),
            }
        }
        None => Err(not_found(&req.path)),
    };
    answer.unwrap_or_else(|e| Reply::error(&e))
}

fn dispatch(emu: &mut Emulator, req: &Request, seg: &[&str]) -> Answer {
    let now = clock::now();
    let m = req.method.as_str();
    match seg {
        ["orgs", org, "teams"] if m == "GET" && *org == ORG_ID => {
            let teams: Vec<Value> = emu
                .project
                .org_teams
                .iter()
                .map(|t| json!({ "id": t.id, "name": t.name }))
                .collect();
            page(req, &teams, V2023_01_01)
        }
        ["orgs", org, "serviceAccounts"] if m == "GET" && *org == ORG_ID => {
            crate::access::org_service_accounts(&emu.project, req)
        }
        ["groups", group, rest @ ..] => {
            if *group != emu.project.id {
                return Err(not_found(group));
            }
            project(emu, req, m, rest, &now)
        }
        _ => Err(not_found(&req.path)),
    }
}

fn project(emu: &mut Emulator, req: &Request, m: &str, seg: &[&str], now: &str) -> Answer {
    if let ("POST", ["customDBRoles", "roles"]) | ("GET", ["customDBRoles", "roles", _]) = (m, seg)
    {
        return custom_role_reads_and_creates(emu, req, seg, now);
    }
    let p = &mut emu.project;
    match (m, seg) {
        ("GET", []) => ok(
            200,
            &json!({
                "id": p.id, "name": p.name, "orgId": ORG_ID,
                "clusterCount": p.clusters.len(), "created": "2024-01-15T09:00:00Z",
            }),
            V2023_01_01,
        ),
        ("GET", ["clusters"]) => {
            let clusters: Vec<Value> = p
                .clusters
                .iter()
                .map(|c| {
                    json!({
                        "name": c.name, "mongoDBVersion": c.mongo_db_version, "groupId": p.id,
                        "providerSettings": c.provider_settings,
                    })
                })
                .collect();
            page(req, &clusters, V2023_01_01)
        }
        ("GET", ["limits", name]) if *name == CUSTOM_ROLES_LIMIT_NAME => {
            ok(200, &p.custom_role_limit_view(), V2023_01_01)
        }
        ("PATCH", ["limits", name]) if *name == CUSTOM_ROLES_LIMIT_NAME => {
            let limit: ProjectLimit = body(req)?;
            let value = usize::try_from(limit.value).unwrap_or(usize::MAX);
            ok(200, &p.set_custom_role_limit(value, now)?, V2023_01_01)
        }
        ("GET", ["customDBRoles", "roles"]) => {
            ok(200, &shape::custom_roles(&p.custom_roles), V2023_01_01)
        }
        ("PATCH", ["customDBRoles", "roles", name]) => {
            let update: UpdateCustomDbRole = body(req)?;
            let role = p.update_custom_role(name, update, now)?;
            ok(200, &shape::custom_role(&role), V2023_01_01)
        }
        ("DELETE", ["customDBRoles", "roles", name]) => {
            p.delete_custom_role(name, now)?;
            Ok(Reply::no_content(V2023_01_01))
        }
        ("GET" | "POST" | "PATCH" | "DELETE", ["databaseUsers", ..])
        | ("GET", ["dataFederation" | "streams"]) => crate::users::route(p, req, m, seg, now),
        _ => crate::access::members(p, req, m, seg, now),
    }
}

/// A list of strings under `field` (roles), or Atlas's 400 when it isn't one.
pub(crate) fn string_list(v: &Value, field: &str) -> Result<Vec<String>, ApiError> {
    v.get(field)
        .and_then(Value::as_array)
        .and_then(|a| a.iter().map(|r| r.as_str().map(str::to_string)).collect())
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::VALIDATION_ERROR,
                format!("{field} must be a list of role names."),
                vec![field.to_string()],
            )
        })
}

/// Creating a role and reading one by name: the two that know about propagation.
fn custom_role_reads_and_creates(
    emu: &mut Emulator,
    req: &Request,
    seg: &[&str],
    now: &str,
) -> Answer {
    match seg {
        ["customDBRoles", "roles"] => {
            let role: CustomDbRole = body(req)?;
            let created = emu.project.create_custom_role(role, now)?;
            emu.created_now(&created.role_name);
            ok(202, &shape::custom_role(&created), V2023_01_01)
        }
        [_, _, name] => {
            let propagating = emu.propagating(name);
            match emu.project.custom_role(name) {
                Some(role) if !propagating => ok(200, &shape::custom_role(role), V2023_01_01),
                _ => Err(ApiError::new(
                    ErrorCode::ATLAS_CUSTOM_ROLE_NOT_FOUND,
                    format!("The custom role {name} was not found."),
                    vec![name.to_string()],
                )),
            }
        }
        _ => Err(not_found(&req.path)),
    }
}
