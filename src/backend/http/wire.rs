//! The HTTP backend's side of the wire: gloo's method for a call, reading an answer, and what it makes
//! of answers it can't use (none, too late, a status without an Atlas error, an unreadable body): each an
//! Atlas-shaped error that says whether anything changed. And the timers its timeouts and pauses use.
use super::{NETWORK_ERROR, REQUEST_TIMEOUT};
use crate::backend::ApiResult;
use domain::api::{Call, Method};
use domain::model::ApiError;
use domain::ErrorCode;
use serde::de::DeserializeOwned;
use serde_json::Value;
use wasm_bindgen::JsCast;

pub(super) fn method(m: Method) -> gloo_net::http::Method {
    use gloo_net::http::Method as M;
    match m {
        Method::Get => M::GET,
        Method::Post => M::POST,
        Method::Put => M::PUT,
        Method::Patch => M::PATCH,
        Method::Delete => M::DELETE,
    }
}

pub(super) fn parse<T: DeserializeOwned>(value: Value) -> ApiResult<T> {
    serde_json::from_value(value).map_err(|e| unreadable(200, &e.to_string()))
}

fn client_error(status: u16, code: &str, detail: String) -> ApiError {
    ApiError {
        error: status,
        error_code: code.to_string(),
        detail: Some(detail),
        ..ApiError::default()
    }
}

fn what(call: &Call) -> &'static str {
    if call.method.is_idempotent() {
        "Nothing was changed."
    } else {
        "The change may or may not have been made: check the list before trying again."
    }
}

pub(super) fn network_error(why: &str, call: &Call) -> ApiError {
    client_error(
        0,
        NETWORK_ERROR,
        format!(
            "Atlas could not be reached through the portal ({why}). {}",
            what(call)
        ),
    )
}

pub(super) fn timeout_error(ms: u32, call: &Call) -> ApiError {
    client_error(
        0,
        REQUEST_TIMEOUT,
        format!(
            "Atlas did not answer within {} seconds. {}",
            ms.div_ceil(1000),
            what(call)
        ),
    )
}

pub(super) fn status_error(status: u16, text: &str) -> ApiError {
    let snippet: String = text.chars().take(120).collect();
    client_error(
        status,
        ErrorCode::UNEXPECTED_ERROR.as_str(),
        format!("The portal answered {status} without an Atlas error ({snippet})."),
    )
}

pub(super) fn unreadable(status: u16, why: &str) -> ApiError {
    client_error(
        status,
        ErrorCode::UNEXPECTED_ERROR.as_str(),
        format!("The answer could not be read ({why})."),
    )
}

pub(super) fn set_timeout(ms: u32, f: impl FnOnce() + 'static) -> Option<i32> {
    let cb = wasm_bindgen::closure::Closure::once_into_js(f);
    web_sys::window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            cb.unchecked_ref(),
            i32::try_from(ms).unwrap_or(i32::MAX),
        )
        .ok()
}

pub(super) async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = set_timeout(ms, move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
