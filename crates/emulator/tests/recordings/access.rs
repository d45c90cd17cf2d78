//! Project access: the emulator answers what the console sends about members as Atlas did.
use super::classify::*;
use super::harness::*;
use atlas_emulator::ORG_ID;
use domain::model::{ApiKey, Paginated, ProjectUser, TeamRole};
use domain::project_access::OrgTeam;
use serde_json::{json, Value};

#[test]
fn the_emulator_answers_project_access_requests_as_atlas_does() {
    let mut checked = 0;
    for r in recordings().iter().filter(|r| {
        r.name.starts_with("atlasprojectapikeys/")
            || r.name.starts_with("atlasprojectteams/")
            || r.name.starts_with("atlasteams/")
            || r.name.starts_with("atlasusers/")
            || r.name.starts_with("atlasprojects/")
    }) {
        let kind = classify(r);
        if matches!(kind, Read::NotSent(_)) {
            continue;
        }
        let group = group_of(r);
        let mut emu = empty_project(if group.is_empty() {
            "b0123456789abcdef012345b"
        } else {
            &group
        });
        let recorded: Value = if r.body.is_empty() {
            Value::Null
        } else {
            body_of(r)
        };
        let got = match kind {
            Read::ApiKeyList => {
                let keys: Paginated<ApiKey> = serde_json::from_value(recorded).unwrap();
                emu.project.api_keys = keys.results;
                send(
                    &mut emu,
                    "GET",
                    &path_for(&group, &["apiKeys"]),
                    "2023-01-01",
                    None,
                )
            }
            Read::ApiKey if r.method == "POST" => {
                let key: ApiKey = serde_json::from_value(recorded).unwrap();
                let roles: Vec<&str> = key
                    .roles
                    .iter()
                    .filter(|a| a.group_id.as_deref() == Some(group.as_str()))
                    .map(|a| a.role_name.as_str())
                    .collect();
                let body = json!({ "desc": key.desc, "roles": roles });
                send(
                    &mut emu,
                    "POST",
                    &path_for(&group, &["apiKeys"]),
                    "2023-01-01",
                    Some(body),
                )
            }
            Read::ApiKey | Read::Empty if r.name.starts_with("atlasprojectapikeys/") => {
                let id = tail(r, "apiKeys_").to_string();
                let key: ApiKey = if recorded.is_null() {
                    ApiKey {
                        id: id.clone(),
                        desc: "e2e-test".into(),
                        public_key: "flezioeg".into(),
                        private_key: None,
                        roles: vec![domain::model::RoleAssignment {
                            group_id: Some(group.clone()),
                            org_id: None,
                            role_name: "GROUP_READ_ONLY".into(),
                        }],
                    }
                } else {
                    serde_json::from_value(recorded.clone()).unwrap()
                };
                emu.project.api_keys = vec![key.clone()];
                let body = (r.method == "PATCH").then(|| {
                    let roles: Vec<&str> = key
                        .roles
                        .iter()
                        .filter(|a| a.group_id.as_deref() == Some(group.as_str()))
                        .map(|a| a.role_name.as_str())
                        .collect();
                    json!({ "roles": roles })
                });
                send(
                    &mut emu,
                    &r.method,
                    &path_for(&group, &["apiKeys", &id]),
                    "2023-01-01",
                    body,
                )
            }
            Read::ProjectUsers => {
                // Atlas's project users replace the demo's (they include Project Owners).
                let users: Paginated<ProjectUser> = serde_json::from_value(recorded).unwrap();
                emu.project.members = users.results;
                send(
                    &mut emu,
                    "GET",
                    &path_for(&group, &["users"]),
                    "2025-02-19",
                    None,
                )
            }
            Read::Teams => {
                let teams: Paginated<TeamRole> = serde_json::from_value(recorded).unwrap();
                let team = teams.results[0].team_id.clone();
                emu.project.org_teams = vec![OrgTeam {
                    id: team.clone(),
                    name: "teams643".into(),
                }];
                match r.method.as_str() {
                    "GET" => {
                        emu.project.teams = teams.results;
                        send(
                            &mut emu,
                            "GET",
                            &path_for(&group, &["teams"]),
                            "2023-01-01",
                            None,
                        )
                    }
                    "POST" => {
                        let body =
                            json!([{ "teamId": team, "roleNames": teams.results[0].role_names }]);
                        send(
                            &mut emu,
                            "POST",
                            &path_for(&group, &["teams"]),
                            "2023-01-01",
                            Some(body),
                        )
                    }
                    _ => {
                        emu.project.teams = vec![TeamRole {
                            team_id: team.clone(),
                            role_names: vec!["GROUP_READ_ONLY".into()],
                        }];
                        let body = json!({ "roleNames": teams.results[0].role_names });
                        send(
                            &mut emu,
                            "PATCH",
                            &path_for(&group, &["teams", &team]),
                            "2023-01-01",
                            Some(body),
                        )
                    }
                }
            }
            Read::Empty => {
                let team = tail(r, "teams_").to_string();
                emu.project.teams = vec![
                    TeamRole {
                        team_id: team.clone(),
                        role_names: vec!["GROUP_READ_ONLY".into()],
                    },
                    TeamRole {
                        team_id: "another".into(),
                        role_names: vec!["GROUP_OWNER".into()],
                    },
                ];
                send(
                    &mut emu,
                    "DELETE",
                    &path_for(&group, &["teams", &team]),
                    "2023-01-01",
                    None,
                )
            }
            Read::OrgTeams => {
                let teams: Paginated<OrgTeam> = serde_json::from_value(recorded).unwrap();
                emu.project.org_teams = teams.results;
                send(
                    &mut emu,
                    "GET",
                    &format!("/api/atlas/v2/orgs/{ORG_ID}/teams"),
                    "2023-01-01",
                    None,
                )
            }
            other => panic!("{}: {other:?}", r.name),
        };
        same_answer(r, got);
        checked += 1;
    }
    assert!(checked >= 12, "{checked}");
}
