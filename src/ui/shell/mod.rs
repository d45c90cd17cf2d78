//! The bottom layer of the UI: where the app starts (the backend), the loaded project data and how screens
//! write to it, runs of writes, route paths, the base path and element ids of an embedded console, the
//! demo's controls, the undo offers and the unsaved-changes guard. It imports nothing else of `ui`.
pub mod base;
pub mod batch;
pub mod demo;
pub mod guard;
pub mod ids;
pub mod load;
pub mod routes;
pub mod start;
pub mod state;
pub mod undo;
pub mod write;
