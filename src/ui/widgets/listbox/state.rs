//! The combobox's state: what is typed, whether the list is open, the active option, and the list as it
//! shows, split into its shape (which options, in which groups) and each option's state (chosen, why it
//! can't be), so choosing an option updates attributes in place instead of rebuilding the open list
//! (scripts/bench: "picker selection that locks").
use super::options::filtered;
use super::{PickGroup, PickOption};
use leptos::prelude::*;
use std::collections::HashMap;

/// Each option's state by key: (chosen, why it can't be chosen).
pub type OptionStates = HashMap<String, (bool, Option<String>)>;

#[derive(Clone, Copy)]
pub struct Combo {
    pub query: RwSignal<String>,
    pub open: RwSignal<bool>,
    /// The key of the active option (`aria-activedescendant`).
    pub active: RwSignal<Option<String>>,
    /// The matching groups, each with how many matches it leaves out.
    visible: Memo<Vec<(PickGroup, usize)>>,
    /// The groups without their options' states and locks.
    pub shape: Memo<Vec<(PickGroup, usize)>>,
    /// Each shown group's lock, by position.
    pub locks: Memo<Vec<Option<String>>>,
    pub states: Memo<OptionStates>,
    /// The shown options' keys, in order: what the arrow keys move through.
    pub keys: Memo<Vec<String>>,
}

impl Combo {
    pub fn new(groups: Signal<Vec<PickGroup>>) -> Self {
        let query = RwSignal::new(String::new());
        let visible = Memo::new(move |_| query.with(|q| groups.with(|g| filtered(g, q))));
        Combo {
            query,
            open: RwSignal::new(false),
            active: RwSignal::new(None),
            visible,
            shape: Memo::new(move |_| visible.with(|v| shape_of(v))),
            locks: Memo::new(move |_| {
                visible.with(|v| v.iter().map(|(g, _)| g.locked.clone()).collect())
            }),
            states: Memo::new(move |_| {
                visible.with(|v| {
                    v.iter()
                        .flat_map(|(g, _)| &g.options)
                        .map(|o| (o.key.clone(), (o.selected, o.disabled.clone())))
                        .collect()
                })
            }),
            keys: Memo::new(move |_| {
                visible.with(|v| {
                    v.iter()
                        .flat_map(|(g, _)| g.options.iter().map(|o| o.key.clone()))
                        .collect()
                })
            }),
        }
    }

    /// Whether `key` can be chosen now: shown, not disabled, its group not locked.
    pub fn may_toggle(&self, key: &str) -> bool {
        self.visible.with_untracked(|v| {
            v.iter()
                .filter(|(g, _)| g.locked.is_none())
                .flat_map(|(g, _)| &g.options)
                .any(|o| o.key == key && o.disabled.is_none())
        })
    }

    /// Moves the active option `step` options on, wrapping around.
    pub fn move_active(&self, step: isize) {
        let keys = self.keys.get_untracked();
        let current = self
            .active
            .get_untracked()
            .and_then(|a| keys.iter().position(|k| *k == a));
        if let Some(next) = next_index(current, keys.len(), step) {
            self.active.set(Some(keys[next].clone()));
        }
    }
}

/// The groups as shown, without what changes when an option is chosen.
fn shape_of(visible: &[(PickGroup, usize)]) -> Vec<(PickGroup, usize)> {
    visible
        .iter()
        .map(|(g, more)| {
            let options = g
                .options
                .iter()
                .map(|o| PickOption {
                    selected: false,
                    disabled: None,
                    ..o.clone()
                })
                .collect();
            let group = PickGroup {
                label: g.label.clone(),
                locked: None,
                options,
                capped: g.capped,
            };
            (group, *more)
        })
        .collect()
}

/// The option `step` on from `current` among `len`, wrapping; from none, the first (or the last going
/// up). `None` when there are no options.
pub fn next_index(current: Option<usize>, len: usize, step: isize) -> Option<usize> {
    if len == 0 {
        return None;
    }
    Some(match (current, step) {
        (None, s) if s < 0 => len - 1,
        (None, _) => 0,
        (Some(i), s) => (i as isize + s).rem_euclid(len as isize) as usize,
    })
}

#[cfg(test)]
mod tests {
    use super::next_index;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn the_arrow_keys_wrap_around_and_start_at_either_end() {
        assert_eq!(next_index(None, 3, 1), Some(0));
        assert_eq!(next_index(None, 3, -1), Some(2));
        assert_eq!(
            next_index(Some(2), 3, 1),
            Some(0),
            "down from the last wraps"
        );
        assert_eq!(
            next_index(Some(0), 3, -1),
            Some(2),
            "up from the first wraps"
        );
        assert_eq!(next_index(Some(1), 3, 1), Some(2));
        assert_eq!(next_index(None, 0, 1), None, "no options, nothing active");
    }
}
