//! The generated large project (1,400 roles with inheritance, 100 users) for benchmarks and budgets.
use super::*;

/// A generated project with `roles` custom roles (every fifth inherits the two before it, every seventh
/// holds only inherited roles) and `users` database users holding one to three of them. Deterministic.
pub fn large(roles: usize, users: usize) -> Project {
    const ACTIONS: [&str; 6] = [
        "FIND",
        "INSERT",
        "UPDATE",
        "REMOVE",
        "CREATE_INDEX",
        "CHANGE_STREAM",
    ];
    const TEAMS: [&str; 8] = [
        "sales", "billing", "search", "identity", "catalog", "growth", "ml", "ops",
    ];
    let mut custom_roles = Vec::with_capacity(roles);
    for i in 0..roles {
        let team = TEAMS[i % TEAMS.len()];
        let name = format!("{team}_role_{i:04}");
        let db = format!("{team}_db{}", i % 13);
        let (actions, inherited) = if i % 7 == 6 && i >= 2 {
            (
                vec![],
                vec![InheritedRole::new(
                    custom_roles_name(&custom_roles, i - 1),
                    "admin",
                )],
            )
        } else {
            let actions = (0..1 + i % 4)
                .map(|k| {
                    ns(
                        ACTIONS[(i + k) % ACTIONS.len()],
                        &db,
                        &format!("coll{}", (i + k) % 9),
                    )
                })
                .collect();
            let inherited = if i % 5 == 4 {
                vec![
                    InheritedRole::new(custom_roles_name(&custom_roles, i - 1), "admin"),
                    InheritedRole::new(custom_roles_name(&custom_roles, i - 2), "admin"),
                ]
            } else {
                vec![]
            };
            (actions, inherited)
        };
        custom_roles.push(role(&name, actions, inherited));
    }
    let users = (0..users)
        .map(|u| {
            let held: Vec<(String, &str)> = (0..1 + u % 3)
                .filter(|k| roles > 0 && (u * 14 + k * 5) < roles)
                .map(|k| (custom_roles[u * 14 + k * 5].role_name.clone(), "admin"))
                .collect();
            let mut user = DatabaseUser::new(format!("user-{u:03}"));
            user.roles = held
                .into_iter()
                .map(|(r, db)| DatabaseUserRole::new(r, db))
                .collect();
            if user.roles.is_empty() {
                user.roles.push(DatabaseUserRole::new("read", "test"));
            }
            user
        })
        .collect();
    let mut project = standard();
    project.name = "Large Demo Project".to_string();
    project.custom_roles = custom_roles;
    project.users = users;
    project.custom_role_limit = MAX_CUSTOM_ROLES_LIMIT;
    project
}

fn custom_roles_name(roles: &[CustomDbRole], i: usize) -> String {
    roles[i].role_name.clone()
}
