//! The exact Admin API request the editor will send, and the equivalent Atlas CLI command, live.
use crate::ui::shell::ids::dom_id;
use crate::ui::widgets::LazyDetails;
use domain::cli::custom_role_command;
use domain::model::{CustomDbRole, UpdateCustomDbRole};
use leptos::prelude::*;

/// The request body: the whole role on create (POST), actions and inherited roles on update (PATCH).
pub fn request_body(role: &CustomDbRole, create: bool) -> String {
    let json = if create {
        serde_json::to_string_pretty(role)
    } else {
        serde_json::to_string_pretty(&UpdateCustomDbRole::from(role))
    };
    json.unwrap_or_default()
}

#[component]
pub fn RequestPreview(
    #[prop(into)] role: Signal<CustomDbRole>,
    create: bool,
    #[prop(into)] project_id: Signal<String>,
) -> impl IntoView {
    let request_line = move || {
        let base = format!(
            "/api/atlas/v2/groups/{}/customDBRoles/roles",
            project_id.get()
        );
        if create {
            format!("POST {base}")
        } else {
            format!("PATCH {base}/{}", role.with(|r| r.role_name.clone()))
        }
    };
    // Built only while open: opening the editor on a large role stays within a frame, and closed it
    // doesn't re-serialize the role on every keystroke.
    view! {
        <LazyDetails class="preview" summary="Preview the Admin API request and Atlas CLI command">
            <p class="preview-line"><code id=dom_id("preview-request-line")>{request_line}</code></p>
            <pre id=dom_id("preview-json") class="code" aria-label="Request body">{move || role.with(|r| request_body(r, create))}</pre>
            <pre id=dom_id("preview-cli") class="code" aria-label="Atlas CLI command">
                {move || role.with(|r| {
                    custom_role_command(r, create, &project_id.get()).unwrap_or_else(|why| format!("# {why}"))
                })}
            </pre>
        </LazyDetails>
    }
}
