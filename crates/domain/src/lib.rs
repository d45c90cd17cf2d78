//! The MongoDB Atlas access-control rules, in pure Rust: no browser, no I/O.
//!
//! - [`catalog`]: the 80 privilege actions, built-in roles, organization and project roles, capabilities.
//! - [`model`]: the Admin API v2 wire types.
//! - [`role_form`]: the role editor's rows and their conversion to and from API roles.
//! - [`validate`]: every rule, as issues addressed to fields, with Atlas error codes.
//! - [`privileges`]: effective privileges with provenance, "can X do A on R?", and impact of a role.
//! - [`lookup`]: reverse lookup, "Used by" a role and "Who can …?" do an action on a resource.
//! - [`project_access`], [`permissions`], [`role_guide`]: who holds project roles, who may change
//!   what, and choosing the least-privileged project role.
pub mod across;
pub mod answer;
pub mod api;
pub mod bulk;
pub mod catalog;
pub mod cli;
pub mod datetime;
pub mod demo;
pub mod diff;
pub mod errors;
pub mod lint;
pub mod lookup;
pub mod model;
pub mod permissions;
pub mod picker;
pub mod portal;
pub mod privileges;
pub mod project;
pub mod project_access;
pub mod project_limits;
mod project_users;
pub mod role_form;
pub mod role_guide;
pub mod text;
pub mod transfer;
pub mod undo;
pub mod user_certs;
pub mod user_form;
pub mod validate;
pub mod version;

pub use errors::ErrorCode;
