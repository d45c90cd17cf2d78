//! The user dialog's input, one signal per control, and the user it would save: built on the user as last
//! read, so what the form has no control for (labels, an X.509 type, an LDAP type) goes back unchanged.
use super::roles::SpecRow;
use domain::model::DatabaseUser;
use domain::user_form::{AuthMethod, UserRoles};
use domain::validate::{Field as IssueField, UserField};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct UserFormState {
    /// How the user signs in: it decides the authentication database and which fields apply.
    pub method: RwSignal<AuthMethod>,
    pub username: RwSignal<String>,
    /// Only in this dialog's memory and in the request: never stored.
    pub password: RwSignal<String>,
    pub roles: RolesState,
    pub limits: LimitsState,
    pub description: RwSignal<String>,
}

/// "Database User Privileges": one built-in role, custom roles, specific privileges.
#[derive(Clone, Copy)]
pub struct RolesState {
    pub builtin: RwSignal<Option<String>>,
    pub custom: RwSignal<Vec<String>>,
    pub spec_rows: RwSignal<Vec<SpecRow>>,
    pub next_id: StoredValue<usize>,
}

/// Where and until when: the cluster scopes (when `restrict`) and a temporary user's expiry.
#[derive(Clone, Copy)]
pub struct LimitsState {
    pub restrict: RwSignal<bool>,
    pub scopes: RwSignal<Vec<domain::model::UserScope>>,
    pub temporary: RwSignal<bool>,
    /// Hours until the user is deleted, or "keep" for the date it has.
    pub expiry: RwSignal<String>,
}

impl UserFormState {
    /// The form on `user`; `is_custom` tells the project's custom roles from built-in ones.
    pub fn new(user: &DatabaseUser, is_custom: impl Fn(&str) -> bool) -> Self {
        let split = UserRoles::from_roles(&user.roles, is_custom);
        let spec_rows = split
            .specific
            .iter()
            .enumerate()
            .map(|(i, p)| SpecRow::new(i, p))
            .collect::<Vec<_>>();
        UserFormState {
            method: RwSignal::new(AuthMethod::of(user).unwrap_or(AuthMethod::Password)),
            username: RwSignal::new(user.username.clone()),
            password: RwSignal::new(String::new()),
            roles: RolesState {
                builtin: RwSignal::new(split.builtin),
                custom: RwSignal::new(split.custom),
                next_id: StoredValue::new(spec_rows.len()),
                spec_rows: RwSignal::new(spec_rows),
            },
            limits: LimitsState {
                restrict: RwSignal::new(!user.scopes.is_empty()),
                scopes: RwSignal::new(user.scopes.clone()),
                temporary: RwSignal::new(user.delete_after_date.is_some()),
                expiry: RwSignal::new(
                    if user.delete_after_date.is_some() {
                        "keep"
                    } else {
                        "24"
                    }
                    .to_string(),
                ),
            },
            description: RwSignal::new(user.description.clone().unwrap_or_default()),
        }
    }

    /// The user the form would save, on `last_read` (tracked).
    pub fn to_user(self, last_read: &DatabaseUser) -> DatabaseUser {
        let mut u = last_read.clone();
        u.username = self.username.get().trim().to_string();
        let m = self.method.get();
        m.apply(&mut u);
        let pw = self.password.get();
        u.password = (m.has_password() && !pw.is_empty()).then_some(pw);
        let (roles, limits) = (self.roles, self.limits);
        u.roles = UserRoles {
            builtin: roles.builtin.get(),
            custom: roles.custom.get(),
            specific: roles.spec_rows.get().iter().map(SpecRow::get).collect(),
        }
        .to_roles();
        // Each scope keeps its type; unticking the restriction sends `"scopes": []`.
        u.scopes = if limits.restrict.get() {
            limits.scopes.get()
        } else {
            Vec::new()
        };
        u.delete_after_date = match (limits.temporary.get(), limits.expiry.get().as_str()) {
            (false, _) => None,
            (true, "keep") => last_read.delete_after_date.clone(),
            (true, hours) => Some(iso_in_hours(hours.parse().unwrap_or(24))),
        };
        u.description = description_to_send(&self.description.get(), last_read);
        u
    }
}

/// Emptying a description sends `""`, which is how Atlas removes it (absent would keep it); a user that
/// had none and still has none sends nothing.
pub fn description_to_send(typed: &str, last_read: &DatabaseUser) -> Option<String> {
    if typed.trim().is_empty() {
        last_read.description.is_some().then(String::new)
    } else {
        Some(typed.to_string())
    }
}

fn iso_in_hours(hours: i64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        js_sys::Date::now() + (hours * 3600 * 1000) as f64,
    ));
    String::from(d.to_iso_string())
}

/// Which of the user's issues belong to a part of the form: form-wide ones go with the roles.
pub fn belongs_to(belongs: fn(&UserField) -> bool) -> impl Fn(&IssueField) -> bool + Send + Sync {
    move |f: &IssueField| match f {
        IssueField::User(f) => belongs(f),
        IssueField::Form => belongs(&UserField::Roles),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn an_emptied_description_is_removed_and_an_absent_one_stays_absent() {
        let mut had = DatabaseUser::new("app");
        had.description = Some("reports".into());
        assert_eq!(description_to_send("  ", &had), Some(String::new()));
        assert_eq!(description_to_send("", &DatabaseUser::new("app")), None);
        assert_eq!(
            description_to_send("nightly", &had),
            Some("nightly".to_string())
        );
    }

    #[wasm_bindgen_test]
    fn form_wide_issues_go_with_the_roles() {
        let roles = belongs_to(|f| matches!(f, UserField::Roles | UserField::Role(_)));
        assert!(roles(&IssueField::Form));
        assert!(roles(&IssueField::User(UserField::Role(0))));
        assert!(!roles(&IssueField::User(UserField::Username)));
        let name = belongs_to(|f| *f == UserField::Username);
        assert!(!name(&IssueField::Form));
    }
}
