// What the 200 KB budget leaves for the console: compressed sizes of the floor builds (scripts/bench
// --floor: a minimal Leptos + router app built like the console, alone and with the domain the Custom
// Roles page uses) next to the console's own bundle, and what each step adds.
//   node bench/floor.mjs target/floor-framework target/floor-domain [dist]
import { existsSync, readFileSync } from "node:fs";
import { bundleSizes } from "../tests/smoke/harness.mjs";

const [framework, domain, app = "dist"] = process.argv.slice(2);
const { budget_gzip_bytes: budget } = JSON.parse(readFileSync(new URL("bundle-limit.json", import.meta.url)));
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const rows = [
  ["Leptos + router, a list and a second route", framework],
  ["… + the domain the Custom Roles page uses", domain],
  ["the console (release dist/)", app],
].filter(([, dir]) => existsSync(dir));
let before = 0;
const gzip = new Map();
console.log(`${"build".padEnd(46)} ${"gzip total".padStart(10)} ${"adds".padStart(10)}  (budget ${kb(budget)})`);
for (const [label, dir] of rows) {
  const { total_gzip: gz } = bundleSizes(dir);
  gzip.set(dir, gz);
  console.log(`${label.padEnd(46)} ${kb(gz).padStart(10)} ${(before ? `+${kb(gz - before)}` : "").padStart(10)}`);
  before = gz;
}
// The floor is the build with the domain (the framework alone when that one is missing).
const floor = gzip.get(domain) ?? gzip.get(framework);
console.log(`left for the console's own screens under the budget: ${kb(Math.max(0, budget - floor))}`);
