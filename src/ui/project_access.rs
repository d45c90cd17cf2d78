use leptos::prelude::*;

/// Project Access: Atlas users, teams, API keys and service accounts holding project roles.
/// Only the page frame exists so far; the lists and dialogs are the project access issue.
#[component]
pub fn ProjectAccessPage() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Project Access"</h1>
            <p class="empty-state">"Project members and their roles are not available in this version yet."</p>
        </section>
    }
}
