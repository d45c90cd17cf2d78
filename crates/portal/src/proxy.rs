//! `/api/atlas/v2/*`: checks who is calling and what, then forwards to Atlas with the service account's
//! token. Only the operations the console sends pass (`domain::permissions::console_operation`); only the
//! projects the caller is mapped to; a write only from the console's origin. `Accept`, `Content-Type`,
//! the body, the status and `Retry-After` cross; nothing else does. Each write is one audit line.
use crate::App;
use axum::body::Bytes;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::json;
use std::sync::Arc;

/// The Atlas error envelope, for the portal's own refusals (the console shows `detail` next to the form).
fn refuse(status: StatusCode, code: &str, detail: &str) -> Response {
    let body = json!({
        "error": status.as_u16(),
        "errorCode": code,
        "reason": status.canonical_reason().unwrap_or_default(),
        "detail": detail,
    });
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

/// The project a path addresses (`/api/atlas/v2/groups/{id}/…`), if any.
fn project_of(path: &str) -> Option<&str> {
    path.strip_prefix("/api/atlas/v2/groups/")
        .map(|rest| rest.split('/').next().unwrap_or_default())
}

fn header_text<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

pub async fn forward(
    app: Arc<App>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let path = uri.path();
    let who = header_text(&headers, &app.config.identity_header)
        .map(str::to_string)
        .or_else(|| app.config.local_identity.clone());
    let operation = domain::api::Method::parse(method.as_str())
        .and_then(|m| domain::permissions::console_operation(m, path));
    let project = project_of(path).map(str::to_string);
    let call = Call {
        who: who.as_deref(),
        operation: operation.as_deref(),
        project: project.as_deref(),
    };
    let answer = check_and_send(&app, &method, &uri, &headers, body, call).await;
    if method != Method::GET {
        app.audit(json!({
            "who": who,
            "operation": operation.unwrap_or_else(|| format!("{method} {path} (not forwarded)")),
            "project": project,
            "status": answer.status().as_u16(),
        }));
    }
    answer
}

/// Who is calling, the console operation it is (if any) and the project it addresses (if any).
struct Call<'a> {
    who: Option<&'a str>,
    operation: Option<&'a str>,
    project: Option<&'a str>,
}

async fn check_and_send(
    app: &App,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: Bytes,
    call: Call<'_>,
) -> Response {
    let Call {
        who,
        operation,
        project,
    } = call;
    let Some(who) = who else {
        return refuse(
            StatusCode::UNAUTHORIZED,
            "PORTAL_NOT_SIGNED_IN",
            "The portal doesn't know who you are: sign in to the portal again.",
        );
    };
    if operation.is_none() {
        return refuse(
            StatusCode::FORBIDDEN,
            "PORTAL_OPERATION_NOT_ALLOWED",
            "The portal forwards only the operations the Database Access console sends.",
        );
    }
    let allowed = match project {
        Some(id) => app.config.may_manage(who, id),
        // The organization's teams: anyone who may manage some project (they are read-only names).
        None => app.config.access.get(who).is_some_and(|p| !p.is_empty()),
    };
    if !allowed {
        return refuse(
            StatusCode::FORBIDDEN,
            "PORTAL_PROJECT_NOT_ALLOWED",
            &format!("{who} may not manage this project through the portal."),
        );
    }
    if *method != Method::GET
        && header_text(headers, "origin") != Some(app.config.console_origin.as_str())
    {
        return refuse(
            StatusCode::FORBIDDEN,
            "PORTAL_ORIGIN_REFUSED",
            "Changes are accepted only from the console's own page.",
        );
    }
    let url = format!(
        "{}{}",
        app.config.atlas_base_url,
        uri.path_and_query().map_or(uri.path(), |p| p.as_str())
    );
    // A token Atlas refuses (revoked, or expired early) is fetched again once.
    for attempt in 0..2 {
        let token = match app.tokens.bearer().await {
            Ok(t) => t,
            Err(why) => {
                eprintln!("dbaccess-portal: no Atlas token: {why}");
                return refuse(
                    StatusCode::BAD_GATEWAY,
                    "PORTAL_TOKEN_UNAVAILABLE",
                    "The portal could not sign in to Atlas. Try again later.",
                );
            }
        };
        let mut request = app
            .client
            .request(method.clone(), &url)
            .bearer_auth(&token)
            .timeout(app.config.request_timeout);
        for name in [header::ACCEPT, header::CONTENT_TYPE] {
            if let Some(v) = headers.get(&name) {
                request = request.header(name, v.clone());
            }
        }
        if !body.is_empty() {
            request = request.body(body.clone());
        }
        let sent = request.send().await;
        let answer = match sent {
            Ok(a) => a,
            Err(e) if e.is_timeout() => {
                return refuse(
                    StatusCode::GATEWAY_TIMEOUT,
                    "PORTAL_UPSTREAM_TIMEOUT",
                    "Atlas did not answer in time.",
                )
            }
            Err(_) => {
                return refuse(
                    StatusCode::BAD_GATEWAY,
                    "PORTAL_UPSTREAM_UNAVAILABLE",
                    "Atlas could not be reached.",
                )
            }
        };
        if answer.status() == StatusCode::UNAUTHORIZED && attempt == 0 {
            app.tokens.forget(&token).await;
            continue;
        }
        let status = answer.status();
        let mut out = HeaderMap::new();
        for name in [header::CONTENT_TYPE, header::RETRY_AFTER] {
            if let Some(v) = answer.headers().get(&name) {
                out.insert(name, v.clone());
            }
        }
        out.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        return match answer.bytes().await {
            Ok(bytes) => (status, out, bytes).into_response(),
            Err(_) => refuse(
                StatusCode::BAD_GATEWAY,
                "PORTAL_UPSTREAM_UNAVAILABLE",
                "Atlas's answer was cut short.",
            ),
        };
    }
    unreachable!("the loop returns on its second attempt")
}
