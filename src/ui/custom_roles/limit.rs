//! "Change limit": how many custom roles the project may have (`PATCH …/limits/…customRoles`), Project
//! Owner only, up to Atlas's 1,400 and never below the roles the project has.
use crate::ui::shell::state::{use_data, Area};
use crate::ui::widgets::form::{FormControl, FormField};
use crate::ui::widgets::{Dialog, FormActions};
use domain::model::MAX_CUSTOM_ROLES_LIMIT;
use domain::project_limits::validate_custom_role_limit;
use domain::validate::Field as IssueField;
use leptos::prelude::*;

#[component]
pub fn LimitDialog(on_close: Callback<()>) -> impl IntoView {
    let data = use_data();
    let current = data.custom_role_limit().unwrap_or_default();
    let roles = data.roles.with_untracked(|r| r.ready().map_or(0, Vec::len));
    let text = RwSignal::new(current.to_string());
    let issues = Memo::new(move |_| text.with(|t| validate_custom_role_limit(t, roles)));
    let form = FormControl::new(Area::DatabaseAccess, issues, move || text.track());
    let shown = form.shown(IssueField::CustomRoleLimit, |f| {
        *f == IssueField::CustomRoleLimit
    });
    let save = form.on_submit(move || {
        let value: usize = text.with_untracked(|t| t.trim().parse().unwrap_or(current));
        form.send(
            move |b| b.set_custom_role_limit(value),
            move |limit| {
                data.set_custom_role_limit(limit);
                on_close.run(());
            },
        );
    });
    let help = format!("This project has {roles} custom roles; its limit is {current}. Atlas allows up to {MAX_CUSTOM_ROLES_LIMIT}, and recommends more projects over higher limits: a large limit can slow the Atlas UI.");
    view! {
        <Dialog id="limit-dialog" title="Custom Role Limit" on_close=on_close>
            <form class="dialog-body" node_ref=form.node_ref() novalidate on:submit=save>
                <FormField id="limit-value" label="Custom roles this project may have" help=Signal::stored(help) issues=shown let:c>
                    <input
                        id=c.id()
                        type="number"
                        inputmode="numeric"
                        min=roles.max(1)
                        max=MAX_CUSTOM_ROLES_LIMIT
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                        on:blur=move |_| form.touch(IssueField::CustomRoleLimit)
                        aria-invalid=c.aria_invalid()
                        aria-describedby=c.described_by()
                    />
                </FormField>
                <FormActions submit="Save Limit" write=form.write() on_cancel=on_close />
            </form>
        </Dialog>
    }
}
