/**
 * Host-internal rewrite for instance reuse: exports every mutable global the module defines
 * (as `__casper_as_global_<index>`) so the host can reset them between executions. The rewritten
 * bytes are only ever compiled by the emulator; stored contract code and everything the node
 * sees keep the original module.
 */

import { WasmReader } from './reader';

/** Export-name prefix of the exported mutable globals. */
export const GLOBAL_EXPORT_PREFIX = '__casper_as_global_';

function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

/** Skips a constant initializer expression (MVP: one const or global.get, then `end`). */
function skipInitExpr(r: WasmReader): void {
  const op = r.readByte();
  if (op === 0x41) r.readVarI32();
  else if (op === 0x42) r.readVarI64();
  else if (op === 0x43) r.skip(4);
  else if (op === 0x44) r.skip(8);
  else if (op === 0x23) r.readVarU32();
  r.readByte(); // end
}

/**
 * The module with its defined mutable globals exported, and their global indices; the input is
 * returned unchanged when there are none. Expects a module that passed validation and has no
 * imported globals (the validator rejects those).
 */
export function exportMutableGlobals(bytes: Uint8Array<ArrayBuffer>): {
  bytes: Uint8Array<ArrayBuffer>;
  indices: number[];
} {
  const r = new WasmReader(bytes, 8);
  const sections: Array<{ id: number; start: number; body: number; end: number }> = [];
  while (!r.atEnd) {
    const start = r.pos;
    const id = r.readByte();
    const size = r.readVarU32();
    sections.push({ id, start, body: r.pos, end: r.pos + size });
    r.skip(size);
  }
  const globals = sections.find((s) => s.id === 6);
  if (!globals) return { bytes, indices: [] };
  const g = new WasmReader(bytes, globals.body, globals.end);
  const n = g.readVarU32();
  const indices: number[] = [];
  for (let i = 0; i < n; i++) {
    g.readByte(); // value type
    if (g.readByte() === 1) indices.push(i);
    skipInitExpr(g);
  }
  if (indices.length === 0) return { bytes, indices };

  const added: number[] = [];
  for (const i of indices) {
    const name = Buffer.from(`${GLOBAL_EXPORT_PREFIX}${i}`, 'utf8');
    added.push(...leb(name.length), ...name, 0x03, ...leb(i));
  }
  const exportsSec = sections.find((s) => s.id === 7);
  let exportBody: number[];
  if (exportsSec) {
    const e = new WasmReader(bytes, exportsSec.body, exportsSec.end);
    const count = e.readVarU32();
    exportBody = [...leb(count + indices.length), ...bytes.subarray(e.pos, exportsSec.end), ...added];
  } else {
    exportBody = [...leb(indices.length), ...added];
  }
  const out: number[] = Array.from(bytes.subarray(0, 8));
  let written = false;
  for (const s of sections) {
    if (s.id === 7) {
      out.push(7, ...leb(exportBody.length), ...exportBody);
      written = true;
      continue;
    }
    if (!written && s.id !== 0 && s.id > 7) {
      out.push(7, ...leb(exportBody.length), ...exportBody);
      written = true;
    }
    for (let i = s.start; i < s.end; i++) out.push(bytes[i]);
  }
  if (!written) out.push(7, ...leb(exportBody.length), ...exportBody);
  return { bytes: Uint8Array.from(out), indices };
}
