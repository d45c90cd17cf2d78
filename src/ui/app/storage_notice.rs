//! The embedded demo's notices about what the browser would not store.
use crate::ui::shell::demo::use_demo;
use crate::ui::widgets::Banner;
use leptos::prelude::*;

/// Stored demo data that can't be read is reported, never silently replaced.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let Some(demo) = use_demo() else {
        return ().into_any();
    };
    let reset_error = RwSignal::new(None::<String>);
    let memory_only = move || {
        demo.memory_only().map(|why| {
            view! {
                <Banner message=format!("This browser did not let the console save the demo project ({why}).") warning=true>
                    <p>"The demo keeps working, but its changes stay in this tab only and are lost when it closes or reloads."</p>
                </Banner>
            }
        })
    };
    let unreadable = move || {
        demo.load_problem().map(|why| {
            view! {
                <Banner message=why warning=true>
                    <p>"The console can't use the demo project saved in this browser. Resetting replaces it with a fresh demo project (the old data is kept under a backup key)."</p>
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| {
                            if let Err(e) = demo.reset() {
                                reset_error.set(e.detail);
                            }
                        }
                    >
                        "Reset demo project"
                    </button>
                    {move || reset_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                </Banner>
            }
        })
    };
    view! {
        {memory_only}
        {unreadable}
    }
    .into_any()
}
