//! Trunk entry point: the standalone page is just one host of the console (src/embed.rs).
fn main() {
    #[cfg(target_arch = "wasm32")]
    dbaccess::embed::start_standalone();
}
