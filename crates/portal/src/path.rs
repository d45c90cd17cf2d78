//! One path: the request path is parsed into segments once, every check reads those segments, and the
//! upstream URL is built from the same segments (pushed one by one, never a string a URL parser could
//! re-read: a `\` it takes for `/`, a `..` it resolves). Before sending, the upstream path must equal the
//! checked path byte for byte.
//!
//! A path is refused when any segment is empty, `.` or `..`; holds a byte outside RFC 3986 `pchar`, or
//! `;` (a path parameter to some servers); or percent-encodes `/`, `\`, `.`, a control character, or
//! anything that isn't UTF-8. After decoding, `;`, `[`, `]`, `^` and `|` are refused too: a URL library
//! writes them unencoded, so the path sent could not equal the path checked.

/// Bytes allowed unencoded in a raw segment: RFC 3986 `pchar` without `;` and `%` (escapes are read
/// apart).
fn is_plain(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'-' | b'.'
                | b'_'
                | b'~'
                | b'!'
                | b'$'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b'='
                | b':'
                | b'@'
        )
}

/// Why a path was refused (shown to the caller, audited).
#[derive(Debug, PartialEq, Eq)]
pub struct Refused(pub &'static str);

/// A path that passed every check: its decoded segments, and its one spelling.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedPath {
    segments: Vec<String>,
    canonical: String,
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// One raw segment to its decoded text, or why not.
fn decode_segment(raw: &str) -> Result<String, Refused> {
    if raw.is_empty() {
        return Err(Refused("an empty path segment"));
    }
    if raw == "." || raw == ".." {
        return Err(Refused("a dot segment"));
    }
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'%' {
            let (Some(h), Some(l)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            ) else {
                return Err(Refused("a malformed percent-escape"));
            };
            let d = h * 16 + l;
            match d {
                b'/' | b'\\' | b'.' => {
                    return Err(Refused("a percent-encoded '/', '\\' or '.'"));
                }
                0..=0x1f | 0x7f => return Err(Refused("a control character")),
                _ => out.push(d),
            }
            i += 3;
        } else if is_plain(b) {
            out.push(b);
            i += 1;
        } else if b == b'\\' {
            return Err(Refused("a backslash"));
        } else if b == b';' {
            return Err(Refused("a ';'"));
        } else if b < 0x20 || b == 0x7f {
            return Err(Refused("a control character"));
        } else {
            return Err(Refused("a character outside RFC 3986 pchar"));
        }
    }
    let text = String::from_utf8(out).map_err(|_| Refused("a segment that isn't UTF-8"))?;
    if text.contains([';', '[', ']', '^', '|']) {
        return Err(Refused(
            "a ';', '[', ']', '^' or '|' (even percent-encoded)",
        ));
    }
    Ok(text)
}

/// The one spelling of a decoded segment: `pchar` without `;` stays, everything else is `%XX` (upper case).
/// It is what a WHATWG URL library writes for the same segment, given the characters refused above.
fn encode_segment(text: &str, out: &mut String) {
    for b in text.bytes() {
        if is_plain(b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
}

impl CheckedPath {
    /// Parses a raw request path (as received, still percent-encoded, without the query).
    pub fn parse(raw: &str) -> Result<CheckedPath, Refused> {
        let Some(rest) = raw.strip_prefix('/') else {
            return Err(Refused("a path that doesn't start with '/'"));
        };
        let segments = rest
            .split('/')
            .map(decode_segment)
            .collect::<Result<Vec<_>, _>>()?;
        let mut canonical = String::with_capacity(raw.len());
        for s in &segments {
            canonical.push('/');
            encode_segment(s, &mut canonical);
        }
        Ok(CheckedPath {
            segments,
            canonical,
        })
    }

    /// The decoded segments.
    pub fn segments(&self) -> &[String] {
        &self.segments
    }

    /// The path every check reads and the upstream request carries.
    pub fn as_str(&self) -> &str {
        &self.canonical
    }

    /// `base` (scheme and host, no path) with these segments, checked equal to [`as_str`](Self::as_str).
    pub fn upstream(&self, base: &reqwest::Url) -> Result<reqwest::Url, Refused> {
        let mut url = base.clone();
        url.set_query(None);
        url.set_fragment(None);
        url.path_segments_mut()
            .map_err(|()| Refused("an Atlas base URL that can't hold a path"))?
            .clear()
            .extend(&self.segments);
        if url.path() != self.canonical {
            return Err(Refused("a path that would reach Atlas spelt differently"));
        }
        Ok(url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const G: &str = "/api/atlas/v2/groups/6650f1c2a4b3c2d1e0f9a8b7";

    #[test]
    fn the_consoles_paths_pass_in_one_spelling() {
        for (raw, canonical) in [
            (
                format!("{G}/customDBRoles/roles"),
                format!("{G}/customDBRoles/roles"),
            ),
            (
                format!("{G}/databaseUsers/admin/ada%40example.com"),
                format!("{G}/databaseUsers/admin/ada@example.com"),
            ),
            (
                format!("{G}/databaseUsers/%24external/CN%3Dana%20smith%2COU%3Dops"),
                format!("{G}/databaseUsers/$external/CN=ana%20smith,OU=ops"),
            ),
            (
                format!("{G}/users/5e4bc367c6b0f41bb9bbb178:addRole"),
                format!("{G}/users/5e4bc367c6b0f41bb9bbb178:addRole"),
            ),
            (
                format!("{G}/databaseUsers/admin/j%C3%B6rg"),
                format!("{G}/databaseUsers/admin/j%C3%B6rg"),
            ),
        ] {
            let p = CheckedPath::parse(&raw).unwrap();
            assert_eq!(p.as_str(), canonical);
            let base = reqwest::Url::parse("https://cloud.mongodb.com").unwrap();
            assert_eq!(p.upstream(&base).unwrap().path(), canonical);
        }
    }

    #[test]
    fn tricks_are_refused_with_the_reason() {
        for (raw, why) in [
            (
                format!("{G}/databaseUsers/x/..\\..\\..\\b\\databaseUsers"),
                "a backslash",
            ),
            (format!("{G}/databaseUsers/x/../../y"), "a dot segment"),
            (format!("{G}/./customDBRoles/roles"), "a dot segment"),
            (
                format!("{G}/customDBRoles/roles/%2e%2E"),
                "a percent-encoded '/', '\\' or '.'",
            ),
            (
                format!("{G}/customDBRoles/roles/a%2fb"),
                "a percent-encoded '/', '\\' or '.'",
            ),
            (
                format!("{G}/customDBRoles/roles/a%5Cb"),
                "a percent-encoded '/', '\\' or '.'",
            ),
            (format!("{G}//customDBRoles/roles"), "an empty path segment"),
            (format!("{G}/customDBRoles/roles/"), "an empty path segment"),
            (format!("{G};x=1/customDBRoles/roles"), "a ';'"),
            (
                format!("{G}/customDBRoles/roles/a%3Bb"),
                "a ';', '[', ']', '^' or '|' (even percent-encoded)",
            ),
            (
                format!("{G}/customDBRoles/roles/a%00"),
                "a control character",
            ),
            (
                format!("{G}/customDBRoles/roles/a%zz"),
                "a malformed percent-escape",
            ),
            (
                format!("{G}/customDBRoles/roles/a%C0%AE"),
                "a segment that isn't UTF-8",
            ),
            (
                format!("{G}/customDBRoles/roles/é"),
                "a character outside RFC 3986 pchar",
            ),
            (
                format!("{G}/customDBRoles/roles/a b"),
                "a character outside RFC 3986 pchar",
            ),
            (
                "api/atlas/v2".to_string(),
                "a path that doesn't start with '/'",
            ),
        ] {
            assert_eq!(CheckedPath::parse(&raw), Err(Refused(why)), "{raw}");
        }
    }
}
