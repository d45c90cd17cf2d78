//! The review gate: an edit ends in a step (the review, a conflict) shown only while the input is still
//! what the step was shown for, so any change returns to editing. Compared, not reset by an effect, which
//! could run after a quick submit and hide the step.
use leptos::prelude::*;

pub struct ReviewGate<V: Send + Sync + 'static, S: Send + Sync + 'static> {
    staged: RwSignal<Option<(V, S)>>,
    shown: Memo<Option<S>>,
    input: Memo<V>,
}

impl<V: Send + Sync + 'static, S: Send + Sync + 'static> Clone for ReviewGate<V, S> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<V: Send + Sync + 'static, S: Send + Sync + 'static> Copy for ReviewGate<V, S> {}

impl<V, S> ReviewGate<V, S>
where
    V: Clone + PartialEq + Send + Sync + 'static,
    S: Clone + PartialEq + Send + Sync + 'static,
{
    /// A gate over `input` (the form's value as it would be saved).
    pub fn new(input: Memo<V>) -> Self {
        let staged = RwSignal::new(None::<(V, S)>);
        let shown = Memo::new(move |_| {
            staged.with(|s| {
                s.as_ref()
                    .filter(|(v, _)| input.with(|now| now == v))
                    .map(|(_, step)| step.clone())
            })
        });
        ReviewGate {
            staged,
            shown,
            input,
        }
    }

    /// Shows `step` for the input as it is now.
    pub fn show(&self, step: S) {
        self.staged.set(Some((self.input.get_untracked(), step)));
    }

    /// Shows `step` and moves focus to its heading (`review-title` or `conflict-title`, as the review and
    /// conflict steps name theirs).
    pub fn show_focused(&self, step: S, heading: &str) {
        self.show(step);
        crate::ui::widgets::focus_when_shown(heading);
    }

    /// Back to editing.
    pub fn back(&self) {
        self.staged.set(None);
    }

    /// The step shown, or `None` while editing (tracked).
    pub fn shown(&self) -> Option<S> {
        self.shown.get()
    }

    /// The same, untracked (a step's own buttons reading which step they are in).
    pub fn shown_untracked(&self) -> Option<S> {
        self.shown.get_untracked()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_step_shows_while_the_input_is_as_it_was_shown_for() {
        Owner::new().with(|| {
            let text = RwSignal::new("orders".to_string());
            let input = Memo::new(move |_| text.get());
            let gate = ReviewGate::<String, &'static str>::new(input);
            assert_eq!(gate.shown_untracked(), None, "editing at first");
            gate.show("review");
            assert_eq!(gate.shown_untracked(), Some("review"));
            text.set("orders2".into());
            assert_eq!(gate.shown_untracked(), None, "an edit returns to editing");
            gate.show("conflict");
            assert_eq!(
                gate.shown_untracked(),
                Some("conflict"),
                "shown for the new input"
            );
            gate.back();
            assert_eq!(gate.shown_untracked(), None);
        });
    }
}
