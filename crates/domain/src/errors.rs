//! The Atlas Admin API error codes the console can produce or must understand (reference §4.3, §6),
//! each with its HTTP status, so the embedded backend answers exactly as Atlas would.
use crate::model::ApiError;

macro_rules! codes {
    ($( $variant:ident = $status:literal, $reason:literal; )*) => {
        /// Variants are spelled exactly as Atlas spells the code, so the table reads like the docs.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ErrorCode { $($variant),* }

        impl ErrorCode {
            /// The `errorCode` string, e.g. `ATLAS_CUSTOM_ROLE_NAME_ALREADY_EXISTS`.
            pub fn as_str(self) -> &'static str {
                match self { $(ErrorCode::$variant => stringify!($variant)),* }
            }

            pub fn status(self) -> u16 {
                match self { $(ErrorCode::$variant => $status),* }
            }

            /// The HTTP reason phrase Atlas puts in `reason`.
            pub fn reason(self) -> &'static str {
                match self { $(ErrorCode::$variant => $reason),* }
            }

            pub fn parse(s: &str) -> Option<ErrorCode> {
                match s { $(stringify!($variant) => Some(ErrorCode::$variant),)* _ => None }
            }
        }
    };
}

codes! {
    ATLAS_CUSTOM_ROLE_HAS_NO_PERMISSIONS = 400, "Bad Request";
    ATLAS_CUSTOM_ROLE_INVALID_NAME = 400, "Bad Request";
    ATLAS_DUPLICATE_CUSTOM_ROLE_ACTION = 400, "Bad Request";
    ATLAS_DUPLICATE_CUSTOM_ROLE_RESOURCE = 400, "Bad Request";
    ATLAS_INVALID_CUSTOM_ROLE_ASSIGNMENT = 400, "Bad Request";
    ATLAS_INVALID_CUSTOM_ROLE_CIRCULAR_DEPENDENCY = 400, "Bad Request";
    ATLAS_INVALID_CUSTOM_ROLE_INHERITANCE = 400, "Bad Request";
    ATLAS_INVALID_CUSTOM_ROLE_INHERITED_SCOPE = 400, "Bad Request";
    ATLAS_INVALID_CUSTOM_ROLE_RESTRICTED = 400, "Bad Request";
    ATLAS_INVALID_CUSTOM_ROLE_SELF_REFERENTIAL = 400, "Bad Request";
    ATLAS_INVALID_RESOURCE = 400, "Bad Request";
    ATLAS_INVALID_ROLE = 400, "Bad Request";
    ATLAS_INVALID_ROLE_DATABASE = 400, "Bad Request";
    ATLAS_RESERVED_CUSTOM_ROLE_RESTRICTED = 400, "Bad Request";
    ATLAS_INVALID_USERNAME = 400, "Bad Request";
    ATLAS_MANAGED_X509_NAME_INVALID = 400, "Bad Request";
    ATLAS_INVALID_LDAP_NAME = 400, "Bad Request";
    ATLAS_INVALID_DN_METACHARACTERS = 400, "Bad Request";
    ATLAS_X509_USER_CANNOT_BE_TEMPORARY = 400, "Bad Request";
    DATABASE_NAME_INVALID_ADMIN = 400, "Bad Request";
    DATABASE_NAME_INVALID_EXTERNAL = 400, "Bad Request";
    DUPLICATE_DATABASE_ROLES = 400, "Bad Request";
    INVALID_DATABASE_NAME = 400, "Bad Request";
    INVALID_COLLECTION_NAME = 400, "Bad Request";
    INVALID_NAMESPACE = 400, "Bad Request";
    INVALID_MONGODB_USERNAME = 400, "Bad Request";
    WEAK_PASSWORD = 400, "Bad Request";
    EXPIRATION_DATE_EXCEEDS_MAX = 400, "Bad Request";
    EXPIRATION_DATE_IN_PAST = 400, "Bad Request";
    UNSUPPORTED_ROLE = 400, "Bad Request";
    VALIDATION_ERROR = 400, "Bad Request";
    INVALID_ENUM_VALUE = 400, "Bad Request";
    INVALID_ROLE_FOR_GROUP = 400, "Bad Request";
    MISSING_API_KEY_ROLES = 400, "Bad Request";
    INVALID_API_KEY_DESC = 400, "Bad Request";
    CUSTOM_ROLES_LIMIT_EXCEEDED = 403, "Forbidden";
    GROUP_USERS_LIMIT_EXCEEDED = 403, "Forbidden";
    CANNOT_REMOVE_ALL_USER_ROLES = 403, "Forbidden";
    NO_ROLES_IN_ASSIGNMENT = 403, "Forbidden";
    CANNOT_DELETE_LAST_ADMIN = 403, "Forbidden";
    // The code Atlas sends when the caller's roles don't allow an operation is UNCONFIRMED (reference §10);
    // what matters, and is confirmed, is the 403 status with the error envelope.
    USER_UNAUTHORIZED = 403, "Forbidden";
    // UNCONFIRMED code for inviting someone already in the project; 409 is the safe answer (nothing changes).
    USER_ALREADY_IN_GROUP = 409, "Conflict";
    ATLAS_CUSTOM_ROLE_NOT_FOUND = 404, "Not Found";
    RESOURCE_NOT_FOUND = 404, "Not Found";
    USER_ALREADY_EXISTS = 409, "Conflict";
    DATABASE_USERNAME_CANNOT_BE_CHANGED = 409, "Conflict";
    DATABASE_NAME_CANNOT_BE_CHANGED = 409, "Conflict";
    AUTH_TYPE_CANNOT_BE_CHANGED = 409, "Conflict";
    ATLAS_CUSTOM_ROLE_NAME_ALREADY_EXISTS = 409, "Conflict";
    ATLAS_CUSTOM_ROLE_IN_USE_BY_USERS = 409, "Conflict";
    ATLAS_CUSTOM_ROLE_IN_USE_BY_ROLES = 409, "Conflict";
    CUSTOM_ROLE_ACTIONS_INVALID_FOR_EXISTING_CLUSTERS = 409, "Conflict";
    RATE_LIMITED = 429, "Too Many Requests";
    UNEXPECTED_ERROR = 500, "Internal Server Error";
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ApiError {
    /// What to tell a person: Atlas's `detail`, or the error code when it sent none.
    pub fn message(&self) -> String {
        self.detail
            .clone()
            .filter(|d| !d.trim().is_empty())
            .unwrap_or_else(|| self.error_code.clone())
    }

    /// Whether sending the same request again may succeed: no answer at all (status 0: network failure or
    /// timeout), rate limited, or a server error. Refusals (4xx) need the input changed first.
    pub fn is_retryable(&self) -> bool {
        self.error == 0 || self.error == 429 || self.error >= 500
    }

    /// The envelope Atlas sends for `code`, with a detail message and its parameters.
    pub fn new(code: ErrorCode, detail: impl Into<String>, parameters: Vec<String>) -> Self {
        ApiError {
            error: code.status(),
            error_code: code.as_str().to_string(),
            detail: Some(detail.into()),
            reason: Some(code.reason().to_string()),
            parameters: parameters
                .into_iter()
                .map(serde_json::Value::from)
                .collect(),
            bad_request_detail: None,
        }
    }

    pub fn code(&self) -> Option<ErrorCode> {
        ErrorCode::parse(&self.error_code)
    }
}
