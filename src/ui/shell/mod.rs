//! The app's plumbing, apart from the screens: the app and its routes, where it starts (the backend), the
//! base path and element ids of an embedded console, the loaded project data and how screens write to it,
//! the demo's own controls, the undo offers, the unsaved-changes guard and the header.
pub mod app;
pub mod base;
pub mod batch;
pub mod demo;
pub mod guard;
pub mod header;
pub mod ids;
pub mod load;
pub mod loaded;
pub mod nav;
pub mod person;
pub mod routes;
pub mod screens;
pub mod start;
pub mod state;
pub mod undo;
pub mod write;
