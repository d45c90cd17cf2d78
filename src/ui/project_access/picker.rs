//! The project-role picker every Project Access dialog uses: the shared grouped combobox over the 27
//! project roles, grouped by the job they exist for, each with its description. Below it: the Project
//! Owner warning and what the chosen roles will and won't allow.
use crate::ui::shell::state::use_data;
use crate::ui::widgets::form::FormField;
use crate::ui::widgets::{GroupedCombobox, PickGroup, PickOption};
use domain::catalog::{project_role, RolePurpose, PROJECT_ROLES};
use domain::role_guide::{owner_warning, summarize};
use domain::validate::Issue;
use leptos::prelude::*;

/// Groups in the order an admin looks for them: the broad administrative roles first, then the
/// purpose-built ones by area of the product.
const PURPOSES: [RolePurpose; 8] = [
    RolePurpose::Administration,
    RolePurpose::DatabaseAccess,
    RolePurpose::Clusters,
    RolePurpose::Data,
    RolePurpose::Backup,
    RolePurpose::NetworkSecurity,
    RolePurpose::Observability,
    RolePurpose::SearchStreamsTriggersModels,
];

/// Roles the member already holds that the console doesn't know (Atlas has project roles newer than
/// its list): offered under their API name so they show as held and can be kept or removed; they are
/// never a reason the member can't be edited.
fn unknown_group(chosen: &[String], held: &[String]) -> Option<PickGroup> {
    let unknown: Vec<&String> = held.iter().filter(|r| project_role(r).is_none()).collect();
    (!unknown.is_empty()).then(|| PickGroup {
        label: "Other roles this member holds".to_string(),
        locked: None,
        capped: false,
        options: unknown
            .into_iter()
            .map(|r| PickOption {
                key: r.clone(),
                label: r.clone(),
                description: Some(
                    "A project role this console doesn't describe yet; saving keeps it unless you remove it."
                        .to_string(),
                ),
                heading: None,
                disabled: None,
                selected: chosen.contains(r),
            })
            .collect(),
    })
}

fn groups(chosen: &[String], held: &[String], may_grant_owner: bool) -> Vec<PickGroup> {
    let known = PURPOSES.iter().map(|purpose| PickGroup {
        label: purpose.label().to_string(),
        locked: None,
        capped: false,
        options: PROJECT_ROLES
            .iter()
            .filter(|r| r.purpose == *purpose)
            .map(|r| PickOption {
                key: r.api.to_string(),
                label: r.name.to_string(),
                description: Some(r.description.to_string()),
                heading: None,
                disabled: (r.api == "GROUP_OWNER" && !may_grant_owner)
                    .then(|| "Only a Project Owner can grant Project Owner".to_string()),
                selected: chosen.iter().any(|c| c == r.api),
            })
            .collect(),
    });
    unknown_group(chosen, held)
        .into_iter()
        .chain(known)
        .collect()
}

const HELP: &str =
    "Grouped by the job each role exists for. Every project role also includes Project Read Only.";

#[component]
pub fn ProjectRolePicker(
    /// DOM id of the combobox input.
    id: &'static str,
    /// Accessible name ("Project Roles", or "Project Permissions" for API keys as in Atlas).
    label: &'static str,
    roles: RwSignal<Vec<String>>,
    #[prop(into)] issues: Signal<Vec<Issue>>,
    on_blur: Callback<()>,
    /// What the member holds now (Edit Roles): roles among them the console doesn't know are offered too.
    #[prop(optional)]
    held: Vec<String>,
) -> impl IntoView {
    let data = use_data();
    let may_grant_owner = move || data.principal().is_none_or(|p| p.may_grant("GROUP_OWNER"));
    let options = Signal::derive(move || roles.with(|r| groups(r, &held, may_grant_owner())));
    let toggle = Callback::new(move |key: String| {
        roles.update(|r| {
            if let Some(i) = r.iter().position(|k| *k == key) {
                r.remove(i);
            } else {
                r.push(key);
            }
        })
    });
    let summary = Memo::new(move |_| roles.with(|r| summarize(r)));
    let has_owner = move || roles.with(|r| r.iter().any(|k| k == "GROUP_OWNER"));
    view! {
        <FormField id=id label=label issues=issues help=Signal::stored(HELP.to_string()) let:c>
            <GroupedCombobox
                field=c
                label=label
                groups=options
                on_toggle=toggle
                placeholder="Type to filter roles"
                on_blur=on_blur
            />
        </FormField>
        <Show when=has_owner>
                <div class="banner banner-warning" role="status">
                    <p>{owner_warning()}</p>
                </div>
            </Show>
            <Show when=move || roles.with(|r| !r.is_empty())>
                <div class="role-summary" aria-live="polite">
                    <h4>"With these roles the member"</h4>
                    <div class="role-summary-columns">
                        <div>
                            <p class="summary-can">"can:"</p>
                            <ul>{move || summary.get().can.into_iter().map(|c| view! { <li>{c.label()}</li> }).collect_view()}</ul>
                        </div>
                        <div>
                            <p class="summary-cannot">"cannot:"</p>
                            <ul>{move || {
                                let cannot = summary.get().cannot;
                                if cannot.is_empty() {
                                    view! { <li>"(nothing: this grants everything)"</li> }.into_any()
                                } else {
                                    cannot.into_iter().map(|c| view! { <li>{c.label()}</li> }).collect_view().into_any()
                                }
                            }}</ul>
                        </div>
                    </div>
                </div>
            </Show>
    }
}
