//! Export (Admin API JSON, Atlas CLI script, Terraform) and Import (Admin API JSON, pasted or from a
//! file) of custom roles. Import checks every role first and shows a per-role report; nothing is written
//! until the user confirms, and roles are then created one at a time, inherited roles first.
use crate::ui::shell::batch::{use_batch, BatchProgress, Ended};
use crate::ui::shell::ids::dom_id;
use crate::ui::shell::state::{use_data, Area};
use crate::ui::widgets::{download, CopyButton, Dialog};
use domain::model::CustomDbRole;
use domain::transfer::{
    parse_roles, plan_import, to_api_json, to_cli_script, to_terraform, ImportError, ImportPlan,
    ImportStatus, MAX_IMPORT_BYTES,
};
use leptos::prelude::*;
use std::collections::BTreeSet;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Cli,
    Terraform,
}

impl Format {
    const ALL: [Format; 3] = [Format::Json, Format::Cli, Format::Terraform];

    fn label(self) -> &'static str {
        match self {
            Format::Json => "Admin API JSON",
            Format::Cli => "Atlas CLI script",
            Format::Terraform => "Terraform",
        }
    }

    fn file(self) -> &'static str {
        match self {
            Format::Json => "custom-roles.json",
            Format::Cli => "custom-roles.sh",
            Format::Terraform => "custom-roles.tf",
        }
    }
}

/// The roles named in `names` (all roles when empty), exported in the chosen format.
#[component]
pub fn ExportDialog(names: BTreeSet<String>, on_close: Callback<()>) -> impl IntoView {
    let data = use_data();
    let format = RwSignal::new(Format::Json);
    // The same roles for several projects (issue 30) are exported from "Copy to projects…".
    let across = (data.backend().projects().len() > 1).then(|| {
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        crate::ui::shell::base::link(crate::ui::shell::routes::copy_roles(&names, None))
    });
    let roles: Vec<CustomDbRole> = data.roles.with_untracked(|l| {
        l.ready()
            .map(|all| {
                all.iter()
                    .filter(|r| names.is_empty() || names.contains(&r.role_name))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    });
    let project_id = data
        .project
        .with_untracked(|p| p.ready().map(|p| p.id.clone()).unwrap_or_default());
    let count = roles.len();
    let roles = StoredValue::new(roles);
    // Err when the chosen format can't say exactly what the roles grant (a name the Atlas CLI would split).
    let exported = Memo::new(move |_| {
        roles.with_value(|r| match format.get() {
            Format::Json => Ok(to_api_json(r)),
            Format::Cli => to_cli_script(r, &project_id),
            Format::Terraform => Ok(to_terraform(r, &project_id)),
        })
    });
    let text = Signal::derive(move || exported.with(|e| e.clone().unwrap_or_default()));
    let refusal = move || exported.with(|e| e.clone().err());
    let title = if count == 1 {
        "Export 1 Custom Role".to_string()
    } else {
        format!("Export {count} Custom Roles")
    };
    view! {
        <Dialog id="export-dialog" title=title on_close=on_close>
            <fieldset class="transfer">
                <legend>"Format"</legend>
                {Format::ALL.into_iter().map(|f| {
                    let id = dom_id(&format!("export-format-{}", f.file()));
                    let label_for = id.clone();
                    view! {
                        <label class="checkbox" for=label_for>
                            <input id=id type="radio" name=dom_id("export-format") prop:checked=move || format.get() == f on:change=move |_| format.set(f) />
                            {f.label()}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            {across.map(|href| view! {
                <p class="help"><a href=href>"Export for several projects (Terraform for_each, an Atlas CLI script per project)…"</a></p>
            })}
            <div class="field transfer">
                <label for=dom_id("export-text")>"Exported roles"</label>
                <textarea id=dom_id("export-text") readonly spellcheck="false" prop:value=move || text.get()
                    aria-describedby=move || refusal().is_some().then(|| dom_id("export-refusal"))></textarea>
                {move || refusal().map(|why| view! {
                    <p id=dom_id("export-refusal") class="field-error" role="alert">{why}</p>
                })}
            </div>
            <div class="dialog-actions">
                <Show when=move || refusal().is_none()>
                    <CopyButton text=text label="Copy" />
                    <button type="button" class="button" on:click=move |_| download(format.get_untracked().file(), &text.get_untracked())>
                        "Download"
                    </button>
                </Show>
                <button type="button" class="button button-primary" on:click=move |_| on_close.run(())>"Close"</button>
            </div>
        </Dialog>
    }
}

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

#[component]
pub fn ImportDialog(on_close: Callback<()>) -> impl IntoView {
    let data = use_data();
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let plan = RwSignal::new(None::<ImportPlan>);
    let batch = use_batch();
    let busy = move || batch.running();
    // What was sent, and how the run ended.
    let written = RwSignal::new(None::<(Vec<Written>, Ended)>);
    let check = move || match parse_roles(&text.get_untracked()) {
        Err(e) => {
            error.set(Some(e.to_string()));
            plan.set(None);
        }
        Ok(parsed) => {
            error.set(None);
            plan.set(Some(data.with_context(|ctx| plan_import(parsed, ctx))));
        }
    };
    let on_file = move |ev: web_sys::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        // A huge file is refused before it is read.
        if file.size() > MAX_IMPORT_BYTES as f64 {
            let too_large = ImportError::TooLarge(file.size() as usize);
            error.set(Some(format!("{}: {too_large}", file.name())));
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                Ok(t) => {
                    text.set(t.as_string().unwrap_or_default());
                    check();
                }
                Err(_) => error.set(Some(format!("{} could not be read.", file.name()))),
            }
        });
    };
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
    let report = move || {
        plan.get().map(|p| {
            let n = to_create();
            view! {
                <table class="import-report">
                    <caption>{format!("{} roles read: {n} will be created", p.entries.len())}</caption>
                    <thead><tr><th scope="col">"#"</th><th scope="col">"Role"</th><th scope="col">"Result"</th></tr></thead>
                    <tbody>
                        {p.entries.into_iter().map(|e| {
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
        })
    };
    view! {
        <Dialog id="import-dialog" title="Import Custom Roles" on_close=on_close>
            {move || match written.get() {
                Some((results, end)) => {
                    let failed = results.iter().filter(|w| w.error.is_some()).count();
                    let created = results.len() - failed;
                    let summary = match end.stopped {
                        false => format!("{created} of {} roles created.", end.total),
                        true => format!("Stopped: {created} of {} roles created, {} not sent.", end.total, end.not_sent()),
                    };
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
                    }.into_any()
                }
                None => view! {
                    <div class="field transfer">
                        <label for=dom_id("import-text")>"Admin API JSON"</label>
                        <p class="help">"One role, an array of roles, or a list answer with \"results\". Nothing is written until you confirm."</p>
                        <textarea id=dom_id("import-text") spellcheck="false" prop:value=move || text.get() on:input=move |ev| {
                            text.set(event_target_value(&ev));
                            // The report is for the text it was made from.
                            plan.set(None);
                        }></textarea>
                    </div>
                    <div class="field">
                        <label for=dom_id("import-file")>"Or choose a JSON file"</label>
                        <input id=dom_id("import-file") type="file" accept=".json,application/json" on:change=on_file />
                    </div>
                    {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                    {report}
                    <p role="status">{move || batch.progress("roles")}</p>
                    <BatchProgress batch=batch noun="roles" />
                    <div class="dialog-actions">
                        <button type="button" class="button" on:click=move |_| on_close.run(())>"Cancel"</button>
                        <button type="button" class="button" on:click=move |_| check()>"Check"</button>
                        <button type="button" class="button button-primary" disabled=move || busy() || to_create() == 0
                            aria-busy=move || busy().then_some("true") on:click=create>
                            {move || match to_create() { 1 => "Create 1 role".to_string(), n => format!("Create {n} roles") }}
                        </button>
                    </div>
                }.into_any(),
            }}
        </Dialog>
    }
}
