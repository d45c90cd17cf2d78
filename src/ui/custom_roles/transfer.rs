//! Export of custom roles: Admin API JSON, Atlas CLI script or Terraform (Import is `import.rs`).
use crate::ui::shell::ids::dom_id;
use crate::ui::shell::state::use_data;
use crate::ui::widgets::form::FormField;
use crate::ui::widgets::{download, CopyButton, Dialog};
use domain::model::CustomDbRole;
use domain::transfer::{to_api_json, to_cli_script, to_terraform};
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
    let project_id = untrack(|| data.project_id());
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
            <FormField id="export-text" label="Exported roles" class="transfer" let:c>
                <textarea id=c.id() readonly spellcheck="false" prop:value=move || text.get()
                    aria-describedby=move || refusal().is_some().then(|| dom_id("export-refusal"))></textarea>
                {move || refusal().map(|why| view! {
                    <p id=dom_id("export-refusal") class="field-error" role="alert">{why}</p>
                })}
            </FormField>
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
