/**
 * The node's `externalize_mem` preprocessing step (casper-wasm-utils `ext.rs`): the module's
 * declared memory is removed from its memory section and re-added as the import `env.memory`
 * with the same limits, a missing maximum becoming the chainspec's `max_memory` (64 pages). The
 * host then creates that memory itself, so it can read and write guest memory and cap its size.
 * The module must already have passed `validateModule` (one declared memory, no imported one).
 */

import { WasmReader } from './reader';

/** A module whose memory is now imported, and the limits the host must create it with. */
export interface ExternalizedModule {
  /** The rewritten module bytes. */
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** Initial pages. */
  readonly initial: number;
  /** Maximum pages (the declared one, or `maxMemory` when none was declared). */
  readonly maximum: number;
}

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

/** Rewrites the declared memory into an `env.memory` import; null if the module has no memory section entry. */
export function externalizeMemory(bytes: Uint8Array, maxMemory = 64): ExternalizedModule | null {
  const r = new WasmReader(bytes, 8);
  const parts: Array<{ id: number; start: number; body: number; end: number }> = [];
  while (!r.atEnd) {
    const start = r.pos;
    const id = r.readByte();
    const size = r.readVarU32();
    if (r.failed) return null;
    parts.push({ id, start, body: r.pos, end: r.pos + size });
    r.skip(size);
  }
  const memSec = parts.find((p) => p.id === 5);
  if (!memSec) return null;
  const m = new WasmReader(bytes, memSec.body, memSec.end);
  const count = m.readVarU32();
  if (count < 1) return null;
  // casper-wasm-utils takes the last entry; MVP allows only one.
  let flags = 0;
  let initial = 0;
  let maximum: number | null = null;
  for (let i = 0; i < count; i++) {
    flags = m.readVarU32();
    initial = m.readVarU32();
    maximum = flags & 1 ? m.readVarU32() : null;
  }
  if (m.failed) return null;
  const max = maximum ?? maxMemory;
  const memoryImport = [
    3,
    0x65,
    0x6e,
    0x76,
    6,
    0x6d,
    0x65,
    0x6d,
    0x6f,
    0x72,
    0x79,
    0x02,
    0x01,
    ...leb(initial),
    ...leb(max),
  ];

  const out: number[] = Array.from(bytes.subarray(0, 8));
  const copy = (p: { start: number; end: number }) => {
    for (let i = p.start; i < p.end; i++) out.push(bytes[i]);
  };
  const importSec = parts.find((p) => p.id === 2);
  let importWritten = false;
  const writeImports = () => {
    let entries: number[];
    let n: number;
    if (importSec) {
      const ir = new WasmReader(bytes, importSec.body, importSec.end);
      n = ir.readVarU32();
      entries = Array.from(bytes.subarray(ir.pos, importSec.end));
    } else {
      n = 0;
      entries = [];
    }
    const body = [...leb(n + 1), ...entries, ...memoryImport];
    out.push(2, ...leb(body.length), ...body);
    importWritten = true;
  };
  for (const p of parts) {
    if (p.id === 2) {
      writeImports();
      continue;
    }
    if (!importWritten && p.id !== 0 && p.id > 2) writeImports();
    if (p.id === 5) {
      // Remove the (last) entry; MVP modules have exactly one, so the section goes.
      if (count === 1) continue;
      return null;
    }
    copy(p);
  }
  if (!importWritten) writeImports();
  return { bytes: Uint8Array.from(out), initial, maximum: max };
}
