//! The end of a user edit when someone else got there first: "Save changes" re-reads the user, and if it
//! changed since the dialog opened, the dialog shows both changes with the shared choice (merge by hand,
//! take theirs, keep mine); if it was deleted, the dialog says so and offers to re-create it only when
//! nothing would have to be invented (a password user needs the new password typed in this edit).
use crate::backend::{ApiResult, Backend, BoxFuture};
use crate::ui::shell::ids::dom_id;
use crate::ui::widgets::form::Step;
use crate::ui::widgets::ChangeList;
use domain::diff::{same_user, user_change, user_lines, Change};
use domain::model::DatabaseUser;
use domain::user_form::AuthMethod;
use leptos::prelude::*;

/// Where a reviewed edit stands after "Save changes": theirs when the user changed meanwhile.
pub type Outcome = Step<Box<DatabaseUser>>;

/// Re-reads the user `base` was read as and sends `mine` only if nothing changed since: otherwise what
/// did (the Admin API has no conditional update, so this is as close as a client gets).
pub fn update_unless_changed(
    b: &dyn Backend,
    base: DatabaseUser,
    mine: DatabaseUser,
) -> BoxFuture<'_, ApiResult<Result<DatabaseUser, Outcome>>> {
    Box::pin(async move {
        let (db, name) = (base.database_name.clone(), base.username.clone());
        match b.get_database_user(db.clone(), name.clone()).await {
            Err(e) if e.error == 404 => return Ok(Err(Outcome::Gone)),
            Err(e) => return Err(e),
            Ok(theirs) if !same_user(&theirs, &base) => {
                return Ok(Err(Outcome::Changed(Box::new(theirs))))
            }
            Ok(_) => {}
        }
        b.update_database_user(db, name, mine).await.map(Ok)
    })
}

/// What an edit changes from `before`, a new password included (never its value).
pub fn change_of(before: &DatabaseUser, mine: &DatabaseUser) -> Change {
    let mut change = user_change(before, mine);
    if mine.password.is_some() {
        change.added.push("a new password".to_string());
    }
    change
}

/// Whether the user as the form holds it can be created again as it is: a password user only with the
/// new password typed in this edit (the console never has the old one).
pub fn can_recreate(mine: &DatabaseUser) -> bool {
    let needs_password = AuthMethod::of(mine).is_some_and(AuthMethod::has_password);
    !needs_password || mine.password.is_some()
}

#[component]
pub fn UserDeleted(
    mine: DatabaseUser,
    busy: Signal<bool>,
    on_recreate: Callback<()>,
    on_back: Callback<()>,
) -> impl IntoView {
    let recreate = can_recreate(&mine);
    let name = mine.username.clone();
    view! {
        <section class="review conflict" role="alert" aria-labelledby=dom_id("conflict-title")>
            <h3 id=dom_id("conflict-title") tabindex="-1">"Someone else deleted this user"</h3>
            <p>{format!("{name} was deleted since you opened it, so there is nothing to update.")}</p>
            {if recreate {
                view! {
                    <p>"Re-create User adds it again as your form describes it:"</p>
                    <ChangeList change=Change::created(user_lines(&mine)) />
                }.into_any()
            } else {
                view! {
                    <p>"Re-creating it needs a new password, which the console doesn't have: go back to editing and enter one, or close the dialog."</p>
                }.into_any()
            }}
            <div class="form-actions">
                <button type="button" class="button" on:click=move |_| on_back.run(())>"Back to editing"</button>
                {recreate.then(|| view! {
                    <button type="button" class="button button-primary" disabled=move || busy.get()
                        aria-busy=move || busy.get().then_some("true")
                        on:click=move |_| on_recreate.run(())>"Re-create User"</button>
                })}
            </div>
        </section>
    }
}
