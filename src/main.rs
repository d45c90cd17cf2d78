//! Trunk entry point: the standalone page is just one host of the console.
use dbaccess::config::Config;
use leptos::prelude::*;

fn main() {
    console_error_panic_hook::set_once();
    let search = window().location().search().unwrap_or_default();
    let config = Config::from_query(&search);
    leptos::mount::mount_to_body(move || view! { <dbaccess::ui::App config=config /> });
}
