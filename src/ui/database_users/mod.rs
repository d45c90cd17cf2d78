//! The Database Users tab: the user list with search and delete, and the add/edit user dialog with the
//! effective privileges the user would have.
mod bulk;
mod certificate;
mod conflict;
mod dialog;
mod edit;
mod fields;
mod list;
mod privileges;
mod roles;

pub use dialog::NewUserDialog;
pub use edit::EditUserDialog;
pub use list::DatabaseUsersTab;

pub const LIST_PATH: &str = "/database-access/users";
pub const NEW_PATH: &str = "/database-access/users/new";

pub fn edit_path(db: &str, username: &str) -> String {
    format!(
        "{LIST_PATH}/{}/{}/edit",
        crate::ui::url_segment(db),
        crate::ui::url_segment(username)
    )
}
