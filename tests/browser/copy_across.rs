//! "Copy to projects…" and "Compare projects" (issue 30 §2–§4), clicked through like a person: in the
//! embedded demo (dev, Staging, Production, drifted as `domain::demo::across` lists) and over HTTP through
//! the emulator with two of its projects (the person given as the portal would answer).
use crate::support::*;
use dbaccess::backend::local::{sibling_key, LocalBackend};
use dbaccess::backend::person::Caller;
use dbaccess::backend::Backend;
use dbaccess::config::Config;
use dbaccess::ui::shell::routes;
use domain::demo::{DemoKind, PROD_ID, STAGING_ID};
use domain::model::{CustomDbRole, UpdateCustomDbRole};
use domain::portal::{Me, MeProject};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

fn status() -> String {
    text_of("#copy-status")
}

/// The demo's dev, and the backend acting on `id` from it (as the screen does).
fn on(key: &str, id: &str) -> std::rc::Rc<dyn Backend> {
    LocalBackend::open(key, DemoKind::Standard)
        .on_project(id)
        .unwrap()
}

async fn role_on(b: &dyn Backend, name: &str) -> Option<CustomDbRole> {
    b.list_custom_roles()
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.role_name == name)
}

fn action(name: &str, db: &str, collection: &str) -> domain::model::PrivilegeAction {
    domain::model::PrivilegeAction {
        action: name.into(),
        resources: vec![domain::model::Resource::namespace(db, collection)],
    }
}

fn checkbox(label: &str) -> web_sys::HtmlInputElement {
    input_labelled(label).unwrap_or_else(|| panic!("a checkbox labelled {label}"))
}

async fn tick(label: &str) {
    wait_until(&format!("{label} can be ticked"), || {
        input_labelled(label).is_some()
    })
    .await;
    checkbox(label).click();
    effects_run().await;
}

/// The plan's text for `role` in `project`'s table.
fn plan_of(project: &str, role: &str) -> String {
    query_all(".copy-project")
        .into_iter()
        .find(|s| {
            s.query_selector("h3")
                .unwrap()
                .and_then(|h| h.text_content())
                .is_some_and(|t| t.starts_with(project))
        })
        .and_then(|s| {
            let rows = s.query_selector_all("tbody tr").unwrap();
            (0..rows.length())
                .filter_map(|i| rows.item(i))
                .map(|n| n.unchecked_into::<web_sys::HtmlElement>())
                .find(|r| {
                    r.query_selector("th")
                        .unwrap()
                        .and_then(|h| h.text_content())
                        .as_deref()
                        == Some(role)
                })
        })
        .map(|r| r.text_content().unwrap_or_default())
        .unwrap_or_default()
}

async fn planned(project: &str, role: &str, what: &str) {
    wait_until(&format!("{role} in {project}: {what}"), || {
        plan_of(project, role).contains(what)
    })
    .await;
}

/// The Custom Roles list of a fresh demo, ready.
async fn on_the_list() -> (String, Mounted) {
    let key = fresh_key();
    let app = mount_with(routes::CUSTOM_ROLES, &key);
    list_ready().await;
    (key, app)
}

/// Waits for the run to end, then checks what the status says.
async fn finished(expected: &str) {
    wait_until("the run ends", || {
        status().starts_with("Done") || status().starts_with("Stopped")
    })
    .await;
    assert_eq!(status(), expected);
}

/// Someone else changes `app_backend` with `change` (through `b`, not the console); returns it as saved.
async fn someone_changes_app_backend(
    b: &dyn Backend,
    change: impl FnOnce(&mut CustomDbRole),
) -> CustomDbRole {
    let mut role = role_on(b, "app_backend").await.unwrap();
    change(&mut role);
    b.update_custom_role("app_backend".into(), UpdateCustomDbRole::from(&role))
        .await
        .unwrap();
    role
}

/// Applies a plan updating app_backend in `project`, which someone changed since the plan was read:
/// it is not written (the run ends with `created` and the one conflict) and the conflict shows.
async fn apply_into_the_conflict(project: &str, created: &str) {
    let confirm = format!("{project}: update app_backend");
    apply_and_confirm("Apply to 1 project", &confirm).await;
    finished(&format!(
        "Done: {created}, 0 updated, 1 changed since the plan was read and not changed, 0 failed."
    ))
    .await;
    find(
        "h3",
        &format!("Someone else changed app_backend in {project}"),
    )
    .await;
}

/// Apply, then confirm in the dialog that says what will be sent.
async fn apply_and_confirm(button: &str, confirm_says: &str) {
    find("button", button).await.click();
    wait_until("the confirmation opens", || by_id("copy-confirm").is_some()).await;
    assert!(
        text_of("#copy-confirm").contains(confirm_says),
        "the confirmation says {confirm_says:?}: {}",
        text_of("#copy-confirm")
    );
    find("#copy-confirm button", "Copy").await.click();
}

#[wasm_bindgen_test]
async fn a_role_is_created_where_missing_and_left_where_identical() {
    let (key, _app) = on_the_list().await;
    find("a", "Copy to projects… orders_reader").await.click();
    wait_until("the copy screen opens", || pathname() == routes::COPY_ROLES).await;
    assert!(page_text().contains("Copy orders_reader to other projects"));
    tick("Staging").await;
    tick("Production").await;
    planned("Staging", "orders_reader", "Will be created").await;
    planned("Production", "orders_reader", "Already identical").await;
    assert_eq!(
        status(),
        "1 role will be created and 0 updated in 1 project; nothing is sent until you apply."
    );
    apply_and_confirm("Apply to 1 project", "Staging: create orders_reader").await;
    finished("Done: 1 created, 0 updated, 0 failed.").await;
    assert!(plan_of("Staging", "orders_reader").contains("Created"));
    let there = role_on(&*on(&key, STAGING_ID), "orders_reader").await;
    let here = role_on(&*on(&key, domain::demo::PROJECT_ID), "orders_reader").await;
    assert!(there.is_some() && domain::diff::same_role(&there.unwrap(), &here.unwrap()));
}

#[wasm_bindgen_test]
async fn a_selection_is_planned_per_project_an_update_with_its_diff_a_refusal_with_its_reason() {
    let (key, _app) = on_the_list().await;
    find("input", "Select orders_writer").await.click();
    find("input", "Select app_backend").await.click();
    find("a", "Copy 2 selected to projects…").await.click();
    tick("Staging").await;
    tick("Production").await;
    // Staging lacks orders_reader, which orders_writer inherits.
    planned("Staging", "orders_writer", "Refused").await;
    assert!(plan_of("Staging", "orders_writer").contains("orders_reader"));
    planned("Staging", "app_backend", "Already identical").await;
    // Production's app_backend holds REMOVE on app, which the copy takes away.
    planned("Production", "app_backend", "Will be updated").await;
    assert!(plan_of("Production", "app_backend").contains("Removed"));
    assert!(plan_of("Production", "app_backend").contains("REMOVE"));
    planned("Production", "orders_writer", "Already identical").await;
    apply_and_confirm("Apply to 1 project", "Production: update app_backend").await;
    finished("Done: 0 created, 1 updated, 0 failed.").await;
    let prod = role_on(&*on(&key, PROD_ID), "app_backend").await.unwrap();
    assert!(!prod.actions.iter().any(|a| a.action == "REMOVE"));
    assert!(role_on(&*on(&key, STAGING_ID), "orders_writer")
        .await
        .is_none());
}

#[wasm_bindgen_test]
async fn a_project_the_person_only_reads_is_shown_with_the_reason_it_cant_be_picked() {
    let key = fresh_key();
    let dana = domain::permissions::demo_principals()
        .into_iter()
        .find(|p| p.name.starts_with("dana"))
        .unwrap();
    LocalBackend::open(&key, DemoKind::Standard)
        .set_principal(dana)
        .unwrap();
    let _app = mount_with(&routes::copy_roles(&["orders_reader"], None), &key);
    wait_until("the targets are listed", || {
        input_labelled("Production").is_some()
    })
    .await;
    let prod = checkbox("Production");
    assert!(prod.disabled(), "production can't be picked");
    assert!(
        messages_of(&prod).contains("Project Read Only"),
        "it says why: {:?}",
        messages_of(&prod)
    );
    assert!(!checkbox("Staging").disabled());
}

#[wasm_bindgen_test]
async fn an_update_of_a_role_changed_since_the_plan_is_a_conflict_never_a_silent_overwrite() {
    let key = fresh_key();
    let _app = mount_with(&routes::copy_roles(&["app_backend"], Some(PROD_ID)), &key);
    planned("Production", "app_backend", "Will be updated").await;
    // Someone else changes production's app_backend after the plan was read.
    let prod = on(&key, PROD_ID);
    let theirs = someone_changes_app_backend(&*prod, |r| {
        r.actions.retain(|a| a.action != "REMOVE");
        r.actions.push(action("LIST_COLLECTIONS", "app", ""));
    })
    .await;
    apply_into_the_conflict("Production", "0 created").await;
    assert!(page_text().contains("Their change"));
    let kept = role_on(&*prod, "app_backend").await.unwrap();
    assert!(
        domain::diff::same_role(&kept, &theirs),
        "nothing overwritten"
    );
    find("button", "Keep mine").await.click();
    wait_until("written once chosen", || {
        plan_of("Production", "app_backend").contains("Updated")
    })
    .await;
    let now = role_on(&*prod, "app_backend").await.unwrap();
    let dev = role_on(&*on(&key, domain::demo::PROJECT_ID), "app_backend")
        .await
        .unwrap();
    assert!(domain::diff::same_role(&now, &dev));
}

/// Someone else changes production's app_backend after the plan was read: drops REMOVE, adds
/// LIST_COLLECTIONS.
async fn production_changes_app_backend(key: &str) {
    let prod = on(key, PROD_ID);
    someone_changes_app_backend(&*prod, |r| {
        r.actions.retain(|a| a.action != "REMOVE");
        r.actions.push(action("LIST_COLLECTIONS", "app", ""));
    })
    .await;
}

#[wasm_bindgen_test]
async fn merge_by_hand_opens_the_role_in_the_target_projects_editor_and_keeps_the_results_here() {
    let key = fresh_key();
    let app = mount_with(&routes::copy_roles(&["app_backend"], Some(PROD_ID)), &key);
    planned("Production", "app_backend", "Will be updated").await;
    production_changes_app_backend(&key).await;
    apply_into_the_conflict("Production", "0 created").await;
    // A link to Production's editor, in a new tab: this page keeps both changes and every result.
    let merge = find("a", "Merge by hand").await;
    assert_eq!(attr(&merge, "target").as_deref(), Some("_blank"));
    let href = attr(&merge, "href").unwrap();
    assert_eq!(
        href,
        format!("{}?project={PROD_ID}", routes::edit_role("app_backend"))
    );
    // What that tab shows: the page its address opens, on the same browser storage.
    drop(app);
    let config = Config::from_query(&href[href.find('?').unwrap()..], "http://x");
    assert_eq!(config.demo, DemoKind::Prod);
    let _tab = mount_config(
        &href,
        Config {
            storage_key: sibling_key(&key, DemoKind::Prod),
            ..config
        },
    );
    let name = editor_ready().await;
    wait_until("Production's app_backend is read", || {
        name.value() == "app_backend"
    })
    .await;
    // Production's role as saved now: their change is in the form, to merge this project's into.
    wait_until("their version is in the form", || {
        by_name("button", "Remove listCollections").is_some()
    })
    .await;
    assert!(
        by_name("button", "Remove remove").is_none(),
        "{}",
        page_text()
    );
    assert!(
        text_of("header").contains("Production"),
        "the editor is Production's: {}",
        text_of("header")
    );
}

#[wasm_bindgen_test]
async fn a_role_deleted_in_the_target_since_the_plan_is_not_created_again_and_plan_again_offers_it()
{
    let key = fresh_key();
    let _app = mount_with(
        &routes::copy_roles(&["orders_reader", "app_backend"], Some(PROD_ID)),
        &key,
    );
    tick("Staging").await;
    planned("Staging", "orders_reader", "Will be created").await;
    planned("Production", "app_backend", "Will be updated").await;
    // Someone retires production's app_backend after the plan was read: its one user, then the role
    // (Atlas refuses to delete a role a user holds). On purpose, as far as the console can tell, so an
    // update must not bring it back.
    let prod = on(&key, PROD_ID);
    let users = prod.on_demand().await.unwrap();
    users
        .delete_database_user("admin".into(), "app-service".into())
        .await
        .unwrap();
    prod.delete_custom_role("app_backend".into()).await.unwrap();
    apply_and_confirm("Apply to 2 projects", "Production: update app_backend").await;
    finished(
        "Done: 1 created, 0 updated, 1 deleted since the plan was read and not created again, 0 failed.",
    )
    .await;
    assert!(plan_of("Staging", "orders_reader").contains("Created"));
    assert!(
        plan_of("Production", "app_backend")
            .contains("Deleted since the plan was read: not created again"),
        "{}",
        plan_of("Production", "app_backend")
    );
    assert!(
        role_on(&*prod, "app_backend").await.is_none(),
        "not recreated"
    );
    assert!(by_id("conflict-title").is_none(), "no conflict to resolve");
    // Creating it again is the person's call, made on a new plan.
    find("button", "Plan again").await.click();
    planned("Production", "app_backend", "Will be created").await;
    planned("Staging", "orders_reader", "Already identical").await;
}

#[wasm_bindgen_test]
async fn plan_again_plans_from_both_projects_as_they_are_now() {
    let key = fresh_key();
    let _app = mount_with(
        &routes::copy_roles(&["orders_reader"], Some(STAGING_ID)),
        &key,
    );
    planned("Staging", "orders_reader", "Will be created").await;
    apply_and_confirm("Apply to 1 project", "Staging: create orders_reader").await;
    finished("Done: 1 created, 0 updated, 0 failed.").await;
    // Meanwhile someone (another tab) adds an action to this project's orders_reader.
    let dev = on(&key, domain::demo::PROJECT_ID);
    let mut mine = role_on(&*dev, "orders_reader").await.unwrap();
    mine.actions.push(action("COLL_STATS", "sales", "orders"));
    dev.update_custom_role("orders_reader".into(), UpdateCustomDbRole::from(&mine))
        .await
        .unwrap();
    find("button", "Plan again").await.click();
    planned("Staging", "orders_reader", "Will be updated").await;
    assert!(plan_of("Staging", "orders_reader").contains("COLL_STATS"));
    assert!(
        !plan_of("Staging", "orders_reader").contains("Created"),
        "the last run's results are gone"
    );
    assert_eq!(
        status(),
        "0 roles will be created and 1 updated in 1 project; nothing is sent until you apply."
    );
}

#[wasm_bindgen_test]
async fn compare_shows_same_different_and_missing_and_a_click_shows_the_diff_and_offers_the_copy() {
    let (_key, _app) = on_the_list().await;
    find("a", "Compare projects").await.click();
    let cell = |role: &str, project: &str| {
        by_name("button", &format!("{role} in {project}: Missing"))
            .or_else(|| by_name("button", &format!("{role} in {project}: Different")))
            .or_else(|| by_name("button", &format!("{role} in {project}: Same")))
            .map(|b| b.text_content().unwrap())
    };
    wait_until("the comparison is read", || {
        cell("app_backend", "Production").is_some()
    })
    .await;
    assert_eq!(cell("orders_reader", "Staging").as_deref(), Some("Missing"));
    assert_eq!(
        cell("app_backend", "Production").as_deref(),
        Some("Different")
    );
    assert_eq!(cell("inventory_admin", "Staging").as_deref(), Some("Same"));
    tick("Show drift only").await;
    wait_until("same rows leave", || {
        cell("inventory_admin", "Staging").is_none()
    })
    .await;
    assert!(cell("orders_reader", "Production").is_some());
    let different = by_name("button", "app_backend in Production: Different");
    different.unwrap().click();
    wait_until("the diff shows REMOVE", || {
        text_of(".compare-detail").contains("REMOVE")
    })
    .await;
    find("a", "Copy app_backend to Production…").await.click();
    planned("Production", "app_backend", "Will be updated").await;
    assert!(checkbox("Production").checked());
}

// Over HTTP: the emulator's standard project and its Staging, the person a Project Owner in both.

/// The person as the portal answers: a Project Owner of each of `projects` (id, name), in that order.
fn owner_of(projects: &[(&str, &str)]) -> Me {
    let project = |(id, name): &(&str, &str)| MeProject {
        id: (*id).into(),
        name: Some((*name).into()),
        org_id: None,
        roles: vec!["GROUP_OWNER".into()],
        roles_unknown: None,
    };
    Me {
        name: "ana@example.com".into(),
        roles_source: "config".into(),
        projects: projects.iter().map(project).collect(),
    }
}

const TWO_PROJECTS: [(&str, &str); 2] = [(EMU_PROJECT, "Dev"), (STAGING_ID, "Staging")];

/// The console's timeout: longer than any test holds a request, which it answers only once released.
const HELD: u32 = 600_000;

fn mount_http(route: &str) -> Mounted {
    mount_http_as(route, owner_of(&TWO_PROJECTS))
}

fn mount_http_as(route: &str, me: Me) -> Mounted {
    let query = format!(
        "api={}&project={EMU_PROJECT}",
        domain::api::encode(emu_url())
    );
    let (path, extra) = route.split_once('?').unwrap_or((route, ""));
    let sep = if extra.is_empty() { "" } else { "&" };
    mount_config(
        &format!("{path}?{extra}{sep}{query}"),
        Config {
            caller: Some(Caller::Person(me)),
            url_backend: query,
            ..Config::http(emu_url(), EMU_PROJECT, HELD)
        },
    )
}

fn staging_roles_path() -> String {
    format!("/groups/{STAGING_ID}/customDBRoles/roles")
}

#[wasm_bindgen_test]
async fn over_http_stop_sends_nothing_after_the_copy_that_is_out() {
    emu_reset().await;
    emu_arm("hold", "POST", &staging_roles_path(), 1).await;
    let _app = mount_http(&routes::copy_roles(
        &["orders_reader", "orders_writer", "reporting"],
        Some(STAGING_ID),
    ));
    planned("Staging", "orders_writer", "Will be created").await;
    apply_and_confirm("Apply to 1 project", "Staging: create orders_reader").await;
    wait_until("progress shows", || status() == "Sending 1 of 3 roles…").await;
    wait_until_async("the first create is out (held)", async || {
        emu_sent("POST", &staging_roles_path()).await == 1
    })
    .await;
    find("button", "Stop").await.click();
    emu_release().await;
    finished("Stopped: 1 created, 0 updated, 0 failed, 2 not sent.").await;
    requests_answered().await;
    assert_eq!(
        emu_sent("POST", &staging_roles_path()).await,
        1,
        "nothing after Stop"
    );
    assert!(plan_of("Staging", "orders_writer").contains("Not sent (stopped)"));
}

/// The writes the emulator was sent, in order: `METHOD path status` and the role's name.
async fn writes_sent() -> Vec<(String, String)> {
    emu_bodies()
        .await
        .iter()
        .map(|w| {
            let line = w["request"].as_str().unwrap().to_string();
            // A create names the role in its body, an update in its path.
            let name = w["body"]["roleName"].as_str().map_or_else(
                || {
                    line.split(' ')
                        .nth(1)
                        .unwrap()
                        .rsplit('/')
                        .next()
                        .unwrap()
                        .to_string()
                },
                str::to_string,
            );
            (line, name)
        })
        .collect()
}

#[wasm_bindgen_test]
async fn over_http_a_429_in_the_middle_of_a_copy_waits_then_finishes_each_write_once() {
    emu_reset().await;
    // Production first, then Staging: the 429 hits the second of three writes.
    let _app = mount_http_as(
        &routes::copy_roles(&["orders_reader", "orders_writer", "app_backend"], None),
        owner_of(&[
            (EMU_PROJECT, "Dev"),
            (PROD_ID, "Production"),
            (STAGING_ID, "Staging"),
        ]),
    );
    tick("Production").await;
    tick("Staging").await;
    planned("Production", "app_backend", "Will be updated").await;
    planned("Staging", "orders_writer", "Will be created").await;
    emu_arm("429:1", "POST", &staging_roles_path(), 1).await;
    apply_and_confirm(
        "Apply to 2 projects",
        "Staging: create orders_reader, orders_writer",
    )
    .await;
    finished("Done: 2 created, 1 updated, 0 failed.").await;
    assert!(plan_of("Production", "app_backend").contains("Updated"));
    assert!(plan_of("Production", "orders_reader").contains("Already identical"));
    assert!(plan_of("Staging", "orders_reader").contains("Created"));
    assert!(plan_of("Staging", "orders_writer").contains("Created"));
    requests_answered().await;
    let prod = format!("PATCH /api/atlas/v2/groups/{PROD_ID}/customDBRoles/roles/app_backend");
    let staging = format!("POST /api/atlas/v2{}", staging_roles_path());
    let expected = [
        (format!("{prod} 200"), "app_backend"),
        (format!("{staging} 429"), "orders_reader"),
        (format!("{staging} 202"), "orders_reader"),
        (format!("{staging} 202"), "orders_writer"),
    ]
    .map(|(line, name)| (line, name.to_string()));
    assert_eq!(
        writes_sent().await,
        expected,
        "the rate-limited write sent again after the wait, before the next; each written once"
    );
}

#[wasm_bindgen_test]
async fn over_http_a_copy_is_planned_applied_and_a_changed_role_is_a_conflict() {
    emu_reset().await;
    let staging = dbaccess::backend::http::HttpBackend::new(emu_url(), STAGING_ID, 10_000, None);
    // Staging's app_backend drifts first, so the copy is an update.
    someone_changes_app_backend(&staging, |r| r.actions.push(action("REMOVE", "app", ""))).await;
    let _app = mount_http(&routes::copy_roles(
        &["orders_reader", "app_backend"],
        Some(STAGING_ID),
    ));
    planned("Staging", "orders_reader", "Will be created").await;
    planned("Staging", "app_backend", "Will be updated").await;
    // …and changes again after the plan was read.
    someone_changes_app_backend(&staging, |r| {
        r.actions.push(action("LIST_COLLECTIONS", "app", ""))
    })
    .await;
    apply_into_the_conflict("Staging", "1 created").await;
    requests_answered().await;
    assert_eq!(
        emu_sent("PATCH", &format!("{}/app_backend", staging_roles_path())).await,
        2,
        "the test's own two changes: the console sent no update"
    );
    find("button", "Take theirs").await.click();
    wait_until("theirs kept", || {
        plan_of("Staging", "app_backend").contains("Kept theirs")
    })
    .await;
    assert!(role_on(&staging, "orders_reader").await.is_some());
}

#[wasm_bindgen_test]
async fn over_http_compare_reads_the_other_project() {
    emu_reset().await;
    let _app = mount_http(routes::COMPARE_ROLES);
    find("button", "orders_reader in Staging: Missing").await;
    assert!(by_name("button", "inventory_admin in Staging: Same").is_some());
    assert!(page_text().contains("drifted"));
}

#[wasm_bindgen_test]
async fn the_roles_export_for_the_ticked_projects_as_terraform_for_each_or_a_cli_script_each() {
    let key = fresh_key();
    let route = routes::copy_roles(&["orders_reader"], Some(STAGING_ID));
    let _app = mount_with(&route, &key);
    let value = |label: &str| {
        crate::role_transfer::textarea_labelled(label)
            .map(|t| t.unchecked_into::<web_sys::HtmlTextAreaElement>().value())
            .unwrap_or_default()
    };
    wait_until("the Terraform configuration shows", || {
        value("Terraform configuration").contains("for_each")
    })
    .await;
    assert!(value("Terraform configuration").contains(STAGING_ID));
    tick("Production").await;
    wait_until("both projects are in it", || {
        value("Terraform configuration").contains(PROD_ID)
    })
    .await;
    let format = input_labelled("Format").unwrap();
    select(&format.id(), "cli");
    wait_until("a script per project", || {
        value("Atlas CLI script for Production").contains("atlas customDbRoles create")
    })
    .await;
    assert!(value("Atlas CLI script for Staging").contains(STAGING_ID));
}
