//! "Download Certificate" for an Atlas-managed X.509 user: Atlas issues a certificate and private key
//! (`POST …/databaseUsers/{username}/certs`, valid 1 to 24 months, Project Owner only). The PEM is shown
//! once in this dialog, for copying or downloading; closing it drops it, and nothing stores it.
use crate::ui::shell::ids::dom_id;
use crate::ui::shell::state::Area;
use crate::ui::shell::write::use_write;
use crate::ui::widgets::{download, CopyButton, Dialog, FormActions};
use domain::user_certs::{certificate_months_problem, DEFAULT_CERT_MONTHS, MAX_CERT_MONTHS};
use leptos::prelude::*;

#[component]
pub fn CertificateDialog(username: String, on_close: Callback<()>) -> impl IntoView {
    let months = RwSignal::new(DEFAULT_CERT_MONTHS.to_string());
    let write = use_write();
    let pem = RwSignal::new(None::<String>);
    let problem = move || match months.with(|m| m.trim().parse::<u32>().ok()) {
        None => Some(format!(
            "Enter a number of months from 1 to {MAX_CERT_MONTHS}."
        )),
        Some(m) => certificate_months_problem(m),
    };
    let (months_id, months_error) = (dom_id("cert-months"), dom_id("cert-months-error"));
    let create = {
        let username = username.clone();
        move |ev: web_sys::SubmitEvent| {
            ev.prevent_default();
            if problem().is_some() || write.sending_untracked() {
                return;
            }
            let m: u32 = months.with_untracked(|m| m.trim().parse().unwrap_or(DEFAULT_CERT_MONTHS));
            let name = username.clone();
            write.run(
                Area::DatabaseAccess,
                move |b| b.create_user_certificate(name, m),
                move |text| pem.set(Some(text)),
            );
        }
    };
    let file = format!("{username}.pem");
    let text = Signal::derive(move || pem.get().unwrap_or_default());
    view! {
        <Dialog id="cert-dialog" title=format!("X.509 Certificate for {username}") on_close=on_close>
            {move || match pem.get() {
                None => view! {
                    <form class="dialog-body" novalidate on:submit=create.clone()>
                        <p>"Atlas issues a certificate and private key for this user. They are shown once: the console doesn't keep them."</p>
                        <div class="field">
                            <label for=months_id.clone()>"Months until expiration"</label>
                            <input
                                id=months_id.clone()
                                type="number"
                                min="1"
                                max=MAX_CERT_MONTHS
                                prop:value=move || months.get()
                                on:input=move |ev| months.set(event_target_value(&ev))
                                aria-invalid=move || problem().map(|_| "true")
                                aria-describedby={
                                    let months_error = months_error.clone();
                                    move || problem().map(|_| months_error.clone())
                                }
                            />
                            {move || problem().map(|why| view! { <p id=dom_id("cert-months-error") class="field-error">{why}</p> })}
                        </div>
                        <FormActions submit="Create Certificate" write=write on_cancel=on_close />
                    </form>
                }.into_any(),
                Some(_) => {
                    let file = file.clone();
                    view! {
                        <div class="dialog-body">
                            <p role="status">"Save the certificate and private key now: this is the only time they are shown."</p>
                            <div class="field transfer">
                                <label for=dom_id("cert-pem")>"Certificate and private key (PEM)"</label>
                                <textarea id=dom_id("cert-pem") readonly spellcheck="false" prop:value=move || text.get()></textarea>
                            </div>
                            <div class="dialog-actions">
                                <CopyButton text=text label="Copy" />
                                <button type="button" class="button" on:click=move |_| download(&file, &text.get_untracked())>"Download"</button>
                                <button type="button" class="button button-primary" on:click=move |_| on_close.run(())>"Close"</button>
                            </div>
                        </div>
                    }.into_any()
                }
            }}
        </Dialog>
    }
}
