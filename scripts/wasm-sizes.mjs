// Prints a module's per-function code sizes (largest first), with names when a name section is present.
// Usage: node scripts/wasm-sizes.mjs <file.wasm> [top]
import { readFileSync } from 'node:fs';

const bytes = readFileSync(process.argv[2]);
const top = Number(process.argv[3] ?? 25);
let p = 8;
const leb = () => {
  let r = 0;
  let s = 0;
  let b;
  do {
    b = bytes[p++];
    r |= (b & 0x7f) << s;
    s += 7;
  } while (b & 0x80);
  return r >>> 0;
};
let imports = 0;
const bodies = [];
const names = new Map();
const sections = [];
while (p < bytes.length) {
  const id = bytes[p++];
  const len = leb();
  const start = p;
  sections.push([id, len]);
  if (id === 2) {
    const n = leb();
    for (let i = 0; i < n; i++) {
      p += leb();
      p += leb();
      const kind = bytes[p++];
      if (kind === 0) {
        leb();
        imports++;
      } else p = start + len; // not expected in sessions
    }
  } else if (id === 10) {
    const n = leb();
    for (let i = 0; i < n; i++) {
      const sz = leb();
      bodies.push(sz);
      p += sz;
    }
  } else if (id === 0) {
    const nl = leb();
    const nm = bytes.subarray(p, p + nl).toString();
    p += nl;
    if (nm === 'name') {
      while (p < start + len) {
        const sub = bytes[p++];
        const sl = leb();
        const se = p + sl;
        if (sub === 1) {
          const n = leb();
          for (let i = 0; i < n; i++) {
            const idx = leb();
            const l = leb();
            names.set(idx, bytes.subarray(p, p + l).toString());
            p += l;
          }
        }
        p = se;
      }
    }
  }
  p = start + len;
}
console.log('sections:', sections.map(([id, len]) => `${id}:${len}`).join(' '));
bodies
  .map((sz, i) => [sz, names.get(i + imports) ?? `func ${i + imports}`])
  .sort((a, b) => b[0] - a[0])
  .slice(0, top)
  .forEach(([sz, n]) => {
    console.log(String(sz).padStart(6), n);
  });
