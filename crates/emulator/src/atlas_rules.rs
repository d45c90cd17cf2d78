//! The Atlas rules the emulator decides on its own, written from Atlas's and MongoDB's pages rather than
//! from the console's `domain` tables, so that a wrong reading in one shows up as a disagreement with the
//! other (tests/agreement.rs) instead of both agreeing on it: on which resources each custom-role action
//! is accepted, on which database a custom role may inherit each role, which actions a project's
//! clusters are too old for, and the username each authentication method takes. Errors are Atlas's codes with the messages of Atlas's error table
//! (<https://www.mongodb.com/docs/atlas/reference/api-errors/>). Everything else about a write (names,
//! limits, cycles, roles of users) is still `domain::project`'s.
use domain::model::{ApiError, CustomDbRole, DatabaseUser, Resource};
use domain::ErrorCode;

/// Where MongoDB accepts a privilege action: the manual's "Apply this action to …" sentence under each
/// action (<https://www.mongodb.com/docs/manual/reference/privilege-actions/>).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Accepted {
    /// "the cluster resource"; also Atlas Data Federation's and Stream Processing's actions, which
    /// Atlas's pages give the whole deployment or workspace
    /// (<https://www.mongodb.com/docs/atlas/reference/custom-role-actions/>,
    /// <https://www.mongodb.com/docs/atlas/atlas-stream-processing/privilege-actions/>).
    Cluster,
    /// "database resources" only.
    Database,
    /// "database or collection resources" (a database is every collection of it).
    Namespace,
    /// enableSharding ("Database or collection resource to enable sharding for a database or shard a
    /// collection … Cluster resource to perform various shard zone operations") and
    /// checkMetadataConsistency ("cluster, database or collection").
    Anywhere,
}

use Accepted::*;

/// Every action of the Admin API enum (`DatabasePrivilegeAction.action`) with where it is accepted.
/// Where the manual names no resource: bypassDefaultMaxTimeMS and shardedDataDistribution are granted
/// with the cluster by the server's built-in roles (`mongodb/mongo src/mongo/db/auth/builtin_roles.yml`),
/// netstat with clusterMonitor's cluster actions there; analyze on the database by dbAdmin there; the
/// server checks splitChunk on the namespace (the manual's "cluster" is not where the command looks).
const ACTIONS: &[(&str, Accepted)] = &[
    ("FIND", Namespace),
    ("INSERT", Namespace),
    ("REMOVE", Namespace),
    ("UPDATE", Namespace),
    ("BYPASS_DOCUMENT_VALIDATION", Namespace),
    ("USE_UUID", Cluster),
    ("KILL_OP", Cluster),
    ("BYPASS_DEFAULT_MAX_TIME_MS", Cluster),
    ("CREATE_COLLECTION", Namespace),
    ("CREATE_INDEX", Namespace),
    ("DROP_COLLECTION", Namespace),
    ("ENABLE_PROFILER", Database),
    ("KILL_ANY_CURSOR", Namespace),
    ("ANALYZE", Namespace),
    ("CHANGE_STREAM", Namespace),
    ("COLL_MOD", Namespace),
    ("COMPACT", Namespace),
    ("CONVERT_TO_CAPPED", Namespace),
    ("DROP_DATABASE", Database),
    ("DROP_INDEX", Namespace),
    ("RE_INDEX", Namespace),
    ("RENAME_COLLECTION_SAME_DB", Database),
    ("SET_USER_WRITE_BLOCK", Cluster),
    ("BYPASS_USER_WRITE_BLOCK", Cluster),
    ("LIST_SESSIONS", Cluster),
    ("KILL_ANY_SESSION", Cluster),
    ("COLL_STATS", Namespace),
    ("CONN_POOL_STATS", Cluster),
    ("DB_HASH", Namespace),
    ("DB_STATS", Database),
    ("GET_CMD_LINE_OPTS", Cluster),
    ("GET_LOG", Cluster),
    ("GET_PARAMETER", Cluster),
    ("GET_SHARD_MAP", Cluster),
    ("HOST_INFO", Cluster),
    ("IN_PROG", Cluster),
    ("LIST_DATABASES", Cluster),
    ("LIST_COLLECTIONS", Database),
    ("LIST_INDEXES", Namespace),
    ("LIST_SHARDS", Cluster),
    ("NET_STAT", Cluster),
    ("REPL_SET_GET_CONFIG", Cluster),
    ("REPL_SET_GET_STATUS", Cluster),
    ("SERVER_STATUS", Cluster),
    ("VALIDATE", Namespace),
    ("SHARDING_STATE", Cluster),
    ("TOP", Cluster),
    ("SQL_GET_SCHEMA", Cluster),
    ("SQL_SET_SCHEMA", Cluster),
    ("VIEW_ALL_HISTORY", Cluster),
    ("OUT_TO_S3", Cluster),
    ("OUT_TO_AZURE", Cluster),
    ("OUT_TO_GCS", Cluster),
    ("STORAGE_GET_CONFIG", Cluster),
    ("STORAGE_SET_CONFIG", Cluster),
    ("FLUSH_ROUTER_CONFIG", Cluster),
    ("ENABLE_SHARDING", Anywhere),
    ("CHECK_METADATA_CONSISTENCY", Anywhere),
    ("MOVE_CHUNK", Namespace),
    ("SPLIT_CHUNK", Namespace),
    ("ANALYZE_SHARD_KEY", Namespace),
    ("REFINE_COLLECTION_SHARD_KEY", Namespace),
    ("CLEAR_JUMBO_FLAG", Namespace),
    ("RESHARD_COLLECTION", Namespace),
    ("SHARDED_DATA_DISTRIBUTION", Cluster),
    ("GET_STREAM_PROCESSOR", Cluster),
    ("CREATE_STREAM_PROCESSOR", Cluster),
    ("PROCESS_STREAM_PROCESSOR", Cluster),
    ("MODIFY_STREAM_PROCESSOR", Cluster),
    ("START_STREAM_PROCESSOR", Cluster),
    ("STOP_STREAM_PROCESSOR", Cluster),
    ("DROP_STREAM_PROCESSOR", Cluster),
    ("SAMPLE_STREAM_PROCESSOR", Cluster),
    ("LIST_STREAM_PROCESSORS", Cluster),
    ("LIST_CONNECTIONS", Cluster),
    ("STREAM_PROCESSOR_STATS", Cluster),
    // "Apply this action to the database, collection, or view resource".
    ("CREATE_SEARCH_INDEX", Namespace),
    ("DROP_SEARCH_INDEX", Namespace),
    ("LIST_SEARCH_INDEXES", Namespace),
    ("UPDATE_SEARCH_INDEX", Namespace),
];

/// The action names of the table, for the test that holds it against the spec's enum.
pub fn action_names() -> impl Iterator<Item = &'static str> {
    ACTIONS.iter().map(|(name, _)| *name)
}

/// The built-in roles Atlas lets a custom role inherit, and on which database. The spec's
/// `DatabaseInheritedRole`: "Set this value to `admin` for every role except `read` or `readWrite`"
/// (Atlas's v1 reference and the Terraform provider's docs say the same); read and readWrite are granted
/// on a named database (MongoDB manual, built-in roles). The list is the roles Atlas's "Action or Role"
/// picker offers (Atlas docs, "Configure Custom Database Roles" and "Built-In Roles and Privileges").
const INHERITABLE: &[(&str, bool)] = &[
    // (role, only on admin)
    ("read", false),
    ("readWrite", false),
    ("dbAdmin", true),
    ("readAnyDatabase", true),
    ("readWriteAnyDatabase", true),
    ("backup", true),
    ("enableSharding", true),
    ("dbAdminAnyDatabase", true),
    ("clusterMonitor", true),
    ("killOpSession", true),
    ("autoCompact", true),
    ("manageShardBalancer", true),
];

fn error(code: ErrorCode, detail: String, params: Vec<String>) -> ApiError {
    ApiError::new(code, detail, params)
}

fn invalid_resource() -> ApiError {
    error(
        ErrorCode::ATLAS_INVALID_RESOURCE,
        "One or more of the selected actions was applied to an incorrect resource.".into(),
        vec![],
    )
}

fn accepts(on: Accepted, r: &Resource) -> bool {
    let (cluster, database) = (r.cluster, !r.cluster && r.collection.is_empty());
    match on {
        Cluster => cluster,
        Database => database,
        Namespace => !cluster,
        Anywhere => true,
    }
}

/// The first refusal Atlas answers a custom role's actions and inherited roles with, in the order the
/// role lists them: actions first, then inherited roles. `custom_roles` are the project's role names.
/// Duplicates, names, cycles and limits are left to `domain::project`.
pub fn check_custom_role(role: &CustomDbRole, custom_roles: &[&str]) -> Result<(), ApiError> {
    for pa in &role.actions {
        let Some(&(_, on)) = ACTIONS.iter().find(|(name, _)| *name == pa.action) else {
            return Err(error(
                ErrorCode::INVALID_ENUM_VALUE,
                format!("An invalid enumeration value {} was specified.", pa.action),
                vec![pa.action.clone()],
            ));
        };
        if pa.resources.is_empty() || !pa.resources.iter().all(|r| accepts(on, r)) {
            return Err(invalid_resource());
        }
    }
    for ir in &role.inherited_roles {
        let scope_error = || {
            error(
                ErrorCode::ATLAS_INVALID_CUSTOM_ROLE_INHERITED_SCOPE,
                "One or more of the specified inherited roles have an invalid scope.".into(),
                vec![],
            )
        };
        match INHERITABLE.iter().find(|(name, _)| *name == ir.role) {
            Some((_, true)) if ir.db != "admin" => return Err(scope_error()),
            Some((_, false)) if ir.db.is_empty() => return Err(scope_error()),
            Some(_) => {}
            // The role itself is domain's (self-reference); another custom role is granted on admin (the
            // spec's rule for every role but read and readWrite).
            None if ir.role == role.role_name => {}
            None if custom_roles.contains(&ir.role.as_str()) => {
                if ir.db != "admin" {
                    return Err(scope_error());
                }
            }
            None => {
                return Err(error(
                    ErrorCode::ATLAS_INVALID_CUSTOM_ROLE_INHERITANCE,
                    "One or more of the specified inherited roles do not exist.".into(),
                    vec![],
                ))
            }
        }
    }
    Ok(())
}

/// Actions newer than some MongoDB versions Atlas still runs, with the first version that has them: the
/// manual's privilege actions page (<https://www.mongodb.com/docs/manual/reference/privilege-actions/>):
/// reshardCollection "New in version 5.0", shardedDataDistribution "New in version 6.0.3",
/// checkMetadataConsistency and analyzeShardKey "New in version 7.0", bypassDefaultMaxTimeMS "New in
/// version 8.0".
const NEWER_ACTIONS: &[(&str, (u32, u32, u32))] = &[
    ("RESHARD_COLLECTION", (5, 0, 0)),
    ("SHARDED_DATA_DISTRIBUTION", (6, 0, 3)),
    ("CHECK_METADATA_CONSISTENCY", (7, 0, 0)),
    ("ANALYZE_SHARD_KEY", (7, 0, 0)),
    ("BYPASS_DEFAULT_MAX_TIME_MS", (8, 0, 0)),
];

fn version(v: &str) -> Option<(u32, u32, u32)> {
    let mut parts = v.split('.').map(|p| p.parse::<u32>().ok());
    Some((
        parts.next()??,
        parts.next().flatten().unwrap_or(0),
        parts.next().flatten().unwrap_or(0),
    ))
}

/// "Custom roles must be compatible with each MongoDB version used by your project's clusters"
/// (<https://www.mongodb.com/docs/atlas/security-add-mongodb-roles/>): 409
/// `CUSTOM_ROLE_ACTIONS_INVALID_FOR_EXISTING_CLUSTERS` with Atlas's message
/// (<https://www.mongodb.com/docs/atlas/reference/api-errors/>). `clusters`: (name, MongoDB version).
pub fn check_versions(role: &CustomDbRole, clusters: &[(&str, &str)]) -> Result<(), ApiError> {
    for pa in &role.actions {
        let Some(&(_, min)) = NEWER_ACTIONS.iter().find(|(a, _)| *a == pa.action) else {
            continue;
        };
        let old: Vec<&str> = clusters
            .iter()
            .filter(|(_, v)| version(v).is_some_and(|v| v < min))
            .map(|(n, _)| *n)
            .collect();
        if !old.is_empty() {
            return Err(error(
                ErrorCode::CUSTOM_ROLE_ACTIONS_INVALID_FOR_EXISTING_CLUSTERS,
                format!(
                    "Cannot create or edit role as the following custom role actions are not supported for your {} clusters: {}.",
                    old.join(", "),
                    pa.action
                ),
                vec![old.join(", "), pa.action.clone()],
            ));
        }
    }
    Ok(())
}

/// How a database user authenticates: the spec's `CloudDatabaseUser` type fields, one of them set or
/// none (a password).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Method {
    Password,
    AwsIam { role: bool },
    X509 { managed: bool },
    Ldap,
    Oidc,
}

fn method(u: &DatabaseUser) -> Option<Method> {
    use domain::model::{AwsIamType, LdapAuthType, OidcAuthType, X509Type};
    let mut set = Vec::new();
    if u.aws_iam_type != AwsIamType::None {
        set.push(Method::AwsIam {
            role: u.aws_iam_type == AwsIamType::Role,
        });
    }
    if u.x509_type != X509Type::None {
        set.push(Method::X509 {
            managed: u.x509_type == X509Type::Managed,
        });
    }
    if u.ldap_auth_type != LdapAuthType::None {
        set.push(Method::Ldap);
    }
    if u.oidc_auth_type != OidcAuthType::None {
        set.push(Method::Oidc);
    }
    match set.as_slice() {
        [] => Some(Method::Password),
        [one] => Some(*one),
        _ => None, // two methods at once: domain's refusal
    }
}

/// The username rule of a new database user's authentication method (the spec's
/// `CloudDatabaseUser.username` table, Atlas's error table, Atlas's connection docs for password users).
/// `Ok` when the user names two methods (that refusal is domain's).
pub fn check_username(user: &DatabaseUser) -> Result<(), ApiError> {
    let Some(m) = method(user) else {
        return Ok(());
    };
    let name = user.username.as_str();
    let refuse = |code: ErrorCode, detail: String| Err(error(code, detail, vec![name.into()]));
    let not_valid = || {
        refuse(
            ErrorCode::ATLAS_INVALID_USERNAME,
            format!("The specified username {name} is not valid for an Atlas database user."),
        )
    };
    // The spec: `username` "maxLength: 1024" (JSON Schema counts characters).
    if name.is_empty() || name.chars().count() > 1024 {
        return refuse(
            ErrorCode::INVALID_MONGODB_USERNAME,
            format!("The username {name} is not a valid MongoDB login."),
        );
    }
    match m {
        // "Alphanumeric string" (spec), and the characters Atlas's connection docs say to percent-encode
        // in a username (`$ : / ? # [ ] @`, `mongodb/docs content/atlas/source/includes/admonitions/
        // notes/percent-encode-uri.rst`), so Atlas stores them; with the separators `. _ - +`.
        Method::Password => {
            let allowed = |c: char| c.is_ascii_alphanumeric() || "$:/?#[]@._-+".contains(c);
            if name.chars().all(allowed) {
                Ok(())
            } else {
                not_valid()
            }
        }
        // "ARN" (spec): arn:<partition>:iam::<12-digit account>:user/<name> or role/<name>, the IAM
        // identifier format of AWS's IAM reference, in its three partitions.
        Method::AwsIam { role } => {
            let kind = if role { "role/" } else { "user/" };
            let ok = ["arn:aws:iam::", "arn:aws-cn:iam::", "arn:aws-us-gov:iam::"]
                .iter()
                .find_map(|p| name.strip_prefix(p))
                .and_then(|rest| rest.split_once(':'))
                .is_some_and(|(account, resource)| {
                    account.len() == 12
                        && account.chars().all(|c| c.is_ascii_digit())
                        && resource.strip_prefix(kind).is_some_and(|n| !n.is_empty())
                });
            if ok {
                Ok(())
            } else {
                not_valid()
            }
        }
        // "These usernames must take the form CN=<username> with no additional OIDs" (error table); a
        // bare name is the recorded `user389` (dbuserscerts/).
        Method::X509 { managed: true } => {
            let cn = name.strip_prefix("CN=").unwrap_or(name);
            if cn.is_empty() || cn.contains([',', '+', '=']) {
                refuse(
                    ErrorCode::ATLAS_MANAGED_X509_NAME_INVALID,
                    format!("The username {name} is invalid for Atlas-managed X.509 user auth. These usernames must take the form CN=<username> with no additional OIDs."),
                )
            } else {
                Ok(())
            }
        }
        // "RFC 2253 Distinguished Name" (spec); self-managed X.509 "require a Common Name (CN)" (spec,
        // `x509Type`).
        Method::X509 { managed: false } => match rdn_types(name) {
            None => invalid_dn(name),
            Some(types) if !types.iter().any(|t| t.eq_ignore_ascii_case("cn")) => not_valid(),
            Some(_) => Ok(()),
        },
        Method::Ldap => match rdn_types(name) {
            None => invalid_dn(name),
            Some(_) => Ok(()),
        },
        // "Atlas OIDC IdP ID …, followed by a '/', followed by the IdP group name" (or user name).
        Method::Oidc => match name.split_once('/') {
            Some((idp, who)) if !idp.is_empty() && !who.is_empty() => Ok(()),
            _ => not_valid(),
        },
    }
}

fn invalid_dn(name: &str) -> Result<(), ApiError> {
    Err(error(
        ErrorCode::ATLAS_INVALID_LDAP_NAME,
        format!("The distinguished name specified in the username field, {name}, is not valid according to RFC 2253."),
        vec![name.into()],
    ))
}

/// The attribute types of an RFC 2253 distinguished name, `None` when it isn't one. RFC 2253 §3:
/// `name-component *("," name-component)`, a component `attributeTypeAndValue *("+" …)`, a type a
/// keyword (`ALPHA *(ALPHA / DIGIT / "-")`, as RFC 4514 corrects it) or a dotted OID; in a value the
/// specials `, = + < > ; "` and `\` appear only escaped (`\` then the character); §4: `;` also
/// separates components and spaces around separators are allowed. A value must name something.
fn rdn_types(dn: &str) -> Option<Vec<String>> {
    let mut types = Vec::new();
    let mut rest = dn;
    loop {
        let (ty, after) = rest.split_once('=')?;
        let ty = ty.trim();
        let keyword = ty.starts_with(|c: char| c.is_ascii_alphabetic())
            && ty.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        let oid = !ty.is_empty()
            && ty
                .split('.')
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
        if !(keyword || oid) {
            return None;
        }
        types.push(ty.to_string());
        // The value runs to the next unescaped separator.
        let mut value = String::new();
        let mut chars = after.char_indices();
        let mut next = None;
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => value.push(chars.next()?.1),
                ',' | ';' | '+' => {
                    next = Some(i + 1);
                    break;
                }
                '=' | '<' | '>' | '"' => return None,
                c => value.push(c),
            }
        }
        if value.trim().is_empty() {
            return None;
        }
        match next {
            None => return Some(types),
            Some(i) if after[i..].trim().is_empty() => return None, // a trailing separator
            Some(i) => rest = &after[i..],
        }
    }
}
