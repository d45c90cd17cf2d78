//! The project-access endpoints: Atlas users (invite, `:addRole`/`:removeRole`, remove), teams, API keys
//! and service accounts. Rules come from `domain::project_access`; this only reads requests and shapes
//! answers as Atlas does.
use crate::answers::{body, not_found, ok, page, string_list, Answer};
use crate::org::{project_users, Organization, UsersQuery};
use crate::{clock, Reply, Request, ORG_ID};
use domain::api::{V2023_01_01, V2024_08_05, V2025_02_19};
use domain::model::{
    ApiKey, CreateProjectApiKey, CreateServiceAccount, InviteProjectUser, ProjectUser,
    RoleAssignment, ServiceAccount,
};
use domain::project::Project;
use domain::project_access::{MemberKind, NewApiKeyIds, NewServiceAccountIds};
use serde_json::{json, Value};
use std::time::{Duration, SystemTime};

pub fn members(
    p: &mut Project,
    org: &Organization,
    req: &Request,
    m: &str,
    seg: &[&str],
    now: &str,
) -> Answer {
    match (m, seg) {
        // `listGroupUsers` with its filters (`crate::org::project_users`), then paged.
        ("GET", ["users"]) => {
            let users: Vec<Value> = project_users(p, org, &UsersQuery::from_request(req))
                .iter()
                .map(|u| project_user(u, &p.principal.name))
                .collect();
            page(req, &users, V2025_02_19)
        }
        ("POST", ["users"]) => {
            let invite: InviteProjectUser = body(req)?;
            // "If the user is already active in the project's organization, MongoDB Cloud grants access
            // to the project" (spec, `addGroupUsers`): the organization's user, active, not an invitation.
            let known = org.user(invite.username.trim()).cloned();
            let id = known
                .as_ref()
                .map_or_else(|| clock::hex(24), |o| o.id.clone());
            let mut user = p.invite_user(invite, id, now)?;
            if known.is_some() {
                user.org_membership_status = "ACTIVE".to_string();
                if let Some(stored) = p.members.iter_mut().find(|m| m.id == user.id) {
                    stored.org_membership_status = user.org_membership_status.clone();
                }
            }
            ok(201, &project_user(&user, &p.principal.name), V2025_02_19)
        }
        ("POST", ["users", id_verb]) if id_verb.contains(':') => {
            let (id, verb) = id_verb.split_once(':').unwrap_or_default();
            let role = body::<Value>(req)?
                .get("groupRole")
                .and_then(Value::as_str)
                .map(str::to_string)
                .ok_or_else(|| {
                    domain::model::ApiError::new(
                        domain::ErrorCode::VALIDATION_ERROR,
                        "groupRole must be a role name.",
                        vec!["groupRole".to_string()],
                    )
                })?;
            let user = match verb {
                "addRole" => p.add_user_role(id, &role, now)?,
                "removeRole" => p.remove_user_role(id, &role, now)?,
                _ => return Err(not_found(&req.path)),
            };
            ok(200, &project_user(&user, &p.principal.name), V2025_02_19)
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
                private_key: format!(
                    "{}-{}-{}-{}",
                    clock::hex(8),
                    clock::hex(4),
                    clock::hex(4),
                    clock::hex(12)
                ),
            };
            let mut created = p.create_api_key(key, ids, now)?;
            // A key created in a project is an organization key too: Atlas gives it Organization
            // Member (`atlas-recordings/atlasprojectapikeys/…/Create`).
            let member = RoleAssignment {
                group_id: None,
                org_id: Some(ORG_ID.to_string()),
                role_name: "ORG_MEMBER".to_string(),
            };
            if let Some(stored) = p.api_keys.iter_mut().find(|k| k.id == created.id) {
                stored.roles.insert(0, member.clone());
            }
            created.roles.insert(0, member);
            ok(200, &created, V2023_01_01)
        }
        ("PATCH", ["apiKeys", id]) => {
            let roles = string_list(&body::<Value>(req)?, "roles")?;
            p.set_member_roles(MemberKind::ApiKey, id, roles, now)?;
            let key: Option<&ApiKey> = p.api_keys.iter().find(|k| k.id == *id);
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

/// `GET /orgs/{orgId}/serviceAccounts` (`listOrgServiceAccounts`, outside the contract subset): every
/// service account of the organization, the project's and those in no project, as Atlas keeps one
/// removed from a project.
pub fn org_service_accounts(p: &Project, req: &Request) -> Answer {
    let all: Vec<&ServiceAccount> = p
        .service_accounts
        .iter()
        .chain(&p.org_service_accounts)
        .collect();
    page(req, &all, V2024_08_05)
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
        // As a recorded project-user list has them (`atlasprojects/TestAtlasProjects/Users`).
        v["country"] = json!("IE");
        v["lastAuth"] = json!("2026-11-30T09:00:00Z");
        v["mobileNumber"] = Value::Null;
    }
    v
}
