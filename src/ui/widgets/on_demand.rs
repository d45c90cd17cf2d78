//! Code in the chunk loaded on demand (a split build, `ui::app::screens`) as a person meets it: a dialog
//! opened from a click, and what a screen or dialog says when the chunk can't be fetched.
use super::Dialog;
use crate::backend::LoadFailed;
use leptos::prelude::*;
use std::future::Future;

/// A dialog whose code is in the on-demand chunk: `load` is its split point. Until the chunk is in (it
/// usually is: the editor's prefetch brings it), "Loading…" shows over the page and focus stays on the
/// button, so the dialog takes focus as it opens and gives it back on close as any dialog does. A chunk
/// that can't be fetched shows the reload message in a dialog titled `title`. Unsplit, `load` is ready at
/// once and the dialog shows in the same render.
#[component]
pub fn OnDemandDialog<F>(load: F, title: String, on_close: Callback<()>) -> impl IntoView
where
    F: Future<Output = Result<AnyView, LoadFailed>> + Send + 'static,
{
    let loading = RwSignal::new(true);
    let dialog = Suspend::new(async move {
        let loaded = load.await;
        loading.set(false);
        loaded.unwrap_or_else(|_| {
            view! {
                <Dialog id="could-not-load" title=title on_close=on_close>
                    <CouldNotLoad />
                    <div class="dialog-actions">
                        <button type="button" class="button" on:click=move |_| on_close.run(())>"Close"</button>
                    </div>
                </Dialog>
            }
            .into_any()
        })
    });
    // The dialog first: ready at once, it clears `loading` before the note is built.
    view! {
        {dialog}
        {move || loading.get().then(|| view! {
            <div class="dialog-backdrop"><p class="dialog" role="status">"Loading…"</p></div>
        })}
    }
}

/// What a screen or dialog shows when its code could not be fetched: a way back that works.
#[component]
pub fn CouldNotLoad() -> impl IntoView {
    view! {
        <div class="banner banner-error" role="alert">
            <p>"The console could not load this screen — "
                <button type="button" class="btn" on:click=|_| {
                    let _ = window().location().reload();
                }>"Reload"</button>
            </p>
        </div>
    }
}

/// `first-screen-only` (`scripts/bench --floor`): where code loaded on demand would be.
#[component]
pub fn Placeholder() -> impl IntoView {
    view! { <section class="page"><p>"Not in this build (scripts/bench --floor)."</p></section> }
}
