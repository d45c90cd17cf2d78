//! Across projects (issue 30) in the embedded demo: its dev, staging and production, the project switcher
//! that opens each, and the backend on another project acting as the same person with their roles there.
use crate::support::*;
use dbaccess::backend::local::LocalBackend;
use dbaccess::backend::Backend;
use dbaccess::ui::shell::routes;
use domain::demo::{DemoKind, PROD_ID, STAGING_ID};
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn the_demo_switches_between_its_three_projects() {
    let key = fresh_key();
    let _app = mount_with(routes::CUSTOM_ROLES, &key);
    let button = find("button", "Switch project").await;
    button.click();
    let here = find("a", "Demo Project").await;
    wait_until("the current project is marked", || {
        here.get_attribute("aria-current").as_deref() == Some("true")
    })
    .await;
    let names: Vec<String> = query_all(".project-switcher-list a")
        .iter()
        .map(|a| a.text_content().unwrap())
        .collect();
    assert_eq!(names, ["Demo Project", "Staging", "Production"]);
    let prod = by_name("a", "Production").unwrap();
    assert_eq!(
        prod.get_attribute("href").unwrap(),
        format!("{}?project={PROD_ID}", routes::CUSTOM_ROLES)
    );
    // The link's address opens production's own data.
    let opened = dbaccess::config::Config::from_query(&format!("?project={PROD_ID}"), "http://x");
    assert_eq!(opened.demo, DemoKind::Prod);
}

#[wasm_bindgen_test]
async fn another_demo_project_acts_as_the_same_person_with_their_roles_there() {
    let key = fresh_key();
    let dev = LocalBackend::open(&key, DemoKind::Standard);
    let roles = |b: &dyn Backend| {
        b.projects()
            .into_iter()
            .map(|p| (p.name.unwrap(), p.roles))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        roles(&dev),
        [
            ("Demo Project".to_string(), vec!["GROUP_OWNER".to_string()]),
            ("Staging".into(), vec!["GROUP_OWNER".into()]),
            ("Production".into(), vec!["GROUP_OWNER".into()]),
        ]
    );
    let staging = dev.on_project(STAGING_ID).unwrap();
    let names: Vec<String> = staging
        .list_custom_roles()
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.role_name)
        .collect();
    assert!(
        names.contains(&"shard_tuner".to_string()) && !names.contains(&"orders_reader".to_string())
    );
    // dana administers dev's database access but only reads production.
    let dana = domain::permissions::demo_principals()
        .into_iter()
        .find(|p| p.name.starts_with("dana"))
        .unwrap();
    dev.set_principal(dana).unwrap();
    let prod = dev.on_project(PROD_ID).unwrap();
    let info = prod.project().await.unwrap();
    assert_eq!(info.principal.name, "dana.dbadmin@example.com");
    assert_eq!(info.principal.project_roles, ["GROUP_READ_ONLY"]);
    assert_eq!(
        prod.create_custom_role(domain::model::CustomDbRole {
            role_name: "x".into(),
            actions: vec![],
            inherited_roles: vec![domain::model::InheritedRole::new("read", "a")],
        })
        .await
        .unwrap_err()
        .error,
        403
    );
    assert!(dev.on_project("0123456789abcdef01234567").is_none());
}
