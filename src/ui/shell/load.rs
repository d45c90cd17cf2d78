//! A value read from the backend (`Load`), and the item of a loaded list an edit form is about (`ForEdit`).
//! What a screen shows until it is there is `widgets::Loaded`.
use crate::backend::ApiResult;
use domain::model::ApiError;
use leptos::prelude::*;

/// A value fetched from the backend.
#[derive(Clone, Debug, PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(T),
    Failed(ApiError),
}

impl<T> Load<T> {
    pub fn ready(&self) -> Option<&T> {
        match self {
            Load::Ready(v) => Some(v),
            _ => None,
        }
    }

    /// Loading or failed as they are, the ready value mapped: what a screen switches on.
    pub fn map<U>(&self, f: impl FnOnce(&T) -> U) -> Load<U> {
        match self {
            Load::Loading => Load::Loading,
            Load::Failed(e) => Load::Failed(e.clone()),
            Load::Ready(v) => Load::Ready(f(v)),
        }
    }

    /// Ready when both are, failed when either failed (with its error), loading otherwise: what a screen
    /// reading two parts of the project switches on.
    pub fn both<U>(&self, other: &Load<U>) -> Load<()> {
        match (self, other) {
            (Load::Failed(e), _) | (_, Load::Failed(e)) => Load::Failed(e.clone()),
            (Load::Loading, _) | (_, Load::Loading) => Load::Loading,
            (Load::Ready(_), Load::Ready(_)) => Load::Ready(()),
        }
    }
}

impl<T> Load<Vec<T>> {
    /// Whether there is anything: read through a memo, it changes only when that does, so a reload
    /// neither clones the list nor rebuilds the screen's table.
    pub fn has_items(&self) -> Load<bool> {
        self.map(|items| !items.is_empty())
    }
}

impl<T> From<ApiResult<T>> for Load<T> {
    fn from(r: ApiResult<T>) -> Self {
        match r {
            Ok(v) => Load::Ready(v),
            Err(e) => Load::Failed(e),
        }
    }
}

/// The item of a loaded list an edit form is about.
#[derive(Clone, Debug, PartialEq)]
pub enum ForEdit<T> {
    Loading,
    Failed(ApiError),
    Missing,
    Found(T),
}

impl<T> ForEdit<T> {
    /// As a loaded value: `None` when the list has no such item (what `Loaded` switches on).
    pub fn into_load(self) -> Load<Option<T>> {
        match self {
            ForEdit::Loading => Load::Loading,
            ForEdit::Failed(e) => Load::Failed(e),
            ForEdit::Missing => Load::Ready(None),
            ForEdit::Found(v) => Load::Ready(Some(v)),
        }
    }
}

/// Finds the item `matches` picks in `list` for an edit form. Only *whether* it is there is tracked (a
/// memo), so a reload after any write, another tab's change or "View as" does not re-create an open
/// form and lose what was typed: the form takes the item once, when it opens.
pub fn find_for_edit<T: Clone + Send + Sync + 'static>(
    list: ReadSignal<Load<Vec<T>>>,
    matches: impl Fn(&T) -> bool + Clone + Send + Sync + 'static,
) -> impl Fn() -> ForEdit<T> + Clone {
    let m = matches.clone();
    let presence = Memo::new(move |_| {
        list.with(|l| match l {
            Load::Loading => ForEdit::Loading,
            Load::Failed(e) => ForEdit::Failed(e.clone()),
            Load::Ready(items) if items.iter().any(&m) => ForEdit::Found(()),
            Load::Ready(_) => ForEdit::Missing,
        })
    });
    move || match presence.get() {
        ForEdit::Loading => ForEdit::Loading,
        ForEdit::Failed(e) => ForEdit::Failed(e),
        ForEdit::Missing => ForEdit::Missing,
        ForEdit::Found(()) => list.with_untracked(|l| {
            l.ready()
                .and_then(|items| items.iter().find(|i| matches(i)).cloned())
                .map_or(ForEdit::Missing, ForEdit::Found)
        }),
    }
}
