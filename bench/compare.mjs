// Compares release builds (scripts/bench --compare DIST...; e.g. builds of two commits) on the two figures
// that drift with the machine's load: cold load to the first row and the large project's filter keystroke
// p95 (bench/interactions.mjs typeLikeAPerson) as a ratio to the plain-JS baseline typed right after it.
// The builds are measured alternately (A B A B ...) in the same Chromium, so a load that comes and goes
// hits them alike; each figure is reported per build as its median over the rounds with the range.
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { launch, serve, SETTLE } from "../tests/smoke/harness.mjs";
import { typeLikeAPerson } from "./interactions.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const args = process.argv.slice(2);
const roundsAt = args.indexOf("--rounds");
const ROUNDS = roundsAt >= 0 ? Number(args.splice(roundsAt, 2)[1]) : 4;
const coldAt = args.indexOf("--cold");
const COLD = coldAt >= 0 ? Number(args.splice(coldAt, 2)[1]) : 3;
// --cold-only: cold loads alone (no typing), for a quick alternating run on a busy machine.
const coldOnlyAt = args.indexOf("--cold-only");
const COLD_ONLY = coldOnlyAt >= 0 && args.splice(coldOnlyAt, 1).length > 0;
const dists = args.map((d) => resolve(d));
if (dists.length === 0) throw new Error("usage: node bench/compare.mjs DIST... [--rounds N] [--cold N]");
export const QUERIES = ["billing", "find", "sales_db3", "coll7", "inherits", "growth_role_01", "insert", "ops_db1"];
const MARKS = `new MutationObserver(() => {
  if (!window.__rowsAt && document.querySelector(".roles-table tbody tr")) window.__rowsAt = performance.now();
}).observe(document, { childList: true, subtree: true });`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

const servers = [];
for (const d of dists) servers.push(await serve(d, { "/bench/": here, "/app/style/": join(root, "style") }));
const browser = await launch();
const out = dists.map(() => ({ cold: [], ratio: [], p95: [], base95: [], cpu: [] }));

// The renderer main thread's CPU time over a trace (the thread time of its top-level tasks): unlike the
// wall time it leaves out the time the thread waited for a core, so it holds on a busy machine.
function mainThreadCpu(trace) {
  const events = trace.traceEvents ?? trace;
  const main = new Set(
    events
      .filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain")
      .map((e) => `${e.pid}:${e.tid}`),
  );
  let us = 0;
  for (const e of events)
    if (e.name === "RunTask" && e.ph === "X" && main.has(`${e.pid}:${e.tid}`)) us += e.tdur ?? 0;
  return us / 1000;
}
const page = async () => {
  const context = await browser.newContext();
  const p = await context.newPage();
  await p.addInitScript(SETTLE);
  await p.addInitScript(MARKS);
  return { context, page: p };
};
try {
  for (let r = 0; r < ROUNDS; r++) {
    // The baseline is typed once a round (it takes far longer than the console) and each build's p95 is
    // divided by it; builds run in alternating order, so neither always runs first or right after it.
    const b = COLD_ONLY ? null : await page();
    await b?.page.goto(`${servers[0].base}/bench/baseline.html`);
    let bkeys = null;
    const order = dists.map((_, i) => i);
    if (r % 2) order.reverse();
    for (const i of order) {
      const { base } = servers[i];
      for (let k = 0; k < COLD; k++) {
        const a = await page();
        await a.page.goto(`${base}/`);
        out[i].cold.push(await (await a.page.waitForFunction(() => window.__rowsAt, null, { timeout: 60000 })).jsonValue());
        await a.context.close();
      }
      if (COLD_ONLY) {
        console.error(`round ${r + 1} ${dists[i]}: cold ${out[i].cold.slice(-COLD).map((x) => x.toFixed(0)).join(" ")} ms`);
        continue;
      }
      const c = await page();
      await c.page.goto(`${base}/database-access/custom-roles?demo=large`);
      await c.page.getByText("1400 of 1400 custom roles").waitFor({ timeout: 60000 });
      if (!bkeys) {
        const large = await c.page.evaluate(() => JSON.parse(localStorage.getItem("dbaccess.demo-large")).project.customRoles);
        await b.page.evaluate((roles) => window.loadRoles(roles), large);
        bkeys = await typeLikeAPerson(b.page, "#search", QUERIES);
      }
      await browser.startTracing(c.page, { categories: ["toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline"] });
      const keys = await typeLikeAPerson(c.page, "#role-search", QUERIES);
      out[i].cpu.push(mainThreadCpu(JSON.parse(await browser.stopTracing())));
      await c.context.close();
      out[i].p95.push(pct(keys, 0.95));
      out[i].base95.push(pct(bkeys, 0.95));
      out[i].ratio.push(pct(keys, 0.95) / pct(bkeys, 0.95));
      console.error(`round ${r + 1} ${dists[i]}: cold ${out[i].cold.slice(-COLD).map((x) => x.toFixed(0)).join(" ")} ms, filter p95 ${pct(keys, 0.95).toFixed(1)} ms / baseline ${pct(bkeys, 0.95).toFixed(1)} ms = ${out[i].ratio.at(-1).toFixed(3)}×, main-thread CPU while typing ${out[i].cpu.at(-1).toFixed(0)} ms`);
    }
    await b?.context.close();
  }
} finally {
  await browser.close();
  for (const s of servers) s.server.close();
}
const range = (xs, f) => `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;
for (let i = 0; i < dists.length; i++) {
  const o = out[i];
  if (COLD_ONLY) {
    console.log(`${dists[i]}\n  cold load to the list ${range(o.cold, (x) => `${x.toFixed(0)} ms`)}`);
    continue;
  }
  console.log(
    `${dists[i]}\n  cold load to the list ${range(o.cold, (x) => `${x.toFixed(0)} ms`)}\n  filter p95 ${range(o.ratio, (x) => `${x.toFixed(3)}×`)} of the baseline (${range(o.p95, (x) => `${x.toFixed(1)} ms`)}; baseline ${range(o.base95, (x) => `${x.toFixed(1)} ms`)})\n  renderer main-thread CPU while typing the ${QUERIES.join("").length} keys ${range(o.cpu, (x) => `${x.toFixed(0)} ms`)}`,
  );
}
