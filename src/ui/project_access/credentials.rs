//! "Create API Key" and "Create Service Account". On success the dialog shows the private key or client
//! secret exactly once, with a copy button and a warning; it lives only in this dialog's memory and is
//! gone from the page when the dialog closes (nothing stores it: see `domain::project_access`).
use super::form::{adding_form, shown as shown_issues, AccessDialog, AccessForm, TextField};
use super::picker::ProjectRolePicker;
use crate::ui::shell::ids::dom_id;
use crate::ui::shell::routes::member_list;
use crate::ui::widgets::form::FormField;
use crate::ui::widgets::CopyButton;
use domain::model::{ApiKey, CreateProjectApiKey, CreateServiceAccount, ServiceAccount};
use domain::project_access::MemberKind;
use domain::validate::{validate_api_key, validate_service_account, AccessField};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// A credential to show once: (label, value) pairs plus the secret's own label and value.
#[derive(Clone, Debug, PartialEq)]
struct ShownOnce {
    facts: Vec<(&'static str, String)>,
    secret_label: &'static str,
    secret: String,
}

/// The page a dialog shows after creating: the facts, the secret once, and "Done".
#[component]
fn SecretOnce(shown: ShownOnce, kind: MemberKind) -> impl IntoView {
    let navigate = use_navigate();
    let secret = shown.secret.clone();
    view! {
        <div class="secret-once">
            <dl class="facts">
                {shown.facts.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd><code>{v}</code></dd> }).collect_view()}
                <dt>{shown.secret_label}</dt>
                <dd><code id=dom_id("secret-value") class="secret">{shown.secret.clone()}</code></dd>
            </dl>
            <CopyButton text=Signal::derive(move || secret.clone()) label=format!("Copy {}", shown.secret_label.to_lowercase()) />
            <div class="banner banner-warning" role="alert">
                <p>{format!("This is the only time the {} is shown. Copy it now and keep it somewhere safe: it can't be retrieved later.", shown.secret_label.to_lowercase())}</p>
            </div>
            <div class="form-actions">
                <button type="button" class="button button-primary" autofocus on:click=move |_| navigate(member_list(kind), Default::default())>"Done"</button>
            </div>
        </div>
    }
}

/// "Create …": the form until the credential is created, then its secret, once.
#[component]
fn CreateDialog(
    id: &'static str,
    /// Also the submit button's label.
    title: &'static str,
    kind: MemberKind,
    form: AccessForm,
    send: Callback<()>,
    shown: RwSignal<Option<ShownOnce>>,
    children: ChildrenFn,
) -> impl IntoView {
    view! {
        <AccessDialog id=id title=title.to_string() submit=title kind=kind form=form send=send
            replaced=Signal::derive(move || shown.with(Option::is_some))
            replaced_by=move || shown.get().map(|s| view! { <SecretOnce shown=s kind=kind /> })>
            {children()}
        </AccessDialog>
    }
}

#[component]
pub fn CreateApiKeyDialog() -> impl IntoView {
    let desc = RwSignal::new(String::new());
    let roles = RwSignal::new(Vec::<String>::new());
    let shown = RwSignal::new(None::<ShownOnce>);
    let request = move || CreateProjectApiKey {
        desc: desc.get().trim().to_string(),
        roles: roles.get(),
    };
    let issues = Memo::new(move |_| validate_api_key(&request()));
    let form = adding_form(issues, move || {
        !desc.with(String::is_empty) | !roles.with(Vec::is_empty)
    });
    let send = Callback::new(move |()| {
        let req = request();
        form.send(
            move |b| b.create_api_key(req),
            move |key: ApiKey| {
                shown.set(Some(ShownOnce {
                    facts: vec![("Description", key.desc), ("Public key", key.public_key)],
                    secret_label: "Private key",
                    secret: key.private_key.unwrap_or_default(),
                }))
            },
        );
    });
    view! {
        <CreateDialog id="api-key-dialog" title="Create API Key" kind=MemberKind::ApiKey form=form send=send shown=shown>
            <TextField id="api-key-desc" label="Description" value=desc form=form field=AccessField::Description maxlength=250 />
            <ProjectRolePicker id="api-key-roles" label="Project Permissions" roles=roles issues=shown_issues(form, AccessField::Roles) on_blur=form.touch_cb(AccessField::Roles) />
        </CreateDialog>
    }
}

/// Secret lifetimes offered, in hours (the API takes `secretExpiresAfterHours`).
const EXPIRIES: [(i32, &str); 4] = [
    (720, "30 days"),
    (2160, "90 days"),
    (4380, "180 days"),
    (8760, "365 days"),
];

#[component]
pub fn CreateServiceAccountDialog() -> impl IntoView {
    let name = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let roles = RwSignal::new(Vec::<String>::new());
    let hours = RwSignal::new(EXPIRIES[1].0);
    let shown = RwSignal::new(None::<ShownOnce>);
    let request = move || CreateServiceAccount {
        name: name.get().trim().to_string(),
        description: description.get().trim().to_string(),
        roles: roles.get(),
        secret_expires_after_hours: hours.get(),
    };
    let issues = Memo::new(move |_| validate_service_account(&request()));
    // Reads the expiry too, so changing it forgets a refusal; it alone is nothing to lose.
    let form = adding_form(issues, move || {
        hours.track();
        !name.with(String::is_empty)
            | !description.with(String::is_empty)
            | !roles.with(Vec::is_empty)
    });
    let send = Callback::new(move |()| {
        let req = request();
        form.send(
            move |b| b.create_service_account(req),
            move |sa: ServiceAccount| {
                let secret = sa.secrets.first().cloned().unwrap_or_default();
                let facts = vec![
                    ("Name", sa.name),
                    ("Client ID", sa.client_id),
                    ("Secret expires", secret.expires_at),
                ];
                let secret = secret.secret.unwrap_or_default();
                shown.set(Some(ShownOnce {
                    facts,
                    secret_label: "Client secret",
                    secret,
                }))
            },
        );
    });
    view! {
        <CreateDialog id="service-account-dialog" title="Create Service Account" kind=MemberKind::ServiceAccount form=form send=send shown=shown>
            <TextField id="sa-name" label="Name" value=name form=form field=AccessField::Name maxlength=64 />
            <TextField id="sa-description" label="Description" value=description form=form field=AccessField::Description maxlength=250 />
            <ProjectRolePicker id="sa-roles" label="Project Roles" roles=roles issues=shown_issues(form, AccessField::Roles) on_blur=form.touch_cb(AccessField::Roles) />
            <FormField id="sa-expiry" label="Client secret expires after" let:c>
                <select id=c.id() aria-describedby=c.described_by() on:change=move |ev| {
                    if let Ok(h) = event_target_value(&ev).parse() { hours.set(h) }
                }>
                    {EXPIRIES.iter().map(|(h, label)| view! {
                        <option value=h.to_string() selected=move || hours.get() == *h>{*label}</option>
                    }).collect_view()}
                </select>
            </FormField>
        </CreateDialog>
    }
}
