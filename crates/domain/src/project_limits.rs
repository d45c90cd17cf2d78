//! The project's custom-role limit, as `PATCH …/limits/{limitName}` sets it: Project Owner only (the spec's
//! `x-rolesRequirements` for `setGroupLimit`), at most 1,400 (the spec's limits table), and never below
//! the roles the project already has. Atlas's codes for a value out of range are not documented, so
//! those refusals say they are the console's own checks.
use crate::errors::ErrorCode::VALIDATION_ERROR;
use crate::model::{ApiError, ProjectLimit, CUSTOM_ROLES_LIMIT_NAME, MAX_CUSTOM_ROLES_LIMIT};
use crate::permissions::Permission;
use crate::project::{ActivityKind, Project};
use crate::validate::{Field, Issue};

/// Why `input`, as typed, can't be the custom-role limit of a project holding `roles` custom roles.
pub fn validate_custom_role_limit(input: &str, roles: usize) -> Vec<Issue> {
    match input.trim().parse::<usize>() {
        Ok(value) => custom_role_limit_issues(value, roles),
        Err(_) => vec![limit_issue("Enter a whole number of custom roles.".into())],
    }
}

/// Why `value` can't be the custom-role limit of a project holding `roles` custom roles.
pub fn custom_role_limit_issues(value: usize, roles: usize) -> Vec<Issue> {
    if value > MAX_CUSTOM_ROLES_LIMIT {
        vec![limit_issue(format!(
            "Atlas allows at most {MAX_CUSTOM_ROLES_LIMIT} custom roles per project."
        ))]
    } else if value < roles.max(1) {
        vec![limit_issue(format!(
            "The project already has {roles} custom roles: the limit can't be lower (the console's own check)."
        ))]
    } else {
        Vec::new()
    }
}

fn limit_issue(message: String) -> Issue {
    Issue::error(Field::CustomRoleLimit, VALIDATION_ERROR, message)
}

impl Project {
    /// The custom-role limit as Atlas answers `GET …/limits/{name}` with it.
    pub fn custom_role_limit_view(&self) -> ProjectLimit {
        ProjectLimit {
            name: CUSTOM_ROLES_LIMIT_NAME.to_string(),
            value: self.custom_role_limit as i64,
            current_usage: Some(self.custom_roles.len() as i64),
            default_limit: Some(crate::model::DEFAULT_CUSTOM_ROLES_LIMIT as i64),
            maximum_limit: Some(MAX_CUSTOM_ROLES_LIMIT as i64),
        }
    }

    /// `PATCH …/limits/atlas.project.security.databaseAccess.customRoles`.
    pub fn set_custom_role_limit(
        &mut self,
        value: usize,
        now: &str,
    ) -> Result<ProjectLimit, ApiError> {
        self.principal.authorize(Permission::ProjectSettings)?;
        if let Some(why) = custom_role_limit_issues(value, self.custom_roles.len()).pop() {
            return Err(ApiError::new(
                VALIDATION_ERROR,
                why.message,
                vec![value.to_string()],
            ));
        }
        let before = self.custom_role_limit;
        self.custom_role_limit = value;
        self.record(
            ActivityKind::ProjectLimitChanged,
            "Custom roles limit",
            format!("{before} → {value} custom roles"),
            now,
        );
        Ok(self.custom_role_limit_view())
    }
}
