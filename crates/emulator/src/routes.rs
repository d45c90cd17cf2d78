//! The Admin API endpoints: paths and versions as in `atlas-openapi-subset.yaml`, rules from `domain`.
//! Database users are answered by `users`, members by `access`; how answers are made is `answers`.
use crate::answers::{body, not_found, ok, page, Answer};
use crate::{clock, shape, Emulator, Reply, Request, ORG_ID};
use domain::api::{decode, Method, PREFIX, V2023_01_01, V2024_08_05, V2024_11_13};
use domain::model::{
    ApiError, ClusterSummary, CustomDbRole, ProjectLimit, UpdateCustomDbRole,
    CUSTOM_ROLES_LIMIT_NAME,
};
use domain::ErrorCode;
use serde_json::{json, Value};

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
        ["groups", group, rest @ ..] if *group == emu.project.id => {
            project(emu, req, m, rest, &now)
        }
        // Another project of the organization: served the same way, from its own data.
        ["groups", group, rest @ ..] => {
            let Some(i) = emu.others.iter().position(|p| p.id == *group) else {
                return Err(not_found(group));
            };
            std::mem::swap(&mut emu.project, &mut emu.others[i]);
            let answer = project(emu, req, m, rest, &now);
            std::mem::swap(&mut emu.project, &mut emu.others[i]);
            answer
        }
        _ => Err(not_found(&req.path)),
    }
}

fn project(emu: &mut Emulator, req: &Request, m: &str, seg: &[&str], now: &str) -> Answer {
    if let ("POST", ["customDBRoles", "roles"]) | ("GET", ["customDBRoles", "roles", _]) = (m, seg)
    {
        return custom_role_reads_and_creates(emu, req, seg, now);
    }
    let (p, org) = (&mut emu.project, &emu.org);
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
                .filter(|c| !c.flex_api_only)
                .map(|c| listed_cluster(&p.id, c))
                .collect();
            page(req, &clusters, V2024_08_05)
        }
        ("GET", ["flexClusters"]) => {
            let flex: Vec<Value> = p
                .clusters
                .iter()
                .filter(|c| provider(c) == "FLEX")
                .map(|c| flex_cluster(&p.id, c))
                .collect();
            page(req, &flex, V2024_11_13)
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
            if p.custom_role(name).is_some() {
                let role = CustomDbRole {
                    role_name: name.to_string(),
                    actions: update.actions.clone(),
                    inherited_roles: update.inherited_roles.clone(),
                };
                check_role(p, &role)?;
            }
            let role = p.update_custom_role(name, update, now)?;
            ok(200, &shape::custom_role(&role), V2023_01_01)
        }
        ("DELETE", ["customDBRoles", "roles", name]) => {
            p.delete_custom_role(name, now)?;
            Ok(Reply::no_content(V2023_01_01))
        }
        ("GET" | "POST" | "PATCH" | "DELETE", ["databaseUsers", ..])
        | ("GET", ["dataFederation" | "streams"]) => crate::users::route(p, req, m, seg, now),
        _ => crate::access::members(p, org, req, m, seg, now),
    }
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
            check_role(&emu.project, &role)?;
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

/// The emulator's own reading of Atlas's action, resource and inheritance rules (`atlas_rules`), before
/// `domain::project` applies the write.
fn check_role(p: &domain::project::Project, role: &CustomDbRole) -> Result<(), ApiError> {
    let names: Vec<&str> = p
        .custom_roles
        .iter()
        .map(|r| r.role_name.as_str())
        .collect();
    crate::atlas_rules::check_custom_role(role, &names)?;
    let clusters: Vec<(&str, &str)> = p
        .clusters
        .iter()
        .map(|c| (c.name.as_str(), c.mongo_db_version.as_str()))
        .collect();
    crate::atlas_rules::check_versions(role, &clusters)
}

/// A cluster's provider as the project holds it (`AWS` when it says none: a dedicated cluster).
fn provider(c: &ClusterSummary) -> &str {
    c.provider_settings
        .as_ref()
        .map_or("AWS", |p| p.provider_name.as_str())
}

/// `ClusterDescription20240805` (listGroupClusters, 2024-08-05). A Flex cluster made with Create Cluster
/// is listed as the tenant it was created as (`providerName: TENANT`), its true size in
/// `electableSpecs.effectiveInstanceSize` (`TenantHardwareSpec20240805`: "present to support backwards
/// compatibility for deprecated provider types and/or instance sizes").
fn listed_cluster(group: &str, c: &ClusterSummary) -> Value {
    let size = c
        .provider_settings
        .as_ref()
        .and_then(|p| p.instance_size_name.clone());
    let region = match provider(c) {
        "FLEX" => json!({
            "providerName": "TENANT", "backingProviderName": "AWS", "regionName": "US_EAST_1",
            "priority": 7,
            "electableSpecs": { "instanceSize": "M5", "effectiveInstanceSize": "FLEX" },
        }),
        "TENANT" => json!({
            "providerName": "TENANT", "backingProviderName": "AWS", "regionName": "US_EAST_1",
            "priority": 7,
            "electableSpecs": { "instanceSize": "M0", "effectiveInstanceSize": "M0" },
        }),
        cloud => json!({
            "providerName": cloud, "regionName": "US_EAST_1", "priority": 7,
            "electableSpecs": { "instanceSize": size.unwrap_or_else(|| "M10".into()), "nodeCount": 3 },
        }),
    };
    json!({
        "name": c.name, "mongoDBVersion": c.mongo_db_version, "groupId": group,
        "clusterType": "REPLICASET", "stateName": "IDLE",
        "replicationSpecs": [{ "zoneName": "Zone 1", "regionConfigs": [region] }],
    })
}

/// `FlexClusterDescription20241113` (listGroupFlexClusters, 2024-11-13).
fn flex_cluster(group: &str, c: &ClusterSummary) -> Value {
    json!({
        "name": c.name, "mongoDBVersion": c.mongo_db_version, "groupId": group,
        "clusterType": "REPLICASET", "stateName": "IDLE", "versionReleaseSystem": "LTS",
        "providerSettings": {
            "providerName": "FLEX", "backingProviderName": "AWS", "regionName": "US_EAST_1",
        },
    })
}
