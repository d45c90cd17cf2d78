//! The Atlas Admin API v2 calls the console makes, as data: method, path, versioned media type and body.
//! The browser's HTTP backend sends them, the local emulator routes them, and the contract tests check
//! every one against the official OpenAPI document, so the three can't drift apart.
use serde::Serialize;
use serde_json::Value;

/// The first stable version; most endpoints we use exist only in it.
pub const V2023_01_01: &str = "2023-01-01";
/// Stream processing workspaces are served in this version (atlas-sdk-go `admin/api_streams.go`).
pub const V2023_02_01: &str = "2023-02-01";
/// Service accounts exist from this version on.
pub const V2024_08_05: &str = "2024-08-05";
/// Flex clusters' own endpoints exist only in this version (listGroupFlexClusters).
pub const V2024_11_13: &str = "2024-11-13";
/// The version of project users (invite, list) that reports roles and membership status.
pub const V2025_02_19: &str = "2025-02-19";

/// Page size for list calls: the largest Atlas accepts, so 1,400 roles take few round trips.
pub const ITEMS_PER_PAGE: u32 = 500;

/// Where every Admin API v2 path starts (appended to the portal proxy's base URL).
pub const PREFIX: &str = "/api/atlas/v2";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    pub fn parse(s: &str) -> Option<Method> {
        [
            Method::Get,
            Method::Post,
            Method::Put,
            Method::Patch,
            Method::Delete,
        ]
        .into_iter()
        .find(|m| m.as_str().eq_ignore_ascii_case(s))
    }

    /// Reads and deletes can be repeated safely after a lost answer; creates can't.
    pub fn is_idempotent(self) -> bool {
        !matches!(self, Method::Post | Method::Patch)
    }
}

/// One Admin API request.
#[derive(Clone, Debug, PartialEq)]
pub struct Call {
    pub method: Method,
    /// From `/api/atlas/v2`, path segments percent-encoded, without the query.
    pub path: String,
    /// `(name, value)` pairs, e.g. the page to read.
    pub query: Vec<(&'static str, String)>,
    /// The API version, e.g. `2023-01-01`: both `Accept` and `Content-Type` carry it.
    pub version: &'static str,
    pub body: Option<Value>,
}

impl Call {
    fn new(method: Method, path: String, version: &'static str) -> Self {
        Call {
            method,
            path,
            query: Vec::new(),
            version,
            body: None,
        }
    }

    fn with_body(mut self, body: &impl Serialize) -> Self {
        // Our wire types are plain structs of strings, numbers and lists: serializing them can't fail.
        self.body = Some(serde_json::to_value(body).expect("wire types serialize"));
        self
    }

    /// The same list call for one page.
    pub fn page(mut self, page_num: u32) -> Self {
        self.query
            .retain(|(k, _)| *k != "pageNum" && *k != "itemsPerPage");
        self.query
            .push(("itemsPerPage", ITEMS_PER_PAGE.to_string()));
        self.query.push(("pageNum", page_num.to_string()));
        self
    }

    /// `application/vnd.atlas.<version>+json`.
    pub fn media_type(&self) -> String {
        media_type(self.version)
    }

    /// Path and query, ready to append to the base URL.
    pub fn path_and_query(&self) -> String {
        if self.query.is_empty() {
            return self.path.clone();
        }
        let q: Vec<String> = self
            .query
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect();
        format!("{}?{}", self.path, q.join("&"))
    }
}

pub fn media_type(version: &str) -> String {
    format!("application/vnd.atlas.{version}+json")
}

/// Percent-encodes one path segment or query value (RFC 3986: only unreserved characters stay).
pub fn encode(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for b in segment.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Reverses [`encode`] (and any other percent-encoding); `None` for malformed escapes or non-UTF-8.
pub fn decode(segment: &str) -> Option<String> {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = segment.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Whether a paginated list needs another page: Atlas reports `totalCount`; a short page also ends it
/// (so a server that omits the count can't make us loop).
pub fn has_more(received: usize, total_count: Option<u32>, last_page_len: usize) -> bool {
    if last_page_len < ITEMS_PER_PAGE as usize || last_page_len == 0 {
        return false;
    }
    total_count.is_none_or(|total| received < total as usize)
}

/// Reads the console makes outside the contract subset, as `(method, path template)`: the
/// organization's teams, and the federated databases and stream workspaces a user can be scoped to.
pub const OUTSIDE_SUBSET: &[(Method, &str)] = &[
    (Method::Get, "/api/atlas/v2/orgs/{orgId}/teams"),
    (Method::Get, "/api/atlas/v2/groups/{groupId}/dataFederation"),
    (Method::Get, "/api/atlas/v2/groups/{groupId}/streams"),
];

mod group;
pub use group::{org_teams, Group};
