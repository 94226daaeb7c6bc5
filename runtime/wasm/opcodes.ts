/**
 * WebAssembly MVP instruction set as the Casper 1.5.6 node's parser (casper-wasm 0.46, no
 * post-MVP features) knows it: per opcode byte its mnemonic, immediates shape and metering class,
 * plus a reusable, allocation-free instruction decoder for function bodies and constant
 * expressions. Everything outside this table (sign-extension 0xC0–0xC4, prefixes 0xFC/0xFD, …)
 * decodes to "Unknown opcode N", as on the node.
 */

import { decodeVarI64, MSG_INVALID_DATA, MSG_UNEXPECTED_EOF, WasmReader } from './reader';

/** Immediate shapes. */
export const Imm = {
  /** No immediate. */
  None: 0,
  /** Block type (0x40 or a value type). */
  BlockType: 1,
  /** Label index (br, br_if). */
  Label: 2,
  /** br_table: target vector + default label. */
  BrTable: 3,
  /** Function index (call). */
  Func: 4,
  /** Type index + reserved table byte (call_indirect). */
  CallIndirect: 5,
  /** Local index. */
  Local: 6,
  /** Global index. */
  Global: 7,
  /** Memory argument: alignment + offset. */
  MemArg: 8,
  /** i32 LEB128 constant. */
  I32: 9,
  /** i64 LEB128 constant. */
  I64: 10,
  /** 4 raw bytes. */
  F32: 11,
  /** 8 raw bytes. */
  F64: 12,
  /** Reserved memory byte (memory.size / memory.grow). */
  MemoryByte: 13,
  /** Not an MVP opcode. */
  Invalid: 255,
} as const;

/** One of the `Imm` values. */
export type ImmKind = (typeof Imm)[keyof typeof Imm];

/**
 * Metering classes: one per cost entry of the node's opcode cost table (chainspec
 * `[wasm.opcode_costs]`); `Float` has no cost and is rejected by gas injection.
 */
export const OpClass = {
  Unreachable: 0,
  Nop: 1,
  Block: 2,
  Loop: 3,
  If: 4,
  Else: 5,
  End: 6,
  Br: 7,
  BrIf: 8,
  BrTable: 9,
  Return: 10,
  Call: 11,
  CallIndirect: 12,
  Drop: 13,
  Select: 14,
  Local: 15,
  Global: 16,
  Load: 17,
  Store: 18,
  MemorySize: 19,
  MemoryGrow: 20,
  Const: 21,
  IntegerComparison: 22,
  Bit: 23,
  Add: 24,
  Mul: 25,
  Div: 26,
  Conversion: 27,
  Float: 28,
  Invalid: 255,
} as const;

/** One of the `OpClass` values. */
export type OpClassId = (typeof OpClass)[keyof typeof OpClass];

const IMMEDIATES = new Uint8Array(256).fill(Imm.Invalid);
/** Immediate shape per opcode byte (`Imm.Invalid` for non-MVP bytes). */
export const OPCODE_IMMEDIATES: Uint8Array = IMMEDIATES;
/** Metering class per opcode byte (`OpClass.Invalid` for non-MVP bytes). */
export const OPCODE_CLASSES: Uint8Array = new Uint8Array(256).fill(OpClass.Invalid);
/** Text-format mnemonic per opcode byte ('' for non-MVP bytes). */
export const OPCODE_NAMES: readonly string[] = (() => {
  const names = new Array<string>(256).fill('');
  const def = (op: number, name: string, imm: ImmKind, cls: OpClassId): void => {
    names[op] = name;
    OPCODE_IMMEDIATES[op] = imm;
    OPCODE_CLASSES[op] = cls;
  };
  const run = (first: number, list: string, imm: ImmKind, cls: OpClassId): void => {
    list.split(' ').forEach((name, i) => {
      def(first + i, name, imm, cls);
    });
  };
  const N = Imm.None;
  def(0x00, 'unreachable', N, OpClass.Unreachable);
  def(0x01, 'nop', N, OpClass.Nop);
  def(0x02, 'block', Imm.BlockType, OpClass.Block);
  def(0x03, 'loop', Imm.BlockType, OpClass.Loop);
  def(0x04, 'if', Imm.BlockType, OpClass.If);
  def(0x05, 'else', N, OpClass.Else);
  def(0x0b, 'end', N, OpClass.End);
  def(0x0c, 'br', Imm.Label, OpClass.Br);
  def(0x0d, 'br_if', Imm.Label, OpClass.BrIf);
  def(0x0e, 'br_table', Imm.BrTable, OpClass.BrTable);
  def(0x0f, 'return', N, OpClass.Return);
  def(0x10, 'call', Imm.Func, OpClass.Call);
  def(0x11, 'call_indirect', Imm.CallIndirect, OpClass.CallIndirect);
  def(0x1a, 'drop', N, OpClass.Drop);
  def(0x1b, 'select', N, OpClass.Select);
  run(0x20, 'local.get local.set local.tee', Imm.Local, OpClass.Local);
  run(0x23, 'global.get global.set', Imm.Global, OpClass.Global);
  run(
    0x28,
    'i32.load i64.load f32.load f64.load i32.load8_s i32.load8_u i32.load16_s i32.load16_u ' +
      'i64.load8_s i64.load8_u i64.load16_s i64.load16_u i64.load32_s i64.load32_u',
    Imm.MemArg,
    OpClass.Load,
  );
  run(
    0x36,
    'i32.store i64.store f32.store f64.store i32.store8 i32.store16 i64.store8 i64.store16 i64.store32',
    Imm.MemArg,
    OpClass.Store,
  );
  def(0x3f, 'memory.size', Imm.MemoryByte, OpClass.MemorySize);
  def(0x40, 'memory.grow', Imm.MemoryByte, OpClass.MemoryGrow);
  def(0x41, 'i32.const', Imm.I32, OpClass.Const);
  def(0x42, 'i64.const', Imm.I64, OpClass.Const);
  def(0x43, 'f32.const', Imm.F32, OpClass.Float);
  def(0x44, 'f64.const', Imm.F64, OpClass.Float);
  const cmp = 'eq ne lt_s lt_u gt_s gt_u le_s le_u ge_s ge_u';
  const fcmp = 'eq ne lt gt le ge';
  run(0x45, `i32.eqz ${cmp.replace(/(\S+)/g, 'i32.$1')}`, N, OpClass.IntegerComparison);
  run(0x50, `i64.eqz ${cmp.replace(/(\S+)/g, 'i64.$1')}`, N, OpClass.IntegerComparison);
  run(0x5b, fcmp.replace(/(\S+)/g, 'f32.$1'), N, OpClass.Float);
  run(0x61, fcmp.replace(/(\S+)/g, 'f64.$1'), N, OpClass.Float);
  for (const [base, t] of [
    [0x67, 'i32'],
    [0x79, 'i64'],
  ] as const) {
    run(base, `${t}.clz ${t}.ctz ${t}.popcnt`, N, OpClass.Bit);
    run(base + 3, `${t}.add ${t}.sub`, N, OpClass.Add);
    def(base + 5, `${t}.mul`, N, OpClass.Mul);
    run(base + 6, `${t}.div_s ${t}.div_u ${t}.rem_s ${t}.rem_u`, N, OpClass.Div);
    run(base + 10, `${t}.and ${t}.or ${t}.xor ${t}.shl ${t}.shr_s ${t}.shr_u ${t}.rotl ${t}.rotr`, N, OpClass.Bit);
  }
  const farith = 'abs neg ceil floor trunc nearest sqrt add sub mul div min max copysign';
  run(0x8b, farith.replace(/(\S+)/g, 'f32.$1'), N, OpClass.Float);
  run(0x99, farith.replace(/(\S+)/g, 'f64.$1'), N, OpClass.Float);
  def(0xa7, 'i32.wrap_i64', N, OpClass.Conversion);
  run(0xa8, 'i32.trunc_f32_s i32.trunc_f32_u i32.trunc_f64_s i32.trunc_f64_u', N, OpClass.Float);
  run(0xac, 'i64.extend_i32_s i64.extend_i32_u', N, OpClass.Conversion);
  run(
    0xae,
    'i64.trunc_f32_s i64.trunc_f32_u i64.trunc_f64_s i64.trunc_f64_u ' +
      'f32.convert_i32_s f32.convert_i32_u f32.convert_i64_s f32.convert_i64_u f32.demote_f64 ' +
      'f64.convert_i32_s f64.convert_i32_u f64.convert_i64_s f64.convert_i64_u f64.promote_f32 ' +
      'i32.reinterpret_f32 i64.reinterpret_f64 f32.reinterpret_i32 f64.reinterpret_i64',
    N,
    OpClass.Float,
  );
  return names;
})();

/** Value type bytes of the MVP. */
export const ValType = { I32: 0x7f, I64: 0x7e, F32: 0x7d, F64: 0x7c } as const;

/** Block type byte for "no result". */
export const BLOCK_TYPE_EMPTY = 0x40;

/** Text name of a value type byte (`i32` …), or `?` for anything else. */
export function valTypeName(t: number): string {
  return t === 0x7f ? 'i32' : t === 0x7e ? 'i64' : t === 0x7d ? 'f32' : t === 0x7c ? 'f64' : '?';
}

/**
 * Reads a value type as the parser does (VarInt7, then i32/i64/f32/f64); returns the type byte
 * (0x7f…0x7c) or 0 with `r.error` set ("Invalid or unknown value type -5" …).
 */
export function readValueType(r: WasmReader): number {
  const at = r.pos;
  const v = r.readVarI7();
  if (v === null) return 0;
  if (v >= -4 && v <= -1) return v + 0x80;
  r.fail(`Invalid or unknown value type ${v}`, at);
  return 0;
}

const MAX_U32 = 0xffffffff;

/**
 * Cursor over the instructions of one function body (or one constant expression). Reuse one
 * instance for many bodies (`beginBody`/`beginExpr`); `next()` decodes one instruction into the
 * public fields without allocating. Decoding errors are left in `reader.error` with the node's
 * message text; `next()` then returns false.
 *
 * Field meaning per immediate shape: Label/Func/Local/Global → `index`; BrTable → `brTableCount`
 * targets in `brTableTargets`, default in `index`; CallIndirect → type index in `index`, table
 * byte in `reserved`; MemArg → `align`, `memOffset`; MemoryByte → `reserved`; BlockType →
 * `blockType` (0x40 or a value type byte); I32 → `i32Value`; I64/F32/F64 → raw bytes in
 * [`immStart`, `immEnd`), see `i64Value()`, `f32Bits()`, `f64Bits()`.
 */
export class FunctionBodyDecoder {
  /** Reader over the module bytes; its window is the current body/expression. */
  readonly reader: WasmReader;

  /** Local declarations of the current body: counts and value type bytes, in order. */
  localCounts: number[] = [];
  /** Value type byte per local group (parallel to `localCounts`). */
  localTypes: number[] = [];
  /** Sum of `localCounts` (parameters not included). */
  totalLocals = 0;

  /** Opcode byte of the current instruction. */
  opcode = -1;
  /** Byte offset (in the module) of the current instruction's opcode. */
  offset = 0;
  /** Open control blocks around the current instruction, excluding the function frame (an `end` counts as inside the block it closes). */
  depth = 0;
  /** Label, function, type, local or global index; br_table default label. */
  index = 0;
  /** Block type byte of block/loop/if. */
  blockType = BLOCK_TYPE_EMPTY;
  /** Memarg alignment exponent. */
  align = 0;
  /** Memarg offset. */
  memOffset = 0;
  /** call_indirect table byte / memory.size/grow memory byte (always 0 when decoding succeeds). */
  reserved = 0;
  /** i32.const value. */
  i32Value = 0;
  /** First byte of an i64/f32/f64 immediate. */
  immStart = 0;
  /** Exclusive end of an i64/f32/f64 immediate. */
  immEnd = 0;
  /** Number of br_table targets (excluding the default). */
  brTableCount = 0;
  /** br_table targets; only the first `brTableCount` entries are meaningful. */
  brTableTargets: Uint32Array = new Uint32Array(16);
  /** True after the body's final `end` (or the expression's first `end`). */
  done = true;

  private open = 0;
  private exprMode = false;

  /** A decoder over `bytes`; call `beginBody` or `beginExpr` before `next`. */
  constructor(bytes: Uint8Array) {
    this.reader = new WasmReader(bytes);
  }

  /**
   * Starts a function body: `[start, end)` is the body without its size prefix (locals vector
   * first). Parses the locals; returns false (with `reader.error`) on failure.
   */
  beginBody(start: number, end: number): boolean {
    const r = this.reset(start, end, false);
    this.localCounts = [];
    this.localTypes = [];
    this.totalLocals = 0;
    const groups = r.readVarU32();
    let total = 0;
    for (let i = 0; i < groups && r.error === null; i++) {
      const count = r.readVarU32();
      const type = readValueType(r);
      if (r.error !== null) break;
      this.localCounts.push(count);
      this.localTypes.push(type);
      total += count;
    }
    if (r.error !== null) {
      this.done = true;
      return false;
    }
    if (total > MAX_U32) {
      r.fail('Too many locals', start);
      this.done = true;
      return false;
    }
    this.totalLocals = total;
    return true;
  }

  /**
   * Starts a constant expression (global initializer, segment offset) at `start`, readable up to
   * `end`: decoding stops after the first `end` opcode, as the node's parser does; the reader is
   * then positioned after it.
   */
  beginExpr(start: number, end: number): void {
    this.reset(start, end, true);
  }

  /** Decodes the next instruction; false when done or on error. */
  next(): boolean {
    if (this.done) return false;
    const r = this.reader;
    const b = r.bytes;
    const end = r.end;
    let pos = r.pos;
    if (pos >= end) {
      r.fail(MSG_UNEXPECTED_EOF, pos);
      this.done = true;
      return false;
    }
    const op = b[pos++];
    this.offset = pos - 1;
    this.opcode = op;
    this.depth = this.open;
    const imm = IMMEDIATES[op];
    // Fast paths: no immediate, or an index / i32 constant whose LEB128 has at most 4 bytes.
    if (imm === 0) {
      r.pos = pos;
      if (op === 0x0b) {
        if (this.open === 0 || this.exprMode) {
          this.done = true;
          if (!this.exprMode && pos !== end) r.fail(MSG_INVALID_DATA, pos);
          return r.error === null;
        }
        this.open--;
      }
      return true;
    }
    if ((imm === 2 || imm === 4 || imm === 6 || imm === 7 || imm === 9) && end - pos >= 4) {
      // Up to 4 LEB128 bytes inline (28 bits, no overflow possible); longer ones take the checked path.
      let v = 0;
      let shift = 0;
      let p = pos;
      for (let k = 0; k < 4; k++) {
        const x = b[p++];
        v |= (x & 0x7f) << shift;
        shift += 7;
        if (x < 0x80) {
          if (imm === 9) {
            this.i32Value = x & 0x40 ? v | -(1 << shift) : v;
          } else {
            this.index = v;
          }
          r.pos = p;
          return true;
        }
      }
    }
    r.pos = pos;
    this.decodeImmediate(op, imm);
    if (r.error !== null) {
      this.done = true;
      return false;
    }
    return true;
  }

  /** General immediate decoding (multi-byte LEBs, block types, br_table, memargs, raw floats). */
  private decodeImmediate(op: number, imm: number): void {
    const r = this.reader;
    const at = r.pos - 1;
    // Numeric labels are the `Imm` values.
    switch (imm) {
      case 1: {
        // Imm.BlockType
        const v = r.readVarI32();
        if (r.error !== null) return;
        if (v === -0x40 || (v >= -4 && v <= -1)) {
          this.blockType = v & 0x7f;
        } else {
          r.fail(`Invalid or unknown block type ${v}`, at + 1);
          return;
        }
        if (!this.exprMode) this.open++;
        return;
      }
      case 2: // Imm.Label
      case 4: // Imm.Func
      case 6: // Imm.Local
      case 7: // Imm.Global
        this.index = r.readVarU32();
        return;
      case 3: {
        // Imm.BrTable
        const count = r.readVarU32();
        let targets = this.brTableTargets;
        let n = 0;
        while (n < count && r.error === null) {
          const t = r.readVarU32();
          if (n === targets.length) {
            const grown = new Uint32Array(targets.length * 2);
            grown.set(targets);
            targets = grown;
            this.brTableTargets = grown;
          }
          targets[n++] = t;
        }
        this.brTableCount = n;
        this.index = r.readVarU32();
        return;
      }
      case 5: {
        // Imm.CallIndirect
        this.index = r.readVarU32();
        const tableAt = r.pos;
        this.reserved = r.readByte();
        if (r.error === null && this.reserved !== 0) r.fail(`Invalid table reference (${this.reserved})`, tableAt);
        return;
      }
      case 8: // Imm.MemArg
        this.align = r.readVarU32();
        this.memOffset = r.readVarU32();
        return;
      case 9: // Imm.I32
        this.i32Value = r.readVarI32();
        return;
      case 10: // Imm.I64
        this.immStart = r.pos;
        r.skipVarI64();
        this.immEnd = r.pos;
        return;
      case 11: // Imm.F32
        this.immStart = r.pos;
        r.skip(4);
        this.immEnd = r.pos;
        return;
      case 12: // Imm.F64
        this.immStart = r.pos;
        r.skip(8);
        this.immEnd = r.pos;
        return;
      case 13: {
        // Imm.MemoryByte
        const memAt = r.pos;
        this.reserved = r.readByte();
        if (r.error === null && this.reserved !== 0) r.fail(`Invalid memory reference (${this.reserved})`, memAt);
        return;
      }
      default:
        r.fail(`Unknown opcode ${op}`, at);
    }
  }

  /** Value of the current i64.const. */
  i64Value(): bigint {
    return decodeVarI64(this.reader.bytes, this.immStart);
  }

  /** Raw bits of the current f32.const. */
  f32Bits(): number {
    const b = this.reader.bytes;
    const p = this.immStart;
    return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
  }

  /** Raw bits of the current f64.const. */
  f64Bits(): bigint {
    const b = this.reader.bytes;
    const p = this.immStart;
    const lo = (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
    const hi = (b[p + 4] | (b[p + 5] << 8) | (b[p + 6] << 16) | (b[p + 7] << 24)) >>> 0;
    return (BigInt(hi) << 32n) | BigInt(lo);
  }

  private reset(start: number, end: number, exprMode: boolean): WasmReader {
    const r = this.reader;
    if (start < 0 || end > r.bytes.length || start > end) {
      throw new RangeError(`invalid decoder window [${start}, ${end}) for ${r.bytes.length} bytes`);
    }
    r.pos = start;
    r.end = end;
    r.error = null;
    this.exprMode = exprMode;
    this.open = 0;
    this.done = false;
    this.opcode = -1;
    return r;
  }
}

/**
 * A decoder positioned at the first instruction of the function body `bytes[start, end)`
 * (`start` = first byte after the body size, i.e. the locals vector). Check `reader.error` when
 * the locals could not be decoded.
 */
export function decodeFunctionBody(bytes: Uint8Array, start: number, end: number): FunctionBodyDecoder {
  const d = new FunctionBodyDecoder(bytes);
  d.beginBody(start, end);
  return d;
}
