//! How the emulator answers: Atlas's error for a missing resource or an unreadable body, a JSON answer in
//! the version asked for, one page of a list. Shared by every group of endpoints.
use crate::{Reply, Request};
use domain::api::ITEMS_PER_PAGE;
use domain::model::ApiError;
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
