//! The Admin API endpoints: paths and versions as in `atlas-openapi-subset.yaml`, rules from `domain`.
use crate::{clock, shape, Emulator, Reply, Request, ORG_ID};
use domain::api::{decode, ITEMS_PER_PAGE, PREFIX, V2023_01_01, V2024_08_05, V2025_02_19};
use domain::model::{
    ApiError, CreateProjectApiKey, CreateServiceAccount, CustomDbRole, InviteProjectUser,
    ProjectLimit, ProjectUser, UpdateCustomDbRole, CUSTOM_ROLES_LIMIT_NAME, MAX_CUSTOM_ROLES_LIMIT,
};
use domain::project_access::{MemberKind, NewApiKeyIds, NewServiceAccountIds};
use domain::ErrorCode;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};
use std::time::{Duration, SystemTime};

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
        ("GET", ["limits", name]) if *name == CUSTOM_ROLES_LIMIT_NAME => ok(
            200,
            &ProjectLimit {
                name: name.to_string(),
                value: p.custom_role_limit as i64,
                current_usage: Some(p.custom_roles.len() as i64),
                default_limit: Some(100),
                maximum_limit: Some(MAX_CUSTOM_ROLES_LIMIT as i64),
            },
            V2023_01_01,
        ),
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
        ("GET", ["users"]) => {
            let users: Vec<Value> = p
                .members
                .iter()
                .map(|u| project_user(u, &p.principal.name))
                .collect();
            page(req, &users, V2025_02_19)
        }
        ("POST", ["users"]) => {
            let invite: InviteProjectUser = body(req)?;
            let user = p.invite_user(invite, clock::hex(24), now)?;
            ok(201, &project_user(&user, &p.principal.name), V2025_02_19)
        }
        ("PUT", ["users", id, "roles"]) => {
            let roles = string_list(&body::<Value>(req)?, "groupRoles")?;
            let member = p.set_member_roles(MemberKind::User, id, roles, now)?;
            ok(200, &json!({ "groupRoles": member.roles }), V2023_01_01)
        }
        ("GET", ["teams"]) => page(req, &p.teams, V2023_01_01),
        ("POST", ["teams"]) => {
            let teams: Vec<Value> = body(req)?;
            for t in &teams {
                let id = t.get("teamId").and_then(Value::as_str).unwrap_or_default();
                p.add_team(id, string_list(t, "roleNames")?, now)?;
            }
            page(req, &p.teams, V2023_01_01)
        }
        ("PATCH", ["teams", id]) => {
            let roles = string_list(&body::<Value>(req)?, "roleNames")?;
            p.set_member_roles(MemberKind::Team, id, roles, now)?;
            page(req, &p.teams, V2023_01_01)
        }
        ("GET", ["apiKeys"]) => page(req, &p.api_keys, V2023_01_01),
        ("POST", ["apiKeys"]) => {
            let key: CreateProjectApiKey = body(req)?;
            let ids = NewApiKeyIds {
                id: clock::hex(24),
                public_key: clock::hex(8),
                private_key: format!("{}-{}-{}", clock::hex(8), clock::hex(4), clock::hex(12)),
            };
            ok(200, &p.create_api_key(key, ids, now)?, V2023_01_01)
        }
        ("PATCH", ["apiKeys", id]) => {
            let roles = string_list(&body::<Value>(req)?, "roles")?;
            p.set_member_roles(MemberKind::ApiKey, id, roles, now)?;
            let key = p.api_keys.iter().find(|k| k.id == *id);
            ok(200, &key, V2023_01_01)
        }
        ("GET", ["serviceAccounts"]) => page(req, &p.service_accounts, V2024_08_05),
        ("POST", ["serviceAccounts"]) => {
            let account: CreateServiceAccount = body(req)?;
            let ids = NewServiceAccountIds {
                client_id: format!("mdb_sa_id_{}", clock::hex(24)),
                secret_id: clock::hex(24),
                secret: format!("mdb_sa_sk_{}", clock::hex(40)),
            };
            let hours = u64::try_from(account.secret_expires_after_hours.max(1)).unwrap_or(1);
            let expires = clock::iso(SystemTime::now() + Duration::from_secs(hours * 3600));
            ok(
                201,
                &p.create_service_account(account, ids, now, &expires)?,
                V2024_08_05,
            )
        }
        ("PATCH", ["serviceAccounts", id]) => {
            let roles = string_list(&body::<Value>(req)?, "roles")?;
            p.set_member_roles(MemberKind::ServiceAccount, id, roles, now)?;
            let account = p.service_accounts.iter().find(|s| s.client_id == *id);
            ok(200, &account, V2024_08_05)
        }
        ("DELETE", [kind @ ("users" | "teams" | "apiKeys" | "serviceAccounts"), id]) => {
            let kind = match *kind {
                "users" => MemberKind::User,
                "teams" => MemberKind::Team,
                "apiKeys" => MemberKind::ApiKey,
                _ => MemberKind::ServiceAccount,
            };
            p.remove_member(kind, id, now)?;
            Ok(Reply::no_content(if kind == MemberKind::ServiceAccount {
                V2024_08_05
            } else {
                V2023_01_01
            }))
        }
        _ => Err(not_found(&req.path)),
    }
}

/// A list of strings under `field` (roles), or Atlas's 400 when it isn't one.
fn string_list(v: &Value, field: &str) -> Result<Vec<String>, ApiError> {
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

/// A project user in the 2025-02-19 shape: active users carry their profile, pending ones their
/// invitation. The emulator keeps neither, so they are derived from the email address.
fn project_user(u: &ProjectUser, inviter: &str) -> Value {
    let mut v = serde_json::to_value(u).unwrap_or(Value::Null);
    let local = u.username.split('@').next().unwrap_or_default();
    let mut names = local.split(['.', '_', '-']);
    let first = names.next().unwrap_or(local);
    if u.org_membership_status == "PENDING" {
        v["invitationCreatedAt"] = json!("2026-01-05T10:00:00Z");
        v["inviterUsername"] = json!(if inviter.contains('@') {
            inviter
        } else {
            "owner@example.com"
        });
    } else {
        v["firstName"] = json!(first);
        v["lastName"] = json!(names.next().unwrap_or(first));
        v["createdAt"] = json!("2024-01-15T09:00:00Z");
    }
    v
}
