// The performance benchmark (scripts/bench): serves the release build and the plain HTML + JS baseline
// (bench/baseline.html) on loopback and measures both in headless Chromium in the same run. Prints a
// table with each figure's ratio to the baseline, checks the budgets of the performance issue, and
// writes everything to bench/out/results.json.
//
// Filter keystrokes are typed as a person types (real key presses) and timed from each input event's own
// time stamp until the update's microtasks have run and a layout has been forced (bench/interactions.mjs
// typeLikeAPerson), for the console and the baseline alike. Other interaction timings run from
// dispatching the event until pending microtasks and tasks queued by the update have run (a MessageChannel
// round trip, which runs after the microtask queue drains) and a layout has been forced: the wait for the
// next display frame is not counted. Editor open and picker
// lock end when their last DOM change has been laid out, once a further round trip changed nothing
// (window.__settledAfter): later updates count, a frame Chromium paints before a round trip's message
// does not (the baseline's renders don't count one either).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleSizes, launch, serve, SETTLE } from "../tests/smoke/harness.mjs";
import { measureAcross } from "./across.mjs";
import {
  largestRole,
  prepareEditorOpen,
  preparePickerLock,
  timeEditorOpen,
  timePickerLock,
  typeLikeAPerson,
} from "./interactions.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const dist = resolve(process.argv[2] ?? join(root, "dist"));
// The Admin API emulator and the portal, for the five large projects across (bench/across.mjs).
const [emulatorBin, portalBin] = process.argv.slice(3);
const RUNS = 5;
// The interactions vary more from run to run than a load does (a few ms against a 16 ms budget).
const INTERACTION_RUNS = 11;
const QUERIES = ["billing", "find", "sales_db3", "coll7", "inherits", "growth_role_01", "insert", "ops_db1"];
const BUDGET_GZIP = 200 * 1000;
const FRAME_MS = 16;
const ACROSS_MS = 100;

// When the roles table first shows rows, and when it first counts all 1,400 roles (recorded at the
// DOM mutation itself, not when the benchmark polls).
const MARKS = `new MutationObserver(() => {
  if (!window.__rowsAt && document.querySelector(".roles-table tbody tr")) window.__rowsAt = performance.now();
  if (!window.__allAt && document.getElementById("role-count")?.textContent.startsWith("1400 of"))
    window.__allAt = performance.now();
}).observe(document, { childList: true, subtree: true, characterData: true });`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

const { server, base } = await serve(dist, { "/bench/": here, "/app/style/": join(root, "style") });
const browser = await launch();
const results = { date: new Date().toISOString(), bundle: bundleSizes(dist) };
try {
  const fresh = async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(SETTLE);
    await page.addInitScript(MARKS);
    return { context, page };
  };

  // Cold load: navigation start until the Custom Roles tab shows its rows (fresh profile each time).
  const cold = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await fresh();
    await page.goto(`${base}/`);
    const t = await page.waitForFunction(() => window.__rowsAt, null, { timeout: 30000 });
    cold.push(await t.jsonValue());
    await context.close();
  }
  results.cold_load_ms = median(cold);

  // The large project: 1,400 roles, 100 users.
  const { context, page } = await fresh();
  await page.goto(`${base}/database-access/custom-roles?demo=large`);
  const shown = await page.waitForFunction(() => window.__allAt, null, { timeout: 60000 });
  results.large_table_ms = await shown.jsonValue();
  const cdp = await context.newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  results.large_js_heap_bytes = (await cdp.send("Runtime.getHeapUsage")).usedSize;
  const roles = await page.evaluate(() => JSON.parse(localStorage.getItem("dbaccess.demo-large")).project.customRoles);

  const keys = await typeLikeAPerson(page, "#role-search", QUERIES);
  results.filter = { keystrokes: keys.length, p50_ms: pct(keys, 0.5), p95_ms: pct(keys, 0.95) };

  // The baseline page, open beside the console: its 80-row render is timed right after each timed
  // interaction, so the two compare under the same load (this VM's speed drifts within a run). Rendered
  // twice and the second timed, so it is timed warm, as the console's interactions are.
  const b = await fresh();
  await b.page.goto(`${base}/bench/baseline.html`);
  const rows80 = [];
  const render80 = async () =>
    rows80.push(
      await b.page.evaluate(async (few) => {
        let ms = 0;
        for (let k = 0; k < 2; k++) {
          window.loadRoles([]);
          const t0 = performance.now();
          window.loadRoles(few);
          await window.__settle();
          ms = performance.now() - t0;
        }
        return ms;
      }, roles.slice(0, 80)),
    );

  // Opening the editor on the role with the most privileges.
  const big = largestRole(roles);
  const opens = [];
  for (let i = 0; i < INTERACTION_RUNS; i++) {
    await prepareEditorOpen(page, base, big.roleName);
    opens.push(await page.evaluate(timeEditorOpen, big.roleName));
    await render80();
  }
  results.editor_open = { role: big.roleName, median_ms: median(opens) };

  // A selection in the action picker that locks the other categories (new-role editor, 1,400 custom
  // roles in its Custom Roles group).
  await page.goto(`${base}/database-access/custom-roles/new?demo=large`);
  await page.locator("#row-0-picker").waitFor({ timeout: 60000 });
  const locks = [];
  for (let i = 0; i < INTERACTION_RUNS; i++) {
    await preparePickerLock(page);
    locks.push(await page.evaluate(timePickerLock));
    await render80();
  }
  results.picker_lock = { median_ms: median(locks) };
  await context.close();

  // The rest of the baseline, same machine, same run, same data and queries.
  const baseline = await b.page.evaluate(async (roles) => {
    window.loadRoles([]);
    const t0 = performance.now();
    window.loadRoles(roles);
    await window.__settle();
    return { render_1400_ms: performance.now() - t0 };
  }, roles);
  baseline.render_80_ms = median(rows80);
  const bkeys = await typeLikeAPerson(b.page, "#search", QUERIES);
  results.baseline = { ...baseline, filter: { keystrokes: bkeys.length, p50_ms: pct(bkeys, 0.5), p95_ms: pct(bkeys, 0.95) } };
  await b.context.close();

  if (emulatorBin && portalBin) results.across = await measureAcross(browser, dist, emulatorBin, portalBin, RUNS, INTERACTION_RUNS);
} finally {
  await browser.close();
  server.close();
}

// ---------- report ----------
const r = results;
const bl = r.baseline;
const ms = (x) => `${x.toFixed(1)} ms`;
const kb = (x) => `${(x / 1000).toFixed(1)} KB`;
const rows = [
  ["wasm (raw / gzip / brotli)", `${kb(r.bundle.wasm_raw)} / ${kb(r.bundle.wasm_gzip)} / ${kb(r.bundle.wasm_brotli)}`, ""],
  ["js (raw / gzip / brotli)", `${kb(r.bundle.js_raw)} / ${kb(r.bundle.js_gzip)} / ${kb(r.bundle.js_brotli)}`, ""],
  ["css (raw / gzip / brotli)", `${kb(r.bundle.css_raw)} / ${kb(r.bundle.css_gzip)} / ${kb(r.bundle.css_brotli)}`, ""],
  ["transfer total (gzip / brotli)", `${kb(r.bundle.total_gzip)} / ${kb(r.bundle.total_brotli)}`, ""],
  [`cold load, median of ${RUNS}`, ms(r.cold_load_ms), ""],
  ["large: roles table shown (from navigation)", ms(r.large_table_ms), `baseline render 1,400 rows ${ms(bl.render_1400_ms)}`],
  [`filter keystroke p50 (${r.filter.keystrokes} keys)`, ms(r.filter.p50_ms), `${(r.filter.p50_ms / bl.filter.p50_ms).toFixed(2)}× baseline ${ms(bl.filter.p50_ms)}`],
  ["filter keystroke p95", ms(r.filter.p95_ms), `${(r.filter.p95_ms / bl.filter.p95_ms).toFixed(2)}× baseline ${ms(bl.filter.p95_ms)}`],
  [`editor open (${r.editor_open.role}), median of ${INTERACTION_RUNS}`, ms(r.editor_open.median_ms), `${(r.editor_open.median_ms / bl.render_80_ms).toFixed(2)}× baseline 80 rows ${ms(bl.render_80_ms)} (timed alternately)`],
  [`picker selection that locks, median of ${INTERACTION_RUNS}`, ms(r.picker_lock.median_ms), `${(r.picker_lock.median_ms / bl.render_80_ms).toFixed(2)}× baseline 80 rows`],
  ["JS heap after loading the large project", kb(r.large_js_heap_bytes), ""],
];
const a = r.across;
if (a) {
  const p = (x) => `p50 ${ms(x.p50_ms)} / p95 ${ms(x.p95_ms)}`;
  rows.push(
    [`across, 1,400 roles × 5 projects over HTTP: Compare projects, first rows (median of ${a.compare_open.runs})`, ms(a.compare_open.rows_ms), ""],
    ["across: Compare projects, all 4 other projects compared", ms(a.compare_open.compared_ms), `last API answer at ${ms(a.compare_open.last_answer_ms)} (debug portal + emulator)`],
    [`across: compare search keystroke (${a.compare_search.keystrokes} keys)`, p(a.compare_search), ""],
    [`across: "Show drift only" on/off (${a.compare_drift_toggle.n})`, p(a.compare_drift_toggle), ""],
    [`across: a "Different" cell's diff opened (${a.compare_open_diff.n})`, p(a.compare_open_diff), ""],
    [`across: copy plan, ${a.copy_plan.roles} roles to ${a.copy_plan.projects} projects, from navigation`, ms(a.copy_plan.from_navigation_ms), `last API answer at ${ms(a.copy_plan.last_answer_ms)}`],
    [`across: copy plan, a target ticked again (${a.copy_retick.n})`, p(a.copy_retick), ""],
  );
}
const w0 = Math.max(...rows.map((x) => x[0].length));
const w1 = Math.max(...rows.map((x) => x[1].length));
for (const [a, b2, c] of rows) console.log(`${a.padEnd(w0)}  ${b2.padStart(w1)}  ${c}`);

const budgets = [
  ["compressed transfer ≤ 200 KB (gzip)", r.bundle.total_gzip <= BUDGET_GZIP],
  ["filter p95 ≤ 0.10× baseline p95", r.filter.p95_ms <= 0.1 * bl.filter.p95_ms],
  [`editor open within one frame (${FRAME_MS} ms)`, r.editor_open.median_ms <= FRAME_MS],
  [`picker lock within one frame (${FRAME_MS} ms)`, r.picker_lock.median_ms <= FRAME_MS],
];
// Issue 30: "stays usable" with 1,400 roles in each of 5 projects: every interaction well under 100 ms.
if (a)
  for (const [name, x] of [
    ["compare search", a.compare_search],
    ["show drift only", a.compare_drift_toggle],
    ["open a diff", a.compare_open_diff],
    ["tick a target again", a.copy_retick],
  ])
    budgets.push([`across: ${name} p95 ≤ ${ACROSS_MS} ms`, x.p95_ms <= ACROSS_MS]);
results.budgets = Object.fromEntries(budgets);
console.log("");
for (const [name, ok] of budgets) console.log(`${ok ? "MET " : "OVER"} ${name}`);
mkdirSync(join(here, "out"), { recursive: true });
writeFileSync(join(here, "out", "results.json"), JSON.stringify(results, null, 2));
console.log(`\nwritten: bench/out/results.json`);
