//! What every Project Access dialog shares beyond the shared form controller: which issues belong to a
//! field (the roles field also takes each role's), a labelled text input, and closing back to the list
//! through the unsaved-changes guard.
use crate::ui::shell::guard::{track_unsaved, use_guard};
use crate::ui::shell::routes::member_list;
use crate::ui::shell::state::Area;
use crate::ui::widgets::form::{FormControl, FormField};
use crate::ui::widgets::{Dialog, FormActions};
use domain::project_access::MemberKind;
use domain::validate::{AccessField, Field as IssueField, Issue};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

pub type AccessForm = FormControl<AccessField>;

/// The controller of a Project Access dialog whose rules give `issues`; `input` tracks what it sends.
pub fn access_form(issues: Memo<Vec<Issue>>, input: impl Fn() + 'static) -> AccessForm {
    FormControl::new(Area::ProjectAccess, issues, input)
}

/// The controller of a dialog that adds a member. `filled` says whether anything was entered, reading
/// every input (so any edit forgets a refusal); until the member is added, leaving asks first.
pub fn adding_form(
    issues: Memo<Vec<Issue>>,
    filled: impl Fn() -> bool + Copy + Send + Sync + 'static,
) -> AccessForm {
    let form = access_form(issues, move || {
        filled();
    });
    track_unsaved(move || !form.done() && filled());
    form
}

/// The issues of `field` (the roles field also takes each role's issues), once it was left or the form
/// submitted.
pub fn shown(form: AccessForm, field: AccessField) -> Signal<Vec<Issue>> {
    form.shown(field, move |f| match (f, field) {
        (IssueField::Access(AccessField::Role(_)), AccessField::Roles) => true,
        (IssueField::Access(f), field) => *f == field,
        _ => false,
    })
}

/// Back to the member list, unless the user chooses to stay with unsaved changes.
pub fn close_to_list(kind: MemberKind) -> Callback<()> {
    let guard = use_guard();
    let navigate = use_navigate();
    Callback::new(move |_| {
        let to = member_list(kind);
        if guard.allows(to) {
            navigate(to, Default::default());
        }
    })
}

/// A labelled text input with its messages; leaving it marks `field` touched so its issues show.
#[component]
pub fn TextField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    form: AccessForm,
    field: AccessField,
    #[prop(optional)] input_type: Option<&'static str>,
    #[prop(optional)] maxlength: Option<u32>,
    /// Id of a `<datalist>` of suggestions.
    #[prop(optional)]
    list: Option<&'static str>,
) -> impl IntoView {
    view! {
        <FormField id=id label=label issues=shown(form, field) let:c>
            <input id=c.id() type=input_type.unwrap_or("text") autocomplete="off" maxlength=maxlength
                list=list.map(crate::ui::shell::ids::dom_id)
                prop:value=move || value.get()
                aria-invalid=c.aria_invalid()
                aria-describedby=c.described_by()
                on:input=move |ev| value.set(event_target_value(&ev))
                on:blur=move |_| form.touch(field)
            />
        </FormField>
    }
}

/// A Project Access dialog: its fields (`children`), Atlas's refusal, Cancel and submit; `send` runs once
/// the form lets it go. Once `replaced`, `replaced_by` shows instead of the form (a secret, once).
#[component]
pub fn AccessDialog(
    id: &'static str,
    title: String,
    submit: &'static str,
    kind: MemberKind,
    form: AccessForm,
    send: Callback<()>,
    #[prop(optional, into)] replaced: Signal<bool>,
    #[prop(optional, into)] replaced_by: ViewFn,
    children: ChildrenFn,
) -> impl IntoView {
    let close = close_to_list(kind);
    view! {
        <Dialog id=id title=title on_close=close>
            {move || if replaced.get() {
                replaced_by.run()
            } else {
                view! {
                    <form node_ref=form.node_ref() novalidate on:submit=form.on_submit(move || send.run(()))>
                        {children()}
                        <FormActions submit=submit write=form.write() on_cancel=close />
                    </form>
                }.into_any()
            }}
        </Dialog>
    }
}
