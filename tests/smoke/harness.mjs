// What the smoke test and the benchmark share: serve a built dist/ on loopback with the SPA fallback a
// real host needs, launch Debian's Chromium through playwright-core, and measure the bundle.
import { createServer } from "node:http";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { extname, join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
};

// The strict policy a portal would set (issue #7), served with every page the smoke test and the
// accessibility check load: no inline script or style, wasm allowed to compile, requests only to the
// page's own origin.
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";

/** The console's files in `dist` as paths from it ("/boot.js", "/pkg-<hash>/dbaccess_bg.wasm"): every file
 *  but the example portal's. */
export function bundleFiles(dist) {
  const out = [];
  const walk = (dir, prefix) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = `${prefix}/${e.name}`;
      if (e.isDirectory()) {
        if (path !== "/examples") walk(join(dir, e.name), path);
      } else out.push(path);
    }
  };
  walk(dist, "");
  return out.sort();
}

/** A split release build's chunks (scripts/build-wasm): every module in the build's folder but the main
 *  one, `/pkg-<hash>/dbaccess_bg.wasm`. */
export const isChunk = (path) => /^\/pkg-[^/]+\/.+\.wasm$/.test(path) && !path.endsWith("/dbaccess_bg.wasm");

const sizeCache = new Map();
/** Raw, gzip (level 9) and brotli (Node's default, quality 11) size of one file of `dist`. */
export function fileSizes(dist, path) {
  const key = join(dist, path);
  if (!sizeCache.has(key)) {
    const bytes = readFileSync(key);
    sizeCache.set(key, {
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes).length,
    });
  }
  return sizeCache.get(key);
}

/** Raw, gzip and brotli sizes of the wasm, js and css in `dist` (every chunk of a split build included),
 *  plus their totals. */
export function bundleSizes(dist) {
  const sizes = {};
  const files = bundleFiles(dist);
  for (const kind of ["wasm", "js", "css"]) {
    let raw = 0;
    let gz = 0;
    let br = 0;
    for (const f of files.filter((f) => extname(f) === `.${kind}`)) {
      const s = fileSizes(dist, f);
      raw += s.raw;
      gz += s.gzip;
      br += s.brotli;
    }
    sizes[`${kind}_raw`] = raw;
    sizes[`${kind}_gzip`] = gz;
    sizes[`${kind}_brotli`] = br;
  }
  sizes.total_gzip = sizes.wasm_gzip + sizes.js_gzip + sizes.css_gzip;
  sizes.total_brotli = sizes.wasm_brotli + sizes.js_brotli + sizes.css_brotli;
  sizes.chunks = files.filter(isChunk).length;
  return sizes;
}

/** Serves `dist` (and any `extra` directories under their URL prefix) on a free loopback port, adding
 *  `headers` to every answer (e.g. a Content-Security-Policy). */
export async function serve(dist, extra = {}, headers = {}) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const prefix = Object.keys(extra).find((p) => path.startsWith(p));
    const root = prefix ? extra[prefix] : dist;
    // A prefix mapped to an .html file is a host page's routes (e.g. the example portal's /portal/...).
    let file = root.endsWith(".html") ? root : join(root, prefix ? path.slice(prefix.length) : path);
    // Anything that is not a built asset is a route of the single-page app.
    if (!root.endsWith(".html") && (!file.startsWith(root) || !existsSync(file) || path.endsWith("/")))
      file = join(dist, "index.html");
    res.writeHead(200, { ...headers, "content-type": types[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

/** How long a smoke check waits for a sign (an element, a URL, a download) before it fails: minutes, since a
 * check waits for a sign and never for a time, and a busy machine (scripts/test --stress) is slow. */
export const PATIENCE = 180000;

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

// An init script for pages under measurement: window.__settle() resolves after one task that runs once the
// microtask queue has drained (a MessageChannel round trip), then forces layout. The wait for the next
// display frame is not counted.
// window.__settledAfter(t0, act, ready) runs act() and settles until ready() holds and a settle changed
// nothing in the DOM; it returns the milliseconds from t0 until the last change was laid out (a layout is
// forced as each batch of changes is observed). Chromium may render a display frame before a settle's
// message arrives (traces show Paint and Commit there): that is the browser painting, not the update,
// and it is not counted. A quiet settle only confirms the update was over.
export const SETTLE = `window.__settle = () => new Promise((done) => {
  const c = new MessageChannel();
  c.port1.onmessage = () => { document.body.offsetHeight; done(); };
  c.port2.postMessage(0);
});
window.__settledAfter = async (t0, act, ready) => {
  let changed = false;
  let laidOut = null;
  const seen = new MutationObserver(() => {
    changed = true;
    document.body.offsetHeight;
    laidOut = performance.now();
  });
  seen.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  try {
    act();
    for (let k = 0; k < 50; k++) {
      changed = false;
      await window.__settle();
      if (!changed && laidOut !== null && ready()) return laidOut - t0;
    }
    throw new Error("the page never settled");
  } finally {
    seen.disconnect();
  }
};`;

/** Types each query a character at a time into `selector`, timing each keystroke (until window.__settle()
 * resolves: install SETTLE first); clears between words, untimed. */
export async function typeQueries(page, selector, queries) {
  return page.evaluate(
    async ({ selector, queries }) => {
      const input = document.querySelector(selector);
      const out = [];
      const set = (v) => {
        input.value = v;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      };
      for (const q of queries) {
        for (let i = 1; i <= q.length; i++) {
          const t0 = performance.now();
          set(q.slice(0, i));
          await window.__settle();
          out.push(performance.now() - t0);
        }
        set("");
        await window.__settle();
      }
      return out;
    },
    { selector, queries },
  );
}
