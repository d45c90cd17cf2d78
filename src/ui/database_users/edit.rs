//! "Edit Database User": the routed dialog on the user the URL names, opened once and kept open even if
//! the user leaves the list meanwhile (its save then says so), and opened anew on "Revert changes" or on
//! a colleague's version after "Take theirs".
use super::dialog::UserDialog;
use crate::ui::shell::state::{find_for_edit, use_data, ForEdit};
use crate::ui::widgets::Banner;
use domain::model::DatabaseUser;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn EditUserDialog() -> impl IntoView {
    let data = use_data();
    let params = use_params_map();
    let key = move || {
        params.with(|p| {
            (
                p.get("db").unwrap_or_default(),
                p.get("username").unwrap_or_default(),
            )
        })
    };
    let user = find_for_edit(data.users, move |u: &DatabaseUser| {
        let (db, name) = key();
        u.database_name == db && u.username == name
    });
    // "Revert changes" makes the form anew from the user as loaded (or as taken from a colleague's
    // change): every field back, nothing left over.
    let loaded = StoredValue::new(None::<DatabaseUser>);
    let generation = RwSignal::new(0u32);
    let revert = Callback::new(move |()| generation.update(|g| *g += 1));
    let take_theirs = Callback::new(move |theirs: DatabaseUser| {
        loaded.set_value(Some(theirs));
        generation.update(|g| *g += 1);
    });
    // Once open, the dialog stays even if the user leaves the list (deleted meanwhile): saving says so.
    let open = Memo::new({
        let user = user.clone();
        move |was: Option<&bool>| was == Some(&true) || matches!(user(), ForEdit::Found(_))
    });
    move || {
        generation.track();
        if open.get() {
            let u = loaded.get_value().or_else(|| match untrack(&user) {
                ForEdit::Found(u) => Some(u),
                _ => None,
            });
            loaded.set_value(u.clone());
            return view! { <UserDialog original=u on_revert=revert on_take_theirs=take_theirs /> }
                .into_any();
        }
        match user() {
            ForEdit::Missing => {
                let (db, name) = key();
                view! { <Banner message=format!("There is no database user {name} on {db}.") /> }
                    .into_any()
            }
            _ => ().into_any(),
        }
    }
}
