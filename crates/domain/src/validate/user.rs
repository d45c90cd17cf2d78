//! Database user rules (reference §5, §9): authentication method and username format, authentication
//! database, password, description, labels, scopes, temporary users, and the role table.
mod identity;
mod roles;

use super::{Field, Issue, ProjectContext};
use crate::datetime::parse_datetime;
use crate::errors::ErrorCode::*;
use crate::model::{
    AwsIamType, DatabaseUser, LdapAuthType, OidcAuthType, X509Type, DATABASE_USERS_LIMIT,
};
use std::collections::HashSet;

/// "You can assign up to 20 custom roles to a single database user."
pub const MAX_CUSTOM_ROLES_PER_USER: usize = 20;
const MAX_TEMPORARY_SECONDS: i64 = 7 * 24 * 3600;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UserField {
    AuthMethod,
    Username,
    AuthDatabase,
    Password,
    Description,
    /// The role list as a whole (none, too many custom roles).
    Roles,
    Role(usize),
    Scope(usize),
    Label(usize),
    DeleteAfter,
}

/// Creating a user, or updating `original` (username, auth database and method are immutable).
#[derive(Clone, Copy, Debug)]
pub enum UserMode<'a> {
    Create,
    Update { original: &'a DatabaseUser },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Method {
    Scram,
    AwsIam(AwsIamType),
    X509(X509Type),
    Ldap(LdapAuthType),
    Oidc(OidcAuthType),
}

/// The user's authentication method; `None` when more than one type field is set.
fn method(u: &DatabaseUser) -> Option<Method> {
    let mut set = Vec::new();
    if u.aws_iam_type != AwsIamType::None {
        set.push(Method::AwsIam(u.aws_iam_type));
    }
    if u.x509_type != X509Type::None {
        set.push(Method::X509(u.x509_type));
    }
    if u.ldap_auth_type != LdapAuthType::None {
        set.push(Method::Ldap(u.ldap_auth_type));
    }
    if u.oidc_auth_type != OidcAuthType::None {
        set.push(Method::Oidc(u.oidc_auth_type));
    }
    match set.as_slice() {
        [] => Some(Method::Scram),
        [one] => Some(*one),
        _ => None,
    }
}

pub(super) fn err(f: UserField, code: crate::ErrorCode, m: impl Into<String>) -> Issue {
    Issue::error(Field::User(f), code, m)
}

/// Every database user rule. `now` is the current time in Unix seconds (for temporary users).
pub fn validate_user(
    user: &DatabaseUser,
    ctx: &ProjectContext<'_>,
    mode: UserMode<'_>,
    now: i64,
) -> Vec<Issue> {
    let mut issues = Vec::new();
    let Some(m) = method(user) else {
        issues.push(err(
            UserField::AuthMethod,
            VALIDATION_ERROR,
            "Choose exactly one authentication method.",
        ));
        return issues;
    };
    if matches!(mode, UserMode::Create) {
        identity::check_username(user, m, &mut issues);
        identity::check_auth_db(user, m, &mut issues);
    }
    match (m, &user.password) {
        // On update no password means "keep the current one" (PATCH leaves it unchanged).
        (Method::Scram, None) if matches!(mode, UserMode::Create) => {
            issues.push(err(UserField::Password, VALIDATION_ERROR, "Enter a password."))
        }
        (Method::Scram, Some(p)) if p.is_empty() => issues.push(err(UserField::Password, VALIDATION_ERROR, "Enter a password.")),
        // The spec's `minLength: 8`. WEAK_PASSWORD is Atlas's own strength check, which the console can't
        // reproduce; Atlas's code for a short password is undocumented, hence the generic one.
        (Method::Scram, Some(p)) if p.chars().count() < 8 => issues.push(err(
            UserField::Password,
            VALIDATION_ERROR,
            "The password must be at least 8 characters long. (The console's own check: Atlas's code for it is undocumented.)",
        )),
        (Method::Scram, _) => {}
        (_, Some(_)) => issues.push(err(
            UserField::Password,
            VALIDATION_ERROR,
            "Only password (SCRAM) users have a password; remove it for this authentication method.",
        )),
        (_, None) => {}
    }
    if user
        .description
        .as_ref()
        .is_some_and(|d| d.chars().count() > 100)
    {
        issues.push(err(
            UserField::Description,
            VALIDATION_ERROR,
            "The description can be at most 100 characters.",
        ));
    }
    for (i, l) in user.labels.iter().enumerate() {
        let bad = |s: &str| s.is_empty() || s.chars().count() > 255;
        if bad(&l.key) || bad(&l.value) {
            issues.push(err(
                UserField::Label(i),
                VALIDATION_ERROR,
                "Label keys and values must be 1 to 255 characters.",
            ));
        }
    }
    check_scopes(user, ctx, &mut issues);
    check_temporary(user, m, mode, now, &mut issues);
    roles::check_roles(user, ctx, &mut issues);
    match mode {
        UserMode::Create => {
            if ctx
                .users
                .iter()
                .any(|u| u.username == user.username && u.database_name == user.database_name)
            {
                issues.push(err(
                    UserField::Username,
                    USER_ALREADY_EXISTS,
                    format!("A user with username {} already exists.", user.username),
                ));
            }
            if ctx.users.len() >= DATABASE_USERS_LIMIT {
                issues.push(Issue::error(
                    Field::Form,
                    GROUP_USERS_LIMIT_EXCEEDED,
                    format!("Groups can contain at most {DATABASE_USERS_LIMIT} database users."),
                ));
            }
        }
        UserMode::Update { original } => {
            if user.username != original.username {
                issues.push(err(
                    UserField::Username,
                    DATABASE_USERNAME_CANNOT_BE_CHANGED,
                    "Cannot modify the username of an existing database user.",
                ));
            }
            if user.database_name != original.database_name {
                issues.push(err(
                    UserField::AuthDatabase,
                    DATABASE_NAME_CANNOT_BE_CHANGED,
                    "Cannot modify the authentication database of an existing database user.",
                ));
            }
            if method(original) != Some(m) {
                issues.push(err(
                    UserField::AuthMethod,
                    AUTH_TYPE_CANNOT_BE_CHANGED,
                    "Cannot modify the authentication type of an existing database user.",
                ));
            }
        }
    }
    issues
}

fn check_scopes(user: &DatabaseUser, ctx: &ProjectContext<'_>, issues: &mut Vec<Issue>) {
    let mut seen = HashSet::new();
    for (i, s) in user.scopes.iter().enumerate() {
        let f = UserField::Scope(i);
        let valid = s.name.starts_with(|c: char| c.is_ascii_alphanumeric())
            && s.name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-');
        if !valid {
            issues.push(err(
                f,
                VALIDATION_ERROR,
                format!("\"{}\" is not a valid cluster or instance name.", s.name),
            ));
        } else if !seen.insert((s.name.as_str(), s.kind)) {
            issues.push(err(
                f,
                VALIDATION_ERROR,
                format!("{} is listed more than once.", s.name),
            ));
        } else if s.kind == crate::model::ScopeType::Cluster
            && !ctx.clusters.is_empty()
            && !ctx.clusters.iter().any(|c| c.name == s.name)
        {
            issues.push(err(
                f,
                RESOURCE_NOT_FOUND,
                format!(
                    "Cannot find resource {}: there is no such cluster in this project.",
                    s.name
                ),
            ));
        }
    }
}

fn check_temporary(
    user: &DatabaseUser,
    m: Method,
    mode: UserMode<'_>,
    now: i64,
    issues: &mut Vec<Issue>,
) {
    let f = UserField::DeleteAfter;
    let before = match mode {
        UserMode::Update { original } => original.delete_after_date.as_deref(),
        UserMode::Create => None,
    };
    // Atlas can't make a temporary user permanent: `deleteAfterDate` takes only a date (no null), a PATCH
    // without it keeps the old one, and neither the Atlas CLI's `dbusers update` nor the Terraform provider
    // can remove it. Say so rather than send a PATCH that silently keeps the date.
    let Some(date) = &user.delete_after_date else {
        if before.is_some() {
            issues.push(err(
                f,
                VALIDATION_ERROR,
                "Atlas can't make a temporary user permanent: keep an expiry date, or create a new user without one.",
            ));
        }
        return;
    };
    if before == Some(date.as_str()) {
        return; // unchanged: not sent, so nothing for Atlas to check again
    }
    if matches!(m, Method::X509(_)) {
        issues.push(err(
            f,
            ATLAS_X509_USER_CANNOT_BE_TEMPORARY,
            "X.509 users cannot be temporary.",
        ));
        return;
    }
    match parse_datetime(date) {
        None => issues.push(err(
            f,
            VALIDATION_ERROR,
            format!("\"{date}\" is not a valid date and time."),
        )),
        Some(t) if t <= now => issues.push(err(
            f,
            EXPIRATION_DATE_IN_PAST,
            "The specified expiration date must be in the future.",
        )),
        Some(t) if t - now > MAX_TEMPORARY_SECONDS => issues.push(err(
            f,
            EXPIRATION_DATE_EXCEEDS_MAX,
            "The specified expiration date can be at most 7 days in the future.",
        )),
        Some(_) => {}
    }
}
