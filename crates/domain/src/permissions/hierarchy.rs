//! Which Atlas roles meet a requirement the Admin API states per operation (`x-rolesRequirements` in the
//! OpenAPI document names the least role an operation needs, e.g. "Project Access Manager"). Stated once
//! here; `crates/domain/tests/facts_project_roles.rs` checks every row against its source.
//!
//! Sources: `mongodb/docs` `content/atlas/source/reference/user-roles.txt` (Organization Owner has "Project
//! Owner access to all projects in the organization"; every project role "also grants all the privileges
//! included with the Project Read Only role"; Organization Read Only has "read-only access to the settings,
//! users, and projects in the organization"), and the live user-roles page for the newer roles (reference
//! §6.1: Organization Stream Processing Admin has "Project Stream Processing Owner privileges on all
//! projects" and Organization Read Only's).

/// A role named in `x-rolesRequirements`: the operation is allowed to anyone holding a role that meets it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Requirement {
    OrganizationOwner,
    ProjectOwner,
    ProjectAccessManager,
    ProjectDatabaseAccessAdmin,
    ProjectStreamProcessingOwner,
    ProjectReadOnly,
}

/// `(requirement, its name in the spec, the roles that meet it besides Organization Owner and Project
/// Owner)`. Organization Owner meets everything (Project Owner on every project, plus the organization);
/// Project Owner meets every project requirement.
const MET_BY: [(Requirement, &str, &[&str]); 6] = [
    (Requirement::OrganizationOwner, "Organization Owner", &[]),
    (Requirement::ProjectOwner, "Project Owner", &[]),
    (
        Requirement::ProjectAccessManager,
        "Project Access Manager",
        &["GROUP_ACCESS_MANAGER"],
    ),
    (
        Requirement::ProjectDatabaseAccessAdmin,
        "Project Database Access Admin",
        &["GROUP_DATABASE_ACCESS_ADMIN"],
    ),
    (
        Requirement::ProjectStreamProcessingOwner,
        "Project Stream Processing Owner",
        &[
            "GROUP_STREAM_PROCESSING_OWNER",
            "ORG_STREAM_PROCESSING_ADMIN",
        ],
    ),
    // Plus every project role, known to the console or not (see `met_by`).
    (
        Requirement::ProjectReadOnly,
        "Project Read Only",
        &["ORG_READ_ONLY", "ORG_STREAM_PROCESSING_ADMIN"],
    ),
];

impl Requirement {
    pub const ALL: [Requirement; 6] = [
        Requirement::OrganizationOwner,
        Requirement::ProjectOwner,
        Requirement::ProjectAccessManager,
        Requirement::ProjectDatabaseAccessAdmin,
        Requirement::ProjectStreamProcessingOwner,
        Requirement::ProjectReadOnly,
    ];

    fn row(self) -> &'static (Requirement, &'static str, &'static [&'static str]) {
        MET_BY
            .iter()
            .find(|(r, _, _)| *r == self)
            .expect("every requirement has a row")
    }

    /// As `x-rolesRequirements` spells it ("Project Access Manager").
    pub fn spec_name(self) -> &'static str {
        self.row().1
    }

    pub fn from_spec_name(name: &str) -> Option<Requirement> {
        MET_BY
            .iter()
            .find(|(_, n, _)| *n == name)
            .map(|(r, _, _)| *r)
    }

    /// Whether holding `role` (an organization role `ORG_…` or a project role `GROUP_…`, API spelling)
    /// meets this requirement.
    pub fn met_by(self, role: &str) -> bool {
        match (self, role) {
            (_, "ORG_OWNER") => true,
            (Requirement::OrganizationOwner, _) => false,
            (_, "GROUP_OWNER") => true,
            // "All the project roles also grant all the privileges included with the Project Read Only
            // role", including ones this console doesn't know yet.
            (Requirement::ProjectReadOnly, r) if r.starts_with("GROUP_") => true,
            (_, r) => self.row().2.contains(&r),
        }
    }

    /// Whether any of `roles` meets it.
    pub fn met_by_any<S: AsRef<str>>(self, roles: &[S]) -> bool {
        roles.iter().any(|r| self.met_by(r.as_ref()))
    }
}
