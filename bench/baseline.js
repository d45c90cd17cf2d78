// The plain HTML + JS baseline the benchmark compares the console with: the same custom roles as the
// console's table (name and privilege lines, Edit and Delete per row), filtered with the same rule (every
// query word in the row's text), re-rendering every matching row on each keystroke, as a straightforward
// hand-written page would.
"use strict";

let roles = [];

function lines(role) {
  const out = [];
  for (const a of role.actions || []) {
    for (const r of a.resources || []) {
      out.push(r.cluster ? a.action : `${a.action}@${r.db}${r.collection ? "." + r.collection : ""}`);
    }
  }
  for (const i of role.inheritedRoles || []) out.push(`inherits ${i.role}@${i.db}`);
  return out;
}

function render(list) {
  const body = document.getElementById("rows");
  body.textContent = "";
  for (const r of list) {
    const tr = document.createElement("tr");
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = r.name;
    const td = document.createElement("td");
    const ul = document.createElement("ul");
    for (const l of r.lines) {
      const li = document.createElement("li");
      li.textContent = l;
      ul.appendChild(li);
    }
    td.appendChild(ul);
    const actions = document.createElement("td");
    for (const label of ["Edit", "Delete"]) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "button";
      b.textContent = label;
      b.setAttribute("aria-label", `${label} ${r.name}`);
      actions.appendChild(b);
    }
    tr.append(th, td, actions);
    body.appendChild(tr);
  }
  document.getElementById("count").textContent = `${list.length} of ${roles.length} custom roles`;
}

function filter(query) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  render(roles.filter((r) => words.every((w) => r.haystack.includes(w))));
}

/** Called by the benchmark with the Admin API roles of the large demo project. */
window.loadRoles = (apiRoles) => {
  roles = apiRoles.map((r) => {
    const l = lines(r);
    return { name: r.roleName, lines: l, haystack: `${r.roleName} ${l.join(" ")}`.toLowerCase() };
  });
  render(roles);
};

document.getElementById("search").addEventListener("input", (e) => filter(e.target.value));
