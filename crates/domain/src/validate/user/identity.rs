//! Who a new database user is: the username's format for its authentication method and the
//! authentication database. Both are fixed once the user exists, so they are checked on create only: a
//! user Atlas already holds under a name these rules don't foresee stays editable.
use super::{err, Method, UserField};
use crate::errors::ErrorCode::*;
use crate::model::{
    AwsIamType, DatabaseUser, LdapAuthType, OidcAuthType, X509Type, ADMIN_DB, EXTERNAL_DB,
};
use crate::validate::formats::{is_iam_arn, parse_dn};
use crate::validate::Issue;

/// The punctuation a password user's name may hold besides ASCII letters and digits.
const SCRAM_USERNAME_PUNCTUATION: &str = "._-@+$:/?#[]";

pub(super) fn check_username(user: &DatabaseUser, m: Method, issues: &mut Vec<Issue>) {
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
    // The username is a path segment of every later request; a browser resolves "." and ".." (also as
    // %2E) before sending, so such a request would reach another resource. The console's own check.
    if name == "." || name == ".." {
        issues.push(err(
            f,
            ATLAS_INVALID_USERNAME,
            format!("The username {name} can't be used: requests for it would reach another address (the console's own check)."),
        ));
        return;
    }
    match m {
        // The spec says "alphanumeric string"; Atlas's connection docs tell people to percent-encode
        // `$ : / ? # [ ] @` in a username, so Atlas accepts those, with the usual separators. Whitespace,
        // control characters, other punctuation and non-ASCII letters stay refused: no Atlas source shows
        // them accepted (tests/facts_database_users.rs SCRAM_USERNAMES).
        Method::Scram => {
            if let Some(c) = name
                .chars()
                .find(|c| !(c.is_ascii_alphanumeric() || SCRAM_USERNAME_PUNCTUATION.contains(*c)))
            {
                issues.push(err(f, ATLAS_INVALID_USERNAME, format!(
                    "The specified username {name} is not valid for an Atlas database user: \"{}\" is not allowed. Use letters, digits and . _ - @ + $ : / ? # [ ].",
                    c.escape_default()
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
        // A plain name (Atlas issues the certificate for CN=<name>: the recorded `user389`), or the
        // error table's CN=<name>; never a distinguished name with more attributes.
        Method::X509(X509Type::Managed) => {
            let cn = name.strip_prefix("CN=").unwrap_or(name);
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

/// SCRAM, LDAP groups and OIDC groups authenticate on `admin`; every other method on
/// `$external`. LDAP groups: the docs' request example and the CLI use `admin` where the spec's sentence
/// says "LDAP → $external"; the example wins (tests/facts_database_users.rs says why).
pub(super) fn check_auth_db(user: &DatabaseUser, m: Method, issues: &mut Vec<Issue>) {
    let want = match m {
        Method::Scram
        | Method::Ldap(LdapAuthType::Group)
        | Method::Oidc(OidcAuthType::IdpGroup) => ADMIN_DB,
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
