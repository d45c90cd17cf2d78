// The console through the portal: starts the Admin API emulator with --require-auth, then the
// dbaccess-portal binary serving the release build and proxying to the emulator with a service account,
// and drives the console in Chromium on the portal's origin: it loads the project and a delete goes
// through, audited. Usage: node tests/smoke/portal.mjs <dist> <atlas-emulator binary> <dbaccess-portal binary>
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { launch } from "./harness.mjs";

const [distArg, emulatorBin, portalBin] = process.argv.slice(2);
const dist = resolve(distArg ?? "dist");
const PROJECT = "6650f1c2a4b3c2d1e0f9a8b7";
const children = [];
const stop = () => children.forEach((c) => c.kill());
process.on("exit", stop);

function freePort() {
  return new Promise((ok) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

async function until(what, fn, ms = 20000) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if (await fn()) return;
    } catch {}
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const dir = mkdtempSync(join(tmpdir(), "portal-smoke-"));
const portFile = join(dir, "emulator-port");
children.push(spawn(resolve(emulatorBin), ["--port", "0", "--port-file", portFile, "--require-auth"], { stdio: "inherit" }));
await until("the emulator", () => readFileSync(portFile, "utf8").trim().length > 0);
const atlas = readFileSync(portFile, "utf8").trim();

const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
writeFileSync(
  join(dir, "portal.toml"),
  `listen = "127.0.0.1:${port}"
dist = "${dist}"
console_origin = "${origin}"
atlas_base_url = "${atlas}"
local_identity = "ada.admin@example.com"
upstream_keep_alive = false

[service_account]
client_id = "mdb_sa_id_emulator"

[access]
"ada.admin@example.com" = ["${PROJECT}"]
`,
);
const audit = [];
const portal = spawn(resolve(portalBin), ["--config", join(dir, "portal.toml")], {
  env: { ...process.env, DBACCESS_PORTAL_CLIENT_SECRET: "mdb_sa_sk_emulator" },
  stdio: ["ignore", "pipe", "inherit"],
});
children.push(portal);
portal.stdout.on("data", (d) => audit.push(...d.toString().split("\n").filter(Boolean)));
await until("the portal", async () => (await fetch(`${origin}/`)).ok);

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

const browser = await launch();
try {
  const page = await browser.newPage();
  await check("through the portal the console loads the project and deletes a role, audited", async () => {
    await page.goto(`${origin}/database-access/custom-roles?api=${encodeURIComponent(origin)}&project=${PROJECT}`);
    await page.getByRole("button", { name: "Delete index_tuner" }).waitFor({ timeout: 20000 });
    await page.getByRole("button", { name: "Delete index_tuner" }).click();
    await page.getByLabel("Type index_tuner to confirm").fill("index_tuner");
    await page.locator("[role=alertdialog] button.button-danger").click();
    await page.getByRole("button", { name: "Delete index_tuner" }).waitFor({ state: "detached", timeout: 10000 });
    await until("the audit line", () =>
      audit.some((l) => {
        const e = JSON.parse(l);
        return e.who === "ada.admin@example.com" && e.status === 204 && e.operation.startsWith("DELETE ");
      }),
    );
  });
} finally {
  await browser.close();
  stop();
}
console.log(`portal smoke: ${failed === 0 ? "all passed" : `${failed} failed`}`);
process.exit(failed === 0 ? 0 : 1);
