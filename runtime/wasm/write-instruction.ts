/**
 * Re-emits the instruction a FunctionBodyDecoder is on, as casper-wasm serializes it: every
 * LEB128 immediate minimal. Shared by the stack-height limiter (no renumbering) and the optimizer
 * (function, global and type indices renumbered after removals).
 */
import { type FunctionBodyDecoder, Imm, OPCODE_IMMEDIATES } from './opcodes';
import type { WasmWriter } from './writer';

/** Old index → new index. */
export interface IndexMap {
  of(index: number): number;
}

/** Index maps to apply (null or absent: indices kept). */
export interface InstructionRemap {
  readonly funcs?: IndexMap | null;
  readonly globals?: IndexMap | null;
  readonly types?: IndexMap | null;
}

/** Writes the decoder's current instruction; an opcode with no known immediates goes to `unknown`. */
export function writeInstruction(
  w: WasmWriter,
  d: FunctionBodyDecoder,
  unknown: (opcode: number) => never,
  remap: InstructionRemap = {},
): void {
  const op = d.opcode;
  w.byte(op);
  switch (OPCODE_IMMEDIATES[op]) {
    case Imm.None:
      return;
    case Imm.BlockType:
      w.byte(d.blockType);
      return;
    case Imm.Func:
      w.u32(remap.funcs ? remap.funcs.of(d.index) : d.index);
      return;
    case Imm.Global:
      w.u32(remap.globals ? remap.globals.of(d.index) : d.index);
      return;
    case Imm.Label:
    case Imm.Local:
      w.u32(d.index);
      return;
    case Imm.BrTable:
      w.u32(d.brTableCount);
      for (let i = 0; i < d.brTableCount; i++) w.u32(d.brTableTargets[i]);
      w.u32(d.index);
      return;
    case Imm.CallIndirect:
      w.u32(remap.types ? remap.types.of(d.index) : d.index);
      w.byte(d.reserved);
      return;
    case Imm.MemArg:
      w.u32(d.align);
      w.u32(d.memOffset);
      return;
    case Imm.I32:
      w.s32(d.i32Value);
      return;
    case Imm.I64:
      writeI64(w, d.reader.bytes, d.immStart, d.immEnd);
      return;
    case Imm.F32:
    case Imm.F64:
      w.copy(d.reader.bytes, d.immStart, d.immEnd);
      return;
    case Imm.MemoryByte:
      w.byte(d.reserved);
      return;
    default:
      unknown(op);
  }
}

/** A signed LEB128 i64 from `bytes[start, end)`, minimally re-encoded (copied when already minimal). */
function writeI64(w: WasmWriter, bytes: Uint8Array, start: number, end: number): void {
  const n = end - start;
  const last = bytes[end - 1];
  const redundant =
    n > 1 && (last === 0 ? (bytes[end - 2] & 0x40) === 0 : last === 0x7f && (bytes[end - 2] & 0x40) !== 0);
  if (!redundant) {
    w.copy(bytes, start, end);
    return;
  }
  let v = 0n;
  for (let i = 0; i < n; i++) v |= BigInt(bytes[start + i] & 0x7f) << BigInt(7 * i);
  let x = BigInt.asIntN(64, (last & 0x40) !== 0 && n < 10 ? v - (1n << BigInt(7 * n)) : v);
  for (;;) {
    const b = Number(x & 0x7fn);
    x >>= 7n;
    if ((x === 0n && (b & 0x40) === 0) || (x === -1n && (b & 0x40) !== 0)) {
      w.byte(b);
      return;
    }
    w.byte(b | 0x80);
  }
}
