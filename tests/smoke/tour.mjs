// Every screen and dialog of the console in the state a person sees it, reached as a person would (by
// role and accessible name, never by CSS class or position, so a new layout doesn't break the tour).
// The accessibility check (axe.mjs) and scripts/screenshots both walk it.
//
// A stop: { name, path, open?(page), ready(page) }. `path` is loaded anew (so one stop's dialog or
// unsaved edit never leaks into the next), then `open` acts, then `ready` waits for what the stop is
// about. Stops with `docs` are the pictures committed for the README (docs/screenshots/).

import { PATIENCE } from "./harness.mjs";

const T = { timeout: PATIENCE };
const dialog = (page, name) => page.getByRole("dialog", { name }).waitFor(T);
const alert = (page) => page.getByRole("alertdialog").waitFor(T);
const row = (page, name) => page.getByRole("rowheader", { name, exact: true }).waitFor(T);
const click = (page, role, name, exact = false) => page.getByRole(role, { name, exact }).first().click();

export const STOPS = [
  // Database Access: custom roles and what opens from their list.
  {
    name: "custom-roles",
    docs: "custom-roles",
    path: "/database-access/custom-roles",
    ready: (p) => row(p, "orders_reader"),
  },
  {
    name: "custom-roles-export",
    path: "/database-access/custom-roles",
    open: async (p) => (await row(p, "orders_reader"), click(p, "button", "Export all")),
    ready: (p) => dialog(p, /^Export/),
  },
  {
    name: "custom-roles-import",
    path: "/database-access/custom-roles",
    open: async (p) => (await row(p, "orders_reader"), click(p, "button", "Import", true)),
    ready: (p) => dialog(p, "Import Custom Roles"),
  },
  {
    name: "custom-roles-change-limit",
    path: "/database-access/custom-roles",
    open: async (p) => (await row(p, "orders_reader"), click(p, "button", "Change Limit")),
    ready: (p) => dialog(p, "Custom Role Limit"),
  },
  {
    name: "custom-roles-used-by",
    path: "/database-access/custom-roles",
    open: async (p) => (await row(p, "orders_reader"), click(p, "button", "Used by orders_reader")),
    ready: (p) => dialog(p, "Used by orders_reader"),
  },
  {
    name: "custom-roles-delete",
    path: "/database-access/custom-roles",
    open: async (p) => (await row(p, "orders_reader"), click(p, "button", "Delete orders_reader")),
    ready: (p) => alert(p),
  },
  // Across projects (issue 30): the demo's Staging and Production.
  {
    name: "copy-to-projects",
    path: "/database-access/custom-roles/copy?roles=orders_writer&roles=app_backend&to=6650f1c2a4b3c2d1e0f9a8c8&to=6650f1c2a4b3c2d1e0f9a8d9",
    ready: (p) => p.getByText("Will be updated").first().waitFor(T),
  },
  {
    name: "compare-projects",
    path: "/database-access/custom-roles/compare",
    open: (p) => click(p, "button", "app_backend in Production: Different"),
    ready: (p) => p.getByRole("link", { name: "Copy app_backend to Production…" }).waitFor(T),
  },
  {
    name: "role-editor-new",
    path: "/database-access/custom-roles/new",
    ready: (p) => p.getByRole("combobox", { name: "Action or Role" }).first().waitFor(T),
  },
  {
    name: "role-editor-new-errors",
    path: "/database-access/custom-roles/new",
    open: (p) => click(p, "button", "Add Custom Role", true),
    // Each message sits next to its field, which says it is invalid.
    ready: (p) => p.locator("[aria-invalid=true]").first().waitFor(T),
  },
  {
    name: "role-editor-picker-open",
    docs: "role-editor-picker",
    path: "/database-access/custom-roles/new",
    open: async (p) => {
      await p.getByLabel("Custom Role Name").fill("orders_auditor");
      const picker = p.getByRole("combobox", { name: "Action or Role" }).first();
      await picker.focus();
      await p.keyboard.press("ArrowDown");
    },
    ready: (p) => p.getByRole("listbox").first().waitFor(T),
  },
  {
    name: "role-editor-edit",
    path: "/database-access/custom-roles/orders_writer/edit",
    ready: (p) => p.getByRole("button", { name: "Update Custom Role" }).waitFor(T),
  },
  {
    name: "role-editor-review",
    path: "/database-access/custom-roles/orders_reader/edit",
    open: async (p) => {
      await click(p, "button", /^Duplicate/);
      await click(p, "button", "Update Custom Role");
    },
    ready: (p) => p.getByRole("button", { name: "Save changes" }).waitFor(T),
  },
  {
    name: "unsaved-changes",
    path: "/database-access/custom-roles/new",
    open: async (p) => {
      await p.getByLabel("Custom Role Name").fill("draft_role");
      await click(p, "link", "Activity Feed");
    },
    ready: (p) => alert(p),
  },

  // Database Access: database users.
  {
    name: "database-users",
    path: "/database-access/users",
    ready: (p) => row(p, "app-service"),
  },
  {
    name: "database-user-new",
    path: "/database-access/users/new",
    ready: (p) => p.getByRole("dialog").waitFor(T),
  },
  {
    name: "database-user-edit",
    docs: "database-user-edit",
    path: "/database-access/users",
    open: async (p) => (await row(p, "app-service"), click(p, "link", "Edit app-service")),
    ready: (p) => p.getByRole("dialog").waitFor(T),
  },
  {
    name: "database-user-delete",
    path: "/database-access/users",
    open: async (p) => (await row(p, "app-service"), click(p, "button", "Delete app-service")),
    ready: (p) => alert(p),
  },
  {
    // Atlas offers the certificate as soon as an Atlas-managed X.509 user is added.
    name: "database-user-certificate",
    path: "/database-access/users/new",
    open: async (p) => {
      await p.getByLabel("Authentication Method").selectOption("x509-managed");
      await p.getByLabel("Username", { exact: true }).fill("cert-user");
      await p.getByLabel("Built-in Role").selectOption("readAnyDatabase");
      await click(p, "button", "Add User", true);
    },
    ready: (p) => dialog(p, /X\.509 Certificate/),
  },
  {
    name: "database-users-bulk",
    path: "/database-access/users",
    open: async (p) => {
      await row(p, "app-service");
      await p.getByRole("checkbox", { name: /app-service/ }).check();
      await p.getByRole("checkbox", { name: /bi-reader/ }).check();
      await click(p, "button", "Add or remove a custom role");
    },
    ready: (p) => dialog(p, /Add or remove a custom role/),
  },

  // Project Access: each tab and its dialogs.
  {
    name: "project-users",
    docs: "project-access",
    path: "/project-access/users",
    ready: (p) => p.getByRole("link", { name: /^Edit Roles for/ }).first().waitFor(T),
  },
  {
    name: "project-users-invite",
    path: "/project-access/users/invite",
    ready: (p) => dialog(p, "Invite to Project"),
  },
  {
    name: "project-users-edit-roles",
    path: "/project-access/users",
    open: (p) => click(p, "link", /^Edit Roles for/),
    ready: (p) => dialog(p, /^Edit Roles for/),
  },
  {
    name: "project-users-remove",
    path: "/project-access/users",
    open: (p) => click(p, "button", /Remove.* from Project/),
    ready: (p) => alert(p),
  },
  {
    name: "project-teams",
    path: "/project-access/teams",
    ready: (p) => p.getByRole("tab", { name: "Teams", selected: true }).waitFor(T),
  },
  {
    name: "project-teams-add",
    path: "/project-access/teams/add",
    ready: (p) => dialog(p, "Add Team"),
  },
  {
    name: "project-api-keys",
    path: "/project-access/api-keys",
    ready: (p) => p.getByRole("rowheader", { name: /Terraform pipeline/ }).waitFor(T),
  },
  {
    name: "project-api-key-new-picker-open",
    path: "/project-access/api-keys/new",
    open: async (p) => {
      await p.getByLabel("Description", { exact: true }).fill("CI deploys");
      const picker = p.getByRole("combobox", { name: "Project Permissions" });
      await picker.focus();
      await p.keyboard.press("ArrowDown");
      await p.keyboard.press("Enter");
    },
    ready: (p) => p.getByRole("listbox").waitFor(T),
  },
  {
    name: "project-api-key-created",
    path: "/project-access/api-keys/new",
    open: async (p) => {
      await p.getByLabel("Description", { exact: true }).fill("CI deploys");
      const picker = p.getByRole("combobox", { name: "Project Permissions" });
      await picker.fill("Read Only");
      await p.keyboard.press("ArrowDown");
      await p.keyboard.press("Enter");
      await p.keyboard.press("Escape");
      await click(p, "button", "Create API Key", true);
    },
    ready: (p) => p.getByRole("button", { name: "Done" }).waitFor(T),
  },
  {
    name: "project-service-accounts",
    path: "/project-access/service-accounts",
    ready: (p) => p.getByRole("tab", { name: "Service Accounts", selected: true }).waitFor(T),
  },
  {
    name: "project-service-account-new",
    path: "/project-access/service-accounts/new",
    ready: (p) => dialog(p, "Create Service Account"),
  },

  // The tools.
  {
    name: "which-role",
    docs: "which-role",
    path: "/which-role",
    ready: (p) => p.getByRole("table").waitFor(T),
  },
  {
    name: "which-role-answer",
    path: "/which-role",
    open: (p) => p.getByLabel("Task").fill("restore"),
    ready: (p) => p.getByText(/Project Backup Recovery Operator/).first().waitFor(T),
  },
  {
    name: "who-can",
    path: "/who-can?action=FIND&ns=sales.orders",
    ready: (p) => p.getByText(/can find on sales\.orders/).waitFor(T),
  },
  {
    name: "least-privilege",
    path: "/least-privilege",
    ready: (p) => p.getByRole("heading", { level: 1 }).waitFor(T),
  },
  {
    name: "activity-feed",
    path: "/activity",
    ready: (p) => p.getByRole("heading", { level: 1 }).waitFor(T),
  },

  // The large project (1,400 roles with inheritance, 100 users).
  {
    name: "large-custom-roles",
    path: "/database-access/custom-roles?demo=large",
    ready: (p) => p.getByText("1400 of 1400 custom roles").waitFor({ timeout: PATIENCE }),
  },
  {
    name: "large-role-editor-picker-open",
    path: "/database-access/custom-roles/new?demo=large",
    open: async (p) => {
      const picker = p.getByRole("combobox", { name: "Action or Role" }).first();
      await picker.waitFor({ timeout: PATIENCE });
      await picker.focus();
      await p.keyboard.press("ArrowDown");
    },
    ready: (p) => p.getByRole("listbox").first().waitFor(T),
  },
  {
    name: "large-database-users",
    path: "/database-access/users?demo=large",
    ready: (p) => p.getByRole("rowheader").first().waitFor({ timeout: PATIENCE }),
  },
];

/** Loads `stop` in `page` (served at `base`) and brings it to the state it is about. */
export async function visit(page, base, stop) {
  await page.goto(`${base}${stop.path}`);
  if (stop.open) await stop.open(page);
  await stop.ready(page);
}
