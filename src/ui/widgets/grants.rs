//! Grants in a list as compact chips: what is granted in bold, what it applies to after it. The text stays
//! the line the screens already show (`find on sales.orders`, `inherits read@analytics`, `read@admin`).
use leptos::prelude::*;

/// A line split for display: (lead, emphasised, joiner, rest); the parts concatenate to the line.
fn parts(line: &str) -> (&str, &str, &str, &str) {
    if let Some(role) = line.strip_prefix("inherits ") {
        return ("inherits ", role, "", "");
    }
    if let Some((action, on)) = line.split_once(" on ") {
        return ("", action, " on ", on);
    }
    match line.split_once('@') {
        Some((role, _)) => ("", role, "@", &line[role.len() + 1..]),
        None => ("", "", "", line),
    }
}

/// `<ul class="grants">` of one chip per line.
#[component]
pub fn GrantChips(lines: Vec<String>) -> impl IntoView {
    view! { <ul class="grants">{lines.into_iter().map(|l| view! { <GrantChip line=l /> }).collect_view()}</ul> }
}

/// One chip (an `<li>`), for lists that add or hide lines themselves. One fixed shape (empty parts
/// render nothing), which keeps the code small; the <wbr> lets a long role wrap before its @database.
#[component]
pub fn GrantChip(line: String) -> impl IntoView {
    let (lead, strong, joiner, rest) = parts(&line);
    let [lead, strong, joiner, rest] = [lead, strong, joiner, rest].map(str::to_string);
    view! {
        <li>
            <span class="grant-on">{lead}</span>
            <span class="grant-action">{strong}</span>
            <wbr />
            <span class="grant-on">{joiner}</span>
            {rest}
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::parts;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn each_kind_of_line_splits_into_what_and_where_and_keeps_its_text() {
        let rows = [
            (
                "find on sales.orders, sales.returns",
                ("", "find", " on ", "sales.orders, sales.returns"),
            ),
            (
                "inherits read@analytics",
                ("inherits ", "read@analytics", "", ""),
            ),
            ("orders_writer@admin", ("", "orders_writer", "@", "admin")),
            ("Project Read Only", ("", "", "", "Project Read Only")),
        ];
        for (line, split) in rows {
            assert_eq!(parts(line), split, "{line}");
            let (a, b, c, d) = split;
            assert_eq!(format!("{a}{b}{c}{d}"), line);
        }
    }
}
