//! The Database Access console: a Leptos (CSR) single-page app for MongoDB Atlas database access.
//!
//! Data flows one way: `ui` calls `backend` and the `domain` crate; `backend` calls `domain`;
//! `domain` calls nothing and never sees a browser.
pub mod backend;
pub mod config;
#[cfg(target_arch = "wasm32")]
pub mod embed;
pub mod random;
pub mod timers;
pub mod ui;
