//! Browser timers as Rust: the HTTP backend's timeouts and retry pauses, and a batch's pause between
//! requests.
use wasm_bindgen::JsCast;

/// Calls `f` once after `ms` milliseconds; the timer's id, if the browser gave one.
pub fn set_timeout(ms: u32, f: impl FnOnce() + 'static) -> Option<i32> {
    let cb = wasm_bindgen::closure::Closure::once_into_js(f);
    web_sys::window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            cb.unchecked_ref(),
            i32::try_from(ms).unwrap_or(i32::MAX),
        )
        .ok()
}

/// Resolves after `ms` milliseconds (0: after what the browser has queued, e.g. drawing and clicks).
pub async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = set_timeout(ms, move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
