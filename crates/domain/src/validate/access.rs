//! Project access rules: API keys, service accounts, and any list of project roles (reference §6).
use super::{Field, Issue};
use crate::catalog::project_role;
use crate::errors::ErrorCode::*;
use crate::model::MemberKind;
use crate::model::{CreateProjectApiKey, CreateServiceAccount, InviteProjectUser};
use std::collections::HashSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AccessField {
    Description,
    Name,
    /// The role list as a whole.
    Roles,
    Role(usize),
    SecretExpiry,
    /// The invitee's email address.
    Email,
    /// The team to add.
    Team,
}

fn err(f: AccessField, code: crate::ErrorCode, m: impl Into<String>) -> Issue {
    Issue::error(Field::Access(f), code, m)
}

/// A new API key's project roles: at least one, all known project roles, no duplicates.
pub fn validate_project_roles<S: AsRef<str>>(roles: &[S]) -> Vec<Issue> {
    validate_member_roles(MemberKind::ApiKey, roles, &[])
}

/// The issue for a member left with no project role, with the code Atlas answers with for that kind of
/// member (`mongodb/docs` `content/atlas/source/reference/api-errors.txt`): `MISSING_API_KEY_ROLES` "API
/// keys must have at least one role."; `CANNOT_REMOVE_ALL_USER_ROLES` and `NO_ROLES_IN_ASSIGNMENT` for
/// taking the last role from a user or a team. Atlas documents no code for a service account without
/// roles, nor for inviting a user or adding a team with none (the spec only says `minItems: 1`): there
/// the message says it is the console's own check.
fn no_roles(kind: MemberKind, editing: bool) -> Issue {
    let (code, why) = match (kind, editing) {
        (MemberKind::ApiKey, _) => (
            MISSING_API_KEY_ROLES,
            "API keys must have at least one role.",
        ),
        (MemberKind::User, true) => (
            CANNOT_REMOVE_ALL_USER_ROLES,
            "You cannot remove all roles from a user.",
        ),
        (MemberKind::Team, true) => (
            NO_ROLES_IN_ASSIGNMENT,
            "You cannot remove all project roles a team has.",
        ),
        (MemberKind::User | MemberKind::Team | MemberKind::ServiceAccount, _) => (
            VALIDATION_ERROR,
            "(This is the console's own check: Atlas documents no error for it.)",
        ),
    };
    err(
        AccessField::Roles,
        code,
        format!("Choose at least one project role. {why}"),
    )
}

/// A member's project roles after a change (`held` = what they hold now, empty for a new member): at
/// least one, no duplicates, and every role being ADDED must be one Atlas knows. A role the member already
/// holds stays as it is even when this console doesn't know it: Atlas has project roles newer than this
/// console's list (reference, "Unknown project roles exist"), and they must never block an edit.
pub fn validate_member_roles<S: AsRef<str>>(
    kind: MemberKind,
    roles: &[S],
    held: &[String],
) -> Vec<Issue> {
    let mut issues = Vec::new();
    if roles.is_empty() {
        issues.push(no_roles(kind, !held.is_empty()));
    }
    let mut seen = HashSet::new();
    for (i, r) in roles.iter().map(AsRef::as_ref).enumerate() {
        if !seen.insert(r) {
            issues.push(err(
                AccessField::Role(i),
                VALIDATION_ERROR,
                format!("{r} is listed more than once."),
            ));
        } else if project_role(r).is_none() && !held.iter().any(|h| h == r) {
            issues.push(err(
                AccessField::Role(i),
                INVALID_ROLE_FOR_GROUP,
                format!("Role {r} is invalid for this project."),
            ));
        }
    }
    issues
}

/// A plausible email address: one `@`, something before it, a dotted domain after it, no spaces. Atlas
/// usernames are email addresses (`GroupUserRequest.username`, format email); the mail server has the
/// last word, this only catches typos before anything is sent.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !s.chars().any(char::is_whitespace)
        && domain.split('.').count() >= 2
        && domain.split('.').all(|part| !part.is_empty())
}

/// "Invite to Project": an email address and valid project roles.
pub fn validate_invite(invite: &InviteProjectUser) -> Vec<Issue> {
    let mut issues = Vec::new();
    let email = invite.username.trim();
    if email.is_empty() {
        issues.push(err(
            AccessField::Email,
            VALIDATION_ERROR,
            "Enter the email address of the person to invite.",
        ));
    } else if !is_email(email) {
        issues.push(err(
            AccessField::Email,
            VALIDATION_ERROR,
            format!("{email} is not a valid email address."),
        ));
    }
    issues.extend(validate_member_roles(MemberKind::User, &invite.roles, &[]));
    issues
}

/// "Create API Key": description 1..250 characters and valid project roles.
pub fn validate_api_key(key: &CreateProjectApiKey) -> Vec<Issue> {
    let mut issues = Vec::new();
    let len = key.desc.trim().chars().count();
    if len == 0 {
        issues.push(err(
            AccessField::Description,
            INVALID_API_KEY_DESC,
            "Enter a description for the API key.",
        ));
    } else if key.desc.chars().count() > 250 {
        issues.push(err(
            AccessField::Description,
            INVALID_API_KEY_DESC,
            "API key descriptions are required and must be less than 250 characters.",
        ));
    }
    issues.extend(validate_project_roles(&key.roles));
    issues
}

/// `^[\p{L}\p{N}\-_.,' ]*$` from the spec: letters and numbers of any script, and - _ . , ' and space.
fn service_account_text_ok(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_alphanumeric() || "-_.,' ".contains(c))
}

/// "Create Service Account": name 1..64, description 1..250 (both from the spec's character set),
/// valid project roles, and a secret expiry of at least one hour.
pub fn validate_service_account(sa: &CreateServiceAccount) -> Vec<Issue> {
    let mut issues = Vec::new();
    for (field, value, max, what) in [
        (AccessField::Name, &sa.name, 64, "name"),
        (
            AccessField::Description,
            &sa.description,
            250,
            "description",
        ),
    ] {
        let len = value.chars().count();
        if value.trim().is_empty() {
            issues.push(err(field, VALIDATION_ERROR, format!("Enter a {what}.")));
        } else if len > max {
            issues.push(err(
                field,
                VALIDATION_ERROR,
                format!("The {what} can be at most {max} characters."),
            ));
        } else if !service_account_text_ok(value) {
            issues.push(err(
                field,
                VALIDATION_ERROR,
                format!("The {what} can contain letters, numbers, spaces and - _ . , ' only."),
            ));
        }
    }
    if sa.secret_expires_after_hours <= 0 {
        issues.push(err(
            AccessField::SecretExpiry,
            VALIDATION_ERROR,
            "The secret must expire after at least one hour.",
        ));
    }
    issues.extend(validate_member_roles(
        MemberKind::ServiceAccount,
        &sa.roles,
        &[],
    ));
    issues
}
