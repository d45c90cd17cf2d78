// Smoke test of the release build: serves dist/ on loopback (with the SPA fallback a real host needs),
// loads it in Debian's Chromium through playwright-core, and checks what a person would see first.
// Prints the bundle sizes as machine-readable lines:
//   first-screen brotli=N files=N    what a cold load of the Custom Roles list transfers (brotli)
//   bundle-size wasm_raw=N wasm_gzip=N js_raw=N js_gzip=N css_raw=N css_gzip=N total_gzip=N total_brotli=N chunks=N
// and closes with "N passed, N failed". Exit status 1 if any check failed.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { axeChecks } from "./axe.mjs";
import { STOPS, visit } from "./tour.mjs";
import { bundleFiles, bundleSizes, CSP, fileSizes, isChunk, launch, PATIENCE, serve, SETTLE, typeQueries } from "./harness.mjs";

const dist = resolve(process.argv[2] ?? "dist");
if (!existsSync(join(dist, "index.html"))) {
  console.error(`smoke: no ${dist}/index.html; run trunk build --release first`);
  process.exit(1);
}

// Every page is served under the strict policy a portal would set (harness.mjs CSP).
const portal = join(dist, "examples", "portal.html");
const { server, base } = await serve(dist, { "/portal/": portal }, { "content-security-policy": CSP });

const results = [];
const limit = JSON.parse(readFileSync(new URL("../../bench/bundle-limit.json", import.meta.url), "utf8"));
// Each check says how long it took, so a slow one is visible (scripts/test prints only the layer's total).
async function check(name, fn) {
  const start = performance.now();
  const took = () => `(${((performance.now() - start) / 1000).toFixed(1)} s)`;
  try {
    await fn();
    results.push([name, true]);
    console.log(`ok   ${name} ${took()}`);
  } catch (e) {
    results.push([name, false]);
    console.log(`FAIL ${name} ${took()}: ${e.message}`);
  }
}

const browser = await launch();
// Runs `fn(page, errors)` in a browser context of its own (a cold cache); `errors` collects the page's
// uncaught errors.
async function inColdPage(fn) {
  const context = await browser.newContext();
  try {
    const p = await context.newPage();
    p.setDefaultTimeout(PATIENCE);
    const errors = [];
    p.on("pageerror", (e) => errors.push(e.message));
    await fn(p, errors);
  } finally {
    await context.close();
  }
}
try {
  const page = await browser.newPage();
  // Also for the waits that name no deadline (playwright's default is 30 s).
  page.setDefaultTimeout(PATIENCE);
  await page.addInitScript(SETTLE);
  // The browser reports each blocked script, style or request as a securitypolicyviolation event.
  await page.addInitScript(`window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline")));`);
  const problems = [];
  // Chromium notes that it ignores SRI on Trunk's wasm preload link (crbug.com/981419): the module
  // itself is still integrity-checked, so that one notice is not a problem of ours. Anything else is.
  const known = /integrity` attribute is currently ignored for preload destinations/;
  page.on("console", (m) => {
    if ((m.type() === "error" || m.type() === "warning") && !known.test(m.text()))
      problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  // A navigation cancels whatever the page still had on its way (net::ERR_ABORTED): the editor's
  // prefetch, which the next screen that needs it fetches again, or the favicon (seen in a cold run).
  // Any other failed request (refused, blocked, reset) is a problem.
  page.on("requestfailed", (r) => {
    const why = r.failure()?.errorText;
    if (why !== "net::ERR_ABORTED") problems.push(`request failed: ${r.url()} (${why})`);
  });

  await check("before the app has loaded, the page says the console is loading (not blank), and the app replaces that", async () => {
    const waiting = await browser.newPage();
    waiting.setDefaultTimeout(PATIENCE);
    // Hold the module: what a slow network shows until it arrives.
    let release;
    const held = new Promise((ok) => (release = ok));
    await waiting.route("**/*.wasm", async (route) => {
      await held;
      await route.continue();
    });
    await waiting.goto(`${base}/database-access/custom-roles?demo=large`);
    const boot = waiting.getByRole("status").filter({ hasText: "Loading the console…" });
    await boot.waitFor({ state: "visible", timeout: PATIENCE });
    release();
    await waiting.getByRole("heading", { name: "Database Access" }).waitFor({ timeout: PATIENCE });
    if ((await boot.count()) !== 0) throw new Error("the loading note stays after the app rendered");
    await waiting.close();
  });

  // The release build is split (scripts/build-wasm): the first screen needs the main module only.
  const chunkFiles = bundleFiles(dist).filter(isChunk);
  const row = (p, name) => p.getByRole("rowheader", { name, exact: true }).waitFor({ timeout: PATIENCE });
  let firstScreen = null;
  await check("the first screen (Custom Roles, cold cache) shows its rows with every chunk blocked", async () => {
    if (chunkFiles.length === 0) throw new Error(`the release build in ${dist} has no chunks: it is not split`);
    const context = await browser.newContext();
    try {
      const cold = await context.newPage();
      cold.setDefaultTimeout(PATIENCE);
      const blocked = [];
      await cold.route((url) => isChunk(url.pathname), (route) => {
        blocked.push(new URL(route.request().url()).pathname);
        return route.abort("failed");
      });
      const fetched = new Set();
      cold.on("requestfinished", (r) => fetched.add(new URL(r.url()).pathname));
      await cold.goto(`${base}/database-access/custom-roles`);
      await row(cold, "orders_reader");
      // Any path that is not a file is a route of the app: the page.
      const files = new Set(bundleFiles(dist));
      const paths = [...fetched].map((p) => (files.has(p) ? p : "/index.html"));
      const brotli = paths.reduce((n, p) => n + fileSizes(dist, p).brotli, 0);
      firstScreen = { brotli, files: paths.length };
      console.log(`first-screen brotli=${brotli} files=${paths.length} (${paths.join(" ")}; blocked: ${blocked.join(" ") || "none"})`);
    } finally {
      await context.close();
    }
  });
  await check("the first screen transfers no more than the ratchet (bench/bundle-limit.json, brotli)", async () => {
    if (!firstScreen) throw new Error("not measured");
    if (firstScreen.brotli > limit.first_screen_ratchet_brotli_bytes)
      throw new Error(`${firstScreen.brotli} bytes, past ${limit.first_screen_ratchet_brotli_bytes}: shrink it or explain the growth`);
  });

  // Two lanes of checks run beside the main page's, each in pages of its own: the smoke test mostly waits
  // on Chromium (about half a core busy), so together they take about as long as the longest lane.
  const lanes = Promise.all([
    (async () => {
      // Every screen loaded on demand, by deep link in a cold page of its own (each route's chunk is the
      // first thing that page needs): a wasm-bindgen or splitter upgrade has broken split modules before.
      const LAZY = ["role-editor-new", "role-editor-edit", "database-users", "database-user-new",
        "database-user-edit", "project-users", "project-users-invite", "project-users-edit-roles", "project-teams",
        "project-teams-add", "project-api-keys", "project-service-accounts", "project-service-account-new",
        "which-role", "who-can", "least-privilege", "activity-feed", "copy-to-projects", "compare-projects"];
      // The routes those stops leave out (a new API key's dialog is a stop only with its picker open).
      const EXTRA = [{ name: "project-api-key-new", path: "/project-access/api-keys/new",
        ready: (p) => p.getByRole("dialog", { name: "Create API Key" }).waitFor({ timeout: PATIENCE }) }];
      const LAZY_STOPS = [...STOPS.filter((s) => LAZY.includes(s.name)), ...EXTRA];
      await check("every screen loaded on demand opens from a deep link, standalone and under a portal's base path", async () => {
        const asked = new Set();
        const errors = [];
        // Each in a cold page, its failures (an uncaught error, a failed request, the screen not shown)
        // named after it.
        const coldVisit = (name, go) =>
          inColdPage(async (p, pageErrors) => {
            p.on("response", (r) => r.status() >= 400 && errors.push(`${name}: ${r.status()} ${r.url()}`));
            try {
              await go(p);
            } catch (e) {
              errors.push(`${name}: ${e.message.split("\n")[0]}`);
            } finally {
              errors.push(...pageErrors.map((m) => `${name}: ${m}`));
            }
          });
        for (const stop of LAZY_STOPS) {
          await coldVisit(stop.name, (p) => {
            p.on("request", (r) => isChunk(new URL(r.url()).pathname) && asked.add(new URL(r.url()).pathname));
            return visit(p, base, stop);
          });
        }
        // And every one under a portal's base path (the example portal's two consoles both start from its URL;
        // the stop is looked for in the main one).
        for (const stop of LAZY_STOPS) {
          await coldVisit(`portal ${stop.name}`, async (p) => {
            await p.goto(`${base}/portal/db-access${stop.path}`);
            const main = p.locator("#db-access");
            if (stop.open) await stop.open(main);
            await stop.ready(main);
          });
        }
        if (errors.length) throw new Error(errors.join("; "));
        const unused = chunkFiles.filter((c) => !asked.has(c));
        console.log(`lazy-routes routes=${LAZY_STOPS.length} chunks_fetched=${asked.size} of ${chunkFiles.length}` +
          (unused.length ? ` (never fetched: ${unused.join(" ")})` : ""));
        if (asked.size === 0) throw new Error("no screen fetched a chunk");
      });

      // In Leptos 0.8 a failed chunk download panics and kills the module; the console's split points are
      // fallible instead (src/ui/shell/screens.rs). Offline, or a page left open across a deployment whose
      // old chunks are gone (the portal answers 404, a static host its page):
      for (const [how, fail] of [
        ["the request fails", (route) => route.abort("failed")],
        ["the server answers 404", (route) => route.fulfill({ status: 404, body: "" })],
        ["a static host answers its page", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><p>page" })],
      ]) {
        await check(`a chunk that can't be loaded (${how}) says "The console could not load this screen — Reload"; Reload recovers`, async () => {
          await inColdPage(async (p, errors) => {
            let failing = true;
            await p.route((url) => isChunk(url.pathname), (route) => (failing ? fail(route) : route.continue()));
            await p.goto(`${base}/database-access/custom-roles`);
            await row(p, "orders_reader");
            // From the list, as a person opens the editor: the list stays usable around the message.
            await p.getByRole("button", { name: "Add New Custom Role" }).click();
            const message = p.getByRole("alert").filter({ hasText: "The console could not load this screen" });
            await message.waitFor({ timeout: PATIENCE });
            await p.getByRole("tab", { name: "Custom Roles" }).click();
            await row(p, "orders_reader");
            // A dialog of the list says so in a dialog, which closes back to the list.
            await p.getByRole("button", { name: "Change Limit" }).click();
            const failed = p.getByRole("dialog", { name: "Custom Role Limit" });
            await failed.getByRole("alert").filter({ hasText: "The console could not load this screen" }).waitFor({ timeout: PATIENCE });
            await failed.getByRole("button", { name: "Close" }).click();
            await failed.waitFor({ state: "detached", timeout: PATIENCE });
            // A deep link to another lazy screen fails the same way.
            await p.goto(`${base}/which-role`);
            await message.waitFor({ timeout: PATIENCE });
            failing = false;
            await message.getByRole("button", { name: "Reload" }).click();
            await p.getByLabel("Task").waitFor({ timeout: PATIENCE });
            if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
          });
        });
      }
    })(),
    (async () => {
      // The layout holds from a tablet to a wide monitor: no screen makes the page scroll sideways.
      const SCREENS = ["custom-roles", "role-editor-edit", "database-users", "database-user-edit", "project-users",
        "project-api-keys", "which-role", "who-can", "least-privilege", "activity-feed", "large-custom-roles",
        "large-database-users"];
      for (const width of [768, 1024, 1280, 1920]) {
        await check(`at ${width} px no screen scrolls sideways`, async () => {
          const narrow = await browser.newPage({ viewport: { width, height: 800 } });
          narrow.setDefaultTimeout(PATIENCE);
          try {
            const wide = [];
            for (const stop of STOPS.filter((s) => SCREENS.includes(s.name))) {
              await visit(narrow, base, stop);
              const { scroll, client } = await narrow.evaluate(() => ({
                scroll: document.documentElement.scrollWidth,
                client: document.documentElement.clientWidth,
              }));
              if (scroll > client) wide.push(`${stop.name} (${scroll} > ${client} px)`);
            }
            if (wide.length) throw new Error(`scrolls sideways: ${wide.join(", ")}`);
          } finally {
            await narrow.close();
          }
        });
      }

      // Every screen and dialog, light and dark, in a page of its own (tour.mjs, axe.mjs).
      await axeChecks(browser, base, check);
    })(),
  ]);

  // The role editor is the screen a person most often opens next: its chunk is fetched once the first
  // screen is on the glass with its rows (src/ui/shell/screens.rs prefetch_editor), never before, so it
  // doesn't delay them; "Add New Custom Role" then opens without fetching anything.
  await check("the editor's chunk is prefetched after the first paint and the first row, and the editor then opens without a fetch", async () => {
    const context = await browser.newContext();
    try {
      const p = await context.newPage();
      p.setDefaultTimeout(PATIENCE);
      await p.addInitScript(`new MutationObserver(() => {
        if (!window.__rowsAt && document.querySelector(".roles-table tbody tr")) window.__rowsAt = performance.now();
      }).observe(document, { childList: true, subtree: true });`);
      const prefetched = p.waitForRequest((r) => isChunk(new URL(r.url()).pathname), { timeout: PATIENCE });
      await p.goto(`${base}/database-access/custom-roles`);
      await row(p, "orders_reader");
      const request = await prefetched;
      const chunk = new URL(request.url()).pathname;
      // The request's own response (it may have arrived already: a wait for the next response event
      // would then wait out its whole deadline).
      if (!(await request.response())) throw new Error(`${chunk} had no response`);
      // Its resource timing entry is written once the body is in, after the response's headers.
      await p.waitForFunction((path) => performance.getEntriesByType("resource")
        .some((e) => new URL(e.name).pathname === path), chunk, { timeout: PATIENCE });
      const [paint, rows, fetched] = await p.evaluate((path) => [
        performance.getEntriesByName("first-paint")[0]?.startTime,
        window.__rowsAt,
        performance.getEntriesByType("resource").find((e) => new URL(e.name).pathname === path)?.startTime,
      ], chunk);
      if ([paint, rows, fetched].includes(undefined)) throw new Error(`no timing (first paint ${paint}, first row ${rows}, ${chunk} ${fetched})`);
      if (fetched < paint) throw new Error(`${chunk} was asked for at ${fetched.toFixed(0)} ms, before the first paint at ${paint.toFixed(0)} ms`);
      if (fetched < rows) throw new Error(`${chunk} was asked for at ${fetched.toFixed(0)} ms, before the first row at ${rows.toFixed(0)} ms`);
      const later = [];
      p.on("request", (r) => isChunk(new URL(r.url()).pathname) && later.push(new URL(r.url()).pathname));
      await p.getByRole("button", { name: "Add New Custom Role" }).click();
      await p.getByLabel("Custom Role Name").waitFor({ timeout: PATIENCE });
      if (later.length) throw new Error(`opening the editor fetched ${later.join(" ")}`);
      console.log(`prefetch ${chunk} asked for at ${fetched.toFixed(0)} ms, first paint at ${paint.toFixed(0)} ms, first row at ${rows.toFixed(0)} ms`);
    } finally {
      await context.close();
    }
  });

  // The list's own dialogs are in the chunk too (src/ui/custom_roles/dialogs.rs): each opens from its
  // button in a cold page, says it is loading while the chunk is held, then takes focus, and gives it back
  // to the button when it closes.
  const LIST_DIALOGS = [
    { button: "Export all", dialog: "dialog", name: /^Export/, link: /^Export for several projects/ },
    { button: "Import", exact: true, dialog: "dialog", name: "Import Custom Roles" },
    { button: "Change Limit", dialog: "dialog", name: "Custom Role Limit" },
    { button: "Used by orders_reader", dialog: "dialog", name: "Used by orders_reader" },
    { button: "Delete orders_reader", dialog: "alertdialog", name: "Delete custom role orders_reader?" },
  ];
  await check("each of the list's dialogs opens from its button while its chunk loads: \"Loading…\", then the dialog with focus inside, and focus back on the button on Escape", async () => {
    for (const d of LIST_DIALOGS) {
      await inColdPage(async (p, errors) => {
        let release;
        const held = new Promise((ok) => (release = ok));
        const asked = [];
        await p.route((url) => isChunk(url.pathname), async (route) => {
          asked.push(new URL(route.request().url()).pathname);
          await held;
          await route.continue();
        });
        await p.goto(`${base}/database-access/custom-roles`);
        await row(p, "orders_reader");
        const button = p.getByRole("button", { name: d.button, exact: d.exact ?? false }).first();
        await button.click();
        await p.getByRole("status").filter({ hasText: "Loading…" }).waitFor({ timeout: PATIENCE });
        const dialog = p.getByRole(d.dialog, { name: d.name });
        if ((await dialog.count()) !== 0) throw new Error(`${d.button}: the dialog showed before its chunk arrived`);
        release();
        await dialog.waitFor({ timeout: PATIENCE });
        if (asked.length === 0) throw new Error(`${d.button}: no chunk was asked for`);
        if (d.link && (await dialog.getByRole("link", { name: d.link }).count()) === 0)
          throw new Error(`${d.button}: no link ${d.link} in the dialog`);
        const inside = await dialog.evaluate((el) => el.contains(document.activeElement));
        if (!inside) throw new Error(`${d.button}: focus is not in the dialog`);
        await p.keyboard.press("Escape");
        await dialog.waitFor({ state: "detached", timeout: PATIENCE });
        if (!(await button.evaluate((el) => el === document.activeElement)))
          throw new Error(`${d.button}: focus did not come back to the button`);
        if (errors.length) throw new Error(`${d.button}: page errors: ${errors.join("; ")}`);
      });
    }
  });

  // "Undo" after a delete runs from the chunk too (src/ui/shell/undo.rs restore_now).
  await check("a role deleted from the list comes back with Undo", async () => {
    await inColdPage(async (p, errors) => {
      await p.goto(`${base}/database-access/custom-roles`);
      await row(p, "orders_reader");
      await p.getByRole("button", { name: "Delete orders_reader" }).click();
      const ask = p.getByRole("alertdialog", { name: "Delete custom role orders_reader?" });
      await ask.waitFor({ timeout: PATIENCE });
      const typed = ask.getByLabel("Type orders_reader to confirm");
      if (await typed.count()) await typed.fill("orders_reader");
      await ask.getByRole("button", { name: "Delete", exact: true }).click();
      await p.getByText("Deleted custom role orders_reader.").waitFor({ timeout: PATIENCE });
      await p.getByRole("button", { name: "Undo" }).click();
      await p.getByText("Restored custom role orders_reader.").waitFor({ timeout: PATIENCE });
      await row(p, "orders_reader");
      if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
    });
  });

  await check("the root URL shows the Database Access page on the Custom Roles tab", async () => {
    await page.goto(`${base}/`);
    await page.getByRole("heading", { level: 1, name: "Database Access" }).waitFor({ timeout: PATIENCE });
    await page.getByRole("tab", { name: "Custom Roles", selected: true }).waitFor({ timeout: PATIENCE });
    if (!page.url().endsWith("/database-access/custom-roles")) throw new Error(`url is ${page.url()}`);
  });

  await check("clicking the Database Users tab opens it", async () => {
    await page.getByRole("tab", { name: "Database Users" }).click();
    await page.getByRole("tab", { name: "Database Users", selected: true }).waitFor({ timeout: PATIENCE });
    await page.waitForURL(`${base}/database-access/users`, { timeout: PATIENCE });
  });

  await check("real keyboard: ArrowRight moves to the next tab and focuses it", async () => {
    await page.getByRole("tab", { name: "Database Users" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.getByRole("tab", { name: "Custom Roles", selected: true }).waitFor({ timeout: PATIENCE });
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    if (focused !== "Custom Roles") throw new Error(`focus is on ${focused}`);
  });

  await check("a deep link to /database-access/users opens that tab after a reload", async () => {
    await page.goto(`${base}/database-access/users`);
    await page.getByRole("tab", { name: "Database Users", selected: true }).waitFor({ timeout: PATIENCE });
  });

  // Keyboard only: Tab to a control by its accessible name, then type and press keys like a person.
  const focusedName = () =>
    page.evaluate(() => {
      const e = document.activeElement;
      if (!e) return "";
      const label = e.id && document.querySelector(`label[for="${e.id}"]`);
      return (e.getAttribute("aria-label") || (label && label.textContent.trim()) || e.textContent.trim());
    });
  async function tabTo(name) {
    for (let i = 0; i < 120; i++) {
      if ((await focusedName()) === name) return;
      await page.keyboard.press("Tab");
    }
    throw new Error(`Tab never reached "${name}" (last: "${await focusedName()}")`);
  }
  const roleRow = (name) => page.getByRole("rowheader", { name, exact: true });

  await check("keyboard only: create, edit, delete and undo a custom role", async () => {
    await page.goto(`${base}/database-access/custom-roles`);
    await roleRow("orders_reader").waitFor({ timeout: PATIENCE });
    await tabTo("Add New Custom Role");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${base}/database-access/custom-roles/new`, { timeout: PATIENCE });
    await tabTo("Custom Role Name");
    await page.keyboard.type("kbd_role");
    await tabTo("Action or Role");
    await page.keyboard.type("find");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Remove find" }).waitFor({ timeout: PATIENCE });
    await tabTo("Database");
    await page.keyboard.type("sales");
    await tabTo("Collection");
    await page.keyboard.type("orders");
    await tabTo("Add Custom Role");
    await page.keyboard.press("Enter");
    await roleRow("kbd_role").waitFor({ timeout: PATIENCE });

    await tabTo("Edit kbd_role");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${base}/database-access/custom-roles/kbd_role/edit`, { timeout: PATIENCE });
    await tabTo("Action or Role");
    await page.keyboard.type("insert");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");
    await tabTo("Update Custom Role");
    await page.keyboard.press("Enter");
    // The review step takes focus; the change is listed before anything is sent.
    await page.locator(".review", { hasText: "INSERT@sales.orders" }).waitFor({ timeout: PATIENCE });
    await tabTo("Save changes");
    await page.keyboard.press("Enter");
    await page.getByRole("row", { name: /kbd_role/ }).getByText("insert on sales.orders").waitFor({ timeout: PATIENCE });

    await tabTo("Delete kbd_role");
    await page.keyboard.press("Enter");
    await page.getByRole("alertdialog").waitFor({ timeout: PATIENCE });
    await tabTo("Delete");
    await page.keyboard.press("Enter");
    await roleRow("kbd_role").waitFor({ state: "detached", timeout: PATIENCE });
    // Focus is on "Undo" once the role is deleted: Enter puts it back.
    await page.getByRole("button", { name: "Undo" }).waitFor({ timeout: PATIENCE });
    await page.keyboard.press("Enter");
    await roleRow("kbd_role").waitFor({ timeout: PATIENCE });
  });

  await check("export: Download saves the shown text as a file and Copy puts it on the clipboard", async () => {
    await page.goto(`${base}/database-access/custom-roles`);
    await roleRow("orders_reader").waitFor({ timeout: PATIENCE });
    await page.getByRole("button", { name: "Export all" }).click();
    const shown = page.getByLabel("Exported roles");
    await page.waitForFunction(() => document.querySelector("#export-dialog textarea")?.value.length > 0);
    const text = await shown.inputValue();
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: PATIENCE }),
      page.getByRole("button", { name: "Download" }).click(),
    ]);
    if (download.suggestedFilename() !== "custom-roles.json") throw new Error(`file name ${download.suggestedFilename()}`);
    if (readFileSync(await download.path(), "utf8") !== text) throw new Error("the file is not the text shown");
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
    await page.getByRole("button", { name: "Copy", exact: true }).click();
    await page.locator("#export-dialog [role=status]", { hasText: "Copied" }).waitFor({ timeout: PATIENCE });
    if ((await page.evaluate(() => navigator.clipboard.readText())) !== text) throw new Error("the clipboard is not the text shown");
    await page.getByRole("button", { name: "Close" }).click();
  });

  await check("project access: API keys listed by tab, and the role guide answers 'restore'", async () => {
    await page.goto(`${base}/project-access/api-keys`);
    await page.getByRole("tab", { name: "API Keys", selected: true }).waitFor({ timeout: PATIENCE });
    await page.getByRole("rowheader", { name: /Terraform pipeline/ }).waitFor({ timeout: PATIENCE });
    await page.getByRole("link", { name: "Which role do I need?" }).first().click();
    await page.getByLabel("Task").fill("restore");
    await page.locator(".guide-answer", { hasText: "Project Backup Recovery Operator" }).waitFor({ timeout: PATIENCE });
  });

  await check("real keyboard: Tab from Task reaches the role matrix, and the arrow keys scroll it", async () => {
    await page.goto(`${base}/which-role`);
    await page.getByLabel("Task").focus();
    await page.keyboard.press("Tab");
    const matrix = page.getByRole("region", { name: "Project roles and what they allow" });
    if (!(await matrix.evaluate((e) => e === document.activeElement)))
      throw new Error(`Tab went to ${await focusedName()}`);
    const { scrollWidth, clientWidth } = await matrix.evaluate((e) => ({ scrollWidth: e.scrollWidth, clientWidth: e.clientWidth }));
    if (scrollWidth <= clientWidth) throw new Error("the matrix fits: nothing to scroll (check the window size)");
    for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
    await page.waitForFunction((e) => e.scrollLeft > 0, await matrix.elementHandle(), { timeout: PATIENCE });
  });

  // With the large demo (1,400 roles), each keystroke in the search box is timed with the benchmark's
  // measurement (harness.mjs typeQueries) and printed. Not a pass/fail check: a duration depends on how
  // busy the machine is (scripts/test --stress measures several times the idle figure); the 150 ms budget
  // is scripts/bench's to judge.
  await check("large demo: search keystroke latency (printed, not judged)", async () => {
    await page.goto(`${base}/database-access/custom-roles?demo=large`);
    await page.getByText("1400 of 1400 custom roles").waitFor({ timeout: PATIENCE });
    const times = await typeQueries(page, "#role-search", ["billing", "find", "sales_db3", "coll7", "inherits", "growth_role_01"]);
    times.sort((a, b) => a - b);
    const p = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
    console.log(`filter-latency keystrokes=${times.length} p50_ms=${p(0.5).toFixed(1)} p95_ms=${p(0.95).toFixed(1)}` +
      (p(0.95) > 150 ? " (above the 150 ms budget: compare with scripts/bench on an idle machine)" : ""));
    // The search was cleared last: the whole list is back.
    await page.getByText("1400 of 1400 custom roles").waitFor();
  });

  await check("embedded in the example portal: two consoles mount, route under the portal's path and keep apart", async () => {
    await page.goto(`${base}/portal/db-access/`);
    await page.getByText("Acme Internal Portal").waitFor({ timeout: PATIENCE });
    const main = page.locator("#db-access");
    const sandbox = page.locator("#db-access-sandbox");
    await main.getByRole("tab", { name: "Custom Roles", selected: true }).waitFor({ timeout: PATIENCE });
    await sandbox.getByRole("tab", { name: "Custom Roles", selected: true }).waitFor({ timeout: PATIENCE });
    if (!page.url().endsWith("/portal/db-access/database-access/custom-roles")) throw new Error(`url is ${page.url()}`);
    // Both show the same screen, yet every DOM id is unique: labels and ARIA references stay in their console.
    const dupes = await page.evaluate(() => {
      const seen = new Map();
      for (const el of document.querySelectorAll("[id]")) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
      return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    });
    if (dupes.length) throw new Error(`ids used twice: ${dupes.join(", ")}`);
    await sandbox.getByLabel("Search custom roles").fill("zzz");
    if ((await main.getByLabel("Search custom roles").inputValue()) !== "") throw new Error("typing reached the other console");
    await sandbox.getByLabel("Search custom roles").fill("");
    // Links carry the portal's base path, and following one keeps the page (no full reload).
    await page.evaluate(() => (window.__samePage = true));
    await main.getByRole("tab", { name: "Database Users" }).click();
    await page.waitForURL(`${base}/portal/db-access/database-access/users`, { timeout: PATIENCE });
    if (!(await page.evaluate(() => window.__samePage))) throw new Error("the tab reloaded the page");
    // The other instance stayed where it was: each router follows its own navigation.
    await sandbox.getByRole("tab", { name: "Custom Roles", selected: true }).waitFor({ timeout: PATIENCE });
    // Each instance has its own principal and data: the sandbox acts as a read-only user.
    await main.getByRole("link", { name: "Add New Database User" }).waitFor({ timeout: PATIENCE });
    // Row links get the portal's base path exactly once.
    const edit = await main.getByRole("link", { name: /^Edit / }).first().getAttribute("href");
    if (!/^\/portal\/db-access\/database-access\/users\/[^/]+\/[^/]+\/edit$/.test(edit)) throw new Error(`edit link is ${edit}`);
    const sandboxAdd = sandbox.getByRole("button", { name: "Add New Custom Role" }).first();
    if ((await sandboxAdd.getAttribute("aria-disabled")) !== "true") throw new Error("sandbox is not read-only");
    const keys = await page.evaluate(() => Object.keys(localStorage));
    for (const k of ["dbaccess.demo.portal-main", "dbaccess.demo.portal-sandbox"])
      if (!keys.includes(k)) throw new Error(`no storage ${k}: ${keys}`);
    const accent = await page.evaluate(() => getComputedStyle(document.querySelector("#db-access .main")).getPropertyValue("--dba-accent").trim());
    if (accent !== "#5a2ca0") throw new Error(`theme not applied: ${accent}`);
  });

  await lanes;


  await check("under the strict Content-Security-Policy the browser reported no violation", async () => {
    const served = (await fetch(`${base}/`)).headers.get("content-security-policy");
    if (served !== CSP) throw new Error(`served with ${served}`);
    const violations = await page.evaluate(() => window.__csp);
    if (violations.length) throw new Error(violations.join("; "));
  });

  await check("the console has no errors or warnings", async () => {
    if (problems.length) throw new Error(problems.join("; "));
  });
} finally {
  await browser.close();
  server.close();
}

const s = bundleSizes(dist);
console.log(
  `bundle-size wasm_raw=${s.wasm_raw} wasm_gzip=${s.wasm_gzip} js_raw=${s.js_raw} js_gzip=${s.js_gzip} ` +
    `css_raw=${s.css_raw} css_gzip=${s.css_gzip} total_gzip=${s.total_gzip} total_brotli=${s.total_brotli} chunks=${s.chunks}`,
);
// The CI guard on the compressed bundle (bench/bundle-limit.json): a ratchet until the budget is met.
await check(
  `the compressed bundle, every chunk included (${Math.round(s.total_gzip / 1000)} KB gzip), is within the ratchet of ` +
    `${Math.round(limit.ratchet_gzip_bytes / 1000)} KB (budget ${Math.round(limit.budget_gzip_bytes / 1000)} KB)`,
  async () => {
    if (s.total_gzip > limit.ratchet_gzip_bytes)
      throw new Error(`grew to ${s.total_gzip} bytes, past ${limit.ratchet_gzip_bytes}: shrink it or explain the growth`);
  },
);
// Splitting costs bytes in all (files compress apart, wasm-opt can't work across them); issue #31 allows
// 10% over one module, and this ratchet keeps what was reached (scripts/bench --floor measures both).
await check(
  `every file of the split build together (${s.total_brotli} bytes brotli) is within the ratchet of ${limit.ratchet_total_brotli_bytes}`,
  async () => {
    if (s.total_brotli > limit.ratchet_total_brotli_bytes)
      throw new Error(`grew to ${s.total_brotli} bytes, past ${limit.ratchet_total_brotli_bytes}: shrink it or explain the growth`);
  },
);
const passed = results.filter(([, ok]) => ok).length;
const failed = results.length - passed;
console.log(`smoke: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
