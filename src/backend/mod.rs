//! Where data lives. The embedded backend (`local`) keeps a demo project in the browser, so the
//! app works with nothing but `trunk serve`; an HTTP backend for the Atlas Admin API v2 comes later
//! behind the same interface.
pub mod local;

/// What the shell needs to know about the project it manages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectInfo {
    /// 24-hex Atlas project (group) id.
    pub id: String,
    pub name: String,
}
