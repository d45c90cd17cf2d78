//! The Custom Roles tab: the role list with search and delete, and the role editor.
mod delete;
mod dialogs;
mod editor;
mod form_state;
mod import;
mod limit;
mod list;
mod list_state;
mod preview;
mod row_editor;
mod rows;
mod section;
mod start_from;
mod summary;
mod toolbar;
mod transfer;

pub use editor::{EditRolePage, NewRolePage};
pub use list::CustomRolesTab;
pub use section::CustomRolesSection;
