/**
 * The import section of a module, read without changing anything: which functions it imports
 * (in function-index order) and the limits of an imported `env.memory`. Used to run stored
 * contract Wasm, which the node keeps already preprocessed (memory imported, `env.gas` imported).
 */

import { WasmReader } from './reader';

/** One import entry. */
export interface ImportEntry {
  readonly module: string;
  readonly field: string;
  /** 0 function, 1 table, 2 memory, 3 global. */
  readonly kind: number;
  /** Memory limits (kind 2). */
  readonly limits?: { readonly initial: number; readonly maximum?: number };
}

/** A module's imports, or null if the bytes do not parse that far. */
export function readImports(bytes: Uint8Array): { imports: ImportEntry[]; hasStart: boolean } | null {
  const r = new WasmReader(bytes, 8);
  const imports: ImportEntry[] = [];
  let hasStart = false;
  const text = new TextDecoder('utf-8', { fatal: false });
  while (!r.atEnd) {
    const id = r.readByte();
    const size = r.readVarU32();
    if (r.failed) return null;
    const end = r.pos + size;
    if (id === 8) hasStart = true;
    if (id === 2) {
      for (let n = r.readVarU32(); n > 0 && !r.failed; n--) {
        const module = text.decode(r.readBytes(r.readVarU32()));
        const field = text.decode(r.readBytes(r.readVarU32()));
        const kind = r.readByte();
        if (kind === 0) {
          r.readVarU32();
          imports.push({ module, field, kind });
        } else if (kind === 1) {
          r.readByte();
          const flags = r.readVarU32();
          r.readVarU32();
          if (flags & 1) r.readVarU32();
          imports.push({ module, field, kind });
        } else if (kind === 2) {
          const flags = r.readVarU32();
          const initial = r.readVarU32();
          const maximum = flags & 1 ? r.readVarU32() : undefined;
          imports.push({ module, field, kind, limits: { initial, maximum } });
        } else if (kind === 3) {
          r.readByte();
          r.readByte();
          imports.push({ module, field, kind });
        } else {
          return null;
        }
      }
    }
    if (r.failed || end > bytes.length) return null;
    r.pos = end;
  }
  return r.failed ? null : { imports, hasStart };
}
