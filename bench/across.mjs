// Across projects at scale (issue 30: "it stays usable with 1,400 roles in each of 5 projects"), part of
// scripts/bench. The Admin API emulator serves five projects of about 1,400 custom roles that drifted apart
// (`atlas-emulator --demo large-across`, crates/emulator/src/large_across.rs), and dbaccess-portal serves the
// release build in front of it, as a person uses the console over HTTP. Nothing of this is in the console's
// bundle: its data comes over HTTP.
//
// Measured in Chromium (times as bench.mjs takes them; see its header):
// - "Compare projects" opened from the list: until its first rows show, and until all four other
//   projects are compared; and how long of that the last answer of the API took to arrive (the debug
//   portal and emulator on loopback), so the console's own share shows;
// - a search typed in it, "Show drift only" on and off, a "Different" cell opened (its diff);
// - "Copy to projects…" for 50 roles to the four other projects: from navigation until every plan shows,
//   and a target project ticked again (its plan made again from the project already read).
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { launch, SETTLE } from "../tests/smoke/harness.mjs";
import { startPortal } from "../tests/smoke/servers.mjs";
import { typeLikeAPerson } from "./interactions.mjs";

const FIRST = "6650f1c2a4b3c2d1e0f9a8b7";
// crates/emulator/src/large_across.rs COPIES.
const COPIES = [
  ["6650f1c2a4b3c2d1e0f9b001", "Large Staging"],
  ["6650f1c2a4b3c2d1e0f9b002", "Large Production"],
  ["6650f1c2a4b3c2d1e0f9b003", "Large QA"],
  ["6650f1c2a4b3c2d1e0f9b004", "Large EU"],
];
const QUERIES = ["billing", "role_07", "search_role_13", "ops_db"];
// The large project's first 50 roles (domain::demo::large): some missing or different in each copy.
const TEAMS = ["sales", "billing", "search", "identity", "catalog", "growth", "ml", "ops"];
const SELECTION = Array.from({ length: 50 }, (_, i) => `${TEAMS[i % 8]}_role_${String(i).padStart(4, "0")}`);

// When the comparison first shows rows and when it has every project (recorded at the DOM mutation).
const MARKS = `new MutationObserver(() => {
  if (!window.__compareRowsAt && document.querySelector(".compare-table tbody tr")) window.__compareRowsAt = performance.now();
  const s = document.getElementById("compare-count")?.textContent ?? "";
  if (!window.__comparedAt && s.includes("compared with 4 projects") && !s.includes("reading"))
    window.__comparedAt = performance.now();
  const c = document.getElementById("copy-status")?.textContent ?? "";
  if (!window.__plannedAt && / will be created and /.test(c)) window.__plannedAt = performance.now();
}).observe(document, { childList: true, subtree: true, characterData: true });`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const stats = (xs) => ({ n: xs.length, p50_ms: pct(xs, 0.5), p95_ms: pct(xs, 0.95) });

/** The emulator with the five large projects and the portal serving `dist` in front of it (Ada, a Project
 *  Owner of all five). */
export function start(dist, emulatorBin, portalBin) {
  const ids = [FIRST, ...COPIES.map(([id]) => id)].map((id) => `"${id}"`).join(", ");
  return startPortal({
    dist,
    emulatorBin,
    portalBin,
    access: [`"ada.admin@example.com" = [${ids}]`],
    emulatorArgs: ["--demo", "large-across"],
  });
}

/** In the page: when the last answer of the Admin API that started after `t0` ended, from `t0`. */
function lastAnswer(t0) {
  const ends = performance
    .getEntriesByType("resource")
    .filter((e) => e.name.includes("/api/atlas/v2/") && e.startTime >= t0)
    .map((e) => e.responseEnd - t0);
  return ends.length ? Math.max(...ends) : 0;
}

export async function measureAcross(browser, dist, emulatorBin, portalBin, runs, interactionRuns) {
  const { origin, stop } = await start(dist, emulatorBin, portalBin);
  const at = (route) => `${origin}${route}${route.includes("?") ? "&" : "?"}api=${encodeURIComponent(origin)}&project=${FIRST}`;
  const out = {};
  // Each figure as soon as it is measured (stderr), so a later step that fails loses none.
  const note = (key, value) => {
    out[key] = value;
    console.error(`across ${key}: ${JSON.stringify(value)}`);
  };
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(SETTLE);
    await page.addInitScript(MARKS);
    // Opening "Compare projects" from the list (the list's 1,400 roles already shown).
    const rows = [];
    const compared = [];
    const api = [];
    for (let i = 0; i < runs; i++) {
      await page.goto(at("/database-access/custom-roles"));
      await page.getByText("1400 of 1400 custom roles").waitFor({ timeout: 180000 });
      await page.evaluate(() => window.__settle());
      const t0 = await page.evaluate(() => {
        window.__compareRowsAt = window.__comparedAt = undefined;
        const t0 = performance.now();
        [...document.querySelectorAll("a")].find((a) => a.textContent === "Compare projects").click();
        return t0;
      });
      await page.waitForFunction(() => window.__comparedAt, null, { timeout: 180000, polling: 50 });
      const r = await page.evaluate((t0) => ({ rows: window.__compareRowsAt - t0, all: window.__comparedAt - t0 }), t0);
      rows.push(r.rows);
      compared.push(r.all);
      api.push(await page.evaluate(lastAnswer, t0));
    }
    note("compare_open", { rows_ms: median(rows), compared_ms: median(compared), last_answer_ms: median(api), runs });

    // Typing a search in the comparison.
    const keys = await typeLikeAPerson(page, "#compare-search", QUERIES);
    note("compare_search", { keystrokes: keys.length, ...stats(keys) });

    // "Show drift only", on then off.
    const toggles = [];
    for (let i = 0; i < interactionRuns; i++) {
      toggles.push(
        await page.evaluate(() =>
          window.__settledAfter(performance.now(), () => document.getElementById("compare-drift-only").click(), () => true),
        ),
      );
    }
    note("compare_drift_toggle", stats(toggles));

    // A "Different" cell opened: its diff shown. Two cells in turn, so each click changes the detail.
    const diffs = [];
    for (let i = 0; i < interactionRuns; i++) {
      diffs.push(
        await page.evaluate(
          (i) => {
            const cells = [...document.querySelectorAll(".compare-table button")].filter((b) =>
              b.getAttribute("aria-label").endsWith(": Different"),
            );
            const cell = cells[i % 2];
            const title = cell.getAttribute("aria-label").replace(/: Different$/, "");
            return window.__settledAfter(
              performance.now(),
              () => cell.click(),
              () => document.querySelector(".compare-detail h3")?.textContent === title,
            );
          },
          i,
        ),
      );
    }
    note("compare_open_diff", stats(diffs));

    // "Copy to projects…" for 50 roles to the four other projects, from navigation until every plan shows.
    const copyRoute = `/database-access/custom-roles/copy?${SELECTION.map((r) => `roles=${r}`).join("&")}&${COPIES.map(([id]) => `to=${id}`).join("&")}`;
    const planned = [];
    const planApi = [];
    for (let i = 0; i < runs; i++) {
      await page.goto(at(copyRoute));
      await page.waitForFunction(() => window.__plannedAt, null, { timeout: 180000, polling: 50 });
      planned.push(await page.evaluate(() => window.__plannedAt));
      planApi.push(await page.evaluate(lastAnswer, 0));
    }
    note("copy_plan", {
      roles: SELECTION.length,
      projects: COPIES.length,
      from_navigation_ms: median(planned),
      last_answer_ms: median(planApi),
      status: await page.locator("#copy-status").textContent(),
    });
    // A target ticked again: its plan made again (from the project already read) and the tables shown.
    const [qa] = COPIES[2];
    const retick = [];
    for (let i = 0; i < interactionRuns; i++) {
      await page.evaluate(async (qa) => {
        document.getElementById(`copy-to-${qa}`).click();
        await window.__settle();
      }, qa);
      retick.push(
        await page.evaluate(
          (qa) =>
            window.__settledAfter(
              performance.now(),
              () => document.getElementById(`copy-to-${qa}`).click(),
              () =>
                document.querySelectorAll(".copy-project").length === 4 &&
                / will be created and /.test(document.getElementById("copy-status").textContent),
            ),
          qa,
        ),
      );
    }
    note("copy_retick", stats(retick));
  } finally {
    await context.close();
    stop();
  }
  return out;
}

// Alone (scripts/bench --across): node bench/across.mjs <dist> <atlas-emulator> <dbaccess-portal>.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dist, emulatorBin, portalBin] = process.argv.slice(2);
  const browser = await launch();
  try {
    console.log(JSON.stringify(await measureAcross(browser, resolve(dist), emulatorBin, portalBin, 5, 11), null, 2));
  } finally {
    await browser.close();
  }
}
