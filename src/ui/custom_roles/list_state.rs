//! The Custom Roles list's state: which of its dialogs is open, the search, the sort, how many rows show, the ticked roles, and the roles
//! sorted once per load; kept in `section` while the editor is open, so Cancel or Save comes back to it.
use super::section::{use_custom_roles, ListMemory};
use super::summary::{query_words, RoleEntry};
use crate::ui::shell::state::use_data;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// Rows per page. A screen at 1280 × 800 shows about eight, and every row that changes is built again on a
/// filter keystroke, on opening the editor (the page goes) and on Cancel (it comes back): a page of two
/// screens keeps those quick. How many roles match is in the count (a status, so it is announced) and on
/// "Show more"; find-in-page sees the shown rows only, which the search box makes up for.
pub const PAGE: usize = 20;

#[derive(Clone, Copy)]
pub struct RoleList {
    pub query: RwSignal<String>,
    pub descending: RwSignal<bool>,
    /// How many matching rows are in the page.
    pub page_rows: RwSignal<usize>,
    /// Roles ticked for export.
    pub selected: RwSignal<BTreeSet<String>>,
    /// Every role, sorted by name once per load.
    pub entries: Memo<Vec<RoleEntry>>,
    /// Indices into `entries` of the roles the search matches, in the order shown.
    pub matching: Memo<Vec<usize>>,
    /// How far down the page, taken when a row's link or button is used: by the time the list is cleaned
    /// up, the editor may have replaced it and the page be back at the top.
    pub scroll_y: StoredValue<f64>,
}

impl RoleList {
    /// The list as it was left (or fresh), kept again when it goes.
    pub fn open() -> Self {
        let data = use_data();
        let section = use_custom_roles();
        let left = section.recall().unwrap_or(ListMemory {
            page_rows: PAGE,
            ..Default::default()
        });
        let (query, descending) = (RwSignal::new(left.query), RwSignal::new(left.descending));
        let entries = Memo::new(move |_| {
            data.roles.with(|r| {
                let mut e: Vec<RoleEntry> = r
                    .ready()
                    .map(|roles| roles.iter().map(RoleEntry::new).collect())
                    .unwrap_or_default();
                e.sort_by(|a, b| a.sort_key.cmp(&b.sort_key));
                e
            })
        });
        let matching = Memo::new(move |_| {
            let words = query.with(|q| query_words(q));
            entries.with(|all| matching(all, &words, descending.get()))
        });
        let list = RoleList {
            query,
            descending,
            page_rows: RwSignal::new(left.page_rows.max(PAGE)),
            selected: RwSignal::new(left.selected),
            entries,
            matching,
            scroll_y: StoredValue::new(0.0),
        };
        list.restore_scroll(left.scroll_y);
        on_cleanup(move || section.keep(list.memory()));
        list
    }

    fn restore_scroll(&self, y: f64) {
        if y > 0.0 {
            // After the router's own scroll to the top of a new page, which follows the render.
            set_timeout(
                move || window().scroll_to_with_x_and_y(0.0, y),
                std::time::Duration::ZERO,
            );
        }
    }

    /// The list as it is now (read as it goes: any of it may be gone already).
    fn memory(&self) -> ListMemory {
        ListMemory {
            query: self.query.try_get_untracked().unwrap_or_default(),
            descending: self.descending.try_get_untracked().unwrap_or_default(),
            page_rows: self.page_rows.try_get_untracked().unwrap_or(PAGE),
            selected: self.selected.try_get_untracked().unwrap_or_default(),
            scroll_y: self.scroll_y.try_get_value().unwrap_or_default(),
        }
    }

    /// Notes how far down the page is (a row's link or button was used).
    pub fn note_scroll(&self) {
        self.scroll_y
            .set_value(window().scroll_y().unwrap_or_default());
    }

    /// The page of matching roles shown (tracked): only these are cloned and built.
    pub fn visible(&self) -> Vec<RoleEntry> {
        let n = self.page_rows.get();
        self.matching.with(|m| {
            self.entries
                .with(|all| m.iter().take(n).map(|&i| all[i].clone()).collect())
        })
    }

    /// How many roles the project has (tracked).
    pub fn total(&self) -> usize {
        self.entries.with(Vec::len)
    }
}

/// A dialog of the list. Each opens from a click, so their code is in the on-demand chunk (`dialogs`).
#[derive(Clone)]
pub enum ListDialog {
    /// The roles ticked (every role when none is).
    Export(BTreeSet<String>),
    Import,
    ChangeLimit,
    UsedBy(String),
    Delete(String),
}

impl ListDialog {
    /// Its title, also when its code could not be loaded.
    pub fn title(&self) -> String {
        match self {
            ListDialog::Export(_) => "Export Custom Roles".into(),
            ListDialog::Import => "Import Custom Roles".into(),
            ListDialog::ChangeLimit => "Custom Role Limit".into(),
            ListDialog::UsedBy(name) => format!("Used by {name}"),
            ListDialog::Delete(name) => format!("Delete custom role {name}?"),
        }
    }
}

/// The dialog the list has open, and what its links need to know.
#[derive(Clone, Copy)]
pub struct ListDialogs {
    /// `None` when none is open.
    pub open: RwSignal<Option<ListDialog>>,
    /// Whether there are other projects to copy roles to or compare with (the "Copy to projects…" and
    /// "Compare projects" links): read once per load of the project.
    pub across: Memo<bool>,
}

impl ListDialogs {
    pub fn new() -> Self {
        let data = use_data();
        ListDialogs {
            open: RwSignal::new(None),
            across: Memo::new(move |_| {
                data.project.track();
                data.backend().projects().len() > 1
            }),
        }
    }

    /// Opens `dialog` (a click's handler).
    pub fn show(self, dialog: ListDialog) {
        self.open.set(Some(dialog));
    }
}

/// Indices of the entries matching every word, in name order or reversed.
pub fn matching(all: &[RoleEntry], words: &[String], descending: bool) -> Vec<usize> {
    let mut m: Vec<usize> = (0..all.len()).filter(|&i| all[i].matches(words)).collect();
    if descending {
        m.reverse();
    }
    m
}

/// The list's count: "8 of 100 custom roles", and how many match while searching.
pub fn count_text(total: usize, limit: Option<usize>, searching: bool, matching: usize) -> String {
    let count = match limit {
        Some(l) => format!("{total} of {l} custom roles"),
        None => format!("{total} custom roles"),
    };
    match searching {
        false => count,
        true => format!("{count} · {matching} matching"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::model::CustomDbRole;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn the_count_says_the_limit_and_how_many_match() {
        assert_eq!(count_text(8, Some(100), false, 8), "8 of 100 custom roles");
        assert_eq!(count_text(8, None, false, 8), "8 custom roles");
        assert_eq!(
            count_text(8, Some(100), true, 2),
            "8 of 100 custom roles · 2 matching"
        );
    }

    #[wasm_bindgen_test]
    fn every_word_must_match_and_the_order_can_be_reversed() {
        let entry = |name: &str| {
            RoleEntry::new(&CustomDbRole {
                role_name: name.into(),
                ..CustomDbRole::default()
            })
        };
        let all = [
            entry("orders_reader"),
            entry("orders_writer"),
            entry("sales"),
        ];
        assert_eq!(matching(&all, &query_words("orders"), false), vec![0, 1]);
        assert_eq!(matching(&all, &query_words("orders"), true), vec![1, 0]);
        assert_eq!(
            matching(&all, &query_words("orders writer"), false),
            vec![1]
        );
        assert_eq!(matching(&all, &query_words(""), false), vec![0, 1, 2]);
    }
}
