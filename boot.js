// Starts the console from a file, not an inline script, so the page works under a strict
// Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval'). Trunk writes this tag (Trunk.toml,
// pattern_script) with the hashed names of the generated bindings and module.
const tag = document.querySelector("script[data-dbaccess-js]");
const { default: init } = await import(tag.dataset.dbaccessJs);
await init({ module_or_path: tag.dataset.dbaccessWasm });
