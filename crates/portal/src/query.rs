//! Query strings: only what the console sends passes. It pages its reads (`itemsPerPage`, `pageNum`,
//! `domain::api::Call::page`) and sends no query with a write. Anything else is refused, not dropped:
//! `envelope=true` would make Atlas answer 200 with the real status in the body (the audit and the token
//! refetch would read the wrong one), `pretty` and unknown keys have no use here.
use crate::refusal::Refusal;
use axum::http::Method;

/// The query to forward (as received), or why not.
pub fn check(method: &Method, query: Option<&str>) -> Result<Option<String>, Refusal> {
    let Some(query) = query.filter(|q| !q.is_empty()) else {
        return Ok(None);
    };
    let mut seen: Vec<&str> = Vec::new();
    let mut kept: Vec<&str> = Vec::new();
    // Empty pairs pass and are dropped: the browser's fetch helper (gloo-net) ends a query it extends with
    // a `&`.
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let bounds = match name {
            "itemsPerPage" => 1..=500,
            "pageNum" => 1..=1_000_000,
            _ => return Err(Refusal::Query(name.to_string())),
        };
        if *method != Method::GET || seen.contains(&name) {
            return Err(Refusal::Query(name.to_string()));
        }
        let ok = !value.is_empty()
            && value.len() <= 7
            && value.bytes().all(|b| b.is_ascii_digit())
            && value.parse::<u32>().is_ok_and(|n| bounds.contains(&n));
        if !ok {
            return Err(Refusal::Query(name.to_string()));
        }
        seen.push(name);
        kept.push(pair);
    }
    Ok((!kept.is_empty()).then(|| kept.join("&")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paging_passes_on_reads_and_nothing_else_passes() {
        assert_eq!(
            check(&Method::GET, Some("itemsPerPage=500&pageNum=2")),
            Ok(Some("itemsPerPage=500&pageNum=2".to_string()))
        );
        assert_eq!(check(&Method::POST, None), Ok(None));
        assert_eq!(
            check(&Method::GET, Some("itemsPerPage=500&pageNum=1&")),
            Ok(Some("itemsPerPage=500&pageNum=1".to_string())),
            "as the console's fetch helper sends it"
        );
        assert_eq!(check(&Method::DELETE, Some("&")), Ok(None));
        for (method, q, name) in [
            (Method::GET, "envelope=true", "envelope"),
            (Method::GET, "pretty=true", "pretty"),
            (Method::GET, "pageNum=1&envelope=true", "envelope"),
            (Method::GET, "includeCount=true", "includeCount"),
            (Method::GET, "itemsPerPage=501", "itemsPerPage"),
            (Method::GET, "itemsPerPage=0", "itemsPerPage"),
            (Method::GET, "pageNum=1&pageNum=2", "pageNum"),
            (Method::GET, "pageNum=%31", "pageNum"),
            (Method::GET, "pageNum=-1", "pageNum"),
            (Method::GET, "ENVELOPE=true", "ENVELOPE"),
            (Method::GET, "envelope", "envelope"),
            (Method::DELETE, "pageNum=1", "pageNum"),
        ] {
            assert_eq!(
                check(&method, Some(q)),
                Err(Refusal::Query(name.to_string())),
                "{method} {q}"
            );
        }
    }
}
