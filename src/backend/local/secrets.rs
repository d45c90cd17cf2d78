//! Ids, secrets and the demo certificate the embedded backend makes, all from Web Crypto: without it
//! nothing is generated and the write is refused with the reason.
use super::unavailable;
use crate::backend::ApiResult;
use crate::random::{random_string, HEX};

/// A 24-hex Atlas object id.
pub(super) fn object_id() -> ApiResult<String> {
    secret(HEX, 24)
}

/// Random characters for an id or a secret, or the error saying why there are none (no Web Crypto).
pub(super) fn secret(alphabet: &[u8], len: usize) -> ApiResult<String> {
    random_string(alphabet, len).map_err(|e| unavailable(&e.0))
}

pub(super) fn iso_in_hours(hours: i32) -> String {
    let ms = js_sys::Date::now() + f64::from(hours) * 3_600_000.0;
    String::from(js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms)).to_iso_string())
}

/// The demo project has no certificate authority: random base64 in a certificate's shape, saying so. Without
/// a secure random source there is none (fail closed, like every secret here).
pub(super) fn demo_certificate(username: &str, months: u32) -> ApiResult<String> {
    const BASE64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let (cert, key) = (secret(BASE64, 640)?, secret(BASE64, 1200)?);
    let mut blocks = [cert, key].into_iter();
    Ok(domain::user_certs::placeholder_pem(
        &format!("Demo project: not a real certificate for CN={username} (valid {months} months)."),
        |_| blocks.next().unwrap_or_default(),
    ))
}
