//! The embedded demo's own controls: "View as", "Reset demo project" and what the browser would not
//! store (the app's `StorageNotice` and header show them). They exist only when the demo backend is in use (`use_demo` is `None` over
//! the Admin API), so no screen can offer them against a real project.
use super::state::ProjectData;
use crate::backend::local::LocalBackend;
use crate::backend::ApiResult;
use domain::project::Principal;
use leptos::prelude::*;
use std::rc::Rc;

#[derive(Clone, Copy)]
pub struct Demo {
    local: StoredValue<Rc<LocalBackend>, LocalStorage>,
    data: ProjectData,
    /// Why stored demo data could not be read, if it could not.
    load_problem: RwSignal<Option<String>>,
    /// Why the demo project lives only in this tab's memory (the browser refused to store it).
    memory_only: RwSignal<Option<String>>,
}

/// The demo's controls, when the console runs on the embedded demo backend.
pub fn use_demo() -> Option<Demo> {
    use_context::<Demo>()
}

/// Provides the demo's controls for `local`, the backend `data` reads from.
pub fn provide_demo(local: Rc<LocalBackend>, data: ProjectData) {
    let problem = local.load_problem().map(|p| p.0);
    let demo = Demo {
        local: StoredValue::new_local(local),
        data,
        load_problem: RwSignal::new(problem),
        memory_only: RwSignal::new(None),
    };
    // Every write is followed by a read of what it changed: as reads start and end, the demo tells
    // whether the browser still let it store what it holds.
    Effect::new(move |_| {
        data.reading();
        demo.note_storage();
    });
    provide_context(demo);
}

impl Demo {
    fn note_storage(&self) {
        let why = self.local.try_with_value(|l| l.memory_only()).flatten();
        if self.memory_only.with_untracked(|w| *w != why) {
            self.memory_only.set(why);
        }
    }

    /// Why stored demo data could not be read, if it could not (tracked).
    pub fn load_problem(&self) -> Option<String> {
        self.load_problem.get()
    }

    /// Why the demo project lives only in this tab's memory, if the browser refused to store it (tracked).
    pub fn memory_only(&self) -> Option<String> {
        self.memory_only.get()
    }

    /// Replaces unreadable (or any) stored demo data with a fresh demo project.
    pub fn reset(&self) -> ApiResult<()> {
        self.local.get_value().reset()?;
        self.load_problem.set(None);
        self.data.reload();
        Ok(())
    }

    /// "View as": switches the demo's principal; every screen follows without a page reload.
    pub fn view_as(&self, principal: Principal) -> ApiResult<()> {
        self.local.get_value().set_principal(principal)?;
        self.data.reload();
        Ok(())
    }
}
