//! The Custom Roles tab: the role list with search and delete, and the role editor.
mod delete;
mod editor;
mod form_state;
mod limit;
mod list;
pub mod memory;
mod preview;
mod row_editor;
mod start_from;
mod summary;
mod transfer;

pub use editor::{EditRolePage, NewRolePage};
pub use list::CustomRolesTab;
