//! Which Admin API bases the console may talk to. A link (`?api=`) or a host page names the base, and the
//! console sends it every password typed and shows what it answers as the project: so only this page's
//! own origin, origins the host page lists (`allowedOrigins`) and, in debug builds (the emulator on
//! 127.0.0.1), loopback are accepted. Anything that isn't plainly one of those is refused, never guessed.

/// Hosts that are this computer. `[::1]` is left out: a CSP host-source can't name it.
const LOOPBACK: [&str; 2] = ["127.0.0.1", "localhost"];

/// Where the console may send requests.
pub struct Allowed<'a> {
    /// `location.origin` of the page the console runs in.
    pub page_origin: &'a str,
    /// Origins the host page allows (`mountConsole`'s `allowedOrigins`).
    pub extra: &'a [String],
    /// Loopback too (debug builds only).
    pub loopback: bool,
}

/// `scheme://host[:port]` of an absolute `http(s)` URL: lowercased, default port dropped. Refuses what a
/// browser would read differently from a plain reading (credentials, backslashes, whitespace, `http:x`).
pub fn origin_of(url: &str) -> Result<String, String> {
    if let Some(c) = url
        .chars()
        .find(|c| c.is_whitespace() || c.is_control() || *c == '\\')
    {
        return Err(format!(
            "it contains {c:?}, which browsers drop or reinterpret"
        ));
    }
    let Some((scheme, rest)) = scheme_of(url) else {
        return Err("it is not an absolute http or https address".to_string());
    };
    let scheme = scheme.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "http" => "80",
        "https" => "443",
        _ => {
            return Err(format!(
                "{scheme}: addresses are not allowed, only http and https"
            ))
        }
    };
    let Some(rest) = rest.strip_prefix("//") else {
        return Err(format!("it has no host after {scheme}:"));
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return Err("it contains a user name or password".to_string());
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) if !p.contains(']') => (h, Some(p)),
        _ => (authority, None),
    };
    if host.is_empty() || host.contains('%') {
        return Err("it has no readable host".to_string());
    }
    let host = host.to_ascii_lowercase();
    match port {
        None | Some("") => Ok(format!("{scheme}://{host}")),
        Some(p) if p == default_port => Ok(format!("{scheme}://{host}")),
        Some(p) if p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()) => {
            Ok(format!("{scheme}://{host}:{p}"))
        }
        Some(p) => Err(format!("its port {p:?} is not a number")),
    }
}

/// The scheme and what follows its `:`, when `url` starts with one (`[A-Za-z][A-Za-z0-9+.-]*:`).
fn scheme_of(url: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = url.split_once(':')?;
    let mut chars = scheme.chars();
    let first_ok = chars.next()?.is_ascii_alphabetic();
    (first_ok && chars.all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c)))
        .then_some((scheme, rest))
}

/// Whether the console may use `base` as its Admin API base; if not, why (a sentence for the user).
pub fn check_base(base: &str, allowed: &Allowed) -> Result<(), String> {
    let refuse = |why: String| {
        Err(format!(
            "The console did not open the Admin API at {base:?}: {why}. Nothing was loaded from it and nothing will be sent to it."
        ))
    };
    if scheme_of(base).is_none() {
        // "//host" and "/\host" name another host with this page's scheme.
        if base.starts_with("//") || base.starts_with("/\\") {
            return refuse("an address starting with // names another host".to_string());
        }
        // Otherwise a path on this page's origin ("" is the origin itself): the portal's own proxy.
        return match base
            .chars()
            .find(|c| c.is_whitespace() || c.is_control() || *c == '\\')
        {
            Some(c) => refuse(format!(
                "it contains {c:?}, which browsers drop or reinterpret"
            )),
            None => Ok(()),
        };
    }
    let origin = match origin_of(base) {
        Ok(o) => o,
        Err(why) => return refuse(why),
    };
    let same = |o: &str| origin_of(o).is_ok_and(|o| o == origin);
    let host = origin.split_once("://").map_or("", |(_, h)| h);
    let host = host.rsplit_once(':').map_or(host, |(h, _)| h);
    if same(allowed.page_origin)
        || allowed.extra.iter().any(|o| same(o))
        || (allowed.loopback && LOOPBACK.contains(&host))
    {
        return Ok(());
    }
    let mut who = format!("only this page's origin ({})", allowed.page_origin);
    if !allowed.extra.is_empty() {
        who.push_str(&format!(
            " and the origins the host page allows ({})",
            allowed.extra.join(", ")
        ));
    }
    if allowed.loopback {
        who.push_str(" and, in this development build, this computer (127.0.0.1, localhost)");
    }
    refuse(format!(
        "{origin} is another origin, and the console talks to {who}"
    ))
}

/// An origin a host page allows must be just that: `scheme://host[:port]`, http or https.
pub fn check_allowed_origin(origin: &str) -> Result<(), String> {
    let bare = origin.strip_suffix('/').unwrap_or(origin);
    let after_scheme = bare.split_once("://").map_or("", |(_, rest)| rest);
    match origin_of(bare) {
        Ok(_) if !after_scheme.contains(['/', '?', '#']) => Ok(()),
        Ok(_) => Err(format!(
            "mountConsole: allowedOrigins entries are origins (scheme://host[:port]), not {origin:?}"
        )),
        Err(why) => Err(format!(
            "mountConsole: the allowedOrigins entry {origin:?} is refused: {why}"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    const PAGE: &str = "https://portal.example.com";

    /// `(base, accepted with loopback?, accepted without?)`. How browsers read a URL is the WHATWG URL
    /// Standard (url.spec.whatwg.org): tabs and newlines are removed anywhere, `\` is `/` in http(s), `//host`
    /// is another host with this page's scheme, `user@host` is host; so each of those is refused here.
    const BASES: &[(&str, bool, bool)] = &[
        ("", true, true),                                 // this origin: a same-origin proxy
        ("/api/atlas-proxy", true, true),                 // a path on this origin
        ("https://portal.example.com", true, true),       // this origin spelled out
        ("HTTPS://Portal.Example.com:443/x", true, true), // the same, case and default port
        ("https://partner.example.com", true, true),      // listed by the host page
        ("http://127.0.0.1:8090", true, false),           // the emulator: debug builds only
        ("http://localhost:8090", true, false),
        ("https://elsewhere.example", false, false), // another origin
        ("http://portal.example.com", false, false), // another scheme is another origin
        ("https://portal.example.com:8443", false, false), // another port is another origin
        ("//elsewhere.example", false, false),       // protocol-relative: another host
        ("/\\elsewhere.example", false, false),      // "/\" reads as "//" in http(s)
        ("https://portal.example.com@evil.example", false, false), // user "portal.example.com" at evil
        ("https://127.0.0.1:1@evil.example", false, false),
        ("ht\ttps://evil.example", false, false), // the tab is dropped by the browser
        ("/api\n", false, false),
        ("data:application/json,{}", false, false), // not http(s)
        ("javascript:alert(1)", false, false),
        ("file:///etc", false, false),
        ("ftp://portal.example.com", false, false),
        ("https:evil.example", false, false), // no "//": read differently by browsers
        ("http://127.0.0.2:8090", false, false), // only the loopback names listed
        ("http://%31%32%37.0.0.1:1", false, false), // percent-encoded host: not guessed
        ("https://portal.example.com:x", false, false),
    ];

    #[wasm_bindgen_test]
    fn only_this_origin_listed_origins_and_debug_loopback_are_accepted() {
        let extra = ["https://partner.example.com".to_string()];
        for &(base, with_loopback, without) in BASES {
            for (loopback, expected) in [(true, with_loopback), (false, without)] {
                let allowed = Allowed {
                    page_origin: PAGE,
                    extra: &extra,
                    loopback,
                };
                let got = check_base(base, &allowed);
                assert_eq!(
                    got.is_ok(),
                    expected,
                    "{base:?} (loopback {loopback}): {got:?}"
                );
            }
        }
    }

    #[wasm_bindgen_test]
    fn a_refusal_says_why() {
        let allowed = Allowed {
            page_origin: PAGE,
            extra: &[],
            loopback: false,
        };
        let why = check_base("https://elsewhere.example/api", &allowed).unwrap_err();
        assert!(
            why.contains("https://elsewhere.example is another origin"),
            "{why}"
        );
        assert!(
            why.contains("only this page's origin (https://portal.example.com)"),
            "{why}"
        );
        assert!(why.contains("nothing will be sent"), "{why}");
        let why = check_base("data:text/html,x", &allowed).unwrap_err();
        assert!(
            why.contains("data: addresses are not allowed, only http and https"),
            "{why}"
        );
    }

    #[wasm_bindgen_test]
    fn allowed_origins_are_bare_origins() {
        for ok in [
            "https://a.example",
            "http://127.0.0.1:9000",
            "https://a.example/",
        ] {
            assert_eq!(check_allowed_origin(ok), Ok(()), "{ok}");
        }
        for bad in [
            "https://a.example/api",
            "a.example",
            "data:x",
            "https://u@a.example",
            "*",
        ] {
            assert!(check_allowed_origin(bad).is_err(), "{bad}");
        }
    }
}
