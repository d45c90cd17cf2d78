//! Parts of the user dialog with their own small state: the password (show, autogenerate, copy) and the
//! access limits (cluster scopes, temporary user).
use crate::ui::shell::ids::dom_id;
use crate::ui::shell::state::use_data;
use crate::ui::widgets::form::FormField;
use crate::ui::widgets::{aria_invalid, CopyButton, FieldMessages};
use domain::model::{ScopeType, UserScope};
use domain::user_form::{scope_choices, AuthMethod};
use domain::validate::Issue;
use leptos::prelude::*;

/// 24 characters from a 62-letter alphabet; none without Web Crypto (the reason instead).
fn generate_password() -> Result<String, crate::random::RandomUnavailable> {
    crate::random::random_string(crate::random::ALPHANUMERIC, 24)
}

#[component]
pub fn PasswordField(
    method: RwSignal<AuthMethod>,
    password: RwSignal<String>,
    create: bool,
    /// The password's messages (already filtered to when they should show).
    invalid: Signal<Vec<Issue>>,
    /// The password was left (or generated): its messages show from now on.
    on_blur: Callback<()>,
) -> impl IntoView {
    let show_password = RwSignal::new(false);
    let generate_error = RwSignal::new(None::<String>);
    let label = if create {
        "Password"
    } else {
        "New password (leave empty to keep the current one)"
    };
    // Hidden rather than removed, so switching methods back and forth keeps what was typed.
    view! {
        <FormField id="user-password" label=label issues=invalid hidden=Signal::derive(move || !method.get().has_password()) let:c>
            <input id=c.id() autocomplete="new-password"
                type=move || if show_password.get() { "text" } else { "password" }
                prop:value=move || password.get()
                aria-invalid=c.aria_invalid()
                aria-describedby=c.described_by()
                on:input=move |ev| password.set(event_target_value(&ev))
                on:blur=move |_| on_blur.run(())
            />
            <div class="inline-actions">
                <button type="button" class="link-button" aria-pressed=move || if show_password.get() { "true" } else { "false" } on:click=move |_| show_password.update(|s| *s = !*s)>
                    {move || if show_password.get() { "Hide password" } else { "Show password" }}
                </button>
                <button type="button" class="link-button" on:click=move |_| match generate_password() {
                    Ok(p) => { generate_error.set(None); password.set(p); show_password.set(true); on_blur.run(()); }
                    Err(e) => generate_error.set(Some(e.0)),
                }>
                    "Autogenerate Secure Password"
                </button>
                <CopyButton text=password label="Copy password" />
            </div>
            {move || generate_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </FormField>
    }
}

/// "Restrict Access to Specific Clusters / …": the project's clusters, federated databases and stream
/// workspaces to tick.
#[component]
pub fn ClusterScopes(
    restrict: RwSignal<bool>,
    /// The chosen scopes, each with its type (never retyped).
    scopes: RwSignal<Vec<UserScope>>,
    /// The user's scopes as loaded: offered even when the project no longer lists them.
    current_scopes: Vec<UserScope>,
) -> impl IntoView {
    let data = use_data();
    let choices = Memo::new(move |_| {
        data.project.with(|p| {
            let (clusters, lakes, streams): (Vec<String>, Vec<String>, Vec<String>) = p
                .ready()
                .map(|p| {
                    let names = p.clusters.iter().map(|c| c.name.clone()).collect();
                    (
                        names,
                        p.federated_databases.clone(),
                        p.stream_workspaces.clone(),
                    )
                })
                .unwrap_or_default();
            scope_choices(&clusters, &lakes, &streams, &current_scopes)
        })
    });
    let group = move |kind: ScopeType, heading: &'static str| {
        view! { <ScopeGroup kind=kind heading=heading choices=choices scopes=scopes /> }
    };
    view! {
        <fieldset class="scopes">
            <legend>"Restrict Access to Specific Clusters / Federated Database Instances / Stream Processing Workspaces"</legend>
            <label class="checkbox" for=dom_id("user-restrict")>
                <input id=dom_id("user-restrict") type="checkbox" prop:checked=move || restrict.get() on:change=move |ev| restrict.set(event_target_checked(&ev)) />
                "Restrict access to specific clusters"
            </label>
            <Show when=move || restrict.get()>
                {group(ScopeType::Cluster, "Clusters")}
                {group(ScopeType::DataLake, "Federated Database Instances")}
                {group(ScopeType::Stream, "Stream Processing Workspaces")}
            </Show>
        </fieldset>
    }
}

/// The scopes of one kind, each a checkbox; nothing when the project has none.
#[component]
fn ScopeGroup(
    kind: ScopeType,
    heading: &'static str,
    choices: Memo<Vec<UserScope>>,
    scopes: RwSignal<Vec<UserScope>>,
) -> impl IntoView {
    move || {
        let of_kind: Vec<UserScope> =
            choices.with(|c| c.iter().filter(|s| s.kind == kind).cloned().collect());
        (!of_kind.is_empty()).then(|| {
            view! {
                <div class="scope-group" role="group" aria-label=heading>
                    <p class="scope-kind">{heading}</p>
                    {of_kind.into_iter().map(|scope| {
                        let id = dom_id(&format!("user-scope-{}-{}", kind.label().replace(' ', "-"), scope.name));
                        let label_for = id.clone();
                        let name = scope.name.clone();
                        let (s1, s2) = (scope.clone(), scope);
                        view! {
                            <label class="checkbox" for=label_for>
                                <input id=id type="checkbox"
                                    prop:checked=move || scopes.with(|s| s.contains(&s1))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let chosen = s2.clone();
                                        scopes.update(|s| { s.retain(|x| *x != chosen); if on { s.push(chosen) } });
                                    }
                                />
                                {name}
                            </label>
                        }
                    }).collect_view()}
                </div>
            }
        })
    }
}

/// "Temporary User" and when it is deleted. Its messages show while the expiry is hidden too: unticking the
/// box is how a user Atlas can't make permanent gets one. A checkbox with a dependent select, so not a
/// `FormField` (whose label comes first and whose messages hide with it).
#[component]
pub fn TemporaryUser(
    method: RwSignal<AuthMethod>,
    temporary: RwSignal<bool>,
    expiry: RwSignal<String>,
    current_expiry: Option<String>,
    /// The expiry's messages (e.g. Atlas can't make a temporary user permanent), shown next to it.
    expiry_issues: Signal<Vec<Issue>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label class="checkbox" for=dom_id("user-temporary")>
                <input id=dom_id("user-temporary") type="checkbox" disabled=move || !method.get().may_be_temporary()
                    prop:checked=move || temporary.get() && method.get().may_be_temporary()
                    aria-invalid=aria_invalid(expiry_issues)
                    aria-describedby=dom_id("user-expiry-messages")
                    on:change=move |ev| temporary.set(event_target_checked(&ev)) />
                "Temporary User"
            </label>
            <Show when=move || temporary.get() && method.get().may_be_temporary()>
                <label for=dom_id("user-expiry")>"Delete user after"</label>
                <select id=dom_id("user-expiry") on:change=move |ev| expiry.set(event_target_value(&ev))>
                    {current_expiry.clone().map(|d| view! { <option value="keep" selected=true>{format!("Keep current ({d})")}</option> })}
                    <option value="6" selected=move || expiry.get() == "6">"6 hours"</option>
                    <option value="24" selected=move || expiry.get() == "24">"1 day"</option>
                    <option value="168" selected=move || expiry.get() == "168">"1 week"</option>
                </select>
            </Show>
            <Show when=move || !method.get().may_be_temporary()>
                <p class="help">"X.509 users can't be temporary."</p>
            </Show>
            <FieldMessages id="user-expiry-messages" issues=expiry_issues />
        </div>
    }
}
