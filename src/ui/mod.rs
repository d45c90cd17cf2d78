//! Leptos components: one folder per screen, shared widgets in `widgets`.
mod app;
pub mod database_access;
pub mod project_access;
pub mod widgets;

pub use app::App;
