//! The HTTP backend's side of the wire: gloo's method for a call, and what it makes of requests that got
//! no answer (none, or too late): each an Atlas-shaped error that says whether anything changed. Reading
//! an answer that did come is `domain::answer`'s. And the timers its timeouts and pauses use.
use super::{NETWORK_ERROR, REQUEST_TIMEOUT};
use domain::answer::client_error;
use domain::api::{Call, Method};
use domain::model::ApiError;
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
