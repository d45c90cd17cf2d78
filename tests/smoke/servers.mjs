// The Admin API emulator and dbaccess-portal in front of it, serving a release build: what the portal smoke
// test (tests/smoke/portal.mjs) and the benchmark across projects (bench/across.mjs) run the console behind.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PATIENCE } from "./harness.mjs";

export function freePort() {
  return new Promise((ok) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

// Waits for a positive sign; the deadline is for a slow, busy machine (a debug portal on 2 cores).
export async function until(what, fn, ms = PATIENCE) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if (await fn()) return;
    } catch {}
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts the emulator (`--require-auth`, and `emulatorArgs`), then the portal serving `dist` in front of
 *  it with the emulator's service account, acting for Ada unless a request names someone else;
 *  `access` is the lines of its [access] table (who may use which projects). `portalStdio` is the
 *  portal's stdio (its audit log is on stdout). Both stop when this process exits, or with `stop()`. */
export async function startPortal({ dist, emulatorBin, portalBin, access, emulatorArgs = [], portalStdio = "ignore" }) {
  const children = [];
  const stop = () => children.forEach((c) => c.kill());
  process.on("exit", stop);
  const dir = mkdtempSync(join(tmpdir(), "portal-"));
  const portFile = join(dir, "emulator-port");
  children.push(
    spawn(resolve(emulatorBin), ["--port", "0", "--port-file", portFile, "--require-auth", ...emulatorArgs], {
      stdio: ["ignore", "ignore", "inherit"],
    }),
  );
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
# The emulator (tiny_http) sometimes leaves an answer on a reused connection unsent (crates/portal config).
upstream_keep_alive = false

[service_account]
client_id = "mdb_sa_id_emulator"

[access]
${access.join("\n")}
`,
  );
  const portal = spawn(resolve(portalBin), ["--config", join(dir, "portal.toml")], {
    env: { ...process.env, DBACCESS_PORTAL_CLIENT_SECRET: "mdb_sa_sk_emulator" },
    stdio: portalStdio,
  });
  children.push(portal);
  await until("the portal", async () => (await fetch(`${origin}/`)).ok);
  return { atlas, port, origin, portal, stop };
}
