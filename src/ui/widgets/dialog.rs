//! The modal dialog every screen uses (WAI-ARIA dialog pattern): `role="dialog"` + `aria-modal`, labelled
//! by its heading, focus moved inside on open and back to where it was on close, Tab kept inside,
//! Escape asks the owner to close.
use super::RefusalBanner;
use crate::ui::shell::ids::dom_id;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

const FOCUSABLE: &str =
    "button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), \
                         textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

fn focusables(root: &HtmlElement) -> Vec<HtmlElement> {
    let Ok(list) = root.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .collect()
}

#[component]
pub fn Dialog(
    /// Prefix of the DOM ids (`{id}-title`).
    #[prop(into)]
    id: String,
    #[prop(into)] title: String,
    /// Called on Escape; the owner decides whether to close (e.g. after a confirmation).
    on_close: Callback<()>,
    /// `alertdialog` for confirmations that interrupt the user.
    #[prop(optional)]
    alert: bool,
    children: Children,
) -> impl IntoView {
    let id = dom_id(&id);
    let node = NodeRef::<leptos::html::Div>::new();
    let previous = document()
        .active_element()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    let previous = SendWrapper::new(previous);
    on_cleanup(move || {
        if let Some(el) = previous.take() {
            let _ = el.focus();
        }
    });
    // Focus the first field or button once the dialog is in the document ([autofocus] wins).
    Effect::new(move |_| {
        if let Some(root) = node.get() {
            let root: HtmlElement = root.into();
            let target = root
                .query_selector("[autofocus]")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
                .or_else(|| focusables(&root).into_iter().next())
                .unwrap_or(root);
            let _ = target.focus();
        }
    });
    let on_keydown = move |ev: KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            ev.stop_propagation();
            on_close.run(());
        }
        "Tab" => {
            let Some(root) = node.get_untracked() else {
                return;
            };
            let items = focusables(&root.into());
            let (Some(first), Some(last)) = (items.first(), items.last()) else {
                return;
            };
            let active = document().active_element();
            let at = |el: &HtmlElement| active.as_ref() == Some(el.unchecked_ref());
            if ev.shift_key() && at(first) {
                ev.prevent_default();
                let _ = last.focus();
            } else if !ev.shift_key() && at(last) {
                ev.prevent_default();
                let _ = first.focus();
            }
        }
        _ => {}
    };
    let title_id = format!("{id}-title");
    let labelled_by = title_id.clone();
    view! {
        <div class="dialog-backdrop">
            <div
                node_ref=node
                id=id
                class="dialog"
                role=if alert { "alertdialog" } else { "dialog" }
                aria-modal="true"
                aria-labelledby=labelled_by
                tabindex="-1"
                on:keydown=on_keydown
            >
                <h2 class="dialog-title" id=title_id>{title}</h2>
                {children()}
            </div>
        </div>
    }
}

/// A yes/no question in a dialog. The confirm button can be disabled (with the reason in `children`).
#[component]
pub fn ConfirmDialog(
    #[prop(into)] id: String,
    #[prop(into)] title: String,
    #[prop(into)] confirm_label: String,
    #[prop(optional, into)] confirm_disabled: Signal<bool>,
    #[prop(optional, into)] busy: Signal<bool>,
    /// Styles the confirm button as destructive.
    #[prop(optional)]
    danger: bool,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
    children: Children,
) -> impl IntoView {
    view! {
        <Dialog id=id title=title on_close=on_cancel alert=true>
            <div class="dialog-body">{children()}</div>
            <div class="dialog-actions">
                <button type="button" class="button" on:click=move |_| on_cancel.run(()) autofocus>
                    "Cancel"
                </button>
                <button
                    type="button"
                    class=if danger { "button button-danger" } else { "button button-primary" }
                    disabled=move || confirm_disabled.get() || busy.get()
                    aria-busy=move || busy.get().then_some("true")
                    on:click=move |_| on_confirm.run(())
                >
                    {confirm_label}
                </button>
            </div>
        </Dialog>
    }
}

/// The end of a form: Atlas's refusal, if any, then Cancel (a button, or a link back for a page), "Revert
/// changes" when editing something loaded, and the submit button (busy while the request is out). The
/// form's own `on:submit` does the work.
#[component]
pub fn FormActions(
    #[prop(into)] submit: String,
    write: crate::ui::shell::write::WriteHandle,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
    /// Cancel as a link to this path (a page rather than a dialog; the unsaved-changes guard asks first).
    #[prop(optional)]
    cancel_href: Option<String>,
    /// Offered when editing something loaded: puts the form back as loaded.
    #[prop(default = None)]
    on_revert: Option<Callback<()>>,
    /// Disables "Revert changes" (nothing changed).
    #[prop(optional, into)]
    unchanged: Signal<bool>,
    /// The form shows the refusal itself (it stays shown while a review step replaces these buttons).
    #[prop(optional)]
    refusal_elsewhere: bool,
) -> impl IntoView {
    let cancel = match cancel_href {
        Some(href) => view! { <a class="button" href=crate::ui::shell::base::link(&href)>"Cancel"</a> }.into_any(),
        None => view! {
            <button type="button" class="button" on:click=move |_| if let Some(c) = on_cancel { c.run(()) }>"Cancel"</button>
        }
        .into_any(),
    };
    view! {
        {move || (!refusal_elsewhere).then(|| write.error()).flatten().map(|e| view! { <RefusalBanner error=e /> })}
        <div class="form-actions">
            {cancel}
            {on_revert.map(|revert| view! {
                <button type="button" class="button" disabled=move || unchanged.get() on:click=move |_| revert.run(())>"Revert changes"</button>
            })}
            <button type="submit" class="button button-primary" disabled=move || write.sending() aria-busy=move || write.sending().then_some("true")>
                {submit}
            </button>
        </div>
    }
}
