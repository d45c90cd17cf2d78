//! `/api/atlas/v2/*`: checks who is calling and what, then forwards to Atlas with the service account's
//! token. In order: the caller; the body's size; the path, parsed once (`path`); only the operations the
//! console sends (`domain::permissions::console_operation`); only the query it sends (`query`); only the
//! projects the caller is mapped to (an organization's teams only for an organization that owns one);
//! a write only from the console's origin; the caller's own roles there (`domain::permissions`, and the
//! portal's credential rule in `domain::portal`). `Accept`, `Content-Type`, the body, the status and
//! `Retry-After` cross; nothing else does.
use crate::identity::Caller;
use crate::path::{CheckedPath, Refused};
use crate::refusal::Refusal;
use crate::upstream::{self, Outgoing};
use crate::App;
use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, HeaderValue, Method, Uri};
use axum::response::{IntoResponse, Response};
use domain::permissions::{Access, Principal, Requirement};
use std::sync::Arc;

/// What the audit line says about a request, filled in as the checks learn it.
#[derive(Default)]
pub struct Facts {
    pub who: Option<String>,
    pub operation: Option<String>,
    pub path: Option<String>,
    pub project: Option<String>,
    pub roles: Option<Vec<String>>,
    /// The request creates an API key, a service account or a secret.
    pub credentials: bool,
}

fn header_text<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

/// A project or organization id as Atlas writes it: 24 lower-case hexadecimal digits (the `[access]` ids
/// are lower-cased at start, so one id has one spelling).
fn is_atlas_id(s: &str) -> bool {
    s.len() == 24 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// What the request addresses, read from its checked segments.
#[derive(Clone, Copy)]
enum Scope<'a> {
    Project(&'a str),
    Organization(&'a str),
}

fn scope(path: &CheckedPath) -> Option<Scope<'_>> {
    match path.segments() {
        [_, _, _, kind, id, ..] if kind == "groups" && is_atlas_id(id) => Some(Scope::Project(id)),
        [_, _, _, kind, id, teams] if kind == "orgs" && teams == "teams" && is_atlas_id(id) => {
            Some(Scope::Organization(id))
        }
        _ => None,
    }
}

async fn read_body(app: &App, headers: &HeaderMap, body: Body) -> Result<Bytes, Refusal> {
    let limit = app.config.max_body_bytes;
    let declared = header_text(headers, "content-length").and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return Err(Refusal::TooLarge { limit });
    }
    axum::body::to_bytes(body, limit)
        .await
        .map_err(|_| Refusal::TooLarge { limit })
}

/// Why `roles` don't allow `method path` on a project, or `None` when they do.
fn role_refusal(method: domain::api::Method, path: &str, roles: &[String]) -> Option<String> {
    let access = domain::permissions::operation(method, path)
        .map(|(_, a)| a)
        // The three reads outside the contract subset need a role in the project like every read.
        .unwrap_or(Access::Read);
    if !access.requirements().iter().any(|r| r.met_by_any(roles)) {
        return Some(match access {
            Access::Change(p) => p.requirement().to_string(),
            Access::Read => "Requires a role in this project".to_string(),
        });
    }
    let principal = Principal {
        name: String::new(),
        project_roles: roles.to_vec(),
    };
    (domain::portal::mints_credentials(method, path)
        && !domain::portal::may_mint_credentials(&principal))
    .then(|| domain::portal::MINT_REQUIREMENT.to_string())
}

pub async fn forward(
    app: &Arc<App>,
    caller: Result<Caller, Refusal>,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: Body,
    facts: &mut Facts,
) -> Result<Response, Refusal> {
    let Caller(who) = caller?;
    facts.who = Some(who.clone());
    let body = read_body(app, headers, body).await?;
    let path = CheckedPath::parse(uri.path()).map_err(|Refused(why)| Refusal::Path(why))?;
    facts.path = Some(path.as_str().to_string());
    let dm = domain::api::Method::parse(method.as_str()).ok_or(Refusal::Operation)?;
    let operation =
        domain::permissions::console_operation(dm, path.as_str()).ok_or(Refusal::Operation)?;
    facts.operation = Some(operation);
    facts.credentials = domain::portal::mints_credentials(dm, path.as_str());
    let not_mapped = || Refusal::Project { who: who.clone() };
    let scope = scope(&path).ok_or(Refusal::Operation)?;
    let project = match scope {
        Scope::Project(id) => {
            facts.project = Some(id.to_string());
            if !app.config.may_manage(&who, id) {
                return Err(not_mapped());
            }
            id.to_string()
        }
        // An organization's teams: only for the organization that owns a project the person may use,
        // and where they hold a role.
        Scope::Organization(org) => {
            let mut owner = None;
            for id in app.config.projects_of(&who) {
                if app.directory.project(app, &id).await.org_id.as_deref() == Some(org) {
                    owner = Some(id);
                    break;
                }
            }
            owner.ok_or_else(not_mapped)?
        }
    };
    let query = crate::query::check(method, uri.query())?;
    if *method != Method::GET
        && header_text(headers, "origin") != Some(app.config.console_origin.as_str())
    {
        return Err(Refusal::Origin);
    }
    let roles = app.directory.roles(app, &who, &project).await?;
    facts.roles = Some(roles.clone());
    let refused = match scope {
        Scope::Organization(_) => (!Requirement::ProjectReadOnly.met_by_any(&roles))
            .then(|| "Requires a role in a project of this organization".to_string()),
        Scope::Project(_) => role_refusal(dm, path.as_str(), &roles),
    };
    if let Some(why) = refused {
        return Err(Refusal::Role { who, why });
    }
    let answer = upstream::send(
        app,
        Outgoing {
            method: method.clone(),
            path: &path,
            query: query.as_deref(),
            accept: headers.get(header::ACCEPT).cloned(),
            content_type: headers.get(header::CONTENT_TYPE).cloned(),
            body,
        },
    )
    .await?;
    if answer.status == axum::http::StatusCode::FORBIDDEN {
        // Atlas knows better than the cache: read this person's roles again next time.
        app.directory.forget(&who, &project);
    }
    let mut out = answer.headers;
    out.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok((answer.status, out, answer.body).into_response())
}
