//! The role editor's model. A form is a list of rows; a row holds actions or roles of one picker category
//! (Global may share a row with Custom Roles) and a list of database/collection targets, where "any" is
//! explicit. Converting to the API role merges an action repeated across rows into one entry (the API
//! rejects duplicate actions) and gives inherited roles the right `db`. Parts of an API role that no row can
//! show (an action on the wrong resource kind, a global role on a specific database...) are kept verbatim in
//! `extra`, so opening and saving a role never loses anything; validation reports them.
use crate::catalog::{builtin_role, Action, Category, InheritDb, ResourceKind};
use crate::model::{CustomDbRole, InheritedRole, PrivilegeAction, Resource, ADMIN_DB};
use std::collections::BTreeMap;

/// A database or collection name, or "Apply to any database/collection".
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scope {
    Any,
    /// A specific name; empty while the user has not typed one yet.
    Named(String),
}

impl Scope {
    /// The API spelling: "" means any.
    pub fn wire(&self) -> &str {
        match self {
            Scope::Any => "",
            Scope::Named(n) => n,
        }
    }

    fn from_wire(s: &str) -> Scope {
        if s.is_empty() {
            Scope::Any
        } else {
            Scope::Named(s.to_string())
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Target {
    pub db: Scope,
    /// Used by Collection Actions only.
    pub collection: Scope,
}

impl Target {
    pub fn blank() -> Self {
        Target {
            db: Scope::Named(String::new()),
            collection: Scope::Named(String::new()),
        }
    }

    pub fn new(db: Scope, collection: Scope) -> Self {
        Target { db, collection }
    }
}

/// One choice in the "Action or Role" picker.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Item {
    /// An action in one of the categories that offer it (`Action::offered_in`): the category
    /// decides its resource (enableSharding is offered for the cluster, a database and a collection).
    Action(Action, Category),
    /// An inheritable built-in role, by name.
    BuiltinRole(String),
    /// A custom role of the project, by name.
    CustomRole(String),
}

impl Item {
    /// An action in its home category (the one Atlas's picker lists it under).
    pub fn action(a: Action) -> Item {
        Item::Action(a, a.category())
    }

    pub fn category(&self) -> Category {
        match self {
            Item::Action(_, c) => *c,
            Item::BuiltinRole(r) => builtin_role(r)
                .and_then(|b| b.inheritable)
                .unwrap_or(Category::Global),
            Item::CustomRole(_) => Category::Custom,
        }
    }

    pub fn label(&self) -> &str {
        match self {
            Item::Action(a, _) => a.api(),
            Item::BuiltinRole(r) | Item::CustomRole(r) => r,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Row {
    pub items: Vec<Item>,
    pub targets: Vec<Target>,
}

impl Row {
    pub fn new() -> Self {
        Row {
            items: Vec::new(),
            targets: vec![Target::blank()],
        }
    }

    /// The category the row is locked to: the first non-Custom item's, else Custom; `None` when empty.
    pub fn category(&self) -> Option<Category> {
        let mut cats = self.items.iter().map(Item::category);
        let first = cats.next()?;
        Some(if first == Category::Custom {
            cats.find(|c| *c != Category::Custom)
                .unwrap_or(Category::Custom)
        } else {
            first
        })
    }

    /// Whether the picker lets the user choose an item of `category` in this row.
    pub fn accepts(&self, category: Category) -> bool {
        self.items
            .iter()
            .all(|i| i.category().combines_with(category))
    }

    /// Selects `item` if it is not selected and its category is not locked; unselects it otherwise.
    /// Returns false (and changes nothing) when the category is locked.
    pub fn toggle(&mut self, item: Item) -> bool {
        if let Some(pos) = self.items.iter().position(|i| *i == item) {
            self.items.remove(pos);
            true
        } else if self.accepts(item.category()) {
            self.items.push(item);
            true
        } else {
            false
        }
    }

    /// Whether the row's items need a database (and collection) target.
    pub fn needs_targets(&self) -> bool {
        matches!(
            self.category(),
            Some(Category::Collection | Category::Database)
        )
    }
}

/// Parts of an API role that the rows cannot represent; kept so saving never drops them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extra {
    pub actions: Vec<PrivilegeAction>,
    pub inherited_roles: Vec<InheritedRole>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoleForm {
    pub name: String,
    pub rows: Vec<Row>,
    pub extra: Extra,
}

impl RoleForm {
    /// The "Add New Custom Role" form: no name, one empty row.
    pub fn new() -> Self {
        RoleForm {
            name: String::new(),
            rows: vec![Row::new()],
            extra: Extra::default(),
        }
    }

    /// The API role this form describes.
    pub fn to_role(&self) -> CustomDbRole {
        let mut actions: Vec<PrivilegeAction> = Vec::new();
        let mut inherited: Vec<InheritedRole> = Vec::new();
        let mut add_action = |action: &str, resources: Vec<Resource>| {
            let entry = match actions.iter_mut().position(|a| a.action == action) {
                Some(i) => &mut actions[i],
                None => {
                    actions.push(PrivilegeAction {
                        action: action.to_string(),
                        resources: Vec::new(),
                    });
                    actions.last_mut().expect("just pushed")
                }
            };
            for r in resources {
                if !entry.resources.contains(&r) {
                    entry.resources.push(r);
                }
            }
        };
        let mut add_inherited = |r: InheritedRole| {
            if !inherited.contains(&r) {
                inherited.push(r);
            }
        };
        for row in &self.rows {
            for item in &row.items {
                match item {
                    Item::Action(a, cat) => {
                        add_action(a.api(), resources_for(*a, *cat, &row.targets))
                    }
                    Item::BuiltinRole(name) => {
                        let per_target =
                            builtin_role(name).is_some_and(|b| b.inherit_db == InheritDb::Target);
                        if per_target {
                            for t in &row.targets {
                                add_inherited(InheritedRole::new(name, t.db.wire()));
                            }
                        } else {
                            add_inherited(InheritedRole::new(name, ADMIN_DB));
                        }
                    }
                    Item::CustomRole(name) => add_inherited(InheritedRole::new(name, ADMIN_DB)),
                }
            }
        }
        for a in &self.extra.actions {
            add_action(&a.action, a.resources.clone());
        }
        for r in &self.extra.inherited_roles {
            add_inherited(r.clone());
        }
        CustomDbRole {
            role_name: self.name.clone(),
            actions,
            inherited_roles: inherited,
        }
    }

    /// The form that shows `role`: one row per category and set of targets, in picker order.
    pub fn from_role(role: &CustomDbRole) -> Self {
        // Collection and Database rows are keyed by their exact target list; Global/Custom share one row.
        let mut rows: BTreeMap<(Category, Vec<Target>), Vec<Item>> = BTreeMap::new();
        let mut global: Vec<Item> = Vec::new();
        let mut extra = Extra::default();

        for pa in &role.actions {
            let placed = Action::from_api(&pa.action)
                .and_then(|a| placements(a, &pa.resources).map(|p| (a, p)));
            let Some((a, (cluster, collections, databases))) = placed else {
                extra.actions.push(pa.clone());
                continue;
            };
            if cluster {
                global.push(Item::Action(a, Category::Global));
            }
            let mut add = |cat: Category, targets: Vec<Target>| {
                if !targets.is_empty() {
                    rows.entry((cat, targets))
                        .or_default()
                        .push(Item::Action(a, cat));
                }
            };
            add(Category::Collection, collections);
            add(Category::Database, databases);
        }

        // Per-database built-ins (read, readWrite, dbAdmin) become Database rows keyed by their databases.
        let mut per_db: BTreeMap<String, Vec<Target>> = BTreeMap::new();
        for r in &role.inherited_roles {
            match builtin_role(&r.role) {
                Some(b)
                    if b.inheritable.is_some()
                        && b.inherit_db == InheritDb::Target
                        && !r.db.is_empty() =>
                {
                    per_db
                        .entry(r.role.clone())
                        .or_default()
                        .push(Target::new(Scope::from_wire(&r.db), Scope::Any))
                }
                Some(b)
                    if b.inheritable.is_some()
                        && b.inherit_db == InheritDb::Admin
                        && r.db == ADMIN_DB =>
                {
                    global.push(Item::BuiltinRole(r.role.clone()))
                }
                None if r.db == ADMIN_DB => global.push(Item::CustomRole(r.role.clone())),
                _ => extra.inherited_roles.push(r.clone()),
            }
        }
        for (role_name, mut targets) in per_db {
            targets.sort();
            rows.entry((Category::Database, targets))
                .or_default()
                .push(Item::BuiltinRole(role_name));
        }

        let mut form_rows: Vec<Row> = rows
            .into_iter()
            .map(|((_, targets), items)| Row { items, targets })
            .collect();
        if !global.is_empty() {
            form_rows.push(Row {
                items: global,
                targets: vec![Target::blank()],
            });
        }
        if form_rows.is_empty() {
            form_rows.push(Row::new());
        }
        RoleForm {
            name: role.role_name.clone(),
            rows: form_rows,
            extra,
        }
    }
}

/// The `resources[]` an action gets from a row's targets, by the row's category.
fn resources_for(action: Action, category: Category, targets: &[Target]) -> Vec<Resource> {
    match category.resource().unwrap_or(action.resource()) {
        ResourceKind::Cluster => vec![Resource::cluster()],
        ResourceKind::Database => targets
            .iter()
            .map(|t| Resource::namespace(t.db.wire(), ""))
            .collect(),
        ResourceKind::Collection => targets
            .iter()
            .map(|t| Resource::namespace(t.db.wire(), t.collection.wire()))
            .collect(),
    }
}

/// Where the rows reproduce `resources` for `action`: the cluster (a Global row), the sorted targets of
/// its Collection row and of its Database row. `None` when no rows can represent them exactly (an empty
/// list, a resource the action isn't offered on, a duplicate): kept verbatim so validation reports it.
fn placements(action: Action, resources: &[Resource]) -> Option<(bool, Vec<Target>, Vec<Target>)> {
    if resources.is_empty() {
        return None;
    }
    let mut cluster = false;
    let (mut collections, mut databases) = (Vec::new(), Vec::new());
    for r in resources {
        if r.cluster {
            if cluster || !action.offered_in(Category::Global) {
                return None;
            }
            cluster = true;
            continue;
        }
        // A whole database goes to the Database row where one offers the action, else to a Collection
        // row with "any collection".
        let to_database = r.collection.is_empty() && action.offered_in(Category::Database);
        if !to_database && !action.offered_in(Category::Collection) {
            return None;
        }
        let targets: &mut Vec<Target> = if to_database {
            &mut databases
        } else {
            &mut collections
        };
        let t = Target::new(Scope::from_wire(&r.db), Scope::from_wire(&r.collection));
        if targets.contains(&t) {
            return None;
        }
        targets.push(t);
    }
    collections.sort();
    databases.sort();
    Some((cluster, collections, databases))
}
