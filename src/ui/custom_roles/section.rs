//! What the custom roles list looked like when the user left it for the editor (search, sort, how many
//! rows, the ticked roles, how far down the page): Cancel or Save brings it back as it was. Kept for
//! this console's lifetime, in memory only.
use leptos::prelude::*;
use std::collections::BTreeSet;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListMemory {
    pub query: String,
    pub descending: bool,
    pub shown: usize,
    pub selected: BTreeSet<String>,
    pub scroll_y: f64,
}

#[derive(Clone, Copy)]
struct Remembered(StoredValue<Option<ListMemory>>);

/// Once per console, before its routes.
pub fn provide() {
    provide_context(Remembered(StoredValue::new(None)));
}

/// What the list looked like when it was left, taken once (the next visit starts from it).
pub fn recall() -> Option<ListMemory> {
    use_context::<Remembered>().and_then(|r| r.0.try_update_value(Option::take).flatten())
}

/// Where to keep the list as it is when it goes: taken while the list is built (a cleanup runs as its
/// owner goes away, and may not find the console's context then).
pub fn keeper() -> impl Fn(ListMemory) + Send + Sync + 'static {
    let kept = use_context::<Remembered>();
    move |memory| {
        if let Some(r) = kept {
            // The whole console may be going too: then there is nothing to keep it for.
            let _ = r.0.try_update_value(|m| *m = Some(memory));
        }
    }
}
