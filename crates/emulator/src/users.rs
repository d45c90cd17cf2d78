//! Database users on the wire, as Atlas treats them: a PATCH starts from the stored user and applies only
//! the fields its body holds (`[]` clears a list, `""` a description, absent keeps), then the result is
//! validated by `domain` like any write. Answers carry `groupId`, `labels` and `scopes` always, as in the
//! Atlas recordings. Also the project's federated databases and stream workspaces, which the user dialog
//! offers as scopes.
use crate::answers::{body, not_found, ok, page, Answer};
use crate::{Reply, Request};
use domain::api::{V2023_01_01, V2023_02_01};
use domain::model::{ApiError, DatabaseUser};
use domain::project::Project;
use domain::ErrorCode;
use serde_json::{json, Value};

pub fn route(p: &mut Project, req: &Request, m: &str, seg: &[&str], now: &str) -> Answer {
    match (m, seg) {
        ("GET", ["databaseUsers"]) => {
            let users: Vec<DatabaseUser> = p.users.iter().map(|u| in_group(u, &p.id)).collect();
            page(req, &users, V2023_01_01)
        }
        ("GET", ["databaseUsers", db, username]) => match p.database_user(db, username) {
            Some(u) => ok(200, &in_group(u, &p.id), V2023_01_01),
            None => Err(not_found(&format!("{db}/{username}"))),
        },
        ("POST", ["databaseUsers"]) => {
            let user: DatabaseUser = body(req)?;
            // The username rule is the emulator's own reading of Atlas (`atlas_rules`).
            crate::atlas_rules::check_username(&user)?;
            let created = p.create_database_user(user, now)?;
            ok(201, &in_group(&created, &p.id), V2023_01_01)
        }
        ("PATCH", ["databaseUsers", db, username]) => {
            let stored = p
                .database_user(db, username)
                .ok_or_else(|| not_found(&format!("{db}/{username}")))?;
            let user = merge_patch(stored, &req.body)?;
            let updated = p.update_database_user(db, username, user, now)?;
            ok(200, &in_group(&updated, &p.id), V2023_01_01)
        }
        // Atlas answers with the PEM text under the JSON media type (recorded in `dbuserscerts/`).
        ("POST", ["databaseUsers", username, "certs"]) => {
            let months = body::<Value>(req)?
                .get("monthsUntilExpiration")
                .map_or(Some(3), Value::as_u64)
                .and_then(|m| u32::try_from(m).ok())
                .unwrap_or(0);
            p.create_user_certificate(username, months, now)?;
            let media = crate::answer_media_type(V2023_01_01);
            Ok(Reply::raw(201, &media, &demo_pem(username, months)))
        }
        ("DELETE", ["databaseUsers", db, username]) => {
            p.delete_database_user(db, username, now)?;
            Ok(Reply::no_content(V2023_01_01))
        }
        // Atlas answers this one with a plain array of `DataLakeTenant`.
        ("GET", ["dataFederation"]) => {
            let lakes: Vec<Value> = p
                .federated_databases
                .iter()
                .map(|n| json!({ "name": n, "groupId": p.id, "state": "ACTIVE" }))
                .collect();
            ok(200, &lakes, V2023_01_01)
        }
        ("GET", ["streams"]) => {
            let workspaces: Vec<Value> = p
                .stream_workspaces
                .iter()
                .map(|n| json!({ "name": n, "groupId": p.id }))
                .collect();
            page(req, &workspaces, V2023_02_01)
        }
        _ => Err(not_found(&req.path)),
    }
}

/// The stored user with the body's fields laid over it. `null` counts as absent (Atlas's Go client can't
/// send one); `links` is read-only.
pub fn merge_patch(stored: &DatabaseUser, body: &str) -> Result<DatabaseUser, ApiError> {
    let invalid = |why: String| {
        ApiError::new(
            ErrorCode::VALIDATION_ERROR,
            format!("The request body is invalid: {why}."),
            vec![],
        )
    };
    let patch: Value = serde_json::from_str(body).map_err(|e| invalid(e.to_string()))?;
    let Value::Object(fields) = patch else {
        return Err(invalid("expected a JSON object".to_string()));
    };
    let mut merged = serde_json::to_value(stored).map_err(|e| invalid(e.to_string()))?;
    for (k, v) in fields {
        if !v.is_null() && k != "links" {
            merged[k] = v;
        }
    }
    serde_json::from_value(merged).map_err(|e| invalid(e.to_string()))
}

/// Atlas answers with the project a database user belongs to.
fn in_group(user: &DatabaseUser, group: &str) -> DatabaseUser {
    DatabaseUser {
        group_id: Some(group.to_string()),
        ..user.clone()
    }
}

/// The emulator is no certificate authority: random hex in a certificate's shape, saying so.
pub fn demo_pem(username: &str, months: u32) -> String {
    domain::user_certs::placeholder_pem(
        &format!(
            "Emulated certificate for CN={username}, valid {months} months: not signed by any authority."
        ),
        crate::clock::hex,
    )
}
