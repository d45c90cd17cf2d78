//! The Database Users tab: the user list with search and delete, and the add/edit user dialog with the
//! effective privileges the user would have.
mod bulk;
mod certificate;
mod conflict;
mod dialog;
mod edit;
mod fields;
mod form_state;
mod list;
mod privileges;
mod roles;

pub use dialog::NewUserDialog;
pub use edit::EditUserDialog;
pub use list::DatabaseUsersTab;
