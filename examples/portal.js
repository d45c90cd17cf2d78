// The example portal mounts the console built in dist/. Trunk names the console's files with content
// hashes, so the portal reads their names (and stylesheets) from the built index.html. The console's sheets
// only style inside the console; standalone.css is the standalone page's own, so a portal leaves it out.
const built = new DOMParser().parseFromString(await (await fetch("/index.html")).text(), "text/html");
for (const link of built.querySelectorAll('link[rel="stylesheet"]')) {
  if (/\/standalone-[^/]*\.css$/.test(link.getAttribute("href"))) continue;
  document.head.append(document.importNode(link, false));
}
const tag = built.querySelector("script[data-dbaccess-js]");
const consoleModule = await import(tag.dataset.dbaccessJs);
await consoleModule.default({ module_or_path: tag.dataset.dbaccessWasm });

// The routed console, under the portal's own path, on the embedded demo project.
window.dbAccess = consoleModule.mountConsole(document.getElementById("db-access"), {
  backend: "embedded",
  projectId: "portal-main",
  basePath: "/portal/db-access",
  theme: { "--dba-accent": "#5a2ca0" },
});
// A second instance on another demo project, acting as a read-only user: its data and principal are
// its own, and its router follows its own navigation (both start from the page URL).
window.dbAccessSandbox = consoleModule.mountConsole(document.getElementById("db-access-sandbox"), {
  projectId: "portal-sandbox",
  principal: "rory.readonly@example.com",
  basePath: "/portal/db-access",
});
