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

pub const LIST_PATH: &str = "/database-access/custom-roles";
pub const NEW_PATH: &str = "/database-access/custom-roles/new";

pub fn edit_path(role: &str) -> String {
    format!("{LIST_PATH}/{}/edit", crate::ui::url_segment(role))
}
