//! The UI's modules import one way, bottom to top: `shell` (the plumbing), `widgets`, the screens (every
//! other folder of `src/ui`, which never import one another), `app` (the frame and the route tree, the only
//! module that names screens). Read from the sources, so an import that runs upward or sideways fails here
//! with its file, line and path. `crates/domain/tests/module_graph.rs` does the same for the domain.
//!
//! The sources are compiled in (`include_str!`): this test runs in the browser, without a file system (it
//! is a module of the library's test binary, src/lib.rs). Every `mod x;` in them must name a listed file, so the list can't fall behind the tree.
use std::collections::BTreeSet;
use wasm_bindgen_test::wasm_bindgen_test;

macro_rules! sources {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!("../src/ui/", $path)))),*]
    };
}

/// Every file of `src/ui`, by its path under it.
const SOURCES: &[(&str, &str)] = sources![
    "mod.rs",
    "across/compare.rs",
    "across/copy.rs",
    "across/export.rs",
    "across/mod.rs",
    "activity/mod.rs",
    "app/guard.rs",
    "app/header.rs",
    "app/mod.rs",
    "app/nav.rs",
    "app/person.rs",
    "app/screens.rs",
    "app/storage_notice.rs",
    "custom_roles/delete.rs",
    "custom_roles/dialogs.rs",
    "custom_roles/editor.rs",
    "custom_roles/form_state.rs",
    "custom_roles/import.rs",
    "custom_roles/limit.rs",
    "custom_roles/list.rs",
    "custom_roles/list_state.rs",
    "custom_roles/mod.rs",
    "custom_roles/preview.rs",
    "custom_roles/row_editor.rs",
    "custom_roles/rows.rs",
    "custom_roles/section.rs",
    "custom_roles/start_from.rs",
    "custom_roles/summary.rs",
    "custom_roles/toolbar.rs",
    "custom_roles/transfer.rs",
    "database_access/mod.rs",
    "database_users/bulk.rs",
    "database_users/certificate.rs",
    "database_users/conflict.rs",
    "database_users/dialog.rs",
    "database_users/edit.rs",
    "database_users/fields.rs",
    "database_users/form_state.rs",
    "database_users/list.rs",
    "database_users/mod.rs",
    "database_users/privileges.rs",
    "database_users/roles.rs",
    "lint/mod.rs",
    "who_can/mod.rs",
    "project_access/credentials.rs",
    "project_access/form.rs",
    "project_access/guide.rs",
    "project_access/list.rs",
    "project_access/member_dialogs.rs",
    "project_access/mod.rs",
    "project_access/picker.rs",
    "shell/base.rs",
    "shell/batch.rs",
    "shell/demo.rs",
    "shell/guard.rs",
    "shell/ids.rs",
    "shell/load.rs",
    "shell/mod.rs",
    "shell/routes.rs",
    "shell/start.rs",
    "shell/state.rs",
    "shell/undo.rs",
    "shell/write.rs",
    "widgets/change.rs",
    "widgets/conflict.rs",
    "widgets/copy.rs",
    "widgets/dialog.rs",
    "widgets/disclosure.rs",
    "widgets/field_error.rs",
    "widgets/findings.rs",
    "widgets/form/control.rs",
    "widgets/form/field.rs",
    "widgets/form/gate.rs",
    "widgets/form/mod.rs",
    "widgets/form/safe_edit.rs",
    "widgets/form/steps.rs",
    "widgets/grants.rs",
    "widgets/holders.rs",
    "widgets/listbox/keys.rs",
    "widgets/listbox/list.rs",
    "widgets/listbox/mod.rs",
    "widgets/listbox/options.rs",
    "widgets/listbox/state.rs",
    "widgets/loaded.rs",
    "widgets/mod.rs",
    "widgets/on_demand.rs",
    "widgets/permitted.rs",
    "widgets/question.rs",
    "widgets/select.rs",
    "widgets/tabs.rs",
];

/// A layer's height: a module may import only modules lower than itself (and its own files).
fn layer(module: &str) -> u8 {
    match module {
        "shell" => 0,
        "widgets" => 1,
        "app" => 3,
        _ => 2, // a screen
    }
}

/// The module path of a file: `custom_roles/list.rs` → `["custom_roles", "list"]`, `shell/mod.rs` → `["shell"]`.
fn module_path(file: &str) -> Vec<&str> {
    let mut parts: Vec<&str> = file.trim_end_matches(".rs").split('/').collect();
    if parts.last() == Some(&"mod") {
        parts.pop();
    }
    parts
}

fn ident(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The first names a path continues with after `crate::ui::`: `shell::x` → shell; `{shell::x, widgets}` → both.
fn first_names(rest: &str) -> Vec<&str> {
    match rest.strip_prefix('{') {
        None => vec![ident(rest)],
        Some(group) => {
            let (mut depth, mut start, mut names) = (0, 0, Vec::new());
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        names.push(ident(group[start..i].trim()));
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        names.push(ident(group[start..i].trim()));
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            names.retain(|n| !n.is_empty());
            names
        }
    }
}

/// Each `(file, line, imported module, as written)` of code (not comments) in `src/ui`.
fn imports(modules: &BTreeSet<&str>) -> Vec<(&'static str, usize, String, String)> {
    let mut found = Vec::new();
    for (file, text) in SOURCES {
        let here = module_path(file);
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            for (i, _) in code.match_indices("crate::ui") {
                let rest = &code[i + "crate::ui".len()..];
                let written = code[i..].split([';', ' ']).next().unwrap_or_default();
                match rest.strip_prefix("::") {
                    Some(rest) => {
                        for name in first_names(rest) {
                            found.push((*file, n + 1, name.to_string(), written.to_string()));
                        }
                    }
                    // `use crate::ui;` would hide every later path from this reader.
                    None => found.push((*file, n + 1, "ui".to_string(), written.to_string())),
                }
            }
            // `super::` from a file: up one module per `super`.
            let mut from = 0;
            while let Some(i) = code[from..].find("super::") {
                let start = from + i;
                let mut rest = &code[start..];
                let mut ups = 0;
                while let Some(r) = rest.strip_prefix("super::") {
                    ups += 1;
                    rest = r;
                }
                from = code.len() - rest.len();
                let base = &here[..here.len().saturating_sub(ups)];
                let mut target: Vec<&str> = base.to_vec();
                target.extend(first_names(rest));
                // Inside a file's own `mod tests`, `super::` is the file itself: a name that is no module
                // of the UI is one of the file's items.
                if let Some(top) = target.first().filter(|t| modules.contains(**t)) {
                    let written = code[start..].split([';', ' ']).next().unwrap_or_default();
                    found.push((*file, n + 1, top.to_string(), written.to_string()));
                }
            }
        }
    }
    found
}

fn top_modules() -> BTreeSet<&'static str> {
    SOURCES
        .iter()
        .map(|(f, _)| module_path(f))
        .filter_map(|p| p.first().copied())
        .collect()
}

#[wasm_bindgen_test]
fn every_file_of_the_module_tree_is_read() {
    let listed: BTreeSet<&str> = SOURCES.iter().map(|(f, _)| *f).collect();
    for (file, text) in SOURCES {
        let dir = module_path(file).join("/");
        for line in text.lines() {
            let mut code = line.trim_start();
            while code.starts_with("#[") {
                code = code[code.find(']').map_or(code.len(), |i| i + 1)..].trim_start();
            }
            let code = code
                .trim_start_matches("pub(crate) ")
                .trim_start_matches("pub ");
            let Some(rest) = code.strip_prefix("mod ") else {
                continue;
            };
            let name = ident(rest);
            if !rest[name.len()..].trim_start().starts_with(';') {
                continue; // an inline module, in this file
            }
            let prefix = if dir.is_empty() {
                String::new()
            } else {
                format!("{dir}/")
            };
            let (flat, folder) = (
                format!("{prefix}{name}.rs"),
                format!("{prefix}{name}/mod.rs"),
            );
            assert!(
                listed.contains(flat.as_str()) || listed.contains(folder.as_str()),
                "src/ui/{file} declares `mod {name}`: add \"{flat}\" (or \"{folder}\") to SOURCES in tests/ui_layers.rs"
            );
        }
    }
}

#[wasm_bindgen_test]
fn the_ui_imports_one_way() {
    let modules = top_modules();
    let found = imports(&modules);
    // The reader sees imports: if these went missing, it would pass anything.
    let seen = |from: &str, to: &str| {
        found
            .iter()
            .any(|(f, _, m, _)| module_path(f).first() == Some(&from) && m == to)
    };
    assert!(
        seen("app", "custom_roles") && seen("widgets", "shell") && seen("custom_roles", "widgets"),
        "the reader missed known imports"
    );
    let mut wrong = Vec::new();
    for (file, line, to, written) in &found {
        // The root (`ui/mod.rs`) declares the layers and re-exports the app.
        let Some(from) = module_path(file).first().copied() else {
            continue;
        };
        if !modules.contains(to.as_str()) {
            wrong.push(format!(
                "src/ui/{file}:{line}: {written} names no module of the UI (ui/mod.rs only declares them)"
            ));
        } else if from != to && layer(from) <= layer(to) {
            let why = match (layer(from), layer(to)) {
                (2, 2) => "a screen imports no other screen: move what both use to widgets",
                (_, 3) => "only the app's route tree names the app",
                (0, _) => "shell is the bottom layer: it imports nothing else of the UI",
                _ => "widgets import only shell",
            };
            wrong.push(format!(
                "src/ui/{file}:{line}: {from} imports {written}: {why}"
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the UI's layers (shell < widgets < screens < app):\n{}",
        wrong.join("\n")
    );
}
