//! One way to edit something loaded (a role, a user, a member's roles) without overwriting a colleague's
//! change: the edit ends in a review; "Save" re-reads it and writes only if it is still as last read;
//! otherwise the person chooses (keep mine, take theirs, merge by hand) or learns it is gone.
use super::{Conflict, FormControl, ReviewGate, Step};
use crate::backend::{ApiResult, Backend, BoxFuture};
use domain::diff::Change;
use leptos::prelude::*;

/// What `use_safe_edit` hands an editor.
pub struct SafeEdit<V: Send + Sync + 'static, T: Send + Sync + 'static> {
    /// Which step the edit's end shows (`EditEnd`).
    pub gate: ReviewGate<V, Step<T>>,
    /// What was edited as last read: the review's "before", what a re-read is compared with, and what
    /// "Revert changes" restores.
    pub last_read: RwSignal<T>,
    /// Their version, shown beside the form after "Merge by hand".
    pub their_version: RwSignal<Option<T>>,
    /// Whether an edit of something gone has nothing left to save (a member's roles), or can still be
    /// sent again (a user, re-created).
    done_when_gone: bool,
}

impl<V: Send + Sync + 'static, T: Send + Sync + 'static> Clone for SafeEdit<V, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<V: Send + Sync + 'static, T: Send + Sync + 'static> Copy for SafeEdit<V, T> {}

/// Safe editing of `input` (the form's value as it would be saved) of what was read as `last_read` (which
/// the form may build on: choices update it).
pub fn use_safe_edit<V, T>(input: Memo<V>, last_read: RwSignal<T>) -> SafeEdit<V, T>
where
    V: Clone + PartialEq + Send + Sync + 'static,
    T: Clone + PartialEq + Send + Sync + 'static,
{
    SafeEdit {
        gate: ReviewGate::new(input),
        last_read,
        their_version: RwSignal::new(None),
        done_when_gone: false,
    }
}

impl<V, T> SafeEdit<V, T>
where
    V: Clone + PartialEq + Send + Sync + 'static,
    T: Clone + PartialEq + Send + Sync + 'static,
{
    /// When what is edited is gone, nothing is left to save: closing needn't ask.
    pub fn done_when_gone(mut self) -> Self {
        self.done_when_gone = true;
        self
    }

    /// Shows the review of the change (the form's submit, when editing).
    pub fn review(&self) {
        self.gate.show_focused(Step::Review, "review-title");
    }

    /// Re-read then write: `op` gets the backend and the version as last read, re-reads it and writes
    /// only if it is unchanged, answering the step to show otherwise. Only a write counts as done.
    pub fn save<K, R>(
        &self,
        form: FormControl<K>,
        op: impl for<'a> FnOnce(&'a dyn Backend, T) -> BoxFuture<'a, ApiResult<Result<R, Step<T>>>>
            + 'static,
        on_ok: impl FnOnce(R) + 'static,
    ) where
        K: PartialEq + Clone + Send + Sync + 'static,
        R: 'static,
    {
        let (gate, done_when_gone) = (self.gate, self.done_when_gone);
        let expected = self.last_read.get_untracked();
        form.send_checked(
            move |b| op(b, expected),
            on_ok,
            move |step| {
                if done_when_gone && step == Step::Gone {
                    form.mark_done();
                }
                gate.show_focused(step, "conflict-title");
            },
        );
    }

    /// The conflict's wording and choices. `save` sends the form again; `load` puts their version into
    /// the form ("Take theirs"); `their_change` tells what they changed from the version as last read.
    pub fn conflict(
        &self,
        title: &'static str,
        message: String,
        their_change: impl Fn(&T, &T) -> Change + Send + Sync + 'static,
        save: Callback<()>,
        load: impl Fn(T) + Send + Sync + 'static,
    ) -> Conflict<T> {
        let SafeEdit {
            gate,
            last_read,
            their_version,
            ..
        } = *self;
        Conflict {
            title,
            message,
            their_change: Callback::new(move |theirs: T| {
                last_read.with_untracked(|mine| their_change(mine, &theirs))
            }),
            // Their version becomes what a save is checked against; mine goes as reviewed.
            keep_mine: gate.with_theirs(move |theirs| {
                last_read.set(theirs);
                gate.show(Step::Review);
                save.run(());
            }),
            take_theirs: gate.with_theirs(move |theirs| {
                last_read.set(theirs.clone());
                their_version.set(None);
                gate.back();
                load(theirs);
            }),
            merge: gate.with_theirs(move |theirs| {
                last_read.set(theirs.clone());
                their_version.set(Some(theirs));
                gate.back();
            }),
        }
    }
}
