// A Wasm module's sections, for the size reports (scripts/wasm-sizes.mjs, bench/build.bench.mjs).

/** Reads an unsigned LEB128 at `at.p` of `bytes`, advancing `at.p`. */
export function readLeb(bytes, at) {
  let r = 0;
  let s = 0;
  let b;
  do {
    b = bytes[at.p++];
    r += (b & 0x7f) * 2 ** s;
    s += 7;
  } while (b & 0x80);
  return r;
}

/** The sections of a module, in order: [{ id, start (of the body), length }]. */
export function wasmSections(bytes) {
  const at = { p: 8 };
  const out = [];
  while (at.p < bytes.length) {
    const id = bytes[at.p++];
    const length = readLeb(bytes, at);
    out.push({ id, start: at.p, length });
    at.p += length;
  }
  return out;
}
