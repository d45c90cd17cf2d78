//! What a grouped combobox offers: the caller's groups of options, and the part of them the open list
//! shows for a query.

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PickOption {
    /// Unique among all options; reported by `on_toggle`.
    pub key: String,
    pub label: String,
    /// A line under the label saying what the option is (also matched when filtering).
    pub description: Option<String>,
    /// Optional heading inside the group (shown before the first option that carries it).
    pub heading: Option<&'static str>,
    /// Why it can't be chosen now, if it can't.
    pub disabled: Option<String>,
    pub selected: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PickGroup {
    pub label: String,
    /// Why none of the group's options can be chosen now: said once under the group's label (each
    /// option is `aria-disabled` and described by it), not repeated by every option.
    pub locked: Option<String>,
    pub options: Vec<PickOption>,
    /// Whether only the first `GROUP_CAP` matches are shown (a group that can hold 1,400 custom roles);
    /// a catalog group (actions, built-in roles) is always listed whole.
    pub capped: bool,
}

/// DOM-safe id fragment for an option key.
pub(super) fn slug(key: &str) -> String {
    key.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// At most this many options of a capped group are in the DOM at once: a project may have 1,400 custom
/// roles, and re-rendering them all on every choice costs far more than a frame (measured by
/// `scripts/bench`). The rest are a keystroke away: the group says how many more there are.
const GROUP_CAP: usize = 50;

/// The options matching `query`, capped groups at `GROUP_CAP`, with the number of matches left out.
pub(super) fn filtered(groups: &[PickGroup], query: &str) -> Vec<(PickGroup, usize)> {
    let q = query.trim().to_lowercase();
    groups
        .iter()
        .map(|g| {
            let mut matching = g.options.iter().filter(|o| {
                q.is_empty()
                    || o.label.to_lowercase().contains(&q)
                    || o.description
                        .as_ref()
                        .is_some_and(|d| d.to_lowercase().contains(&q))
            });
            let cap = if g.capped { GROUP_CAP } else { usize::MAX };
            let options: Vec<PickOption> = matching.by_ref().take(cap).cloned().collect();
            let more = matching.count();
            (
                PickGroup {
                    label: g.label.clone(),
                    locked: g.locked.clone(),
                    options,
                    capped: g.capped,
                },
                more,
            )
        })
        .filter(|(g, _)| !g.options.is_empty())
        .collect()
}
