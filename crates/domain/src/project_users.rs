//! Database-user writes on a project, applied as Atlas applies them: validated first, refused with the
//! Atlas envelope, recorded in the Activity Feed. Passwords are checked and then dropped: the project never
//! holds one, so nothing that stores or shows a project (browser storage, the feed) can leak it.
use crate::datetime::parse_datetime;
use crate::diff::{user_change, user_lines, Change};
use crate::errors::ErrorCode::*;
use crate::model::{ApiError, DatabaseUser, DatabaseUserRole};
use crate::permissions::Permission;
use crate::project::{first_error, ActivityKind, Project};
use crate::validate::{validate_user, UserMode};

fn user_not_found(db: &str, username: &str) -> ApiError {
    // The exact code Atlas answers with for a missing user is UNCONFIRMED; RESOURCE_NOT_FOUND (404) is the
    // generic one and what the console relies on is the 404 status.
    ApiError::new(
        RESOURCE_NOT_FOUND,
        format!("No user with username {username} exists in database {db}."),
        vec![username.to_string(), db.to_string()],
    )
}

/// "read@sales, orders_reader@admin": what a user holds, for the feed.
fn roles_summary(user: &DatabaseUser) -> String {
    let roles: Vec<String> = user.roles.iter().map(DatabaseUserRole::spec).collect();
    roles.join(", ")
}

/// `"description": ""` is how a PATCH removes a description; the project then has none.
fn drop_empty_description(user: &mut DatabaseUser) {
    if user.description.as_deref().is_some_and(str::is_empty) {
        user.description = None;
    }
}

fn seconds(now: &str) -> i64 {
    parse_datetime(now).unwrap_or_default()
}

impl Project {
    pub fn database_user(&self, db: &str, username: &str) -> Option<&DatabaseUser> {
        self.users
            .iter()
            .find(|u| u.database_name == db && u.username == username)
    }

    /// `GET …/databaseUsers/{databaseName}/{username}`: 404 when there is no such user.
    pub fn get_database_user(&self, db: &str, username: &str) -> Result<DatabaseUser, ApiError> {
        self.database_user(db, username)
            .cloned()
            .ok_or_else(|| user_not_found(db, username))
    }

    /// `POST …/databaseUsers`.
    pub fn create_database_user(
        &mut self,
        mut user: DatabaseUser,
        now: &str,
    ) -> Result<DatabaseUser, ApiError> {
        self.principal.authorize(Permission::DatabaseAccess)?;
        let issues = validate_user(&user, &self.context(), UserMode::Create, seconds(now));
        if let Some(err) = first_error(&issues) {
            return Err(err);
        }
        user.password = None;
        user.group_id = None;
        drop_empty_description(&mut user);
        let summary = format!("Roles: {}", roles_summary(&user));
        self.record_change(
            ActivityKind::DatabaseUserCreated,
            &user.username,
            summary,
            Some(Change::created(user_lines(&user))),
            now,
        );
        self.users.push(user.clone());
        Ok(user)
    }

    /// `PATCH …/databaseUsers/{databaseName}/{username}`. A password in the body changes it (and is then
    /// dropped like on create); none keeps the current one.
    pub fn update_database_user(
        &mut self,
        db: &str,
        username: &str,
        mut user: DatabaseUser,
        now: &str,
    ) -> Result<DatabaseUser, ApiError> {
        self.principal.authorize(Permission::DatabaseAccess)?;
        let index = self
            .users
            .iter()
            .position(|u| u.database_name == db && u.username == username)
            .ok_or_else(|| user_not_found(db, username))?;
        let original = self.users[index].clone();
        let issues = validate_user(
            &user,
            &self.context(),
            UserMode::Update {
                original: &original,
            },
            seconds(now),
        );
        if let Some(err) = first_error(&issues) {
            return Err(err);
        }
        let password_changed = user.password.take().is_some();
        user.group_id = None;
        drop_empty_description(&mut user);
        let mut summary = format!("Roles: {}", roles_summary(&user));
        if password_changed {
            summary.push_str("; password changed");
        }
        let change = user_change(&original, &user);
        self.record_change(
            ActivityKind::DatabaseUserUpdated,
            username,
            summary,
            Some(change),
            now,
        );
        self.users[index] = user.clone();
        Ok(user)
    }

    /// `DELETE …/databaseUsers/{databaseName}/{username}`.
    pub fn delete_database_user(
        &mut self,
        db: &str,
        username: &str,
        now: &str,
    ) -> Result<(), ApiError> {
        self.principal.authorize(Permission::DatabaseAccess)?;
        let lines = self
            .database_user(db, username)
            .map(user_lines)
            .ok_or_else(|| user_not_found(db, username))?;
        self.users
            .retain(|u| !(u.database_name == db && u.username == username));
        self.record_change(
            ActivityKind::DatabaseUserDeleted,
            username,
            "Deleted".to_string(),
            Some(Change::deleted(lines)),
            now,
        );
        Ok(())
    }
}
