//! The combobox's keyboard (WAI-ARIA combobox pattern): arrow keys move (opening the list first), Home
//! and End jump, Enter or Space toggle the active option, Escape closes and then clears. Enter never
//! submits the surrounding form.
use super::state::Combo;
use leptos::prelude::*;
use web_sys::KeyboardEvent;

/// What a key press does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyAction {
    /// Open the list (and make the first or last option active if none is).
    Open(isize),
    Move(isize),
    First,
    Last,
    Toggle,
    Close,
    Clear,
    /// Swallowed (Enter with nothing to toggle).
    Nothing,
    /// Left to the browser.
    Pass,
}

/// What `key` does with the list `open` or closed, an option `active` or not, and `typed` text.
pub fn key_action(key: &str, open: bool, active: bool, typed: bool) -> KeyAction {
    match key {
        "ArrowDown" | "ArrowUp" => {
            let step = if key == "ArrowDown" { 1 } else { -1 };
            if open {
                KeyAction::Move(step)
            } else {
                KeyAction::Open(step)
            }
        }
        "Home" if open => KeyAction::First,
        "End" if open => KeyAction::Last,
        "Enter" | " " if open && active => KeyAction::Toggle,
        "Enter" => KeyAction::Nothing,
        "Escape" if open => KeyAction::Close,
        "Escape" if typed => KeyAction::Clear,
        _ => KeyAction::Pass,
    }
}

/// The input's `keydown` handler; `toggle` chooses or unchooses a key.
pub fn on_keydown(
    combo: Combo,
    toggle: impl Fn(String) + Copy + 'static,
) -> impl Fn(KeyboardEvent) {
    let (query, open, active, keys) = (combo.query, combo.open, combo.active, combo.keys);
    move |ev: KeyboardEvent| {
        let action = key_action(
            &ev.key(),
            open.get_untracked(),
            active.with_untracked(Option::is_some),
            query.with_untracked(|q| !q.is_empty()),
        );
        if action == KeyAction::Pass {
            return;
        }
        ev.prevent_default();
        match action {
            KeyAction::Open(step) => {
                open.set(true);
                if active.with_untracked(Option::is_none) {
                    combo.move_active(step);
                }
            }
            KeyAction::Move(step) => combo.move_active(step),
            KeyAction::First => active.set(keys.with_untracked(|k| k.first().cloned())),
            KeyAction::Last => active.set(keys.with_untracked(|k| k.last().cloned())),
            KeyAction::Toggle => toggle(active.get_untracked().unwrap_or_default()),
            // Escape is the picker's: a dialog around it must not close too.
            KeyAction::Close => {
                ev.stop_propagation();
                open.set(false);
            }
            KeyAction::Clear => {
                ev.stop_propagation();
                query.set(String::new());
            }
            KeyAction::Nothing | KeyAction::Pass => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{key_action, KeyAction::*};
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn each_key_does_what_the_combobox_pattern_says() {
        // (key, open, an option active, text typed) → what it does, and why.
        let table = [
            ("ArrowDown", false, false, false, Open(1), "opens"),
            ("ArrowUp", false, false, false, Open(-1), "opens at the end"),
            ("ArrowDown", true, true, false, Move(1), "moves"),
            ("Home", true, false, false, First, ""),
            ("End", true, false, false, Last, ""),
            ("Home", false, false, false, Pass, "the input's own"),
            ("Enter", true, true, false, Toggle, ""),
            (" ", true, true, false, Toggle, ""),
            (" ", true, false, false, Pass, "a space is typed"),
            ("Enter", false, false, false, Nothing, "never submits"),
            ("Escape", true, false, true, Close, "first closes"),
            ("Escape", false, false, true, Clear, "then clears"),
            ("Escape", false, false, false, Pass, "a dialog's"),
        ];
        for (key, open, active, typed, does, why) in table {
            assert_eq!(key_action(key, open, active, typed), does, "{key:?} {why}");
        }
    }
}
