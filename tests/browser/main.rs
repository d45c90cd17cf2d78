//! The browser tests: wasm-bindgen-test tests in headless Chromium that mount the app and click and type
//! like a person. They are a module of the library's test binary (src/lib.rs), with its own unit tests;
//! one module per screen or concern; `support` holds what they share. Run one module with
//! `cargo test --target wasm32-unknown-unknown --lib -- browser::custom_roles::`.

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

pub(crate) mod support;

mod across;
mod batches;
mod copy_across;
mod custom_roles;
mod database_users;
mod http_backend;
mod http_failures;
mod loading;
mod power_tools;
mod project_access;
mod role_picker;
pub(crate) mod role_transfer;
mod safe_edits;
mod shell;
mod styles;
mod undo;
mod view_as;
