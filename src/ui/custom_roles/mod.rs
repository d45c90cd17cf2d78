//! The Custom Roles tab: the role list with search and delete, and the role editor.
mod delete;
mod editor;
mod form_state;
mod list;
mod preview;
mod row_editor;
mod summary;

pub use editor::{EditRolePage, NewRolePage};
pub use list::CustomRolesTab;

pub const LIST_PATH: &str = "/database-access/custom-roles";
pub const NEW_PATH: &str = "/database-access/custom-roles/new";

pub fn edit_path(role: &str) -> String {
    format!("{LIST_PATH}/{}/edit", urlencoding(role))
}

/// Role names are `[A-Za-z0-9_-]` when valid, but a stored role may hold anything; keep the URL intact.
fn urlencoding(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
