//! Database user rules (reference §5, §9): authentication method and username format, authentication
//! database, password, description, labels, scopes, temporary users, and the role table.
use super::formats::{is_iam_arn, parse_dn};
use super::{Field, Issue, ProjectContext};
use crate::catalog::{builtin_role, UserScope as RoleScope};
use crate::datetime::parse_datetime;
use crate::errors::ErrorCode::*;
use crate::model::{
    AwsIamType, DatabaseUser, LdapAuthType, OidcAuthType, X509Type, ADMIN_DB, DATABASE_USERS_LIMIT,
    EXTERNAL_DB,
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
enum Method {
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

fn err(f: UserField, code: crate::ErrorCode, m: impl Into<String>) -> Issue {
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
    check_username(user, m, &mut issues);
    check_auth_db(user, m, &mut issues);
    match (m, &user.password) {
        // On update no password means "keep the current one" (PATCH leaves it unchanged).
        (Method::Scram, None) if matches!(mode, UserMode::Create) => {
            issues.push(err(UserField::Password, VALIDATION_ERROR, "Enter a password."))
        }
        (Method::Scram, Some(p)) if p.is_empty() => issues.push(err(UserField::Password, VALIDATION_ERROR, "Enter a password.")),
        (Method::Scram, Some(p)) if p.chars().count() < 8 => issues.push(err(
            UserField::Password,
            WEAK_PASSWORD,
            "The password must be at least 8 characters long.",
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
    check_temporary(user, m, now, &mut issues);
    check_roles(user, ctx, &mut issues);
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

fn check_username(user: &DatabaseUser, m: Method, issues: &mut Vec<Issue>) {
    let name = user.username.as_str();
    let f = UserField::Username;
    if name.is_empty() {
        issues.push(err(f, INVALID_MONGODB_USERNAME, "Enter a username."));
        return;
    }
    if name.chars().count() > 1024 {
        issues.push(err(
            f,
            INVALID_MONGODB_USERNAME,
            "The username can be at most 1024 characters.",
        ));
        return;
    }
    match m {
        // The spec says "alphanumeric string"; Atlas accepts the usual separators too. Refusing whitespace,
        // control characters and ':' (which breaks connection strings) is the safe middle.
        Method::Scram => {
            if let Some(c) = name
                .chars()
                .find(|c| !(c.is_ascii_alphanumeric() || "._-@+".contains(*c)))
            {
                issues.push(err(f, ATLAS_INVALID_USERNAME, format!(
                    "The specified username {name} is not valid for an Atlas database user: \"{c}\" is not allowed. Use letters, digits and . _ - @ +."
                )));
            }
        }
        Method::AwsIam(kind) => {
            let want = if kind == AwsIamType::Role {
                "role"
            } else {
                "user"
            };
            if !is_iam_arn(name, want) {
                issues.push(err(
                    f,
                    ATLAS_INVALID_USERNAME,
                    format!(
                        "Enter the AWS IAM {want} ARN, like arn:aws:iam::123456789012:{want}/name."
                    ),
                ));
            }
        }
        Method::X509(X509Type::Managed) => {
            let cn = name.strip_prefix("CN=").unwrap_or("");
            if cn.is_empty() || cn.contains([',', '=', '+']) {
                issues.push(err(f, ATLAS_MANAGED_X509_NAME_INVALID, format!(
                    "The username {name} is invalid for Atlas-managed X.509 user auth. These usernames must take the form CN=<username> with no additional OIDs."
                )));
            }
        }
        Method::X509(_) => match parse_dn(name) {
            Err(e) => issues.push(err(
                f,
                ATLAS_INVALID_LDAP_NAME,
                format!("The distinguished name {name} is not valid according to RFC 2253: {e}."),
            )),
            Ok(attrs) if !attrs.iter().any(|a| a.eq_ignore_ascii_case("CN")) => issues.push(err(
                f,
                ATLAS_INVALID_USERNAME,
                "Self-managed X.509 usernames must include a Common Name (CN=...).",
            )),
            Ok(_) => {}
        },
        Method::Ldap(_) => {
            if let Err(e) = parse_dn(name) {
                issues.push(err(f, ATLAS_INVALID_LDAP_NAME, format!(
                    "The distinguished name specified in the username field, {name}, is not valid according to RFC 2253: {e}."
                )));
            }
        }
        Method::Oidc(kind) => {
            let ok = name
                .split_once('/')
                .is_some_and(|(idp, rest)| !idp.is_empty() && !rest.is_empty());
            if !ok {
                let what = if kind == OidcAuthType::IdpGroup {
                    "group"
                } else {
                    "user"
                };
                issues.push(err(
                    f,
                    ATLAS_INVALID_USERNAME,
                    format!(
                        "Enter the OIDC identity provider ID, a '/', then the IdP {what} name."
                    ),
                ));
            }
        }
    }
}

fn check_auth_db(user: &DatabaseUser, m: Method, issues: &mut Vec<Issue>) {
    // OIDC Workforce (IDP_GROUP) and SCRAM use admin; everything else $external. The CLI puts LDAP GROUP
    // users on admin while the spec says $external (UNCONFIRMED); we follow the spec, the API's contract.
    let want = match m {
        Method::Scram | Method::Oidc(OidcAuthType::IdpGroup) => ADMIN_DB,
        _ => EXTERNAL_DB,
    };
    if user.database_name != want {
        let (code, m) = if want == ADMIN_DB {
            (
                DATABASE_NAME_INVALID_ADMIN,
                format!(
                    "Database name invalid. {} can only be created on the admin database.",
                    user.username
                ),
            )
        } else {
            (DATABASE_NAME_INVALID_EXTERNAL, "Database name invalid. Externally authenticated users can only be created on the $external database.".to_string())
        };
        issues.push(err(UserField::AuthDatabase, code, m));
    }
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

fn check_temporary(user: &DatabaseUser, m: Method, now: i64, issues: &mut Vec<Issue>) {
    let Some(date) = &user.delete_after_date else {
        return;
    };
    let f = UserField::DeleteAfter;
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

fn check_roles(user: &DatabaseUser, ctx: &ProjectContext<'_>, issues: &mut Vec<Issue>) {
    if user.roles.is_empty() {
        issues.push(err(
            UserField::Roles,
            CANNOT_REMOVE_ALL_USER_ROLES,
            "Give the user at least one role.",
        ));
    }
    let mut seen = HashSet::new();
    let mut custom = 0;
    for (i, r) in user.roles.iter().enumerate() {
        let f = UserField::Role(i);
        let coll = r.collection_name.as_deref().filter(|c| !c.is_empty());
        if !seen.insert((&r.role_name, &r.database_name, coll)) {
            issues.push(err(
                f,
                DUPLICATE_DATABASE_ROLES,
                format!(
                    "Duplicate database roles specified for user {}: {}@{}.",
                    user.username, r.role_name, r.database_name
                ),
            ));
            continue;
        }
        if let Some(b) = builtin_role(&r.role_name) {
            match b.user_scope {
                None => issues.push(err(
                    f,
                    ATLAS_INVALID_ROLE,
                    format!(
                        "The specified role {}@{} does not exist.",
                        r.role_name, r.database_name
                    ),
                )),
                Some(RoleScope::AdminOnly) if r.database_name != ADMIN_DB => issues.push(err(
                    f,
                    ATLAS_INVALID_ROLE_DATABASE,
                    format!(
                        "The specified role {} only exists for database admin.",
                        r.role_name
                    ),
                )),
                Some(RoleScope::AdminOnly) if coll.is_some() => issues.push(err(
                    f,
                    VALIDATION_ERROR,
                    format!("{} cannot be limited to a collection.", r.role_name),
                )),
                Some(RoleScope::AnyDatabase { collection_allowed }) => {
                    if r.database_name.is_empty() {
                        issues.push(err(
                            f,
                            INVALID_DATABASE_NAME,
                            format!("Enter the database {} applies to.", r.role_name),
                        ));
                    } else if let Some(m) = super::names::database_name_problem(&r.database_name) {
                        issues.push(err(f, INVALID_DATABASE_NAME, m));
                    }
                    if coll.is_some() && !collection_allowed {
                        issues.push(err(f, VALIDATION_ERROR, format!("{} cannot be limited to a collection; only read and readWrite can.", r.role_name)));
                    }
                }
                _ => {}
            }
            continue;
        }
        custom += 1;
        if ctx.custom_role(&r.role_name).is_none() {
            issues.push(err(
                f,
                ATLAS_INVALID_ROLE,
                format!(
                    "The specified role {}@{} does not exist.",
                    r.role_name, r.database_name
                ),
            ));
        } else if r.database_name != ADMIN_DB || coll.is_some() {
            issues.push(err(f, UNSUPPORTED_ROLE, format!(
                "The provided role is not supported: custom role {} can only be granted on admin, without a collection.", r.role_name
            )));
        }
    }
    if custom > MAX_CUSTOM_ROLES_PER_USER {
        issues.push(err(UserField::Roles, VALIDATION_ERROR, format!(
            "A database user can have at most {MAX_CUSTOM_ROLES_PER_USER} custom roles; this one has {custom}."
        )));
    }
}
