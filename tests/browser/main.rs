//! The browser tests: wasm-bindgen-test tests in headless Chromium that mount the app and click and type
//! like a person. One test binary (each binary links the whole app), one module per screen or concern;
//! `support` holds what they share. Run one module with
//! `cargo test --target wasm32-unknown-unknown --test browser -- custom_roles::`.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod support;

mod across;
mod batches;
mod custom_roles;
mod database_users;
mod http_backend;
mod http_failures;
mod loading;
mod power_tools;
mod project_access;
mod role_picker;
mod role_transfer;
mod safe_edits;
mod shell;
mod styles;
mod undo;
mod view_as;
