//! What a screen shows until its data is there: a skeleton while it loads, or why it failed with "Try
//! again". Every screen switches on `Load` through `Loaded` (an edit page on `ForEdit::into_load`).
use super::Banner;
use crate::ui::shell::load::Load;
use crate::ui::shell::state::{use_data, ProjectData};
use domain::model::ApiError;
use leptos::prelude::*;

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
/// failed (why, with "Try again").
#[component]
fn LoadStatus(
    data: ProjectData,
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
            <Banner message=format!("{what} could not be loaded: {}", e.message())>
                <button type="button" class="button" on:click=move |_| data.reload()>"Try again"</button>
            </Banner>
        }
        .into_any(),
    }
}
