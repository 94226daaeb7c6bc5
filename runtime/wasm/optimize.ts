/**
 * The export-driven dead-code eliminator the Casper 1.5.6 node runs when a session installs a
 * contract: `ContractWasm` = casper-wasm-utils v3.0.0 `optimize(module, entry_point_names)`,
 * serialized by casper-wasm 0.46 (`wasm_prep::get_module_from_entry_points`). The stored bytes'
 * length decides the storage gas of the install and those bytes are what later calls run, so the
 * output is byte-identical to `casper_wasm::serialize(optimize(deserialize(bytes)))`.
 *
 * What upstream does, and this module reproduces:
 * - `parse_names` first: every custom section named "name" that parses (module / function / local
 *   subsections, indices below the function space and strictly increasing; other subsections
 *   skipped) becomes a name section; one that does not parse stays a custom section.
 * - the kept set starts from the exports whose name is in the list, the start function, the
 *   functions, globals and types named by element and data segment offsets and the element
 *   members, and is closed over: export → function/global, function import → its type, defined
 *   function → its type and every `call` target, `call_indirect` type and `global.get/set`
 *   global in its body, defined global → what its initializer names.
 * - everything else of the kind type, function import, global import, defined global, defined
 *   function (with its body) or export is removed; table and memory imports always stay; sections
 *   left empty stay as empty sections.
 * - when anything was removed, indices are renumbered (index − number of removed indices below
 *   it) in: the start section, type references of functions and function imports, `call`,
 *   `global.get/set` and — quirk kept — `call_indirect` type indices in code only when a function
 *   or global was removed too (removing types alone leaves `call_indirect` pointing at the old
 *   index), exports, global initializers, segment offsets, element members, and the function and
 *   local name maps (entries of removed functions dropped).
 * - finally every custom section is dropped; name sections that parsed stay where they were.
 * - the whole module is re-encoded as casper-wasm writes it: minimal LEB128 everywhere, function
 *   names maps in index order, name subsections in module/function/local order.
 *
 * Upstream panics (an import section with no entries, a kept function or global that does not
 * exist) surface as `OptimizerError` with kind 'Panic'. The input must be a module casper-wasm
 * deserializes in full — on the node it is the preprocessed module, which casper-wasm itself
 * serialized; anything else (including a module the parser would silently cut short at a section
 * that ends early) throws `OptimizerError` with kind 'Malformed'.
 *
 * Cost: one decoding pass over the reachable bodies (references and whether each body is
 * minimally encoded); minimally encoded bodies are then copied with only their `call`,
 * `call_indirect` and `global.*` immediates rewritten, others are re-encoded instruction by
 * instruction.
 */

import { FunctionBodyDecoder, Imm, OPCODE_IMMEDIATES, readValueType } from './opcodes';
import { readPreamble, readSectionHeader, type SectionHeader, WasmReader } from './reader';
import { WasmWriter } from './writer';
import { writeInstruction } from './write-instruction';

/** Why `optimizeModule` gave up. */
export type OptimizerErrorKind = 'NoExportSection' | 'Panic' | 'Malformed';

/**
 * `casper_wasm_utils::OptimizerError::NoExportSection` (kind 'NoExportSection'), an input on which
 * upstream would panic ('Panic'), or bytes casper-wasm cannot deserialize ('Malformed').
 */
export class OptimizerError extends Error {
  /** Which of the three failures this is. */
  readonly kind: OptimizerErrorKind;

  /** An error of `kind` with a human-readable `message`. */
  constructor(kind: OptimizerErrorKind, message: string) {
    super(message);
    this.name = 'OptimizerError';
    this.kind = kind;
  }
}

/** The node's `execution::Error::FunctionNotFound(name)` from `get_module_from_entry_points`. */
export interface FunctionNotFound {
  /** Always 'FunctionNotFound'. */
  readonly error: 'FunctionNotFound';
  /** The first entry point without an export, or "Missing Export Section". */
  readonly name: string;
}

function malformed(what: string): never {
  throw new OptimizerError('Malformed', `optimize: malformed module (${what})`);
}

function unknownOpcode(op: number): never {
  return malformed(`unknown opcode ${op}`);
}

function panic(what: string): never {
  throw new OptimizerError('Panic', `optimize: casper-wasm-utils would panic (${what})`);
}

function check(r: WasmReader): void {
  if (r.error !== null) malformed(`${r.error.message} at byte ${r.error.offset}`);
}

// ------------------------------------------------------------------------------------------
// WasmWriter

/** Growable byte buffer with minimal LEB128 writers. */

// ------------------------------------------------------------------------------------------
// Parsed module (as casper-wasm 0.46 deserializes it)

/** A byte range `[start, end)` of the input. */
interface Range {
  start: number;
  end: number;
}

interface Limits {
  initial: number;
  /** -1 when absent. */
  maximum: number;
}

interface FuncType {
  params: number[];
  results: number[];
}

interface Import {
  module: Range;
  field: Range;
  kind: number;
  /** Function: type index. Global: value type byte. */
  index: number;
  /** Global: 1 when mutable. */
  mutable: number;
  /** Table and memory. */
  limits: Limits | null;
}

interface Global {
  type: number;
  mutable: number;
  /** Initializer, up to and including its `end`. */
  init: Range;
}

interface Export {
  field: Range;
  name: string;
  kind: number;
  index: number;
}

interface Segment {
  index: number;
  offset: Range;
  /** Element segments: function indices. */
  members: number[];
  /** Data segments: the bytes. */
  data: Range;
}

/** casper-wasm's `NameSection`: module name, function names, local names (maps in index order). */
interface NameSection {
  module: Range | null;
  functions: Map<number, Range> | null;
  locals: Map<number, Map<number, Range>> | null;
}

/** One section in module order. */
interface Section {
  id: number;
  start: number;
  end: number;
  /** Custom sections: name and payload. */
  name?: string;
  payload?: Range;
  /** A "name" custom section that `parse_names` accepted. */
  names?: NameSection;
}

interface Module {
  bytes: Uint8Array;
  sections: Section[];
  types: FuncType[] | null;
  imports: Import[] | null;
  /** Type index per defined function (null: no function section). */
  funcs: number[] | null;
  tables: Limits[] | null;
  memories: Limits[] | null;
  globals: Global[] | null;
  exports: Export[] | null;
  start: number | null;
  elements: Segment[] | null;
  /** Body windows after the size prefix (null: no code section). */
  bodies: Range[] | null;
  data: Segment[] | null;
  dataCount: number | null;
  importedFuncs: number;
  importedGlobals: number;
  /** Import entry index per imported function / global. */
  funcImportEntry: number[];
  globalImportEntry: number[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A casper-wasm `String`: u32 length + UTF-8 bytes; returns the byte range. */
function readString(r: WasmReader): Range {
  const len = r.readVarU32();
  const start = r.pos;
  r.skip(len);
  if (r.error === null && len > 0) {
    try {
      utf8.decode(r.bytes.subarray(start, start + len));
    } catch {
      r.fail('Non-UTF-8 string', start);
    }
  }
  return { start, end: start + len };
}

function readLimits(r: WasmReader): Limits {
  const at = r.pos;
  const flags = r.readByte();
  if (r.error === null && flags > 1) r.fail(`Invalid limits flags (${flags})`, at);
  const initial = r.readVarU32();
  const maximum = flags === 1 ? r.readVarU32() : -1;
  return { initial, maximum };
}

function readTableType(r: WasmReader): Limits {
  const at = r.pos;
  const elem = r.readVarI7();
  if (r.error === null && elem !== -0x10) r.fail(`Unknown table element type ${elem}`, at);
  return readLimits(r);
}

function readGlobalType(r: WasmReader): { type: number; mutable: number } {
  const type = readValueType(r);
  const at = r.pos;
  const mutable = r.readByte();
  if (r.error === null && mutable > 1) r.fail(`Invalid VarUint1 ${mutable}`, at);
  return { type, mutable };
}

/** An init expression at `r.pos` (up to its first `end`), decoded by `d`; returns its range. */
function readInitExpr(r: WasmReader, d: FunctionBodyDecoder): Range {
  const start = r.pos;
  d.beginExpr(start, r.end);
  while (d.next());
  check(d.reader);
  r.pos = d.reader.pos;
  return { start, end: r.pos };
}

/** Section order as casper-wasm checks it (DataCount sits between Element and Code). */
function sectionOrder(id: number): number {
  return id === 12 ? 10 : id >= 10 ? id + 1 : id;
}

function parseModule(bytes: Uint8Array): Module {
  const r = new WasmReader(bytes);
  if (!readPreamble(r)) check(r);
  const d = new FunctionBodyDecoder(bytes);
  const m: Module = {
    bytes,
    sections: [],
    types: null,
    imports: null,
    funcs: null,
    tables: null,
    memories: null,
    globals: null,
    exports: null,
    start: null,
    elements: null,
    bodies: null,
    data: null,
    dataCount: null,
    importedFuncs: 0,
    importedGlobals: 0,
    funcImportEntry: [],
    globalImportEntry: [],
  };
  const h: SectionHeader = { id: 0, offset: 0, start: 0, end: 0 };
  let lastOrder = 0;
  while (readSectionHeader(r, h)) {
    const sec: Section = { id: h.id, start: h.start, end: h.end };
    r.pos = h.end;
    const s = new WasmReader(bytes, h.start, h.end);
    if (h.id === 0) {
      const name = readString(s);
      check(s);
      sec.name = utf8.decode(bytes.subarray(name.start, name.end));
      sec.payload = { start: s.pos, end: h.end };
      m.sections.push(sec);
      continue;
    }
    const order = sectionOrder(h.id);
    if (order < lastOrder) malformed('sections out of order');
    if (order === lastOrder) malformed(`duplicated section ${h.id}`);
    lastOrder = order;
    m.sections.push(sec);
    const count = s.readVarU32();
    switch (h.id) {
      case 1: {
        const types: FuncType[] = (m.types = []);
        for (let i = 0; i < count && s.error === null; i++) {
          const at = s.pos;
          const form = s.readByte();
          if (s.error === null && form !== 0x60) s.fail(`Unknown function form ${form}`, at);
          const params: number[] = [];
          const results: number[] = [];
          for (let n = s.readVarU32(), j = 0; j < n && s.error === null; j++) params.push(readValueType(s));
          for (let n = s.readVarU32(), j = 0; j < n && s.error === null; j++) results.push(readValueType(s));
          if (results.length > 1) s.fail('more than one function result', at);
          types.push({ params, results });
        }
        break;
      }
      case 2: {
        const imports: Import[] = (m.imports = []);
        for (let i = 0; i < count && s.error === null; i++) {
          const module = readString(s);
          const field = readString(s);
          const at = s.pos;
          const kind = s.readByte();
          const imp: Import = { module, field, kind, index: 0, mutable: 0, limits: null };
          if (kind === 0) {
            imp.index = s.readVarU32();
            m.funcImportEntry.push(i);
          } else if (kind === 1) {
            imp.limits = readTableType(s);
          } else if (kind === 2) {
            imp.limits = readLimits(s);
          } else if (kind === 3) {
            const g = readGlobalType(s);
            imp.index = g.type;
            imp.mutable = g.mutable;
            m.globalImportEntry.push(i);
          } else {
            s.fail(`Unknown external kind ${kind}`, at);
          }
          imports.push(imp);
        }
        m.importedFuncs = m.funcImportEntry.length;
        m.importedGlobals = m.globalImportEntry.length;
        break;
      }
      case 3: {
        const funcs: number[] = (m.funcs = []);
        for (let i = 0; i < count && s.error === null; i++) funcs.push(s.readVarU32());
        break;
      }
      case 4:
      case 5: {
        const list: Limits[] = [];
        for (let i = 0; i < count && s.error === null; i++) list.push(h.id === 4 ? readTableType(s) : readLimits(s));
        if (h.id === 4) m.tables = list;
        else m.memories = list;
        break;
      }
      case 6: {
        const globals: Global[] = (m.globals = []);
        for (let i = 0; i < count && s.error === null; i++) {
          const g = readGlobalType(s);
          check(s);
          globals.push({ type: g.type, mutable: g.mutable, init: readInitExpr(s, d) });
        }
        break;
      }
      case 7: {
        const exports: Export[] = (m.exports = []);
        for (let i = 0; i < count && s.error === null; i++) {
          const field = readString(s);
          const at = s.pos;
          const kind = s.readByte();
          if (s.error === null && kind > 3) s.fail(`Unknown internal kind ${kind}`, at);
          const index = s.readVarU32();
          if (s.error !== null) break;
          exports.push({ field, name: utf8.decode(bytes.subarray(field.start, field.end)), kind, index });
        }
        break;
      }
      case 8:
        m.start = count;
        break;
      case 9:
      case 11: {
        const list: Segment[] = [];
        for (let i = 0; i < count && s.error === null; i++) {
          const index = s.readVarU32();
          check(s);
          const offset = readInitExpr(s, d);
          const members: number[] = [];
          let data: Range = { start: 0, end: 0 };
          const n = s.readVarU32();
          if (h.id === 9) {
            for (let j = 0; j < n && s.error === null; j++) members.push(s.readVarU32());
          } else {
            data = { start: s.pos, end: s.pos + n };
            s.skip(n);
          }
          list.push({ index, offset, members, data });
        }
        if (h.id === 9) m.elements = list;
        else m.data = list;
        break;
      }
      case 10: {
        const bodies: Range[] = (m.bodies = []);
        for (let i = 0; i < count && s.error === null; i++) {
          const size = s.readVarU32();
          const start = s.pos;
          s.skip(size);
          bodies.push({ start, end: start + size });
        }
        break;
      }
      case 12:
        m.dataCount = count;
        break;
    }
    check(s);
    if (s.pos !== s.end) malformed(`section ${h.id}: ${s.end - s.pos} trailing bytes`);
  }
  check(r);
  if ((m.bodies?.length ?? 0) !== (m.funcs?.length ?? 0)) malformed('function and code section counts differ');
  return m;
}

// ------------------------------------------------------------------------------------------
// parse_names

/** Reads one name section payload as casper-wasm 0.46 `NameSection::deserialize`; null when it fails. */
function parseNameSection(m: Module, payload: Range): NameSection | null {
  const r = new WasmReader(m.bytes, payload.start, payload.end);
  const functionsSpace = m.importedFuncs + (m.funcs?.length ?? 0);
  const out: NameSection = { module: null, functions: null, locals: null };
  /** An `IndexMap`: count, then strictly increasing indices below `space`, each with a value. */
  const indexMap = <T>(space: number, value: () => T | null): Map<number, T> | null => {
    const map = new Map<number, T>();
    const n = r.readVarU32();
    let prev = -1;
    for (let i = 0; i < n; i++) {
      const idx = r.readVarU32();
      if (r.error !== null || idx >= space || idx <= prev) return null;
      prev = idx;
      const v = value();
      if (v === null || r.error !== null) return null;
      map.set(idx, v);
    }
    return r.error === null ? map : null;
  };
  const str = (): Range => readString(r);
  while (r.pos < r.end) {
    const kind = r.readByte();
    const size = r.readVarU32();
    if (r.error !== null) return null;
    // The declared size only matters for skipped subsections: known ones are read from the stream.
    if (kind === 0) {
      if (out.module !== null) return null;
      out.module = str();
    } else if (kind === 1) {
      if (out.functions !== null) return null;
      out.functions = indexMap(functionsSpace, str);
      if (out.functions === null) return null;
    } else if (kind === 2) {
      if (out.locals !== null) return null;
      const localSpace = maxLocalSpace(m);
      out.locals = indexMap(functionsSpace, () => indexMap(localSpace, str));
      if (out.locals === null) return null;
    } else {
      r.skip(size);
    }
    if (r.error !== null) return null;
  }
  return out;
}

/** Bound on local indices in a local names map: most parameters of any type + most declared locals of any body. */
function maxLocalSpace(m: Module): number {
  let maxParams = 0;
  for (const t of m.types ?? []) maxParams = Math.max(maxParams, t.params.length);
  let maxLocals = 0;
  const d = new FunctionBodyDecoder(m.bytes);
  for (const b of m.bodies ?? []) {
    if (!d.beginBody(b.start, b.end)) check(d.reader);
    maxLocals = Math.max(maxLocals, d.totalLocals);
  }
  return maxParams + maxLocals;
}

// ------------------------------------------------------------------------------------------
// The optimizer

const SYM_TYPE = 0;
const SYM_IMPORT = 1;
const SYM_GLOBAL = 2;
const SYM_FUNCTION = 3;
const SYM_EXPORT = 4;
const SYM_KINDS = 5;

/** `symbols.rs` `Symbol` as `kind + SYM_KINDS × index` (exact below 2^53). */
type Symbol = number;

/** Number of sorted `removed` entries below `idx`. */
function countBelow(removed: readonly number[], idx: number): number {
  let lo = 0;
  let hi = removed.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (removed[mid] < idx) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `idx` renumbered past the sorted `removed` indices; identity when `removed` is empty. */
class Renumber {
  private readonly map: Uint32Array;

  constructor(
    readonly removed: readonly number[],
    space: number,
  ) {
    this.map = new Uint32Array(removed.length > 0 ? space : 0);
    let k = 0;
    for (let i = 0; i < this.map.length; i++) {
      while (k < removed.length && removed[k] < i) k++;
      this.map[i] = i - k;
    }
  }

  get any(): boolean {
    return this.removed.length > 0;
  }

  of(idx: number): number {
    if (this.removed.length === 0) return idx;
    return idx < this.map.length ? this.map[idx] : idx - countBelow(this.removed, idx);
  }
}

/** The references an instruction sequence makes: push_code_symbols. */
function codeSymbols(m: Module, d: FunctionBodyDecoder, out: Symbol[]): void {
  while (d.next()) {
    const op = d.opcode;
    if (op === 0x10) out.push(resolveFunction(m, d.index));
    else if (op === 0x11) out.push(SYM_TYPE + SYM_KINDS * d.index);
    else if (op === 0x23 || op === 0x24) out.push(resolveGlobal(m, d.index));
  }
  check(d.reader);
}

function resolveFunction(m: Module, idx: number): Symbol {
  return idx < m.importedFuncs
    ? SYM_IMPORT + SYM_KINDS * m.funcImportEntry[idx]
    : SYM_FUNCTION + SYM_KINDS * (idx - m.importedFuncs);
}

function resolveGlobal(m: Module, idx: number): Symbol {
  return idx < m.importedGlobals
    ? SYM_IMPORT + SYM_KINDS * m.globalImportEntry[idx]
    : SYM_GLOBAL + SYM_KINDS * (idx - m.importedGlobals);
}

/** Bytes of the minimal LEB128 encoding of the u32 `v`. */
function u32Size(v: number): number {
  return v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5;
}

/** Bytes of the minimal signed LEB128 encoding of the i32 `v`. */
function s32Size(v: number): number {
  return v >= -0x40 && v < 0x40
    ? 1
    : v >= -0x2000 && v < 0x2000
      ? 2
      : v >= -0x100000 && v < 0x100000
        ? 3
        : v >= -0x8000000 && v < 0x8000000
          ? 4
          : 5;
}

/** True when the signed LEB128 in `bytes[start, end)` has a redundant last byte. */
function redundantSigned(bytes: Uint8Array, start: number, end: number): boolean {
  if (end - start < 2) return false;
  const last = bytes[end - 1];
  const prev = bytes[end - 2] & 0x40;
  return last === 0 ? prev === 0 : last === 0x7f && prev !== 0;
}

/** True when the decoder's current instruction is encoded as casper-wasm would write it. */
function minimallyEncoded(d: FunctionBodyDecoder): boolean {
  const len = d.reader.pos - d.offset;
  switch (OPCODE_IMMEDIATES[d.opcode]) {
    case Imm.None:
      return true;
    case Imm.BlockType:
    case Imm.MemoryByte:
      return len === 2;
    case Imm.Label:
    case Imm.Func:
    case Imm.Local:
    case Imm.Global:
      return len === 1 + u32Size(d.index);
    case Imm.CallIndirect:
      return len === 2 + u32Size(d.index);
    case Imm.I32:
      return len === 1 + s32Size(d.i32Value);
    case Imm.I64:
      return !redundantSigned(d.reader.bytes, d.immStart, d.immEnd);
    case Imm.MemArg:
      return len === 1 + u32Size(d.align) + u32Size(d.memOffset);
    case Imm.BrTable: {
      let n = 1 + u32Size(d.brTableCount) + u32Size(d.index);
      for (let i = 0; i < d.brTableCount; i++) n += u32Size(d.brTableTargets[i]);
      return len === n;
    }
    default:
      return true; // F32/F64: raw bytes
  }
}

/**
 * What one pass over the reachable bodies learns: per defined function, the `call`,
 * `call_indirect` and `global.get/set` instructions it contains (opcode offset, end, opcode,
 * index; flat arrays, `[refFrom[f], refTo[f])`) and whether it is minimally encoded, so that
 * writing it out is copying with those instructions patched.
 */
class BodyScan {
  readonly at: number[] = [];
  readonly end: number[] = [];
  readonly op: number[] = [];
  readonly index: number[] = [];
  readonly refFrom: Int32Array;
  readonly refTo: Int32Array;
  /** 1 = minimally encoded, 0 = not, -1 = not scanned. */
  readonly minimal: Int8Array;

  constructor(bodies: number) {
    this.refFrom = new Int32Array(bodies);
    this.refTo = new Int32Array(bodies);
    this.minimal = new Int8Array(bodies).fill(-1);
  }

  /** Decodes body `f` (`[start, end)` after its size prefix) with `d`. */
  scan(f: number, body: Range, d: FunctionBodyDecoder): void {
    if (!d.beginBody(body.start, body.end)) check(d.reader);
    let header = u32Size(d.localCounts.length);
    for (let i = 0; i < d.localCounts.length; i++) header += u32Size(d.localCounts[i]) + 1;
    let minimal = d.reader.pos - body.start === header;
    this.refFrom[f] = this.at.length;
    const r = d.reader;
    while (d.next()) {
      const op = d.opcode;
      if (op === 0x10 || op === 0x11 || op === 0x23 || op === 0x24) {
        this.at.push(d.offset);
        this.end.push(r.pos);
        this.op.push(op);
        this.index.push(d.index);
      }
      if (minimal && !minimallyEncoded(d)) minimal = false;
    }
    check(r);
    this.refTo[f] = this.at.length;
    this.minimal[f] = minimal ? 1 : 0;
  }
}

/** The kept symbols: the roots of `optimize` closed over by `expand_symbols` (reachable bodies scanned into `scan`). */
function keptSymbols(m: Module, exports: Export[], used: ReadonlySet<string>, scan: BodyScan): Set<Symbol> {
  const stay = new Set<Symbol>();
  const fringe: Symbol[] = [];
  const add = (s: Symbol): void => {
    if (!stay.has(s)) {
      stay.add(s);
      fringe.push(s);
    }
  };
  exports.forEach((e, i) => {
    if (used.has(e.name)) add(SYM_EXPORT + SYM_KINDS * i);
  });
  if (m.start !== null) add(resolveFunction(m, m.start));
  const d = new FunctionBodyDecoder(m.bytes);
  const refs: Symbol[] = [];
  for (const seg of m.data ?? []) {
    d.beginExpr(seg.offset.start, seg.offset.end);
    codeSymbols(m, d, refs);
  }
  for (const seg of m.elements ?? []) {
    d.beginExpr(seg.offset.start, seg.offset.end);
    codeSymbols(m, d, refs);
    for (const f of seg.members) add(resolveFunction(m, f));
  }
  for (const s of refs) add(s);
  refs.length = 0;
  while (fringe.length > 0) {
    const s = fringe.pop()!;
    const kind = s % SYM_KINDS;
    const idx = (s - kind) / SYM_KINDS;
    if (kind === SYM_EXPORT) {
      const e = exports[idx];
      if (e.kind === 0) add(resolveFunction(m, e.index));
      else if (e.kind === 3) add(resolveGlobal(m, e.index));
    } else if (kind === SYM_IMPORT) {
      const imp = m.imports![idx];
      if (imp.kind === 0) add(SYM_TYPE + SYM_KINDS * imp.index);
    } else if (kind === SYM_FUNCTION) {
      if (m.bodies === null) panic('Code section to exist');
      const body = m.bodies[idx];
      if (body === undefined) panic(`function ${idx} out of bounds`);
      scan.scan(idx, body, d);
      for (let k = scan.refFrom[idx]; k < scan.refTo[idx]; k++) {
        const op = scan.op[k];
        const i = scan.index[k];
        add(op === 0x10 ? resolveFunction(m, i) : op === 0x11 ? SYM_TYPE + SYM_KINDS * i : resolveGlobal(m, i));
      }
      add(SYM_TYPE + SYM_KINDS * m.funcs![idx]);
    } else if (kind === SYM_GLOBAL) {
      if (m.globals === null) panic('Global section to exist');
      const g = m.globals[idx];
      if (g === undefined) panic(`global ${idx} out of bounds`);
      d.beginExpr(g.init.start, g.init.end);
      codeSymbols(m, d, refs);
      for (const r of refs) add(r);
      refs.length = 0;
    }
  }
  return stay;
}

/** An init expression re-encoded with global indices renumbered. */
function writeInitExpr(w: WasmWriter, d: FunctionBodyDecoder, expr: Range, globals: Renumber | null): void {
  d.beginExpr(expr.start, expr.end);
  while (d.next()) writeInstruction(w, d, unknownOpcode, { globals });
  check(d.reader);
}

function writeLimits(w: WasmWriter, l: Limits): void {
  w.byte(l.maximum >= 0 ? 1 : 0);
  w.u32(l.initial);
  if (l.maximum >= 0) w.u32(l.maximum);
}

function writeNameMap(w: WasmWriter, bytes: Uint8Array, map: Map<number, Range>, funcs: Renumber | null): void {
  const keys = [...map.keys()].sort((a, b) => a - b);
  w.u32(keys.length);
  for (const k of keys) {
    const v = map.get(k)!;
    w.u32(funcs === null ? k : funcs.of(k));
    w.sized(bytes, v.start, v.end);
  }
}

/** Drops the entries of removed functions (the map is keyed by function index). */
function withoutRemoved<T>(map: Map<number, T>, removed: readonly number[]): Map<number, T> {
  const out = new Map<number, T>();
  for (const [k, v] of map) {
    const at = countBelow(removed, k);
    if (at < removed.length && removed[at] === k) continue;
    out.set(k, v);
  }
  return out;
}

function writeNameSection(w: WasmWriter, bytes: Uint8Array, ns: NameSection, funcs: Renumber | null): void {
  const sub = new WasmWriter();
  const removed = funcs?.removed ?? [];
  if (ns.module !== null) {
    sub.len = 0;
    sub.sized(bytes, ns.module.start, ns.module.end);
    w.byte(0);
    w.sizedWriter(sub);
  }
  if (ns.functions !== null) {
    sub.len = 0;
    writeNameMap(sub, bytes, withoutRemoved(ns.functions, removed), funcs);
    w.byte(1);
    w.sizedWriter(sub);
  }
  if (ns.locals !== null) {
    sub.len = 0;
    const locals = withoutRemoved(ns.locals, removed);
    const keys = [...locals.keys()].sort((a, b) => a - b);
    sub.u32(keys.length);
    for (const k of keys) {
      sub.u32(funcs === null ? k : funcs.of(k));
      writeNameMap(sub, bytes, locals.get(k)!, null);
    }
    w.byte(2);
    w.sizedWriter(sub);
  }
}

/** A minimally encoded body copied with its `call` / `global.*` / `call_indirect` indices renumbered. */
function writePatchedBody(
  w: WasmWriter,
  body: WasmWriter,
  bytes: Uint8Array,
  b: Range,
  scan: BodyScan,
  f: number,
  funcs: Renumber,
  globals: Renumber,
  types: Renumber | null,
): void {
  body.len = 0;
  let pos = b.start;
  for (let k = scan.refFrom[f]; k < scan.refTo[f]; k++) {
    const at = scan.at[k];
    const op = scan.op[k];
    const idx = scan.index[k];
    body.copy(bytes, pos, at + 1);
    if (op === 0x10) body.u32(funcs.of(idx));
    else if (op === 0x11) {
      body.u32(types === null ? idx : types.of(idx));
      body.byte(0x00);
    } else body.u32(globals.of(idx));
    pos = scan.end[k];
  }
  body.copy(bytes, pos, b.end);
  w.sizedWriter(body);
}

const NAME = Uint8Array.of(0x04, 0x6e, 0x61, 0x6d, 0x65);

function optimizeParsed(m: Module, usedExports: readonly string[]): Uint8Array<ArrayBuffer> {
  const bytes = m.bytes;
  // parse_names: every "name" custom section that parses becomes a name section.
  for (const s of m.sections) {
    if (s.id === 0 && s.name === 'name') {
      const ns = parseNameSection(m, s.payload!);
      if (ns !== null) s.names = ns;
    }
  }
  const exports = m.exports;
  if (exports === null) throw new OptimizerError('NoExportSection', 'optimize: the module has no export section');
  const scan = new BodyScan(m.bodies?.length ?? 0);
  const stay = keptSymbols(m, exports, new Set(usedExports), scan);
  const kept = (kind: number, idx: number): boolean => stay.has(kind + SYM_KINDS * idx);

  // Removals, in the old index spaces.
  const removedTypes: number[] = [];
  const removedFuncs: number[] = [];
  const removedGlobals: number[] = [];
  const types = m.types ?? [];
  types.forEach((_, i) => {
    if (!kept(SYM_TYPE, i)) removedTypes.push(i);
  });
  const keptImports: Import[] = [];
  if (m.imports !== null) {
    if (m.imports.length === 0) panic('index out of bounds: the import section has no entries');
    let funcOrdinal = 0;
    let globalOrdinal = 0;
    m.imports.forEach((imp, i) => {
      if (imp.kind === 0) {
        if (kept(SYM_IMPORT, i)) keptImports.push(imp);
        else removedFuncs.push(funcOrdinal);
        funcOrdinal++;
      } else if (imp.kind === 3) {
        if (kept(SYM_IMPORT, i)) keptImports.push(imp);
        else removedGlobals.push(globalOrdinal);
        globalOrdinal++;
      } else {
        keptImports.push(imp);
      }
    });
  }
  const keptGlobals: Global[] = [];
  m.globals?.forEach((g, i) => {
    if (kept(SYM_GLOBAL, i)) keptGlobals.push(g);
    else removedGlobals.push(m.importedGlobals + i);
  });
  const keptFuncs: number[] = [];
  if (m.funcs !== null && m.bodies !== null) {
    m.funcs.forEach((_, i) => {
      if (kept(SYM_FUNCTION, i)) keptFuncs.push(i);
      else removedFuncs.push(m.importedFuncs + i);
    });
  } else if (m.funcs !== null) {
    m.funcs.forEach((_, i) => keptFuncs.push(i));
  }
  const keptExports = exports.filter((_, i) => kept(SYM_EXPORT, i));

  // Renumbering happens only when something was removed (upstream's guard).
  const rewire = removedTypes.length > 0 || removedFuncs.length > 0 || removedGlobals.length > 0;
  removedFuncs.sort((a, b) => a - b);
  removedGlobals.sort((a, b) => a - b);
  const funcSpace = m.importedFuncs + (m.funcs?.length ?? 0);
  const fn = rewire ? new Renumber(removedFuncs, funcSpace) : null;
  const gl = rewire ? new Renumber(removedGlobals, m.importedGlobals + (m.globals?.length ?? 0)) : null;
  const ty = rewire ? new Renumber(removedTypes, types.length) : null;
  // Code: rewritten only when a function or global went; call_indirect types only then too.
  const codeRewire = rewire && (fn!.any || gl!.any);
  const codeFn = codeRewire ? fn : null;
  const codeGl = codeRewire ? gl : null;
  const codeTy = codeRewire && ty!.any ? ty : null;

  const d = new FunctionBodyDecoder(bytes);
  const out = new WasmWriter(bytes.length + 64);
  out.copy(bytes, 0, 8);
  const w = new WasmWriter(1024);
  const body = new WasmWriter(1024);
  for (const s of m.sections) {
    w.len = 0;
    switch (s.id) {
      case 0:
        if (s.names === undefined) continue; // custom sections are dropped
        w.copy(NAME, 0, NAME.length);
        writeNameSection(w, bytes, s.names, fn);
        break;
      case 1:
        w.u32(types.length - removedTypes.length);
        types.forEach((t, i) => {
          if (!kept(SYM_TYPE, i)) return;
          w.byte(0x60);
          w.u32(t.params.length);
          for (const p of t.params) w.byte(p);
          w.u32(t.results.length);
          for (const p of t.results) w.byte(p);
        });
        break;
      case 2:
        w.u32(keptImports.length);
        for (const imp of keptImports) {
          w.sized(bytes, imp.module.start, imp.module.end);
          w.sized(bytes, imp.field.start, imp.field.end);
          w.byte(imp.kind);
          if (imp.kind === 0) w.u32(ty === null ? imp.index : ty.of(imp.index));
          else if (imp.kind === 1) {
            w.byte(0x70);
            writeLimits(w, imp.limits!);
          } else if (imp.kind === 2) writeLimits(w, imp.limits!);
          else {
            w.byte(imp.index);
            w.byte(imp.mutable);
          }
        }
        break;
      case 3:
        w.u32(keptFuncs.length);
        for (const i of keptFuncs) w.u32(ty === null ? m.funcs![i] : ty.of(m.funcs![i]));
        break;
      case 4:
      case 5: {
        const list = (s.id === 4 ? m.tables : m.memories)!;
        w.u32(list.length);
        for (const l of list) {
          if (s.id === 4) w.byte(0x70);
          writeLimits(w, l);
        }
        break;
      }
      case 6:
        w.u32(keptGlobals.length);
        for (const g of keptGlobals) {
          w.byte(g.type);
          w.byte(g.mutable);
          writeInitExpr(w, d, g.init, gl);
        }
        break;
      case 7:
        w.u32(keptExports.length);
        for (const e of keptExports) {
          w.sized(bytes, e.field.start, e.field.end);
          w.byte(e.kind);
          w.u32(e.kind === 0 && fn !== null ? fn.of(e.index) : e.kind === 3 && gl !== null ? gl.of(e.index) : e.index);
        }
        break;
      case 8:
        w.u32(fn === null ? m.start! : fn.of(m.start!));
        break;
      case 9:
      case 11: {
        const list = (s.id === 9 ? m.elements : m.data)!;
        w.u32(list.length);
        for (const seg of list) {
          w.u32(seg.index);
          writeInitExpr(w, d, seg.offset, gl);
          if (s.id === 9) {
            w.u32(seg.members.length);
            for (const f of seg.members) w.u32(fn === null ? f : fn.of(f));
          } else {
            w.sized(bytes, seg.data.start, seg.data.end);
          }
        }
        break;
      }
      case 10:
        w.u32(keptFuncs.length);
        for (const i of keptFuncs) {
          const b = m.bodies![i];
          if (scan.minimal[i] === 1) {
            if (codeRewire) writePatchedBody(w, body, bytes, b, scan, i, codeFn!, codeGl!, codeTy);
            else w.sized(bytes, b.start, b.end);
            continue;
          }
          if (!d.beginBody(b.start, b.end)) check(d.reader);
          body.len = 0;
          body.u32(d.localCounts.length);
          for (let k = 0; k < d.localCounts.length; k++) {
            body.u32(d.localCounts[k]);
            body.byte(d.localTypes[k]);
          }
          while (d.next()) writeInstruction(body, d, unknownOpcode, { funcs: codeFn, globals: codeGl, types: codeTy });
          check(d.reader);
          w.sizedWriter(body);
        }
        break;
      case 12:
        w.u32(m.dataCount!);
        break;
    }
    out.byte(s.id);
    out.sizedWriter(w);
  }
  return out.result();
}

/**
 * casper-wasm-utils v3.0.0 `optimize(module, used_exports)` followed by casper-wasm's serializer:
 * keeps the exports named in `usedExports` and everything they (and the start function and the
 * table and data segments) reach, renumbers, drops custom sections (a parsed name section stays)
 * and re-encodes minimally. Throws `OptimizerError` ('NoExportSection' when the module has no
 * export section; 'Panic' / 'Malformed' as described in the file comment).
 */
export function optimizeModule(bytes: Uint8Array, usedExports: readonly string[]): Uint8Array<ArrayBuffer> {
  return optimizeParsed(parseModule(bytes), usedExports);
}

/**
 * The node's `wasm_prep::get_module_from_entry_points(entry_point_names, module)`: the module to
 * store as `ContractWasm` for a new contract version. No export section → FunctionNotFound
 * ("Missing Export Section"); otherwise the first name (in the given order — the node passes the
 * entry points' BTreeMap keys, i.e. sorted) without an export of that name → FunctionNotFound
 * (name); else the optimized module. `bytes` is the module as the node's preprocessing left it.
 */
export function moduleFromEntryPoints(
  bytes: Uint8Array,
  entryPointNames: readonly string[],
): Uint8Array<ArrayBuffer> | FunctionNotFound {
  const m = parseModule(bytes);
  if (m.exports === null) return { error: 'FunctionNotFound', name: 'Missing Export Section' };
  const names = new Set(m.exports.map((e) => e.name));
  const missing = entryPointNames.find((n) => !names.has(n));
  if (missing !== undefined) return { error: 'FunctionNotFound', name: missing };
  return optimizeParsed(m, entryPointNames);
}
