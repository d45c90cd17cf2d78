//! The one "Discard unsaved changes?" confirmation for every screen (`shell::guard` decides when to ask).
use crate::ui::shell::guard::{intercept_leaving, use_guard};
use crate::ui::widgets::ConfirmDialog;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Intercepts in-app links and reloads, and asks before a dirty form is left. Must be inside the
/// `<Router>`, after `provide_guard`.
#[component]
pub fn UnsavedChangesGuard() -> impl IntoView {
    intercept_leaving();
    let guard = use_guard();
    let navigate = use_navigate();
    let stay = Callback::new(move |_| guard.stay());
    let leave = Callback::new(move |_| {
        if let Some(href) = guard.leave() {
            navigate(&href, Default::default());
        }
    });
    view! {
        <Show when=move || guard.asking()>
            <ConfirmDialog
                id="unsaved-changes"
                title="Discard unsaved changes?"
                confirm_label="Discard changes"
                danger=true
                on_confirm=leave
                on_cancel=stay
            >
                <p>"You have changes that have not been saved. If you leave, they will be lost."</p>
            </ConfirmDialog>
        </Show>
    }
}
