//! Widgets shared by every screen; screens never re-implement them.
mod change;
mod conflict;
mod copy;
mod dialog;
mod disclosure;
mod field_error;
mod findings;
pub mod form;
mod grants;
mod holders;
mod listbox;
mod loaded;
mod on_demand;
mod permitted;
mod question;
mod select;
mod tabs;

pub use change::{focus_when_shown, ChangeList, ReviewStep};
pub use conflict::{ConflictStep, TheirVersion};
pub use copy::{download, CopyButton};
pub use dialog::{ConfirmDialog, Dialog, FormActions};
pub use disclosure::LazyDetails;
pub use field_error::{
    aria_invalid, focus_first_invalid, Banner, FieldMessages, RefusalBanner, SearchBox,
};
pub use findings::{tally, FindingList, LintPanel};
pub use grants::{GrantChip, GrantChips};
pub use holders::{holders, UsedByDialog};
pub use listbox::{GroupedCombobox, PickGroup, PickOption};
pub use loaded::Loaded;
pub use on_demand::{CouldNotLoad, OnDemandDialog, Placeholder};
pub use permitted::{PermissionNotice, PermittedAction};
pub use question::{Question, QuestionFields};
pub use select::RowSelect;
pub use tabs::{LinkTabs, TabLink};
