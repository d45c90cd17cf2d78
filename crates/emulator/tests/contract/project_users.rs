//! `listGroupUsers` (`GET /groups/{groupId}/users`, version 2025-02-19) with the filters a portal reads a
//! signed-in person's project roles with: `username`, `flattenTeams`, `includeOrgUsers`, alone and
//! together, paged, and with the common `envelope` and `pretty` flags. Every answer goes through the
//! contract harness (`send`), so it is validated against `PaginatedGroupUserView` in the spec.
//!
//! Facts and their sources (`spec` = `../shared/atlas-openapi-subset.yaml`, operation `listGroupUsers`):
//! - `username`: "Email address to filter users by" (spec parameter).
//! - `flattenTeams`: also "users who belong to teams with roles in the project" (spec parameter); a team
//!   member holds the team's roles: "grant project access roles to users in the team. All members of the
//!   team share the same project access" (spec, `updateTeamRoles`).
//! - `includeOrgUsers`: also "users who have implicit access to the project through their organization
//!   role", "the Organization Owner or Organization Read Only role" (spec parameter).
//! - `roles`: "One or more project-level roles assigned to the MongoDB Cloud user" (spec,
//!   `GroupUserResponse.roles`); an Organization Owner's project access "is inherited from the Atlas
//!   Organization Owner role, so users with this role are not listed on the project access list"
//!   (<https://www.mongodb.com/docs/atlas/reference/user-roles/>). What Atlas lists in `roles` for a
//!   person included only by `includeOrgUsers` (nothing, as here, or ORG_OWNER, or GROUP_OWNER) is
//!   UNCONFIRMED; so is whether a team member's `roles` carry the team's roles.
use super::harness::*;
use atlas_emulator::Emulator;
use domain::api::{Call, Group};
use domain::model::{Paginated, ProjectUser, TeamRole};
use serde_json::Value;
use std::collections::BTreeMap;

const PLATFORM_SRE: &str = "bbbbbbbbbbbbbbbbbbbb0001";
const DATA_ENGINEERING: &str = "bbbbbbbbbbbbbbbbbbbb0002";

/// `GET …/users` with `query` added to what the console sends (its page).
fn users_call(emu: &Emulator, query: &[(&'static str, &str)]) -> Call {
    let mut call = Group(&emu.project.id).users();
    call.query
        .extend(query.iter().map(|(k, v)| (*k, v.to_string())));
    call
}

/// Every query parameter the test sends is one the spec's `listGroupUsers` takes.
fn check_parameters(call: &Call) {
    let op = &spec()["paths"]["/api/atlas/v2/groups/{groupId}/users"]["get"];
    let names: Vec<String> = op["parameters"]
        .as_array()
        .expect("parameters")
        .iter()
        .map(|p| match p.get("$ref").and_then(Value::as_str) {
            Some(r) => {
                let name = r.rsplit('/').next().unwrap_or_default();
                spec()["components"]["parameters"][name]["name"]
                    .as_str()
                    .unwrap_or(name)
                    .to_string()
            }
            None => p["name"].as_str().unwrap_or_default().to_string(),
        })
        .collect();
    for (k, _) in &call.query {
        assert!(
            names.iter().any(|n| n == k),
            "listGroupUsers takes no {k}: {names:?}"
        );
    }
}

fn list(emu: &mut Emulator, query: &[(&'static str, &str)]) -> Paginated<ProjectUser> {
    let call = users_call(emu, query);
    check_parameters(&call);
    let page: Paginated<ProjectUser> = read(emu, &call);
    let mut seen = std::collections::BTreeSet::new();
    for u in &page.results {
        assert!(seen.insert(u.username.clone()), "{} twice", u.username);
    }
    page
}

/// Username → roles (sorted), for comparing without caring about the order Atlas lists them in.
fn roles_by_user(page: &Paginated<ProjectUser>) -> BTreeMap<String, Vec<String>> {
    page.results
        .iter()
        .map(|u| {
            let mut roles = u.roles.clone();
            roles.sort();
            (u.username.clone(), roles)
        })
        .collect()
}

fn expected(rows: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
    rows.iter()
        .map(|(u, roles)| {
            let mut roles: Vec<String> = roles.iter().map(|r| r.to_string()).collect();
            roles.sort();
            (u.to_string(), roles)
        })
        .collect()
}

const DIRECT: &[(&str, &[&str])] = &[
    ("ada.admin@example.com", &["GROUP_OWNER"]),
    ("dana.dbadmin@example.com", &["GROUP_DATABASE_ACCESS_ADMIN"]),
    ("rory.readonly@example.com", &["GROUP_READ_ONLY"]),
    (
        "ines.indexer@example.com",
        &["GROUP_INDEX_MANAGER", "GROUP_CLUSTER_LOG_VIEWER"],
    ),
    ("amir.access@example.com", &["GROUP_ACCESS_MANAGER"]),
    (
        "sam.streams@example.com",
        &["GROUP_NEWER_ROLE_EXAMPLE", "GROUP_READ_ONLY"],
    ),
];
/// Sam is also in Platform SRE, which holds these in the project.
const SAM_WITH_TEAM: &[&str] = &[
    "GROUP_NEWER_ROLE_EXAMPLE",
    "GROUP_READ_ONLY",
    "GROUP_CLUSTER_MANAGER",
    "GROUP_CLUSTER_LOG_VIEWER",
];
const TESS: &str = "tess.team@example.com";
const TEAM_ROLES: &[&str] = &["GROUP_CLUSTER_MANAGER", "GROUP_CLUSTER_LOG_VIEWER"];
const OLGA: &str = "olga.orgowner@example.com";
const OSCAR: &str = "oscar.orgreadonly@example.com";
const NICO: &str = "nico.noaccess@example.com";

fn with(
    rows: &[(&'static str, &'static [&'static str])],
) -> Vec<(&'static str, &'static [&'static str])> {
    let mut all: Vec<(&str, &[&str])> = DIRECT.to_vec();
    for (u, roles) in rows {
        match all.iter_mut().find(|(name, _)| name == u) {
            Some(row) => row.1 = roles,
            None => all.push((u, roles)),
        }
    }
    all
}

#[test]
fn without_filters_only_users_with_a_role_of_their_own_are_listed() {
    let mut emu = emulator();
    let page = list(&mut emu, &[]);
    assert_eq!(roles_by_user(&page), expected(DIRECT));
    assert_eq!(page.total_count, Some(DIRECT.len() as u32));
    // `false` is the default of both flags (spec).
    let explicit = list(
        &mut emu,
        &[("flattenTeams", "false"), ("includeOrgUsers", "false")],
    );
    assert_eq!(explicit.results, page.results);
}

#[test]
fn flatten_teams_adds_the_members_of_the_project_s_teams_with_the_team_s_roles() {
    let mut emu = emulator();
    let page = list(&mut emu, &[("flattenTeams", "true")]);
    assert_eq!(
        roles_by_user(&page),
        expected(&with(&[
            ("sam.streams@example.com", SAM_WITH_TEAM),
            (TESS, TEAM_ROLES)
        ])),
        "Tess holds roles only through Platform SRE; Nico's team (Analytics) has none in the project; \
         organization owners are not team members"
    );
    let tess = page.results.iter().find(|u| u.username == TESS).unwrap();
    assert_eq!(tess.org_membership_status, "ACTIVE");
    assert_eq!(page.total_count, Some(DIRECT.len() as u32 + 1));
}

#[test]
fn a_team_s_roles_follow_the_project_s_teams() {
    let mut emu = emulator();
    let g = Group(&emu.project.id.clone());
    // Tess is in Data Engineering too: once it holds roles in the project she has both teams' roles,
    // each once (`roles` is `uniqueItems` in the spec).
    let _: Paginated<TeamRole> = read(
        &mut emu,
        &g.add_team(
            DATA_ENGINEERING,
            &[
                "GROUP_CLUSTER_LOG_VIEWER".to_string(),
                "GROUP_DATA_ACCESS_READ_ONLY".to_string(),
            ],
        ),
    );
    let page = list(&mut emu, &[("flattenTeams", "true"), ("username", TESS)]);
    assert_eq!(
        roles_by_user(&page),
        expected(&[(
            TESS,
            &[
                "GROUP_CLUSTER_MANAGER",
                "GROUP_CLUSTER_LOG_VIEWER",
                "GROUP_DATA_ACCESS_READ_ONLY"
            ]
        )])
    );
    // Without Platform SRE in the project, she holds only Data Engineering's.
    assert_eq!(send(&mut emu, &g.remove_team(PLATFORM_SRE)).status, 204);
    let page = list(&mut emu, &[("flattenTeams", "true"), ("username", TESS)]);
    assert_eq!(
        roles_by_user(&page),
        expected(&[(
            TESS,
            &["GROUP_CLUSTER_LOG_VIEWER", "GROUP_DATA_ACCESS_READ_ONLY"]
        )])
    );
    assert_eq!(send(&mut emu, &g.remove_team(DATA_ENGINEERING)).status, 204);
    let page = list(&mut emu, &[("flattenTeams", "true"), ("username", TESS)]);
    assert!(page.results.is_empty(), "{:?}", page.results);
}

#[test]
fn include_org_users_adds_organization_owners_and_read_only_members_without_project_roles() {
    let mut emu = emulator();
    let page = list(&mut emu, &[("includeOrgUsers", "true")]);
    // UNCONFIRMED what Atlas lists in their `roles`: none is the choice under which a portal that
    // trusts the answer grants nothing Atlas wouldn't (see the module's sources).
    assert_eq!(
        roles_by_user(&page),
        expected(&with(&[(OLGA, &[]), (OSCAR, &[])])),
        "team-only members and plain organization members are not included"
    );
    for u in page
        .results
        .iter()
        .filter(|u| [OLGA, OSCAR].contains(&u.username.as_str()))
    {
        assert_eq!(u.org_membership_status, "ACTIVE");
    }
}

#[test]
fn both_flags_list_everyone_with_access_and_nobody_else() {
    let mut emu = emulator();
    let page = list(
        &mut emu,
        &[("flattenTeams", "true"), ("includeOrgUsers", "true")],
    );
    assert_eq!(
        roles_by_user(&page),
        expected(&with(&[
            ("sam.streams@example.com", SAM_WITH_TEAM),
            (TESS, TEAM_ROLES),
            (OLGA, &[]),
            (OSCAR, &[]),
        ]))
    );
    assert!(!page.results.iter().any(|u| u.username == NICO));
}

#[test]
fn username_matches_one_email_exactly_under_every_combination_of_flags() {
    let mut emu = emulator();
    let flags: [&[(&'static str, &str)]; 4] = [
        &[],
        &[("flattenTeams", "true")],
        &[("includeOrgUsers", "true")],
        &[("flattenTeams", "true"), ("includeOrgUsers", "true")],
    ];
    // (username, roles with each combination of flags; None = not listed)
    let cases: [(&str, [Option<&[&str]>; 4]); 8] = [
        ("ada.admin@example.com", [Some(&["GROUP_OWNER"]); 4]),
        ("rory.readonly@example.com", [Some(&["GROUP_READ_ONLY"]); 4]),
        (
            "dana.dbadmin@example.com",
            [Some(&["GROUP_DATABASE_ACCESS_ADMIN"]); 4],
        ),
        (
            "amir.access@example.com",
            [Some(&["GROUP_ACCESS_MANAGER"]); 4],
        ),
        (TESS, [None, Some(TEAM_ROLES), None, Some(TEAM_ROLES)]),
        (OLGA, [None, None, Some(&[]), Some(&[])]),
        (OSCAR, [None, None, Some(&[]), Some(&[])]),
        (NICO, [None; 4]),
    ];
    for (username, by_flags) in cases {
        for (query, want) in flags.iter().zip(by_flags) {
            let mut q = query.to_vec();
            q.push(("username", username));
            let page = list(&mut emu, &q);
            let want = want
                .map(|roles| expected(&[(username, roles)]))
                .unwrap_or_default();
            assert_eq!(roles_by_user(&page), want, "{username} with {query:?}");
            assert_eq!(page.total_count, Some(want.len() as u32));
        }
    }
    // Exact: not a prefix, not another case, not someone else's address.
    for other in [
        "ada.admin",
        "ADA.ADMIN@example.com",
        "ada.admin@example.co",
        "nobody@example.com",
    ] {
        let page = list(
            &mut emu,
            &[
                ("username", other),
                ("flattenTeams", "true"),
                ("includeOrgUsers", "true"),
            ],
        );
        assert!(page.results.is_empty(), "{other}: {:?}", page.results);
    }
}

#[test]
fn pages_of_the_widest_list_hold_everyone_once() {
    let mut emu = emulator();
    let all = list(
        &mut emu,
        &[("flattenTeams", "true"), ("includeOrgUsers", "true")],
    );
    let total = all.results.len();
    assert!(total > 3, "{total}");
    let mut paged = Vec::new();
    for num in 1..=total.div_ceil(2) + 1 {
        let mut call = users_call(
            &emu,
            &[("flattenTeams", "true"), ("includeOrgUsers", "true")],
        );
        call.query
            .retain(|(k, _)| *k != "itemsPerPage" && *k != "pageNum");
        call.query.push(("itemsPerPage", "2".to_string()));
        call.query.push(("pageNum", num.to_string()));
        check_parameters(&call);
        let page: Paginated<ProjectUser> = read(&mut emu, &call);
        assert_eq!(page.total_count, Some(total as u32), "page {num}");
        assert!(page.results.len() <= 2);
        paged.extend(page.results);
    }
    assert_eq!(
        paged, all.results,
        "the pages, in order, are the whole list"
    );
}

#[test]
fn envelope_and_pretty_change_nothing_the_portal_reads() {
    let mut emu = emulator();
    let base = [
        ("flattenTeams", "true"),
        ("includeOrgUsers", "true"),
        ("username", TESS),
    ];
    let plain = list(&mut emu, &base);
    assert_eq!(plain.results.len(), 1);
    for extra in [
        [("envelope", "false"), ("pretty", "false")],
        [("envelope", "false"), ("pretty", "true")],
        [("envelope", "true"), ("pretty", "true")],
    ] {
        let mut q = base.to_vec();
        q.extend(extra);
        let page = list(&mut emu, &q);
        assert_eq!(page.results, plain.results, "{extra:?}");
    }
}

#[test]
fn the_emulated_organization_holds_the_people_a_portal_is_tried_with() {
    let emu = emulator();
    // The demo's principals are project users with their role of their own.
    for principal in domain::permissions::demo_principals() {
        let member = emu
            .project
            .members
            .iter()
            .find(|m| m.username == principal.name)
            .unwrap_or_else(|| panic!("{} is a project user", principal.name));
        assert_eq!(member.org_membership_status, "ACTIVE");
        for role in &principal.project_roles {
            assert!(member.roles.contains(role), "{}: {role}", principal.name);
        }
    }
    let in_project = |team: &String| emu.project.teams.iter().any(|t| &t.team_id == team);
    // (username, organization role, a project user?, on a team with roles in the project?)
    let people = [
        (OLGA, "ORG_OWNER", false, false),
        (OSCAR, "ORG_READ_ONLY", false, false),
        (TESS, "ORG_MEMBER", false, true),
        (NICO, "ORG_MEMBER", false, false),
        ("sam.streams@example.com", "ORG_MEMBER", true, true),
    ];
    for (username, org_role, member, on_project_team) in people {
        let person = emu.org.user(username).expect(username);
        assert_eq!(person.org_roles, [org_role], "{username}");
        assert_eq!(
            emu.project.members.iter().any(|m| m.username == username),
            member,
            "{username}"
        );
        assert_eq!(
            person.team_ids.iter().any(in_project),
            on_project_team,
            "{username}"
        );
        if let Some(m) = emu.project.members.iter().find(|m| m.username == username) {
            assert_eq!(m.id, person.id, "one person, one id");
        }
    }
    assert!(!emu.org.user(NICO).unwrap().team_ids.is_empty());
    // Every team anyone is on is one of the organization's teams.
    for person in &emu.org.users {
        for team in &person.team_ids {
            assert!(
                emu.project.org_teams.iter().any(|t| &t.id == team),
                "{}: {team}",
                person.username
            );
        }
    }
}

#[test]
fn adding_an_active_member_of_the_organization_to_the_project_needs_no_invitation() {
    let mut emu = emulator();
    let g = Group(&emu.project.id.clone());
    let tess_id = emu.org.user(TESS).unwrap().id.clone();
    let added: ProjectUser = read(
        &mut emu,
        &g.invite_user(&domain::model::InviteProjectUser {
            username: TESS.to_string(),
            roles: vec!["GROUP_READ_ONLY".to_string()],
        }),
    );
    assert_eq!(
        (added.id.as_str(), added.org_membership_status.as_str()),
        (tess_id.as_str(), "ACTIVE")
    );
    // Now with a role of her own, she is listed without flags; with them, she holds both.
    let page = list(&mut emu, &[("username", TESS)]);
    assert_eq!(
        roles_by_user(&page),
        expected(&[(TESS, &["GROUP_READ_ONLY"])])
    );
    let page = list(&mut emu, &[("username", TESS), ("flattenTeams", "true")]);
    assert_eq!(
        roles_by_user(&page),
        expected(&[(
            TESS,
            &[
                "GROUP_READ_ONLY",
                "GROUP_CLUSTER_MANAGER",
                "GROUP_CLUSTER_LOG_VIEWER"
            ]
        )])
    );
    // Someone the organization doesn't know is invited (pending), as before.
    let invited: ProjectUser = read(
        &mut emu,
        &g.invite_user(&domain::model::InviteProjectUser {
            username: "new.person@example.com".to_string(),
            roles: vec!["GROUP_READ_ONLY".to_string()],
        }),
    );
    assert_eq!(invited.org_membership_status, "PENDING");
}
