// The two timed interactions of the performance issue, shared by the benchmark (bench.mjs) and the
// profiler (profile.mjs) so both measure exactly the same thing. `prepare*` run from Node (Playwright);
// `time*` run in the page (install tests/smoke/harness.mjs SETTLE first) and return milliseconds.

/** The role of the large project with the most actions and inherited roles. */
export const largestRole = (roles) =>
  roles.reduce((a, b) =>
    b.actions.length + b.inheritedRoles.length > a.actions.length + a.inheritedRoles.length ? b : a,
  );

/** The large project's list, filtered down to `name`'s row, settled, with the screens' chunk in (a
 *  split build): a person opens the editor after its prefetch, so the timed open must not wait for it. The
 *  page goes to Database Users and back, which needs the same chunk and leaves the editor unopened. */
export async function prepareEditorOpen(page, base, name) {
  await page.goto(`${base}/database-access/custom-roles?demo=large`);
  const all = page.getByText("1400 of 1400 custom roles");
  await all.waitFor({ timeout: 60000 });
  await page.getByRole("tab", { name: "Database Users", exact: true }).click();
  await page.getByRole("heading", { name: "Database Users" }).waitFor({ timeout: 60000 });
  await page.getByRole("tab", { name: "Custom Roles", exact: true }).click();
  await all.waitFor({ timeout: 60000 });
  await page.fill("#role-search", name);
  await page.getByRole("link", { name: `Edit ${name}`, exact: true }).waitFor();
  await page.evaluate(() => window.__settle());
}

/** In the page: follow "Edit <name>" until the editor is shown and laid out, and nothing changes after. */
export async function timeEditorOpen(name) {
  const link = [...document.querySelectorAll("a")].find((a) => a.getAttribute("aria-label") === `Edit ${name}`);
  return window.__settledAfter(performance.now(), () => link.click(), () => document.getElementById("role-name"));
}

/** The new-role editor's first picker, open, with `find` not chosen (the editor must be shown). */
export async function preparePickerLock(page) {
  const picker = page.locator("#row-0-picker");
  await picker.focus();
  await picker.press("Escape"); // closes the list the last run left open
  await picker.press("ArrowDown");
  await page.locator("[role=option] .listbox-label", { hasText: /^find$/ }).waitFor({ timeout: 10000 });
  // Unchosen by the last run already, unless it was told not to (the profiler): then here, untimed.
  await page.evaluate(async () => {
    const find = [...document.querySelectorAll("[role=option]")].find(
      (o) => o.querySelector(".listbox-label")?.textContent === "find",
    );
    if (find.getAttribute("aria-selected") === "true") find.click();
    await window.__settle();
  });
}

/** In the page: choose `find` (which locks the other categories) until settled and laid out; then,
 *  untimed and unless told not to, unchoose it for the next run (a DOM click: Playwright's would scroll
 *  the list first). */
export async function timePickerLock(unchoose = true) {
  const option = () =>
    [...document.querySelectorAll("[role=option]")].find((o) => o.querySelector(".listbox-label")?.textContent === "find");
  const ms = await window.__settledAfter(performance.now(), () => option().click(), () => true);
  const locked = document.querySelector("[role=option][aria-disabled=true]");
  if (unchoose) {
    option().click();
    await window.__settle();
  }
  if (!locked) throw new Error("choosing find locked nothing");
  return ms;
}

/** Types each query a key at a time into `selector` as a person does (real key presses, so the browser
 *  handles each as input, after whatever rendering the previous one left), and times each keystroke from
 *  its `input` event (the event's own time stamp) until its update is laid out: the update's microtasks
 *  have run (a MessageChannel message runs after the microtask queue drains) and a layout is forced. The
 *  field is cleared between queries, untimed. Returns one duration per character, in milliseconds. */
export async function typeLikeAPerson(page, selector, queries) {
  await page.evaluate((selector) => {
    const input = document.querySelector(selector);
    window.__keystrokes = [];
    if (window.__keystrokeTimer) return;
    window.__keystrokeTimer = true;
    input.addEventListener("input", (e) => {
      if (!e.isTrusted) return; // the untimed clearing below
      const t0 = e.timeStamp;
      const c = new MessageChannel();
      c.port1.onmessage = () => {
        document.body.getBoundingClientRect();
        window.__keystrokes.push(performance.now() - t0);
      };
      c.port2.postMessage(0);
    });
  }, selector);
  const field = page.locator(selector);
  await field.focus();
  let n = 0;
  for (const q of queries) {
    for (const ch of q) {
      await page.keyboard.type(ch);
      n += 1;
      await page.waitForFunction((n) => window.__keystrokes.length >= n, n, { polling: "raf" });
    }
    await page.evaluate(async (selector) => {
      const input = document.querySelector(selector);
      input.value = "";
      input.dispatchEvent(new Event("input", { bubbles: true }));
      await new Promise((done) => {
        const c = new MessageChannel();
        c.port1.onmessage = done;
        c.port2.postMessage(0);
      });
      document.body.getBoundingClientRect();
    }, selector);
  }
  return page.evaluate(() => window.__keystrokes);
}
