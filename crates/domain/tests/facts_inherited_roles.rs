//! On which database a custom role may inherit each built-in role (`inheritedRoles[].db`). One row per
//! role the Atlas picker offers for inheritance, each citing its source.
//!
//! Pages and sources:
//! - SPEC: the Admin API v2 spec, `DatabaseInheritedRole.role` (spec/atlas-openapi-subset.yaml; Atlas's
//!   <https://www.mongodb.com/docs/atlas/reference/api-resources-spec/v2/#tag/Custom-Database-Roles>): "Set
//!   this value to `admin` for every role except `read` or `readWrite`."
//! - V1: Atlas's reference "Create a Custom Role" (v1.0, deprecated; same body as v2),
//!   <https://www.mongodb.com/docs/atlas/reference/api/custom-roles-create-a-role/>, `inheritedRoles.db`:
//!   "This value should be `admin` for all roles except read and readWrite."; its example inherits
//!   enableSharding and backup on admin.
//! - TF: the Terraform provider's `mongodbatlas_custom_db_role` docs (`mongodb/terraform-provider-mongodbatlas
//!   docs/resources/custom_db_role.md`): "This value should be admin for all roles except read and
//!   readWrite."
//! - RECORDED: Atlas's own answers (../shared/atlas-recordings, customdbroles/): enableSharding inherited
//!   on admin.
//! - MANUAL: MongoDB manual "Built-In Roles", <https://www.mongodb.com/docs/manual/reference/built-in-roles/>:
//!   read and readWrite are "Database User Roles" that "every database includes"; a role is granted on a
//!   named database, so "any database" (`db: ""`) names none.
//!
//! Where they disagree: a third-party copy of Atlas's picker tree (reference §2.2, repository unknown)
//! lists dbAdmin under "Database Actions and Roles" beside read and readWrite. SPEC, V1 and TF, Atlas's own
//! pages, all say admin for dbAdmin: they win.
use domain::catalog::inheritable_roles;
use domain::model::{CustomDbRole, InheritedRole};
use domain::validate::{validate_role, ProjectContext, RoleMode};
use domain::ErrorCode;

/// Where the role may be inherited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Db {
    /// Only `admin`.
    Admin,
    /// Any named database (admin included), never "any database".
    Named,
}

const ROWS: &[(&str, Db, &str)] = &[
    (
        "read",
        Db::Named,
        "SPEC, V1, TF; MANUAL for a named database",
    ),
    (
        "readWrite",
        Db::Named,
        "SPEC, V1, TF; MANUAL for a named database",
    ),
    (
        "dbAdmin",
        Db::Admin,
        "SPEC, V1, TF (win over the third-party picker tree)",
    ),
    ("readAnyDatabase", Db::Admin, "SPEC, V1, TF"),
    ("readWriteAnyDatabase", Db::Admin, "SPEC, V1, TF"),
    ("backup", Db::Admin, "SPEC, V1 (example: backup@admin), TF"),
    (
        "enableSharding",
        Db::Admin,
        "SPEC, V1 (example), TF, RECORDED",
    ),
    ("dbAdminAnyDatabase", Db::Admin, "SPEC, V1, TF"),
    ("clusterMonitor", Db::Admin, "SPEC, V1, TF"),
    ("killOpSession", Db::Admin, "SPEC, V1, TF"),
    ("autoCompact", Db::Admin, "SPEC, V1, TF"),
    ("manageShardBalancer", Db::Admin, "SPEC, V1, TF"),
];

/// The code Atlas answers a role inherited on the wrong database with ([DOC-ERR]
/// `ATLAS_INVALID_CUSTOM_ROLE_INHERITED_SCOPE`: "One or more of the specified inherited roles have an
/// invalid scope.").
fn refused_as(role: &str, db: &str) -> Option<ErrorCode> {
    let r = CustomDbRole {
        role_name: "probe".into(),
        actions: vec![],
        inherited_roles: vec![InheritedRole::new(role, db)],
    };
    validate_role(&r, &ProjectContext::new(&[]), RoleMode::Create)
        .into_iter()
        .find(|i| i.is_error())
        .map(|i| i.code)
}

#[test]
fn every_inheritable_builtin_role_goes_on_the_database_its_sources_name() {
    let rows: Vec<&str> = ROWS.iter().map(|r| r.0).collect();
    let offered: Vec<&str> = inheritable_roles().map(|r| r.name).collect();
    assert_eq!(
        rows, offered,
        "one row per inheritable role, in picker order"
    );
    let mut wrong = Vec::new();
    for &(role, want, source) in ROWS {
        for db in ["admin", "sales", ""] {
            let accept = match want {
                Db::Admin => db == "admin",
                Db::Named => !db.is_empty(),
            };
            let got = refused_as(role, db);
            let ok = if accept {
                got.is_none()
            } else {
                got == Some(ErrorCode::ATLAS_INVALID_CUSTOM_ROLE_INHERITED_SCOPE)
            };
            if !ok {
                wrong.push(format!(
                    "{role}@{db:?}: {} ({source} say {want:?})",
                    got.map_or("accepted".to_string(), |c| format!("refused with {c:?}"))
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}
