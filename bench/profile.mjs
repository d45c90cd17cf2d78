// Where the time of the two interaction budgets goes (opening the editor on the largest role of the
// large project; a picker choice that locks the other categories): runs each a few times under the
// DevTools CPU profiler and prints self time by function. Needs a release build whose wasm keeps its
// function names (scripts/bench --profile makes one in target/profile-dist), e.g.:
//   node bench/profile.mjs target/profile-dist
import { resolve } from "node:path";
import { launch, serve, SETTLE } from "../tests/smoke/harness.mjs";
import { largestRole, prepareEditorOpen, preparePickerLock, timeEditorOpen, timePickerLock } from "./interactions.mjs";

const dist = resolve(process.argv[2] ?? "target/profile-dist");
const RUNS = 5;
const TOP = 25;

const { server, base } = await serve(dist);
const browser = await launch();
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(SETTLE);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });

  const profiled = async (label, act) => {
    const selfUs = new Map();
    const totalUs = new Map();
    let total = 0;
    for (let i = 0; i < RUNS; i++) {
      const prepare = await act.prepare();
      await cdp.send("Profiler.start");
      const ms = await page.evaluate(act.run, prepare);
      const { profile } = await cdp.send("Profiler.stop");
      total += ms;
      // Self time per node: samples × their intervals.
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      profile.samples.forEach((id, k) => {
        const dt = profile.timeDeltas[k + 1] ?? 0;
        const n = byId.get(id);
        const name = n.callFrame.functionName || `(${n.callFrame.url.split("/").pop() || "anonymous"})`;
        selfUs.set(name, (selfUs.get(name) ?? 0) + dt);
      });
      // Total (self + callees) time of our own functions, each counted once per stack.
      const parent = new Map();
      for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
      profile.samples.forEach((id, k) => {
        const dt = profile.timeDeltas[k + 1] ?? 0;
        const seen = new Set();
        for (let n = id; n !== undefined; n = parent.get(n)) {
          const name = byId.get(n).callFrame.functionName;
          if (!/^(dbaccess|domain)::/.test(name) || seen.has(name)) continue;
          seen.add(name);
          totalUs.set(name, (totalUs.get(name) ?? 0) + dt);
        }
      });
    }
    const sum = [...selfUs.values()].reduce((a, b) => a + b, 0);
    // Self time by kind: the app's wasm, the wasm-bindgen glue, DOM calls, and the browser's own work.
    const kind = (name) =>
      /::|^wasm-function|^dlmalloc|^<|^_ZN/.test(name) ? "wasm"
      : /^__wbg|^__wbindgen|\.js\)$|^real$|^wasm-to-js$|^decode$|^encode/.test(name) ? "wasm-bindgen glue"
      : /^\(/.test(name) ? name
      : "DOM and other browser APIs";
    const kinds = new Map();
    for (const [name, us] of selfUs) kinds.set(kind(name), (kinds.get(kind(name)) ?? 0) + us);
    console.log(`\n${label}: self time by kind, per run:`);
    for (const [k, us] of [...kinds].sort((a, b) => b[1] - a[1]))
      console.log(`${((100 * us) / sum).toFixed(1).padStart(5)}%  ${(us / 1000 / RUNS).toFixed(2).padStart(6)} ms  ${k}`);
    console.log(`\n${label}: mean ${(total / RUNS).toFixed(1)} ms over ${RUNS} runs; profiled self time by function:`);
    for (const [name, us] of [...selfUs].sort((a, b) => b[1] - a[1]).slice(0, TOP))
      console.log(`${((100 * us) / sum).toFixed(1).padStart(5)}%  ${(us / 1000 / RUNS).toFixed(2).padStart(6)} ms  ${name.slice(0, 150)}`);
    console.log(`${label}: total time (with callees) of the app's own functions:`);
    for (const [name, us] of [...totalUs].sort((a, b) => b[1] - a[1]).slice(0, TOP))
      console.log(`${((100 * us) / sum).toFixed(1).padStart(5)}%  ${(us / 1000 / RUNS).toFixed(2).padStart(6)} ms  ${name.slice(0, 150)}`);
  };

  await page.goto(`${base}/database-access/custom-roles?demo=large`);
  await page.getByText("1400 of 1400 custom roles").waitFor({ timeout: 60000 });
  const roles = await page.evaluate(() => JSON.parse(localStorage.getItem("dbaccess.demo-large")).project.customRoles);
  const big = largestRole(roles);
  await profiled(`editor open (${big.roleName})`, {
    prepare: async () => {
      await prepareEditorOpen(page, base, big.roleName);
      return big.roleName;
    },
    run: timeEditorOpen,
  });

  await page.goto(`${base}/database-access/custom-roles/new?demo=large`);
  await page.locator("#row-0-picker").waitFor({ timeout: 60000 });
  await profiled("picker choice that locks (find)", {
    prepare: async () => {
      await preparePickerLock(page); // unchooses, outside the profile
      return false; // timePickerLock's `unchoose`
    },
    run: timePickerLock,
  });
  await context.close();
} finally {
  await browser.close();
  server.close();
}
