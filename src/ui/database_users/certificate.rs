//! "Download Certificate" for an Atlas-managed X.509 user: Atlas issues a certificate and private key
//! (`POST …/databaseUsers/{username}/certs`, valid 1 to 24 months, Project Owner only). The PEM is shown
//! once in this dialog, for copying or downloading; closing it drops it, and nothing stores it.
use crate::ui::shell::state::Area;
use crate::ui::widgets::form::{FormControl, FormField};
use crate::ui::widgets::{download, CopyButton, Dialog, FormActions};
use domain::user_certs::{validate_certificate_months, DEFAULT_CERT_MONTHS, MAX_CERT_MONTHS};
use domain::validate::Field as IssueField;
use leptos::prelude::*;

#[component]
pub fn CertificateDialog(username: String, on_close: Callback<()>) -> impl IntoView {
    let months = RwSignal::new(DEFAULT_CERT_MONTHS.to_string());
    let pem = RwSignal::new(None::<String>);
    let issues = Memo::new(move |_| months.with(|m| validate_certificate_months(m)));
    let form = FormControl::new(Area::DatabaseAccess, issues, move || months.track());
    let shown = form.shown(IssueField::CertificateMonths, |f| {
        *f == IssueField::CertificateMonths
    });
    let create = {
        let username = username.clone();
        Callback::new(move |()| {
            let m: u32 = months.with_untracked(|m| m.trim().parse().unwrap_or(DEFAULT_CERT_MONTHS));
            let name = username.clone();
            form.send(
                move |b| b.create_user_certificate(name, m),
                move |text| pem.set(Some(text)),
            );
        })
    };
    let file = format!("{username}.pem");
    let text = Signal::derive(move || pem.get().unwrap_or_default());
    view! {
        <Dialog id="cert-dialog" title=format!("X.509 Certificate for {username}") on_close=on_close>
            {move || match pem.get() {
                None => view! {
                    <form class="dialog-body" node_ref=form.node_ref() novalidate on:submit=form.on_submit(move || create.run(()))>
                        <p>"Atlas issues a certificate and private key for this user. They are shown once: the console doesn't keep them."</p>
                        <FormField id="cert-months" label="Months until expiration" issues=shown let:c>
                            <input
                                id=c.id()
                                type="number"
                                min="1"
                                max=MAX_CERT_MONTHS
                                prop:value=move || months.get()
                                on:input=move |ev| months.set(event_target_value(&ev))
                                on:blur=move |_| form.touch(IssueField::CertificateMonths)
                                aria-invalid=c.aria_invalid()
                                aria-describedby=c.described_by()
                            />
                        </FormField>
                        <FormActions submit="Create Certificate" write=form.write() on_cancel=on_close />
                    </form>
                }.into_any(),
                Some(_) => {
                    let file = file.clone();
                    view! {
                        <div class="dialog-body">
                            <p role="status">"Save the certificate and private key now: this is the only time they are shown."</p>
                            <FormField id="cert-pem" label="Certificate and private key (PEM)" class="transfer" let:c>
                                <textarea id=c.id() readonly spellcheck="false" prop:value=move || text.get()></textarea>
                            </FormField>
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
