//! Times and ids for the emulator, from the standard library only.
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// ISO 8601 UTC with milliseconds, as Atlas writes times.
pub fn iso(at: SystemTime) -> String {
    let d = at.duration_since(UNIX_EPOCH).unwrap_or_default();
    domain::datetime::format_datetime(d.as_secs() as i64, d.subsec_millis())
}

pub fn now() -> String {
    iso(SystemTime::now())
}

/// Pseudo-random hex (splitmix64 over time and a counter): unique ids, not secrets worth protecting —
/// the emulator's keys open nothing.
pub fn hex(len: usize) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos() as u64;
    let mut x = seed
        ^ COUNTER
            .fetch_add(0x9E37_79B9_7F4A_7C15, Ordering::Relaxed)
            .rotate_left(17);
    let mut out = String::with_capacity(len + 16);
    while out.len() < len {
        x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        out.push_str(&format!("{:016x}", z ^ (z >> 31)));
    }
    out.truncate(len);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn times_are_iso_8601_utc() {
        assert_eq!(iso(UNIX_EPOCH), "1970-01-01T00:00:00.000Z");
        let t = UNIX_EPOCH + Duration::from_millis(1_795_000_000_123);
        assert_eq!(iso(t), "2026-11-18T11:06:40.123Z");
        assert_eq!(
            domain::datetime::parse_datetime(&iso(t)),
            Some(1_795_000_000)
        );
    }

    #[test]
    fn ids_are_hex_of_the_asked_length_and_differ() {
        let (a, b) = (hex(24), hex(24));
        assert_eq!(a.len(), 24);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
    }
}
