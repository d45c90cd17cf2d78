//! Messages shown next to a field: errors (block saving) and warnings (allowed, but think twice). The
//! field points at them with `aria-describedby`, and sets `aria-invalid` when there is an error.
use domain::validate::{Issue, Severity};
use leptos::prelude::*;

/// Renders nothing when there is nothing to say, so `aria-describedby` may always name `id`.
#[component]
pub fn FieldMessages(
    #[prop(into)] id: String,
    #[prop(into)] issues: Signal<Vec<Issue>>,
) -> impl IntoView {
    view! {
        <div id=id class="field-messages">
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
