//! Import of custom roles (Admin API JSON, pasted or from a file): every role is checked first and the
//! report shown per role; nothing is written until the user confirms, and roles are then created one at a
//! time, inherited roles first.
use crate::ui::shell::batch::{use_batch, Batch, BatchProgress, Ended};
use crate::ui::shell::state::{use_data, Area};
use crate::ui::widgets::form::FormField;
use crate::ui::widgets::Dialog;
use domain::transfer::{
    parse_roles, plan_import, ImportError, ImportPlan, ImportStatus, MAX_IMPORT_BYTES,
};
use leptos::prelude::*;

const IMPORT_HELP: &str = "One role, an array of roles, or a list answer with \"results\". Nothing is written until you confirm.";

/// What happened to each role the user chose to create.
#[derive(Clone)]
struct Written {
    name: String,
    error: Option<String>,
}

fn status_text(s: &ImportStatus) -> (&'static str, String) {
    match s {
        ImportStatus::Create => ("import-create", "Will be created".into()),
        ImportStatus::Conflict { identical: true } => (
            "import-conflict",
            "Already exists with the same definition: skipped".into(),
        ),
        ImportStatus::Conflict { identical: false } => (
            "import-conflict",
            "Would conflict: a role of this name exists with another definition".into(),
        ),
        ImportStatus::Invalid(why) => ("import-invalid", format!("Invalid: {}", why.join(" "))),
    }
}

/// "N of M roles created.", or how many were not sent when stopped.
fn created_text(created: usize, end: Ended) -> String {
    match end.stopped {
        false => format!("{created} of {} roles created.", end.total),
        true => format!(
            "Stopped: {created} of {} roles created, {} not sent.",
            end.total,
            end.not_sent()
        ),
    }
}

#[component]
pub fn ImportDialog(on_close: Callback<()>) -> impl IntoView {
    let data = use_data();
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let plan = RwSignal::new(None::<ImportPlan>);
    let batch = use_batch();
    // What was sent, and how the run ended.
    let written = RwSignal::new(None::<(Vec<Written>, Ended)>);
    let check = Callback::new(move |()| match parse_roles(&text.get_untracked()) {
        Err(e) => {
            error.set(Some(e.to_string()));
            plan.set(None);
        }
        Ok(parsed) => {
            error.set(None);
            plan.set(Some(data.with_context(|ctx| plan_import(parsed, ctx))));
        }
    });
    let on_file = move |ev: web_sys::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            read_file(file, text, error, check);
        }
    };
    view! {
        <Dialog id="import-dialog" title="Import Custom Roles" on_close=on_close>
            {move || match written.get() {
                Some((results, end)) => view! { <ImportResults results=results end=end on_close=on_close /> }.into_any(),
                None => view! {
                    <FormField id="import-text" label="Admin API JSON" class="transfer" help=Signal::stored(IMPORT_HELP.to_string()) let:c>
                        <textarea id=c.id() aria-describedby=c.described_by() spellcheck="false" prop:value=move || text.get() on:input=move |ev| {
                            text.set(event_target_value(&ev));
                            // The report is for the text it was made from.
                            plan.set(None);
                        }></textarea>
                    </FormField>
                    <FormField id="import-file" label="Or choose a JSON file" let:c>
                        <input id=c.id() type="file" accept=".json,application/json" on:change=on_file />
                    </FormField>
                    {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                    {move || plan.get().map(|p| view! { <ImportReport plan=p /> })}
                    <p role="status">{move || batch.progress("roles")}</p>
                    <BatchProgress batch=batch noun="roles" />
                    <ImportActions plan=plan batch=batch written=written check=check on_close=on_close />
                }.into_any(),
            }}
        </Dialog>
    }
}

/// Reads a chosen file into the text and checks it; a huge file is refused before it is read.
fn read_file(
    file: web_sys::File,
    text: RwSignal<String>,
    error: RwSignal<Option<String>>,
    check: Callback<()>,
) {
    if file.size() > MAX_IMPORT_BYTES as f64 {
        let too_large = ImportError::TooLarge(file.size() as usize);
        error.set(Some(format!("{}: {too_large}", file.name())));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(file.text()).await {
            Ok(t) => {
                text.set(t.as_string().unwrap_or_default());
                check.run(());
            }
            Err(_) => error.set(Some(format!("{} could not be read.", file.name()))),
        }
    });
}

/// Cancel, Check, and "Create N roles", which sends the roles the report will create one at a time.
#[component]
fn ImportActions(
    plan: RwSignal<Option<ImportPlan>>,
    batch: Batch,
    written: RwSignal<Option<(Vec<Written>, Ended)>>,
    check: Callback<()>,
    on_close: Callback<()>,
) -> impl IntoView {
    let busy = move || batch.running();
    let to_create = move || {
        plan.with(|p| {
            p.as_ref()
                .map_or(0, |p| p.count(|s| *s == ImportStatus::Create))
        })
    };
    let create = move |_| {
        let Some(roles) = plan.with_untracked(|p| p.as_ref().map(ImportPlan::to_create)) else {
            return;
        };
        let results = StoredValue::new(Vec::new());
        batch.run(
            Area::DatabaseAccess,
            roles,
            |b, role| {
                let name = role.role_name.clone();
                Box::pin(async move {
                    let error = b.create_custom_role(role).await.err().map(|e| e.message());
                    Written { name, error }
                })
            },
            move |_, w| results.update_value(|r| r.push(w)),
            move |end| written.set(Some((results.get_value(), end))),
        );
    };
    view! {
        <div class="dialog-actions">
            <button type="button" class="button" on:click=move |_| on_close.run(())>"Cancel"</button>
            <button type="button" class="button" on:click=move |_| check.run(())>"Check"</button>
            <button type="button" class="button button-primary" disabled=move || busy() || to_create() == 0
                aria-busy=move || busy().then_some("true") on:click=create>
                {move || match to_create() { 1 => "Create 1 role".to_string(), n => format!("Create {n} roles") }}
            </button>
        </div>
    }
}

/// The check's report: each role read and what importing would do with it.
#[component]
fn ImportReport(plan: ImportPlan) -> impl IntoView {
    let n = plan.count(|s| *s == ImportStatus::Create);
    view! {
        <table class="import-report">
            <caption>{format!("{} roles read: {n} will be created", plan.entries.len())}</caption>
            <thead><tr><th scope="col">"#"</th><th scope="col">"Role"</th><th scope="col">"Result"</th></tr></thead>
            <tbody>
                {plan.entries.into_iter().map(|e| {
                    let (class, text) = status_text(&e.status);
                    view! {
                        <tr class=class>
                            <td>{e.position}</td>
                            <th scope="row">{if e.name.is_empty() { "(no name)".to_string() } else { e.name }}</th>
                            <td>{text}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// What happened to each role sent.
#[component]
fn ImportResults(results: Vec<Written>, end: Ended, on_close: Callback<()>) -> impl IntoView {
    let failed = results.iter().filter(|w| w.error.is_some()).count();
    let summary = created_text(results.len() - failed, end);
    view! {
        <p role="status">{summary}</p>
        <ul class="import-results">
            {results.into_iter().map(|w| view! {
                <li>{match w.error {
                    None => format!("{}: created", w.name),
                    Some(e) => format!("{}: not created: {e}", w.name),
                }}</li>
            }).collect_view()}
        </ul>
        <div class="dialog-actions">
            <button type="button" class="button button-primary" on:click=move |_| on_close.run(())>"Close"</button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn the_summary_counts_what_was_created_and_what_was_not_sent() {
        let all = Ended {
            sent: 3,
            total: 3,
            stopped: false,
        };
        assert_eq!(created_text(2, all), "2 of 3 roles created.");
        let stopped = Ended {
            sent: 1,
            total: 3,
            stopped: true,
        };
        assert_eq!(
            created_text(1, stopped),
            "Stopped: 1 of 3 roles created, 2 not sent."
        );
    }
}
