//! The end of editing a role: a review of the change before it is sent, and, when someone else changed
//! the role since the editor opened (the Admin API replaces actions and inherited roles wholesale), both
//! changes side by side with a choice (the shared `ConflictStep`): keep mine, take theirs, or merge by hand.
use crate::ui::widgets::{ConflictStep as SharedConflict, TheirVersion as SharedTheirVersion};
use domain::diff::{role_change, role_lines};
use domain::model::CustomDbRole;
use leptos::prelude::*;

/// The step an edit ends in (see `ReviewGate`).
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// The change is shown; nothing sent yet.
    Review,
    /// The role as re-read differs from the one the editor opened with.
    Conflict(CustomDbRole),
}

#[component]
pub fn ConflictStep(
    base: CustomDbRole,
    theirs: CustomDbRole,
    mine: CustomDbRole,
    busy: Signal<bool>,
    on_keep_mine: Callback<()>,
    on_take_theirs: Callback<()>,
    on_merge: Callback<()>,
) -> impl IntoView {
    view! {
        <SharedConflict
            title="Someone else changed this role"
            message=format!(
                "{} was changed since you opened it. Saving replaces its actions and inherited roles with yours, so their change would be lost. Choose what to keep.",
                base.role_name
            )
            their_change=role_change(&base, &theirs)
            my_change=role_change(&base, &mine)
            busy=busy
            on_keep_mine=on_keep_mine
            on_take_theirs=on_take_theirs
            on_merge=on_merge
        />
    }
}

/// Their version of the role while merging by hand, read-only next to the form.
#[component]
pub fn TheirVersion(theirs: CustomDbRole) -> impl IntoView {
    view! {
        <SharedTheirVersion lines=role_lines(&theirs) help="Edit the form to combine both; saving checks the role again first." />
    }
}
