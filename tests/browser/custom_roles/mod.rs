//! Browser tests of the Custom Roles tab on the embedded backend: list, editor, delete, storage, activity
//! feed (the editor's picker: tests/role_picker.rs). They act like a person: find controls by their labels
//! and names, click and type.
//! One file for the list (`list`), one for the editor (`editor`).
use crate::support::*;
use dbaccess::ui::shell::routes;
use domain::model::CustomDbRole;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod editor;
mod list;

const LIST: &str = routes::CUSTOM_ROLES;
const NEW: &str = routes::NEW_ROLE;
