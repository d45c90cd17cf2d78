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

// The browser tests (tests/browser) are modules of the library's own test binary, not a test crate of their
// own: a test crate links the library built again without cfg(test), the costliest crate to compile. They
// name the app `dbaccess::…` and their shared modules `crate::support`, as a test crate would.
#[cfg(all(test, target_arch = "wasm32"))]
extern crate self as dbaccess;
#[cfg(all(test, target_arch = "wasm32"))]
#[path = "../tests/browser/main.rs"]
mod browser;
#[cfg(all(test, target_arch = "wasm32"))]
use browser::{role_transfer, support};
// The UI's one-way layers, read from the sources; in the same test binary for the same reason.
#[cfg(test)]
#[path = "../tests/ui_layers.rs"]
mod ui_layers;
