//! The app's plumbing, apart from the screens: the app and its routes, the base path and element ids of
//! an embedded console, the loaded project data, the undo offers and the unsaved-changes guard.
pub mod app;
pub mod base;
pub mod guard;
pub mod header;
pub mod ids;
pub mod nav;
pub mod state;
pub mod undo;
