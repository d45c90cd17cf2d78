//! How Atlas writes its answers, where that differs from how the console writes its requests. The
//! console's requests carry every resource field (as the Go SDK sends them); Atlas's answers leave out
//! `cluster` when false, and `db` and `collection` when `cluster` is true or when they are empty, as the
//! recorded answers in `../shared/atlas-recordings/customdbroles` show for requests the CLI sent with all
//! three. The recordings test holds the emulator to those answers.
use domain::model::{CustomDbRole, Resource};
use serde_json::{json, Map, Value};

fn resource(r: &Resource) -> Value {
    if r.cluster {
        return json!({ "cluster": true });
    }
    let mut m = Map::new();
    m.insert("db".into(), json!(r.db));
    if !r.collection.is_empty() {
        m.insert("collection".into(), json!(r.collection));
    }
    Value::Object(m)
}

/// A custom role as Atlas answers with it.
pub fn custom_role(role: &CustomDbRole) -> Value {
    let actions: Vec<Value> = role
        .actions
        .iter()
        .map(|a| json!({ "action": a.action, "resources": a.resources.iter().map(resource).collect::<Vec<_>>() }))
        .collect();
    json!({
        "roleName": role.role_name,
        "actions": actions,
        "inheritedRoles": role.inherited_roles,
    })
}

pub fn custom_roles(roles: &[CustomDbRole]) -> Value {
    Value::Array(roles.iter().map(custom_role).collect())
}
