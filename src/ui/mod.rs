//! Leptos components: the app's plumbing in `shell`, one folder per screen, shared widgets in `widgets`.
pub mod across;
pub mod activity;
pub mod custom_roles;
pub mod database_access;
pub mod database_users;
pub mod lint;
pub mod lookup;
pub mod project_access;
pub mod shell;
pub mod widgets;

pub use shell::app::App;

/// A name as one URL path segment. Role names are `[A-Za-z0-9_-]` when valid, but usernames hold `@`, `/`,
/// `=`, `,` and spaces (ARNs, DNs, emails), and a stored role may hold anything: keep the URL intact.
pub fn url_segment(s: &str) -> String {
    domain::api::encode(s)
}
