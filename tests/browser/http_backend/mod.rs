//! Browser tests of the console on the Admin API over HTTP, against the local emulator (started by
//! `scripts/test browser`, which passes its address in `DBACCESS_EMULATOR` at build time): the real UI
//! creates, edits and deletes a role, edits and deletes a user, creates an API key, adds a team (fetching the
//! organization's teams once per load), and survives faults — a 500 and a timeout keep the input and offer
//! "Try again", a 429 is retried, a 409 lands on its field, a slow answer holds back only what needs it.
//! One file a concern (`custom_roles`, `users`, `members`, `loads`); what they share is here.
use crate::support::*;
use dbaccess::backend::http::HttpBackend;
use dbaccess::backend::{Backend, OnDemand};
use dbaccess::config::Config;
use dbaccess::ui::shell::routes;
use domain::model::{ApiKey, CustomDbRole, Paginated};
use domain::project_access::MemberKind;
use wasm_bindgen_test::*;

mod custom_roles;
mod loads;
mod members;
mod person;
mod users;

const LIST: &str = routes::CUSTOM_ROLES;
const NEW: &str = routes::NEW_ROLE;
/// Generous: an ordinary answer must never time out, however busy the machine (the emulator answers in
/// milliseconds when idle; a timeout is provoked only by a fault, with `SHORT_TIMEOUT_MS`).
const TIMEOUT_MS: u32 = 60_000;
/// The timeout test's own, so it is quick.
const SHORT_TIMEOUT_MS: u32 = 2_500;

/// What the emulator holds, read over HTTP as the console reads it.
fn atlas() -> HttpBackend {
    HttpBackend::new(emu_url(), EMU_PROJECT, 10_000, None)
}

/// Waits for something that crosses the network (retries and timeouts included).
async fn settle(what: &str, cond: impl Fn() -> bool) {
    wait_until(what, cond).await
}

fn mount_http(url: &str) -> Mounted {
    mount_config(url, Config::http(emu_url(), EMU_PROJECT, TIMEOUT_MS))
}

async fn roles() -> Vec<CustomDbRole> {
    atlas().list_custom_roles().await.unwrap()
}

/// Asks `check` until it holds (`check` reads the emulator over HTTP).
async fn poll_until(what: &str, check: impl AsyncFn() -> bool) {
    wait_until_async(what, check).await
}

/// Polls the server's roles until `cond` holds.
async fn wait_until_async_roles(what: &str, cond: impl Fn(&[CustomDbRole]) -> bool) {
    poll_until(what, async || cond(&roles().await)).await
}

/// The paths read (GET) after the first request starting with `write` in the log, with their status,
/// relative to the project ("/ 200" is the project itself).
fn reads_after(log: &[String], write: &str) -> Vec<String> {
    let at = log
        .iter()
        .position(|l| l.starts_with(write))
        .unwrap_or_else(|| panic!("{write} was sent: {log:?}"));
    let project = format!("/api/atlas/v2/groups/{EMU_PROJECT}");
    log[at + 1..]
        .iter()
        .filter_map(|l| l.strip_prefix("GET "))
        .map(|l| match l.strip_prefix(&project) {
            Some(rest) if rest.starts_with(' ') => format!("/{rest}"),
            Some(rest) => rest.to_string(),
            None => l.to_string(),
        })
        .collect()
}
