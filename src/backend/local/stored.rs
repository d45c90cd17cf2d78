//! The stored demo project: `{"version": 1, "project": …}` under a key in `localStorage`, read only
//! once its version is known to be ours, and what the browser says when it refuses to store it.
use domain::demo::DemoKind;
use domain::model::ApiError;
use domain::project::Project;
use domain::ErrorCode;
use serde::{Deserialize, Serialize};

/// Bumped whenever the stored shape changes incompatibly.
pub const FORMAT_VERSION: u32 = 1;

/// What is read: the project is parsed only once the version is known to be ours.
#[derive(Deserialize)]
struct Stored {
    version: u32,
    project: serde_json::Value,
}

/// What is written: serialized straight from the project, without an intermediate copy.
#[derive(Serialize)]
struct StoredRef<'a> {
    version: u32,
    project: &'a Project,
}

/// Why the stored project could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadProblem(pub String);

/// The storage key of a demo kind (each kind keeps its own project).
pub fn default_key(kind: DemoKind) -> String {
    match kind {
        DemoKind::Standard => "dbaccess.demo".to_string(),
        DemoKind::Large => "dbaccess.demo-large".to_string(),
        DemoKind::Staging | DemoKind::Prod => sibling_key("dbaccess.demo", kind),
    }
}

/// Where `kind`, one of the standard project's siblings (`DemoKind::FAMILY`), is kept beside the
/// standard project kept under `key` (each test's own key has its own siblings).
pub fn sibling_key(key: &str, kind: DemoKind) -> String {
    let base = [".staging", ".prod"]
        .iter()
        .find_map(|s| key.strip_suffix(s))
        .unwrap_or(key);
    match kind {
        DemoKind::Staging => format!("{base}.staging"),
        DemoKind::Prod => format!("{base}.prod"),
        _ => base.to_string(),
    }
}

/// The browser's `localStorage`, or `None` where it is unavailable (e.g. disabled by policy).
pub(super) fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub(super) fn read_raw(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

pub(super) fn parse(raw: &str) -> Result<Project, LoadProblem> {
    let problem = |why: String| Err(LoadProblem(why));
    let stored: Stored = match serde_json::from_str(raw) {
        Ok(s) => s,
        Err(e) => return problem(format!("The stored demo project is not readable ({e}).")),
    };
    if stored.version != FORMAT_VERSION {
        return problem(format!(
            "The stored demo project has format version {}; this version of the console reads version {FORMAT_VERSION}.",
            stored.version
        ));
    }
    match serde_json::from_value(stored.project) {
        Ok(p) => Ok(p),
        Err(e) => problem(format!(
            "The stored demo project is incomplete or damaged ({e})."
        )),
    }
}

/// Stores `project`; returns the stored text.
pub(super) fn write(key: &str, project: &Project) -> Result<String, String> {
    let text = serde_json::to_string(&StoredRef {
        version: FORMAT_VERSION,
        project,
    })
    .map_err(|e| e.to_string())?;
    storage()
        .ok_or_else(|| "storage is unavailable".to_string())?
        .set_item(key, &text)
        .map_err(refusal)?;
    Ok(text)
}

/// What the browser said when it refused to store (e.g. `QuotaExceededError`).
pub(super) fn refusal(e: wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(&e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the browser refused".to_string())
}

pub(super) fn storage_error(why: String) -> ApiError {
    ApiError::new(
        ErrorCode::UNEXPECTED_ERROR,
        format!("The browser refused to save the demo project: {why}. Nothing was changed."),
        Vec::new(),
    )
}
