//! "Undo" after a delete: a notice at the top of the page for `UNDO_SECONDS`, which re-creates what was
//! deleted from the definition captured just before (`domain::undo`). One offer at a time: a new delete
//! replaces the previous offer.
use crate::backend::LoadFailed;
use crate::ui::shell::ids::dom_id;
use crate::ui::shell::state::{use_data, Area, ProjectData};
use crate::ui::shell::write::{use_write, WriteHandle};
use domain::undo::{DeletedRole, Write as UndoStep};
use leptos::prelude::*;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Long enough to notice and react (the issue asks for at least 10 s).
pub const UNDO_SECONDS: u64 = 15;

/// What an offer can put back.
#[derive(Clone, Debug, PartialEq)]
pub enum Undoable {
    /// Restored against the project as it is when "Undo" is pressed.
    Role(DeletedRole),
    User(UndoStep),
}

impl Undoable {
    /// What was deleted, as the notice names it ("custom role orders_reader").
    fn label(&self) -> String {
        match self {
            Undoable::Role(r) => format!("custom role {}", r.role.role_name),
            Undoable::User(UndoStep::CreateUser(u)) => format!("database user {}", u.username),
            Undoable::User(_) => "database user".to_string(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
struct Offer {
    id: u64,
    message: String,
    what: Undoable,
}

/// A clock for undo offers that moves only when told to. Provided in context around the app, it replaces the
/// browser's timer, so a test checks how long an offer lasts by advancing it instead of waiting the real
/// seconds (which also made the test depend on how busy the machine was).
#[derive(Clone, Default)]
pub struct ManualClock(Arc<Mutex<ClockState>>);

#[derive(Default)]
struct ClockState {
    now_ms: u64,
    /// When each pending callback is due, in the clock's milliseconds.
    pending: Vec<(u64, Box<dyn FnOnce() + Send>)>,
}

impl ManualClock {
    fn schedule(&self, after: Duration, f: impl FnOnce() + Send + 'static) {
        let mut s = self.0.lock().unwrap();
        let due = s.now_ms + after.as_millis() as u64;
        s.pending.push((due, Box::new(f)));
    }

    /// Moves the clock on by `ms` and runs what has come due (outside the lock: it may schedule more).
    pub fn advance(&self, ms: u64) {
        let due = {
            let mut s = self.0.lock().unwrap();
            s.now_ms += ms;
            let now = s.now_ms;
            let (due, later) = std::mem::take(&mut s.pending)
                .into_iter()
                .partition(|(at, _)| *at <= now);
            s.pending = later;
            due
        };
        for (_, f) in due {
            f();
        }
    }
}

#[derive(Clone, Copy)]
pub struct UndoOffers {
    offer: RwSignal<Option<Offer>>,
    next_id: StoredValue<u64>,
    /// The result of the last undo ("Restored …" or why it failed).
    outcome: RwSignal<Option<Result<String, String>>>,
    /// This console's ids of the notice and of the page (a portal may show two consoles).
    ids: StoredValue<(String, String)>,
    /// A test's clock, if one was provided around the app; the browser's timer otherwise.
    clock: StoredValue<Option<ManualClock>>,
}

/// Provides the undo offers; after the ids (it keeps its elements' ids).
pub fn provide_undo() {
    provide_context(UndoOffers {
        offer: RwSignal::new(None),
        next_id: StoredValue::new(0),
        outcome: RwSignal::new(None),
        ids: StoredValue::new((dom_id("undo-region"), dom_id("main"))),
        clock: StoredValue::new(use_context::<ManualClock>()),
    });
}

impl UndoOffers {
    /// Takes the offer away. Focus on "Undo" or "Dismiss" would fall to the document's body with the
    /// notice, so a keyboard user would start over from the top: it goes to the page's heading first.
    fn withdraw(&self) {
        self.ids
            .with_value(|(region, main)| focus_heading_if_inside(region, main));
        self.offer.set(None);
    }

    /// Offers to undo the delete of `what` for `UNDO_SECONDS` ("Deleted custom role …").
    pub fn offer(&self, what: Undoable) {
        let message = format!("Deleted {}.", what.label());
        let id = self.next_id.get_value() + 1;
        self.next_id.set_value(id);
        self.outcome.set(None);
        self.offer.set(Some(Offer { id, message, what }));
        let this = *self;
        let expire = move || {
            // The console may be gone by then (unmounted): its signals with it.
            if this
                .offer
                .try_with_untracked(|o| o.as_ref().is_some_and(|o| o.id == id))
                .unwrap_or(false)
            {
                this.withdraw();
            }
        };
        let after = Duration::from_secs(UNDO_SECONDS);
        match self.clock.get_value() {
            Some(clock) => clock.schedule(after, expire),
            None => set_timeout(expire, after),
        }
    }
}

/// Moves focus to the first heading of the page `main` when it is inside the element `region`.
fn focus_heading_if_inside(region: &str, main: &str) {
    let doc = document();
    let inside = match (doc.get_element_by_id(region), doc.active_element()) {
        (Some(r), Some(active)) => r.contains(Some(&active)),
        _ => false,
    };
    let heading = || {
        doc.get_element_by_id(main)?
            .query_selector("h1")
            .ok()
            .flatten()
    };
    if let Some(h) = inside.then(heading).flatten() {
        if !h.has_attribute("tabindex") {
            // Focusable by script only, not a Tab stop.
            let _ = h.set_attribute("tabindex", "-1");
        }
        let _ = h.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

/// Puts back what `offer` deleted. Only code loaded on demand deletes, so in a split build the chunk is in
/// by then and the restoring code waits there (`restore_now`).
fn restore(undo: UndoOffers, data: ProjectData, write: WriteHandle, offer: Offer) {
    #[cfg(feature = "split")]
    leptos::task::spawn_local(async move {
        if restore_now(undo, data, write, offer).await.is_err() {
            undo.withdraw();
            let why = "Undo failed: the console could not load the code for this. Reload the page.";
            undo.outcome.set(Some(Err(why.to_string())));
        }
    });
    #[cfg(not(feature = "split"))]
    let Ok(()) = restore_now(undo, data, write, offer);
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(screens, fallible))]
fn restore_now(
    undo: UndoOffers,
    data: ProjectData,
    write: WriteHandle,
    offer: Offer,
) -> Result<(), LoadFailed> {
    // `scripts/bench --floor`: nothing there deletes, so nothing is restored (a constant: not linked).
    if cfg!(feature = "first-screen-only") {
        return Ok(());
    }
    let writes = match &offer.what {
        Undoable::Role(r) => data.with_context(|ctx| r.restore(ctx.custom_roles, ctx.users)),
        Undoable::User(w) => vec![w.clone()],
    };
    let restored = format!("Restored {}.", offer.what.label());
    write.run(
        Area::DatabaseAccess,
        move |b| crate::backend::apply_writes(b, writes),
        move |()| {
            undo.withdraw();
            undo.outcome.set(Some(Ok(restored)));
        },
    );
    Ok(())
}

pub fn use_undo() -> UndoOffers {
    expect_context::<UndoOffers>()
}

/// The notice with "Undo" (focused when it appears, so a keyboard user can act at once) and "Dismiss".
#[component]
pub fn UndoNotice() -> impl IntoView {
    let undo = use_undo();
    let data = use_data();
    let write = use_write();
    let button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(b) = button.get() {
            let _ = b.focus();
        }
    });
    let run = move |_| {
        if let Some(offer) = undo.offer.get_untracked() {
            restore(undo, data, write, offer);
        }
    };
    Effect::new(move |_| {
        if let Some(e) = write.error() {
            undo.withdraw();
            undo.outcome
                .set(Some(Err(format!("Undo failed: {}", e.message()))));
        }
    });
    view! {
        <div class="undo-region" id=dom_id("undo-region") role="status" aria-live="polite">
            {move || undo.offer.get().map(|o| view! {
                <div class="undo-notice">
                    <span>{o.message}</span>
                    <button
                        type="button"
                        class="button"
                        node_ref=button
                        disabled=move || write.sending()
                        aria-busy=move || write.sending().then_some("true")
                        on:click=run
                    >
                        "Undo"
                    </button>
                    <button type="button" class="link-button" on:click=move |_| undo.withdraw()>"Dismiss"</button>
                </div>
            })}
            {move || undo.outcome.get().map(|r| match r {
                Ok(m) => view! { <p class="undo-notice">{m}</p> }.into_any(),
                Err(m) => view! { <p class="undo-notice field-error">{m}</p> }.into_any(),
            })}
        </div>
    }
}
