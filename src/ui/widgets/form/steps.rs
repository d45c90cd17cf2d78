//! The end of an edit of something loaded (a role, a user, a member's roles): the form's buttons while
//! editing; the review of the change; after "Save changes", both changes with a choice when someone else
//! changed it meanwhile, or what the editor says when it is gone. The `ReviewGate` says which shows.
use super::ReviewGate;
use crate::ui::widgets::{ConflictStep, ReviewStep};
use domain::diff::Change;
use leptos::prelude::*;

/// The step an edit of something loaded ends in.
#[derive(Clone, Debug, PartialEq)]
pub enum Step<T> {
    /// The change is shown; nothing sent yet.
    Review,
    /// What was re-read before writing differs from what the edit started from: theirs.
    Changed(T),
    /// It was deleted or removed since the edit started.
    Gone,
}

impl<V, T> ReviewGate<V, Step<T>>
where
    V: Clone + PartialEq + Send + Sync + 'static,
    T: Clone + PartialEq + Send + Sync + 'static,
{
    /// A choice of the conflict: runs `f` with their version while the conflict shows.
    pub fn with_theirs(&self, f: impl Fn(T) + Send + Sync + 'static) -> Callback<()> {
        let gate = *self;
        Callback::new(move |()| {
            if let Some(Step::Changed(theirs)) = gate.shown_untracked() {
                f(theirs);
            }
        })
    }
}

/// What a conflict says and what each choice does.
pub struct Conflict<T: 'static> {
    /// E.g. "Someone else changed this role".
    pub title: &'static str,
    /// What saving now would do, and that the person chooses.
    pub message: String,
    /// From what the edit started from to theirs.
    pub their_change: Callback<T, Change>,
    pub keep_mine: Callback<()>,
    pub take_theirs: Callback<()>,
    pub merge: Callback<()>,
}

/// The step the gate shows, or `children` (the form's buttons) while editing.
#[component]
pub fn EditEnd<V, T>(
    gate: ReviewGate<V, Step<T>>,
    busy: Signal<bool>,
    /// The review's first line, e.g. "What orders_reader will grant differently once saved:".
    #[prop(into)]
    intro: String,
    /// From what the edit started from to the form (read when a step shows).
    change: Callback<(), Change>,
    on_save: Callback<()>,
    conflict: Conflict<T>,
    /// Shown when it is gone.
    #[prop(optional, into)]
    gone: ViewFn,
    children: ChildrenFn,
) -> impl IntoView
where
    V: Clone + PartialEq + Send + Sync + 'static,
    T: Clone + PartialEq + Send + Sync + 'static,
{
    // Only reading the step is typed per editor; what it shows is one function for all of them.
    let their_change = conflict.their_change;
    let shown = Signal::derive(move || {
        gate.shown().map(|step| match step {
            Step::Review => Step::Review,
            Step::Changed(theirs) => Step::Changed(their_change.run(theirs)),
            Step::Gone => Step::Gone,
        })
    });
    let parts = Parts {
        busy,
        intro,
        change,
        on_save,
        back: Callback::new(move |()| gate.back()),
        title: conflict.title,
        message: conflict.message,
        choices: [conflict.keep_mine, conflict.take_theirs, conflict.merge],
        gone,
    };
    end_view(shown, parts, children)
}

/// What `EditEnd` shows, its type parameters gone (one rendering function for every editor).
struct Parts {
    busy: Signal<bool>,
    intro: String,
    change: Callback<(), Change>,
    on_save: Callback<()>,
    back: Callback<()>,
    title: &'static str,
    message: String,
    /// Keep mine, take theirs, merge by hand.
    choices: [Callback<()>; 3],
    gone: ViewFn,
}

fn end_view(shown: Signal<Option<Step<Change>>>, parts: Parts, children: ChildrenFn) -> AnyView {
    let Parts {
        busy,
        intro,
        change,
        on_save,
        back,
        title,
        message,
        choices: [keep_mine, take_theirs, merge],
        gone,
    } = parts;
    (move || match shown.get() {
        None => children().into_any(),
        Some(Step::Review) => view! {
            <ReviewStep intro=intro.clone() change=change.run(()) busy=busy on_save=on_save on_back=back />
        }
        .into_any(),
        Some(Step::Changed(their_change)) => view! {
            <ConflictStep
                title=title
                message=message.clone()
                their_change=their_change
                my_change=change.run(())
                busy=busy
                on_keep_mine=keep_mine
                on_take_theirs=take_theirs
                on_merge=merge
            />
        }
        .into_any(),
        Some(Step::Gone) => gone.run(),
    })
    .into_any()
}
