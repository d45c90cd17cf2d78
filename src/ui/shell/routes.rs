//! Every path of the console, as a const or a builder, so screens, the header and tests name a screen
//! instead of spelling its URL. Paths are written from `/`; `base::link` adds an embedding portal's base.
//! The route tree in `ui::app` matches them (its `path!` segments can't take consts: a unit test there
//! checks every path here reaches a route).

use domain::project_access::MemberKind;

/// A name as one URL path segment. Role names are `[A-Za-z0-9_-]` when valid, but usernames hold `@`, `/`,
/// `=`, `,` and spaces (ARNs, DNs, emails), and a stored role may hold anything: keep the URL intact.
pub fn url_segment(s: &str) -> String {
    domain::api::encode(s)
}

pub const DATABASE_ACCESS: &str = "/database-access";
pub const CUSTOM_ROLES: &str = "/database-access/custom-roles";
pub const NEW_ROLE: &str = "/database-access/custom-roles/new";
/// "Copy to projects…" (issue 30); `copy_roles` names the roles and the projects ticked at first.
pub const COPY_ROLES: &str = "/database-access/custom-roles/copy";
/// "Compare projects" (issue 30).
pub const COMPARE_ROLES: &str = "/database-access/custom-roles/compare";
pub const DATABASE_USERS: &str = "/database-access/users";
pub const NEW_USER: &str = "/database-access/users/new";

pub const PROJECT_ACCESS: &str = "/project-access";
pub const PROJECT_USERS: &str = "/project-access/users";
pub const TEAMS: &str = "/project-access/teams";
pub const API_KEYS: &str = "/project-access/api-keys";
pub const SERVICE_ACCOUNTS: &str = "/project-access/service-accounts";

pub const WHICH_ROLE: &str = "/which-role";
pub const WHO_CAN: &str = "/who-can";
pub const LEAST_PRIVILEGE: &str = "/least-privilege";
pub const ACTIVITY: &str = "/activity";

/// The custom roles tab is the console's home, as in Atlas.
pub const HOME: &str = CUSTOM_ROLES;

pub fn edit_role(name: &str) -> String {
    format!("{CUSTOM_ROLES}/{}/edit", url_segment(name))
}

/// The role editor starting from a copy of `name` (the list's "Duplicate").
pub fn new_role_from(name: &str) -> String {
    format!("{NEW_ROLE}?from={}", url_segment(name))
}

/// "Copy to projects…" for `names` (all roles when empty), with `to` ticked.
pub fn copy_roles(names: &[&str], to: Option<&str>) -> String {
    let mut pairs: Vec<String> = names
        .iter()
        .map(|n| format!("roles={}", url_segment(n)))
        .collect();
    pairs.extend(to.map(|id| format!("to={}", url_segment(id))));
    match pairs.is_empty() {
        true => COPY_ROLES.to_string(),
        false => format!("{COPY_ROLES}?{}", pairs.join("&")),
    }
}

pub fn edit_user(db: &str, username: &str) -> String {
    format!(
        "{DATABASE_USERS}/{}/{}/edit",
        url_segment(db),
        url_segment(username)
    )
}

/// The user list with the certificate dialog open for `username` (an Atlas-managed X.509 user).
pub fn certificate_for(username: &str) -> String {
    format!("{DATABASE_USERS}?certificate={}", url_segment(username))
}

/// The Project Access tab listing members of this kind.
pub fn member_list(kind: MemberKind) -> &'static str {
    match kind {
        MemberKind::User => PROJECT_USERS,
        MemberKind::Team => TEAMS,
        MemberKind::ApiKey => API_KEYS,
        MemberKind::ServiceAccount => SERVICE_ACCOUNTS,
    }
}

/// The dialog that adds a member of this kind.
pub fn add_member(kind: MemberKind) -> String {
    let verb = match kind {
        MemberKind::User => "invite",
        MemberKind::Team => "add",
        MemberKind::ApiKey | MemberKind::ServiceAccount => "new",
    };
    format!("{}/{verb}", member_list(kind))
}

/// The dialog that edits a member's project roles.
pub fn member_roles(kind: MemberKind, id: &str) -> String {
    format!("{}/{}/roles", member_list(kind), url_segment(id))
}

/// Which kind of member a Project Access path is about.
pub fn member_kind_of(path: &str) -> MemberKind {
    MemberKind::ALL
        .into_iter()
        .find(|k| path.starts_with(member_list(*k)))
        .unwrap_or(MemberKind::User)
}

/// The title of the screen at `path` (the console's own routes, under any base path).
pub fn page_title(path: &str) -> String {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let find = |name: &str| segments.iter().position(|s| *s == name);
    let after = |i: usize| segments.get(i + 1..).unwrap_or_default();
    let screen = if let Some(i) = find("database-access") {
        match after(i) {
            ["custom-roles", "new"] => "Add New Custom Role · Database Access",
            ["custom-roles", "copy"] => "Copy to Projects · Database Access",
            ["custom-roles", "compare"] => "Compare Projects · Database Access",
            ["custom-roles", _, "edit"] => "Edit Custom Role · Database Access",
            ["users", "new"] => "Add New Database User · Database Access",
            ["users", _, _, "edit"] => "Edit Database User · Database Access",
            ["users", ..] => "Database Users · Database Access",
            _ => "Custom Roles · Database Access",
        }
    } else if let Some(i) = find("project-access") {
        match after(i).first().copied() {
            Some("teams") => "Teams · Project Access",
            Some("api-keys") => "API Keys · Project Access",
            Some("service-accounts") => "Service Accounts · Project Access",
            _ => "Users · Project Access",
        }
    } else {
        match segments.last().copied() {
            Some("which-role") => "Which role do I need?",
            Some("who-can") => "Who can …?",
            Some("least-privilege") => "Least privilege",
            Some("activity") => "Activity Feed",
            _ => "Database Access",
        }
    };
    screen.to_string()
}

/// Every path above, builders with awkward names: the route tree's test checks each reaches a route.
#[cfg(test)]
pub(crate) fn every_path() -> Vec<String> {
    let odd = "CN=ana smith,OU=ops/eu@x.io";
    let mut all: Vec<String> = [
        HOME,
        DATABASE_ACCESS,
        CUSTOM_ROLES,
        NEW_ROLE,
        COPY_ROLES,
        COMPARE_ROLES,
        DATABASE_USERS,
        NEW_USER,
        PROJECT_ACCESS,
        WHICH_ROLE,
        WHO_CAN,
        LEAST_PRIVILEGE,
        ACTIVITY,
    ]
    .map(String::from)
    .to_vec();
    all.extend([
        edit_role(odd),
        new_role_from(odd),
        copy_roles(&[odd, "b"], Some(odd)),
        edit_user("$external", odd),
        certificate_for(odd),
    ]);
    for kind in MemberKind::ALL {
        all.extend([
            member_list(kind).to_string(),
            add_member(kind),
            member_roles(kind, odd),
        ]);
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::project_access::MemberKind;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn builders_keep_each_name_in_one_segment() {
        assert_eq!(
            edit_role("orders_reader"),
            "/database-access/custom-roles/orders_reader/edit"
        );
        assert_eq!(
            new_role_from("a b/c"),
            "/database-access/custom-roles/new?from=a%20b%2Fc"
        );
        assert_eq!(
            edit_user("$external", "CN=ana smith,OU=ops/eu@x.io"),
            "/database-access/users/%24external/CN%3Dana%20smith%2COU%3Dops%2Feu%40x.io/edit"
        );
        assert_eq!(
            certificate_for("ana@x.io"),
            "/database-access/users?certificate=ana%40x.io"
        );
        assert_eq!(
            member_roles(MemberKind::ApiKey, "a/b c"),
            "/project-access/api-keys/a%2Fb%20c/roles"
        );
        assert_eq!(
            member_roles(MemberKind::User, "ana@x.io"),
            "/project-access/users/ana%40x.io/roles"
        );
    }

    #[wasm_bindgen_test]
    fn each_member_kind_has_its_list_and_add_dialog() {
        let rows = [
            (
                MemberKind::User,
                PROJECT_USERS,
                "/project-access/users/invite",
            ),
            (MemberKind::Team, TEAMS, "/project-access/teams/add"),
            (MemberKind::ApiKey, API_KEYS, "/project-access/api-keys/new"),
            (
                MemberKind::ServiceAccount,
                SERVICE_ACCOUNTS,
                "/project-access/service-accounts/new",
            ),
        ];
        for (kind, list, add) in rows {
            assert_eq!(member_list(kind), list);
            assert_eq!(add_member(kind), add);
            assert_eq!(member_kind_of(&add_member(kind)), kind);
            assert_eq!(member_kind_of(&member_roles(kind, "x")), kind);
        }
        assert_eq!(member_kind_of(PROJECT_ACCESS), MemberKind::User);
    }

    #[wasm_bindgen_test]
    fn each_screen_has_its_title() {
        let rows = [
            (
                "/database-access/custom-roles",
                "Custom Roles · Database Access",
            ),
            (
                "/database-access/custom-roles/new",
                "Add New Custom Role · Database Access",
            ),
            (
                "/database-access/custom-roles/orders_reader/edit",
                "Edit Custom Role · Database Access",
            ),
            ("/database-access/users", "Database Users · Database Access"),
            (
                "/database-access/users/new",
                "Add New Database User · Database Access",
            ),
            (
                "/database-access/users/admin/analyst/edit",
                "Edit Database User · Database Access",
            ),
            ("/project-access/api-keys", "API Keys · Project Access"),
            (
                "/project-access/service-accounts/new",
                "Service Accounts · Project Access",
            ),
            (
                "/portal/db-access/project-access/teams",
                "Teams · Project Access",
            ),
            ("/which-role", "Which role do I need?"),
            ("/activity", "Activity Feed"),
            ("/", "Database Access"),
        ];
        for (path, title) in rows {
            assert_eq!(page_title(path), title, "{path}");
        }
    }
}
