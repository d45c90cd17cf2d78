//! Built-in database roles, as MongoDB's server and Atlas's own pages define them, compared with the
//! catalog action by action and scope by scope (what no Admin API action can express is compared by its
//! server name), and which roles a database user may hold on which database. Every row cites its source;
//! where two sources disagree, the row says which one wins and why.
//!
//! Sources:
//! - SERVER: `mongodb/mongo src/mongo/db/auth/builtin_roles.yml` @ 00c97452ae2aea6d12d0ff46f67db597247fe77f,
//!   the server's own definitions: it wins over the manual's prose, which summarises it.
//! - MANUAL: <https://www.mongodb.com/docs/manual/reference/built-in-roles/> (`mongodb/docs
//!   content/manual/manual/source/reference/built-in-roles.txt`), for what a later server added.
//! - ATLAS: <https://www.mongodb.com/docs/atlas/mongodb-users-roles-and-privileges/> (`mongodb/docs
//!   content/atlas/source/mongodb-users-roles-and-privileges.txt` @ 31e818c7), Atlas's own roles.
//! - Atlas SP page: <https://www.mongodb.com/docs/atlas/atlas-stream-processing/privilege-actions/>
//!   (`mongodb/docs content/atlas/source/atlas-stream-processing/privilege-actions.txt` @ 739c9f7f) § Built-in
//!   Role Summary: the stream processing actions atlasAdmin, readWriteAnyDatabase and readAnyDatabase hold.
//!
//! Scopes: `cluster`; `granted` = the database (and collection) the role is granted on;
//! `granted.system.profile`; `any` = every database; `any but local, config`; `db` or `db.collection`;
//! `*.collection` = that collection in every database.
//!
//! The catalog's targets don't tell system collections from others, so a server row for a system
//! collection (e.g. `config.system.js`) whose actions a database-wide row of the same role already grants
//! is covered by that row and not repeated.
use domain::catalog::{builtin_role, Action, GrantScope, ResourceKind, UserScope, BUILTIN_ROLES};
use std::collections::BTreeSet;

#[path = "facts_builtin_roles/privileges.rs"]
mod role_facts;
use role_facts::{RoleFacts, ROLE_FACTS};

fn scope_name(scope: GrantScope) -> String {
    match scope {
        GrantScope::Cluster => "cluster".into(),
        GrantScope::Granted => "granted".into(),
        GrantScope::AnyDatabase => "any".into(),
        GrantScope::AnyDatabaseButLocalConfig => "any but local, config".into(),
        GrantScope::GrantedCollection(c) => format!("granted.{c}"),
        GrantScope::Namespace("", c) => format!("*.{c}"),
        GrantScope::Namespace(d, "") => d.into(),
        GrantScope::Namespace(d, c) => format!("{d}.{c}"),
    }
}

type Pairs = BTreeSet<(String, String)>;

/// (scope, Admin API action) and (scope, beyond-API name) pairs of the catalog's role.
fn catalog_pairs(name: &str) -> (Pairs, Pairs) {
    let role = builtin_role(name).unwrap_or_else(|| panic!("the catalog lacks {name}"));
    let (mut api, mut beyond) = (Pairs::new(), Pairs::new());
    for g in role.grants {
        let on = scope_name(g.scope);
        api.extend(g.actions.iter().map(|a| (on.clone(), a.api().to_string())));
        beyond.extend(g.beyond_api.iter().map(|b| (on.clone(), b.to_string())));
    }
    (api, beyond)
}

/// The row's (scope, Admin API action) and (scope, beyond-API name) pairs: a server action is the API's
/// where the API has it and takes it on that scope (compact on the cluster is not the API's COMPACT).
fn table_pairs(row: &RoleFacts) -> (Pairs, Pairs) {
    let (mut api, mut beyond) = (Pairs::new(), Pairs::new());
    for p in row.privileges {
        for name in split_server(p.actions) {
            let on_cluster = p.on == "cluster";
            let fits = |a: Action| {
                (a.resource() == ResourceKind::Cluster) == on_cluster
                    || (!on_cluster && a.on_namespaces_too())
            };
            match Action::from_server(&name).filter(|&a| fits(a)) {
                Some(a) => api.insert((p.on.to_string(), a.api().to_string())),
                None => beyond.insert((p.on.to_string(), name)),
            };
        }
    }
    (api, beyond)
}

/// "write permissions (not listed)" is one entry; otherwise names are separated by white space.
fn split_server(s: &str) -> Vec<String> {
    if s.contains('(') {
        vec![s.to_string()]
    } else {
        s.split_whitespace().map(str::to_string).collect()
    }
}

#[test]
fn every_builtin_role_grants_what_its_page_lists() {
    let table: BTreeSet<&str> = ROLE_FACTS.iter().map(|r| r.role).collect();
    let catalog: BTreeSet<&str> = BUILTIN_ROLES.iter().map(|r| r.name).collect();
    assert_eq!(
        table, catalog,
        "one row per built-in role the catalog knows"
    );
    let mut wrong = Vec::new();
    for row in ROLE_FACTS {
        assert!(!row.source.is_empty());
        let role = builtin_role(row.role).unwrap();
        let (api, beyond) = catalog_pairs(row.role);
        let (want_api, want_beyond) = table_pairs(row);
        let includes: BTreeSet<&str> = role.includes.iter().copied().collect();
        let want_includes: BTreeSet<&str> = row.includes.iter().copied().collect();
        if includes != want_includes {
            wrong.push(format!(
                "{}: includes {includes:?}, {} says {want_includes:?}",
                row.role, row.source
            ));
        }
        for (what, have, want) in [
            ("grants", &api, &want_api),
            ("beyond the API", &beyond, &want_beyond),
        ] {
            if have != want {
                let extra: Vec<_> = have.difference(want).collect();
                let missing: Vec<_> = want.difference(have).collect();
                wrong.push(format!(
                    "{} {what}: not on the page {extra:?}; missing {missing:?} ({})",
                    row.role, row.source
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

/// Which built-in roles a database user may hold, and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Holds {
    No,
    AdminOnly,
    AnyDb,
    AnyDbOrCollection,
}

const SPEC: &str = "spec/atlas-openapi-subset.yaml DatabaseUserRole.roleName enum";
const ATLAS_PAGE: &str = "mongodb/docs content/atlas/source/mongodb-users-roles-and-privileges.txt";
const RELEASE_2021: &str =
    "mongodb/docs content/atlas/source/includes/changelog/atlas-2021.rst § 2 December 2021 Release";
/// The official v1 "Create a database user" page (same role rules in v2), as mirrored: "Specific databases
/// accept … dbAdmin, read, readWrite"; "Specific collections accept … read, readWrite".
const V1_DOCS: &str =
    "Personabo-Technologies/MongoDB-Atlas-Docs reference_api_database-users-create-a-user.md";

/// (role, where a database user may hold it, source). The spec's enum is the ten roles of the API's
/// own example list; Atlas's built-in roles page and release notes add the three Atlas specific
/// privileges, which the enum (a list of examples beside `<a custom role name>`) doesn't rule out: the
/// pages win, and on `admin` only like every other cluster-wide role.
const USER_FACTS: &[(&str, Holds, &str)] = &[
    ("atlasAdmin", Holds::AdminOnly, SPEC),
    ("readWriteAnyDatabase", Holds::AdminOnly, SPEC),
    ("readAnyDatabase", Holds::AdminOnly, SPEC),
    ("clusterMonitor", Holds::AdminOnly, SPEC),
    ("backup", Holds::AdminOnly, SPEC),
    ("dbAdminAnyDatabase", Holds::AdminOnly, SPEC),
    ("enableSharding", Holds::AdminOnly, SPEC),
    ("dbAdmin", Holds::AnyDb, V1_DOCS),
    ("read", Holds::AnyDbOrCollection, V1_DOCS),
    ("readWrite", Holds::AnyDbOrCollection, V1_DOCS),
    ("killOpSession", Holds::AdminOnly, RELEASE_2021),
    ("autoCompact", Holds::AdminOnly, ATLAS_PAGE),
    ("manageShardBalancer", Holds::AdminOnly, ATLAS_PAGE),
    // MongoDB roles Atlas doesn't offer: in neither the enum nor the Atlas page.
    ("dbOwner", Holds::No, SPEC),
    ("userAdmin", Holds::No, SPEC),
    ("clusterAdmin", Holds::No, SPEC),
    ("clusterManager", Holds::No, SPEC),
    ("hostManager", Holds::No, SPEC),
    ("directShardOperations", Holds::No, SPEC),
    ("searchCoordinator", Holds::No, SPEC),
    ("restore", Holds::No, SPEC),
    ("userAdminAnyDatabase", Holds::No, SPEC),
    ("root", Holds::No, SPEC),
    ("__system", Holds::No, SPEC),
];

#[test]
fn database_users_may_hold_the_roles_atlas_lists_on_the_databases_it_says() {
    let mut wrong = Vec::new();
    for &(name, want, source) in USER_FACTS {
        let have = match builtin_role(name).and_then(|r| r.user_scope) {
            None => Holds::No,
            Some(UserScope::AdminOnly) => Holds::AdminOnly,
            Some(UserScope::AnyDatabase {
                collection_allowed: false,
            }) => Holds::AnyDb,
            Some(UserScope::AnyDatabase {
                collection_allowed: true,
            }) => Holds::AnyDbOrCollection,
        };
        if have != want {
            wrong.push(format!("{name}: {have:?}, {source} says {want:?}"));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
    let rows: BTreeSet<&str> = USER_FACTS.iter().map(|r| r.0).collect();
    let catalog: BTreeSet<&str> = BUILTIN_ROLES.iter().map(|r| r.name).collect();
    assert_eq!(rows, catalog, "one row per built-in role");
}

/// The same rows through the validation both backends run on every write (`domain::project`): a user
/// holding the role where the row allows it is accepted, elsewhere refused with Atlas's error code.
#[test]
fn the_user_rows_are_what_validation_accepts() {
    use domain::model::{DatabaseUser, DatabaseUserRole};
    use domain::validate::{validate_user, ProjectContext, UserMode};
    use domain::ErrorCode::{self, *};
    let ctx = ProjectContext::new(&[]);
    let codes = |db: &str, collection: Option<&str>, name: &str| -> Vec<ErrorCode> {
        let mut u = DatabaseUser::new("u");
        u.password = Some("s3cret-pass".into());
        let mut r = DatabaseUserRole::new(name, db);
        r.collection_name = collection.map(str::to_string);
        u.roles = vec![r];
        let issues = validate_user(&u, &ctx, UserMode::Create, 1_795_000_000);
        issues
            .into_iter()
            .filter(|i| i.is_error())
            .map(|i| i.code)
            .collect()
    };
    for &(name, holds, source) in USER_FACTS {
        let (on_admin, on_sales, on_orders) = (
            codes("admin", None, name),
            codes("sales", None, name),
            codes("sales", Some("orders"), name),
        );
        let ok = |c: &Vec<ErrorCode>| c.is_empty();
        match holds {
            Holds::No => assert_eq!(on_admin, [ATLAS_INVALID_ROLE], "{name} ({source})"),
            Holds::AdminOnly => {
                assert!(ok(&on_admin), "{name} on admin: {on_admin:?} ({source})");
                assert_eq!(on_sales, [ATLAS_INVALID_ROLE_DATABASE], "{name} ({source})");
            }
            Holds::AnyDb => {
                assert!(ok(&on_sales), "{name} on sales: {on_sales:?} ({source})");
                assert!(!ok(&on_orders), "{name} takes no collection ({source})");
            }
            Holds::AnyDbOrCollection => {
                assert!(ok(&on_sales) && ok(&on_orders), "{name} ({source})");
            }
        }
    }
}
