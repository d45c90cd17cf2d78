//! The "Action or Role" picker: the category lock (Global and Custom Roles combine), version gating,
//! no self-inheritance, and keys that round-trip.
use domain::catalog::{Action, Category};
use domain::model::{ClusterSummary, CustomDbRole};
use domain::picker::{choices, item_from_key, item_key, Choice, ChoiceGroup};
use domain::role_form::{Item, Row};
use domain::validate::ProjectContext;

fn custom(name: &str) -> CustomDbRole {
    CustomDbRole {
        role_name: name.into(),
        ..Default::default()
    }
}

fn find<'a>(groups: &'a [ChoiceGroup], label: &str) -> &'a Choice {
    groups
        .iter()
        .flat_map(|g| &g.choices)
        .find(|c| c.label == label)
        .unwrap_or_else(|| panic!("{label} is offered"))
}

fn group(groups: &[ChoiceGroup], cat: Category) -> &ChoiceGroup {
    groups.iter().find(|g| g.category == cat).unwrap()
}

/// Why `label` can't be chosen now (its group's lock or its own reason).
fn blocked(groups: &[ChoiceGroup], label: &str) -> Option<String> {
    let c = find(groups, label);
    let g = group(groups, c.item.category());
    // The group's lock first, then the choice's own reason (as the picker shows them).
    g.locked.clone().or_else(|| c.disabled.clone())
}

#[test]
fn groups_follow_the_atlas_categories_and_offer_every_action() {
    let roles = [custom("orders_reader")];
    let ctx = ProjectContext::new(&roles);
    let groups = choices(&Row::new(), &ctx, None);
    let cats: Vec<Category> = groups.iter().map(|g| g.category).collect();
    assert_eq!(cats, Category::ALL);
    let offered: Vec<Action> = groups
        .iter()
        .flat_map(|g| &g.choices)
        .filter_map(|c| match c.item {
            Item::Action(a, _) => Some(a),
            _ => None,
        })
        .collect();
    let distinct: std::collections::BTreeSet<Action> = offered.iter().copied().collect();
    assert_eq!(distinct.len(), 80, "every action is offered");
    // enableSharding and checkMetadataConsistency also under Database and Collection Actions
    // (tests/facts_action_resources.rs); every other action once.
    assert_eq!(offered.len(), 84);
    assert_eq!(find(&groups, "find").item, Item::action(Action::Find));
    assert!(group(&groups, Category::Database)
        .choices
        .iter()
        .any(|c| c.label == "readWrite"));
    assert!(group(&groups, Category::Global)
        .choices
        .iter()
        .any(|c| c.label == "listDatabases"));
    assert_eq!(
        group(&groups, Category::Custom).choices[0].label,
        "orders_reader"
    );
    assert!(groups
        .iter()
        .flat_map(|g| &g.choices)
        .all(|c| c.disabled.is_none() && !c.selected));
    assert!(groups.iter().all(|g| g.locked.is_none()));
}

#[test]
fn choosing_one_category_locks_the_others_except_global_with_custom() {
    let roles = [custom("orders_reader")];
    let ctx = ProjectContext::new(&roles);
    let mut row = Row::new();
    assert!(row.toggle(Item::action(Action::Find)));
    let groups = choices(&row, &ctx, None);
    assert!(find(&groups, "find").selected);
    assert!(
        blocked(&groups, "insert").is_none(),
        "same category stays open"
    );
    // The lock is said once, on the locked group, not repeated by each of its choices.
    let db = group(&groups, Category::Database);
    assert!(db.locked.is_some() && db.choices.iter().all(|c| c.disabled.is_none()));
    for label in ["dropDatabase", "listDatabases", "orders_reader"] {
        let reason = blocked(&groups, label).expect(label);
        assert!(reason.contains("Collection Actions"), "{reason}");
    }

    let mut row = Row::new();
    row.toggle(Item::action(Action::ListDatabases));
    let groups = choices(&row, &ctx, None);
    assert!(
        blocked(&groups, "orders_reader").is_none(),
        "custom roles combine with global"
    );
    assert!(blocked(&groups, "find").is_some());

    let mut row = Row::new();
    row.toggle(Item::CustomRole("orders_reader".into()));
    let groups = choices(&row, &ctx, None);
    assert!(
        blocked(&groups, "listDatabases").is_none(),
        "global combines with custom roles"
    );
    assert!(blocked(&groups, "find").is_some());
    assert!(blocked(&groups, "dropDatabase").is_some());
}

#[test]
fn actions_too_new_for_a_cluster_and_the_edited_role_itself_are_disabled() {
    let roles = [custom("me"), custom("other")];
    let clusters = [
        ClusterSummary {
            name: "old".into(),
            mongo_db_version: "6.0.19".into(),
            ..Default::default()
        },
        ClusterSummary {
            name: "new".into(),
            mongo_db_version: "8.0.4".into(),
            ..Default::default()
        },
    ];
    let mut ctx = ProjectContext::new(&roles);
    ctx.clusters = &clusters;
    let groups = choices(&Row::new(), &ctx, Some("me"));
    let gated = find(&groups, "bypassDefaultMaxTimeMS")
        .disabled
        .clone()
        .unwrap();
    assert!(
        gated.contains("8.0") && gated.contains("old (6.0.19)"),
        "{gated}"
    );
    assert!(find(&groups, "find").disabled.is_none());
    assert!(find(&groups, "me")
        .disabled
        .as_deref()
        .unwrap()
        .contains("inherit itself"));
    assert!(find(&groups, "other").disabled.is_none());
}

#[test]
fn item_keys_round_trip() {
    for item in [
        Item::action(Action::Find),
        Item::BuiltinRole("readWrite".into()),
        Item::CustomRole("a-b_c".into()),
    ] {
        assert_eq!(item_from_key(&item_key(&item)), Some(item));
    }
    assert_eq!(item_from_key("action:NOPE"), None);
    assert_eq!(item_from_key("garbage"), None);
}
