// The console through the portal: starts the Admin API emulator with --require-auth, then the
// dbaccess-portal binary serving the release build and proxying to the emulator with a service account,
// each person with their own Atlas roles, and drives the console in Chromium on the portal's origin as two
// people: Ada (Project Owner) deletes a role, audited; Rory (Project Read Only) sees the controls disabled
// with the reason, and a write forced past them is refused by the portal; a "Copy to projects…" link opened
// cold plans for its target once the portal has said who Ada is. Usage: node tests/smoke/portal.mjs <dist> <atlas-emulator binary> <dbaccess-portal binary>
import { connect } from "node:net";
import { resolve } from "node:path";
import { launch } from "./harness.mjs";
import { startPortal, until } from "./servers.mjs";

const [distArg, emulatorBin, portalBin] = process.argv.slice(2);
const dist = resolve(distArg ?? "dist");
const PROJECT = "6650f1c2a4b3c2d1e0f9a8b7";
// The emulator's Staging (domain::demo::STAGING_ID), Ada's second project.
const STAGING = "6650f1c2a4b3c2d1e0f9a8c8";
const { atlas, port, origin, portal, stop } = await startPortal({
  dist,
  emulatorBin,
  portalBin,
  access: [`"ada.admin@example.com" = ["${PROJECT}", "${STAGING}"]`, `"rory.readonly@example.com" = ["${PROJECT}"]`],
  portalStdio: ["ignore", "pipe", "inherit"],
});
const audit = [];
portal.stdout.on("data", (d) => audit.push(...d.toString().split("\n").filter(Boolean)));

let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e.message}`);
  }
}

await check("the emulator refuses a call without the portal's token", async () => {
  const r = await fetch(`${atlas}/api/atlas/v2/groups/${PROJECT}/customDBRoles/roles`);
  if (r.status !== 401) throw new Error(`status ${r.status}`);
});

// A request target sent as written: no URL library resolving `..` or reading `\` first.
function raw(target) {
  return new Promise((ok, fail) => {
    const s = connect(port, "127.0.0.1", () =>
      s.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`),
    );
    let text = "";
    s.on("data", (d) => (text += d));
    s.on("end", () => ok(Number(text.split(" ")[1])));
    s.on("error", fail);
  });
}

await check("a path trick toward another project is refused by the portal, audited", async () => {
  const other = "5e2211c17a3e5a48f5497de1";
  const status = await raw(`/api/atlas/v2/groups/${PROJECT}/databaseUsers/x/..\\..\\..\\${other}\\databaseUsers`);
  if (status !== 400) throw new Error(`status ${status}`);
  await until("the audit line", () => audit.some((l) => JSON.parse(l).refused === "PORTAL_PATH_REFUSED"));
});

await check("the portal tells each person their roles (/api/portal/me)", async () => {
  const me = await (await fetch(`${origin}/api/portal/me`, { headers: { "X-Portal-User": "rory.readonly@example.com" } })).json();
  const roles = me.projects?.find((p) => p.id === PROJECT)?.roles;
  if (JSON.stringify(roles) !== '["GROUP_READ_ONLY"]') throw new Error(JSON.stringify(me));
});

const browser = await launch();
try {
  const rory = await browser.newContext({ extraHTTPHeaders: { "X-Portal-User": "rory.readonly@example.com" } });
  const page2 = await rory.newPage();
  await check("as Rory (Project Read Only) the console disables Delete with the reason, and a forced write gets 403", async () => {
    await page2.goto(`${origin}/database-access/custom-roles?api=${encodeURIComponent(origin)}&project=${PROJECT}`);
    const del = page2.getByRole("button", { name: "Delete index_tuner" });
    await del.waitFor({ timeout: 180000 });
    await until("Delete disabled", async () => (await del.getAttribute("aria-disabled")) === "true");
    const described = (await del.getAttribute("aria-describedby")) ?? "";
    const reason = await page2.evaluate(
      (ids) => ids.split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join(" "),
      described,
    );
    if (!reason.includes("Requires Project Owner or Project Database Access Admin")) throw new Error(`reason: ${reason}`);
    const forced = await page2.evaluate(async (path) => {
      const r = await fetch(path, { method: "DELETE", headers: { Accept: "application/vnd.atlas.2023-01-01+json" } });
      return [r.status, (await r.json()).errorCode];
    }, `/api/atlas/v2/groups/${PROJECT}/customDBRoles/roles/index_tuner`);
    if (forced[0] !== 403 || forced[1] !== "PORTAL_ROLE_REQUIRED") throw new Error(`forced: ${forced}`);
    await until("the refusal audited with Rory's roles", () =>
      audit.some((l) => {
        const e = JSON.parse(l);
        return e.who === "rory.readonly@example.com" && e.refused === "PORTAL_ROLE_REQUIRED" && e.roles?.includes("GROUP_READ_ONLY");
      }),
    );
  });
  await rory.close();
  const page = await browser.newPage();
  await check("as Ada (Project Owner) the console loads the project and deletes a role, audited", async () => {
    await page.goto(`${origin}/database-access/custom-roles?api=${encodeURIComponent(origin)}&project=${PROJECT}`);
    await page.getByRole("button", { name: "Delete index_tuner" }).waitFor({ timeout: 180000 });
    await page.getByRole("button", { name: "Delete index_tuner" }).click();
    await page.getByLabel("Type index_tuner to confirm").fill("index_tuner");
    await page.locator("[role=alertdialog] button.button-danger").click();
    await page.getByRole("button", { name: "Delete index_tuner" }).waitFor({ state: "detached", timeout: 180000 });
    await until("the audit line", () =>
      audit.some((l) => {
        const e = JSON.parse(l);
        return e.who === "ada.admin@example.com" && e.status === 204 && e.operation.startsWith("DELETE ");
      }),
    );
  });
  await check("a Copy to projects… link opened cold plans for its target once the portal says who Ada is", async () => {
    const api = `api=${encodeURIComponent(origin)}&project=${PROJECT}`;
    await page.goto(`${origin}/database-access/custom-roles/copy?roles=orders_reader&to=${STAGING}&${api}`);
    await page.getByText("1 role will be created and 0 updated in 1 project", { exact: false }).waitFor({ timeout: 180000 });
  });
} finally {
  await browser.close();
  stop();
}
console.log(`portal smoke: ${failed === 0 ? "all passed" : `${failed} failed`}`);
process.exit(failed === 0 ? 0 : 1);
