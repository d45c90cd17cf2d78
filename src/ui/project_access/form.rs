//! What every Project Access dialog shares: issues shown once a field was left or the form submitted,
//! the refusal banner, Cancel and submit, and closing back to the list through the unsaved-changes guard.
use crate::backend::{ApiResult, Backend, BoxFuture};
use crate::ui::shell::guard::use_guard;
use crate::ui::shell::ids::dom_id;
use crate::ui::shell::routes::member_list;
use crate::ui::shell::state::{use_data, Area, Data};
use crate::ui::widgets::{aria_invalid, FieldMessages, RefusalBanner};
use domain::model::ApiError;
use domain::project_access::MemberKind;
use domain::validate::{AccessField, Field, Issue};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[derive(Clone, Copy)]
pub struct AccessForm {
    pub submitted: RwSignal<bool>,
    touched: RwSignal<Vec<AccessField>>,
    pub sending: RwSignal<bool>,
    pub error: RwSignal<Option<ApiError>>,
    /// Set once the change was accepted: nothing is unsaved any more.
    pub done: RwSignal<bool>,
    pub issues: Memo<Vec<Issue>>,
    data: Data,
}

impl AccessForm {
    pub fn new(issues: Memo<Vec<Issue>>) -> Self {
        AccessForm {
            submitted: RwSignal::new(false),
            touched: RwSignal::new(Vec::new()),
            sending: RwSignal::new(false),
            error: RwSignal::new(None),
            done: RwSignal::new(false),
            issues,
            data: use_data(),
        }
    }

    pub fn touch(&self, f: AccessField) {
        self.touched.update(|t| {
            if !t.contains(&f) {
                t.push(f)
            }
        })
    }

    pub fn touch_cb(&self, f: AccessField) -> Callback<()> {
        let this = *self;
        Callback::new(move |_| this.touch(f))
    }

    /// The issues of `field` (the roles field also takes each role's issues), once it was left or the
    /// form submitted.
    pub fn shown(&self, field: AccessField) -> Signal<Vec<Issue>> {
        let this = *self;
        Signal::derive(move || {
            if !(this.submitted.get() || this.touched.with(|t| t.contains(&field))) {
                return Vec::new();
            }
            this.issues.with(|all| {
                all.iter()
                    .filter(|i| match (&i.field, field) {
                        (Field::Access(AccessField::Role(_)), AccessField::Roles) => true,
                        (Field::Access(f), field) => *f == field,
                        _ => false,
                    })
                    .cloned()
                    .collect()
            })
        })
    }

    /// Marks the form submitted; whether nothing blocks sending it (e.g. before showing a review).
    pub fn ready(&self) -> bool {
        self.submitted.set(true);
        !self
            .issues
            .with_untracked(|i| i.iter().any(Issue::is_error))
    }

    /// Marks the form submitted and, when nothing blocks it, sends the write `op`; `on_ok` gets the
    /// backend's answer after the change was accepted (the form counts as saved from then on).
    pub fn send<T: 'static>(
        &self,
        op: impl for<'a> FnOnce(&'a dyn Backend) -> BoxFuture<'a, ApiResult<T>> + 'static,
        on_ok: impl FnOnce(T) + 'static,
    ) {
        self.submitted.set(true);
        if self.sending.get_untracked()
            || self
                .issues
                .with_untracked(|i| i.iter().any(Issue::is_error))
        {
            return;
        }
        let done = self.done;
        self.data.write(
            Area::ProjectAccess,
            self.sending,
            self.error,
            op,
            move |v| {
                done.set(true);
                on_ok(v)
            },
        );
    }
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

/// The refusal (if any), Cancel and the submit button.
#[component]
pub fn FormActions(
    form: AccessForm,
    submit_label: &'static str,
    on_cancel: Callback<()>,
) -> impl IntoView {
    view! {
        {move || form.error.get().map(|e| view! { <RefusalBanner error=e /> })}
        <div class="form-actions">
            <button type="button" class="button" on:click=move |_| on_cancel.run(())>"Cancel"</button>
            <button
                type="submit"
                class="button button-primary"
                disabled=move || form.sending.get()
                aria-busy=move || form.sending.get().then_some("true")
            >
                {submit_label}
            </button>
        </div>
    }
}

/// A labelled text input with its messages (`aria-describedby`, `aria-invalid`); leaving it marks
/// `field` touched so its issues show.
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
    let issues = form.shown(field);
    let messages = format!("{id}-messages");
    view! {
        <div class="field">
            <label for=dom_id(id)>{label}</label>
            <input id=dom_id(id) type=input_type.unwrap_or("text") autocomplete="off" maxlength=maxlength list=list.map(dom_id)
                prop:value=move || value.get()
                aria-invalid=aria_invalid(issues)
                aria-describedby=dom_id(&messages)
                on:input=move |ev| value.set(event_target_value(&ev))
                on:blur=move |_| form.touch(field)
            />
            <FieldMessages id=messages issues=issues />
        </div>
    }
}
