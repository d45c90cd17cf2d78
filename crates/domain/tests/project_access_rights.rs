//! Who may change what in a project: each write needs the roles the spec's `x-rolesRequirements` name
//! (403 for the rest, with nothing changed), checks the caller before the request and the request before
//! the roles it grants, and only a Project Owner grants or takes away Project Owner.
use crate::common;
use common::{as_role, code, key, key_ids, ns, role, strings};
use domain::model::{CreateProjectApiKey, CreateServiceAccount, InviteProjectUser};
use domain::permissions::{demo_principals, Permission};
use domain::project::Project;
use domain::project_access::{MemberKind, NewServiceAccountIds};
use domain::ErrorCode::{self, *};

const NOW: &str = "2026-11-22T10:00:00Z";

#[test]
fn database_access_writes_need_a_database_access_role_and_are_refused_with_403_otherwise() {
    let new_role = || role("r1", &[("FIND", vec![ns("sales", "")])], &[]);
    for allowed in [
        "GROUP_OWNER",
        "GROUP_DATABASE_ACCESS_ADMIN",
        "GROUP_STREAM_PROCESSING_OWNER",
    ] {
        let mut p = as_role(allowed);
        assert!(p.create_custom_role(new_role(), NOW).is_ok(), "{allowed}");
    }
    for refused in [
        "GROUP_READ_ONLY",
        "GROUP_INDEX_MANAGER",
        "GROUP_ACCESS_MANAGER",
    ] {
        let mut p = as_role(refused);
        let before = p.clone();
        let err = p.create_custom_role(new_role(), NOW).unwrap_err();
        assert_eq!(err.error, 403);
        assert_eq!(err.code(), Some(USER_UNAUTHORIZED));
        assert!(err
            .detail
            .unwrap()
            .contains("Requires Project Owner or Project Database Access Admin"));
        assert_eq!(
            code(p.delete_custom_role("orders_reader", NOW)),
            USER_UNAUTHORIZED
        );
        assert_eq!(
            code(p.delete_database_user("admin", "app-service", NOW)),
            USER_UNAUTHORIZED
        );
        assert_eq!(p, before, "a refused write changes nothing ({refused})");
    }
}

#[test]
fn project_access_writes_need_project_owner_or_access_manager() {
    let mut manager = as_role("GROUP_ACCESS_MANAGER");
    assert!(manager
        .create_api_key(key("CI", &["GROUP_INDEX_MANAGER"]), key_ids(1), NOW)
        .is_ok());
    for refused in ["GROUP_DATABASE_ACCESS_ADMIN", "GROUP_READ_ONLY"] {
        let mut p = as_role(refused);
        let before = p.clone();
        let err = p
            .create_api_key(key("CI", &["GROUP_INDEX_MANAGER"]), key_ids(1), NOW)
            .unwrap_err();
        assert_eq!((err.error, err.code()), (403, Some(USER_UNAUTHORIZED)));
        assert!(err
            .detail
            .unwrap()
            .contains("Requires Project Owner or Project Access Manager"));
        assert_eq!(
            code(p.remove_member(MemberKind::Team, "bbbbbbbbbbbbbbbbbbbb0001", NOW)),
            USER_UNAUTHORIZED
        );
        assert_eq!(p, before);
    }
}

#[test]
fn the_demo_principals_cover_each_kind_of_right() {
    let principals = demo_principals();
    let may = |role: &str, perm| {
        principals
            .iter()
            .find(|p| p.project_roles == [role])
            .unwrap()
            .may(perm)
    };
    assert!(
        may("GROUP_OWNER", Permission::DatabaseAccess)
            && may("GROUP_OWNER", Permission::ProjectAccess)
    );
    assert!(may(
        "GROUP_DATABASE_ACCESS_ADMIN",
        Permission::DatabaseAccess
    ));
    assert!(!may(
        "GROUP_DATABASE_ACCESS_ADMIN",
        Permission::ProjectAccess
    ));
    assert!(!may("GROUP_READ_ONLY", Permission::DatabaseAccess));
    assert!(!may("GROUP_INDEX_MANAGER", Permission::DatabaseAccess));
    assert!(may("GROUP_ACCESS_MANAGER", Permission::ProjectAccess));
    assert!(!may("GROUP_ACCESS_MANAGER", Permission::DatabaseAccess));
}

/// One project-access write, asked with a sound or a broken request and with these roles.
type Write = fn(&mut Project, bool, Vec<String>) -> Result<(), domain::model::ApiError>;

fn pick(sound: bool, good: &str, bad: &str) -> String {
    if sound { good } else { bad }.to_string()
}

/// Every write checks in Atlas's order: may the caller call it (403), is the request sound (400, or 404
/// for the team or member it names), and only then may the caller grant the roles it asks for (403).
#[test]
fn each_write_checks_the_caller_then_the_request_then_the_roles() {
    // Each write with the refusal of its broken request when the caller may call it.
    let writes: [(&str, Write, ErrorCode); 5] = [
        (
            "invite",
            |p, sound, roles| {
                let username = pick(sound, "new@example.com", "not-an-email");
                let invite = InviteProjectUser { username, roles };
                p.invite_user(invite, "x".into(), NOW).map(drop)
            },
            VALIDATION_ERROR,
        ),
        (
            "API key",
            |p, sound, roles| {
                let desc = pick(sound, "CI", "");
                let req = CreateProjectApiKey { desc, roles };
                p.create_api_key(req, key_ids(1), NOW).map(drop)
            },
            INVALID_API_KEY_DESC,
        ),
        (
            "team",
            |p, sound, roles| {
                let team = pick(sound, "bbbbbbbbbbbbbbbbbbbb0003", &"f".repeat(24));
                p.add_team(&team, roles, NOW).map(drop)
            },
            RESOURCE_NOT_FOUND,
        ),
        (
            "member roles",
            |p, sound, roles| {
                let team = pick(sound, "bbbbbbbbbbbbbbbbbbbb0001", "nope");
                p.set_member_roles(MemberKind::Team, &team, roles, NOW)
                    .map(drop)
            },
            RESOURCE_NOT_FOUND,
        ),
        (
            // Project Owner's alone: a manager is refused before anything else.
            "service account",
            |p, sound, roles| {
                let req = CreateServiceAccount {
                    name: pick(sound, "ci", ""),
                    description: pick(sound, "CI", ""),
                    roles,
                    secret_expires_after_hours: 1,
                };
                let ids = NewServiceAccountIds {
                    client_id: "mdb_sa_id_1".into(),
                    secret_id: "1".into(),
                    secret: "s".into(),
                };
                p.create_service_account(req, ids, NOW, NOW).map(drop)
            },
            USER_UNAUTHORIZED,
        ),
    ];
    for (name, write, broken) in writes {
        let cases = [
            ("GROUP_READ_ONLY", false, vec![], USER_UNAUTHORIZED),
            (
                "GROUP_ACCESS_MANAGER",
                false,
                strings(&["GROUP_OWNER"]),
                broken,
            ),
            (
                "GROUP_ACCESS_MANAGER",
                true,
                strings(&["GROUP_OWNER"]),
                USER_UNAUTHORIZED,
            ),
        ];
        for (caller, sound, roles, expected) in cases {
            let mut p = as_role(caller);
            assert_eq!(
                code(write(&mut p, sound, roles)),
                expected,
                "{name} by {caller}, sound request: {sound}"
            );
        }
    }
}

#[test]
fn only_a_project_owner_grants_or_takes_away_project_owner() {
    let mut p = as_role("GROUP_ACCESS_MANAGER");
    assert_eq!(
        code(p.create_api_key(key("root", &["GROUP_OWNER"]), key_ids(2), NOW)),
        USER_UNAUTHORIZED
    );
    assert_eq!(
        code(p.remove_member(MemberKind::ApiKey, "cccccccccccccccccccc0001", NOW)),
        USER_UNAUTHORIZED
    );
    assert!(p
        .set_member_roles(
            MemberKind::User,
            "aaaaaaaaaaaaaaaaaaaa0003",
            strings(&["GROUP_BACKUP_RECOVERY_OPERATOR"]),
            NOW
        )
        .is_ok());
}
