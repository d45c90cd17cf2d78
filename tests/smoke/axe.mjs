// Accessibility check: axe-core (npm) on every stop of the tour (tour.mjs: each screen, each dialog, an
// open picker, the large project), in the light and the dark colour scheme, with the WCAG 2.2 A and AA
// rules. A critical or serious finding fails the check; every finding is printed with its rule, impact,
// element and help (and, for contrast, the colours and ratio), so a failure says what to fix.
//
// The smoke test runs it in its browser (axeChecks); alone: node tests/smoke/axe.mjs [dist] [stop-name…]
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { CSP, launch, PATIENCE, serve } from "./harness.mjs";
import { STOPS, visit } from "./tour.mjs";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
export const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const BLOCKING = ["critical", "serious"];

/** axe-core's violations on the page as it is now, each with the elements it found. */
export async function audit(page) {
  // Evaluated through the DevTools protocol, so the page's Content-Security-Policy doesn't apply.
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(AXE);
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: tags },
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      url: v.helpUrl,
      nodes: v.nodes.map((n) => {
        const contrast = [...n.any, ...n.all].map((c) => c.data).find((d) => d && d.contrastRatio);
        return {
          target: n.target.join(" "),
          html: n.html.replace(/\s+/g, " ").slice(0, 140),
          contrast: contrast
            ? `${contrast.fgColor} on ${contrast.bgColor}: ${contrast.contrastRatio}:1, needs ${contrast.expectedContrastRatio}`
            : null,
        };
      }),
    }));
  }, TAGS);
}

/** One line per element of each finding: "[scheme] impact rule: help — target (colours) html". */
export function describe(findings, scheme) {
  return findings.flatMap((f) =>
    f.nodes.map(
      (n) =>
        `[${scheme}] ${f.impact} ${f.rule}: ${f.help} — ${n.target}` +
        (n.contrast ? ` (${n.contrast})` : "") +
        ` ${n.html}`,
    ),
  );
}

const frames = (page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

/** Registers one `check` per stop of the tour: no critical or serious finding, light or dark. */
export async function axeChecks(browser, base, check, only = []) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(PATIENCE);
  // An unsaved edit asks before the next stop loads: leaving is what the tour wants.
  page.on("dialog", (d) => d.accept());
  try {
    for (const stop of STOPS.filter((s) => only.length === 0 || only.includes(s.name))) {
      await check(`axe (WCAG 2.2 A/AA), light and dark: ${stop.name}`, async () => {
        await page.emulateMedia({ colorScheme: "light", reducedMotion: "reduce" });
        await visit(page, base, stop);
        const blocking = [];
        for (const scheme of ["light", "dark"]) {
          await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
          await frames(page);
          const findings = await audit(page);
          for (const line of describe(findings, scheme)) console.log(`     ${line}`);
          blocking.push(...findings.filter((f) => BLOCKING.includes(f.impact)));
        }
        if (blocking.length) {
          const rules = [...new Set(blocking.map((f) => `${f.rule} (${f.help}; ${f.url})`))];
          throw new Error(`${blocking.length} critical or serious finding(s), listed above: ${rules.join("; ")}`);
        }
      });
    }
  } finally {
    await page.close();
  }
}

// Alone: serve a built dist under the smoke test's policy and check the stops named (all by default).
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dist = "dist", ...only] = process.argv.slice(2);
  const { server, base } = await serve(resolve(dist), {}, { "content-security-policy": CSP });
  const browser = await launch();
  let passed = 0;
  let failed = 0;
  try {
    await axeChecks(
      browser,
      base,
      async (name, fn) => {
        try {
          await fn();
          passed++;
          console.log(`ok   ${name}`);
        } catch (e) {
          failed++;
          console.log(`FAIL ${name}: ${e.message}`);
        }
      },
      only,
    );
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`axe: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}
