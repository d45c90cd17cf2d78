//! Secrets and ids drawn from the Web Crypto API (never `Math.random`): passwords, API keys, client
//! secrets.

pub const ALPHANUMERIC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
pub const LOWERCASE: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
pub const HEX: &[u8] = b"0123456789abcdef";

/// `len` characters from `alphabet`, each equally likely (rejection sampling: bytes at or above the
/// largest multiple of the alphabet size are dropped).
pub fn random_string(alphabet: &[u8], len: usize) -> String {
    let n = alphabet.len();
    let limit = 256 - 256 % n;
    let mut out = String::with_capacity(len);
    let crypto = web_sys::window().and_then(|w| w.crypto().ok());
    while out.len() < len {
        let mut bytes = [0u8; 64];
        if let Some(c) = &crypto {
            let _ = c.get_random_values_with_u8_array(&mut bytes);
        }
        out.extend(
            bytes
                .iter()
                .filter(|b| usize::from(**b) < limit)
                .take(len - out.len())
                .map(|b| alphabet[usize::from(*b) % n] as char),
        );
    }
    out
}
