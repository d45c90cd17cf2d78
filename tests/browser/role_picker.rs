//! Browser tests of the role editor's "Action or Role" picker: the category lock (Global combines with
//! Custom Roles), keyboard use, the Database / Collection targets each category needs, actions too new for
//! a cluster, and a list over 1,400 custom roles.

use crate::support::*;
use dbaccess::ui::shell::routes;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

const NEW: &str = routes::NEW_ROLE;

#[wasm_bindgen_test]
async fn the_picker_locks_other_categories_except_global_with_custom_roles() {
    let _app = mount_app_at(NEW);
    editor_ready().await;
    let picker = pickers().remove(0);
    assert_eq!(picker.get_attribute("role").as_deref(), Some("combobox"));
    // Closed, the popup doesn't exist, so nothing may point at it.
    assert_eq!(picker.get_attribute("aria-controls"), None);
    assert!(query(".listbox").is_none());
    open(&picker).await;
    let listbox = by_id(&picker.get_attribute("aria-controls").unwrap()).unwrap();
    assert_eq!(
        listbox.get_attribute("aria-multiselectable").as_deref(),
        Some("true")
    );
    let groups: Vec<String> = query_all(".listbox-group-label")
        .iter()
        .map(|g| g.text_content().unwrap())
        .collect();
    assert_eq!(
        groups,
        [
            "Collection Actions",
            "Database Actions and Roles",
            "Global Actions and Roles",
            "Custom Roles"
        ]
    );
    assert!(!option_disabled(&picker, "dropDatabase"));
    choose(&picker, "find").await;
    assert!(
        option_disabled(&picker, "dropDatabase"),
        "database actions lock"
    );
    assert!(
        option_disabled(&picker, "listDatabases"),
        "global actions lock"
    );
    assert!(
        option_disabled(&picker, "orders_reader"),
        "custom roles lock"
    );
    assert!(
        !option_disabled(&picker, "insert"),
        "same category stays open"
    );
    // Why: said once under each locked group, and read with each of its options.
    let locked = option(&picker, "dropDatabase").unwrap();
    let why = locked
        .get_attribute("aria-describedby")
        .expect("a locked option is described by the reason");
    assert_eq!(
        by_id(&why).unwrap().text_content().unwrap(),
        "Not available: this row already has Collection Actions"
    );
    assert_eq!(
        query_all(".listbox-group-reason").len(),
        3,
        "one reason per locked group"
    );
    assert_eq!(
        option(&picker, "insert")
            .unwrap()
            .get_attribute("aria-describedby"),
        None
    );
    // A locked option can't be chosen by clicking it.
    option(&picker, "dropDatabase").unwrap().click();
    // Positive and ordered, not a pause: a key pressed after the click moves the active option once
    // the click has been handled, so a selection it made would show by then.
    let active = picker.get_attribute("aria-activedescendant");
    press_key(&picker, "ArrowDown");
    wait_until("the key after the click is handled", || {
        picker.get_attribute("aria-activedescendant") != active
    })
    .await;
    assert_eq!(
        option(&picker, "dropDatabase")
            .unwrap()
            .get_attribute("aria-selected")
            .as_deref(),
        Some("false")
    );
    // Remove the chip: everything opens again.
    by_name("button", "Remove find").unwrap().click();
    wait_until("unlocked", || !option_disabled(&picker, "dropDatabase")).await;
    choose(&picker, "listDatabases").await;
    assert!(
        !option_disabled(&picker, "orders_reader"),
        "custom roles combine with global"
    );
    assert!(option_disabled(&picker, "find"));
    choose(&picker, "orders_reader").await;
    assert!(
        option_disabled(&picker, "readWrite"),
        "database roles stay locked"
    );
}

#[wasm_bindgen_test]
async fn keyboard_filters_moves_and_selects_in_the_picker() {
    let _app = mount_app_at(NEW);
    editor_ready().await;
    let picker = pickers().remove(0);
    type_into(&picker, "listColl");
    wait_until("filtered to one option", || {
        option(&picker, "listCollections").is_some() && option(&picker, "find").is_none()
    })
    .await;
    press_key(&picker, "Home");
    let active = picker
        .get_attribute("aria-activedescendant")
        .expect("an active option");
    assert_eq!(
        by_id(&active).unwrap().text_content().unwrap().trim(),
        "listCollections"
    );
    press_key(&picker, "Enter");
    wait_until("chosen by Enter", || {
        by_name("button", "Remove listCollections").is_some()
    })
    .await;
    press_key(&picker, "Escape");
    wait_until("closed by Escape", || {
        picker.get_attribute("aria-expanded").as_deref() == Some("false")
    })
    .await;
    assert_eq!(picker.get_attribute("aria-controls"), None);
    assert!(query(".listbox").is_none(), "the popup goes with it");
}

#[wasm_bindgen_test]
async fn targets_follow_the_category_and_are_required() {
    let _app = mount_app_at(NEW);
    let name = editor_ready().await;
    type_into(&name, "target_rules");
    let picker = pickers().remove(0);
    assert!(
        input_labelled("Database").is_none(),
        "no targets before a choice"
    );
    choose(&picker, "dropDatabase").await;
    wait_until("database target shown", || {
        input_labelled("Database").is_some()
    })
    .await;
    assert!(
        input_labelled("Collection").is_none(),
        "database actions have no collection"
    );
    submit_role();
    let db = input_labelled("Database").unwrap();
    wait_until("database is required", || {
        db.get_attribute("aria-invalid").as_deref() == Some("true")
    })
    .await;
    let any_db = input_labelled("Apply to any database").unwrap();
    any_db.click();
    wait_until("any database satisfies it", || {
        db.get_attribute("aria-invalid").is_none()
    })
    .await;
    assert!(
        db.disabled(),
        "the name field is off while any database applies"
    );
    assert!(
        messages_of(&db).contains("Warning"),
        "dropDatabase on any database warns: {}",
        messages_of(&db)
    );
    by_name("button", "Remove dropDatabase").unwrap().click();
    choose(&picker, "find").await;
    wait_until("collection target shown", || {
        input_labelled("Collection").is_some()
    })
    .await;
    by_name("button", "Remove find").unwrap().click();
    choose(&picker, "listDatabases").await;
    wait_until("global rows have no targets", || {
        input_labelled("Database").is_none()
    })
    .await;
    by_name("button", "Add an action or role").unwrap().click();
    wait_until("a second row", || pickers().len() == 2).await;
    assert!(by_name("button", "Remove action or role 2").is_some());
}

#[wasm_bindgen_test]
async fn actions_newer_than_a_cluster_are_disabled_with_the_reason() {
    let _app = mount_app_at(NEW);
    editor_ready().await;
    let picker = pickers().remove(0);
    open(&picker).await;
    assert!(option_disabled(&picker, "bypassDefaultMaxTimeMS"));
    let text = option(&picker, "bypassDefaultMaxTimeMS")
        .unwrap()
        .text_content()
        .unwrap();
    assert!(text.contains("8.0") && text.contains("analytics"), "{text}");
    // The option is named by its action alone; the reason is its description.
    let opt = option(&picker, "bypassDefaultMaxTimeMS").unwrap();
    let ids = |attr: &str| opt.get_attribute(attr).unwrap_or_default();
    let text_of_ids = |list: String| {
        list.split_whitespace()
            .map(|id| by_id(id).and_then(|e| e.text_content()).unwrap_or_default())
            .collect::<Vec<_>>()
    };
    // The name comes from the option's content: all of it but what is hidden from assistive technology.
    let spoken: String = (0..opt.children().length())
        .filter_map(|i| opt.children().item(i))
        .filter(|c| c.get_attribute("aria-hidden").as_deref() != Some("true"))
        .filter_map(|c| c.text_content())
        .collect();
    assert_eq!(spoken, "bypassDefaultMaxTimeMS");
    assert_eq!(opt.get_attribute("aria-label"), None);
    assert!(
        text_of_ids(ids("aria-describedby"))
            .iter()
            .any(|d| d.contains("8.0") && d.contains("analytics")),
        "the reason describes the option: {:?}",
        ids("aria-describedby")
    );
    assert!(
        !option_disabled(&picker, "shardedDataDistribution"),
        "6.0.3 is met by every cluster"
    );
}

#[wasm_bindgen_test]
async fn a_picker_over_1400_custom_roles_shows_fifty_and_narrows_as_you_type() {
    let config = large_demo(fresh_key());
    let _app = mount_config(&routes::edit_role("sales_role_0000"), config);
    editor_ready().await;
    let picker = pickers().remove(0);
    open(&picker).await;
    let custom_group = || {
        query_all(".listbox-group")
            .into_iter()
            .find(|g| {
                g.text_content()
                    .unwrap_or_default()
                    .starts_with("Custom Roles")
            })
            .expect("the Custom Roles group")
    };
    let options_in = |g: &HtmlElement| g.query_selector_all("[role=option]").unwrap().length();
    assert_eq!(options_in(&custom_group()), 50);
    let more = custom_group()
        .query_selector(".listbox-more")
        .unwrap()
        .and_then(|m| m.text_content());
    assert_eq!(more.as_deref(), Some("1350 more: type to narrow the list"));
    type_into(&picker, "role_139");
    wait_until("narrowed to the ten matches", || {
        options_in(&custom_group()) == 10
    })
    .await;
    assert!(query(".listbox-more").is_none());
    assert!(option(&picker, "sales_role_1392").is_some());
}

/// Only the Custom Roles group (up to 1,400) is capped; every action and built-in role is in the
/// list without typing, e.g. `clusterMonitor`, `killOpSession`, `autoCompact` and `manageShardBalancer`.
#[wasm_bindgen_test]
async fn every_action_and_built_in_role_is_listed_without_typing() {
    let config = large_demo(fresh_key());
    let _app = mount_config(routes::NEW_ROLE, config);
    editor_ready().await;
    let picker = pickers().remove(0);
    open(&picker).await;
    for label in [
        "clusterMonitor",
        "killOpSession",
        "autoCompact",
        "manageShardBalancer",
    ] {
        assert!(option(&picker, label).is_some(), "{label} is listed");
    }
    let more: Vec<String> = query_all(".listbox-more")
        .iter()
        .map(|m| m.text_content().unwrap_or_default())
        .collect();
    assert_eq!(more.len(), 1, "only Custom Roles is capped: {more:?}");
}

/// The manual's privilege actions page: enableSharding applies to a database ("to enable sharding for a
/// database") or a collection as well as the cluster; checkMetadataConsistency to all three. The picker
/// offers both under Database Actions and Roles, and the role keeps the grant on the database.
#[wasm_bindgen_test]
async fn sharding_actions_are_offered_on_a_database_and_saved_there() {
    let key = fresh_key();
    let _app = mount_with(NEW, &key);
    let name = editor_ready().await;
    type_into(&name, "shard_sales");
    let picker = pickers().remove(0);
    type_into(&picker, "enableSh");
    wait_until("enableSharding is offered for a database", || {
        option_in(&picker, "Database Actions and Roles", "enableSharding").is_some()
    })
    .await;
    assert!(
        option_in(&picker, "Global Actions and Roles", "enableSharding").is_some(),
        "and for the cluster"
    );
    assert!(
        option_in(&picker, "Collection Actions", "enableSharding").is_some(),
        "and for a collection"
    );
    option_in(&picker, "Database Actions and Roles", "enableSharding")
        .unwrap()
        .click();
    wait_until("the row asks for a database", || {
        input_labelled("Database").is_some()
    })
    .await;
    assert!(
        input_labelled("Collection").is_none(),
        "a database row has no collection"
    );
    // checkMetadataConsistency is offered there too, off here only because the demo has a MongoDB 6.0
    // cluster (it needs 7.0).
    type_into(&picker, "checkMeta");
    wait_until("checkMetadataConsistency is offered for a database", || {
        option_in(
            &picker,
            "Database Actions and Roles",
            "checkMetadataConsistency",
        )
        .is_some()
    })
    .await;
    assert_eq!(
        option_in(
            &picker,
            "Database Actions and Roles",
            "checkMetadataConsistency"
        )
        .unwrap()
        .get_attribute("aria-disabled")
        .as_deref(),
        Some("true")
    );
    blur(&picker);
    type_into(&input_labelled("Database").unwrap(), "sales");
    submit_role();
    wait_until("created", || {
        pathname() == routes::CUSTOM_ROLES && row_names().contains(&"shard_sales".to_string())
    })
    .await;
    let stored = stored_role(&key, "shard_sales");
    let on = |action: &str| {
        stored
            .actions
            .iter()
            .find(|a| a.action == action)
            .unwrap_or_else(|| panic!("{action} in {stored:?}"))
            .resources
            .clone()
    };
    assert_eq!(
        on("ENABLE_SHARDING"),
        vec![domain::model::Resource::namespace("sales", "")]
    );
}
