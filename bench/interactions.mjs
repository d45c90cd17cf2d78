// The two timed interactions of the performance issue, shared by the benchmark (bench.mjs) and the
// profiler (profile.mjs) so both measure exactly the same thing. `prepare*` run from Node (Playwright);
// `time*` run in the page (install tests/smoke/harness.mjs SETTLE first) and return milliseconds.

/** The role of the large project with the most actions and inherited roles. */
export const largestRole = (roles) =>
  roles.reduce((a, b) =>
    b.actions.length + b.inheritedRoles.length > a.actions.length + a.inheritedRoles.length ? b : a,
  );

/** The large project's list, filtered down to `name`'s row, settled. */
export async function prepareEditorOpen(page, base, name) {
  await page.goto(`${base}/database-access/custom-roles?demo=large`);
  await page.getByText("1400 of 1400 custom roles").waitFor({ timeout: 60000 });
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
