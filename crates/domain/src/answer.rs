//! Reading an Admin API answer: status, media type and body in, the JSON or the Atlas error envelope out.
//! The browser's HTTP backend reads every answer through here, and the native tests feed it the answers
//! real Atlas sent (`../shared/atlas-recordings`), so what the console makes of Atlas is tested without a
//! browser.
use crate::errors::ErrorCode;
use crate::model::ApiError;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// An error the console makes itself (Atlas never sends these codes with status 0).
pub fn client_error(status: u16, code: &str, detail: String) -> ApiError {
    ApiError {
        error: status,
        error_code: code.to_string(),
        detail: Some(detail),
        ..ApiError::default()
    }
}

/// A status with a body that isn't an Atlas error (a proxy's own page, say).
pub fn status_error(status: u16, text: &str) -> ApiError {
    let snippet: String = text.chars().take(120).collect();
    client_error(
        status,
        ErrorCode::UNEXPECTED_ERROR.as_str(),
        format!("The portal answered {status} without an Atlas error ({snippet})."),
    )
}

pub fn unreadable(status: u16, why: &str) -> ApiError {
    client_error(
        status,
        ErrorCode::UNEXPECTED_ERROR.as_str(),
        format!("The answer could not be read ({why})."),
    )
}

/// Whether a `Content-Type` is JSON: `application/json` or Atlas's versioned
/// `application/vnd.atlas.<version>+json`, with any parameters (Atlas adds `;charset=utf-8`).
pub fn is_json(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/vnd.atlas.") && essence.ends_with("+json"))
}

/// The JSON of a successful answer (`None` when it has no body), or the error it stands for: Atlas's own
/// envelope when the body is one, otherwise an error that quotes what came back.
pub fn read(
    status: u16,
    content_type: Option<&str>,
    text: &str,
) -> Result<Option<Value>, ApiError> {
    if (200..300).contains(&status) {
        if text.trim().is_empty() {
            return Ok(None);
        }
        if let Some(t) = content_type.filter(|t| !is_json(t)) {
            return Err(unreadable(status, &format!("{t}, not JSON")));
        }
        return serde_json::from_str(text)
            .map(Some)
            .map_err(|e| unreadable(status, &e.to_string()));
    }
    Err(serde_json::from_str::<ApiError>(text)
        .ok()
        .filter(|e| !e.error_code.is_empty())
        .unwrap_or_else(|| status_error(status, text)))
}

/// The text of a successful answer that isn't JSON, though Atlas labels it with its JSON media type (a
/// new certificate is PEM text: `../shared/atlas-recordings/dbuserscerts`), or the error it stands for.
pub fn read_text(status: u16, text: &str) -> Result<String, ApiError> {
    if (200..300).contains(&status) {
        return Ok(text.to_string());
    }
    Err(read(status, None, text)
        .err()
        .unwrap_or_else(|| status_error(status, text)))
}

/// A successful answer's JSON as the type the console reads it into.
pub fn parse<T: DeserializeOwned>(value: Value) -> Result<T, ApiError> {
    serde_json::from_value(value).map_err(|e| unreadable(200, &e.to_string()))
}
