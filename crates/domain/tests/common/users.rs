//! What the database-user rule tests share: a fixed "now", password users, the errors by field.
use domain::model::*;
use domain::validate::*;
use domain::ErrorCode;

pub const NOW: i64 = 1_795_000_000; // 2026-11-18T11:06:40Z

pub fn scram(name: &str, roles: &[(&str, &str)]) -> DatabaseUser {
    let mut u = super::user(name, roles);
    u.password = Some("s3cret-pass".into());
    u
}

pub fn errors(
    u: &DatabaseUser,
    ctx: &ProjectContext<'_>,
    mode: UserMode<'_>,
) -> Vec<(UserField, ErrorCode)> {
    validate_user(u, ctx, mode, NOW)
        .into_iter()
        .filter(|i| i.is_error())
        .map(|i| match i.field {
            Field::User(f) => (f, i.code),
            Field::Form => (UserField::Roles, i.code),
            f => panic!("{f:?}"),
        })
        .collect()
}

pub fn roles() -> Vec<CustomDbRole> {
    (0..25)
        .map(|i| CustomDbRole {
            role_name: format!("c{i}"),
            ..Default::default()
        })
        .collect()
}
