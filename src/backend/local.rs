//! The embedded in-browser backend's demo project.
use super::ProjectInfo;

/// The demo project the embedded backend starts with.
pub fn demo_project() -> ProjectInfo {
    ProjectInfo {
        id: "6650f1c2a4b3c2d1e0f9a8b7".to_string(),
        name: "Demo Project".to_string(),
    }
}
