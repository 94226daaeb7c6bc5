// Prints a module's per-function code sizes (largest first), with names when a name section is present.
// Usage: node scripts/wasm-sizes.mjs <file.wasm> [top]
import { readFileSync } from 'node:fs';
import { readLeb, wasmSections } from './lib/wasm-sections.mjs';

const bytes = readFileSync(process.argv[2]);
const top = Number(process.argv[3] ?? 25);
const at = { p: 0 };
const leb = () => readLeb(bytes, at);
let imports = 0;
const bodies = [];
const names = new Map();
const sections = wasmSections(bytes);
for (const { id, start, length: len } of sections) {
  at.p = start;
  if (id === 2) {
    const n = leb();
    for (let i = 0; i < n; i++) {
      at.p += leb();
      at.p += leb();
      const kind = bytes[at.p++];
      if (kind !== 0) break; // only functions are expected in sessions
      leb();
      imports++;
    }
  } else if (id === 10) {
    const n = leb();
    for (let i = 0; i < n; i++) {
      const sz = leb();
      bodies.push(sz);
      at.p += sz;
    }
  } else if (id === 0) {
    const nl = leb();
    const nm = bytes.subarray(at.p, at.p + nl).toString();
    at.p += nl;
    if (nm === 'name') {
      while (at.p < start + len) {
        const sub = bytes[at.p++];
        const sl = leb();
        const se = at.p + sl;
        if (sub === 1) {
          const n = leb();
          for (let i = 0; i < n; i++) {
            const idx = leb();
            const l = leb();
            names.set(idx, bytes.subarray(at.p, at.p + l).toString());
            at.p += l;
          }
        }
        at.p = se;
      }
    }
  }
}
console.log('sections:', sections.map(({ id, length }) => `${id}:${length}`).join(' '));
bodies
  .map((sz, i) => [sz, names.get(i + imports) ?? `func ${i + imports}`])
  .sort((a, b) => b[0] - a[0])
  .slice(0, top)
  .forEach(([sz, n]) => {
    console.log(String(sz).padStart(6), n);
  });
