//! Every call of one project (`groupId`), and the organization's teams: method, path, version, body.
use super::{
    encode, Call, Method, PREFIX, V2023_01_01, V2023_02_01, V2024_08_05, V2024_11_13, V2025_02_19,
};
use crate::model::{
    CreateProjectApiKey, CreateServiceAccount, CustomDbRole, DatabaseUser, InviteProjectUser,
    UpdateCustomDbRole,
};
use serde_json::json;

/// The calls of one project (`groupId`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group<'a>(pub &'a str);

impl Group<'_> {
    fn path(&self, rest: &str) -> String {
        format!("{PREFIX}/groups/{}{rest}", encode(self.0))
    }

    fn call(&self, method: Method, rest: &str) -> Call {
        Call::new(method, self.path(rest), V2023_01_01)
    }

    pub fn get(&self) -> Call {
        self.call(Method::Get, "")
    }

    /// `listGroupClusters` in 2024-08-05, its version without `x-sunset` (2023-01-01 and 2023-02-01 end
    /// on 2027-07-01). It lists Flex clusters made with Create Cluster only until January 2026.
    pub fn clusters(&self) -> Call {
        Call::new(Method::Get, self.path("/clusters"), V2024_08_05).page(1)
    }

    /// `listGroupFlexClusters`: every Flex cluster of the project ("Please use the List Flex Clusters
    /// endpoint for Flex clusters instead", listGroupClusters).
    pub fn flex_clusters(&self) -> Call {
        Call::new(Method::Get, self.path("/flexClusters"), V2024_11_13).page(1)
    }

    pub fn limit(&self, name: &str) -> Call {
        self.call(Method::Get, &format!("/limits/{}", encode(name)))
    }

    /// `setGroupLimit`. The body names the limit too (`name` is required in `DataFederationLimit`, and
    /// the Go SDK sends it).
    pub fn set_limit(&self, name: &str, value: i64) -> Call {
        self.call(Method::Patch, &format!("/limits/{}", encode(name)))
            .with_body(&json!({ "name": name, "value": value }))
    }

    /// Not paginated: Atlas answers with the whole array.
    pub fn custom_roles(&self) -> Call {
        self.call(Method::Get, "/customDBRoles/roles")
    }

    pub fn custom_role(&self, name: &str) -> Call {
        self.call(Method::Get, &role_path(name))
    }

    pub fn create_custom_role(&self, role: &CustomDbRole) -> Call {
        self.call(Method::Post, "/customDBRoles/roles")
            .with_body(role)
    }

    pub fn update_custom_role(&self, name: &str, update: &UpdateCustomDbRole) -> Call {
        self.call(Method::Patch, &role_path(name)).with_body(update)
    }

    pub fn delete_custom_role(&self, name: &str) -> Call {
        self.call(Method::Delete, &role_path(name))
    }

    pub fn database_users(&self) -> Call {
        self.call(Method::Get, "/databaseUsers").page(1)
    }

    /// `getGroupDatabaseUser`: one user as stored now (re-read before an update, to catch someone else's
    /// change).
    pub fn database_user(&self, db: &str, username: &str) -> Call {
        self.call(Method::Get, &user_path(db, username))
    }

    /// The body names the project too (`groupId` is required by the contract).
    pub fn create_database_user(&self, user: &DatabaseUser) -> Call {
        self.call(Method::Post, "/databaseUsers")
            .with_body(&self.owned(user))
    }

    /// `PATCH`: Atlas changes only the fields present, so the body always carries `scopes` and `labels`
    /// (`[]` clears them), `description` when the user has one or it is being removed (`""`), and never a
    /// `password` or `deleteAfterDate` that isn't set (absent keeps the current one). `username`,
    /// `databaseName`, `groupId` and `roles` are required by the contract (`CloudDatabaseUser`).
    pub fn update_database_user(&self, db: &str, username: &str, user: &DatabaseUser) -> Call {
        self.call(Method::Patch, &user_path(db, username))
            .with_body(&self.owned(user))
    }

    fn owned(&self, user: &DatabaseUser) -> DatabaseUser {
        DatabaseUser {
            group_id: Some(self.0.to_string()),
            ..user.clone()
        }
    }

    pub fn delete_database_user(&self, db: &str, username: &str) -> Call {
        self.call(Method::Delete, &user_path(db, username))
    }

    /// The project's federated database instances (Atlas's `listFederatedDatabases`, a plain array),
    /// offered as `DATA_LAKE` user scopes. Outside the contract subset: a failure is tolerated.
    pub fn federated_databases(&self) -> Call {
        self.call(Method::Get, "/dataFederation")
    }

    /// The project's stream processing workspaces (paginated), offered as `STREAM` user scopes. Outside
    /// the contract subset: a failure is tolerated.
    pub fn stream_workspaces(&self) -> Call {
        let mut c = self.call(Method::Get, "/streams").page(1);
        c.version = V2023_02_01;
        c
    }

    /// `createGroupDatabaseUserCert`: Atlas answers with the PEM text (certificate and private key).
    pub fn create_user_certificate(&self, username: &str, months: u32) -> Call {
        self.call(
            Method::Post,
            &format!("/databaseUsers/{}/certs", encode(username)),
        )
        .with_body(&json!({ "monthsUntilExpiration": months }))
    }

    pub fn events(&self) -> Call {
        self.call(Method::Get, "/events").page(1)
    }

    /// Atlas users of the project, with roles and membership status (the 2025-02-19 shape).
    pub fn users(&self) -> Call {
        let mut c = self.call(Method::Get, "/users").page(1);
        c.version = V2025_02_19;
        c
    }

    pub fn invite_user(&self, invite: &InviteProjectUser) -> Call {
        let mut c = self.call(Method::Post, "/users").with_body(invite);
        c.version = V2025_02_19;
        c
    }

    /// Gives a project user one more role (`POST …/users/{userId}:addRole`). The console changes a
    /// user's roles with this and `remove_user_role` (Project Access Manager may call them), not with the
    /// deprecated `PUT …/users/{userId}/roles`, which the spec reserves for Project Owner.
    pub fn add_user_role(&self, user_id: &str, role: &str) -> Call {
        self.user_role_call(user_id, "addRole", role)
    }

    /// Takes one role from a project user (`POST …/users/{userId}:removeRole`); "a user must have at
    /// least one role at all times", so roles are added before others are removed.
    pub fn remove_user_role(&self, user_id: &str, role: &str) -> Call {
        self.user_role_call(user_id, "removeRole", role)
    }

    fn user_role_call(&self, user_id: &str, verb: &str, role: &str) -> Call {
        let mut c = self
            .call(Method::Post, &format!("/users/{}:{verb}", encode(user_id)))
            .with_body(&json!({ "groupRole": role }));
        c.version = V2025_02_19;
        c
    }

    pub fn remove_user(&self, user_id: &str) -> Call {
        self.call(Method::Delete, &format!("/users/{}", encode(user_id)))
    }

    pub fn teams(&self) -> Call {
        self.call(Method::Get, "/teams").page(1)
    }

    pub fn add_team(&self, team_id: &str, roles: &[String]) -> Call {
        self.call(Method::Post, "/teams")
            .with_body(&json!([{ "teamId": team_id, "roleNames": roles }]))
    }

    pub fn set_team_roles(&self, team_id: &str, roles: &[String]) -> Call {
        self.call(Method::Patch, &format!("/teams/{}", encode(team_id)))
            .with_body(&json!({ "teamId": team_id, "roleNames": roles }))
    }

    pub fn remove_team(&self, team_id: &str) -> Call {
        self.call(Method::Delete, &format!("/teams/{}", encode(team_id)))
    }

    pub fn api_keys(&self) -> Call {
        self.call(Method::Get, "/apiKeys").page(1)
    }

    pub fn create_api_key(&self, key: &CreateProjectApiKey) -> Call {
        self.call(Method::Post, "/apiKeys").with_body(key)
    }

    pub fn set_api_key_roles(&self, id: &str, roles: &[String]) -> Call {
        self.call(Method::Patch, &format!("/apiKeys/{}", encode(id)))
            .with_body(&json!({ "roles": roles }))
    }

    pub fn remove_api_key(&self, id: &str) -> Call {
        self.call(Method::Delete, &format!("/apiKeys/{}", encode(id)))
    }

    pub fn service_accounts(&self) -> Call {
        let mut c = self.call(Method::Get, "/serviceAccounts").page(1);
        c.version = V2024_08_05;
        c
    }

    pub fn create_service_account(&self, account: &CreateServiceAccount) -> Call {
        let mut c = self
            .call(Method::Post, "/serviceAccounts")
            .with_body(account);
        c.version = V2024_08_05;
        c
    }

    pub fn set_service_account_roles(&self, client_id: &str, roles: &[String]) -> Call {
        let mut c = self
            .call(
                Method::Patch,
                &format!("/serviceAccounts/{}", encode(client_id)),
            )
            .with_body(&json!({ "roles": roles }));
        c.version = V2024_08_05;
        c
    }

    pub fn remove_service_account(&self, client_id: &str) -> Call {
        let mut c = self.call(
            Method::Delete,
            &format!("/serviceAccounts/{}", encode(client_id)),
        );
        c.version = V2024_08_05;
        c
    }
}

/// The organization's teams, for "Add Team". This endpoint is outside the contract subset we were given
/// (`atlas-openapi-subset.yaml` has no organization paths); it is Atlas's `listOrgTeams`, version 2023-01-01.
pub fn org_teams(org_id: &str) -> Call {
    Call::new(
        Method::Get,
        format!("{PREFIX}/orgs/{}/teams", encode(org_id)),
        V2023_01_01,
    )
    .page(1)
}

fn role_path(name: &str) -> String {
    format!("/customDBRoles/roles/{}", encode(name))
}

fn user_path(db: &str, username: &str) -> String {
    format!("/databaseUsers/{}/{}", encode(db), encode(username))
}
