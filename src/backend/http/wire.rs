//! The HTTP backend's side of the wire: gloo's method for a call, and what it makes of requests that got
//! no answer (none, or too late): each an Atlas-shaped error that says whether anything changed. Reading
//! an answer that did come is `domain::answer`'s; the timers its timeouts and pauses use are `crate::timers`.
use super::{NETWORK_ERROR, REQUEST_TIMEOUT};
use domain::answer::client_error;
use domain::api::{Call, Method};
use domain::model::ApiError;

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
