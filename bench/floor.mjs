// What the bundle budget leaves for the console, and what its first screen can weigh at least: compressed
// sizes (wasm + js + css) of the floor builds (scripts/bench --floor: a minimal Leptos + router app built
// like the console, alone and with the domain the Custom Roles page uses; the console with every screen but
// the first replaced by a placeholder) next to the console's own bundle, and what each step adds.
// Given the console built as one module too, it says how much the split adds in all (issue #31: 10% at most).
//   node bench/floor.mjs target/floor-framework target/floor-domain target/floor-first-screen [dist [unsplit]]
import { existsSync, readFileSync } from "node:fs";
import { bundleSizes } from "../tests/smoke/harness.mjs";

const [framework, domain, firstScreen, app = "dist", unsplit] = process.argv.slice(2);
const limit = JSON.parse(readFileSync(new URL("bundle-limit.json", import.meta.url)));
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const rows = [
  ["Leptos + router, a list and a second route", framework],
  ["… + the domain the Custom Roles page uses", domain],
  ["the console, first screen only (the rest placeholders)", firstScreen],
  ["the console (release dist/, every chunk)", app],
].filter(([, dir]) => dir && existsSync(dir));
const pad = 56;
console.log(`${"build (wasm + js + css)".padEnd(pad)} ${"gzip".padStart(9)} ${"brotli".padStart(9)} ${"adds (br)".padStart(10)}`);
let before = 0;
for (const [label, dir] of rows) {
  const { total_gzip: gz, total_brotli: br } = bundleSizes(dir);
  console.log(`${label.padEnd(pad)} ${kb(gz).padStart(9)} ${kb(br).padStart(9)} ${(before ? `${br >= before ? "+" : ""}${kb(br - before)}` : "").padStart(10)}`);
  before = br;
}
if (firstScreen && existsSync(firstScreen)) {
  const { total_brotli: floor } = bundleSizes(firstScreen);
  const goal = limit.first_screen_goal_brotli_bytes;
  console.log(`first-screen floor ${kb(floor)} brotli against the goal of ${kb(goal)}: ` +
    (floor <= goal ? `${kb(goal - floor)} to spare` : `${kb(floor - goal)} over`));
}
if (unsplit && existsSync(unsplit) && existsSync(app)) {
  const one = bundleSizes(unsplit);
  const split = bundleSizes(app);
  const growth = (k) => `${(100 * (split[k] / one[k] - 1)).toFixed(1)}%`;
  console.log(`the console as one module: ${kb(one.total_gzip)} gzip, ${kb(one.total_brotli)} brotli; split into ` +
    `${split.chunks} chunk(s) it weighs +${growth("total_brotli")} brotli, +${growth("total_gzip")} gzip in all ` +
    `(issue #31 allows +10%)`);
}
