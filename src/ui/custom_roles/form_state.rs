//! The role editor's reactive state: one signal per input, so typing in a field updates only that field,
//! and rows/targets have stable ids so adding or removing one never re-creates (and unfocuses) the others.
//! `to_form` turns it into the domain's `RoleForm`, where every rule lives.
use domain::role_form::{Extra, Item, RoleForm, Row, Scope, Target};
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TargetState {
    pub id: usize,
    pub db: RwSignal<String>,
    pub any_db: RwSignal<bool>,
    pub collection: RwSignal<String>,
    pub any_collection: RwSignal<bool>,
    /// Messages show once the user has left one of the target's fields.
    pub touched: RwSignal<bool>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowState {
    pub id: usize,
    pub items: RwSignal<Vec<Item>>,
    pub targets: RwSignal<Vec<TargetState>>,
    pub touched: RwSignal<bool>,
}

#[derive(Clone, Copy)]
pub struct FormState {
    pub name: RwSignal<String>,
    pub name_touched: RwSignal<bool>,
    pub rows: RwSignal<Vec<RowState>>,
    /// Parts of the role no row can show; kept so saving never drops them.
    extra: StoredValue<Extra>,
    next_id: StoredValue<usize>,
    /// Set by the first submit attempt: from then on every message shows.
    pub submitted: RwSignal<bool>,
}

fn scope_parts(s: &Scope) -> (String, bool) {
    match s {
        Scope::Any => (String::new(), true),
        Scope::Named(n) => (n.clone(), false),
    }
}

fn scope(text: String, any: bool) -> Scope {
    if any {
        Scope::Any
    } else {
        Scope::Named(text)
    }
}

impl FormState {
    pub fn new(form: &RoleForm) -> Self {
        let state = FormState {
            name: RwSignal::new(form.name.clone()),
            name_touched: RwSignal::new(false),
            rows: RwSignal::new(Vec::new()),
            extra: StoredValue::new(form.extra.clone()),
            next_id: StoredValue::new(0),
            submitted: RwSignal::new(false),
        };
        let rows = form.rows.iter().map(|r| state.make_row(r)).collect();
        state.rows.set(rows);
        state
    }

    fn id(&self) -> usize {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        id
    }

    fn make_target(&self, t: &Target) -> TargetState {
        let (db, any_db) = scope_parts(&t.db);
        let (collection, any_collection) = scope_parts(&t.collection);
        TargetState {
            id: self.id(),
            db: RwSignal::new(db),
            any_db: RwSignal::new(any_db),
            collection: RwSignal::new(collection),
            any_collection: RwSignal::new(any_collection),
            touched: RwSignal::new(false),
        }
    }

    fn make_row(&self, r: &Row) -> RowState {
        RowState {
            id: self.id(),
            items: RwSignal::new(r.items.clone()),
            targets: RwSignal::new(r.targets.iter().map(|t| self.make_target(t)).collect()),
            touched: RwSignal::new(false),
        }
    }

    /// The domain form (tracked: a memo over it recomputes on any edit).
    pub fn to_form(self) -> RoleForm {
        RoleForm {
            name: self.name.get(),
            rows: self
                .rows
                .get()
                .iter()
                .map(|r| Row {
                    items: r.items.get(),
                    targets: r
                        .targets
                        .get()
                        .iter()
                        .map(|t| Target {
                            db: scope(t.db.get(), t.any_db.get()),
                            collection: scope(t.collection.get(), t.any_collection.get()),
                        })
                        .collect(),
                })
                .collect(),
            extra: self.extra.get_value(),
        }
    }

    pub fn add_row(&self) -> usize {
        let row = self.make_row(&Row::new());
        self.rows.update(|r| r.push(row));
        row.id
    }

    pub fn remove_row(&self, id: usize) {
        self.rows.update(|r| r.retain(|row| row.id != id));
    }

    /// Adds a blank database/collection target to `row`.
    pub fn add_target(&self, row: RowState) -> usize {
        let t = self.make_target(&Target::blank());
        row.targets.update(|ts| ts.push(t));
        t.id
    }

    pub fn row_index(&self, id: usize) -> Option<usize> {
        self.rows.with(|r| r.iter().position(|row| row.id == id))
    }
}
