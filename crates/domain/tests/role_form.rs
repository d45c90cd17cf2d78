//! The editor model: picker locking, conversion to the API role (merging, inherited dbs), and back.
use domain::catalog::{Action, Category};
use domain::model::{CustomDbRole, InheritedRole, PrivilegeAction, Resource};
use domain::role_form::{Item, RoleForm, Row, Scope, Target};

fn named(s: &str) -> Scope {
    Scope::Named(s.to_string())
}

fn act(name: &str) -> Item {
    Item::action(Action::from_api(name).unwrap())
}

#[test]
fn choosing_an_item_locks_the_other_categories_except_global_with_custom() {
    let mut row = Row::new();
    assert!(
        Category::ALL.iter().all(|c| row.accepts(*c)),
        "an empty row accepts everything"
    );
    assert!(row.toggle(act("FIND")));
    assert_eq!(row.category(), Some(Category::Collection));
    assert!(row.accepts(Category::Collection));
    assert!(
        !row.accepts(Category::Database)
            && !row.accepts(Category::Global)
            && !row.accepts(Category::Custom)
    );
    assert!(
        !row.toggle(act("DB_STATS")),
        "a locked category can't be chosen"
    );
    assert_eq!(row.items.len(), 1);
    assert!(row.toggle(act("FIND")), "choosing again unselects");
    assert!(row.items.is_empty() && row.category().is_none());

    let mut global = Row::new();
    assert!(global.toggle(Item::CustomRole("reporting".into())));
    assert_eq!(global.category(), Some(Category::Custom));
    assert!(
        global.toggle(act("SERVER_STATUS")),
        "Global joins Custom Roles"
    );
    assert!(global.toggle(Item::BuiltinRole("clusterMonitor".into())));
    assert_eq!(global.category(), Some(Category::Global));
    assert!(!global.accepts(Category::Collection) && !global.accepts(Category::Database));
    assert!(!global.needs_targets());

    let mut db = Row::new();
    assert!(db.toggle(Item::BuiltinRole("read".into())));
    assert_eq!(db.category(), Some(Category::Database));
    assert!(
        db.toggle(act("DB_STATS")),
        "database actions and roles share a category"
    );
    assert!(!db.toggle(Item::CustomRole("x".into())));
    assert!(db.needs_targets());
}

#[test]
fn a_form_becomes_an_api_role_with_merged_actions_and_right_dbs() {
    let form = RoleForm {
        name: "orders_admin".into(),
        rows: vec![
            Row {
                items: vec![act("FIND"), act("UPDATE")],
                targets: vec![
                    Target::new(named("sales"), named("orders")),
                    Target::new(named("sales"), Scope::Any),
                ],
            },
            Row {
                items: vec![act("FIND"), act("INSERT")],
                targets: vec![Target::new(Scope::Any, named("audit"))],
            },
            Row {
                items: vec![Item::BuiltinRole("read".into()), act("DROP_DATABASE")],
                targets: vec![
                    Target::new(named("reports"), Scope::Any),
                    Target::new(named("archive"), Scope::Any),
                ],
            },
            Row {
                items: vec![
                    act("SERVER_STATUS"),
                    Item::BuiltinRole("clusterMonitor".into()),
                    Item::CustomRole("base".into()),
                ],
                targets: vec![Target::blank()],
            },
        ],
        extra: Default::default(),
    };
    let role = form.to_role();
    assert_eq!(role.role_name, "orders_admin");
    let find = role
        .actions
        .iter()
        .filter(|a| a.action == "FIND")
        .collect::<Vec<_>>();
    assert_eq!(find.len(), 1, "FIND from two rows is one action");
    assert_eq!(
        find[0].resources,
        vec![
            Resource::namespace("sales", "orders"),
            Resource::namespace("sales", ""),
            Resource::namespace("", "audit")
        ]
    );
    let drop_db = role
        .actions
        .iter()
        .find(|a| a.action == "DROP_DATABASE")
        .unwrap();
    assert_eq!(
        drop_db.resources,
        vec![
            Resource::namespace("reports", ""),
            Resource::namespace("archive", "")
        ]
    );
    let status = role
        .actions
        .iter()
        .find(|a| a.action == "SERVER_STATUS")
        .unwrap();
    assert_eq!(status.resources, vec![Resource::cluster()]);
    assert_eq!(
        role.inherited_roles,
        vec![
            InheritedRole::new("read", "reports"),
            InheritedRole::new("read", "archive"),
            InheritedRole::new("clusterMonitor", "admin"),
            InheritedRole::new("base", "admin")
        ]
    );
}

#[test]
fn an_api_role_opens_as_rows_grouped_by_category_and_targets() {
    let role = CustomDbRole {
        role_name: "r".into(),
        actions: vec![
            PrivilegeAction {
                action: "FIND".into(),
                resources: vec![Resource::namespace("sales", "orders")],
            },
            PrivilegeAction {
                action: "INSERT".into(),
                resources: vec![Resource::namespace("sales", "orders")],
            },
            PrivilegeAction {
                action: "UPDATE".into(),
                resources: vec![Resource::namespace("", "")],
            },
            PrivilegeAction {
                action: "LIST_COLLECTIONS".into(),
                resources: vec![Resource::namespace("sales", "")],
            },
            PrivilegeAction {
                action: "GET_LOG".into(),
                resources: vec![Resource::cluster()],
            },
        ],
        inherited_roles: vec![
            InheritedRole::new("read", "sales"),
            InheritedRole::new("reporting", "admin"),
        ],
    };
    let form = RoleForm::from_role(&role);
    let shapes: Vec<(Option<Category>, Vec<String>, usize)> = form
        .rows
        .iter()
        .map(|r| {
            (
                r.category(),
                r.items.iter().map(|i| i.label().to_string()).collect(),
                r.targets.len(),
            )
        })
        .collect();
    assert_eq!(
        shapes,
        vec![
            (Some(Category::Collection), vec!["UPDATE".into()], 1),
            (
                Some(Category::Collection),
                vec!["FIND".into(), "INSERT".into()],
                1
            ),
            (
                Some(Category::Database),
                vec!["LIST_COLLECTIONS".into(), "read".into()],
                1
            ),
            (
                Some(Category::Global),
                vec!["GET_LOG".into(), "reporting".into()],
                1
            ),
        ]
    );
    assert_eq!(
        form.rows[0].targets[0],
        Target::new(Scope::Any, Scope::Any),
        "\"\" opens as Apply to any"
    );
    assert!(form.extra.actions.is_empty() && form.extra.inherited_roles.is_empty());
}

#[test]
fn parts_no_row_can_show_are_kept_and_saved_back() {
    let role = CustomDbRole {
        role_name: "odd".into(),
        actions: vec![
            PrivilegeAction {
                action: "FIND".into(),
                resources: vec![Resource::cluster()],
            },
            PrivilegeAction {
                action: "NOT_AN_ACTION".into(),
                resources: vec![Resource::cluster()],
            },
            PrivilegeAction {
                action: "DB_STATS".into(),
                resources: vec![Resource::namespace("a", "b")],
            },
        ],
        inherited_roles: vec![
            InheritedRole::new("readAnyDatabase", "sales"),
            InheritedRole::new("read", ""),
        ],
    };
    let form = RoleForm::from_role(&role);
    assert_eq!(form.extra.actions.len(), 3);
    assert_eq!(form.extra.inherited_roles.len(), 2);
    assert_eq!(normalize(form.to_role()), normalize(role));
}

fn normalize(mut r: CustomDbRole) -> CustomDbRole {
    for a in &mut r.actions {
        a.resources.sort();
    }
    r.actions.sort_by(|a, b| a.action.cmp(&b.action));
    r.inherited_roles.sort();
    r
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use domain::catalog::{inheritable_roles, InheritDb, ResourceKind, ACTIONS};
    use proptest::prelude::*;
    use proptest::sample::subsequence;

    const DBS: [&str; 4] = ["", "sales", "hr", "logs"];
    const COLLS: [&str; 3] = ["", "orders", "people"];

    fn resources_for(kind: ResourceKind) -> BoxedStrategy<Vec<Resource>> {
        match kind {
            ResourceKind::Cluster => Just(vec![Resource::cluster()]).boxed(),
            ResourceKind::Database => subsequence(DBS.to_vec(), 1..=DBS.len())
                .prop_map(|dbs| {
                    dbs.into_iter()
                        .map(|d| Resource::namespace(d, ""))
                        .collect()
                })
                .boxed(),
            ResourceKind::Collection => {
                let all: Vec<(&str, &str)> = DBS
                    .iter()
                    .flat_map(|d| COLLS.iter().map(move |c| (*d, *c)))
                    .collect();
                subsequence(all, 1..=4)
                    .prop_map(|ns| {
                        ns.into_iter()
                            .map(|(d, c)| Resource::namespace(d, c))
                            .collect()
                    })
                    .boxed()
            }
        }
    }

    /// Valid roles, plus parts no row can show (wrong resource kinds, global roles on other dbs).
    fn any_role() -> impl Strategy<Value = CustomDbRole> {
        let actions = subsequence(ACTIONS.iter().map(|a| a.action).collect::<Vec<_>>(), 0..12)
            .prop_flat_map(|acts| {
                acts.into_iter()
                    .map(|a| {
                        resources_for(a.resource()).prop_map(move |resources| PrivilegeAction {
                            action: a.api().into(),
                            resources,
                        })
                    })
                    .collect::<Vec<_>>()
            });
        let builtins = subsequence(
            inheritable_roles()
                .map(|r| (r.name, r.inherit_db))
                .collect::<Vec<_>>(),
            0..4,
        )
        .prop_flat_map(|roles| {
            roles
                .into_iter()
                .map(|(name, db)| match db {
                    InheritDb::Admin => Just(vec![InheritedRole::new(name, "admin")]).boxed(),
                    InheritDb::Target => subsequence(vec!["sales", "hr", "logs"], 1..=3)
                        .prop_map(move |dbs| {
                            dbs.into_iter()
                                .map(|d| InheritedRole::new(name, d))
                                .collect()
                        })
                        .boxed(),
                })
                .collect::<Vec<_>>()
        })
        .prop_map(|v| v.into_iter().flatten().collect::<Vec<_>>());
        let customs = subsequence(vec!["base", "reporting", "ops"], 0..3).prop_map(|v| {
            v.into_iter()
                .map(|n| InheritedRole::new(n, "admin"))
                .collect::<Vec<_>>()
        });
        let odd_actions = subsequence(
            vec![
                PrivilegeAction {
                    action: "FUTURE_ACTION".into(),
                    resources: vec![Resource::cluster()],
                },
                PrivilegeAction {
                    action: "SERVER_STATUS".into(),
                    resources: vec![Resource::namespace("sales", "")],
                },
            ],
            0..=2,
        );
        let odd_roles = subsequence(
            vec![
                InheritedRole::new("backup", "sales"),
                InheritedRole::new("ops2", "hr"),
            ],
            0..=2,
        );
        (actions, builtins, customs, odd_actions, odd_roles).prop_map(
            |(mut actions, mut inh, customs, odd_a, odd_r)| {
                for a in odd_a {
                    if !actions
                        .iter()
                        .any(|x: &PrivilegeAction| x.action == a.action)
                    {
                        actions.push(a);
                    }
                }
                inh.extend(customs);
                inh.extend(odd_r);
                CustomDbRole {
                    role_name: "generated".into(),
                    actions,
                    inherited_roles: inh,
                }
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn api_role_to_form_to_api_role_is_the_identity_up_to_order(role in any_role()) {
            let back = RoleForm::from_role(&role).to_role();
            prop_assert_eq!(normalize(back), normalize(role));
        }

        #[test]
        fn every_row_of_an_opened_role_respects_the_category_lock(role in any_role()) {
            for row in RoleForm::from_role(&role).rows {
                let cats: Vec<Category> = row.items.iter().map(Item::category).collect();
                prop_assert!(cats.iter().all(|a| cats.iter().all(|b| a.combines_with(*b))));
            }
        }
    }
}
