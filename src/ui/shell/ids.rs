//! DOM ids scoped to one console. A host page may mount several consoles, and the ids that
//! `<label for>`, `aria-labelledby`, `aria-describedby` and `aria-controls` name are looked up in the
//! whole document: each console prefixes its own (the standalone page keeps plain ids).
//!
//! Rule: code passes *names* around ("role-name", "role-name-messages") and turns them into ids with
//! [`dom_id`] only where it writes an id attribute or looks an element up, so a name is prefixed once.
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Clone)]
struct IdPrefix(Arc<str>);

/// Makes `prefix` the id prefix of everything rendered under the current owner.
pub fn provide_id_prefix(prefix: &str) {
    provide_context(IdPrefix(prefix.into()));
}

/// This console's DOM id for `name`.
pub fn dom_id(name: &str) -> String {
    match use_context::<IdPrefix>() {
        Some(IdPrefix(p)) if !p.is_empty() => format!("{p}{name}"),
        _ => name.to_string(),
    }
}

/// [`dom_id`] of each space-separated name, for attributes that list ids.
pub fn dom_ids(names: &str) -> String {
    names
        .split_whitespace()
        .map(dom_id)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn names_become_this_consoles_ids_and_the_standalone_page_keeps_them_plain() {
        Owner::new().with(|| {
            assert_eq!(dom_id("role-name"), "role-name");
            assert_eq!(dom_ids("a  b"), "a b");
        });
        Owner::new().with(|| {
            provide_id_prefix("dba2-");
            assert_eq!(dom_id("role-name"), "dba2-role-name");
            assert_eq!(
                dom_ids("role-name-help role-name-messages"),
                "dba2-role-name-help dba2-role-name-messages"
            );
            // A child scope (a component) sees its console's prefix.
            Owner::new().with(|| assert_eq!(dom_id("main"), "dba2-main"));
        });
    }
}
