//! Leptos components: one folder per screen, shared widgets in `widgets`.
mod activity;
mod app;
pub mod custom_roles;
pub mod database_access;
pub mod project_access;
pub mod state;
pub mod widgets;

pub use app::App;
