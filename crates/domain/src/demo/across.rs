//! The demo's other projects (issue 30): the same application's staging and production, drifted from the
//! standard project (its dev) as teams' projects drift when roles are kept in step by hand:
//! - staging lacks `orders_reader`, so `orders_writer` (which inherits it) can't be copied there alone,
//!   and lacks `support_readonly`, `orders_writer` and `reporting` with it;
//! - staging holds `shard_tuner` (reshardCollection, MongoDB 5.0+), which no other project has;
//! - production's `app_backend` holds one action more (`REMOVE` on `app`);
//! - production runs a MongoDB 4.4 cluster, so `shard_tuner` can't be copied there;
//! - dana (Project Database Access Admin in dev and staging) only reads production.
use super::*;

/// Staging: `OTHER_PROJECT_ID` (the project the demo's API key also holds a role in).
pub const STAGING_ID: &str = OTHER_PROJECT_ID;
pub const PROD_ID: &str = "6650f1c2a4b3c2d1e0f9a8d9";

const STAGING_MISSING: [&str; 4] = [
    "orders_reader",
    "orders_writer",
    "reporting",
    "support_readonly",
];

pub fn staging() -> Project {
    let mut p = standard();
    p.id = STAGING_ID.to_string();
    p.name = "Staging".to_string();
    p.custom_roles
        .retain(|r| !STAGING_MISSING.contains(&r.role_name.as_str()));
    p.custom_roles.push(role(
        "shard_tuner",
        vec![
            ns("RESHARD_COLLECTION", "sales", "orders"),
            ns("COLL_STATS", "sales", "orders"),
        ],
        vec![],
    ));
    // Users holding a role staging lacks aren't there either.
    p.users.retain(|u| {
        !u.roles
            .iter()
            .any(|r| STAGING_MISSING.contains(&r.role_name.as_str()))
    });
    p.clusters = vec![
        ClusterSummary::new("staging-main", "8.0.4", "AWS", "M20"),
        ClusterSummary::new("staging-analytics", "7.0.14", "AWS", "M10"),
    ];
    p
}

pub fn prod() -> Project {
    let mut p = standard();
    p.id = PROD_ID.to_string();
    p.name = "Production".to_string();
    if let Some(r) = p
        .custom_roles
        .iter_mut()
        .find(|r| r.role_name == "app_backend")
    {
        r.actions.push(ns("REMOVE", "app", ""));
    }
    p.clusters.push(ClusterSummary::new(
        "reports-legacy",
        "4.4.29",
        "AWS",
        "M30",
    ));
    // The demo's keys hold roles in dev and staging only.
    p.api_keys.clear();
    for m in &mut p.members {
        if m.username == "dana.dbadmin@example.com" {
            m.roles = vec!["GROUP_READ_ONLY".to_string()];
        }
    }
    p
}
