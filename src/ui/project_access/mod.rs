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

/// The Atlas wording of the button that adds a member of this kind.
/// Whether adding a member of this kind creates a credential that lives on outside the portal
/// (`domain::portal::mints_credentials`): an API key's private key, a service account's secret.
pub fn mints_credentials(kind: MemberKind) -> bool {
    matches!(kind, MemberKind::ApiKey | MemberKind::ServiceAccount)
}

pub fn add_label(kind: MemberKind) -> &'static str {
    match kind {
        MemberKind::User => "Invite to Project",
        MemberKind::Team => "Add Team",
        MemberKind::ApiKey => "Create API Key",
        MemberKind::ServiceAccount => "Create Service Account",
    }
}
