//! The database-user dialog's model: the authentication method as one choice (the API spreads it over four
//! type fields and the auth database), and the user's roles split the way the Atlas dialog shows them:
//! one "Built-in Role", "Custom Roles", and "Specific Privileges" (role + database + collection).
use crate::model::{
    AwsIamType, DatabaseUser, DatabaseUserRole, LdapAuthType, OidcAuthType, ScopeType, UserScope,
    X509Type, ADMIN_DB, EXTERNAL_DB,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AuthMethod {
    Password,
    X509Managed,
    X509Customer,
    AwsIamUser,
    AwsIamRole,
    LdapUser,
    LdapGroup,
    /// OIDC group (`oidcAuthType` IDP_GROUP), of a Workforce or a Workload identity provider: the user
    /// records only the group/user choice, not the provider's kind (tests/facts_database_users.rs).
    OidcIdpGroup,
    /// OIDC user (`oidcAuthType` USER), of a Workforce or a Workload identity provider.
    OidcUser,
}

impl AuthMethod {
    pub const ALL: [AuthMethod; 9] = [
        AuthMethod::Password,
        AuthMethod::X509Managed,
        AuthMethod::X509Customer,
        AuthMethod::AwsIamUser,
        AuthMethod::AwsIamRole,
        AuthMethod::LdapUser,
        AuthMethod::LdapGroup,
        AuthMethod::OidcIdpGroup,
        AuthMethod::OidcUser,
    ];

    /// The dialog's wording: method, then sub-type.
    pub fn label(self) -> &'static str {
        match self {
            AuthMethod::Password => "Password",
            AuthMethod::X509Managed => "Certificate (X.509, Atlas-managed)",
            AuthMethod::X509Customer => "Certificate (X.509, self-managed)",
            AuthMethod::AwsIamUser => "AWS IAM (IAM user)",
            AuthMethod::AwsIamRole => "AWS IAM (IAM role)",
            AuthMethod::LdapUser => "LDAP (user)",
            AuthMethod::LdapGroup => "LDAP (group)",
            AuthMethod::OidcIdpGroup => "OIDC (group of a Workforce or Workload identity provider)",
            AuthMethod::OidcUser => "OIDC (user of a Workforce or Workload identity provider)",
        }
    }

    /// A stable value for `<select>` options and URLs.
    pub fn key(self) -> &'static str {
        match self {
            AuthMethod::Password => "password",
            AuthMethod::X509Managed => "x509-managed",
            AuthMethod::X509Customer => "x509-customer",
            AuthMethod::AwsIamUser => "aws-user",
            AuthMethod::AwsIamRole => "aws-role",
            AuthMethod::LdapUser => "ldap-user",
            AuthMethod::LdapGroup => "ldap-group",
            AuthMethod::OidcIdpGroup => "oidc-group",
            AuthMethod::OidcUser => "oidc-user",
        }
    }

    pub fn from_key(key: &str) -> Option<AuthMethod> {
        AuthMethod::ALL.into_iter().find(|m| m.key() == key)
    }

    /// What the username field expects with this method.
    pub fn username_hint(self) -> &'static str {
        match self {
            AuthMethod::Password => "Letters, digits and . _ - @ + $ : / ? # [ ]",
            AuthMethod::X509Managed => "A name; Atlas issues its certificate for CN=<name>",
            AuthMethod::X509Customer | AuthMethod::LdapUser | AuthMethod::LdapGroup => {
                "An RFC 2253 distinguished name, e.g. CN=alice,OU=eng,DC=example,DC=com"
            }
            AuthMethod::AwsIamUser => "An IAM user ARN, e.g. arn:aws:iam::123456789012:user/alice",
            AuthMethod::AwsIamRole => "An IAM role ARN, e.g. arn:aws:iam::123456789012:role/app",
            // The spec's words (CloudDatabaseUser.username).
            AuthMethod::OidcIdpGroup => {
                "The Atlas OIDC IdP ID (found in federation settings), a '/', then the IdP group name"
            }
            AuthMethod::OidcUser => {
                "The Atlas OIDC IdP ID (found in federation settings), a '/', then the IdP user name"
            }
        }
    }

    /// The authentication database: LDAP groups and OIDC groups (of either kind of identity provider)
    /// authenticate on `admin` like password users; every other external method, OIDC users included, on
    /// `$external` (tests/facts_database_users.rs).
    pub fn auth_db(self) -> &'static str {
        match self {
            AuthMethod::Password | AuthMethod::LdapGroup | AuthMethod::OidcIdpGroup => ADMIN_DB,
            _ => EXTERNAL_DB,
        }
    }

    pub fn has_password(self) -> bool {
        self == AuthMethod::Password
    }

    /// Temporary users are not allowed for X.509.
    pub fn may_be_temporary(self) -> bool {
        !matches!(self, AuthMethod::X509Managed | AuthMethod::X509Customer)
    }

    /// Sets the user's type fields and auth database for this method.
    pub fn apply(self, u: &mut DatabaseUser) {
        u.aws_iam_type = AwsIamType::None;
        u.x509_type = X509Type::None;
        u.ldap_auth_type = LdapAuthType::None;
        u.oidc_auth_type = OidcAuthType::None;
        match self {
            AuthMethod::Password => {}
            AuthMethod::X509Managed => u.x509_type = X509Type::Managed,
            AuthMethod::X509Customer => u.x509_type = X509Type::Customer,
            AuthMethod::AwsIamUser => u.aws_iam_type = AwsIamType::User,
            AuthMethod::AwsIamRole => u.aws_iam_type = AwsIamType::Role,
            AuthMethod::LdapUser => u.ldap_auth_type = LdapAuthType::User,
            AuthMethod::LdapGroup => u.ldap_auth_type = LdapAuthType::Group,
            AuthMethod::OidcIdpGroup => u.oidc_auth_type = OidcAuthType::IdpGroup,
            AuthMethod::OidcUser => u.oidc_auth_type = OidcAuthType::User,
        }
        u.database_name = self.auth_db().to_string();
        if !self.has_password() {
            u.password = None;
        }
    }

    /// The user's method; `None` when the stored user sets more than one type (validation reports it).
    pub fn of(u: &DatabaseUser) -> Option<AuthMethod> {
        AuthMethod::ALL.into_iter().find(|m| {
            let mut probe = u.clone();
            m.apply(&mut probe);
            (
                probe.aws_iam_type,
                probe.x509_type,
                probe.ldap_auth_type,
                probe.oidc_auth_type,
            ) == (
                u.aws_iam_type,
                u.x509_type,
                u.ldap_auth_type,
                u.oidc_auth_type,
            )
        })
    }
}

/// What "Restrict Access to Specific Clusters / Federated Database Instances / Stream Processing
/// Workspaces" offers.
/// Workspaces": the project's clusters, federated database instances and stream workspaces, each with its
/// scope type, then any scope the user already has that the project doesn't list (kept, never dropped or
/// retyped).
pub fn scope_choices(
    clusters: &[String],
    federated: &[String],
    streams: &[String],
    current: &[UserScope],
) -> Vec<UserScope> {
    let typed = |names: &[String], kind: ScopeType| {
        names
            .iter()
            .map(move |name| UserScope {
                name: name.clone(),
                kind,
            })
            .collect::<Vec<_>>()
    };
    let mut out = typed(clusters, ScopeType::Cluster);
    out.extend(typed(federated, ScopeType::DataLake));
    out.extend(typed(streams, ScopeType::Stream));
    for s in current {
        if !out.contains(s) {
            out.push(s.clone());
        }
    }
    out
}

impl ScopeType {
    /// How the dialog names each kind of scope (Atlas's wording).
    pub fn label(self) -> &'static str {
        match self {
            ScopeType::Cluster => "Cluster",
            ScopeType::DataLake => "Federated Database Instance",
            ScopeType::Stream => "Stream Processing Workspace",
        }
    }
}

/// The "Built-in Role" choices of the dialog (on `admin`, any database).
pub const BUILTIN_CHOICES: [(&str, &str); 3] = [
    ("atlasAdmin", "Atlas admin"),
    ("readWriteAnyDatabase", "Read and write to any database"),
    ("readAnyDatabase", "Only read any database"),
];

/// One "Specific Privileges" row.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpecificPrivilege {
    pub role: String,
    pub db: String,
    /// Empty = the whole database.
    pub collection: String,
}

/// A user's roles as the dialog groups them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UserRoles {
    pub builtin: Option<String>,
    pub custom: Vec<String>,
    pub specific: Vec<SpecificPrivilege>,
}

impl UserRoles {
    /// Splits `roles`: the first dialog built-in on `admin` is "Built-in Role", project custom roles
    /// (`is_custom`) are "Custom Roles", everything else is a specific privilege (nothing is dropped).
    pub fn from_roles(roles: &[DatabaseUserRole], is_custom: impl Fn(&str) -> bool) -> Self {
        let mut out = UserRoles::default();
        for r in roles {
            let dialog_builtin = BUILTIN_CHOICES.iter().any(|(n, _)| *n == r.role_name)
                && r.database_name == ADMIN_DB
                && r.collection_name.as_deref().unwrap_or("").is_empty();
            if dialog_builtin && out.builtin.is_none() {
                out.builtin = Some(r.role_name.clone());
            } else if is_custom(&r.role_name) && r.database_name == ADMIN_DB {
                out.custom.push(r.role_name.clone());
            } else {
                out.specific.push(SpecificPrivilege {
                    role: r.role_name.clone(),
                    db: r.database_name.clone(),
                    collection: r.collection_name.clone().unwrap_or_default(),
                });
            }
        }
        out
    }

    /// The API role list: built-in first, then custom roles (on `admin`), then specific privileges.
    pub fn to_roles(&self) -> Vec<DatabaseUserRole> {
        let mut roles: Vec<DatabaseUserRole> = self
            .builtin
            .iter()
            .map(|b| DatabaseUserRole::new(b.clone(), ADMIN_DB))
            .collect();
        roles.extend(
            self.custom
                .iter()
                .map(|c| DatabaseUserRole::new(c.clone(), ADMIN_DB)),
        );
        roles.extend(self.specific.iter().map(|s| DatabaseUserRole {
            role_name: s.role.clone(),
            database_name: s.db.clone(),
            collection_name: (!s.collection.is_empty()).then(|| s.collection.clone()),
        }));
        roles
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_method_round_trips_through_the_type_fields() {
        for m in AuthMethod::ALL {
            let mut u = DatabaseUser::new("x");
            u.password = Some("secret-secret".into());
            m.apply(&mut u);
            assert_eq!(AuthMethod::of(&u), Some(m));
            assert_eq!(u.database_name, m.auth_db());
            assert_eq!(u.password.is_some(), m.has_password());
            assert_eq!(AuthMethod::from_key(m.key()), Some(m));
        }
        let mut both = DatabaseUser::new("x");
        both.x509_type = X509Type::Managed;
        both.ldap_auth_type = LdapAuthType::User;
        assert_eq!(AuthMethod::of(&both), None);
    }

    #[test]
    fn roles_split_into_the_dialog_sections_and_back() {
        let roles = vec![
            DatabaseUserRole::new("readAnyDatabase", "admin"),
            DatabaseUserRole::new("orders_reader", "admin"),
            DatabaseUserRole {
                role_name: "read".into(),
                database_name: "sales".into(),
                collection_name: Some("orders".into()),
            },
            DatabaseUserRole::new("atlasAdmin", "admin"),
        ];
        let split = UserRoles::from_roles(&roles, |n| n == "orders_reader");
        assert_eq!(split.builtin.as_deref(), Some("readAnyDatabase"));
        assert_eq!(split.custom, ["orders_reader"]);
        assert_eq!(
            split.specific.len(),
            2,
            "a second dialog built-in is kept as a specific privilege"
        );
        let mut back = split.to_roles();
        let mut orig = roles.clone();
        back.sort();
        orig.sort();
        assert_eq!(back, orig);
    }
}
