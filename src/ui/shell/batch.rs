//! A run of writes one after another (bulk assignment, import of many roles): "N of M" with a progress
//! bar while it runs, and Stop, which takes effect before the next request (the one out finishes: Atlas
//! may already have it). Writes go one at a time: Atlas rate-limits the Admin API.
use super::ids::dom_id;
use super::state::{use_data, Area, ProjectData};
use crate::backend::{Backend, BoxFuture};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Batch {
    data: ProjectData,
    /// Items finished / all items of the current (or last) run.
    done: RwSignal<usize>,
    total: RwSignal<usize>,
    running: RwSignal<bool>,
    stop_asked: RwSignal<bool>,
}

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ended {
    /// Items sent (each got an answer).
    pub sent: usize,
    pub total: usize,
    /// Stopped by the user before the rest were sent.
    pub stopped: bool,
}

impl Ended {
    /// Items never sent (stopped before them).
    pub fn not_sent(&self) -> usize {
        self.total - self.sent
    }
}

pub fn use_batch() -> Batch {
    Batch {
        data: use_data(),
        done: RwSignal::new(0),
        total: RwSignal::new(0),
        running: RwSignal::new(false),
        stop_asked: RwSignal::new(false),
    }
}

impl Batch {
    /// Whether a run is going on (tracked).
    pub fn running(&self) -> bool {
        self.running.get()
    }

    /// "Sending 3 of 10 users…" while running (tracked); `None` otherwise.
    pub fn progress(&self, noun: &str) -> Option<String> {
        self.running.get().then(|| {
            let (done, total) = (self.done.get(), self.total.get());
            let current = (done + 1).min(total);
            match self.stop_asked.get() {
                true => format!("Stopping after {current} of {total} {noun}…"),
                false => format!("Sending {current} of {total} {noun}…"),
            }
        })
    }

    /// Asks the run to stop before its next request.
    pub fn stop(&self) {
        self.stop_asked.set(true);
    }

    /// Sends `each` for every item in turn; `on_each` gets each answer with its item's position. When done
    /// or stopped, reads `area` again and calls `on_end`.
    pub fn run<I: 'static, R: 'static>(
        &self,
        area: Area,
        items: Vec<I>,
        each: impl for<'a> Fn(&'a dyn Backend, I) -> BoxFuture<'a, R> + 'static,
        on_each: impl Fn(usize, R) + 'static,
        on_end: impl FnOnce(Ended) + 'static,
    ) {
        if self.running.get_untracked() {
            return;
        }
        let this = *self;
        let total = items.len();
        this.done.set(0);
        this.total.set(total);
        this.stop_asked.set(false);
        this.running.set(true);
        leptos::task::spawn_local(async move {
            let backend = this.data.backend();
            let mut sent = 0;
            // Closing the dialog disposes its signals: that stops the run too, and nothing is reported.
            let open = || this.stop_asked.try_get_untracked().is_some();
            for (i, item) in items.into_iter().enumerate() {
                if i > 0 {
                    // Lets the browser draw the progress and take a click on Stop: the demo backend answers at once.
                    crate::timers::sleep(0).await;
                }
                if this.stop_asked.try_get_untracked().unwrap_or(true) {
                    break;
                }
                let answer = each(&*backend, item).await;
                sent += 1;
                if !open() {
                    break;
                }
                on_each(i, answer);
                this.done.set(sent);
            }
            this.data.refresh(area);
            if open() {
                this.running.set(false);
                on_end(Ended {
                    sent,
                    total,
                    stopped: sent < total,
                });
            }
        });
    }
}

/// The progress bar of a running batch and its Stop button (nothing when no run is going on).
#[component]
pub fn BatchProgress(batch: Batch, noun: &'static str) -> impl IntoView {
    let label = dom_id("batch-progress-label");
    move || {
        batch.running().then(|| {
            let label = label.clone();
            view! {
                <div class="batch-progress">
                    <span id=label.clone() class="visually-hidden">{format!("Progress: {noun} sent")}</span>
                    <progress aria-labelledby=label max=move || batch.total.get() value=move || batch.done.get()></progress>
                    <button
                        type="button"
                        class="button"
                        disabled=move || batch.stop_asked.get()
                        on:click=move |_| batch.stop()
                    >
                        "Stop"
                    </button>
                </div>
            }
        })
    }
}
