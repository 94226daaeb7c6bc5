/**
 * Validates a Wasm module the way a Casper 1.5.6 node treats session/contract code before running
 * it: casper-wasm 0.46 parsing (MVP only), the preprocessing rules of
 * `execution_engine/src/shared/wasm_prep.rs` in their order, the gas-rule rejection of
 * `casper-wasm-utils` 3.0 `inject_gas_counter`, the module-level checks of casper-wasmi 0.13.2's
 * validator, and instantiation against the host resolver (`resolvers/v1_resolver.rs`), then the
 * entry-point export. The first failing rule determines the error and its message is the node's.
 *
 * Not covered (a later issue): the stack-height limiter (`StackLimiter`) and wasmi's per-function
 * operand-stack type checking.
 */

import {
  GAS_FUNCTION_NAME,
  HOST_FUNCTIONS_BY_NAME,
  type HostFunctionSignature,
  PRINT_FUNCTION,
} from './host-functions';
import { FunctionBodyDecoder, OPCODE_CLASSES, OpClass, readValueType } from './opcodes';
import {
  MSG_INVALID_DATA,
  MSG_UNEXPECTED_EOF,
  readPreamble,
  readSectionHeader,
  type SectionHeader,
  WasmReader,
} from './reader';

/** Node limits (wasm_prep.rs defaults, chainspec `[wasm]` max_memory). */
export const LIMITS = {
  maxTableSize: 4096,
  maxBrTableTargets: 256,
  maxGlobals: 256,
  maxParameters: 256,
  maxMemoryPages: 64,
  /** casper-wasmi's absolute page limit. */
  wasmiMaxPages: 65536,
} as const;

/** Rule that rejected the module. Names up to `OperationForbiddenByGasRules` are the node's error variants. */
export type WasmValidationErrorKind =
  | 'Deserialize'
  | 'MissingFunctionType'
  | 'MissingFunctionIndex'
  | 'IncorrectGlobalOperation'
  | 'MissingMemorySection'
  | 'MoreThanOneTable'
  | 'InitialTableSizeExceeded'
  | 'MaxTableSizeExceeded'
  | 'BrTableSizeExceeded'
  | 'TooManyGlobals'
  | 'TooManyParameters'
  | 'MissingHostFunction'
  | 'OperationForbiddenByGasRules'
  /** wasmi module validation failed (export/segment/init-expression/table checks). */
  | 'InvalidModule'
  /** Memory limits: wasmi validation of the (externalized) memory, or the resolver's 64-page cap. */
  | 'MemoryLimits'
  /** Import from a module other than `env`. */
  | 'UnknownImportModule'
  /** `env` function the host does not provide. */
  | 'UnknownHostFunction'
  /** Host function imported with a different type. */
  | 'ImportSignatureMismatch'
  /** Imported table or global (the host provides none). */
  | 'UnsupportedImport'
  /** Element or data segment outside the table/memory at instantiation. */
  | 'SegmentOutOfBounds'
  | 'UnsupportedWasmStart'
  /** Required export (`call` or a contract entry point) missing. */
  | 'MissingEntryPoint'
  /** Required export is not a function. */
  | 'EntryPointNotFunction'
  /** Required export takes parameters. */
  | 'EntryPointSignature';

/** How the node classifies the failure (which error variant carries `message`). */
export type NodeErrorKind = 'WasmPreprocessing' | 'Interpreter' | 'UnsupportedWasmStart' | 'FunctionNotFound';

/** Why a module is rejected. */
export interface WasmValidationError {
  /** Rule that failed. */
  readonly kind: WasmValidationErrorKind;
  /** Node error variant. */
  readonly nodeError: NodeErrorKind;
  /** The node's error text (e.g. "Wasm preprocessing error: Deserialization error: Unknown opcode 192"). */
  readonly message: string;
  /** Index in the module's function index space (imports first) of the function concerned, if any. */
  readonly functionIndex: number | null;
  /** Byte offset in the module of the offending instruction, entry or section, if known. */
  readonly offset: number | null;
}

/** Facts about a module that passed validation. */
export interface ModuleSummary {
  /** Imported `env` function names, in import order. */
  readonly imports: readonly string[];
  /** Export names, in export order. */
  readonly exports: readonly string[];
  /** The module's (last declared) memory; `maximum` null when undeclared (the node then uses 64). */
  readonly memory: { readonly initial: number; readonly maximum: number | null };
  /** Functions defined by the module (code bodies). */
  readonly functionCount: number;
  /** Imported functions (they precede defined ones in the function index space). */
  readonly importedFunctionCount: number;
  /** Globals defined by the module. */
  readonly globalCount: number;
  /** The module's table, if any. */
  readonly table: { readonly initial: number; readonly maximum: number | null } | null;
}

/** Outcome of `validateModule`. */
export type ValidationResult =
  | ({ readonly ok: true } & ModuleSummary)
  | { readonly ok: false; readonly error: WasmValidationError };

/** Options of `validateModule`. */
export interface ValidateOptions {
  /** Accept `env.casper_print` (test-support nodes only). */
  readonly allowPrint?: boolean;
  /**
   * Exports that must be parameterless functions. Default `['call']` (session/payment code; a
   * missing export is reported as the runtime does). When given, a missing name is reported as
   * at contract installation ("Function not found: X").
   */
  readonly entryPoints?: readonly string[];
}

const PREPROCESSING = 'Wasm preprocessing error: ';
const GAS_RULES_TEXT = 'Encountered operation forbidden by gas rules. Consult instruction -> metering config map';
const KIND_FUNC = 0;
const KIND_TABLE = 1;
const KIND_MEMORY = 2;
const KIND_GLOBAL = 3;
const OP_CALL = 0x10;
const OP_BR = 0x0c;
const OP_BR_IF = 0x0d;
const OP_BR_TABLE = 0x0e;
const OP_GLOBAL_GET = 0x23;
const OP_GLOBAL_SET = 0x24;
const OP_I32_CONST = 0x41;
const OP_I64_CONST = 0x42;
const OP_F32_CONST = 0x43;
const OP_F64_CONST = 0x44;
const PAGE = 65536;

/** What the code scan looks at per opcode (most opcodes: nothing). */
const CHECK_NONE = 0;
const CHECK_FLOAT = 1;
const CHECK_CALL = 2;
const CHECK_GLOBAL = 3;
const CHECK_BR = 4;
const CHECK_BR_TABLE = 5;
const CODE_CHECKS = (() => {
  const t = new Uint8Array(256);
  for (let op = 0; op < 256; op++) if (OPCODE_CLASSES[op] === OpClass.Float) t[op] = CHECK_FLOAT;
  t[OP_CALL] = CHECK_CALL;
  t[OP_GLOBAL_GET] = CHECK_GLOBAL;
  t[OP_GLOBAL_SET] = CHECK_GLOBAL;
  t[OP_BR] = CHECK_BR;
  t[OP_BR_IF] = CHECK_BR;
  t[OP_BR_TABLE] = CHECK_BR_TABLE;
  return t;
})();

interface Limits {
  initial: number;
  maximum: number | null;
}

/** Summary of a constant expression as wasmi sees it. */
interface ConstExpr {
  /** Instructions including the terminating `end`. */
  length: number;
  /** First opcode. */
  op: number;
  /** i32.const value or global.get index. */
  value: number;
}

interface ImportEntry {
  module: string;
  field: string;
  kind: number;
  /** Function: type index; global: value type byte. */
  index: number;
  limits: Limits | null;
  mutable: boolean;
  offset: number;
}

interface GlobalEntry {
  type: number;
  mutable: boolean;
  init: ConstExpr;
  offset: number;
}

interface ExportEntry {
  name: string;
  kind: number;
  index: number;
  offset: number;
}

interface SegmentEntry {
  /** Table or memory index. */
  target: number;
  at: ConstExpr;
  /** Element members or data bytes. */
  length: number;
  offset: number;
}

/** A rule violation found during the single parsing pass, evaluated after parsing succeeds. */
interface Hit {
  kind: WasmValidationErrorKind;
  message: string;
  functionIndex: number | null;
  offset: number | null;
}

class ModuleParse {
  readonly bytes: Uint8Array;
  readonly r: WasmReader;
  readonly decoder: FunctionBodyDecoder;
  /** Function index of the body being decoded (for Deserialize errors), or null. */
  parsingFunction: number | null = null;

  typeParamStart: number[] = [];
  typeParamCount: number[] = [];
  typeResult: number[] = [];
  typeOffset: number[] = [];
  imports: ImportEntry[] = [];
  importedFuncs = 0;
  importedTables = 0;
  importedMemories = 0;
  importedGlobals = 0;
  funcTypes: number[] = [];
  funcOffsets: number[] = [];
  tables: (Limits & { offset: number })[] = [];
  memories: (Limits & { offset: number })[] = [];
  memorySectionSeen = false;
  globals: GlobalEntry[] = [];
  globalSectionOffset = 0;
  exports: ExportEntry[] = [];
  start: { index: number; offset: number } | null = null;
  elements: SegmentEntry[] = [];
  data: SegmentEntry[] = [];
  bodyCount = 0;

  /** ensure_valid_access sub-steps, in the node's order. */
  importTypeHit: Hit | null = null;
  funcTypeHit: Hit | null = null;
  startHit: Hit | null = null;
  exportFuncHit: Hit | null = null;
  codeAccessHit: Hit | null = null;
  elementMemberHit: Hit | null = null;
  brTableHit: Hit | null = null;
  gasHit: Hit | null = null;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.r = new WasmReader(bytes);
    this.decoder = new FunctionBodyDecoder(bytes);
  }

  get totalFuncs(): number {
    return this.importedFuncs + this.funcTypes.length;
  }

  /** Parses the whole module; returns false with `r.error` set on a Deserialize failure. */
  parse(): boolean {
    const r = this.r;
    if (!readPreamble(r)) return false;
    const moduleEnd = r.end;
    const h: SectionHeader = { id: 0, offset: 0, start: 0, end: 0 };
    let lastOrder = 0;
    while (readSectionHeader(r, h)) {
      r.end = h.end;
      this.parseSection(h);
      if (r.error !== null) return false;
      if (h.id !== 0 && r.pos !== h.end) {
        r.fail(MSG_INVALID_DATA, r.pos);
        return false;
      }
      r.pos = h.end;
      r.end = moduleEnd;
      const order = h.id === 12 ? 10 : h.id === 10 ? 11 : h.id === 11 ? 12 : h.id;
      if (order !== 0) {
        if (lastOrder > order) {
          r.fail('Sections out of order', h.offset);
          return false;
        }
        if (lastOrder === order) {
          r.fail(`Duplicated sections (${lastOrder})`, h.offset);
          return false;
        }
        lastOrder = order;
      }
    }
    if (r.error !== null) return false;
    if (this.bodyCount !== this.funcTypes.length) {
      r.fail('Number of function body entries and signatures does not match', moduleEnd);
      return false;
    }
    return true;
  }

  private parseSection(h: SectionHeader): void {
    const r = this.r;
    switch (h.id) {
      case 0:
        r.readName();
        r.pos = r.error === null ? h.end : r.pos;
        return;
      case 1:
        this.parseTypes();
        return;
      case 2:
        this.parseImports();
        return;
      case 3: {
        const n = r.readVarU32();
        const typeCount = this.typeResult.length;
        for (let i = 0; i < n && r.error === null; i++) {
          const at = r.pos;
          const t = r.readVarU32();
          if (r.error !== null) return;
          if (t >= typeCount && this.funcTypeHit === null) {
            this.funcTypeHit = validationHit(
              'MissingFunctionType',
              `missing type index ${t}`,
              this.importedFuncs + i,
              at,
            );
          }
          this.funcTypes.push(t);
          this.funcOffsets.push(at);
        }
        return;
      }
      case 4: {
        const n = r.readVarU32();
        for (let i = 0; i < n && r.error === null; i++) {
          const at = r.pos;
          const limits = this.readTableType();
          if (limits !== null) this.tables.push({ ...limits, offset: at });
        }
        return;
      }
      case 5: {
        this.memorySectionSeen = true;
        const n = r.readVarU32();
        for (let i = 0; i < n && r.error === null; i++) {
          const at = r.pos;
          const limits = this.readLimits();
          if (limits !== null) this.memories.push({ ...limits, offset: at });
        }
        return;
      }
      case 6: {
        this.globalSectionOffset = h.offset;
        const n = r.readVarU32();
        for (let i = 0; i < n && r.error === null; i++) {
          const at = r.pos;
          const type = readValueType(r);
          const mutable = this.readVarUint1();
          if (r.error !== null) return;
          const init = this.readConstExpr();
          if (r.error !== null) return;
          this.globals.push({ type, mutable, init, offset: at });
        }
        return;
      }
      case 7:
        this.parseExports();
        return;
      case 8: {
        const at = r.pos;
        const index = r.readVarU32();
        if (r.error !== null) return;
        this.start = { index, offset: at };
        if (index >= this.totalFuncs)
          this.startHit = validationHit('MissingFunctionIndex', `missing function index ${index}`, null, at);
        return;
      }
      case 9:
        this.parseElements();
        return;
      case 10:
        this.parseCode();
        return;
      case 11: {
        const n = r.readVarU32();
        for (let i = 0; i < n && r.error === null; i++) {
          const at = r.pos;
          const target = r.readVarU32();
          if (r.error !== null) return;
          const expr = this.readConstExpr();
          const len = r.readVarU32();
          r.skip(len);
          if (r.error !== null) return;
          this.data.push({ target, at: expr, length: len, offset: at });
        }
        return;
      }
      default:
        // 12: data count (accepted by the parser, unused by the MVP pipeline).
        r.readVarU32();
        return;
    }
  }

  private parseTypes(): void {
    const r = this.r;
    const n = r.readVarU32();
    for (let i = 0; i < n && r.error === null; i++) {
      const at = r.pos;
      const form = r.readByte();
      if (r.error !== null) return;
      if (form !== 0x60) {
        r.fail(`Unknown function form (${form})`, at);
        return;
      }
      const paramCount = r.readVarU32();
      const paramStart = r.pos;
      for (let p = 0; p < paramCount && r.error === null; p++) readValueType(r);
      const resultCount = r.readVarU32();
      let result = 0;
      for (let p = 0; p < resultCount && r.error === null; p++) result = readValueType(r);
      if (r.error !== null) return;
      if (resultCount > 1) {
        r.fail('Enable the multi_value feature to deserialize more than one function result', at);
        return;
      }
      this.typeParamStart.push(paramStart);
      this.typeParamCount.push(paramCount);
      this.typeResult.push(resultCount === 0 ? 0 : result);
      this.typeOffset.push(at);
    }
  }

  private parseImports(): void {
    const r = this.r;
    const n = r.readVarU32();
    const typeCount = this.typeResult.length;
    for (let i = 0; i < n && r.error === null; i++) {
      const at = r.pos;
      const module = r.readName();
      const field = r.readName();
      const kindAt = r.pos;
      const kind = r.readByte();
      if (r.error !== null || module === null || field === null) return;
      const entry: ImportEntry = { module, field, kind, index: 0, limits: null, mutable: false, offset: at };
      switch (kind) {
        case KIND_FUNC:
          entry.index = r.readVarU32();
          if (r.error !== null) return;
          if (entry.index >= typeCount && this.importTypeHit === null) {
            this.importTypeHit = validationHit(
              'MissingFunctionType',
              `missing type index ${entry.index}`,
              this.importedFuncs,
              at,
            );
          }
          this.importedFuncs++;
          break;
        case KIND_TABLE:
          entry.limits = this.readTableType();
          this.importedTables++;
          break;
        case KIND_MEMORY:
          entry.limits = this.readLimits();
          this.importedMemories++;
          break;
        case KIND_GLOBAL:
          entry.index = readValueType(r);
          entry.mutable = this.readVarUint1();
          this.importedGlobals++;
          break;
        default:
          r.fail(`Unknown external kind ${kind}`, kindAt);
          return;
      }
      this.imports.push(entry);
    }
  }

  private parseExports(): void {
    const r = this.r;
    const n = r.readVarU32();
    for (let i = 0; i < n && r.error === null; i++) {
      const at = r.pos;
      const name = r.readName();
      const kindAt = r.pos;
      const kind = r.readByte();
      if (r.error !== null || name === null) return;
      if (kind > KIND_GLOBAL) {
        r.fail(`Unknown internal kind ${kind}`, kindAt);
        return;
      }
      const index = r.readVarU32();
      if (r.error !== null) return;
      if (kind === KIND_FUNC && index >= this.totalFuncs && this.exportFuncHit === null) {
        this.exportFuncHit = validationHit('MissingFunctionIndex', `missing function index ${index}`, null, at);
      }
      this.exports.push({ name, kind, index, offset: at });
    }
  }

  private parseElements(): void {
    const r = this.r;
    const n = r.readVarU32();
    const funcs = this.totalFuncs;
    for (let i = 0; i < n && r.error === null; i++) {
      const at = r.pos;
      const target = r.readVarU32();
      if (r.error !== null) return;
      const expr = this.readConstExpr();
      const count = r.readVarU32();
      for (let m = 0; m < count && r.error === null; m++) {
        const memberAt = r.pos;
        const f = r.readVarU32();
        if (r.error === null && f >= funcs && this.elementMemberHit === null) {
          this.elementMemberHit = validationHit('MissingFunctionIndex', `missing function index ${f}`, null, memberAt);
        }
      }
      if (r.error !== null) return;
      this.elements.push({ target, at: expr, length: count, offset: at });
    }
  }

  private parseCode(): void {
    const r = this.r;
    const d = this.decoder;
    const n = r.readVarU32();
    const funcs = this.totalFuncs;
    const definedGlobals = this.globals.length;
    const checks = CODE_CHECKS;
    for (let i = 0; i < n && r.error === null; i++) {
      const size = r.readVarU32();
      if (r.error !== null) return;
      if (size > r.end - r.pos) {
        r.fail(MSG_UNEXPECTED_EOF, r.end);
        return;
      }
      const start = r.pos;
      const end = start + size;
      const fn = this.importedFuncs + i;
      this.parsingFunction = fn;
      if (d.beginBody(start, end)) {
        while (d.next()) {
          const check = checks[d.opcode];
          if (check === CHECK_NONE) continue;
          if (check === CHECK_FLOAT) {
            if (this.gasHit === null) this.gasHit = gasHit(fn, d.offset);
          } else if (check === CHECK_CALL) {
            if (d.index >= funcs && this.codeAccessHit === null) {
              this.codeAccessHit = validationHit(
                'MissingFunctionIndex',
                `missing function index ${d.index}`,
                fn,
                d.offset,
              );
            }
          } else if (check === CHECK_GLOBAL) {
            if (d.index >= definedGlobals && this.codeAccessHit === null) {
              this.codeAccessHit = validationHit(
                'IncorrectGlobalOperation',
                `opcode for a global access refers to non-existing global index ${d.index}`,
                fn,
                d.offset,
              );
            }
          } else if (check === CHECK_BR) {
            if (d.index > d.depth && this.gasHit === null) this.gasHit = gasHit(fn, d.offset);
          } else {
            const count = d.brTableCount;
            if (count > LIMITS.maxBrTableTargets && this.brTableHit === null) {
              this.brTableHit = validationHit(
                'BrTableSizeExceeded',
                `maximum br_table size of ${count} exceeds allowed limit of ${LIMITS.maxBrTableTargets}`,
                fn,
                d.offset,
              );
            }
            if (this.gasHit === null) {
              let bad = d.index > d.depth;
              const targets = d.brTableTargets;
              for (let t = 0; t < count && !bad; t++) bad = targets[t] > d.depth;
              if (bad) this.gasHit = gasHit(fn, d.offset);
            }
          }
        }
      }
      if (d.reader.error !== null) {
        r.fail(d.reader.error.message, d.reader.error.offset);
        return;
      }
      this.parsingFunction = null;
      r.pos = end;
      this.bodyCount++;
    }
  }

  /** Reads an init expression as the parser does (instructions up to the first `end`). */
  private readConstExpr(): ConstExpr {
    const r = this.r;
    const d = this.decoder;
    const expr: ConstExpr = { length: 0, op: -1, value: 0 };
    d.beginExpr(r.pos, r.end);
    while (d.next()) {
      if (expr.length === 0) {
        expr.op = d.opcode;
        expr.value = d.opcode === OP_I32_CONST ? d.i32Value : d.index;
      }
      expr.length++;
    }
    if (d.reader.error !== null) r.fail(d.reader.error.message, d.reader.error.offset);
    else r.pos = d.reader.pos;
    return expr;
  }

  private readLimits(): Limits | null {
    const r = this.r;
    const at = r.pos;
    const flags = r.readByte();
    if (r.error !== null) return null;
    if (flags > 1) {
      r.fail(`Invalid limits flags (${flags})`, at);
      return null;
    }
    const initial = r.readVarU32();
    const maximum = flags === 1 ? r.readVarU32() : null;
    return r.error === null ? { initial, maximum } : null;
  }

  private readTableType(): Limits | null {
    const r = this.r;
    const at = r.pos;
    const elem = r.readVarI7();
    if (elem === null) return null;
    if (elem !== -0x10) {
      r.fail(`Unknown table element type ${elem}`, at);
      return null;
    }
    return this.readLimits();
  }

  private readVarUint1(): boolean {
    const r = this.r;
    const at = r.pos;
    const b = r.readByte();
    if (r.error === null && b > 1) r.fail(`Not an unsigned 1-bit integer: ${b}`, at);
    return b === 1;
  }
}

function validationHit(
  kind: WasmValidationErrorKind,
  text: string,
  functionIndex: number | null,
  offset: number | null,
): Hit {
  return { kind, message: `${PREPROCESSING}Wasm validation error: ${text}`, functionIndex, offset };
}

function gasHit(functionIndex: number, offset: number): Hit {
  return { kind: 'OperationForbiddenByGasRules', message: PREPROCESSING + GAS_RULES_TEXT, functionIndex, offset };
}

function fail(hit: Hit, nodeError: NodeErrorKind): ValidationResult {
  return { ok: false, error: { ...hit, nodeError } };
}

function interpreter(
  kind: WasmValidationErrorKind,
  text: string,
  offset: number | null,
  functionIndex: number | null = null,
): ValidationResult {
  return fail({ kind, message: `Interpreter error: ${text}`, functionIndex, offset }, 'Interpreter');
}

/** Debug name of a value type byte as both casper-wasm and casper-wasmi print it. */
function debugType(t: number): string {
  return t === 0x7f ? 'I32' : t === 0x7e ? 'I64' : t === 0x7d ? 'F32' : 'F64';
}

/** Type of a constant expression per wasmi's `expr_const_type`, or the error text. */
function constExprType(
  e: ConstExpr,
  globals: readonly { type: number; mutable: boolean }[],
): { type: number } | { error: string } {
  if (e.length !== 2) return { error: 'Init expression should always be with length 2' };
  switch (e.op) {
    case OP_I32_CONST:
      return { type: 0x7f };
    case OP_I64_CONST:
      return { type: 0x7e };
    case OP_F32_CONST:
      return { type: 0x7d };
    case OP_F64_CONST:
      return { type: 0x7c };
    case OP_GLOBAL_GET: {
      const g = globals[e.value];
      if (g === undefined) return { error: `Global ${e.value} doesn't exists or not yet defined` };
      if (g.mutable) return { error: `Global ${e.value} is mutable` };
      return { type: g.type };
    }
    default:
      return { error: 'Non constant opcode in init expr' };
  }
}

/** wasmi's memory-type validation text, or null when the limits are acceptable. */
function memoryLimitsError(initial: number, maximum: number | null): string | null {
  if (initial > LIMITS.wasmiMaxPages) return `initial memory size must be at most ${LIMITS.wasmiMaxPages} pages`;
  if (maximum !== null) {
    if (initial > maximum) return `maximum limit ${maximum} is less than minimum ${initial}`;
    if (maximum > LIMITS.wasmiMaxPages) return `maximum memory size must be at most ${LIMITS.wasmiMaxPages} pages`;
  }
  return null;
}

function compareUtf8(a: string, b: string): number {
  const ea = new TextEncoder().encode(a);
  const eb = new TextEncoder().encode(b);
  const n = Math.min(ea.length, eb.length);
  for (let i = 0; i < n; i++) if (ea[i] !== eb[i]) return ea[i] - eb[i];
  return ea.length - eb.length;
}

function signatureDebug(params: readonly number[], result: number): string {
  const ret = result === 0 ? 'None' : `Some(${debugType(result)})`;
  return `Signature { params: [${params.map(debugType).join(', ')}], return_type: ${ret} }`;
}

/**
 * Checks `bytes` against the Casper 1.5.6 node's rules for session/contract Wasm (see the file
 * comment). Never throws for invalid input; the first failing rule, in the node's order, is
 * returned as `{ ok: false, error }`.
 */
export function validateModule(bytes: Uint8Array, options: ValidateOptions = {}): ValidationResult {
  const m = new ModuleParse(bytes);

  // 1. Parse (casper-wasm, MVP).
  if (!m.parse()) {
    const e = m.r.error ?? { message: MSG_UNEXPECTED_EOF, offset: bytes.length };
    return fail(
      {
        kind: 'Deserialize',
        message: `${PREPROCESSING}Deserialization error: ${e.message}`,
        functionIndex: m.parsingFunction,
        offset: e.offset,
      },
      'WasmPreprocessing',
    );
  }

  // 2. ensure_valid_access.
  for (const hit of [
    m.importTypeHit,
    m.funcTypeHit,
    m.startHit,
    m.exportFuncHit,
    m.codeAccessHit,
    m.elementMemberHit,
  ]) {
    if (hit !== null) return fail(hit, 'WasmPreprocessing');
  }

  // 3. Memory section present and non-empty.
  if (m.memories.length === 0) {
    return fail(
      {
        kind: 'MissingMemorySection',
        message: `${PREPROCESSING}Memory section should exist`,
        functionIndex: null,
        offset: null,
      },
      'WasmPreprocessing',
    );
  }

  // 4. Table limits.
  if (m.tables.length > 1) {
    return fail(
      validationHit('MoreThanOneTable', 'the number of tables must be at most one', null, m.tables[1].offset),
      'WasmPreprocessing',
    );
  }
  if (m.tables.length === 1) {
    const t = m.tables[0];
    if (t.initial > LIMITS.maxTableSize) {
      return fail(
        validationHit(
          'InitialTableSizeExceeded',
          `initial table size of ${t.initial} exceeds allowed limit of ${LIMITS.maxTableSize}`,
          null,
          t.offset,
        ),
        'WasmPreprocessing',
      );
    }
    if (t.maximum !== null && t.maximum > LIMITS.maxTableSize) {
      return fail(
        validationHit(
          'MaxTableSizeExceeded',
          `maximum table size of ${t.maximum} exceeds allowed limit of ${LIMITS.maxTableSize}`,
          null,
          t.offset,
        ),
        'WasmPreprocessing',
      );
    }
  }

  // 5. br_table targets.
  if (m.brTableHit !== null) return fail(m.brTableHit, 'WasmPreprocessing');

  // 6. Defined globals.
  if (m.globals.length > LIMITS.maxGlobals) {
    return fail(
      validationHit(
        'TooManyGlobals',
        `declared number of globals (${m.globals.length}) exceeds allowed limit of ${LIMITS.maxGlobals}`,
        null,
        m.globalSectionOffset,
      ),
      'WasmPreprocessing',
    );
  }

  // 7. Parameters per function type.
  for (let i = 0; i < m.typeParamCount.length; i++) {
    const actual = m.typeParamCount[i];
    if (actual > LIMITS.maxParameters) {
      return fail(
        validationHit(
          'TooManyParameters',
          `use of a function type with too many parameters (limit of ${LIMITS.maxParameters} but function declares ${actual})`,
          null,
          m.typeOffset[i],
        ),
        'WasmPreprocessing',
      );
    }
  }

  // 8. env.gas import (any kind).
  for (const imp of m.imports) {
    if (imp.module === 'env' && imp.field === GAS_FUNCTION_NAME) {
      return fail(
        validationHit('MissingHostFunction', 'module imports a non-existent function', null, imp.offset),
        'WasmPreprocessing',
      );
    }
  }

  // 9. (externalize_mem) and 10. gas injection: every instruction must be costed and branch
  // labels must resolve.
  if (m.gasHit !== null) return fail(m.gasHit, 'WasmPreprocessing');

  // 11. Stack-height limiter: not checked here.

  return checkInstantiation(m, options);
}

/** casper-wasmi module validation, instantiation against the host resolver, start and entry points. */
function checkInstantiation(m: ModuleParse, options: ValidateOptions): ValidationResult {
  const externalized = m.memories[m.memories.length - 1];
  const memMax = externalized.maximum ?? LIMITS.maxMemoryPages;
  const importedGlobalTypes: { type: number; mutable: boolean }[] = [];
  for (const imp of m.imports)
    if (imp.kind === KIND_GLOBAL) importedGlobalTypes.push({ type: imp.index, mutable: imp.mutable });

  // wasmi validate_module: tables, remaining defined memories, globals.
  for (const t of m.tables) {
    const max = t.maximum ?? LIMITS.maxTableSize;
    if (max < t.initial)
      return interpreter('InvalidModule', `maximum limit ${max} is less than minimum ${t.initial}`, t.offset);
  }
  for (let i = 0; i < m.memories.length - 1; i++) {
    const mem = m.memories[i];
    const err = memoryLimitsError(mem.initial, mem.maximum);
    if (err !== null) return interpreter('MemoryLimits', err, mem.offset);
  }
  for (const g of m.globals) {
    const t = constExprType(g.init, importedGlobalTypes);
    if ('error' in t) return interpreter('InvalidModule', t.error, g.offset);
    if (t.type !== g.type) {
      return interpreter(
        'InvalidModule',
        `Trying to initialize variable of type ${debugType(g.type)} with value of type ${debugType(t.type)}`,
        g.offset,
      );
    }
  }
  const typeParams = (t: number): number[] => {
    const out: number[] = [];
    const start = m.typeParamStart[t];
    for (let i = 0; i < m.typeParamCount[t]; i++) out.push(m.bytes[start + i]);
    return out;
  };
  const funcType = (f: number): number =>
    f < m.importedFuncs ? funcImportType(m, f) : m.funcTypes[f - m.importedFuncs];
  if (m.start !== null) {
    const t = funcType(m.start.index);
    if (m.typeParamCount[t] !== 0 || m.typeResult[t] !== 0) {
      return interpreter(
        'InvalidModule',
        'start function expected to have type [] -> []',
        m.start.offset,
        m.start.index,
      );
    }
  }
  const seen = new Set<string>();
  let duplicate: string | null = null;
  for (const e of m.exports) {
    if (seen.has(e.name)) {
      if (duplicate === null || compareUtf8(e.name, duplicate) < 0) duplicate = e.name;
    } else {
      seen.add(e.name);
    }
  }
  if (duplicate !== null) {
    const dup = duplicate;
    const at = m.exports.filter((e) => e.name === dup)[1].offset;
    return interpreter('InvalidModule', `duplicate export ${dup}`, at);
  }
  // Global index space as wasmi sees it after instrumentation: the stack-height limiter appends
  // one mutable i32 global.
  const allGlobals = [...importedGlobalTypes, ...m.globals, { type: 0x7f, mutable: true }];
  const tableCount = m.importedTables + m.tables.length;
  const memoryCount = m.importedMemories + m.memories.length;
  for (const e of m.exports) {
    if (e.kind === KIND_GLOBAL && e.index >= allGlobals.length) {
      return interpreter('InvalidModule', `Global at index ${e.index} doesn't exists`, e.offset);
    }
    if (e.kind === KIND_MEMORY && e.index >= memoryCount) {
      return interpreter('InvalidModule', `Memory at index ${e.index} doesn't exists`, e.offset);
    }
    if (e.kind === KIND_TABLE && e.index >= tableCount) {
      return interpreter('InvalidModule', `Table at index ${e.index} doesn't exists`, e.offset);
    }
  }
  for (const imp of m.imports) {
    if (imp.limits === null) continue;
    if (imp.kind === KIND_MEMORY) {
      const err = memoryLimitsError(imp.limits.initial, imp.limits.maximum);
      if (err !== null) return interpreter('MemoryLimits', err, imp.offset);
    } else if (imp.limits.maximum !== null && imp.limits.maximum < imp.limits.initial) {
      return interpreter(
        'InvalidModule',
        `maximum limit ${imp.limits.maximum} is less than minimum ${imp.limits.initial}`,
        imp.offset,
      );
    }
  }
  const extErr = memoryLimitsError(externalized.initial, memMax);
  if (extErr !== null) return interpreter('MemoryLimits', extErr, externalized.offset);
  if (tableCount > 1) return interpreter('InvalidModule', `too many tables in index space: ${tableCount}`, null);
  if (memoryCount > 1)
    return interpreter('InvalidModule', `too many memory regions in index space: ${memoryCount}`, null);
  for (const seg of m.data) {
    if (seg.target >= memoryCount)
      return interpreter('InvalidModule', `Memory at index ${seg.target} doesn't exists`, seg.offset);
    const t = constExprType(seg.at, allGlobals);
    if ('error' in t) return interpreter('InvalidModule', t.error, seg.offset);
    if (t.type !== 0x7f) return interpreter('InvalidModule', 'segment offset should return I32', seg.offset);
  }
  for (const seg of m.elements) {
    if (seg.target >= tableCount)
      return interpreter('InvalidModule', `Table at index ${seg.target} doesn't exists`, seg.offset);
    const t = constExprType(seg.at, allGlobals);
    if ('error' in t) return interpreter('InvalidModule', t.error, seg.offset);
    if (t.type !== 0x7f) return interpreter('InvalidModule', 'segment offset should return I32', seg.offset);
  }

  // Instantiation: resolve every import (the module's, then the externalized env.memory) …
  let funcOrdinal = 0;
  const hosts: HostFunctionSignature[] = [];
  for (const imp of m.imports) {
    if (imp.module !== 'env') return interpreter('UnknownImportModule', `Module ${imp.module} not found`, imp.offset);
    if (imp.kind === KIND_FUNC) {
      const host =
        HOST_FUNCTIONS_BY_NAME.get(imp.field) ??
        (options.allowPrint && imp.field === PRINT_FUNCTION.name ? PRINT_FUNCTION : null);
      if (host === null) {
        return interpreter(
          'UnknownHostFunction',
          `host module doesn't export function with name ${imp.field}`,
          imp.offset,
          funcOrdinal,
        );
      }
      hosts.push(host);
      funcOrdinal++;
    } else if (imp.kind === KIND_MEMORY) {
      // Unreachable in practice: a second memory fails validation above.
      return interpreter(
        'UnsupportedImport',
        imp.field === 'memory' ? 'Memory is already instantiated' : 'Memory imported under unknown name',
        imp.offset,
      );
    } else {
      return interpreter('UnsupportedImport', `Export ${imp.field} not found`, imp.offset);
    }
  }
  if (externalized.initial > memMax || memMax > LIMITS.maxMemoryPages) {
    return interpreter('MemoryLimits', 'Module requested too much memory', externalized.offset);
  }
  // … then check function import types, in order.
  funcOrdinal = 0;
  for (const imp of m.imports) {
    if (imp.kind !== KIND_FUNC) continue;
    const host = hosts[funcOrdinal];
    const params = typeParams(imp.index);
    const result = m.typeResult[imp.index];
    const hostParams = new Array<number>(host.params).fill(0x7f);
    const hostResult = host.result ? 0x7f : 0;
    if (result !== hostResult || params.length !== hostParams.length || params.some((p) => p !== 0x7f)) {
      return interpreter(
        'ImportSignatureMismatch',
        `Expected function with type ${signatureDebug(params, result)}, but actual type is ${signatureDebug(hostParams, hostResult)} for entry ${imp.field}`,
        imp.offset,
        funcOrdinal,
      );
    }
    funcOrdinal++;
  }
  // Segment initialization: elements first, then data.
  const evalOffset = (e: ConstExpr): number =>
    (e.op === OP_I32_CONST ? e.value : m.globals[e.value - m.importedGlobals].init.value) >>> 0;
  for (const seg of m.elements) {
    const size = m.tables[0].initial;
    if (evalOffset(seg.at) + seg.length > size)
      return interpreter('SegmentOutOfBounds', 'elements segment does not fit', seg.offset);
  }
  for (const seg of m.data) {
    const size = externalized.initial * PAGE;
    const from = evalOffset(seg.at);
    if (from + seg.length > size) {
      return interpreter(
        'SegmentOutOfBounds',
        `trying to access region [${from}..${from + seg.length}] in memory [0..${size}]`,
        seg.offset,
      );
    }
  }

  if (m.start !== null) {
    return fail(
      {
        kind: 'UnsupportedWasmStart',
        message: 'Unsupported WASM start',
        functionIndex: m.start.index,
        offset: m.start.offset,
      },
      'UnsupportedWasmStart',
    );
  }

  const custom = options.entryPoints !== undefined;
  for (const name of options.entryPoints ?? ['call']) {
    const e = m.exports.find((x) => x.name === name);
    if (e === undefined) {
      if (custom) {
        return fail(
          { kind: 'MissingEntryPoint', message: `Function not found: ${name}`, functionIndex: null, offset: null },
          'FunctionNotFound',
        );
      }
      return interpreter('MissingEntryPoint', `Module doesn't have export ${name}`, null);
    }
    if (e.kind !== KIND_FUNC) {
      const what = e.kind === KIND_TABLE ? 'Table' : e.kind === KIND_MEMORY ? 'Memory' : 'Global';
      return interpreter(
        'EntryPointNotFunction',
        `Export ${name} is not a function, but ExternVal { ${what} }`,
        e.offset,
      );
    }
    if (m.typeParamCount[funcType(e.index)] !== 0) {
      return interpreter('EntryPointSignature', 'trap: Code(UnexpectedSignature)', e.offset, e.index);
    }
  }

  return {
    ok: true,
    imports: m.imports.map((i) => i.field),
    exports: m.exports.map((e) => e.name),
    memory: { initial: externalized.initial, maximum: externalized.maximum },
    functionCount: m.funcTypes.length,
    importedFunctionCount: m.importedFuncs,
    globalCount: m.globals.length,
    table: m.tables.length === 0 ? null : { initial: m.tables[0].initial, maximum: m.tables[0].maximum },
  };
}

function funcImportType(m: ModuleParse, ordinal: number): number {
  let n = 0;
  for (const imp of m.imports) {
    if (imp.kind !== KIND_FUNC) continue;
    if (n === ordinal) return imp.index;
    n++;
  }
  throw new Error(`no imported function ${ordinal}`);
}

/** One line: rule, function, offset, then the node's message. */
export function formatValidationError(err: WasmValidationError): string {
  const where: string[] = [];
  if (err.functionIndex !== null) where.push(`function ${err.functionIndex}`);
  if (err.offset !== null) where.push(`offset 0x${err.offset.toString(16)}`);
  return `${err.kind}${where.length > 0 ? ` (${where.join(', ')})` : ''}: ${err.message}`;
}
