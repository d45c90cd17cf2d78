//! The console knows who is signed in to the portal (`GET /api/portal/me`): the top bar names them and
//! their role here, controls they may not use are disabled with the reason (the portal's credential rule
//! included), their other projects are a "Switch project" away, and a project that isn't theirs says
//! so. The person is given as the portal would answer (the emulator isn't the portal: it answers that
//! path 404, which is the last test: the console then acts as before).
use super::*;
use dbaccess::backend::person::Caller;
use domain::portal::{Me, MeProject, MINT_REQUIREMENT};

const OTHER: &str = "6650f1c2a4b3c2d1e0f9a8b8";
const THIRD: &str = "6650f1c2a4b3c2d1e0f9a8b9";

fn project(id: &str, name: Option<&str>, roles: &[&str]) -> MeProject {
    MeProject {
        id: id.into(),
        name: name.map(str::to_string),
        org_id: None,
        roles: roles.iter().map(|r| r.to_string()).collect(),
        roles_unknown: None,
    }
}

fn person(name: &str, projects: Vec<MeProject>) -> Me {
    Me {
        name: name.into(),
        roles_source: "config".into(),
        projects,
    }
}

/// The backend query of the standalone page for `project`, as `?api=…&project=…` names it.
fn carried(project: &str) -> String {
    format!("api={}&project={project}", domain::api::encode(emu_url()))
}

/// The console over HTTP as `me`, at `route` with the page's backend query, as the portal opens it.
fn mount_as(route: &str, me: Me) -> Mounted {
    let query = carried(EMU_PROJECT);
    mount_config(
        &format!("{route}?{query}"),
        Config {
            caller: Some(Caller::Person(me)),
            url_backend: query,
            ..Config::http(emu_url(), EMU_PROJECT, TIMEOUT_MS)
        },
    )
}

/// Waits until the control `name` is disabled (it is offered while the project loads), then checks
/// it says `why`.
async fn disabled_with(selector: &str, name: &str, why: &str) {
    settle(&format!("{name} is disabled"), || {
        by_name(selector, name)
            .is_some_and(|c| c.get_attribute("aria-disabled").as_deref() == Some("true"))
    })
    .await;
    let control = by_name(selector, name).unwrap();
    assert!(
        messages_of(&control).contains(why),
        "{name} says why: {:?}",
        messages_of(&control)
    );
}

#[wasm_bindgen_test]
async fn a_read_only_person_is_named_with_their_role_and_sees_changes_disabled_with_the_reason() {
    emu_reset().await;
    let me = person(
        "rory@example.com",
        vec![project(EMU_PROJECT, Some("Demo"), &["GROUP_READ_ONLY"])],
    );
    let _app = mount_as(LIST, me);
    // "View as" gives the same reason for the same role.
    disabled_with(
        "button",
        "Add New Custom Role",
        "Requires Project Owner or Project Database Access Admin",
    )
    .await;
    let who = by_id("person").expect("the top bar names the person");
    assert_eq!(
        who.text_content().unwrap(),
        "Signed in as rory@example.com (Project Read Only)"
    );
    assert!(page_text().contains("You are signed in as rory@example.com, who can't change"));
    // One project: nothing to switch to.
    assert!(by_name("button", "Switch project").is_none());
}

#[wasm_bindgen_test]
async fn through_the_portal_a_project_access_manager_invites_but_does_not_create_api_keys() {
    emu_reset().await;
    let me = person(
        "amir@example.com",
        vec![project(EMU_PROJECT, None, &["GROUP_ACCESS_MANAGER"])],
    );
    let _app = mount_as(routes::PROJECT_USERS, me);
    // Atlas's rule lets them invite ...
    let invite = find("a", "Invite to Project").await;
    assert_eq!(invite.get_attribute("aria-disabled"), None);
    // ... and create an API key; the portal's doesn't.
    find("a", "API Keys").await.click();
    disabled_with("button", "Create API Key", MINT_REQUIREMENT).await;
    find("a", "Service Accounts").await.click();
    disabled_with("button", "Create Service Account", MINT_REQUIREMENT).await;
    assert!(text_of("#person").contains("(Project Access Manager)"));
}

#[wasm_bindgen_test]
async fn the_switcher_lists_the_persons_projects_and_keeps_the_section() {
    emu_reset().await;
    let me = person(
        "ada@example.com",
        vec![
            project(EMU_PROJECT, Some("Demo Project"), &["GROUP_OWNER"]),
            project(OTHER, Some("Staging"), &["GROUP_READ_ONLY"]),
            project(THIRD, None, &["GROUP_READ_ONLY"]),
        ],
    );
    let _app = mount_as(routes::DATABASE_USERS, me);
    let button = find("button", "Switch project").await;
    let list = by_id(&button.get_attribute("aria-controls").unwrap()).unwrap();
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(list.hidden());
    button.click();
    wait_until("the list opens", || !list.hidden()).await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let names: Vec<String> = query_all(".project-switcher-list a")
        .iter()
        .map(|a| a.text_content().unwrap())
        .collect();
    // A project without a name shows its id.
    assert_eq!(names, ["Demo Project", "Staging", THIRD]);
    let here = find("a", "Demo Project").await;
    wait_until("the current project is marked", || {
        here.get_attribute("aria-current").as_deref() == Some("true")
    })
    .await;
    let staging = by_name("a", "Staging").unwrap();
    assert_eq!(staging.get_attribute("aria-current"), None);
    assert_eq!(
        staging.get_attribute("href").unwrap(),
        format!("{}?{}", routes::DATABASE_USERS, carried(OTHER))
    );
    // In another section, the same link opens that section there.
    find("a", "Custom Roles").await.click();
    let want = format!("{}?{}", routes::CUSTOM_ROLES, carried(OTHER));
    wait_until("the link follows the section", || {
        staging.get_attribute("href").as_deref() == Some(want.as_str())
    })
    .await;
    // Escape closes it and gives the focus back to the button.
    staging.focus().unwrap();
    press_key(&staging, "Escape");
    wait_until("Escape closes the list", || list.hidden()).await;
    assert_eq!(
        document().active_element().map(|e| e.id()),
        Some(button.id())
    );
}

#[wasm_bindgen_test]
async fn a_project_the_person_may_not_use_says_so_and_links_to_theirs() {
    // A test before may have left reads under way: they are not this console's.
    requests_answered().await;
    emu_reset().await;
    let me = person(
        "rory@example.com",
        vec![
            project(OTHER, Some("Staging"), &["GROUP_OWNER"]),
            project(THIRD, None, &["GROUP_READ_ONLY"]),
        ],
    );
    let _app = mount_as(routes::DATABASE_USERS, me);
    let heading = find("h1", "You may not use this project through the portal").await;
    assert!(heading.is_connected());
    let staging = find("main a", "Staging").await;
    assert_eq!(
        staging.get_attribute("href").unwrap(),
        format!("{}?{}", routes::DATABASE_USERS, carried(OTHER))
    );
    assert!(by_name("main a", THIRD).is_some());
    assert!(text_of("#person").contains("(no role in this project)"));
    requests_answered().await;
    // Nothing else was asked of Atlas: the portal would refuse it all.
    assert!(
        !emu_requests()
            .await
            .iter()
            .any(|l| l.contains("/api/atlas/v2")),
        "{:?}",
        emu_requests().await
    );
}

#[wasm_bindgen_test]
async fn unknown_roles_turn_changes_off_with_the_portals_reason() {
    emu_reset().await;
    let mut here = project(EMU_PROJECT, Some("Demo"), &[]);
    here.roles_unknown = Some("Atlas did not answer when your roles were read".into());
    let _app = mount_as(LIST, person("ada@example.com", vec![here]));
    disabled_with(
        "button",
        "Add New Custom Role",
        "Your roles in this project can't be read right now: Atlas did not answer when your roles were read",
    )
    .await;
    assert!(text_of("#person").contains("(roles unknown)"));
}

#[wasm_bindgen_test]
async fn without_the_portal_the_console_acts_as_the_proxys_credentials_as_before() {
    emu_reset().await;
    let _app = mount_http(LIST);
    // The emulator is not the portal: it answers 404, and every change stays offered.
    settle("the project is loaded", || {
        text_of(".header-project-name") == "Demo Project"
    })
    .await;
    let add = find("button", "Add New Custom Role").await;
    assert_eq!(add.get_attribute("aria-disabled"), None);
    assert!(by_id("person").is_none());
    assert!(by_name("button", "Switch project").is_none());
    let log = emu_requests().await;
    let me = log.iter().position(|l| l == "GET /api/portal/me 404");
    let project = log
        .iter()
        .position(|l| l == &format!("GET /api/atlas/v2/groups/{EMU_PROJECT} 200"));
    assert!(me.is_some() && me < project, "asked once, first: {log:?}");
    assert_eq!(
        log.iter().filter(|l| l.contains("/api/portal/me")).count(),
        1
    );
}
