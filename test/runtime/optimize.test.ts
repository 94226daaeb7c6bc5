// The node's install-time pruning (casper-wasm-utils v3.0.0 `optimize` + casper-wasm 0.46
// `serialize`, called by casper-node 1.5.6 `wasm_prep::get_module_from_entry_points`) on the
// bytecode. Every expected byte string and digest here was produced by the real Rust code (an
// offline harness over the mirrored sources: casper-wasm-utils v3.0.0 optimizer.rs/symbols.rs,
// casper-wasm 0.46.0, and for CEP-18 also ext.rs externalize_mem, gas.rs and stack_height.rs).
import { createHash } from 'crypto';

import { loadCosts } from '../../runtime/costs';
import { externalizeMemory } from '../../runtime/wasm/externalize-memory';
import { injectGasCounter } from '../../runtime/wasm/gas-inject';
import { moduleFromEntryPoints, optimizeModule, OptimizerError } from '../../runtime/wasm/optimize';
import { injectStackLimiter } from '../../runtime/wasm/stack-height';
import { loadCep18Wasm } from '../helpers/cep18';

let wabt: any;
beforeAll(async () => {
  wabt = await require('wabt')();
});

function assemble(wat: string, names = false): Uint8Array<ArrayBuffer> {
  const m = wabt.parseWat('t.wat', wat);
  try {
    return new Uint8Array(m.toBinary({ write_debug_names: names }).buffer);
  } finally {
    m.destroy();
  }
}

function disassemble(bytes: Uint8Array): string {
  const m = wabt.readWasm(bytes, { readDebugNames: true });
  try {
    return m.toText({});
  } finally {
    m.destroy();
  }
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const fromHex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'hex'));

/** The module as wabt prints it: `wat` assembled (with its names) and disassembled. */
function canonicalText(wat: string): string {
  return disassemble(assemble(wat, true));
}

function optimizeError(bytes: Uint8Array, used: readonly string[]): OptimizerError {
  try {
    optimizeModule(bytes, used);
  } catch (e) {
    if (e instanceof OptimizerError) return e;
    throw e;
  }
  throw new Error('optimizeModule did not throw');
}

/** Splits a module into its sections (id byte through payload). */
function sections(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let p = 8;
  while (p < bytes.length) {
    const start = p++;
    let size = 0;
    let shift = 0;
    let x: number;
    do {
      x = bytes[p++];
      size |= (x & 0x7f) << shift;
      shift += 7;
    } while (x & 0x80);
    p += size;
    out.push(bytes.slice(start, p));
  }
  return out;
}

/** A custom section (payloads here are short: one-byte sizes). */
function custom(name: string, payload: number[]): Uint8Array {
  const n = Buffer.from(name);
  return Uint8Array.from([0, n.length + 1 + payload.length, n.length, ...n, ...payload]);
}

function join(parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...parts.flatMap((s) => [...s])]);
}

describe('hand-made modules', () => {
  test('unused functions, globals, types, function and global imports go; memory and table imports stay', () => {
    const input = assemble(`(module
      (type $v (func))
      (type $i (func (param i32)))
      (type $u (func (result i64)))
      (import "env" "h0" (func $h0 (type $i)))
      (import "env" "h1" (func $h1 (type $v)))
      (import "env" "g0" (global $g0 i32))
      (import "env" "g1" (global $g1 i32))
      (import "env" "memory" (memory 1))
      (import "env" "table" (table 2 funcref))
      (global $a (mut i32) (global.get $g1))
      (global $b i32 (i32.const 7))
      (func $dead (type $v) i32.const 1 call $h0 global.get $b drop)
      (func $call (type $v) call $h1 global.get $a global.set $a call $helper)
      (func $helper (type $v) nop)
      (export "call" (func $call))
      (export "dead" (func $dead))
      (export "memory" (memory 0)))`);
    const out = optimizeModule(input, ['call']);
    expect(hex(out)).toBe(
      '0061736d0100000001040160000002300403656e76026831000003656e76026731037f0003656e76066d656d6f72790200' +
        '0103656e76057461626c650170000203030200000606017f0123000b0708010463616c6c00010a10020a0010002301240110020b0300010b',
    );
    // The unlisted memory export goes too; indices are renumbered everywhere.
    expect(disassemble(out)).toBe(
      canonicalText(`(module
        (type (func))
        (import "env" "h1" (func (type 0)))
        (import "env" "g1" (global i32))
        (import "env" "memory" (memory 1))
        (import "env" "table" (table 2 funcref))
        (global (mut i32) (global.get 0))
        (func (type 0) call 0 global.get 1 global.set 1 call 2)
        (func (type 0) nop)
        (export "call" (func 1)))`),
    );
  });

  test('start function, element members and segment offsets are roots; emptied sections stay', () => {
    const input = assemble(`(module
      (import "env" "g" (global i32))
      (import "env" "f" (func))
      (memory 1)
      (table 2 funcref)
      (global i32 (i32.const 1))
      (func $s) (func $t) (func $u)
      (start $s)
      (elem (i32.const 0) $t)
      (data (global.get 0) "x")
      (export "u" (func $u)))`);
    const out = optimizeModule(input, []);
    // Global section `06 01 00` and export section `07 01 00` are written without entries.
    expect(hex(out)).toBe(
      '0061736d01000000010401600000020a0103656e760167037f00030302000004040170000205030100010601000701000801000907' +
        '010041000b01010a070202000b02000b0b07010023000b0178',
    );
    expect(disassemble(out)).toBe(
      canonicalText(`(module
        (import "env" "g" (global i32))
        (func) (func)
        (table 2 funcref)
        (memory 1)
        (start 0)
        (elem (i32.const 0) func 1)
        (data (global.get 0) "x"))`),
    );
  });

  test('an exported global stays and is renumbered; an unused global import goes, leaving an empty import section', () => {
    const input = assemble(`(module
      (import "env" "a" (global i32))
      (global $x i32 (i32.const 1))
      (global $y (mut i64) (i64.const -1))
      (memory 1)
      (func $call)
      (export "call" (func $call))
      (export "g" (global $y)))`);
    expect(hex(optimizeModule(input, ['g', 'call']))).toBe(
      '0061736d0100000001040160000002010003020100050301000106060' +
        '17e01427f0b070c020463616c6c0000016703000a040102000b',
    );
  });

  test('types removed alone leave call_indirect type indices as they were (upstream quirk)', () => {
    const typesOnly = `(module
      (type (func (param i64)))
      (type (func))
      (table 1 funcref)
      (memory 1)
      FUNCS
      (export "call" (func CALL)))`;
    // Only type 0 goes: the code is not rewired, so `call_indirect (type 1)` now names a type that
    // does not exist — exactly what the node stores.
    const alone = optimizeModule(
      assemble(typesOnly.replace('FUNCS', '(func (type 1) i32.const 0 call_indirect (type 1))').replace('CALL', '0')),
      ['call'],
    );
    expect(hex(alone)).toBe(
      '0061736d010000000104016000000302010004040170000105030100010708010463616c6c00000a0901070041001101000b',
    );
    // With a function removed as well, call_indirect is renumbered with the types.
    const withFunc = optimizeModule(
      assemble(
        typesOnly
          .replace('FUNCS', '(func (type 0)) (func (type 1) i32.const 0 call_indirect (type 1))')
          .replace('CALL', '1'),
      ),
      ['call'],
    );
    expect(hex(withFunc)).toBe(
      '0061736d010000000104016000000302010004040170000105030100010708010463616c6c00000a0901070041001100000b',
    );
  });

  test('the name section is parsed and renumbered: names of removed functions go, locals follow their function', () => {
    const input = assemble(
      `(module $mod
        (import "env" "h0" (func $h0 (param i32)))
        (import "env" "h1" (func $h1))
        (memory 1)
        (func $dead (param $p i32) (local $q i64) nop)
        (func $call (local $x i32) call $h1 call $live)
        (func $live (param $a i32) (param $b i32) (local $c i32) nop)
        (export "call" (func $call))
        (export "dead" (func $dead)))`,
      true,
    );
    const out = optimizeModule(input, ['call']);
    expect(hex(out)).toBe(
      '0061736d0100000001090260000060027f7f00020a0103656e760268310000030302000105030100010708010463616c6c00010a1002' +
        '0801017f100010020b0501017f010b0033046e616d650004036d6f6401110300026831010463616c6c02046c6976650213030000' +
        '01010001780203000161010162020163',
    );
    expect(disassemble(out)).toBe(
      canonicalText(`(module $mod
        (import "env" "h1" (func $h1))
        (func $call (local $x i32) call 0 call 2)
        (func $live (param $a i32) (param $b i32) (local $c i32) nop)
        (memory 1)
        (export "call" (func 1)))`),
    );
  });

  test('custom sections are dropped; every "name" section that parses stays where it was', () => {
    const named = assemble(
      `(module $mod
        (import "env" "h0" (func $h0 (param i32)))
        (import "env" "h1" (func $h1))
        (memory 1)
        (func $dead (param $p i32) (local $q i64) nop)
        (func $call (local $x i32) call $h1 call $live)
        (func $live (param $a i32) (param $b i32) (local $c i32) nop)
        (export "call" (func $call))
        (export "dead" (func $dead)))`,
      true,
    );
    const s = sections(named);
    expect(s.map((x) => x[0])).toEqual([1, 2, 3, 5, 7, 10, 0]);
    const input = join([
      // Module name "first" plus an unknown subsection 7 (skipped, so not written back).
      custom('name', [0, 6, 5, ...Buffer.from('first'), 7, 3, 1, 0, 0]),
      ...s.slice(0, 2),
      custom('producers', [0]),
      ...s.slice(2, 6),
      // Function index 9 is outside the function space: does not parse, stays custom, dropped.
      custom('name', [1, 3, 1, 9, 0]),
      ...s.slice(6),
      custom('reloc.CODE', []),
    ]);
    expect(hex(optimizeModule(input, ['call']))).toBe(
      '0061736d01000000000d046e616d650006056669727374' +
        '01090260000060027f7f00020a0103656e760268310000030302000105030100010708010463616c6c00010a10020801017f1000' +
        '10020b0501017f010b0033046e616d650004036d6f6401110300026831010463616c6c02046c697665021303000001010001780203' +
        '000161010162020163',
    );
  });

  test('the output is minimally encoded whatever the input encoding', () => {
    const input = fromHex(
      [
        '0061736d01000000',
        '01848080800001600000', // type section, size in 5 bytes
        '0303020000',
        '0503010001',
        '0709010463616c6c008100', // export "call" → function 1, index in 2 bytes
        '0a24020200' + '0b',
        '1f01818000' + '7f', // one i32 local, count in 3 bytes
        '108000', // call 0
        '41ff7f1a', // i32.const -1 in 2 bytes
        '4100' + '2882008080001a', // i32.load align and offset padded
        '42807f1a', // i64.const -128 (already minimal)
        '42ffff7f1a', // i64.const -1 in 3 bytes
        '0b',
      ].join(''),
    );
    expect(hex(optimizeModule(input, ['call']))).toBe(
      '0061736d01000000010401600000030302000005030100010708010463616c6c00010a1b0202000b1601017f1000417f1a4100280200' +
        '1a42807f1a427f1a0b',
    );
  });

  test('no export section → NoExportSection', () => {
    const e = optimizeError(assemble('(module (memory 1) (func))'), []);
    expect(e.kind).toBe('NoExportSection');
  });

  test('an import section without entries makes upstream panic', () => {
    const input = fromHex(
      ['0061736d01000000', '010401600000', '020100', '03020100', '07050101660000', '0a040102000b'].join(''),
    );
    expect(optimizeError(input, ['f']).kind).toBe('Panic');
  });

  test('undecodable bytes → Malformed', () => {
    expect(optimizeError(fromHex('0061736d01000000070501016600'), ['f']).kind).toBe('Malformed');
  });
});

describe('moduleFromEntryPoints (the node check before optimizing)', () => {
  const wat = `(module (memory 1)
    (func $a) (func $b) (func $c)
    (export "a" (func $a)) (export "b" (func $b)) (export "c" (func $c)))`;

  test('no export section → FunctionNotFound("Missing Export Section"), even without entry points', () => {
    const bytes = assemble('(module (memory 1) (func))');
    expect(moduleFromEntryPoints(bytes, [])).toEqual({ error: 'FunctionNotFound', name: 'Missing Export Section' });
    expect(moduleFromEntryPoints(bytes, ['call'])).toEqual({
      error: 'FunctionNotFound',
      name: 'Missing Export Section',
    });
  });

  test('the first entry point (in the given order) without an export is reported', () => {
    const bytes = assemble(wat);
    expect(moduleFromEntryPoints(bytes, ['a', 'x', 'b', 'w'])).toEqual({ error: 'FunctionNotFound', name: 'x' });
    expect(moduleFromEntryPoints(bytes, ['a', 'b', 'w', 'x'])).toEqual({ error: 'FunctionNotFound', name: 'w' });
  });

  test('all present → the optimized module', () => {
    const bytes = assemble(wat);
    const out = moduleFromEntryPoints(bytes, ['a', 'c']);
    expect(out).toEqual(optimizeModule(bytes, ['a', 'c']));
    expect(disassemble(out as Uint8Array)).toBe(
      canonicalText('(module (func) (func) (memory 1) (export "a" (func 0)) (export "c" (func 1)))'),
    );
  });
});

/**
 * Deterministic random optimizer input (mulberry32 seeded per case): types (some unused), function
 * and global imports, memory/table declared or imported, globals initialised from imports, bodies
 * with calls, call_indirect and global accesses, element and data segments (offsets from imported
 * globals now and then), function/global/memory/table exports, a start function, wabt name
 * sections, spliced custom and "name" sections (some unparseable), an import section without
 * entries; plus the exports to keep (a subset, sometimes with an absent name).
 */
function randomCase(caseSeed: number): { bytes: Uint8Array; exports: string[] } {
  let seed = caseSeed >>> 0;
  const rnd = (n: number): number => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
  const VT = ['i32', 'i64'];
  const nTypes = 1 + rnd(4);
  const types: Array<{ params: string[]; result: string | null }> = [];
  for (let i = 0; i < nTypes; i++) {
    const params = Array.from({ length: rnd(3) }, () => VT[rnd(2)]);
    types.push({ params, result: rnd(2) ? VT[rnd(2)] : null });
  }
  const funcImports = rnd(4);
  const globalImports = rnd(3);
  const definedGlobals = rnd(5);
  const defined = 1 + rnd(caseSeed % 10 === 0 ? 60 : 8);
  const nf = funcImports + defined;
  const ng = globalImports + definedGlobals;
  const names = rnd(2) === 0;
  const fname = (i: number): string => (names && rnd(3) ? ` $f${i}` : '');
  const lname = (i: number): string => (names && rnd(2) ? ` $l${i}` : '');
  let wat = names && rnd(2) ? '(module $m' + caseSeed : '(module';
  for (const t of types) {
    const params = t.params.length ? ` (param ${t.params.join(' ')})` : '';
    wat += ` (type${names && rnd(2) ? ` $t${wat.length}` : ''} (func${params}${t.result ? ` (result ${t.result})` : ''}))`;
  }
  for (let i = 0; i < funcImports; i++) {
    const t = rnd(nTypes);
    wat += ` (import "env" "h${i}" (func${fname(i)} (type ${t})))`;
  }
  for (let i = 0; i < globalImports; i++) wat += ` (import "env" "g${i}" (global i32))`;
  const memImported = rnd(3) === 0;
  const tableImported = rnd(4) === 0;
  if (memImported) wat += ' (import "env" "memory" (memory 1 16))';
  if (tableImported) wat += ' (import "env" "table" (table 8 funcref))';
  for (let i = 0; i < definedGlobals; i++) {
    const init = globalImports > 0 && rnd(2) ? `global.get ${rnd(globalImports)}` : `i32.const ${rnd(1000) - 500}`;
    wat += ` (global${names && rnd(2) ? ` $g${i}` : ''}${rnd(2) ? ' (mut i32)' : ' i32'} (${init}))`;
  }
  if (!memImported) wat += ' (memory 1)';
  const hasTable = tableImported || rnd(3) > 0;
  if (hasTable && !tableImported) wat += ' (table 8 funcref)';
  const body = (depth: number, budget: number): string[] => {
    const out: string[] = [];
    for (let n = 1 + rnd(budget); n > 0; n--) {
      const k = rnd(22);
      if (k < 2 && depth < 4) out.push('block', ...body(depth + 1, 5), 'end');
      else if (k < 3 && depth < 4) out.push('loop', ...body(depth + 1, 4), 'end');
      else if (k < 4 && depth < 4)
        out.push('if (result i32)', ...body(depth + 1, 4), 'else', ...body(depth + 1, 3), 'end');
      else if (k < 8) out.push(`call ${rnd(nf)}`);
      else if (k < 10 && hasTable) out.push(`call_indirect (type ${rnd(nTypes)})`);
      else if (k < 12 && ng > 0) out.push(`global.get ${rnd(ng)}`);
      else if (k < 13 && ng > 0) out.push(`global.set ${rnd(ng)}`);
      else if (k < 14) out.push(`i64.const ${rnd(2) ? -rnd(1e9) * 99991 : rnd(70000)}`);
      else if (k < 15) out.push('i32.load offset=7');
      else if (k < 16) out.push(`br_table ${Array.from({ length: rnd(3) + 1 }, () => rnd(depth + 1)).join(' ')}`);
      else if (k < 17) out.push('memory.grow');
      else if (k < 18) out.push(`local.get ${rnd(2)}`);
      else if (k < 19) out.push(`i32.const ${rnd(1 << 30) - (1 << 29)}`);
      else if (k < 20) out.push('drop');
      else out.push('i32.add');
    }
    return out;
  };
  for (let i = 0; i < defined; i++) {
    const t = rnd(nTypes);
    const locals = rnd(3) ? ` (local${lname(i)} i32)` + (rnd(2) ? ' (local i64 i64)' : '') : '';
    wat += ` (func${fname(funcImports + i)} (type ${t})${locals} ${body(0, 10).join(' ')})`;
  }
  if (hasTable) {
    for (let s = rnd(3); s > 0; s--) {
      const off = globalImports > 0 && rnd(3) === 0 ? `global.get ${rnd(globalImports)}` : `i32.const ${rnd(4)}`;
      wat += ` (elem (${off}) ${Array.from({ length: rnd(4) }, () => rnd(nf)).join(' ')})`;
    }
  }
  for (let s = rnd(3); s > 0; s--) {
    const off = globalImports > 0 && rnd(3) === 0 ? `global.get ${rnd(globalImports)}` : `i32.const ${rnd(100)}`;
    wat += ` (data (${off}) "${'ab\\01'.repeat(rnd(4))}")`;
  }
  const exportNames: string[] = [];
  const nExports = rnd(8) === 0 ? 0 : 1 + rnd(6);
  for (let i = 0; i < nExports; i++) {
    const k = rnd(10);
    const name = `e${i}`;
    if (k < 6) wat += ` (export "${name}" (func ${rnd(nf)}))`;
    else if (k < 8 && ng > 0) wat += ` (export "${name}" (global ${rnd(ng)}))`;
    else if (k < 9) wat += ` (export "${name}" (memory 0))`;
    else if (hasTable) wat += ` (export "${name}" (table 0))`;
    else continue;
    exportNames.push(name);
  }
  if (rnd(4) === 0) wat += ` (start ${rnd(nf)})`;
  const parts = sections(assemble(wat + ')', names));
  for (let extra = rnd(4); extra > 0; extra--) {
    const at = rnd(parts.length + 1);
    const k = rnd(5);
    let sec: Uint8Array;
    if (k === 0) sec = custom('producers', [1, 2, 3]);
    else if (k === 1)
      sec = custom('name', [1, 2, 1, 0x7f, 0]); // function index out of range
    else if (k === 2)
      sec = custom('name', [0, 2, 1, 0x41, 9, 1, 0x30]); // module name + unknown subsection
    else if (k === 3)
      sec = custom('name', [1, 4, 1, 0, 1, 0x7a, 0x80]); // truncated trailing subsection
    else sec = custom('', []);
    parts.splice(at, 0, sec);
  }
  if (funcImports + globalImports === 0 && !memImported && !tableImported && rnd(6) === 0) {
    parts.splice(parts.findIndex((s) => s[0] === 1) + 1, 0, Uint8Array.of(2, 1, 0));
  }
  const keep = exportNames.filter(() => rnd(3) > 0);
  if (rnd(5) === 0) keep.push('absent');
  return { bytes: join(parts), exports: keep };
}

test('500 random modules: output identical to casper-wasm-utils v3.0.0 optimize + casper-wasm 0.46 serialize', () => {
  // Reference: the same 500 inputs run through the real `optimize(module, exports)` and
  // `casper_wasm::serialize` (offline Rust harness), each output — the module bytes,
  // "ERR:NoExportSection" or "PANIC" — hashed in order.
  const inputs = createHash('sha256');
  const outputs = createHash('sha256');
  let inputBytes = 0;
  let noExportSection = 0;
  let panics = 0;
  let withNames = 0;
  for (let c = 1; c <= 500; c++) {
    const { bytes, exports } = randomCase(c);
    inputs.update(bytes);
    inputBytes += bytes.length;
    let out: Uint8Array;
    try {
      out = optimizeModule(bytes, exports);
      if (Buffer.from(out).includes('\x04name')) withNames++;
    } catch (e) {
      if (!(e instanceof OptimizerError) || e.kind === 'Malformed') throw e;
      if (e.kind === 'Panic') panics++;
      else noExportSection++;
      out = Buffer.from(e.kind === 'Panic' ? 'PANIC' : 'ERR:NoExportSection');
    }
    outputs.update(out);
  }
  expect(inputBytes).toBe(234_266);
  expect(inputs.digest('hex')).toBe('a0ca3bb8627f3925495a86aa3ecd19bf8eb22a74632f44277bc54b2d3c89f51b');
  expect({ noExportSection, panics, withNames }).toEqual({ noExportSection: 53, panics: 4, withNames: 272 });
  expect(outputs.digest('hex')).toBe('04f29e788935310bb26bc81fc4cbce0661d1235bce4866863de284369dffac02');
});

describe('CEP-18 (199 KB Rust contract)', () => {
  const ENTRY_POINTS = [
    'allowance',
    'approve',
    'balance_of',
    'burn',
    'change_security',
    'decimals',
    'decrease_allowance',
    'increase_allowance',
    'init',
    'mint',
    'name',
    'symbol',
    'total_supply',
    'transfer',
    'transfer_from',
  ];

  function preprocessed(): Uint8Array {
    const { wasm } = loadCosts('1.5.6');
    const ext = externalizeMemory(loadCep18Wasm(), wasm.max_memory)!;
    const metered = injectGasCounter(ext.bytes, wasm.opcode_costs);
    if ('error' in metered) throw new Error(metered.error);
    const limited = injectStackLimiter(metered.bytes, wasm.max_stack_height);
    if ('error' in limited) throw new Error(limited.error);
    return limited.bytes;
  }

  test('instrumented, then pruned to its entry points: the ContractWasm the node stores', () => {
    const pre = preprocessed();
    // Same as the Rust preprocessing (externalize_mem, inject_gas_counter, inject_limiter).
    expect(pre.length).toBe(274_622);
    const out = moduleFromEntryPoints(pre, ENTRY_POINTS);
    if (!(out instanceof Uint8Array)) throw new Error(out.name);
    expect(out.length).toBe(194_739);
    expect(createHash('sha256').update(out).digest('hex')).toBe(
      'b0c41ed7947070656ce6ca408af99c422afa53c4c6c09bfa054c2dbecd3d1bb8',
    );
    const mod = new WebAssembly.Module(out);
    expect(
      WebAssembly.Module.exports(mod)
        .map((e) => e.name)
        .sort(),
    ).toEqual(ENTRY_POINTS);
    // `call` (the installer) and `oom` are gone, with everything only they reached.
    const withInstaller = moduleFromEntryPoints(pre, [...ENTRY_POINTS, 'call'].sort()) as Uint8Array;
    expect(withInstaller.length).toBeGreaterThan(out.length);
  });

  test('an entry point the contract does not export → FunctionNotFound', () => {
    expect(moduleFromEntryPoints(preprocessed(), ['balance_of', 'mint_all', 'transfer'])).toEqual({
      error: 'FunctionNotFound',
      name: 'mint_all',
    });
  });
});
