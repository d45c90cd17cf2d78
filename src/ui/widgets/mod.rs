//! Widgets shared by every screen; screens never re-implement them.
mod dialog;
mod field_error;
pub mod guard;
mod listbox;
mod tabs;

pub use dialog::{ConfirmDialog, Dialog};
pub use field_error::{Banner, FieldMessages, RefusalBanner, SearchBox};
pub use listbox::{GroupedCombobox, PickGroup, PickOption};
pub use tabs::{LinkTabs, TabLink};
