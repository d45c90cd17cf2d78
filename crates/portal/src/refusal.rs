//! Every answer the portal gives on its own account: one type, written as the Atlas error envelope (the
//! console shows `detail` next to the form). The codes are stated here and nowhere else.
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::json;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// No one signed in, or the identity can't be trusted.
    NotSignedIn(&'static str),
    /// The identity header came more than once.
    IdentityAmbiguous,
    /// The path failed `path::CheckedPath::parse`.
    Path(&'static str),
    /// Not an operation the console sends.
    Operation,
    /// A query parameter the operation doesn't take through the portal.
    Query(String),
    /// The person isn't mapped to this project (or to a project of this organization).
    Project {
        who: String,
    },
    /// The person's roles there don't allow it: the reason names the roles that would.
    Role {
        who: String,
        why: String,
    },
    /// A write from another page.
    Origin,
    /// The body is larger than the portal forwards.
    TooLarge {
        limit: usize,
    },
    /// The person's roles couldn't be read from Atlas.
    RolesUnavailable,
    /// The service account's token couldn't be had.
    TokenUnavailable,
    TokenTimeout,
    UpstreamUnavailable(&'static str),
    UpstreamTimeout,
    /// Not a page or route the portal has.
    NotFound,
}

impl Refusal {
    pub fn status(&self) -> StatusCode {
        match self {
            Refusal::NotSignedIn(_) => StatusCode::UNAUTHORIZED,
            Refusal::IdentityAmbiguous | Refusal::Path(_) | Refusal::Query(_) => {
                StatusCode::BAD_REQUEST
            }
            Refusal::Operation
            | Refusal::Project { .. }
            | Refusal::Role { .. }
            | Refusal::Origin => StatusCode::FORBIDDEN,
            Refusal::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Refusal::RolesUnavailable
            | Refusal::TokenUnavailable
            | Refusal::UpstreamUnavailable(_) => StatusCode::BAD_GATEWAY,
            Refusal::TokenTimeout | Refusal::UpstreamTimeout => StatusCode::GATEWAY_TIMEOUT,
            Refusal::NotFound => StatusCode::NOT_FOUND,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            Refusal::NotSignedIn(_) => "PORTAL_NOT_SIGNED_IN",
            Refusal::IdentityAmbiguous => "PORTAL_IDENTITY_AMBIGUOUS",
            Refusal::Path(_) => "PORTAL_PATH_REFUSED",
            Refusal::Operation => "PORTAL_OPERATION_NOT_ALLOWED",
            Refusal::Query(_) => "PORTAL_QUERY_REFUSED",
            Refusal::Project { .. } => "PORTAL_PROJECT_NOT_ALLOWED",
            Refusal::Role { .. } => "PORTAL_ROLE_REQUIRED",
            Refusal::Origin => "PORTAL_ORIGIN_REFUSED",
            Refusal::TooLarge { .. } => "PORTAL_BODY_TOO_LARGE",
            Refusal::RolesUnavailable => "PORTAL_ROLES_UNAVAILABLE",
            Refusal::TokenUnavailable => "PORTAL_TOKEN_UNAVAILABLE",
            Refusal::TokenTimeout => "PORTAL_TOKEN_TIMEOUT",
            Refusal::UpstreamUnavailable(_) => "PORTAL_UPSTREAM_UNAVAILABLE",
            Refusal::UpstreamTimeout => "PORTAL_UPSTREAM_TIMEOUT",
            Refusal::NotFound => "PORTAL_NOT_FOUND",
        }
    }

    /// What the person is told.
    pub fn detail(&self) -> String {
        match self {
            Refusal::NotSignedIn(why) => format!("The portal doesn't know who you are: {why}"),
            Refusal::IdentityAmbiguous => {
                "The request names the signed-in person more than once.".to_string()
            }
            Refusal::Path(why) => format!("The portal doesn't forward a path with {why}."),
            Refusal::Operation => {
                "The portal forwards only the operations the Database Access console sends."
                    .to_string()
            }
            Refusal::Query(name) => {
                format!(
                    "The portal doesn't forward the query parameter {name:?} for this operation."
                )
            }
            Refusal::Project { who } => {
                format!("{who} may not manage this project through the portal.")
            }
            Refusal::Role { who, why } => format!("{who} may not do this: {why}."),
            Refusal::Origin => "Changes are accepted only from the console's own page.".to_string(),
            Refusal::TooLarge { limit } => {
                format!("The request body is larger than the portal forwards ({limit} bytes).")
            }
            Refusal::RolesUnavailable => {
                "The portal could not read your roles on this project from Atlas. Try again later."
                    .to_string()
            }
            Refusal::TokenUnavailable => {
                "The portal could not sign in to Atlas. Try again later.".to_string()
            }
            Refusal::TokenTimeout => {
                "Atlas did not answer the portal's sign-in in time. Try again later.".to_string()
            }
            Refusal::UpstreamUnavailable(why) => why.to_string(),
            Refusal::UpstreamTimeout => "Atlas did not answer in time.".to_string(),
            Refusal::NotFound => "The portal has nothing at this address.".to_string(),
        }
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let status = self.status();
        let body = json!({
            "error": status.as_u16(),
            "errorCode": self.code(),
            "reason": status.canonical_reason().unwrap_or_default(),
            "detail": self.detail(),
        });
        (
            status,
            [
                (header::CONTENT_TYPE, "application/json"),
                (header::CACHE_CONTROL, "no-store"),
            ],
            body.to_string(),
        )
            .into_response()
    }
}
