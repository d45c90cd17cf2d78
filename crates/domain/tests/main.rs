//! The domain's tests, one module per file, in one test binary: each binary compiles against and links
//! the crate and its dev-dependencies again. Run one file's tests with
//! `cargo test -p domain --test domain_tests -- lint::`.

mod common;

mod across;
mod api;
mod bulk;
mod catalog;
mod console_operations;
mod custom_role_limit;
mod diff;
mod facts_action_resources;
mod facts_builtin_roles;
mod facts_clusters;
mod facts_custom_roles;
mod facts_database_users;
mod facts_inherited_roles;
mod facts_project_roles;
mod lint;
mod lookup;
mod model;
mod module_graph;
mod permissions_members;
mod picker;
mod privileges;
mod privileges_reference;
mod project;
mod project_access;
mod project_access_rights;
mod role_form;
mod role_guide;
mod transfer;
mod transfer_across;
mod transfer_fuzz;
mod undo;
mod user_certificates;
mod validate_access;
mod validate_role;
mod validate_role_form;
mod validate_role_project;
mod validate_user;
mod validate_user_lifecycle;
