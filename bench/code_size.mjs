// Where the wasm bytes go: reads the release module cargo builds before wasm-bindgen and wasm-opt
// (target/wasm32-unknown-unknown/release/dbaccess.wasm, which still has its name section), sums each
// function body's size by the crate its (demangled-enough) name starts with, and prints the top crates
// with their share of the code section. Run after `trunk build --release`:
//   node bench/code_size.mjs [path/to/module.wasm]
import { readFileSync } from "node:fs";

const path = process.argv[2] ?? "target/wasm32-unknown-unknown/release/dbaccess.wasm";
const b = readFileSync(path);
let i = 8;
const leb = () => {
  let r = 0;
  let s = 0;
  for (;;) {
    const x = b[i++];
    r += (x & 0x7f) * 2 ** s;
    s += 7;
    if (x < 0x80) return r;
  }
};
let imported = 0;
const bodies = [];
const names = new Map();
while (i < b.length) {
  const id = b[i++];
  const size = leb();
  const end = i + size;
  if (id === 2) {
    for (let n = leb(); n > 0; n--) {
      i += leb(); // module
      i += leb(); // field
      const kind = b[i++];
      if (kind === 0) { leb(); imported++; } else if (kind === 1) { i++; leb(); const f = b[i++]; leb(); if (f & 1) leb(); }
      else if (kind === 2) { const f = b[i++]; leb(); if (f & 1) leb(); } else if (kind === 3) { i += 2; }
    }
  } else if (id === 10) {
    for (let n = leb(); n > 0; n--) {
      const len = leb();
      bodies.push(len);
      i += len;
    }
  } else if (id === 0) {
    const nlen = leb();
    const name = b.subarray(i, i + nlen).toString();
    i += nlen;
    if (name === "name") {
      while (i < end) {
        const sub = b[i++];
        const sz = leb();
        const subEnd = i + sz;
        if (sub === 1) {
          for (let n = leb(); n > 0; n--) {
            const idx = leb();
            const l = leb();
            names.set(idx, b.subarray(i, i + l).toString());
            i += l;
          }
        }
        i = subEnd;
      }
    }
  }
  i = end;
}
if (!names.size) {
  console.error("no name section: use the module cargo builds, before wasm-opt");
  process.exit(1);
}
// Legacy mangling: "_ZN" then length-prefixed path segments ("_ZN14reactive_graph6signal…"). The crate is
// the first segment, or for "<T as Trait>::f" (segment "_$LT$T$u20$as$u20$Trait$GT$") the crate of T.
const crateOf = (n) => {
  if (!n.startsWith("_ZN")) return /^([A-Za-z_][A-Za-z0-9_]*)::/.exec(n)?.[1] ?? "(unnamed)";
  const m = /^_ZN(\d+)/.exec(n);
  if (!m) return "(unnamed)";
  const start = 3 + m[1].length;
  let seg = n.slice(start, start + Number(m[1]));
  if (seg.startsWith("_$LT$")) {
    seg = seg.replace(/\$LT\$/g, "<").replace(/\$GT\$/g, ">").replace(/\$u20\$/g, " ").replace(/\.\./g, "::");
    seg = seg.replace(/^_?<+/, "").replace(/^(&|\$RF\$|mut )+/, "");
    return /^([A-Za-z_][A-Za-z0-9_]*)/.exec(seg)?.[1] ?? "(impl)";
  }
  return seg;
};
const byCrate = new Map();
let total = 0;
bodies.forEach((len, k) => {
  const c = crateOf(names.get(imported + k) ?? "");
  byCrate.set(c, (byCrate.get(c) ?? 0) + len);
  total += len;
});
console.log(`code section: ${(total / 1000).toFixed(0)} KB in ${bodies.length} functions (before wasm-opt)`);
for (const [c, len] of [...byCrate].sort((a, b2) => b2[1] - a[1]).slice(0, 20))
  console.log(`${((100 * len) / total).toFixed(1).padStart(5)}%  ${(len / 1000).toFixed(0).padStart(5)} KB  ${c}`);
