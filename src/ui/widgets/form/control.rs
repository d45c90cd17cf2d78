//! A form's state besides its input: which fields were left (their messages show from then on), whether
//! it was submitted (every message shows), the write it sends and whether that was accepted.
use crate::backend::{ApiResult, Backend, BoxFuture};
use crate::ui::shell::state::Area;
use crate::ui::shell::write::{use_write, WriteHandle};
use crate::ui::widgets::focus_first_invalid;
use domain::model::ApiError;
use domain::validate::{Field, Issue};
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;

type Belongs = Arc<dyn Fn(&Field) -> bool + Send + Sync>;

/// `K` names what a person can leave (a field, a row): its messages show once it was left.
pub struct FormControl<K: Send + Sync + 'static> {
    submitted: RwSignal<bool>,
    touched: RwSignal<Vec<K>>,
    issues: Memo<Vec<Issue>>,
    write: WriteHandle,
    area: Area,
    done: RwSignal<bool>,
    node: NodeRef<html::Form>,
}

impl<K: Send + Sync + 'static> Clone for FormControl<K> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K: Send + Sync + 'static> Copy for FormControl<K> {}

impl<K: PartialEq + Clone + Send + Sync + 'static> FormControl<K> {
    /// A form whose input's rules give `issues` and whose write changes `area`. `input` reads (tracks) the
    /// whole input: any edit makes the last refusal stale, so it is forgotten.
    pub fn new(area: Area, issues: Memo<Vec<Issue>>, input: impl Fn() + 'static) -> Self {
        Self::with_input(area, issues, Box::new(input))
    }

    // Boxed, so each form's closures don't make another copy of the controller.
    fn with_input(area: Area, issues: Memo<Vec<Issue>>, input: Box<dyn Fn()>) -> Self {
        let form = FormControl {
            submitted: RwSignal::new(false),
            touched: RwSignal::new(Vec::new()),
            issues,
            write: use_write(),
            area,
            done: RwSignal::new(false),
            node: NodeRef::new(),
        };
        let write = form.write;
        // Cleared only when there is a refusal (`clear_error` checks), so opening the form re-runs nothing.
        Effect::new(move |_| {
            input();
            write.clear_error();
        });
        // A refusal may concern a field: take the person there.
        let node = form.node;
        Effect::new(move |_| {
            if write.error().is_some() {
                focus_first_invalid(node);
            }
        });
        form
    }

    /// For the `<form>`'s `node_ref`: where the first invalid field is looked for.
    pub fn node_ref(&self) -> NodeRef<html::Form> {
        self.node
    }

    /// Marks `key` left: its messages show from now on.
    pub fn touch(&self, key: K) {
        if !self.touched.with_untracked(|t| t.contains(&key)) {
            self.touched.update(|t| t.push(key));
        }
    }

    /// [`touch`](Self::touch) as a callback (a widget's `on_blur`).
    pub fn touch_cb(&self, key: K) -> Callback<()> {
        let this = *self;
        Callback::new(move |_| this.touch(key.clone()))
    }

    /// Whether the messages of `key` show: it was left, or the form submitted (tracked).
    pub fn shows(&self, key: &K) -> bool {
        self.submitted.get() || self.touched.with(|t| t.contains(key))
    }

    /// The issues whose field `belongs` to `key`, once `key` was left or the form submitted.
    pub fn shown(
        &self,
        key: K,
        belongs: impl Fn(&Field) -> bool + Send + Sync + 'static,
    ) -> Signal<Vec<Issue>> {
        self.shown_if(Some(key), Arc::new(belongs))
    }

    fn shown_if(&self, key: Option<K>, belongs: Belongs) -> Signal<Vec<Issue>> {
        let this = *self;
        Signal::derive(move || {
            let shows = match &key {
                Some(key) => this.shows(key),
                None => this.submitted.get(),
            };
            if !shows {
                return Vec::new();
            }
            this.issues_where(&*belongs)
        })
    }

    /// The issues whose field `belongs`, once the form was submitted (nothing to leave: a form-wide rule).
    pub fn shown_on_submit(
        &self,
        belongs: impl Fn(&Field) -> bool + Send + Sync + 'static,
    ) -> Signal<Vec<Issue>> {
        self.shown_if(None, Arc::new(belongs))
    }

    /// The issues whose field `belongs` (tracked), shown or not.
    pub fn issues_where(&self, belongs: &dyn Fn(&Field) -> bool) -> Vec<Issue> {
        self.issues
            .with(|all| all.iter().filter(|i| belongs(&i.field)).cloned().collect())
    }

    /// Marks the form submitted; whether it may go on (nothing being sent, no error). When an error
    /// blocks it, focus moves to the first invalid field.
    pub fn submit(&self) -> bool {
        self.submitted.set(true);
        if self.write.sending_untracked() {
            return false;
        }
        if self
            .issues
            .with_untracked(|i| i.iter().any(Issue::is_error))
        {
            focus_first_invalid(self.node);
            return false;
        }
        true
    }

    /// The `<form>`'s `on:submit`: stays on the page, and runs `go` only when [`submit`](Self::submit)
    /// lets the form go on.
    pub fn on_submit(
        &self,
        go: impl Fn() + Send + 'static,
    ) -> impl Fn(web_sys::SubmitEvent) + Send + 'static {
        let this = *self;
        let go: Box<dyn Fn() + Send> = Box::new(go);
        move |ev| {
            ev.prevent_default();
            if this.submit() {
                go();
            }
        }
    }

    /// Sends `op` (unless a write is out); once accepted the form counts as done and `on_ok` gets the
    /// answer. A refusal stays for [`error`](Self::error) with every input kept.
    pub fn send<T: 'static>(
        &self,
        op: impl for<'a> FnOnce(&'a dyn Backend) -> BoxFuture<'a, ApiResult<T>> + 'static,
        on_ok: impl FnOnce(T) + 'static,
    ) {
        let done = self.done;
        self.write.run(self.area, op, move |v| {
            done.set(true);
            on_ok(v)
        });
    }

    /// Sends `op`, which re-reads before writing and answers `Err(conflict)` instead of overwriting a
    /// change made since the form was read: only a write counts as done (`on_ok`); a conflict goes to
    /// `on_conflict` with the form still unsaved.
    pub fn send_checked<T: 'static, C: 'static>(
        &self,
        op: impl for<'a> FnOnce(&'a dyn Backend) -> BoxFuture<'a, ApiResult<Result<T, C>>> + 'static,
        on_ok: impl FnOnce(T) + 'static,
        on_conflict: impl FnOnce(C) + 'static,
    ) {
        let done = self.done;
        self.write.run(self.area, op, move |r| match r {
            Ok(v) => {
                done.set(true);
                on_ok(v)
            }
            Err(c) => on_conflict(c),
        });
    }

    /// Nothing is left to save (e.g. what the form edits is gone).
    pub fn mark_done(&self) {
        self.done.set(true);
    }

    /// The write handle (for `FormActions` and the review's busy button).
    pub fn write(&self) -> WriteHandle {
        self.write
    }

    /// Whether a write is out (tracked), as a signal for widgets that take one.
    pub fn sending(&self) -> Signal<bool> {
        self.write.sending_signal()
    }

    /// Atlas's refusal of the last write (tracked).
    pub fn error(&self) -> Option<ApiError> {
        self.write.error()
    }

    /// Whether the write was accepted (tracked): nothing is unsaved any more.
    pub fn done(&self) -> bool {
        self.done.get()
    }
}
