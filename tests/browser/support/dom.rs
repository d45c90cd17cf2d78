//! Finding elements by id, selector, accessible name or label, and acting on them as a person does.
use super::{document, wait_until};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent, KeyboardEventInit};

pub fn by_id(id: &str) -> Option<HtmlElement> {
    document().get_element_by_id(id).map(|e| e.unchecked_into())
}

pub fn query(selector: &str) -> Option<HtmlElement> {
    document()
        .query_selector(selector)
        .unwrap()
        .map(|e| e.unchecked_into())
}

pub fn text_of(selector: &str) -> String {
    query(selector)
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

pub fn attr(el: &HtmlElement, name: &str) -> Option<String> {
    el.get_attribute(name)
}

/// Dispatches a bubbling keydown on `el`, as the browser would for a key press on the focused element.
pub fn press_key(el: &HtmlElement, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(&ev).unwrap();
}

/// All elements matching `selector`.
pub fn query_all(selector: &str) -> Vec<HtmlElement> {
    let list = document().query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

/// The element whose accessible name (`aria-label` or text) is exactly `name`, among `selector`.
pub fn by_name(selector: &str, name: &str) -> Option<HtmlElement> {
    query_all(selector).into_iter().find(|e| {
        e.get_attribute("aria-label").as_deref() == Some(name)
            || (e.get_attribute("aria-label").is_none()
                && e.text_content().unwrap_or_default().trim() == name)
    })
}

/// Finds `selector` named `name`, waiting for it to appear.
pub async fn find(selector: &str, name: &str) -> HtmlElement {
    wait_until(&format!("{selector} named {name:?} appears"), || {
        by_name(selector, name).is_some()
    })
    .await;
    by_name(selector, name).unwrap()
}

/// The `<input>` labelled `label` through `<label for>` (first match).
pub fn input_labelled(label: &str) -> Option<web_sys::HtmlInputElement> {
    query_all("label").into_iter().find_map(|l| {
        let text = l.text_content().unwrap_or_default();
        if text.trim() != label {
            return None;
        }
        let id = l.get_attribute("for")?;
        document()
            .get_element_by_id(&id)
            .map(|e| e.unchecked_into())
    })
}

/// Types `text` into `input` like a person: focus, set the value, fire `input`, then blur.
pub fn type_into(input: &web_sys::HtmlInputElement, text: &str) {
    input.focus().unwrap();
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

/// Moves focus away from `el`, firing `blur` (as tabbing out does).
pub fn blur(el: &HtmlElement) {
    el.blur().unwrap();
    // A headless window may not have focus, in which case blur() fires nothing; send it ourselves.
    el.dispatch_event(&web_sys::Event::new("blur").unwrap())
        .unwrap();
}

/// The ids in `el`'s `aria-describedby`, their texts joined: what a screen reader announces with the field.
pub fn messages_of(el: &HtmlElement) -> String {
    el.get_attribute("aria-describedby")
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(by_id)
        .map(|e| e.text_content().unwrap_or_default())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Chooses `value` in the `<select>` with DOM id `id`, firing `change` as the browser does.
pub fn select(id: &str, value: &str) {
    let s: web_sys::HtmlSelectElement = by_id(id).unwrap().unchecked_into();
    s.set_value(value);
    s.dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

/// Everything the mounted console says, as text.
pub fn page_text() -> String {
    text_of(".test-host")
}
