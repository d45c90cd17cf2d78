//! Serde types in the exact Admin API v2 JSON shape (`camelCase`). Responses omit fields the spec calls
//! required (`cluster` when false; `db`/`collection` when `cluster` is true), so every such field has a
//! default. Requests are serialized the way the official Go SDK sends them (all three resource fields).
mod access;
mod project;
mod roles;
mod users;

pub use access::*;
pub use project::*;
pub use roles::*;
pub use users::*;
