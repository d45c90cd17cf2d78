//! Who the console acts as over HTTP. `dbaccess-portal` names the signed-in person and their roles on
//! each project (`GET /api/portal/me`); anything else in front of Atlas answers that path 404, and the
//! console then acts as before, as the proxy's credentials, whose roles the browser can't see. Pure: the
//! HTTP backend reads the answer, the shell shows what it means.
use super::ApiResult;
use domain::answer::{self, client_error};
use domain::model::ApiError;
use domain::permissions::{proxy_principal, Permission, Principal};
use domain::portal::{may_mint_credentials, Me, MeProject, MINT_REQUIREMENT};
use serde_json::Value;

/// The portal's code for a project the person may not use (its 403 carries the same).
pub const PORTAL_PROJECT_NOT_ALLOWED: &str = "PORTAL_PROJECT_NOT_ALLOWED";
/// The portal's code when no one is signed in (its 401).
pub const PORTAL_NOT_SIGNED_IN: &str = "PORTAL_NOT_SIGNED_IN";

/// Who is behind the HTTP backend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Caller {
    /// A proxy that doesn't say who is signed in: its own credentials act.
    Proxy,
    /// The person `dbaccess-portal` signed in.
    Person(Me),
}

/// What the portal adds to the principal's roles on the project.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PortalRules {
    /// Why no change may be made at all: the portal couldn't read the person's roles here, and it refuses
    /// writes until it can.
    pub roles_unknown: Option<String>,
}

impl Caller {
    /// What the answer to `GET /api/portal/me` means: 404, or a page that isn't JSON (a host serving its
    /// single-page app at every path), is anything but the portal.
    pub fn from_answer(status: u16, content_type: Option<&str>, text: &str) -> ApiResult<Caller> {
        let ok = (200..300).contains(&status);
        if status == 404 || (ok && !content_type.is_some_and(answer::is_json)) {
            return Ok(Caller::Proxy);
        }
        let value = answer::read(status, content_type, text)?.unwrap_or(Value::Null);
        me_of(&value).map(Caller::Person).ok_or_else(|| {
            answer::unreadable(status, "not the portal's answer about who is signed in")
        })
    }

    pub fn person(&self) -> Option<&Me> {
        match self {
            Caller::Proxy => None,
            Caller::Person(me) => Some(me),
        }
    }

    /// Who acts on `project`, and what the portal adds; the portal's refusal when the person may not use
    /// it (nothing there would answer anything else).
    pub fn on(&self, project: &str) -> ApiResult<(Principal, Option<PortalRules>)> {
        let Caller::Person(me) = self else {
            return Ok((proxy_principal(), None));
        };
        let principal = me.principal(project).ok_or_else(not_allowed)?;
        let roles_unknown = me
            .projects
            .iter()
            .find(|p| p.id == project)
            .and_then(|p| p.roles_unknown.clone());
        Ok((principal, Some(PortalRules { roles_unknown })))
    }
}

/// `Me` read by hand: serde's derive for this one small answer added about 3 KB (gzip) to the bundle.
/// `the_hand_reader_reads_what_serde_writes` keeps it in step with `domain::portal`.
fn me_of(v: &Value) -> Option<Me> {
    let text = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
    let project = |p: &Value| {
        Some(MeProject {
            id: text(p, "id")?,
            name: text(p, "name"),
            org_id: text(p, "orgId"),
            roles: p
                .get("roles")?
                .as_array()?
                .iter()
                .map(|r| r.as_str().map(str::to_string))
                .collect::<Option<_>>()?,
            roles_unknown: text(p, "rolesUnknown"),
        })
    };
    Some(Me {
        name: text(v, "name")?,
        roles_source: text(v, "rolesSource")?,
        projects: v
            .get("projects")?
            .as_array()?
            .iter()
            .map(project)
            .collect::<Option<_>>()?,
    })
}

pub fn not_allowed() -> ApiError {
    client_error(
        403,
        PORTAL_PROJECT_NOT_ALLOWED,
        "You may not use this project through the portal.".to_string(),
    )
}

/// Why `principal` may not make a change needing `permission` (`mints`: one that creates an API key or
/// a service account), or `None` when they may. The backend still checks every write.
pub fn refusal(
    principal: &Principal,
    portal: Option<&PortalRules>,
    permission: Permission,
    mints: bool,
) -> Option<String> {
    if let Some(why) = portal.and_then(|p| p.roles_unknown.as_deref()) {
        return Some(format!(
            "Your roles in this project can't be read right now: {why}"
        ));
    }
    // The portal's own rule is the stricter one, so it is the reason given.
    if mints && portal.is_some() && !may_mint_credentials(principal) {
        return Some(MINT_REQUIREMENT.to_string());
    }
    principal.refusal(permission).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    const A: &str = "6650f1c2a4b3c2d1e0f9a8b7";
    const B: &str = "6650f1c2a4b3c2d1e0f9a8b8";

    fn me(roles: &[&str], unknown: Option<&str>) -> Me {
        Me {
            name: "rory@example.com".into(),
            roles_source: "config".into(),
            projects: vec![MeProject {
                id: A.into(),
                name: Some("Production".into()),
                org_id: None,
                roles: roles.iter().map(|r| r.to_string()).collect(),
                roles_unknown: unknown.map(str::to_string),
            }],
        }
    }

    #[wasm_bindgen_test]
    fn a_404_is_not_the_portal_and_keeps_the_proxys_credentials() {
        let caller = Caller::from_answer(404, Some("text/html"), "<h1>Not Found</h1>").unwrap();
        assert_eq!(caller, Caller::Proxy);
        assert_eq!(caller.on(A).unwrap(), (proxy_principal(), None));
        // A host that answers every path with its page (a single-page app's fallback) isn't it either.
        let page = Caller::from_answer(200, Some("text/html"), "<!DOCTYPE html><html></html>");
        assert_eq!(page.unwrap(), Caller::Proxy);
    }

    #[wasm_bindgen_test]
    fn the_portals_answer_names_the_person_and_their_roles_on_this_project() {
        let text = r#"{"name":"rory@example.com","rolesSource":"config","projects":[
            {"id":"6650f1c2a4b3c2d1e0f9a8b7","name":"Production","roles":["GROUP_READ_ONLY"]}]}"#;
        let caller = Caller::from_answer(200, Some("application/json"), text).unwrap();
        let (principal, rules) = caller.on(A).unwrap();
        assert_eq!(principal.name, "rory@example.com");
        assert_eq!(principal.project_roles, ["GROUP_READ_ONLY"]);
        assert_eq!(rules, Some(PortalRules::default()));
    }

    #[wasm_bindgen_test]
    fn the_hand_reader_reads_what_serde_writes() {
        let mut full = me(
            &["GROUP_OWNER", "ORG_READ_ONLY"],
            Some("Atlas did not answer"),
        );
        full.projects[0].org_id = Some("5e2211c17a3e5a48f5497de0".into());
        full.projects.push(MeProject {
            id: B.into(),
            name: None,
            org_id: None,
            roles: vec![],
            roles_unknown: None,
        });
        for me in [full, me(&[], None)] {
            let value = serde_json::to_value(&me).unwrap();
            assert_eq!(me_of(&value), Some(me));
        }
        // What serde refuses, so does the hand reader.
        for bad in [
            r#"{"rolesSource":"config","projects":[]}"#,
            r#"{"name":"a","rolesSource":"config","projects":[{"roles":[]}]}"#,
            r#"{"name":"a","rolesSource":"config","projects":[{"id":"x","roles":[1]}]}"#,
        ] {
            let value: Value = serde_json::from_str(bad).unwrap();
            assert!(
                serde_json::from_value::<Me>(value.clone()).is_err(),
                "{bad}"
            );
            assert_eq!(me_of(&value), None, "{bad}");
        }
    }

    #[wasm_bindgen_test]
    fn not_signed_in_is_the_portals_error_and_a_garbled_answer_is_an_error() {
        let text = r#"{"error":401,"errorCode":"PORTAL_NOT_SIGNED_IN","detail":"Sign in to the portal first."}"#;
        let e = Caller::from_answer(401, Some("application/json"), text).unwrap_err();
        assert_eq!(e.error_code, PORTAL_NOT_SIGNED_IN);
        assert!(Caller::from_answer(200, Some("application/json"), "{\"name\":").is_err());
    }

    #[wasm_bindgen_test]
    fn a_project_outside_the_persons_list_is_refused_plainly() {
        let e = Caller::Person(me(&["GROUP_OWNER"], None))
            .on(B)
            .unwrap_err();
        assert_eq!(e.error_code, PORTAL_PROJECT_NOT_ALLOWED);
        assert_eq!(
            e.message(),
            "You may not use this project through the portal."
        );
    }

    #[wasm_bindgen_test]
    fn a_read_only_person_gets_the_reason_view_as_gives() {
        let (p, rules) = Caller::Person(me(&["GROUP_READ_ONLY"], None))
            .on(A)
            .unwrap();
        assert_eq!(
            refusal(&p, rules.as_ref(), Permission::DatabaseAccess, false).as_deref(),
            Some(Permission::DatabaseAccess.requirement())
        );
    }

    #[wasm_bindgen_test]
    fn through_the_portal_only_a_project_owner_mints_credentials() {
        let (pam, rules) = Caller::Person(me(&["GROUP_ACCESS_MANAGER"], None))
            .on(A)
            .unwrap();
        // Atlas lets a Project Access Manager change project access and create an API key ...
        assert_eq!(
            refusal(&pam, rules.as_ref(), Permission::ProjectAccess, false),
            None
        );
        // ... the portal doesn't let them create one.
        assert_eq!(
            refusal(&pam, rules.as_ref(), Permission::ProjectAccess, true).as_deref(),
            Some(MINT_REQUIREMENT)
        );
        let (owner, rules) = Caller::Person(me(&["GROUP_OWNER"], None)).on(A).unwrap();
        assert_eq!(
            refusal(&owner, rules.as_ref(), Permission::ServiceAccounts, true),
            None
        );
        // Not through the portal (the demo, another proxy), Atlas's rule is the only one.
        assert_eq!(refusal(&pam, None, Permission::ProjectAccess, true), None);
    }

    #[wasm_bindgen_test]
    fn unknown_roles_turn_every_change_off_with_the_portals_reason() {
        let (p, rules) = Caller::Person(me(&["GROUP_OWNER"], Some("Atlas did not answer")))
            .on(A)
            .unwrap();
        for permission in [Permission::DatabaseAccess, Permission::ProjectSettings] {
            assert_eq!(
                refusal(&p, rules.as_ref(), permission, false).as_deref(),
                Some("Your roles in this project can't be read right now: Atlas did not answer")
            );
        }
    }
}
