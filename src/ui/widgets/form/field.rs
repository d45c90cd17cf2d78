//! One labelled control with its help and messages. The control is the caller's (a text input, a select,
//! the combobox): `FormField` hands it a [`Control`] with the id, the `aria-describedby` naming the help and
//! the messages, and `aria-invalid`, so every form links them the same way.
use crate::ui::shell::ids::{dom_id, dom_ids};
use crate::ui::widgets::FieldMessages;
use domain::validate::Issue;
use leptos::prelude::*;

/// What the control inside a [`FormField`] sets on itself.
#[derive(Clone)]
pub struct Control {
    /// The control's name (see `ui::shell::ids`), for widgets that take a name rather than an id.
    pub name: String,
    /// The names of the help and the messages, for widgets that take names.
    pub described_by_names: String,
    invalid: Signal<bool>,
}

impl Control {
    /// The control's DOM id.
    pub fn id(&self) -> String {
        dom_id(&self.name)
    }

    /// `aria-describedby`: the help (if any) and the messages.
    pub fn described_by(&self) -> String {
        dom_ids(&self.described_by_names)
    }

    /// Whether an error is shown (tracked).
    pub fn invalid(&self) -> Signal<bool> {
        self.invalid
    }

    /// `aria-invalid`: "true" while an error is shown.
    pub fn aria_invalid(&self) -> impl Fn() -> Option<&'static str> + Copy + Send + Sync + 'static {
        let invalid = self.invalid;
        move || invalid.get().then_some("true")
    }
}

/// Label, the control (`children`, given its [`Control`] with `let:`), help and messages. The help is
/// `{id}-help` and the messages `{id}-messages`; the messages render nothing while there are none.
#[component]
pub fn FormField<C, V>(
    /// The control's name; its DOM id is `dom_id(id)`.
    #[prop(into)]
    id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] help: Option<Signal<String>>,
    /// The messages to show now (already filtered to when they should show).
    #[prop(optional, into)]
    issues: Signal<Vec<Issue>>,
    /// Hidden rather than removed (e.g. the password while another method is chosen keeps what was typed).
    #[prop(optional, into)]
    hidden: Signal<bool>,
    /// A class besides `field` (e.g. `transfer`, a wide text area).
    #[prop(optional)]
    class: Option<&'static str>,
    children: C,
) -> impl IntoView
where
    C: FnOnce(Control) -> V + 'static,
    V: IntoView + 'static,
{
    let described_by_names = match help {
        Some(_) => format!("{id}-help {id}-messages"),
        None => format!("{id}-messages"),
    };
    let control = Control {
        name: id.clone(),
        described_by_names,
        invalid: Signal::derive(move || issues.with(|i| i.iter().any(Issue::is_error))),
    };
    // Only the control is typed per use; the frame around it is one function for every field.
    let class = match class {
        Some(c) => format!("field {c}"),
        None => "field".to_string(),
    };
    frame(
        (id, label, class),
        help,
        issues,
        hidden,
        children(control).into_any(),
    )
}

/// What surrounds the control, its type parameters gone. `names`: the id, the label and the class.
fn frame(
    names: (String, String, String),
    help: Option<Signal<String>>,
    issues: Signal<Vec<Issue>>,
    hidden: Signal<bool>,
    control: AnyView,
) -> AnyView {
    let (id, label, class) = names;
    view! {
        <div class=class hidden=move || hidden.get()>
            <label for=dom_id(&id)>{label}</label>
            {control}
            {help.map(|h| view! { <p id=dom_id(&format!("{id}-help")) class="help">{move || h.get()}</p> })}
            <FieldMessages id=format!("{id}-messages") issues=issues />
        </div>
    }
    .into_any()
}
