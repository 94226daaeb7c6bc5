import wabtInit from 'wabt';
import { HOST_FUNCTIONS } from '../../runtime/wasm/host-functions';
import {
  decodeFunctionBody,
  FunctionBodyDecoder,
  Imm,
  OPCODE_CLASSES,
  OPCODE_IMMEDIATES,
  OPCODE_NAMES,
  OpClass,
} from '../../runtime/wasm/opcodes';
import { WasmReader } from '../../runtime/wasm/reader';
import {
  formatValidationError,
  type ValidateOptions,
  validateModule,
  type WasmValidationError,
} from '../../runtime/wasm/validate';

type Wabt = Awaited<ReturnType<typeof wabtInit>>;
let wabt: Wabt;

beforeAll(async () => {
  wabt = await wabtInit();
});

/** Assembles WAT text (wabt default features: sign-ext, bulk memory, multi-value … enabled). */
function wat(text: string): Uint8Array {
  const mod = wabt.parseWat('test.wat', text, {});
  const bytes = Uint8Array.from(mod.toBinary({}).buffer);
  mod.destroy();
  return bytes;
}

// ---- tiny binary builder ------------------------------------------------------------------

function u32(n: number): number[] {
  const out: number[] = [];
  let v = n >>> 0;
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v !== 0) b |= 0x80;
    out.push(b);
  } while (v !== 0);
  return out;
}

function str(s: string): number[] {
  const b = Array.from(new TextEncoder().encode(s));
  return [...u32(b.length), ...b];
}

function vec(items: number[][]): number[] {
  return [...u32(items.length), ...items.flat()];
}

function sec(id: number, payload: number[]): number[] {
  return [id, ...u32(payload.length), ...payload];
}

const PREAMBLE = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
const I32 = 0x7f;
const FN_VOID = [0x60, 0x00, 0x00];
const MEMORY_1 = sec(5, vec([[0x00, 0x01]]));
const EXPORT_CALL = sec(7, vec([[...str('call'), 0x00, 0x00]]));
const END = 0x0b;

function mod(...sections: number[][]): Uint8Array {
  return Uint8Array.from([...PREAMBLE, ...sections.flat()]);
}

/** Code section whose bodies have no locals. */
function code(...bodies: number[][]): number[] {
  return sec(10, vec(bodies.map((b) => [...u32(b.length + 1), 0x00, ...b])));
}

/** `(func (export "call"))` with the given instructions (END appended) and a 1-page memory. */
function session(instrs: number[], extra: { types?: number[][]; globals?: number[][] } = {}): Uint8Array {
  return mod(
    sec(1, vec([FN_VOID, ...(extra.types ?? [])])),
    sec(3, vec([[0x00]])),
    MEMORY_1,
    ...(extra.globals ? [sec(6, vec(extra.globals))] : []),
    EXPORT_CALL,
    code([...instrs, END]),
  );
}

/** `[start, end)` of body `n` (after its size prefix), found by walking the sections. */
function bodyRange(bytes: Uint8Array, n = 0): { start: number; end: number } {
  const r = new WasmReader(bytes, 8);
  for (;;) {
    const id = r.readByte();
    const size = r.readVarU32();
    if (id !== 10) {
      r.skip(size);
      continue;
    }
    r.readVarU32();
    for (let i = 0; ; i++) {
      const bodySize = r.readVarU32();
      if (i === n) return { start: r.pos, end: r.pos + bodySize };
      r.skip(bodySize);
    }
  }
}

/** Offset of the first instruction of body `n` (a body without locals). */
function instrStart(bytes: Uint8Array, n = 0): number {
  return bodyRange(bytes, n).start + 1;
}

function sectionOffset(bytes: Uint8Array, wanted: number): number {
  const r = new WasmReader(bytes, 8);
  for (;;) {
    const at = r.pos;
    const id = r.readByte();
    if (id === wanted) return at;
    r.skip(r.readVarU32());
  }
}

function expectError(bytes: Uint8Array, expected: Partial<WasmValidationError>, options?: ValidateOptions): void {
  const result = validateModule(bytes, options);
  expect(result.ok).toBe(false);
  expect(result.ok ? null : result.error).toMatchObject(expected);
}

function expectOk(bytes: Uint8Array, options?: ValidateOptions): void {
  const result = validateModule(bytes, options);
  expect(result.ok ? 'ok' : formatValidationError(result.error)).toBe('ok');
}

const DES = 'Wasm preprocessing error: Deserialization error: ';
const VAL = 'Wasm preprocessing error: Wasm validation error: ';
const GAS =
  'Wasm preprocessing error: Encountered operation forbidden by gas rules. Consult instruction -> metering config map';
const INT = 'Interpreter error: ';

// ---- accepted modules ----------------------------------------------------------------------

describe('accepted modules', () => {
  test('minimal session module, with its summary', () => {
    expect(validateModule(wat('(module (memory 1) (func (export "call")))'))).toEqual({
      ok: true,
      imports: [],
      exports: ['call'],
      memory: { initial: 1, maximum: null },
      functionCount: 1,
      importedFunctionCount: 0,
      globalCount: 0,
      table: null,
    });
  });

  test('host imports, table, globals, data and a float signature', () => {
    const bytes = wat(`(module
      (import "env" "casper_revert" (func $revert (param i32)))
      (import "env" "casper_get_named_arg_size" (func (param i32 i32 i32) (result i32)))
      (memory 2 16)
      (table 2 funcref)
      (global $g (mut i32) (i32.const 0))
      (global f64 (f64.const 1.5))
      (elem (i32.const 0) $f $call)
      (data (i32.const 8) "hello")
      (func $f (param f32 f64) (result f32) (local f64) local.get 0)
      (func $call (export "call") (call $revert (global.get $g)))
      (export "mem" (memory 0)))`);
    expect(validateModule(bytes)).toEqual({
      ok: true,
      imports: ['casper_revert', 'casper_get_named_arg_size'],
      exports: ['call', 'mem'],
      memory: { initial: 2, maximum: 16 },
      functionCount: 2,
      importedFunctionCount: 2,
      globalCount: 2,
      table: { initial: 2, maximum: null },
    });
  });

  test('float loads and stores are allowed', () => {
    expectOk(
      wat(`(module (memory 1) (func (export "call") (local f32 f64)
        (local.set 0 (f32.load (i32.const 0)))
        (local.set 1 (f64.load offset=8 (i32.const 0)))
        (f32.store (i32.const 16) (local.get 0))
        (f64.store (i32.const 24) (local.get 1))))`),
    );
  });

  test('all 49 host functions with their exact signatures', () => {
    const imports = HOST_FUNCTIONS.map(
      (f) =>
        `(import "env" "${f.name}" (func${f.params > 0 ? ` (param${' i32'.repeat(f.params)})` : ''}${f.result ? ' (result i32)' : ''}))`,
    ).join('\n');
    const result = validateModule(wat(`(module ${imports} (memory 1) (func (export "call")))`));
    expect(result.ok && result.imports).toEqual(HOST_FUNCTIONS.map((f) => f.name));
  });

  test('64 pages accepted, with and without maximum', () => {
    expectOk(wat('(module (memory 64) (func (export "call")))'));
    expectOk(wat('(module (memory 64 64) (func (export "call")))'));
    expectOk(wat('(module (memory 0 64) (func (export "call")))'));
  });

  test('br_table with 256 targets accepted', () => {
    expectOk(session([0x02, 0x40, 0x41, 0x00, 0x0e, ...u32(256), ...new Array(256).fill(0), 0x00, END]));
  });

  test('256 globals accepted', () => {
    const globals = Array.from({ length: 256 }, () => [I32, 0x00, 0x41, 0x00, END]);
    expectOk(session([], { globals }));
  });

  test('a function type with 256 parameters accepted', () => {
    expectOk(session([], { types: [[0x60, ...u32(256), ...new Array(256).fill(I32), 0x00]] }));
  });

  test('casper_print only with allowPrint', () => {
    const bytes = wat(
      '(module (import "env" "casper_print" (func (param i32 i32))) (memory 1) (func (export "call")))',
    );
    expectError(bytes, {
      kind: 'UnknownHostFunction',
      nodeError: 'Interpreter',
      message: `${INT}host module doesn't export function with name casper_print`,
      functionIndex: 0,
      offset: sectionOffset(bytes, 2) + 3,
    });
    expectOk(bytes, { allowPrint: true });
  });

  test('custom and data-count sections are accepted by the parser', () => {
    expectOk(
      mod(
        sec(0, [...str('name'), 1, 2, 3]),
        sec(1, vec([FN_VOID])),
        sec(3, vec([[0]])),
        MEMORY_1,
        EXPORT_CALL,
        sec(12, [0]),
        code([END]),
      ),
    );
  });

  test('contract entry points instead of call', () => {
    const bytes = wat('(module (memory 1) (func (export "transfer")) (func (export "balance_of")))');
    expectOk(bytes, { entryPoints: ['transfer', 'balance_of'] });
    expectError(
      bytes,
      {
        kind: 'MissingEntryPoint',
        nodeError: 'FunctionNotFound',
        message: 'Function not found: approve',
        functionIndex: null,
        offset: null,
      },
      { entryPoints: ['transfer', 'approve'] },
    );
  });
});

// ---- 1. parsing (Deserialize) -------------------------------------------------------------------

describe('Deserialize', () => {
  const minimal = () => wat('(module (memory 1) (func (export "call")))');

  test('truncated module', () => {
    const full = minimal();
    const cut = full.subarray(0, full.length - 2);
    expectError(cut, {
      kind: 'Deserialize',
      nodeError: 'WasmPreprocessing',
      message: `${DES}I/O Error: UnexpectedEof`,
      functionIndex: null,
      offset: cut.length,
    });
  });

  test('truncated preamble, bad magic, bad version', () => {
    expectError(Uint8Array.from([0x00, 0x61]), {
      kind: 'Deserialize',
      message: `${DES}I/O Error: UnexpectedEof`,
      offset: 2,
    });
    expectError(Uint8Array.from([0x00, 0x61, 0x73, 0x6e, 1, 0, 0, 0]), {
      kind: 'Deserialize',
      message: `${DES}Invalid magic number at start of file`,
      offset: 0,
    });
    expectError(Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 2, 0, 0, 0]), {
      kind: 'Deserialize',
      message: `${DES}Unsupported wasm version 2`,
      offset: 4,
    });
  });

  test('sign-extension opcode i32.extend8_s', () => {
    const bytes = wat('(module (memory 1) (func (export "call") (drop (i32.extend8_s (i32.const 1)))))');
    expectError(bytes, {
      kind: 'Deserialize',
      nodeError: 'WasmPreprocessing',
      message: `${DES}Unknown opcode 192`,
      functionIndex: 0,
      offset: instrStart(bytes) + 2,
    });
    expectError(wat('(module (memory 1) (func (export "call") (drop (i64.extend32_s (i64.const 1)))))'), {
      message: `${DES}Unknown opcode 196`,
    });
  });

  test('bulk memory memory.fill / memory.copy (0xFC)', () => {
    const fill = wat(
      '(module (memory 1) (func (export "call") (memory.fill (i32.const 0) (i32.const 0) (i32.const 1))))',
    );
    expectError(fill, {
      kind: 'Deserialize',
      message: `${DES}Unknown opcode 252`,
      functionIndex: 0,
      offset: instrStart(fill) + 6,
    });
    const copy = wat(
      '(module (memory 1) (func (export "call") (memory.copy (i32.const 0) (i32.const 0) (i32.const 1))))',
    );
    expectError(copy, {
      kind: 'Deserialize',
      message: `${DES}Unknown opcode 252`,
      functionIndex: 0,
      offset: instrStart(copy) + 6,
    });
  });

  test('SIMD prefix 0xFD and an unassigned opcode', () => {
    const simd = session([0xfd, 0x0c]);
    expectError(simd, {
      kind: 'Deserialize',
      message: `${DES}Unknown opcode 253`,
      functionIndex: 0,
      offset: instrStart(simd),
    });
    expectError(session([0x06]), { message: `${DES}Unknown opcode 6` });
  });

  test('function index of a failing body counts imports', () => {
    const bytes = wat(`(module (import "env" "casper_revert" (func (param i32))) (memory 1)
      (func (export "call")) (func (drop (i32.extend16_s (i32.const 0)))))`);
    expectError(bytes, { message: `${DES}Unknown opcode 193`, functionIndex: 2, offset: instrStart(bytes, 1) + 2 });
  });

  test('multi-value function type', () => {
    const bytes = wat('(module (memory 1) (func (export "call")) (func (result i32 i32) i32.const 0 i32.const 0))');
    expectError(bytes, {
      kind: 'Deserialize',
      message: `${DES}Enable the multi_value feature to deserialize more than one function result`,
      functionIndex: null,
    });
  });

  test('multi-value block type (type index)', () => {
    expectError(session([0x02, 0x00, END]), { kind: 'Deserialize', message: `${DES}Invalid or unknown block type 0` });
  });

  test('malformed LEB128', () => {
    // 6-byte u32 (function count).
    const longU32 = mod(sec(1, vec([FN_VOID])), [3, 7, 0x81, 0x80, 0x80, 0x80, 0x80, 0x00, 0x00]);
    expectError(longU32, { kind: 'Deserialize', message: `${DES}Not an unsigned 32-bit integer`, offset: 16 });
    // 5-byte u32 whose last byte is >= 0x10: the parser reports it as a signed overflow.
    const bigU32 = mod(sec(1, vec([FN_VOID])), [3, 6, 0x81, 0x80, 0x80, 0x80, 0x10, 0x00]);
    expectError(bigU32, { kind: 'Deserialize', message: `${DES}Not a signed 32-bit integer`, offset: 16 });
    const i32 = session([0x41, 0x80, 0x80, 0x80, 0x80, 0x08, 0x1a]);
    expectError(i32, { message: `${DES}Not a signed 32-bit integer`, offset: instrStart(i32) + 1 });
    const i64 = session([0x42, ...new Array(9).fill(0x80), 0x01, 0x1a]);
    expectError(i64, { message: `${DES}Not a signed 64-bit integer`, offset: instrStart(i64) + 1 });
  });

  test('unknown section id', () => {
    const bytes = mod(sec(13, []));
    expectError(bytes, { kind: 'Deserialize', message: `${DES}Invalid section id: 13`, offset: 8 });
  });

  test('sections out of order and duplicated', () => {
    const outOfOrder = mod(MEMORY_1, sec(1, vec([FN_VOID])));
    expectError(outOfOrder, { message: `${DES}Sections out of order`, offset: 13 });
    // The parser prints the section *order* (code = 11), not its id.
    const dupCode = mod(sec(1, vec([FN_VOID])), MEMORY_1, code(), code());
    expectError(dupCode, { message: `${DES}Duplicated sections (11)`, offset: dupCode.length - 3 });
  });

  test('function and code counts differ', () => {
    expectError(mod(sec(1, vec([FN_VOID])), sec(3, vec([[0], [0]])), MEMORY_1, code([END])), {
      message: `${DES}Number of function body entries and signatures does not match`,
    });
  });

  test('section content shorter than declared size / body with trailing bytes', () => {
    const section = mod(sec(1, [...vec([FN_VOID]), 0x00]));
    expectError(section, { message: `${DES}I/O Error: InvalidData`, offset: 14 });
    const body = mod(sec(1, vec([FN_VOID])), sec(3, vec([[0]])), MEMORY_1, sec(10, vec([[3, 0x00, END, 0x01]])));
    expectError(body, { message: `${DES}I/O Error: InvalidData`, functionIndex: 0, offset: body.length - 1 });
  });

  test('body running past its size', () => {
    const bytes = mod(sec(1, vec([FN_VOID])), sec(3, vec([[0]])), MEMORY_1, sec(10, vec([[2, 0x00, 0x01]])));
    expectError(bytes, { message: `${DES}I/O Error: UnexpectedEof`, functionIndex: 0, offset: bytes.length });
  });

  test('invalid names, kinds, types and reserved bytes', () => {
    expectError(mod(sec(7, vec([[1, 0xff, 0x00, 0x00]]))), { message: `${DES}Non-UTF-8 string`, offset: 12 });
    expectError(mod(sec(2, vec([[...str('env'), ...str('x'), 0x04]]))), { message: `${DES}Unknown external kind 4` });
    expectError(mod(sec(7, vec([[...str('x'), 0x04, 0x00]]))), { message: `${DES}Unknown internal kind 4` });
    expectError(mod(sec(1, vec([[0x61, 0, 0]]))), { message: `${DES}Unknown function form (97)` });
    expectError(mod(sec(1, vec([[0x60, 1, 0x7b, 0]]))), { message: `${DES}Invalid or unknown value type -5` });
    expectError(mod(sec(1, vec([[0x60, 1, 0x80, 0]]))), { message: `${DES}Not a signed 7-bit integer: 128` });
    expectError(mod(sec(5, vec([[0x02, 0x01]]))), { message: `${DES}Invalid limits flags (2)` });
    expectError(mod(sec(4, vec([[0x6f, 0x00, 0x01]]))), { message: `${DES}Unknown table element type -17` });
    expectError(mod(sec(6, vec([[I32, 0x02, 0x41, 0x00, END]]))), {
      message: `${DES}Not an unsigned 1-bit integer: 2`,
    });
    expectError(session([0x41, 0x00, 0x11, 0x00, 0x01]), { message: `${DES}Invalid table reference (1)` });
    expectError(session([0x3f, 0x01, 0x1a]), { message: `${DES}Invalid memory reference (1)` });
    expectError(mod(sec(0, [])), { message: `${DES}I/O Error: UnexpectedEof` });
  });

  test('too many locals', () => {
    const body = [2, 0xff, 0xff, 0xff, 0xff, 0x0f, I32, 0x01, I32, END];
    const bytes = mod(sec(1, vec([FN_VOID])), sec(3, vec([[0]])), MEMORY_1, sec(10, vec([[body.length, ...body]])));
    expectError(bytes, { message: `${DES}Too many locals`, functionIndex: 0 });
  });

  test('a parse error anywhere wins over rule violations earlier in the module', () => {
    // Missing memory section and a float op, but the last body has an unknown opcode.
    const bytes = mod(
      sec(1, vec([FN_VOID])),
      sec(3, vec([[0], [0]])),
      code([0x43, 0, 0, 0, 0, 0x1a, END], [0xc0, END]),
    );
    expectError(bytes, { kind: 'Deserialize', message: `${DES}Unknown opcode 192`, functionIndex: 1 });
  });
});

// ---- 2. ensure_valid_access -------------------------------------------------------------------

describe('ensure_valid_access', () => {
  test('import with a missing type', () => {
    const bytes = mod(
      sec(1, vec([FN_VOID])),
      sec(2, vec([[...str('env'), ...str('casper_revert'), 0x00, 0x05]])),
      MEMORY_1,
    );
    expectError(bytes, {
      kind: 'MissingFunctionType',
      nodeError: 'WasmPreprocessing',
      message: `${VAL}missing type index 5`,
      functionIndex: 0,
      offset: 17,
    });
  });

  test('defined function with a missing type', () => {
    const bytes = mod(sec(1, vec([FN_VOID])), sec(3, vec([[0], [3]])), MEMORY_1, code([END], [END]));
    expectError(bytes, {
      kind: 'MissingFunctionType',
      message: `${VAL}missing type index 3`,
      functionIndex: 1,
      offset: 18,
    });
  });

  test('start, export and element members referencing missing functions', () => {
    const start = mod(sec(1, vec([FN_VOID])), sec(3, vec([[0]])), MEMORY_1, sec(8, [4]), code([END]));
    expectError(start, { kind: 'MissingFunctionIndex', message: `${VAL}missing function index 4`, offset: 25 });
    const exp = mod(
      sec(1, vec([FN_VOID])),
      sec(3, vec([[0]])),
      MEMORY_1,
      sec(7, vec([[...str('call'), 0x00, 0x07]])),
      code([END]),
    );
    expectError(exp, { kind: 'MissingFunctionIndex', message: `${VAL}missing function index 7`, offset: 26 });
    const elem = mod(
      sec(1, vec([FN_VOID])),
      sec(3, vec([[0]])),
      sec(4, vec([[0x70, 0x00, 0x02]])),
      MEMORY_1,
      EXPORT_CALL,
      sec(9, vec([[0x00, 0x41, 0x00, END, ...vec([[0], [9]])]])),
      code([END]),
    );
    expectError(elem, {
      kind: 'MissingFunctionIndex',
      message: `${VAL}missing function index 9`,
      offset: sectionOffset(elem, 9) + 9,
    });
  });

  test('call of a missing function', () => {
    const bytes = session([0x01, 0x10, 0x05]);
    expectError(bytes, {
      kind: 'MissingFunctionIndex',
      message: `${VAL}missing function index 5`,
      functionIndex: 0,
      offset: instrStart(bytes) + 1,
    });
  });

  test('global access beyond the global section (imported globals do not count)', () => {
    const bytes = wat(`(module (import "env" "g" (global i32)) (memory 1)
      (func (export "call") (drop (global.get 0))))`);
    expectError(bytes, {
      kind: 'IncorrectGlobalOperation',
      message: `${VAL}opcode for a global access refers to non-existing global index 0`,
      functionIndex: 0,
      offset: instrStart(bytes),
    });
    const set = session([0x41, 0x00, 0x24, 0x01], { globals: [[I32, 0x01, 0x41, 0x00, END]] });
    expectError(set, {
      kind: 'IncorrectGlobalOperation',
      message: `${VAL}opcode for a global access refers to non-existing global index 1`,
    });
  });

  test('checked before the memory section requirement', () => {
    const bytes = mod(
      sec(1, vec([FN_VOID])),
      sec(3, vec([[0]])),
      sec(7, vec([[...str('call'), 0x00, 0x01]])),
      code([END]),
    );
    expectError(bytes, { kind: 'MissingFunctionIndex', message: `${VAL}missing function index 1` });
  });
});

// ---- 3. memory section ------------------------------------------------------------------------

describe('MissingMemorySection', () => {
  const missing = {
    kind: 'MissingMemorySection',
    nodeError: 'WasmPreprocessing',
    message: 'Wasm preprocessing error: Memory section should exist',
    functionIndex: null,
    offset: null,
  } as const;

  test('no memory', () => {
    expectError(wat('(module (func (export "call")))'), missing);
  });

  test('imported memory only', () => {
    expectError(wat('(module (import "env" "memory" (memory 1)) (func (export "call")))'), missing);
  });

  test('empty memory section', () => {
    expectError(mod(sec(1, vec([FN_VOID])), sec(3, vec([[0]])), sec(5, vec([])), EXPORT_CALL, code([END])), missing);
  });
});

// ---- 4–8. limits ------------------------------------------------------------------------------

describe('table, br_table, globals, parameters, env.gas', () => {
  test('more than one table', () => {
    const bytes = wat('(module (memory 1) (table 1 funcref) (table 1 funcref) (func (export "call")))');
    expectError(bytes, {
      kind: 'MoreThanOneTable',
      message: `${VAL}the number of tables must be at most one`,
      offset: sectionOffset(bytes, 4) + 6,
    });
  });

  test('table initial / maximum above 4096', () => {
    const initial = wat('(module (memory 1) (table 4097 funcref) (func (export "call")))');
    expectError(initial, {
      kind: 'InitialTableSizeExceeded',
      message: `${VAL}initial table size of 4097 exceeds allowed limit of 4096`,
      offset: sectionOffset(initial, 4) + 3,
    });
    expectError(wat('(module (memory 1) (table 1 5000 funcref) (func (export "call")))'), {
      kind: 'MaxTableSizeExceeded',
      message: `${VAL}maximum table size of 5000 exceeds allowed limit of 4096`,
    });
    expectOk(wat('(module (memory 1) (table 4096 funcref) (func (export "call")))'));
  });

  test('br_table with 257 targets', () => {
    const bytes = session([0x02, 0x40, 0x41, 0x00, 0x0e, ...u32(257), ...new Array(257).fill(0), 0x00, END]);
    expectError(bytes, {
      kind: 'BrTableSizeExceeded',
      message: `${VAL}maximum br_table size of 257 exceeds allowed limit of 256`,
      functionIndex: 0,
      offset: instrStart(bytes) + 4,
    });
  });

  test('257 globals', () => {
    const globals = Array.from({ length: 257 }, () => [I32, 0x00, 0x41, 0x00, END]);
    const bytes = session([], { globals });
    expectError(bytes, {
      kind: 'TooManyGlobals',
      message: `${VAL}declared number of globals (257) exceeds allowed limit of 256`,
      offset: sectionOffset(bytes, 6),
    });
  });

  test('257 parameters', () => {
    const bytes = session([], { types: [[0x60, ...u32(257), ...new Array(257).fill(I32), 0x00]] });
    expectError(bytes, {
      kind: 'TooManyParameters',
      message: `${VAL}use of a function type with too many parameters (limit of 256 but function declares 257)`,
      offset: 15,
    });
  });

  test('importing env.gas', () => {
    const bytes = wat('(module (import "env" "gas" (func (param i32))) (memory 1) (func (export "call")))');
    expectError(bytes, {
      kind: 'MissingHostFunction',
      nodeError: 'WasmPreprocessing',
      message: `${VAL}module imports a non-existent function`,
      offset: sectionOffset(bytes, 2) + 3,
    });
    // Any kind of import named env.gas.
    expectError(wat('(module (import "env" "gas" (global i32)) (memory 1) (func (export "call")))'), {
      kind: 'MissingHostFunction',
    });
  });

  test('rule order: table before br_table before globals before parameters before env.gas', () => {
    const globals = Array.from({ length: 257 }, () => [I32, 0x00, 0x41, 0x00, END]);
    const brTable = [0x41, 0x00, 0x0e, ...u32(300), ...new Array(300).fill(0), 0x00];
    const all = (table: boolean, br: boolean) =>
      mod(
        sec(1, vec([FN_VOID, [0x60, ...u32(300), ...new Array(300).fill(I32), 0x00], [0x60, 1, I32, 0]])),
        sec(2, vec([[...str('env'), ...str('gas'), 0x00, 0x02]])),
        sec(3, vec([[0]])),
        ...(table ? [sec(4, vec([[0x70, 0x00, ...u32(5000)]]))] : []),
        MEMORY_1,
        sec(6, vec(globals)),
        sec(7, vec([[...str('call'), 0x00, 0x01]])),
        code([...(br ? brTable : []), END]),
      );
    expectError(all(true, true), { kind: 'InitialTableSizeExceeded' });
    expectError(all(false, true), { kind: 'BrTableSizeExceeded' });
    expectError(all(false, false), { kind: 'TooManyGlobals' });
  });
});

// ---- 10. gas rules ------------------------------------------------------------------------------

describe('OperationForbiddenByGasRules', () => {
  const forbidden = (bytes: Uint8Array, at: number, functionIndex = 0) =>
    expectError(bytes, {
      kind: 'OperationForbiddenByGasRules',
      nodeError: 'WasmPreprocessing',
      message: GAS,
      functionIndex,
      offset: at,
    });

  test('f32.add', () => {
    const bytes = wat(`(module (memory 1) (func (export "call")
      (drop (f32.add (f32.load (i32.const 0)) (f32.load (i32.const 4))))))`);
    forbidden(bytes, instrStart(bytes) + 10);
  });

  test('f32.const / f64.const in code', () => {
    const f32 = wat('(module (memory 1) (func (export "call") (drop (f32.const 1))))');
    forbidden(f32, instrStart(f32));
    const f64 = wat('(module (memory 1) (func (export "call") (drop (f64.const 1))))');
    forbidden(f64, instrStart(f64));
  });

  test('float comparison, conversion and reinterpretation', () => {
    for (const op of [
      'f64.lt (f64.load (i32.const 0)) (f64.load (i32.const 0))',
      'i32.trunc_f32_s (f32.load (i32.const 0))',
      'f32.convert_i32_s (i32.const 0)',
      'i32.reinterpret_f32 (f32.load (i32.const 0))',
    ]) {
      const bytes = wat(`(module (memory 1) (func (export "call") (drop (${op}))))`);
      expectError(bytes, { kind: 'OperationForbiddenByGasRules', message: GAS });
    }
  });

  test('a float constant in a global initializer is fine', () => {
    expectOk(wat('(module (memory 1) (global f32 (f32.const 2.5)) (func (export "call")))'));
  });

  test('branch label beyond the control stack', () => {
    const br = session([0x0c, 0x01]);
    forbidden(br, instrStart(br));
    const brIf = session([0x02, 0x40, 0x41, 0x00, 0x0d, 0x02, END]);
    forbidden(brIf, instrStart(brIf) + 4);
    const brTableDefault = session([0x41, 0x00, 0x0e, 0x01, 0x00, 0x01]);
    forbidden(brTableDefault, instrStart(brTableDefault) + 2);
    expectOk(session([0x02, 0x40, 0x41, 0x00, 0x0d, 0x01, END]));
  });

  test('after the env.gas check, first offending instruction in code order', () => {
    const bytes = mod(
      sec(1, vec([FN_VOID])),
      sec(3, vec([[0], [0]])),
      MEMORY_1,
      EXPORT_CALL,
      code([0x01, END], [0x43, 0, 0, 0, 0, 0x1a, 0x43, 0, 0, 0, 0, 0x1a, END]),
    );
    forbidden(bytes, instrStart(bytes, 1), 1);
  });
});

// ---- instantiation ----------------------------------------------------------------------------

describe('instantiation', () => {
  test('start section', () => {
    const bytes = wat('(module (memory 1) (func $s) (start $s) (func (export "call")))');
    expectError(bytes, {
      kind: 'UnsupportedWasmStart',
      nodeError: 'UnsupportedWasmStart',
      message: 'Unsupported WASM start',
      functionIndex: 0,
      offset: sectionOffset(bytes, 8) + 2,
    });
  });

  test('start function with the wrong type fails wasmi validation first', () => {
    expectError(wat('(module (memory 1) (func $s (param i32)) (start $s) (func (export "call")))'), {
      kind: 'InvalidModule',
      message: `${INT}start function expected to have type [] -> []`,
    });
  });

  test('import from another module', () => {
    const bytes = wat(
      '(module (import "wasi" "fd_write" (func (param i32 i32 i32 i32) (result i32))) (memory 1) (func (export "call")))',
    );
    expectError(bytes, {
      kind: 'UnknownImportModule',
      nodeError: 'Interpreter',
      message: `${INT}Module wasi not found`,
      offset: sectionOffset(bytes, 2) + 3,
    });
  });

  test('unknown host function', () => {
    const bytes = wat(`(module (import "env" "casper_revert" (func (param i32)))
      (import "env" "casper_foo" (func)) (memory 1) (func (export "call")))`);
    expectError(bytes, {
      kind: 'UnknownHostFunction',
      nodeError: 'Interpreter',
      message: `${INT}host module doesn't export function with name casper_foo`,
      functionIndex: 1,
    });
    expectError(
      wat('(module (import "env" "abort" (func (param i32 i32 i32 i32))) (memory 1) (func (export "call")))'),
      {
        message: `${INT}host module doesn't export function with name abort`,
      },
    );
  });

  test('host function imported with a wrong signature', () => {
    expectError(
      wat('(module (import "env" "casper_revert" (func (param i32) (result i32))) (memory 1) (func (export "call")))'),
      {
        kind: 'ImportSignatureMismatch',
        nodeError: 'Interpreter',
        message:
          `${INT}Expected function with type Signature { params: [I32], return_type: Some(I32) }, ` +
          'but actual type is Signature { params: [I32], return_type: None } for entry casper_revert',
        functionIndex: 0,
        offset: 22,
      },
    );
    expectError(wat('(module (import "env" "casper_ret" (func (param i64 f32))) (memory 1) (func (export "call")))'), {
      message:
        `${INT}Expected function with type Signature { params: [I64, F32], return_type: None }, ` +
        'but actual type is Signature { params: [I32, I32], return_type: None } for entry casper_ret',
    });
  });

  test('names are resolved before signatures are compared', () => {
    expectError(
      wat(`(module (import "env" "casper_revert" (func (param i64)))
        (import "env" "casper_nope" (func)) (memory 1) (func (export "call")))`),
      { kind: 'UnknownHostFunction' },
    );
  });

  test('import errors come before the start-section check', () => {
    expectError(
      wat('(module (import "env" "casper_foo" (func)) (memory 1) (func $s) (start $s) (func (export "call")))'),
      {
        kind: 'UnknownHostFunction',
      },
    );
  });

  test('memory limits', () => {
    // No maximum: the node sets it to 64, so wasmi's validator rejects initial > maximum.
    const noMax = wat('(module (memory 65) (func (export "call")))');
    expectError(noMax, {
      kind: 'MemoryLimits',
      nodeError: 'Interpreter',
      message: `${INT}maximum limit 64 is less than minimum 65`,
      offset: sectionOffset(noMax, 5) + 3,
    });
    expectError(wat('(module (memory 1 65) (func (export "call")))'), {
      kind: 'MemoryLimits',
      message: `${INT}Module requested too much memory`,
    });
    expectError(wat('(module (memory 65 65) (func (export "call")))'), {
      kind: 'MemoryLimits',
      message: `${INT}Module requested too much memory`,
    });
    expectError(wat('(module (memory 2 1) (func (export "call")))'), {
      kind: 'MemoryLimits',
      message: `${INT}maximum limit 1 is less than minimum 2`,
    });
    expectError(wat('(module (memory 70000) (func (export "call")))'), {
      kind: 'MemoryLimits',
      message: `${INT}initial memory size must be at most 65536 pages`,
    });
  });

  test('imported memory besides the memory section', () => {
    expectError(wat('(module (import "env" "memory" (memory 1)) (memory 1) (func (export "call")))'), {
      kind: 'InvalidModule',
      message: `${INT}too many memory regions in index space: 2`,
    });
  });

  test('imported global and table', () => {
    expectError(wat('(module (import "env" "g" (global i32)) (memory 1) (func (export "call")))'), {
      kind: 'UnsupportedImport',
      message: `${INT}Export g not found`,
      offset: 17,
    });
    expectError(wat('(module (import "env" "t" (table 1 funcref)) (memory 1) (func (export "call")))'), {
      kind: 'UnsupportedImport',
      message: `${INT}Export t not found`,
    });
    expectError(
      wat('(module (import "env" "t" (table 1 funcref)) (table 1 funcref) (memory 1) (func (export "call")))'),
      {
        kind: 'InvalidModule',
        message: `${INT}too many tables in index space: 2`,
      },
    );
  });

  test('duplicate export', () => {
    const bytes = mod(
      sec(1, vec([FN_VOID])),
      sec(3, vec([[0], [0]])),
      MEMORY_1,
      sec(
        7,
        vec([
          [...str('b'), 0, 0],
          [...str('call'), 0, 0],
          [...str('b'), 0, 1],
        ]),
      ),
      code([END], [END]),
    );
    expectError(bytes, {
      kind: 'InvalidModule',
      message: `${INT}duplicate export b`,
      offset: sectionOffset(bytes, 7) + 14,
    });
  });

  test('export of missing global / memory / table', () => {
    const exp = (kind: number, index: number) =>
      mod(
        sec(1, vec([FN_VOID])),
        sec(3, vec([[0]])),
        MEMORY_1,
        sec(
          7,
          vec([
            [...str('call'), 0, 0],
            [...str('x'), kind, index],
          ]),
        ),
        code([END]),
      );
    expectError(exp(2, 1), { kind: 'InvalidModule', message: `${INT}Memory at index 1 doesn't exists` });
    expectError(exp(1, 0), { kind: 'InvalidModule', message: `${INT}Table at index 0 doesn't exists` });
    // Index 0 is the global the stack-height limiter appends, so only index 1 is missing.
    expectError(exp(3, 1), { kind: 'InvalidModule', message: `${INT}Global at index 1 doesn't exists` });
    expectOk(exp(3, 0));
  });

  test('global initializers', () => {
    expectError(wat('(module (memory 1) (global i32 (i64.const 0)) (func (export "call")))'), {
      kind: 'InvalidModule',
      message: `${INT}Trying to initialize variable of type I32 with value of type I64`,
    });
    expectError(session([], { globals: [[I32, 0x00, 0x23, 0x00, END]] }), {
      message: `${INT}Global 0 doesn't exists or not yet defined`,
    });
    expectError(session([], { globals: [[I32, 0x00, 0x41, 0x00, 0x41, 0x00, END]] }), {
      message: `${INT}Init expression should always be with length 2`,
    });
    expectError(session([], { globals: [[I32, 0x00, 0x01, END]] }), {
      message: `${INT}Non constant opcode in init expr`,
    });
  });

  test('segment offsets', () => {
    expectError(wat('(module (memory 1) (data (i64.const 0) "a") (func (export "call")))'), {
      kind: 'InvalidModule',
      message: `${INT}segment offset should return I32`,
    });
    expectError(
      wat('(module (memory 1) (global (mut i32) (i32.const 0)) (data (global.get 0) "a") (func (export "call")))'),
      {
        message: `${INT}Global 0 is mutable`,
      },
    );
    expectOk(wat('(module (memory 1) (global i32 (i32.const 16)) (data (global.get 0) "a") (func (export "call")))'));
    expectError(
      mod(
        sec(1, vec([FN_VOID])),
        sec(3, vec([[0]])),
        MEMORY_1,
        EXPORT_CALL,
        code([END]),
        sec(11, vec([[1, 0x41, 0, END, 0]])),
      ),
      {
        message: `${INT}Memory at index 1 doesn't exists`,
      },
    );
    expectError(wat('(module (memory 1) (elem (i32.const 0) $f) (func $f (export "call")))'), {
      message: `${INT}Table at index 0 doesn't exists`,
    });
  });

  test('segments that do not fit', () => {
    const data = wat('(module (memory 1) (data (i32.const 65535) "ab") (func (export "call")))');
    expectError(data, {
      kind: 'SegmentOutOfBounds',
      message: `${INT}trying to access region [65535..65537] in memory [0..65536]`,
      offset: sectionOffset(data, 11) + 3,
    });
    expectError(
      wat('(module (memory 1) (global i32 (i32.const 65536)) (data (global.get 0) "a") (func (export "call")))'),
      {
        message: `${INT}trying to access region [65536..65537] in memory [0..65536]`,
      },
    );
    expectError(wat('(module (memory 1) (table 1 funcref) (elem (i32.const 1) $f) (func $f (export "call")))'), {
      kind: 'SegmentOutOfBounds',
      message: `${INT}elements segment does not fit`,
    });
    expectOk(
      wat(
        '(module (memory 1) (data (i32.const 65534) "ab") (table 1 funcref) (elem (i32.const 0) $f) (func $f (export "call")))',
      ),
    );
  });
});

// ---- entry point ------------------------------------------------------------------------------

describe('entry point', () => {
  test('missing call export', () => {
    expectError(wat('(module (memory 1) (func (export "main")))'), {
      kind: 'MissingEntryPoint',
      nodeError: 'Interpreter',
      message: `${INT}Module doesn't have export call`,
      functionIndex: null,
      offset: null,
    });
  });

  test('call with parameters', () => {
    const bytes = wat('(module (memory 1) (func) (func (export "call") (param i32)))');
    expectError(bytes, {
      kind: 'EntryPointSignature',
      message: `${INT}trap: Code(UnexpectedSignature)`,
      functionIndex: 1,
      offset: sectionOffset(bytes, 7) + 3,
    });
  });

  test('call with a result is fine', () => {
    expectOk(wat('(module (memory 1) (func (export "call") (result i32) i32.const 7))'));
  });

  test('call exported as a global', () => {
    expectError(wat('(module (memory 1) (global (export "call") i32 (i32.const 0)))'), {
      kind: 'EntryPointNotFunction',
      message: `${INT}Export call is not a function, but ExternVal { Global }`,
    });
  });
});

// ---- formatting, decoder, performance ---------------------------------------------------------

describe('formatValidationError', () => {
  test('rule, function, offset, message', () => {
    const bytes = wat('(module (memory 1) (func (export "call") (drop (f32.const 1))))');
    const result = validateModule(bytes);
    expect(result.ok ? '' : formatValidationError(result.error)).toBe(
      `OperationForbiddenByGasRules (function 0, offset 0x26): ${GAS}`,
    );
    const missing = validateModule(wat('(module (func (export "call")))'));
    expect(missing.ok ? '' : formatValidationError(missing.error)).toBe(
      'MissingMemorySection: Wasm preprocessing error: Memory section should exist',
    );
  });
});

describe('opcode table and body decoder', () => {
  test('opcode table entries', () => {
    expect([OPCODE_NAMES[0x0e], OPCODE_IMMEDIATES[0x0e], OPCODE_CLASSES[0x0e]]).toEqual([
      'br_table',
      Imm.BrTable,
      OpClass.BrTable,
    ]);
    expect([OPCODE_NAMES[0x2a], OPCODE_CLASSES[0x2a]]).toEqual(['f32.load', OpClass.Load]);
    expect([OPCODE_NAMES[0x39], OPCODE_CLASSES[0x39]]).toEqual(['f64.store', OpClass.Store]);
    expect([OPCODE_NAMES[0x6b], OPCODE_CLASSES[0x6b]]).toEqual(['i32.sub', OpClass.Add]);
    expect([OPCODE_NAMES[0x82], OPCODE_CLASSES[0x82]]).toEqual(['i64.rem_u', OpClass.Div]);
    expect([OPCODE_NAMES[0x8a], OPCODE_CLASSES[0x8a]]).toEqual(['i64.rotr', OpClass.Bit]);
    expect([OPCODE_NAMES[0xa7], OPCODE_CLASSES[0xa7]]).toEqual(['i32.wrap_i64', OpClass.Conversion]);
    expect([OPCODE_NAMES[0xad], OPCODE_CLASSES[0xad]]).toEqual(['i64.extend_i32_u', OpClass.Conversion]);
    expect([OPCODE_NAMES[0xbf], OPCODE_CLASSES[0xbf]]).toEqual(['f64.reinterpret_i64', OpClass.Float]);
    expect([OPCODE_NAMES[0xc0], OPCODE_IMMEDIATES[0xc0], OPCODE_CLASSES[0xc0]]).toEqual([
      '',
      Imm.Invalid,
      OpClass.Invalid,
    ]);
    expect(OPCODE_NAMES.filter((n) => n !== '').length).toBe(172);
  });

  test('walks a body with immediates, depth and locals', () => {
    const bytes = wat(`(module (memory 1) (table 1 funcref) (type $t (func))
      (func (export "call") (local i32 i32) (local i64)
        (block $b (br_table $b $b 0 (i32.const -5)))
        (drop (i64.const -9000000000))
        (drop (i32.load8_u offset=12 (i32.const 3)))
        (call_indirect (type $t) (i32.const 0))
        (drop (memory.grow (i32.const 1)))))`);
    const { start, end } = bodyRange(bytes);
    const d = decodeFunctionBody(bytes, start, end);
    expect([d.localCounts, d.localTypes, d.totalLocals]).toEqual([[2, 1], [0x7f, 0x7e], 3]);
    const seen: string[] = [];
    while (d.next()) {
      let imm = '';
      switch (OPCODE_IMMEDIATES[d.opcode]) {
        case Imm.BlockType:
          imm = `bt=${d.blockType}`;
          break;
        case Imm.BrTable:
          imm = `[${Array.from(d.brTableTargets.subarray(0, d.brTableCount)).join(',')}] default=${d.index}`;
          break;
        case Imm.I32:
          imm = `${d.i32Value}`;
          break;
        case Imm.I64:
          imm = `${d.i64Value()}`;
          break;
        case Imm.MemArg:
          imm = `align=${d.align} offset=${d.memOffset}`;
          break;
        case Imm.CallIndirect:
          imm = `type=${d.index} table=${d.reserved}`;
          break;
        case Imm.MemoryByte:
          imm = `mem=${d.reserved}`;
          break;
      }
      seen.push(`${d.depth} ${OPCODE_NAMES[d.opcode]} ${imm}`.trim());
    }
    expect(d.reader.error).toBeNull();
    expect(d.done).toBe(true);
    expect(seen).toEqual([
      '0 block bt=64',
      '1 i32.const -5',
      '1 br_table [0,0] default=0',
      '1 end',
      '0 i64.const -9000000000',
      '0 drop',
      '0 i32.const 3',
      '0 i32.load8_u align=0 offset=12',
      '0 drop',
      '0 i32.const 0',
      '0 call_indirect type=0 table=0',
      '0 i32.const 1',
      '0 memory.grow mem=0',
      '0 drop',
      '0 end',
    ]);
  });

  test('decoder reuse, float constants and errors', () => {
    const bytes = Uint8Array.from([
      0x00,
      0x43,
      0x00,
      0x00,
      0xc0,
      0x3f,
      0x44,
      0,
      0,
      0,
      0,
      0,
      0,
      0xf0,
      0x3f,
      0x1a,
      0x1a,
      END,
      0x00,
      0xfc,
      END,
    ]);
    const d = new FunctionBodyDecoder(bytes);
    expect(d.beginBody(0, 18)).toBe(true);
    expect(d.next() && d.f32Bits()).toBe(0x3fc00000);
    expect(d.next() && d.f64Bits()).toBe(0x3ff0000000000000n);
    while (d.next());
    expect([d.reader.error, d.opcode]).toEqual([null, END]);
    expect(d.beginBody(18, 21)).toBe(true);
    expect(d.next()).toBe(false);
    expect(d.reader.error).toEqual({ message: 'Unknown opcode 252', offset: 19 });
  });

  test('reader LEB128 edge cases', () => {
    const r = new WasmReader(
      Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x0f, 0x80, 0x80, 0x80, 0x80, 0x78, 0xff, 0xff, 0xff, 0xff, 0x07]),
    );
    expect(r.readVarU32()).toBe(0xffffffff);
    expect(r.readVarI32()).toBe(-2147483648);
    expect(r.readVarI32()).toBe(2147483647);
    expect(r.error).toBeNull();
    const truncated = new WasmReader(Uint8Array.from([0x80, 0x80]));
    expect(truncated.readVarU32()).toBe(0);
    expect(truncated.error).toEqual({ message: 'I/O Error: UnexpectedEof', offset: 2 });
    const i64 = new WasmReader(Uint8Array.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f]));
    expect(i64.readVarI64()).toBe(-9223372036854775808n);
  });
});
