//! Project Access over HTTP: the members of every kind (teams named by the organization's list) and
//! changing a member's project roles in the calls each kind takes.
use super::HttpBackend;
use crate::backend::ApiResult;
use domain::api;
use domain::model::{ApiKey, Paginated, ProjectUser, ServiceAccount, TeamRole};
use domain::project_access::{Member, MemberKind, OrgTeam};

impl HttpBackend {
    pub(super) async fn members(&self) -> ApiResult<Vec<Member>> {
        let users: Vec<ProjectUser> = self.list(self.g().users()).await?;
        let teams: Vec<TeamRole> = self.list(self.g().teams()).await?;
        let keys: Vec<ApiKey> = self.list(self.g().api_keys()).await?;
        let accounts: Vec<ServiceAccount> = self.list(self.g().service_accounts()).await?;
        // Team names live in the organization; a proxy may not expose it, then ids are shown.
        let fetched = self.org_teams.borrow_mut().take();
        let names = match fetched {
            Some(teams) => teams,
            None => self.org_teams().await,
        }
        .unwrap_or_default();
        let name = |id: &str| names.iter().find(|t| t.id == id).map(|t| t.name.as_str());
        Ok(users
            .iter()
            .map(Member::user)
            .chain(teams.iter().map(|t| Member::team(t, name(&t.team_id))))
            .chain(keys.iter().map(|k| Member::api_key(k, &self.group)))
            .chain(accounts.iter().map(Member::service_account))
            .collect())
    }

    pub(super) async fn org_teams(&self) -> ApiResult<Vec<OrgTeam>> {
        let org = self.org_id().await?;
        self.list(api::org_teams(&org)).await
    }

    pub(super) async fn set_roles(
        &self,
        kind: MemberKind,
        id: String,
        roles: Vec<String>,
    ) -> ApiResult<Member> {
        let g = self.g();
        match kind {
            MemberKind::User => {
                // One role at a time with :addRole/:removeRole (what Project Access Manager may call;
                // the PUT of the whole list is deprecated and Project Owner's). Adding first, as the
                // spec asks, so the user never has no role in between.
                let users: Vec<ProjectUser> = self.list(g.users()).await?;
                let held = users
                    .iter()
                    .find(|u| u.id == id)
                    .map(|u| u.roles.clone())
                    .unwrap_or_default();
                let mut user = users.into_iter().find(|u| u.id == id);
                for role in roles.iter().filter(|r| !held.contains(r)) {
                    user = Some(self.write(g.add_user_role(&id, role)).await?);
                }
                for role in held.iter().filter(|r| !roles.contains(r)) {
                    user = Some(self.write(g.remove_user_role(&id, role)).await?);
                }
                Ok(user.map(|u| Member::user(&u)).unwrap_or(Member {
                    kind,
                    id,
                    name: String::new(),
                    detail: String::new(),
                    roles,
                }))
            }
            MemberKind::Team => {
                let teams: Paginated<TeamRole> = self.write(g.set_team_roles(&id, &roles)).await?;
                let team = teams.results.iter().find(|t| t.team_id == id);
                Ok(Member::team(
                    team.unwrap_or(&TeamRole {
                        team_id: id.clone(),
                        role_names: roles,
                    }),
                    None,
                ))
            }
            MemberKind::ApiKey => {
                let key: ApiKey = self.write(g.set_api_key_roles(&id, &roles)).await?;
                Ok(Member::api_key(&key, &self.group))
            }
            MemberKind::ServiceAccount => {
                let account: ServiceAccount =
                    self.write(g.set_service_account_roles(&id, &roles)).await?;
                Ok(Member::service_account(&account))
            }
        }
    }
}
