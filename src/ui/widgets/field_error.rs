//! Messages shown next to a field: errors (block saving) and warnings (allowed, but think twice). The
//! field points at them with `aria-describedby`, and sets `aria-invalid` when there is an error.
use crate::ui::shell::ids::dom_id;
use domain::validate::{Issue, Severity};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// `aria-invalid` for a field whose messages are `issues`: "true" while one of them is an error.
pub fn aria_invalid(issues: Signal<Vec<Issue>>) -> impl Fn() -> Option<&'static str> + Copy {
    move || {
        issues
            .with(|i| i.iter().any(Issue::is_error))
            .then_some("true")
    }
}

/// Renders nothing when there is nothing to say, so `aria-describedby` may always name `id`.
#[component]
pub fn FieldMessages(
    #[prop(into)] id: String,
    #[prop(into)] issues: Signal<Vec<Issue>>,
) -> impl IntoView {
    view! {
        <div id=dom_id(&id) class="field-messages">
            {move || {
                issues
                    .get()
                    .into_iter()
                    .map(|i| {
                        let (class, prefix) = match i.severity {
                            Severity::Error => ("field-error", "Error: "),
                            Severity::Warning => ("field-warning", "Warning: "),
                        };
                        view! {
                            <p class=class>
                                <span class="visually-hidden">{prefix}</span>
                                {i.message}
                            </p>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}

/// A page-level message (`role="alert"` so it is announced when it appears).
#[component]
pub fn Banner(
    #[prop(into)] message: String,
    #[prop(optional)] warning: bool,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class=if warning { "banner banner-warning" } else { "banner banner-error" } role="alert">
            <p>{message}</p>
            {children.map(|c| c())}
        </div>
    }
}

/// The backend refused a write: say what Atlas said and that nothing typed was lost.
#[component]
pub fn RefusalBanner(error: domain::model::ApiError) -> impl IntoView {
    let detail = error.message();
    if error.is_retryable() {
        // No answer, rate limited or a server fault: the same input may well go through now. The banner
        // sits inside the form, so "Try again" submits it again, unchanged.
        return view! {
            <Banner message=format!("The change was not completed: {detail}")>
                <p class="note">"Your input is still here."</p>
                <button type="submit" class="button">"Try again"</button>
            </Banner>
        }
        .into_any();
    }
    view! {
        <Banner message=format!("Atlas refused the change: {detail}")>
            <p class="note">"Your input is still here. Fix the problem and try again."</p>
        </Banner>
    }
    .into_any()
}

/// A labelled search box bound to `query` (`on_change` runs after each keystroke, e.g. to reset paging).
#[component]
pub fn SearchBox(
    id: &'static str,
    label: &'static str,
    placeholder: &'static str,
    query: RwSignal<String>,
    #[prop(optional)] on_change: Option<Callback<()>>,
) -> impl IntoView {
    let id = dom_id(id);
    view! {
        <div class="search">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type="search"
                placeholder=placeholder
                prop:value=move || query.get()
                on:input=move |ev| {
                    query.set(event_target_value(&ev));
                    if let Some(cb) = on_change {
                        cb.run(());
                    }
                }
            />
        </div>
    }
}

/// Focuses the first invalid field of this editor (another console on the page may have its own).
pub fn focus_first_invalid(form: NodeRef<leptos::html::Form>) {
    request_animation_frame(move || {
        // The editor may be gone by the next frame (saved, or navigated away): then there's nothing to focus.
        if let Some(el) = form
            .try_get_untracked()
            .flatten()
            .and_then(|f| f.query_selector("[aria-invalid=true]").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}
