/**
 * Gas metering instrumentation of a Wasm module, as the Casper 1.5.6 node applies it before
 * running any code (casper-wasm-utils v3.0.0 `inject_gas_counter` with the chainspec
 * `[wasm.opcode_costs]`), done directly on the bytecode: the code section is decoded instruction
 * by instruction and the node's metering calls are spliced in; everything else is copied.
 *
 * What the node's instrumenter does (and this module reproduces):
 * - appends the import `env.gas (i32) → ()` after all existing imports; its type is the first
 *   existing `(i32) → ()` type, else a new type appended to the type section. Every function index
 *   ≥ the new import's index is shifted by one in `call` instructions, function exports, element
 *   segment members and the start function (`call_indirect` takes a type index: untouched).
 * - splits every body into metered blocks (control-stack algorithm with block merging and the
 *   `lowest_forward_br_target` rule, see `meteringPoints`) and inserts `i32.const cost; call gas`
 *   before the first instruction of each.
 * - when the rules have a per-page `memory.grow` cost, replaces every `memory.grow` by a call to a
 *   helper appended as the last function: `(pages) → local.get 0; local.get 0; i32.const
 *   perPage; i32.mul; call gas; memory.grow` (unmetered; type: first `(i32) → (i32)` type, else
 *   appended). The static `memory.grow` cost stays in the block cost.
 * - rejects the module (`OperationForbiddenByGasRules`) when an instruction has no cost (every
 *   float operation under the node's rules) or a block cost overflows u32.
 *
 * Byte layout: only the type, import, function, export, start, element and code sections are
 * re-encoded (minimal LEB128 sizes); missing type/import sections are created in canonical
 * position; all other sections, custom ones included, are copied verbatim in place. (The node
 * re-serializes the whole module through casper-wasm's builder, which also moves custom sections
 * to the end and drops empty sections; that changes no instruction and no gas.)
 */

import type { OpcodeCosts } from '../costs';
import { FunctionBodyDecoder, OPCODE_CLASSES, OpClass } from './opcodes';
import { readPreamble, readSectionHeader, type SectionHeader, WasmReader } from './reader';
import { WasmWriter } from './writer';

/** A cost table in the shape the instrumenter consumes. */
export interface GasRules {
  /** Cost per opcode byte (index = opcode); negative = forbidden (the module is rejected). For `br_table` this is the base cost. */
  readonly opcodeCost: Float64Array;
  /** `br_table` cost per target, the default target excluded. */
  readonly brTablePerTarget: number;
  /** Dynamic `memory.grow` cost per requested page; 0 leaves `memory.grow` as it is (no helper). */
  readonly memoryGrowPerPage: number;
}

/** The rejection the node reports as `PreprocessingError::OperationForbiddenByGasRules`. */
export interface GasInjectionError {
  /** Always 'OperationForbiddenByGasRules'. */
  readonly error: 'OperationForbiddenByGasRules';
}

/** An instrumented module. */
export interface GasInjectionResult {
  /** The instrumented module bytes. */
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** Function index of the `env.gas` import (= number of function imports of the input). */
  readonly gasFunctionIndex: number;
}

/** Metering calls of one function body: parallel arrays sorted by offset. */
export interface MeteringPoints {
  /** Module byte offset of the instruction before which `i32.const cost; call gas` goes. */
  readonly offsets: number[];
  /** Charged amount (u32) per insertion. */
  readonly costs: number[];
}

const FORBIDDEN: GasInjectionError = Object.freeze({ error: 'OperationForbiddenByGasRules' as const });
const U32_MAX = 0xffffffff;

/**
 * Rules of the node: `[wasm.opcode_costs]` (`else`/`end` costs are configured but never charged
 * by the algorithm; floats are forbidden; `memory.grow` adds `grow_memory` per page).
 */
export function gasRulesFromOpcodeCosts(costs: OpcodeCosts): GasRules {
  const cf = costs.control_flow;
  const perClass: number[] = [];
  perClass[OpClass.Unreachable] = costs.unreachable;
  perClass[OpClass.Nop] = costs.nop;
  perClass[OpClass.Block] = cf.block;
  perClass[OpClass.Loop] = cf.loop;
  perClass[OpClass.If] = cf.if;
  perClass[OpClass.Else] = cf.else;
  perClass[OpClass.End] = cf.end;
  perClass[OpClass.Br] = cf.br;
  perClass[OpClass.BrIf] = cf.br_if;
  perClass[OpClass.BrTable] = cf.br_table.cost;
  perClass[OpClass.Return] = cf.return;
  perClass[OpClass.Call] = cf.call;
  perClass[OpClass.CallIndirect] = cf.call_indirect;
  perClass[OpClass.Drop] = cf.drop;
  perClass[OpClass.Select] = cf.select;
  perClass[OpClass.Local] = costs.local;
  perClass[OpClass.Global] = costs.global;
  perClass[OpClass.Load] = costs.load;
  perClass[OpClass.Store] = costs.store;
  perClass[OpClass.MemorySize] = costs.current_memory;
  perClass[OpClass.MemoryGrow] = costs.grow_memory;
  perClass[OpClass.Const] = costs.const;
  perClass[OpClass.IntegerComparison] = costs.integer_comparison;
  perClass[OpClass.Bit] = costs.bit;
  perClass[OpClass.Add] = costs.add;
  perClass[OpClass.Mul] = costs.mul;
  perClass[OpClass.Div] = costs.div;
  perClass[OpClass.Conversion] = costs.conversion;
  perClass[OpClass.Float] = -1;
  const opcodeCost = new Float64Array(256).fill(-1);
  for (let op = 0; op < 256; op++) {
    const cls = OPCODE_CLASSES[op];
    const c = perClass[cls];
    if (c !== undefined) opcodeCost[op] = c;
  }
  return { opcodeCost, brTablePerTarget: cf.br_table.size_multiplier, memoryGrowPerPage: costs.grow_memory };
}

/**
 * casper-wasm-utils `rules::Set`: every instruction costs `regular` (`Set::default()` = 1, the
 * rules of the library's own tests), `br_table` included (no per-target part), floats allowed
 * unless `forbidFloats` (`with_forbidden_floats`); `growPerPage` as `with_grow_cost` (0 = none).
 */
export function constantGasRules(regular = 1, growPerPage = 0, forbidFloats = false): GasRules {
  const opcodeCost = new Float64Array(256).fill(-1);
  for (let op = 0; op < 256; op++) {
    const cls = OPCODE_CLASSES[op];
    if (cls === OpClass.Invalid) continue;
    opcodeCost[op] = forbidFloats && cls === OpClass.Float ? -1 : regular;
  }
  return { opcodeCost, brTablePerTarget: 0, memoryGrowPerPage: growPerPage };
}

const rulesCache = new WeakMap<OpcodeCosts, GasRules>();

function toRules(costs: OpcodeCosts | GasRules): GasRules {
  if ('opcodeCost' in costs) return costs;
  let r = rulesCache.get(costs);
  if (r === undefined) {
    r = gasRulesFromOpcodeCosts(costs);
    rulesCache.set(costs, r);
  }
  return r;
}

/** Growable byte buffer with LEB128 writers. */

function u32Size(v: number): number {
  let x = v >>> 0;
  let n = 1;
  while (x >= 0x80) {
    x >>>= 7;
    n++;
  }
  return n;
}

function s32Size(v: number): number {
  let x = v | 0;
  let n = 1;
  for (;;) {
    const b = x & 0x7f;
    x >>= 7;
    if ((x === 0 && (b & 0x40) === 0) || (x === -1 && (b & 0x40) !== 0)) return n;
    n++;
  }
}

function malformed(what: string, offset: number): never {
  throw new Error(`gas injection: malformed module (${what} at byte ${offset})`);
}

/** Throws when `r` has recorded a decoding failure. */
function checkReader(r: WasmReader): void {
  const e = r.error;
  if (e !== null) malformed(e.message, e.offset);
}

/**
 * Metering pass over one body; state is reused across bodies so that instrumenting a module
 * allocates per body at most (never per instruction).
 */
class Meter {
  readonly decoder: FunctionBodyDecoder;
  // Control stack (index 0 = the function frame).
  private lowest: number[] = [];
  private mStart: number[] = [];
  private mCost: number[] = [];
  private isLoop: number[] = [];
  private sp = 0;
  // Finalized metered blocks, in finalization order.
  private fStart: number[] = [];
  private fCost: number[] = [];
  private order: number[] = [];
  /** Sorted result of the last `run`. */
  readonly offsets: number[] = [];
  /** Sorted result of the last `run`. */
  readonly costs: number[] = [];
  /** Offsets, ends and function indices of the `call`s to re-index (last `run`). */
  readonly callAt: number[] = [];
  readonly callEnd: number[] = [];
  readonly callIdx: number[] = [];
  /** Offsets of `memory.grow` instructions (last `run`). */
  readonly growAt: number[] = [];
  private failed = false;

  constructor(bytes: Uint8Array) {
    this.decoder = new FunctionBodyDecoder(bytes);
  }

  private push(start: number, loop: boolean): void {
    const i = this.sp++;
    this.lowest[i] = i;
    this.mStart[i] = start;
    this.mCost[i] = 0;
    this.isLoop[i] = loop ? 1 : 0;
  }

  private increment(c: number): void {
    const top = this.sp - 1;
    const v = this.mCost[top] + c;
    if (v > U32_MAX) this.failed = true;
    else this.mCost[top] = v;
  }

  private finalizeMetered(next: number): void {
    const top = this.sp - 1;
    const start = this.mStart[top];
    const cost = this.mCost[top];
    this.mStart[top] = next;
    this.mCost[top] = 0;
    if (top > 0 && this.mStart[top - 1] === start) {
      // Release-build Rust `+=` on u32: wraps.
      this.mCost[top - 1] = (this.mCost[top - 1] + cost) % 0x100000000;
      return;
    }
    if (cost > 0) {
      this.fStart.push(start);
      this.fCost.push(cost);
    }
  }

  private branchTo(target: number): void {
    if (this.isLoop[target] === 1) return;
    const top = this.sp - 1;
    if (target < this.lowest[top]) this.lowest[top] = target;
  }

  /**
   * Decodes the body `[start, end)` (after its size prefix) and computes its metering points,
   * call re-indexing and memory.grow sites. Returns false when an instruction is forbidden (or
   * a cost overflows); throws on undecodable code.
   */
  run(start: number, end: number, rules: GasRules, shiftFrom: number): boolean {
    const d = this.decoder;
    const r = d.reader;
    if (!d.beginBody(start, end)) malformed(r.error!.message, r.error!.offset);
    const cost = rules.opcodeCost;
    this.sp = 0;
    this.failed = false;
    this.fStart.length = 0;
    this.fCost.length = 0;
    this.callAt.length = 0;
    this.callEnd.length = 0;
    this.callIdx.length = 0;
    this.growAt.length = 0;
    this.offsets.length = 0;
    this.costs.length = 0;
    this.push(r.pos, false);
    while (d.next()) {
      const op = d.opcode;
      let c = cost[op];
      if (op === 0x0e) {
        // br_table: base + per-target × targets (default excluded), checked u32 arithmetic.
        c += rules.brTablePerTarget * d.brTableCount;
      }
      if (c < 0 || c > U32_MAX) return false;
      const next = r.pos;
      switch (op) {
        case 0x02: // block: merges with the enclosing active metered block
          this.increment(c);
          this.push(this.mStart[this.sp - 1], false);
          break;
        case 0x03: // loop
          this.increment(c);
          this.push(next, true);
          break;
        case 0x04: // if
          this.increment(c);
          this.push(next, false);
          break;
        case 0x05: // else (not charged)
          this.finalizeMetered(next);
          break;
        case 0x0b: {
          // end (not charged)
          this.finalizeMetered(next);
          const closing = --this.sp;
          if (this.sp > 0) {
            const top = this.sp - 1;
            const lowestClosing = this.lowest[closing];
            if (lowestClosing < this.lowest[top]) this.lowest[top] = lowestClosing;
            if (lowestClosing < closing) this.finalizeMetered(next);
          }
          break;
        }
        case 0x0c: // br
        case 0x0d: {
          // br_if
          this.increment(c);
          this.finalizeMetered(next);
          const target = this.sp - 1 - d.index;
          if (target < 0) malformed('branch depth', d.offset);
          this.branchTo(target);
          break;
        }
        case 0x0e: {
          this.increment(c);
          this.finalizeMetered(next);
          const top = this.sp - 1;
          const targets = d.brTableTargets;
          let t = top - d.index;
          if (t < 0) malformed('branch depth', d.offset);
          this.branchTo(t);
          for (let k = 0; k < d.brTableCount; k++) {
            t = top - targets[k];
            if (t < 0) malformed('branch depth', d.offset);
            this.branchTo(t);
          }
          break;
        }
        case 0x0f: // return
          this.increment(c);
          this.finalizeMetered(next);
          this.branchTo(0);
          break;
        case 0x10: // call
          this.increment(c);
          if (d.index >= shiftFrom) {
            this.callAt.push(d.offset);
            this.callEnd.push(next);
            this.callIdx.push(d.index);
          }
          break;
        case 0x40: // memory.grow
          this.increment(c);
          this.growAt.push(d.offset);
          break;
        default:
          this.increment(c);
      }
      if (this.failed) return false;
    }
    checkReader(r);
    if (this.sp !== 0) malformed('unbalanced body', start);
    // Sort the finalized blocks by start (they are mostly in order already).
    const n = this.fStart.length;
    const order = this.order;
    order.length = n;
    for (let i = 0; i < n; i++) order[i] = i;
    const fs = this.fStart;
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) if (fs[i] < fs[i - 1]) sorted = false;
    if (!sorted) order.sort((a, b) => fs[a] - fs[b] || a - b);
    for (let i = 0; i < n; i++) {
      const at = fs[order[i]];
      // The node copies instructions with one peeked block; two blocks with one start leave one unused → error.
      if (i > 0 && at === this.offsets[i - 1]) return false;
      this.offsets.push(at);
      this.costs.push(this.fCost[order[i]]);
    }
    return true;
  }
}

/**
 * The metering calls the node inserts into one function body: `bytes[bodyStart, bodyEnd)` is the
 * body without its size prefix (locals vector first). Offsets are module byte offsets of the
 * instruction each `i32.const cost; call gas` goes before, ascending. Pure; throws on
 * undecodable code.
 */
export function meteringPoints(
  bytes: Uint8Array,
  bodyStart: number,
  bodyEnd: number,
  costs: OpcodeCosts | GasRules,
): MeteringPoints | GasInjectionError {
  const m = new Meter(bytes);
  if (!m.run(bodyStart, bodyEnd, toRules(costs), 0)) return FORBIDDEN;
  return { offsets: m.offsets.slice(), costs: m.costs.slice() };
}

/** Type bytes `60 01 7f 00` = (i32) → () and `60 01 7f 01 7f` = (i32) → (i32). */
function matchesType(b: Uint8Array, at: number, end: number, withResult: boolean): boolean {
  if (b[at] !== 0x60 || b[at + 1] !== 0x01 || b[at + 2] !== 0x7f) return false;
  if (withResult) return at + 5 === end && b[at + 3] === 0x01 && b[at + 4] === 0x7f;
  return at + 4 === end && b[at + 3] === 0x00;
}

function skipLimits(r: WasmReader): void {
  const flags = r.readByte();
  r.readVarU32();
  if (flags & 1) r.readVarU32();
}

/**
 * Instruments `bytes` as the node does before execution (casper-wasm-utils v3.0.0
 * `inject_gas_counter(module, rules, "env")`). `costs` is the chainspec `[wasm.opcode_costs]`
 * table (`loadCosts().wasm.opcode_costs`) or any `GasRules`. The input must be a well-formed
 * MVP module (the node parses it first); undecodable input throws.
 */
export function injectGasCounter(
  bytes: Uint8Array,
  costs: OpcodeCosts | GasRules,
): GasInjectionResult | GasInjectionError {
  const rules = toRules(costs);
  const r = new WasmReader(bytes);
  if (!readPreamble(r)) malformed(r.error!.message, r.error!.offset);
  const sections: SectionHeader[] = [];
  for (;;) {
    const h: SectionHeader = { id: 0, offset: 0, start: 0, end: 0 };
    if (!readSectionHeader(r, h)) break;
    sections.push(h);
    r.pos = h.end;
  }
  checkReader(r);
  const find = (id: number): SectionHeader | undefined => sections.find((s) => s.id === id);

  // Types: count and the first (i32)→() / (i32)→(i32) entries.
  const typeSec = find(1);
  let typeCount = 0;
  let gasType = -1;
  let growType = -1;
  if (typeSec !== undefined) {
    r.pos = typeSec.start;
    r.end = typeSec.end;
    typeCount = r.readVarU32();
    for (let i = 0; i < typeCount && r.error === null; i++) {
      const at = r.pos;
      r.readByte();
      r.skip(r.readVarU32());
      r.skip(r.readVarU32());
      if (gasType < 0 && matchesType(bytes, at, r.pos, false)) gasType = i;
      if (growType < 0 && matchesType(bytes, at, r.pos, true)) growType = i;
    }
  }
  const gasTypeAppended = gasType < 0;
  if (gasTypeAppended) gasType = typeCount;

  // Imports: function import count.
  const importSec = find(2);
  let importCount = 0;
  let funcImports = 0;
  if (importSec !== undefined) {
    r.pos = importSec.start;
    r.end = importSec.end;
    importCount = r.readVarU32();
    for (let i = 0; i < importCount && r.error === null; i++) {
      r.skip(r.readVarU32());
      r.skip(r.readVarU32());
      const kind = r.readByte();
      if (kind === 0) {
        r.readVarU32();
        funcImports++;
      } else if (kind === 1) {
        r.readByte();
        skipLimits(r);
      } else if (kind === 2) {
        skipLimits(r);
      } else if (kind === 3) {
        r.skip(2);
      } else {
        malformed('import kind', r.pos - 1);
      }
    }
  }
  const gasFunc = funcImports;

  const funcSec = find(3);
  let definedFuncs = 0;
  if (funcSec !== undefined) {
    r.pos = funcSec.start;
    r.end = funcSec.end;
    definedFuncs = r.readVarU32();
  }
  checkReader(r);
  const helperFunc = funcImports + 1 + definedFuncs;

  // Code: meter and rewrite every body.
  const codeSec = find(10);
  let needGrow = false;
  let code: WasmWriter | null = null;
  if (codeSec !== undefined) {
    const meter = new Meter(bytes);
    r.pos = codeSec.start;
    r.end = codeSec.end;
    const bodies = r.readVarU32();
    code = new WasmWriter(codeSec.end - codeSec.start + bodies * 16 + 64);
    code.u32(bodies);
    const growPerPage = rules.memoryGrowPerPage;
    const helperCallSize = 1 + u32Size(helperFunc);
    const gasCallSize = 1 + u32Size(gasFunc);
    for (let i = 0; i < bodies; i++) {
      const size = r.readVarU32();
      checkReader(r);
      const start = r.pos;
      const end = start + size;
      if (end > codeSec.end) malformed('body size', start);
      r.pos = end;
      if (!meter.run(start, end, rules, gasFunc)) return FORBIDDEN;
      const { offsets, costs: blockCosts, callAt, callEnd, callIdx, growAt } = meter;
      const grows = growPerPage > 0 ? growAt.length : 0;
      if (grows > 0) needGrow = true;
      // New body size.
      let newSize = size;
      for (let k = 0; k < offsets.length; k++) newSize += 1 + s32Size(blockCosts[k]) + gasCallSize;
      for (let k = 0; k < callAt.length; k++) {
        newSize += u32Size(callIdx[k] + 1) - (callEnd[k] - callAt[k] - 1);
      }
      newSize += grows * (helperCallSize - 2);
      code.u32(newSize);
      const before = code.len;
      // Splice: walk the three sorted event lists.
      let pos = start;
      let ib = 0;
      let ic = 0;
      let ig = 0;
      for (;;) {
        const nb = ib < offsets.length ? offsets[ib] : end;
        const nc = ic < callAt.length ? callAt[ic] : end;
        const ng = ig < grows ? growAt[ig] : end;
        const at = Math.min(nb, nc, ng);
        code.copy(bytes, pos, at);
        pos = at;
        if (at === end) break;
        if (nb === at) {
          code.byte(0x41);
          code.s32(blockCosts[ib]);
          code.byte(0x10);
          code.u32(gasFunc);
          ib++;
        }
        if (nc === at) {
          code.byte(0x10);
          code.u32(callIdx[ic] + 1);
          pos = callEnd[ic];
          ic++;
        } else if (ng === at) {
          code.byte(0x10);
          code.u32(helperFunc);
          pos = at + 2;
          ig++;
        }
      }
      if (code.len - before !== newSize) throw new Error('gas injection: internal size mismatch');
    }
    checkReader(r);
    if (needGrow) {
      // Helper body: no locals; local.get 0; local.get 0; i32.const perPage; i32.mul; call gas; memory.grow 0; end.
      const helper = new WasmWriter(24);
      helper.byte(0x00);
      helper.byte(0x20);
      helper.byte(0x00);
      helper.byte(0x20);
      helper.byte(0x00);
      helper.byte(0x41);
      helper.s32(growPerPage);
      helper.byte(0x6c);
      helper.byte(0x10);
      helper.u32(gasFunc);
      helper.byte(0x40);
      helper.byte(0x00);
      helper.byte(0x0b);
      // Rewrite the body count: rebuild the section with count + 1.
      const rebuilt = new WasmWriter(code.len + helper.len + 8);
      rebuilt.u32(bodies + 1);
      rebuilt.copy(code.buf, u32Size(bodies), code.len);
      rebuilt.u32(helper.len);
      rebuilt.append(helper);
      code = rebuilt;
    }
  }
  let growTypeAppended = false;
  if (needGrow && growType < 0) {
    growType = typeCount + (gasTypeAppended ? 1 : 0);
    growTypeAppended = true;
  }

  const out = new WasmWriter(bytes.length + (code !== null ? code.len - (codeSec!.end - codeSec!.start) : 0) + 64);
  out.copy(bytes, 0, 8);
  const tmp = new WasmWriter(64);
  let typeDone = false;
  let importDone = false;

  const emitTypes = (): void => {
    typeDone = true;
    tmp.len = 0;
    tmp.u32(typeCount + (gasTypeAppended ? 1 : 0) + (growTypeAppended ? 1 : 0));
    if (typeSec !== undefined) {
      r.pos = typeSec.start;
      r.end = typeSec.end;
      r.readVarU32();
      tmp.copy(bytes, r.pos, typeSec.end);
    }
    if (gasTypeAppended) tmp.copy(GAS_TYPE, 0, GAS_TYPE.length);
    if (growTypeAppended) tmp.copy(GROW_TYPE, 0, GROW_TYPE.length);
    out.section(1, tmp);
  };
  const emitImports = (): void => {
    importDone = true;
    tmp.len = 0;
    tmp.u32(importCount + 1);
    if (importSec !== undefined) {
      r.pos = importSec.start;
      r.end = importSec.end;
      r.readVarU32();
      tmp.copy(bytes, r.pos, importSec.end);
    }
    tmp.copy(GAS_IMPORT_NAME, 0, GAS_IMPORT_NAME.length);
    tmp.byte(0x00);
    tmp.u32(gasType);
    out.section(2, tmp);
  };
  const shift = (idx: number): number => (idx >= gasFunc ? idx + 1 : idx);

  for (const s of sections) {
    if (s.id !== 0) {
      if (!typeDone && s.id >= 1) emitTypes();
      if (!importDone && s.id >= 2) emitImports();
    }
    r.pos = s.start;
    r.end = s.end;
    switch (s.id) {
      case 1:
      case 2:
        break; // emitted above
      case 3:
        if (needGrow) {
          tmp.len = 0;
          tmp.u32(definedFuncs + 1);
          r.readVarU32();
          tmp.copy(bytes, r.pos, s.end);
          tmp.u32(growType);
          out.section(3, tmp);
        } else {
          out.copy(bytes, s.offset, s.end);
        }
        break;
      case 7: {
        tmp.len = 0;
        const n = r.readVarU32();
        tmp.u32(n);
        for (let i = 0; i < n && r.error === null; i++) {
          const nameAt = r.pos;
          r.skip(r.readVarU32());
          const kind = r.readByte();
          tmp.copy(bytes, nameAt, r.pos);
          const idx = r.readVarU32();
          tmp.u32(kind === 0 ? shift(idx) : idx);
        }
        out.section(7, tmp);
        break;
      }
      case 8:
        tmp.len = 0;
        tmp.u32(shift(r.readVarU32()));
        out.section(8, tmp);
        break;
      case 9: {
        tmp.len = 0;
        const n = r.readVarU32();
        tmp.u32(n);
        const d = new FunctionBodyDecoder(bytes);
        for (let i = 0; i < n && r.error === null; i++) {
          const segAt = r.pos;
          r.readVarU32(); // table index
          d.beginExpr(r.pos, s.end);
          while (d.next());
          checkReader(d.reader);
          r.pos = d.reader.pos;
          tmp.copy(bytes, segAt, r.pos);
          const m = r.readVarU32();
          tmp.u32(m);
          for (let k = 0; k < m && r.error === null; k++) tmp.u32(shift(r.readVarU32()));
        }
        out.section(9, tmp);
        break;
      }
      case 10:
        out.section(10, code!);
        break;
      default:
        out.copy(bytes, s.offset, s.end);
    }
    checkReader(r);
  }
  if (!typeDone) emitTypes();
  if (!importDone) emitImports();
  return { bytes: out.result(), gasFunctionIndex: gasFunc };
}

const GAS_TYPE = Uint8Array.of(0x60, 0x01, 0x7f, 0x00);
const GROW_TYPE = Uint8Array.of(0x60, 0x01, 0x7f, 0x01, 0x7f);
/** "env" "gas" as two length-prefixed names. */
const GAS_IMPORT_NAME = Uint8Array.of(0x03, 0x65, 0x6e, 0x76, 0x03, 0x67, 0x61, 0x73);
