//! Trunk entry point: the standalone page is just one host of the console.
use dbaccess::config::Config;
use leptos::prelude::*;

fn main() {
    console_error_panic_hook::set_once();
    // Only the standalone page starts the console by itself; a portal loads the same module and calls
    // mountConsole (src/embed.rs) where and how it wants.
    let standalone = document()
        .body()
        .is_some_and(|b| b.has_attribute("data-dbaccess-standalone"));
    if !standalone {
        return;
    }
    let location = window().location();
    let search = location.search().unwrap_or_default();
    let config = Config::from_query(&search, &location.origin().unwrap_or_default());
    if let Some(boot) = document().query_selector(".dba-boot").ok().flatten() {
        boot.remove();
    }
    leptos::mount::mount_to_body(move || view! { <dbaccess::ui::App config=config /> });
}
