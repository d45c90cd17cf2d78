//! Widgets shared by every screen; screens never re-implement them.
mod tabs;

pub use tabs::{LinkTabs, TabLink};
