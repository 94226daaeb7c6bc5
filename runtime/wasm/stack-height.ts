/**
 * The node's stack-height limiter (casper-wasm-utils 3.0 `stack_height::inject_limiter`, run by
 * the Casper 1.5.6 node after gas injection with a limit of 500), reimplemented on the bytecode.
 *
 * Stack cost of a defined function = its declared locals (parameters are not counted) + the
 * maximal operand-stack height found by the upstream `max_height` analysis (whose quirks are kept:
 * `else` resets neither the height nor the "unreachable" flag, nothing is counted while the
 * innermost frame is unreachable, the height after the final `end` is not looked at). Imported
 * functions cost 0.
 *
 * The rewrite, in the upstream order:
 * 1. a mutable i32 global initialised to 0 is appended to the global section (created if absent);
 *    its index is the count of *defined* globals before it (imported globals are not counted,
 *    as upstream);
 * 2. every direct `call` of a function with cost > 0 becomes
 *    `global.get g; i32.const cost; i32.add; global.set g; global.get g; i32.const limit;
 *    i32.gt_u; if; unreachable; end; call f; global.get g; i32.const cost; i32.sub; global.set g`;
 * 3. every function that is exported, a table element member or the start function and has
 *    cost > 0 gets a thunk (params forwarded, the same instrumented call), appended after the
 *    existing functions in ascending order of the original index; exports, element members and
 *    the start section are redirected to the thunks. A thunk reuses the first type-section entry
 *    equal to the original signature.
 *
 * The output is laid out as casper-wasm's module builder re-serializes it: known sections in
 * canonical order, empty ones dropped, all other sections (custom, name, …) at the end in reverse
 * order; rewritten sections (types excepted: copied) use minimal LEB128 encodings. Import, table,
 * memory, data and custom payloads are copied verbatim.
 */

import { FunctionBodyDecoder, readValueType } from './opcodes';
import { readPreamble, readSectionHeader, type SectionHeader, WasmReader } from './reader';
import { WasmWriter } from './writer';
import { writeInstruction } from './write-instruction';

/** The node's stack-height limit (`wasm_prep.rs`, chainspec `[wasm] max_stack_height`). */
export const DEFAULT_STACK_LIMIT = 500;

/** A function signature: value type bytes of params and results. */
interface FuncType {
  params: number[];
  results: number[];
}

interface Section {
  id: number;
  start: number;
  end: number;
}

interface ExportEntry {
  name: Uint8Array;
  kind: number;
  index: number;
}

interface ElementSegment {
  table: number;
  /** Offset init expression, canonically re-encoded (including its `end`). */
  offset: Uint8Array;
  members: number[];
}

interface ParsedModule {
  bytes: Uint8Array;
  types: FuncType[];
  /** Type index per function of the index space (imports first). */
  funcTypes: number[];
  importedFuncs: number;
  /** Body windows (after the size prefix) of the defined functions. */
  bodies: Array<{ start: number; end: number }>;
  /** The first section of each known id 1..11. */
  known: Map<number, Section>;
  /** Every other section (custom, data count, …), in module order. */
  others: Section[];
  /** Canonically re-encoded global entries. */
  globals: Uint8Array[];
  exports: ExportEntry[];
  start: number | null;
  elements: ElementSegment[];
}

class StackHeightError extends Error {}

function fail(message: string): never {
  throw new StackHeightError(message);
}

function check(r: WasmReader): void {
  if (r.error !== null) fail(`${r.error.message} at offset ${r.error.offset}`);
}

/** The writer's answer to an opcode it has no immediates for (the decoder admits none). */
function unknownOpcode(op: number): never {
  return fail(`Unknown opcode ${op}`);
}

/** Reads a constant expression at `r.pos` (up to its first `end`) and returns it re-encoded. */
function readInitExpr(r: WasmReader, d: FunctionBodyDecoder): Uint8Array {
  d.beginExpr(r.pos, r.end);
  const w = new WasmWriter();
  while (d.next()) writeInstruction(w, d, unknownOpcode);
  check(d.reader);
  r.pos = d.reader.pos;
  return w.result();
}

function parseModule(bytes: Uint8Array): ParsedModule {
  const r = new WasmReader(bytes);
  readPreamble(r);
  check(r);
  const d = new FunctionBodyDecoder(bytes);
  const m: ParsedModule = {
    bytes,
    types: [],
    funcTypes: [],
    importedFuncs: 0,
    bodies: [],
    known: new Map(),
    others: [],
    globals: [],
    exports: [],
    start: null,
    elements: [],
  };
  const header: SectionHeader = { id: 0, offset: 0, start: 0, end: 0 };
  const definedFuncTypes: number[] = [];
  while (readSectionHeader(r, header)) {
    const sec: Section = { id: header.id, start: header.start, end: header.end };
    r.pos = header.end;
    if (sec.id === 0 || sec.id > 11) {
      m.others.push(sec);
      continue;
    }
    if (m.known.has(sec.id)) fail(`Duplicated section ${sec.id}`);
    m.known.set(sec.id, sec);
    const s = new WasmReader(bytes, sec.start, sec.end);
    const count = s.readVarU32();
    switch (sec.id) {
      case 1:
        for (let i = 0; i < count && !s.failed; i++) {
          const form = s.readByte();
          if (form !== 0x60) fail(`Invalid function type form ${form}`);
          const params: number[] = [];
          const results: number[] = [];
          const np = s.readVarU32();
          for (let j = 0; j < np && !s.failed; j++) params.push(readValueType(s));
          const nr = s.readVarU32();
          for (let j = 0; j < nr && !s.failed; j++) results.push(readValueType(s));
          m.types.push({ params, results });
        }
        break;
      case 2:
        for (let i = 0; i < count && !s.failed; i++) {
          s.readName();
          s.readName();
          const kind = s.readByte();
          if (kind === 0) {
            m.funcTypes.push(s.readVarU32());
            m.importedFuncs++;
          } else if (kind === 1) {
            s.readByte();
            readLimits(s);
          } else if (kind === 2) {
            readLimits(s);
          } else if (kind === 3) {
            s.readByte();
            s.readByte();
          } else {
            fail(`Invalid external kind ${kind}`);
          }
        }
        break;
      case 3:
        for (let i = 0; i < count && !s.failed; i++) definedFuncTypes.push(s.readVarU32());
        break;
      case 6:
        for (let i = 0; i < count && !s.failed; i++) {
          const w = new WasmWriter();
          w.byte(readValueType(s));
          w.byte(s.readByte());
          check(s);
          w.raw(readInitExpr(s, d));
          m.globals.push(w.result());
        }
        break;
      case 7:
        for (let i = 0; i < count && !s.failed; i++) {
          const len = s.readVarU32();
          const name = s.readBytes(len);
          const kind = s.readByte();
          const index = s.readVarU32();
          m.exports.push({ name, kind, index });
        }
        break;
      case 8:
        m.start = count;
        break;
      case 9:
        for (let i = 0; i < count && !s.failed; i++) {
          const table = s.readVarU32();
          check(s);
          const offset = readInitExpr(s, d);
          const n = s.readVarU32();
          const members: number[] = [];
          for (let j = 0; j < n && !s.failed; j++) members.push(s.readVarU32());
          m.elements.push({ table, offset, members });
        }
        break;
      case 10:
        for (let i = 0; i < count && !s.failed; i++) {
          const size = s.readVarU32();
          const start = s.pos;
          s.skip(size);
          m.bodies.push({ start, end: start + size });
        }
        break;
      default:
        // Table, memory, data: copied verbatim (only the entry count matters).
        break;
    }
    check(s);
  }
  check(r);
  for (const t of definedFuncTypes) m.funcTypes.push(t);
  return m;
}

function readLimits(s: WasmReader): void {
  const flags = s.readByte();
  s.readVarU32();
  if (flags & 1) s.readVarU32();
}

/** Signature of a function of the index space, as upstream `resolve_func_type`. */
function funcType(m: ParsedModule, funcIdx: number): FuncType {
  const typeIdx = m.funcTypes[funcIdx];
  if (typeIdx === undefined) fail(`Function at index ${funcIdx} is not defined`);
  const t = m.types[typeIdx];
  if (t === undefined) fail(`Signature ${typeIdx} (specified by func ${funcIdx}) isn't defined`);
  return t;
}

interface Frame {
  polymorphic: boolean;
  endArity: number;
  branchArity: number;
  startHeight: number;
}

const U32_MAX = 0xffffffff;

/** Upstream `max_height::compute` for the defined function `definedIdx`. */
function maxStackHeight(m: ParsedModule, definedIdx: number, d: FunctionBodyDecoder): number {
  const sig = funcType(m, m.importedFuncs + definedIdx);
  const body = m.bodies[definedIdx];
  if (body === undefined) fail("Function body for the index isn't found");
  if (!d.beginBody(body.start, body.end)) check(d.reader);

  const frames: Frame[] = [];
  let height = 0;
  let max = 0;
  const funcArity = sig.results.length;
  frames.push({ polymorphic: false, endArity: funcArity, branchArity: funcArity, startHeight: 0 });

  const frame = (rel: number): Frame => {
    if (frames.length === 0) fail('control stack is empty');
    const idx = frames.length - 1 - rel;
    if (idx < 0) fail('control stack out-of-bounds');
    return frames[idx];
  };
  const top = (): Frame => {
    const f = frames[frames.length - 1];
    if (f === undefined) fail('stack must be non-empty');
    return f;
  };
  const push = (n: number): void => {
    height += n;
    if (height > U32_MAX) fail('stack overflow');
  };
  const pop = (n: number): void => {
    if (n === 0) return;
    const f = frame(0);
    if (height === f.startHeight) {
      if (f.polymorphic) return;
      fail('trying to pop more values than pushed');
    }
    if (height < n) fail('stack underflow');
    height -= n;
  };
  const markUnreachable = (): void => {
    top().polymorphic = true;
  };

  while (d.next()) {
    if (height > max && !frame(0).polymorphic) max = height;
    const op = d.opcode;
    switch (op) {
      case 0x00: // unreachable
        markUnreachable();
        break;
      case 0x01: // nop
      case 0x05: // else: the `if` frame stays as it is
        break;
      case 0x02: // block
      case 0x03: // loop
      case 0x04: {
        // if
        const endArity = d.blockType === 0x40 ? 0 : 1;
        if (op === 0x04) pop(1);
        frames.push({
          polymorphic: false,
          endArity,
          branchArity: op === 0x03 ? 0 : endArity,
          startHeight: height,
        });
        break;
      }
      case 0x0b: {
        // end
        const f = frames.pop();
        if (f === undefined) fail('stack must be non-empty');
        height = f.startHeight;
        push(f.endArity);
        break;
      }
      case 0x0c: // br
        pop(frame(d.index).branchArity);
        markUnreachable();
        break;
      case 0x0d: {
        // br_if
        const arity = frame(d.index).branchArity;
        pop(arity);
        pop(1);
        push(arity);
        break;
      }
      case 0x0e: {
        // br_table
        const arity = frame(d.index).branchArity;
        for (let i = 0; i < d.brTableCount; i++) {
          if (frame(d.brTableTargets[i]).branchArity !== arity) fail('Arity of all jump-targets must be equal');
        }
        pop(arity);
        markUnreachable();
        break;
      }
      case 0x0f: // return
        pop(funcArity);
        markUnreachable();
        break;
      case 0x10: {
        // call
        const t = funcType(m, d.index);
        pop(t.params.length);
        push(t.results.length);
        break;
      }
      case 0x11: {
        // call_indirect
        const t = m.types[d.index];
        if (t === undefined) fail('Type not found');
        pop(1);
        pop(t.params.length);
        push(t.results.length);
        break;
      }
      case 0x1a: // drop
      case 0x21: // local.set
      case 0x24: // global.set
        pop(1);
        break;
      case 0x1b: // select
        pop(2);
        pop(1);
        push(1);
        break;
      case 0x20: // local.get
      case 0x23: // global.get
      case 0x3f: // memory.size
      case 0x41: // i32.const
      case 0x42: // i64.const
      case 0x43: // f32.const
      case 0x44: // f64.const
        push(1);
        break;
      default:
        if ((op >= 0x36 && op <= 0x3e) || (op >= 0x46 && op <= 0x4f) || (op >= 0x51 && op <= 0x66)) {
          // stores; binary comparisons
          pop(2);
          if (op < 0x36 || op > 0x3e) push(1);
        } else if (
          (op >= 0x6a && op <= 0x78) ||
          (op >= 0x7c && op <= 0x8a) ||
          (op >= 0x92 && op <= 0x98) ||
          (op >= 0xa0 && op <= 0xa6)
        ) {
          // binary arithmetic
          pop(2);
          push(1);
        } else {
          // local.tee, loads, memory.grow, eqz, unary arithmetic, conversions
          pop(1);
          push(1);
        }
    }
  }
  check(d.reader);
  return max;
}

/** Stack cost of every function of the index space (imports 0), as upstream `compute_stack_costs`. */
function computeCosts(m: ParsedModule): number[] {
  const costs: number[] = new Array<number>(m.funcTypes.length).fill(0);
  const d = new FunctionBodyDecoder(m.bytes);
  for (let i = m.importedFuncs; i < m.funcTypes.length; i++) {
    const definedIdx = i - m.importedFuncs;
    if (m.bodies[definedIdx] === undefined) fail('Function body is out of bounds');
    const max = maxStackHeight(m, definedIdx, d);
    const cost = d.totalLocals + max;
    if (cost > U32_MAX) fail('Overflow in adding locals_count and max_stack_height');
    costs[i] = cost;
  }
  return costs;
}

function writeInstrumentedCall(w: WasmWriter, callee: number, cost: number, global: number, limit: number): void {
  w.byte(0x23); // global.get
  w.u32(global);
  w.byte(0x41); // i32.const
  w.s32(cost);
  w.byte(0x6a); // i32.add
  w.byte(0x24); // global.set
  w.u32(global);
  w.byte(0x23);
  w.u32(global);
  w.byte(0x41);
  w.s32(limit);
  w.byte(0x4b); // i32.gt_u
  w.byte(0x04); // if (no result)
  w.byte(0x40);
  w.byte(0x00); // unreachable
  w.byte(0x0b); // end
  w.byte(0x10); // call
  w.u32(callee);
  w.byte(0x23);
  w.u32(global);
  w.byte(0x41);
  w.s32(cost);
  w.byte(0x6b); // i32.sub
  w.byte(0x24);
  w.u32(global);
}

function sameType(a: FuncType, b: FuncType): boolean {
  return (
    a.params.length === b.params.length &&
    a.results.length === b.results.length &&
    a.params.every((t, i) => t === b.params[i]) &&
    a.results.every((t, i) => t === b.results[i])
  );
}

function sectionCount(bytes: Uint8Array, s: Section | undefined): number {
  if (s === undefined) return 0;
  return new WasmReader(bytes, s.start, s.end).readVarU32();
}

function instrument(bytes: Uint8Array, limit: number): Uint8Array {
  const m = parseModule(bytes);
  const costs = computeCosts(m);
  const globalIdx = m.globals.length;
  const totalFuncs = m.funcTypes.length;

  // Instrumented bodies of the defined functions.
  const d = new FunctionBodyDecoder(bytes);
  const bodies: Uint8Array[] = [];
  for (const body of m.bodies) {
    if (!d.beginBody(body.start, body.end)) check(d.reader);
    const w = new WasmWriter();
    w.u32(d.localCounts.length);
    for (let i = 0; i < d.localCounts.length; i++) {
      w.u32(d.localCounts[i]);
      w.byte(d.localTypes[i]);
    }
    while (d.next()) {
      const cost = d.opcode === 0x10 ? costs[d.index] : undefined;
      if (cost !== undefined && cost > 0) writeInstrumentedCall(w, d.index, cost, globalIdx, limit);
      else writeInstruction(w, d, unknownOpcode);
    }
    check(d.reader);
    bodies.push(w.result());
  }

  // Thunks for exported / table / start functions with a cost.
  const targets = new Set<number>();
  for (const e of m.exports) if (e.kind === 0) targets.add(e.index);
  for (const seg of m.elements) for (const f of seg.members) targets.add(f);
  if (m.start !== null) targets.add(m.start);
  const thunkOf = new Map<number, number>();
  const thunkTypes: number[] = [];
  let next = totalFuncs;
  for (const f of [...targets].sort((a, b) => a - b)) {
    const cost = costs[f];
    if (cost === undefined) fail(`function with idx ${f} isn't found`);
    if (cost === 0) continue;
    const sig = funcType(m, f);
    const w = new WasmWriter();
    w.byte(0); // no locals
    for (let i = 0; i < sig.params.length; i++) {
      w.byte(0x20);
      w.u32(i);
    }
    writeInstrumentedCall(w, f, cost, globalIdx, limit);
    w.byte(0x0b);
    bodies.push(w.result());
    thunkTypes.push(m.types.findIndex((t) => sameType(t, sig)));
    thunkOf.set(f, next++);
  }
  const redirect = (f: number): number => thunkOf.get(f) ?? f;

  // Serialize in the builder's section order.
  const out = new WasmWriter();
  out.raw(bytes.subarray(0, 8));
  const section = (id: number, payload: WasmWriter): void => {
    out.byte(id);
    out.sizedWriter(payload);
  };
  const verbatim = (id: number): void => {
    const s = m.known.get(id);
    if (s === undefined || sectionCount(bytes, s) === 0) return;
    out.byte(id);
    out.u32(s.end - s.start);
    out.raw(bytes.subarray(s.start, s.end));
  };
  verbatim(1);
  verbatim(2);
  const funcs = m.funcTypes.slice(m.importedFuncs).concat(thunkTypes);
  if (funcs.length > 0) {
    const w = new WasmWriter();
    w.u32(funcs.length);
    for (const t of funcs) w.u32(t);
    section(3, w);
  }
  verbatim(4);
  verbatim(5);
  {
    const w = new WasmWriter();
    w.u32(m.globals.length + 1);
    for (const g of m.globals) w.raw(g);
    w.raw(Uint8Array.of(0x7f, 0x01, 0x41, 0x00, 0x0b));
    section(6, w);
  }
  if (m.exports.length > 0) {
    const w = new WasmWriter();
    w.u32(m.exports.length);
    for (const e of m.exports) {
      w.u32(e.name.length);
      w.raw(e.name);
      w.byte(e.kind);
      w.u32(e.kind === 0 ? redirect(e.index) : e.index);
    }
    section(7, w);
  }
  if (m.start !== null) {
    const w = new WasmWriter();
    w.u32(redirect(m.start));
    section(8, w);
  }
  if (m.elements.length > 0) {
    const w = new WasmWriter();
    w.u32(m.elements.length);
    for (const seg of m.elements) {
      w.u32(seg.table);
      w.raw(seg.offset);
      w.u32(seg.members.length);
      for (const f of seg.members) w.u32(redirect(f));
    }
    section(9, w);
  }
  if (bodies.length > 0) {
    const w = new WasmWriter();
    w.u32(bodies.length);
    for (const b of bodies) {
      w.u32(b.length);
      w.raw(b);
    }
    section(10, w);
  }
  verbatim(11);
  for (let i = m.others.length - 1; i >= 0; i--) {
    const s = m.others[i];
    out.byte(s.id);
    out.u32(s.end - s.start);
    out.raw(bytes.subarray(s.start, s.end));
  }
  return out.result();
}

/**
 * Instruments `bytes` with the node's stack-height limiter (upstream `inject_limiter(module,
 * limit)`): the module casper-wasm would serialize (section layout and encodings as described
 * in the file comment). Expects a module that passed validation; malformed input yields
 * `{ error }` with a short reason.
 */
export function injectStackLimiter(
  bytes: Uint8Array,
  limit = DEFAULT_STACK_LIMIT,
): { bytes: Uint8Array } | { error: string } {
  try {
    return { bytes: instrument(bytes, limit) };
  } catch (e) {
    if (e instanceof StackHeightError) return { error: e.message };
    throw e;
  }
}

/**
 * Stack cost the limiter charges for calling function `funcIndex` (function index space, imports
 * first; imports cost 0): declared locals (not parameters) + maximal operand-stack height, or
 * `{ error }` when the module cannot be analysed or the index is out of range.
 */
export function functionStackCost(bytes: Uint8Array, funcIndex: number): number | { error: string } {
  try {
    const costs = computeCosts(parseModule(bytes));
    const cost = costs[funcIndex];
    if (cost === undefined) fail(`function with idx ${funcIndex} isn't found`);
    return cost;
  } catch (e) {
    if (e instanceof StackHeightError) return { error: e.message };
    throw e;
  }
}
