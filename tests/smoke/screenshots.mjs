// Screenshots of every stop of the tour (tour.mjs: each screen and dialog) in the light and the dark
// colour scheme, at 1280 × 800 in headless Chromium, as <out>/<stop>-<light|dark>.png.
// With --docs <dir>, the stops marked `docs` are also written there as <docs>-<light|dark>.png: the
// pictures the README shows. Usually run through scripts/screenshots.
// With --widths <dir>, Custom Roles (light) and Database Users (dark) at 768, 1024, 1280 and 1920 px.
//   node tests/smoke/screenshots.mjs <dist> <out> [--docs <dir>] [--widths <dir>] [stop-name…]
import { mkdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { CSP, launch, serve } from "./harness.mjs";
import { STOPS, visit } from "./tour.mjs";

const args = process.argv.slice(2);
const docsAt = args.indexOf("--docs");
const docs = docsAt >= 0 ? resolve(args.splice(docsAt, 2)[1]) : null;
const widthsAt = args.indexOf("--widths");
const widths = widthsAt >= 0 ? resolve(args.splice(widthsAt, 2)[1]) : null;
const [dist, out, ...only] = args;
if (!dist || !out) {
  console.error("usage: node tests/smoke/screenshots.mjs <dist> <out> [--docs <dir>] [--widths <dir>] [stop-name…]");
  process.exit(2);
}
mkdirSync(out, { recursive: true });
if (docs) mkdirSync(docs, { recursive: true });
if (widths) mkdirSync(widths, { recursive: true });
// A README picture stays small enough to load quickly on the repository's page.
const DOCS_LIMIT = 150 * 1024;

const { server, base } = await serve(resolve(dist), {}, { "content-security-policy": CSP });
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
page.on("dialog", (d) => d.accept());
let failed = 0;
try {
  for (const stop of STOPS.filter((s) => only.length === 0 || only.includes(s.name))) {
    try {
      await page.emulateMedia({ colorScheme: "light", reducedMotion: "reduce" });
      await visit(page, base, stop);
      for (const scheme of ["light", "dark"]) {
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
        const file = join(out, `${stop.name}-${scheme}.png`);
        await page.screenshot({ path: file, animations: "disabled" });
        console.log(`${file} (${Math.round(statSync(file).size / 1024)} KB)`);
        if (docs && stop.docs) {
          const picture = join(docs, `${stop.docs}-${scheme}.png`);
          await page.screenshot({ path: picture, animations: "disabled" });
          const size = statSync(picture).size;
          console.log(`${picture} (${Math.round(size / 1024)} KB)`);
          if (size > DOCS_LIMIT) {
            console.log(`  too large for the README (over ${DOCS_LIMIT / 1024} KB)`);
            failed++;
          }
        }
      }
    } catch (e) {
      failed++;
      console.log(`FAIL ${stop.name}: ${e.message}`);
    }
  }
  // The layout at each width the console is made for: two main screens, one per colour scheme.
  if (widths) {
    for (const width of [768, 1024, 1280, 1920]) {
      const sized = await browser.newPage({ viewport: { width, height: 800 } });
      for (const [name, scheme] of [["custom-roles", "light"], ["database-users", "dark"]]) {
        await sized.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
        await visit(sized, base, STOPS.find((s) => s.name === name));
        const file = join(widths, `${name}-${width}-${scheme}.png`);
        await sized.screenshot({ path: file, animations: "disabled" });
        console.log(`${file} (${Math.round(statSync(file).size / 1024)} KB)`);
      }
      await sized.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
process.exit(failed === 0 ? 0 : 1);
