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
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowState {
    pub id: usize,
    pub items: RwSignal<Vec<Item>>,
    pub targets: RwSignal<Vec<TargetState>>,
}

/// What the person can leave in the editor: the name, a row's picker, a target's fields (by their
/// stable ids). Its messages show from then on (`FormControl`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Touch {
    Name,
    Row(usize),
    Target(usize),
}

impl RowState {
    /// The domain row (tracked).
    fn to_row(self) -> Row {
        Row {
            items: self.items.get(),
            targets: self
                .targets
                .get()
                .iter()
                .map(|t| Target {
                    db: scope(t.db.get(), t.any_db.get()),
                    collection: scope(t.collection.get(), t.any_collection.get()),
                })
                .collect(),
        }
    }
}

#[derive(Clone, Copy)]
pub struct FormState {
    pub name: RwSignal<String>,
    pub rows: RwSignal<Vec<RowState>>,
    /// Parts of the role no row can show; kept so saving never drops them.
    extra: StoredValue<Extra>,
    next_id: StoredValue<usize>,
    /// The editor's owner: rows made later (Add, Duplicate, Start from) are owned by it, not by the
    /// button that made them, which may go away first (its row removed, its panel closed).
    owner: StoredValue<Option<Owner>>,
    /// The rows as loaded (by row id), so an edited row can be marked "Changed" and a new one "New".
    baseline: StoredValue<Vec<(usize, Row)>>,
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
            rows: RwSignal::new(Vec::new()),
            extra: StoredValue::new(form.extra.clone()),
            next_id: StoredValue::new(0),
            owner: StoredValue::new(Owner::current()),
            baseline: StoredValue::new(Vec::new()),
        };
        state.load_rows(form);
        state
    }

    /// "New" for a row added since the form was loaded, "Changed" for an edited one (tracked).
    pub fn row_mark(&self, row: RowState) -> Option<&'static str> {
        let now = row.to_row();
        self.baseline
            .with_value(|b| match b.iter().find(|(id, _)| *id == row.id) {
                None => Some("New"),
                Some((_, before)) if *before != now => Some("Changed"),
                Some(_) => None,
            })
    }

    fn id(&self) -> usize {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        id
    }

    /// Runs `f` (which makes signals) under the editor's owner.
    fn owned<T>(&self, f: impl FnOnce() -> T) -> T {
        match self.owner.get_value() {
            Some(owner) => owner.with(f),
            None => f(),
        }
    }

    fn make_target(&self, t: &Target) -> TargetState {
        let (db, any_db) = scope_parts(&t.db);
        let (collection, any_collection) = scope_parts(&t.collection);
        let id = self.id();
        self.owned(|| TargetState {
            id,
            db: RwSignal::new(db),
            any_db: RwSignal::new(any_db),
            collection: RwSignal::new(collection),
            any_collection: RwSignal::new(any_collection),
        })
    }

    fn make_row(&self, r: &Row) -> RowState {
        let id = self.id();
        let targets = r.targets.iter().map(|t| self.make_target(t)).collect();
        self.owned(|| RowState {
            id,
            items: RwSignal::new(r.items.clone()),
            targets: RwSignal::new(targets),
        })
    }

    /// The domain form (tracked: a memo over it recomputes on any edit).
    pub fn to_form(self) -> RoleForm {
        RoleForm {
            name: self.name.get(),
            rows: self.rows.get().into_iter().map(RowState::to_row).collect(),
            extra: self.extra.get_value(),
        }
    }

    pub fn add_row(&self) -> usize {
        let row = self.make_row(&Row::new());
        self.rows.update(|r| r.push(row));
        row.id
    }

    /// Puts a copy of row `id` (its items and targets) right after it: the same actions on another
    /// namespace are one edit away.
    pub fn duplicate_row(&self, id: usize) -> Option<usize> {
        let at = self.row_index(id)?;
        let source = self.rows.with_untracked(|r| r[at]);
        let row = untrack(|| source.to_row());
        let copy = self.make_row(&row);
        self.rows.update(|r| r.insert(at + 1, copy));
        Some(copy.id)
    }

    /// Replaces the rows (and the parts no row shows) with `form`'s: "Start from" another role.
    /// Replaces the rows with `form`'s, which become the baseline the marks compare with.
    pub fn load_rows(&self, form: &RoleForm) {
        self.extra.set_value(form.extra.clone());
        let rows: Vec<RowState> = form.rows.iter().map(|r| self.make_row(r)).collect();
        let baseline = rows
            .iter()
            .map(|r| r.id)
            .zip(form.rows.iter().cloned())
            .collect();
        self.baseline.set_value(baseline);
        self.rows.set(rows);
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
