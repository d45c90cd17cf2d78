//! One write from a form or a button: whether it is being sent and why Atlas refused it, owned in one
//! place instead of a pair of signals per caller. Every screen writes through `use_write`.
use super::state::{use_data, Area, ProjectData};
use crate::backend::{ApiResult, Backend, BoxFuture};
use domain::model::ApiError;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct WriteHandle {
    data: ProjectData,
    sending: RwSignal<bool>,
    error: RwSignal<Option<ApiError>>,
}

/// A write handle for one form or button (its own sending/refused state).
pub fn use_write() -> WriteHandle {
    WriteHandle {
        data: use_data(),
        sending: RwSignal::new(false),
        error: RwSignal::new(None),
    }
}

impl WriteHandle {
    /// Whether the write is being sent (tracked): submit buttons are disabled and `aria-busy` meanwhile.
    pub fn sending(&self) -> bool {
        self.sending.get()
    }

    /// The same, untracked (a submit handler checking it is not already sending).
    pub fn sending_untracked(&self) -> bool {
        self.sending.get_untracked()
    }

    /// The same, as a signal for widgets that take one.
    pub fn sending_signal(&self) -> Signal<bool> {
        self.sending.into()
    }

    /// Atlas's refusal of the last write, if it refused (tracked).
    pub fn error(&self) -> Option<ApiError> {
        self.error.get()
    }

    /// Forgets the refusal (the user changed what was refused).
    pub fn clear_error(&self) {
        if self.error.with_untracked(Option::is_some) {
            self.error.set(None);
        }
    }

    /// Sends `op` unless a write is already being sent: on success reads `area` again (see
    /// `ProjectData::refresh`) and calls `on_ok` with the answer; on refusal keeps Atlas's error for `error`. The
    /// caller's input stays either way.
    pub fn run<T: 'static>(
        &self,
        area: Area,
        op: impl for<'a> FnOnce(&'a dyn Backend) -> BoxFuture<'a, ApiResult<T>> + 'static,
        on_ok: impl FnOnce(T) + 'static,
    ) {
        if self.sending.get_untracked() {
            return;
        }
        let WriteHandle {
            data,
            sending,
            error,
        } = *self;
        sending.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let backend = data.backend();
            let result = op(&*backend).await;
            sending.set(false);
            match result {
                Ok(v) => {
                    data.refresh(area);
                    on_ok(v);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    }
}
