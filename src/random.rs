//! Secrets and ids drawn from the Web Crypto API (never `Math.random`): passwords, API keys, client
//! secrets. Fails closed: without Web Crypto, or when it refuses, nothing is generated (a buffer left as
//! it was would make every secret `AAAA…`).

pub const ALPHANUMERIC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
pub const LOWERCASE: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
pub const HEX: &[u8] = b"0123456789abcdef";

/// Why nothing was generated: a sentence for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RandomUnavailable(pub String);

/// `len` characters from `alphabet`, each equally likely (rejection sampling: bytes at or above the
/// largest multiple of the alphabet size are dropped).
pub fn random_string(alphabet: &[u8], len: usize) -> Result<String, RandomUnavailable> {
    let n = alphabet.len();
    let limit = 256 - 256 % n;
    let mut out = String::with_capacity(len);
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .filter(|c| {
            let v: &wasm_bindgen::JsValue = c.as_ref();
            !v.is_undefined() && !v.is_null()
        })
        .ok_or_else(|| {
            RandomUnavailable(
                "This browser offers no secure random numbers (Web Crypto), so nothing was generated."
                    .to_string(),
            )
        })?;
    while out.len() < len {
        let mut bytes = [0u8; 64];
        let refused = || {
            RandomUnavailable(
                "The browser refused to give secure random numbers (Web Crypto), so nothing was generated."
                    .to_string(),
            )
        };
        crypto
            .get_random_values_with_u8_array(&mut bytes)
            .map_err(|_| refused())?;
        // 64 zero bytes from a working generator: chance 2^-512. A stub that filled nothing: refused.
        if bytes.iter().all(|b| *b == 0) {
            return Err(refused());
        }
        out.extend(
            bytes
                .iter()
                .filter(|b| usize::from(**b) < limit)
                .take(len - out.len())
                .map(|b| alphabet[usize::from(*b) % n] as char),
        );
    }
    Ok(out)
}
