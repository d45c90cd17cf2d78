//! Export across projects (issue 30 §4): the roles as one Terraform configuration creating them in every
//! picked project (`for_each` over the project ids), or as an Atlas CLI script per project.
use super::OtherProject;
use crate::ui::shell::ids::dom_id;
use crate::ui::widgets::{download, CopyButton};
use domain::model::CustomDbRole;
use domain::transfer::{to_cli_scripts, to_terraform_across};
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Terraform,
    Cli,
}

/// Below the copy plan: the same roles for the ticked projects, to apply outside the console.
#[component]
pub fn AcrossExport(
    roles: Memo<Vec<CustomDbRole>>,
    projects: Signal<Vec<OtherProject>>,
) -> impl IntoView {
    let format = RwSignal::new(Format::Terraform);
    // Err when a role's name can't be written as one word of a shell script.
    let texts = Memo::new(move |_| -> Result<Vec<(String, String, String)>, String> {
        let ps = projects.get();
        let ids: Vec<&str> = ps.iter().map(|p| p.id.as_str()).collect();
        roles.with(|roles| match format.get() {
            Format::Terraform => Ok(vec![(
                "Terraform configuration".to_string(),
                "custom-roles-across.tf".to_string(),
                to_terraform_across(roles, &ids),
            )]),
            Format::Cli => Ok(to_cli_scripts(roles, &ids)?
                .into_iter()
                .zip(&ps)
                .map(|((id, script), p)| {
                    (
                        format!("Atlas CLI script for {}", p.name),
                        format!("custom-roles-{id}.sh"),
                        script,
                    )
                })
                .collect()),
        })
    });
    let format_id = dom_id("across-export-format");
    let format_for = format_id.clone();
    view! {
        <section class="copy-export" aria-labelledby=dom_id("across-export-title")>
            <h3 id=dom_id("across-export-title")>"Export for these projects"</h3>
            <div class="field">
                <label for=format_for>"Format"</label>
                <select id=format_id on:change=move |ev| format.set(if event_target_value(&ev) == "cli" { Format::Cli } else { Format::Terraform })>
                    <option value="terraform" selected=move || format.get() == Format::Terraform>"Terraform (for_each over the project ids)"</option>
                    <option value="cli" selected=move || format.get() == Format::Cli>"Atlas CLI script per project"</option>
                </select>
            </div>
            {move || {
                if projects.with(Vec::is_empty) {
                    return view! { <p class="help">"Tick the target projects above to export for them."</p> }.into_any();
                }
                match texts.get() {
                    Err(why) => view! { <p class="field-error" role="alert">{why}</p> }.into_any(),
                    Ok(texts) => texts.into_iter().enumerate().map(|(i, (label, file, text))| {
                        let id = dom_id(&format!("across-export-text-{i}"));
                        let value = text.clone();
                        let shown = Signal::derive({
                            let text = text.clone();
                            move || text.clone()
                        });
                        view! {
                            <div class="field transfer">
                                <label for=id.clone()>{label}</label>
                                <textarea id=id readonly spellcheck="false" prop:value=value></textarea>
                                <div class="form-actions">
                                    <CopyButton text=shown label="Copy" />
                                    <button type="button" class="button" on:click=move |_| download(&file, &text)>"Download"</button>
                                </div>
                            </div>
                        }
                    }).collect_view().into_any(),
                }
            }}
        </section>
    }
}
