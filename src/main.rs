//! Trunk entry point: the standalone page is just one host of the console.
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(dbaccess::ui::App);
}
