//! The organization around the emulated project, as Atlas models it: Atlas users with organization
//! roles, and the organization's teams with their members. The project's own users (`Project::members`,
//! each with the roles assigned to them in the project) and which teams hold which roles in the project
//! (`Project::teams`) stay in `domain::project`; this adds only what lives at organization level, so
//! `listGroupUsers`'s `flattenTeams` and `includeOrgUsers` can be answered.
//!
//! Sources (`spec` = `../shared/atlas-openapi-subset.yaml`):
//! - A team's project roles are its members' roles: "grant project access roles to users in the team.
//!   All members of the team share the same project access" (spec, `updateTeamRoles`); teams list member
//!   `usernames` (`atlas-recordings/atlasteams/TestAtlasTeams/Create`).
//! - Organization Owner and Organization Read Only reach every project of the organization without a
//!   project role; Organization Member reaches only the projects they were added to
//!   (<https://www.mongodb.com/docs/atlas/reference/user-roles/>). A project's users are members of its
//!   organization (`atlas-recordings/atlasteams/TestAtlasTeams/Create/GET_…_orgs_…_users_1`: `orgRoles`
//!   beside `groupRoleAssignments`).
use crate::Request;
use domain::model::ProjectUser;
use domain::project::Project;

/// An Atlas user of the organization that the project's user list alone doesn't describe: someone with
/// an organization role other than Organization Member, on a team, or outside the project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrgUser {
    /// The same id as in `Project::members` when they are a project user too.
    pub id: String,
    pub username: String,
    /// `ORG_OWNER`, `ORG_READ_ONLY`, `ORG_MEMBER`, …
    pub org_roles: Vec<String>,
    /// Teams of the organization they belong to (`Project::org_teams` ids).
    pub team_ids: Vec<String>,
}

/// The organization's people beyond the project's own users. A project user not listed here is an
/// Organization Member on no team.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Organization {
    pub users: Vec<OrgUser>,
}

/// The organization roles that reach a project without a project role (spec, `listGroupUsers`'s
/// `includeOrgUsers`: "the Organization Owner or Organization Read Only role").
pub const IMPLICIT_PROJECT_ACCESS: [&str; 2] = ["ORG_OWNER", "ORG_READ_ONLY"];

impl Organization {
    /// The standard demo project's organization (team ids from `domain::demo`'s `org_teams`: Platform
    /// SRE holds roles in the project, Data Engineering and Analytics don't).
    pub fn demo() -> Organization {
        let user = |id: &str, username: &str, org_role: &str, teams: &[&str]| OrgUser {
            id: id.to_string(),
            username: username.to_string(),
            org_roles: vec![org_role.to_string()],
            team_ids: teams.iter().map(|t| t.to_string()).collect(),
        };
        const PLATFORM_SRE: &str = "bbbbbbbbbbbbbbbbbbbb0001";
        const DATA_ENGINEERING: &str = "bbbbbbbbbbbbbbbbbbbb0002";
        const ANALYTICS: &str = "bbbbbbbbbbbbbbbbbbbb0004";
        Organization {
            users: vec![
                // A project user who is on a team as well.
                user(
                    "aaaaaaaaaaaaaaaaaaaa0006",
                    "sam.streams@example.com",
                    "ORG_MEMBER",
                    &[PLATFORM_SRE],
                ),
                // Holds project roles only through teams.
                user(
                    "aaaaaaaaaaaaaaaaaaaa0101",
                    "tess.team@example.com",
                    "ORG_MEMBER",
                    &[PLATFORM_SRE, DATA_ENGINEERING],
                ),
                user(
                    "aaaaaaaaaaaaaaaaaaaa0102",
                    "olga.orgowner@example.com",
                    "ORG_OWNER",
                    &[],
                ),
                user(
                    "aaaaaaaaaaaaaaaaaaaa0103",
                    "oscar.orgreadonly@example.com",
                    "ORG_READ_ONLY",
                    &[],
                ),
                // In the organization, on a team with no role in the project: no access to it.
                user(
                    "aaaaaaaaaaaaaaaaaaaa0104",
                    "nico.noaccess@example.com",
                    "ORG_MEMBER",
                    &[ANALYTICS],
                ),
            ],
        }
    }

    pub fn user(&self, username: &str) -> Option<&OrgUser> {
        self.users.iter().find(|u| u.username == username)
    }

    /// The roles `username` holds in `p` through the project's teams, each once, in the project's team
    /// order.
    pub fn team_roles(&self, p: &Project, username: &str) -> Vec<String> {
        let Some(user) = self.user(username) else {
            return Vec::new();
        };
        let mut roles: Vec<String> = Vec::new();
        for team in p
            .teams
            .iter()
            .filter(|t| user.team_ids.contains(&t.team_id))
        {
            for role in &team.role_names {
                if !roles.contains(role) {
                    roles.push(role.clone());
                }
            }
        }
        roles
    }

    fn implicit_access(&self, username: &str) -> bool {
        self.user(username).is_some_and(|u| {
            u.org_roles
                .iter()
                .any(|r| IMPLICIT_PROJECT_ACCESS.contains(&r.as_str()))
        })
    }
}

/// `listGroupUsers`'s filters (spec). Other parameters (`envelope`, `pretty`, `includeCount`,
/// `orgMembershipStatus(es)`) are not modelled and change nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UsersQuery {
    /// "Email address to filter users by": matched exactly, case included. Whether Atlas ignores case
    /// is UNCONFIRMED; matching exactly can only list fewer people, never someone else.
    pub username: Option<String>,
    pub flatten_teams: bool,
    pub include_org_users: bool,
}

impl UsersQuery {
    /// Booleans are `true` in any case, anything else `false` (their default in the spec).
    pub fn from_request(req: &Request) -> UsersQuery {
        let flag = |name: &str| {
            req.query(name)
                .is_some_and(|v| v.eq_ignore_ascii_case("true"))
        };
        UsersQuery {
            username: req.query("username").map(str::to_string),
            flatten_teams: flag("flattenTeams"),
            include_org_users: flag("includeOrgUsers"),
        }
    }
}

/// The project's users as `listGroupUsers` lists them: users with roles assigned in the project (their
/// own roles, plus their teams' with `flattenTeams`); with `flattenTeams` also members of the project's
/// teams, holding their teams' roles; with `includeOrgUsers` also Organization Owners and Read Only,
/// holding no project roles. Each person once; then `username` keeps only that address.
///
/// UNCONFIRMED what Atlas lists in `roles` for the last two. Chosen: a team member has the team's roles,
/// which Atlas does grant them (spec, `updateTeamRoles`); an organization user included only by
/// `includeOrgUsers` has none (`roles` is "project-level roles assigned", and the user-roles page says
/// their access "is inherited from the Atlas Organization Owner role, so users with this role are not
/// listed on the project access list"). Neither ORG_OWNER nor GROUP_OWNER is made up for them, so a
/// portal that grants by `roles` never grants more than Atlas does.
pub fn project_users(p: &Project, org: &Organization, q: &UsersQuery) -> Vec<ProjectUser> {
    let mut listed: Vec<ProjectUser> = p
        .members
        .iter()
        .map(|m| {
            let mut user = m.clone();
            if q.flatten_teams {
                for role in org.team_roles(p, &m.username) {
                    if !user.roles.contains(&role) {
                        user.roles.push(role);
                    }
                }
            }
            user
        })
        .collect();
    for o in &org.users {
        if listed.iter().any(|u| u.username == o.username) {
            continue;
        }
        let team_roles = if q.flatten_teams {
            org.team_roles(p, &o.username)
        } else {
            Vec::new()
        };
        let implicit = q.include_org_users && org.implicit_access(&o.username);
        if !team_roles.is_empty() || implicit {
            listed.push(ProjectUser {
                id: o.id.clone(),
                username: o.username.clone(),
                org_membership_status: "ACTIVE".to_string(),
                roles: team_roles,
            });
        }
    }
    if let Some(username) = &q.username {
        listed.retain(|u| &u.username == username);
    }
    listed
}
