//! Leptos components in four layers, each importing only the ones below it (`tests/ui_layers.rs` checks):
//! - `shell`: the plumbing every screen stands on (the project's data and how screens write to it, route
//!   paths, the base path and element ids of an embedded console, undo offers, the unsaved-changes guard);
//! - `widgets`: the parts screens share (dialogs, fields and forms, the grouped combobox, banners);
//! - the screens, one folder each, which never import one another;
//! - `app`: the frame (top bar, sections, not-found and refused pages) and the route tree, the only module
//!   that names screens.
pub mod across;
pub mod activity;
pub mod app;
pub mod custom_roles;
pub mod database_access;
pub mod database_users;
pub mod lint;
pub mod project_access;
pub mod shell;
pub mod who_can;
pub mod widgets;

pub use app::App;
