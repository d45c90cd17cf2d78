//! Sending one request to Atlas with the service account's token: the URL is built from checked
//! segments (`path::CheckedPath::upstream`), a token Atlas refuses is fetched again once, and only the
//! headers the console needs cross back.
use crate::path::CheckedPath;
use crate::refusal::Refusal;
use crate::App;
use axum::body::Bytes;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};

/// Atlas's answer: status, `Content-Type` and `Retry-After` only, and the body.
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

/// What to send: the checked path, the query (already checked), `Accept`/`Content-Type`, the body.
pub struct Outgoing<'a> {
    pub method: Method,
    pub path: &'a CheckedPath,
    pub query: Option<&'a str>,
    pub accept: Option<HeaderValue>,
    pub content_type: Option<HeaderValue>,
    pub body: Bytes,
}

pub async fn send(app: &App, out: Outgoing<'_>) -> Result<Answer, Refusal> {
    let mut url = out
        .path
        .upstream(&app.atlas)
        .map_err(|crate::path::Refused(why)| Refusal::Path(why))?;
    url.set_query(out.query);
    // A token Atlas refuses (revoked, or expired early) is fetched again once.
    for attempt in 0..2 {
        let token = app.tokens.bearer().await?;
        let mut request = app
            .client
            .request(out.method.clone(), url.clone())
            .bearer_auth(&token)
            .timeout(app.config.request_timeout);
        if let Some(v) = &out.accept {
            request = request.header(header::ACCEPT, v.clone());
        }
        if let Some(v) = &out.content_type {
            request = request.header(header::CONTENT_TYPE, v.clone());
        }
        if !out.body.is_empty() {
            request = request.body(out.body.clone());
        }
        let answer = match request.send().await {
            Ok(a) => a,
            Err(e) if e.is_timeout() => return Err(Refusal::UpstreamTimeout),
            Err(_) => return Err(Refusal::UpstreamUnavailable("Atlas could not be reached.")),
        };
        if answer.status() == StatusCode::UNAUTHORIZED && attempt == 0 {
            app.tokens.forget(&token);
            continue;
        }
        let status = answer.status();
        let mut headers = HeaderMap::new();
        for name in [header::CONTENT_TYPE, header::RETRY_AFTER] {
            if let Some(v) = answer.headers().get(&name) {
                headers.insert(name, v.clone());
            }
        }
        let body = answer.bytes().await.map_err(|e| {
            if e.is_timeout() {
                Refusal::UpstreamTimeout
            } else {
                Refusal::UpstreamUnavailable("Atlas's answer was cut short.")
            }
        })?;
        return Ok(Answer {
            status,
            headers,
            body,
        });
    }
    unreachable!("the loop returns on its second attempt")
}

/// A read the portal makes on its own account (roles, a project's name): `path` is built here, so it
/// always parses.
pub async fn read(
    app: &App,
    path: &str,
    query: Option<&str>,
    version: &str,
) -> Result<serde_json::Value, Refusal> {
    let path = CheckedPath::parse(path).map_err(|crate::path::Refused(why)| Refusal::Path(why))?;
    let answer = send(
        app,
        Outgoing {
            method: Method::GET,
            path: &path,
            query,
            accept: HeaderValue::from_str(&domain::api::media_type(version)).ok(),
            content_type: None,
            body: Bytes::new(),
        },
    )
    .await?;
    if answer.status != StatusCode::OK {
        tracing::warn!("GET {} answered {}", path.as_str(), answer.status);
        return Err(Refusal::UpstreamUnavailable(
            "Atlas refused the portal's own read.",
        ));
    }
    serde_json::from_slice(&answer.body)
        .map_err(|_| Refusal::UpstreamUnavailable("Atlas's answer could not be read."))
}
