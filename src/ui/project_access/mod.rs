//! Project Access: Atlas users, teams, API keys and service accounts holding project roles, with the
//! shared project-role picker, the routed dialogs, and the "Which role do I need?" guide.
mod credentials;
mod form;
mod guide;
mod list;
mod member_dialogs;
mod picker;

pub use credentials::{CreateApiKeyDialog, CreateServiceAccountDialog};
pub use guide::WhichRolePage;
pub use list::ProjectAccessPage;
pub use list::{ApiKeysTab, ServiceAccountsTab, TeamsTab, UsersTab};
pub use member_dialogs::{AddTeamDialog, EditRolesDialog, InviteDialog};

use domain::project_access::MemberKind;

pub const USERS_PATH: &str = "/project-access/users";
pub const TEAMS_PATH: &str = "/project-access/teams";
pub const API_KEYS_PATH: &str = "/project-access/api-keys";
pub const SERVICE_ACCOUNTS_PATH: &str = "/project-access/service-accounts";
pub const GUIDE_PATH: &str = "/which-role";

pub fn list_path(kind: MemberKind) -> &'static str {
    match kind {
        MemberKind::User => USERS_PATH,
        MemberKind::Team => TEAMS_PATH,
        MemberKind::ApiKey => API_KEYS_PATH,
        MemberKind::ServiceAccount => SERVICE_ACCOUNTS_PATH,
    }
}

/// The route of the dialog that adds a member of this kind.
pub fn add_path(kind: MemberKind) -> String {
    let verb = match kind {
        MemberKind::User => "invite",
        MemberKind::Team => "add",
        MemberKind::ApiKey | MemberKind::ServiceAccount => "new",
    };
    format!("{}/{verb}", list_path(kind))
}

/// The Atlas wording of the button that adds a member of this kind.
pub fn add_label(kind: MemberKind) -> &'static str {
    match kind {
        MemberKind::User => "Invite to Project",
        MemberKind::Team => "Add Team",
        MemberKind::ApiKey => "Create API Key",
        MemberKind::ServiceAccount => "Create Service Account",
    }
}

pub fn roles_path(kind: MemberKind, id: &str) -> String {
    format!("{}/{}/roles", list_path(kind), crate::ui::url_segment(id))
}

/// Which kind of member a Project Access URL is about.
pub fn kind_of_path(path: &str) -> MemberKind {
    MemberKind::ALL
        .into_iter()
        .find(|k| path.starts_with(list_path(*k)))
        .unwrap_or(MemberKind::User)
}
