//! Undo after delete: what a deleted custom role or database user was, captured before the delete, and
//! the Admin API writes that put it back exactly as it was (the role's definition, and its place in
//! every role and user that held it). A password user can't be put back: the console never keeps
//! passwords, so `user_undo` refuses and says why.
use crate::lookup::used_by;
use crate::model::UpdateCustomDbRole;
use crate::model::{CustomDbRole, DatabaseUser, DatabaseUserRole, InheritedRole};
use crate::user_form::AuthMethod;

/// One Admin API write, in the order a restore sends them.
#[derive(Clone, Debug, PartialEq)]
pub enum Write {
    CreateRole(CustomDbRole),
    UpdateRole {
        name: String,
        update: UpdateCustomDbRole,
    },
    CreateUser(DatabaseUser),
    UpdateUser {
        db: String,
        username: String,
        user: DatabaseUser,
    },
}

/// A custom role as it was before it was deleted, with the entries that pointed at it.
#[derive(Clone, Debug, PartialEq)]
pub struct DeletedRole {
    pub role: CustomDbRole,
    /// Roles that inherited it, with the exact inherited-role entries they lose.
    heirs: Vec<(String, Vec<InheritedRole>)>,
    /// Users (auth db, username) that held it, with the exact role entries they lose.
    holders: Vec<(String, String, Vec<DatabaseUserRole>)>,
}

impl DeletedRole {
    /// Captures `name` before it is deleted; `None` when there is no such role.
    pub fn capture(name: &str, roles: &[CustomDbRole], users: &[DatabaseUser]) -> Option<Self> {
        let role = roles.iter().find(|r| r.role_name == name)?.clone();
        let heirs = roles
            .iter()
            .filter(|r| r.role_name != name)
            .filter_map(|r| {
                let lost: Vec<InheritedRole> = r
                    .inherited_roles
                    .iter()
                    .filter(|i| i.role == name)
                    .cloned()
                    .collect();
                (!lost.is_empty()).then(|| (r.role_name.clone(), lost))
            })
            .collect();
        let holders = users
            .iter()
            .filter_map(|u| {
                let lost: Vec<DatabaseUserRole> = u
                    .roles
                    .iter()
                    .filter(|r| r.role_name == name)
                    .cloned()
                    .collect();
                (!lost.is_empty()).then(|| (u.database_name.clone(), u.username.clone(), lost))
            })
            .collect();
        Some(DeletedRole {
            role,
            heirs,
            holders,
        })
    }

    /// How many roles and users held it (what the undo puts it back into).
    pub fn holder_count(&self) -> usize {
        self.heirs.len() + self.holders.len()
    }

    /// The writes that restore the role against the project as it is *now*: create the role, then give it
    /// back to each role and user that held it, still exists and hasn't got it back meanwhile. Whatever
    /// else changed on them since the delete is kept (each update starts from their current state).
    pub fn restore(&self, roles_now: &[CustomDbRole], users_now: &[DatabaseUser]) -> Vec<Write> {
        let mut writes = vec![Write::CreateRole(self.role.clone())];
        for (heir, lost) in &self.heirs {
            let Some(now) = roles_now.iter().find(|r| &r.role_name == heir) else {
                continue;
            };
            let mut update = UpdateCustomDbRole::from(now);
            if add_missing(&mut update.inherited_roles, lost) {
                writes.push(Write::UpdateRole {
                    name: heir.clone(),
                    update,
                });
            }
        }
        for (db, username, lost) in &self.holders {
            let Some(now) = users_now
                .iter()
                .find(|u| &u.database_name == db && &u.username == username)
            else {
                continue;
            };
            let mut user = now.clone();
            user.password = None; // an update without a password keeps the user's password
            if add_missing(&mut user.roles, lost) {
                writes.push(Write::UpdateUser {
                    db: db.clone(),
                    username: username.clone(),
                    user,
                });
            }
        }
        writes
    }
}

/// Appends the entries of `lost` that `list` lacks; whether any were.
fn add_missing<T: PartialEq + Clone>(list: &mut Vec<T>, lost: &[T]) -> bool {
    let missing: Vec<T> = lost.iter().filter(|e| !list.contains(e)).cloned().collect();
    let any = !missing.is_empty();
    list.extend(missing);
    any
}

/// Why undo isn't offered for deleting a password user.
pub const PASSWORD_USER_NO_UNDO: &str =
    "Undo isn't offered for a password user: the console never keeps passwords, so it couldn't re-create the user with the same one.";

/// The write that re-creates a deleted database user exactly, or why it can't.
pub fn user_undo(user: &DatabaseUser) -> Result<Write, &'static str> {
    if AuthMethod::of(user).is_none_or(AuthMethod::has_password) {
        return Err(PASSWORD_USER_NO_UNDO);
    }
    let mut user = user.clone();
    user.password = None;
    Ok(Write::CreateUser(user))
}

/// Whether deleting role `name` must be confirmed by typing its name: when other roles or users hold
/// it and would silently lose it.
pub fn delete_needs_typed_name(name: &str, roles: &[CustomDbRole], users: &[DatabaseUser]) -> bool {
    !used_by(name, roles, users).is_empty()
}
