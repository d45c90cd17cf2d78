//! A value read from the backend, and what a screen shows until it is there: a skeleton while it loads,
//! or why it failed with "Try again". Every screen switches on `Load` through `Loaded`.
use super::state::{use_data, Data};
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

/// Shows `children` with the ready value of `load`; while it loads, a skeleton of `rows` placeholder lines
/// (a large project's first load is not a blank page); when it failed, why, with "Try again".
#[component]
pub fn Loaded<T, V, F>(
    /// The value, read through a memo so only a change between loading, failed and ready rebuilds.
    #[prop(into)]
    load: Signal<Load<T>>,
    /// What is loading, in the status text ("Loading custom roles…").
    what: &'static str,
    #[prop(default = 3)] rows: usize,
    children: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
{
    let data = use_data();
    move || match load.get() {
        Load::Ready(v) => children(v).into_any(),
        Load::Loading => {
            view! { <LoadStatus data=data what=what error=None rows=rows /> }.into_any()
        }
        Load::Failed(e) => view! { <LoadStatus data=data what=what error=Some(e) /> }.into_any(),
    }
}

/// What a screen shows instead of `what` while it loads (a skeleton of `rows` lines) or when loading
/// failed (why, with "Try again"). `Loaded` uses it; an edit form looking up its item uses it directly.
#[component]
pub fn LoadStatus(
    data: Data,
    what: &'static str,
    error: Option<ApiError>,
    #[prop(default = 3)] rows: usize,
) -> impl IntoView {
    match error {
        None => view! {
            <div class="skeleton" aria-busy="true">
                <p class="loading" role="status">{format!("Loading {what}…")}</p>
                {(0..rows).map(|_| view! { <div class="skeleton-row" aria-hidden="true"></div> }).collect_view()}
            </div>
        }
        .into_any(),
        Some(e) => view! {
            <crate::ui::widgets::Banner message=format!("{what} could not be loaded: {}", e.message())>
                <button type="button" class="button" on:click=move |_| data.reload()>"Try again"</button>
            </crate::ui::widgets::Banner>
        }
        .into_any(),
    }
}

/// The item of a loaded list an edit form is about.
#[derive(Clone, Debug, PartialEq)]
pub enum Lookup<T> {
    Loading,
    Failed(ApiError),
    Missing,
    Found(T),
}

/// Finds the item `matches` picks in `list` for an edit form. Only *whether* it is there is tracked (a
/// memo), so a reload after any write, another tab's change or "View as" does not re-create an open
/// form and lose what was typed: the form takes the item once, when it opens.
pub fn lookup<T: Clone + Send + Sync + 'static>(
    list: ReadSignal<Load<Vec<T>>>,
    matches: impl Fn(&T) -> bool + Clone + Send + Sync + 'static,
) -> impl Fn() -> Lookup<T> + Clone {
    let m = matches.clone();
    let presence = Memo::new(move |_| {
        list.with(|l| match l {
            Load::Loading => Lookup::Loading,
            Load::Failed(e) => Lookup::Failed(e.clone()),
            Load::Ready(items) if items.iter().any(&m) => Lookup::Found(()),
            Load::Ready(_) => Lookup::Missing,
        })
    });
    move || match presence.get() {
        Lookup::Loading => Lookup::Loading,
        Lookup::Failed(e) => Lookup::Failed(e),
        Lookup::Missing => Lookup::Missing,
        Lookup::Found(()) => list.with_untracked(|l| {
            l.ready()
                .and_then(|items| items.iter().find(|i| matches(i)).cloned())
                .map_or(Lookup::Missing, Lookup::Found)
        }),
    }
}
