//! Controls for changes the signed-in principal may not be allowed to make. When they may not, the
//! control stays visible and focusable but is `aria-disabled`, says why (tooltip and description), and
//! does nothing; the backend refuses such a change on its own anyway.
use crate::ui::shell::ids::dom_id;
use crate::ui::shell::state::use_data;
use domain::permissions::Permission;
use leptos::prelude::*;

/// A link or button that performs a change needing `permission`.
#[component]
pub fn PermittedAction(
    permission: Permission,
    /// Unique DOM id of the control (the reason gets `{id}-why`).
    #[prop(into)]
    id: String,
    #[prop(into)] label: String,
    /// Accessible name when the visible label is not enough ("Edit orders_reader").
    #[prop(optional, into)]
    aria_label: Option<String>,
    /// The console route the control leads to (rendered as a link, with the base path, when allowed).
    #[prop(optional, into)]
    href: Option<String>,
    #[prop(optional)] on_click: Option<Callback<()>>,
    #[prop(optional, into)] class: Option<String>,
    /// The change creates an API key or a service account: through the portal, a Project Owner's only.
    #[prop(optional)]
    mints: bool,
) -> impl IntoView {
    let data = use_data();
    let class = class.unwrap_or_else(|| "button".to_string());
    let id = dom_id(&id);
    let why_id = format!("{id}-why");
    move || {
        match (data.refusal_of(permission, mints), href.clone()) {
        (Some(why), _) => view! {
            <button
                type="button"
                id=id.clone()
                class=format!("{class} is-disabled")
                aria-disabled="true"
                aria-label=aria_label.clone()
                aria-describedby=why_id.clone()
                title=why.clone()
            >
                {label.clone()}
            </button>
            <span id=why_id.clone() class="visually-hidden">{why}</span>
        }
        .into_any(),
        (None, Some(href)) => view! {
            <a id=id.clone() class=class.clone() href=crate::ui::shell::base::link(href) aria-label=aria_label.clone()>{label.clone()}</a>
        }
        .into_any(),
        (None, None) => view! {
            <button
                type="button"
                id=id.clone()
                class=class.clone()
                aria-label=aria_label.clone()
                on:click=move |_| {
                    if let Some(cb) = on_click {
                        cb.run(());
                    }
                }
            >
                {label.clone()}
            </button>
        }
        .into_any(),
    }
    }
}

/// One visible line saying who the console acts as and what they can't change here.
#[component]
pub fn PermissionNotice(permission: Permission, what: &'static str) -> impl IntoView {
    let data = use_data();
    move || {
        data.refusal(permission).map(|why| {
            let who = data.principal().map(|p| p.name).unwrap_or_default();
            // A portal's person is signed in; the demo's principals are only viewed as.
            let how = if data.person().is_some() {
                "signed in"
            } else {
                "viewing"
            };
            view! {
                <p class="permission-note" role="note">
                    {format!("You are {how} as {who}, who can't change {what}. {why}.")}
                </p>
            }
        })
    }
}
