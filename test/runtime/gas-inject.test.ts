// Gas metering injection on bytecode, checked against casper-wasm-utils v3.0.0's own gas fixtures,
// hand-computed 1.5.6 charges, the engine's gas_counter worked check and execution with a JS meter.
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';

import { loadCosts, type OpcodeCosts } from '../../runtime/costs';
import {
  constantGasRules,
  type GasInjectionResult,
  injectGasCounter,
  meteringPoints,
  type MeteringPoints,
} from '../../runtime/wasm/gas-inject';
import { readPreamble, readSectionHeader, type SectionHeader, WasmReader } from '../../runtime/wasm/reader';

let wabt: any;
beforeAll(async () => {
  wabt = await require('wabt')();
});

const COSTS: OpcodeCosts = loadCosts('1.5.6').wasm.opcode_costs;
const FIXTURES = join(__dirname, '..', 'fixtures', 'gas');

function assemble(wat: string): Uint8Array<ArrayBuffer> {
  const m = wabt.parseWat('t.wat', wat);
  try {
    return new Uint8Array(m.toBinary({}).buffer);
  } finally {
    m.destroy();
  }
}

function disassemble(bytes: Uint8Array): string {
  const m = wabt.readWasm(bytes, { readDebugNames: false });
  try {
    return m.toText({});
  } finally {
    m.destroy();
  }
}

/** The fixtures predate the current text format; wabt 1.0.39 only takes the new mnemonics. */
function modernize(wat: string): string {
  return wat
    .replace(/\bget_local\b/g, 'local.get')
    .replace(/\bset_local\b/g, 'local.set')
    .replace(/\btee_local\b/g, 'local.tee')
    .replace(/\bget_global\b/g, 'global.get')
    .replace(/\bset_global\b/g, 'global.set');
}

function inject(bytes: Uint8Array, costs: Parameters<typeof injectGasCounter>[1] = COSTS): GasInjectionResult {
  const res = injectGasCounter(bytes, costs);
  if ('error' in res) throw new Error(res.error);
  return res;
}

/** `[start, end)` of body `index` (after its size prefix). */
function bodyRange(bytes: Uint8Array, index: number): [number, number] {
  const r = new WasmReader(bytes);
  readPreamble(r);
  const h: SectionHeader = { id: 0, offset: 0, start: 0, end: 0 };
  while (readSectionHeader(r, h)) {
    if (h.id === 10) {
      const n = r.readVarU32();
      for (let i = 0; i < n; i++) {
        const size = r.readVarU32();
        if (i === index) return [r.pos, r.pos + size];
        r.pos += size;
      }
    }
    r.pos = h.end;
  }
  throw new Error('no such body');
}

function points(wat: string, body = 0): MeteringPoints & { opcodes: number[] } {
  const bytes = assemble(wat);
  const [start, end] = bodyRange(bytes, body);
  const res = meteringPoints(bytes, start, end, COSTS);
  if ('error' in res) throw new Error(res.error);
  return { ...res, opcodes: res.offsets.map((o) => bytes[o]) };
}

/** Instantiates the injected module with a summing `env.gas` and calls `name(...args)`. */
function run(
  injected: Uint8Array<ArrayBuffer>,
  name: string,
  args: number[] = [],
  env: Record<string, unknown> = {},
): { gas: number; result: unknown; calls: number } {
  let gas = 0;
  let calls = 0;
  const mod = new WebAssembly.Module(injected);
  const inst = new WebAssembly.Instance(mod, {
    env: {
      ...env,
      gas: (amount: number) => {
        gas += amount >>> 0;
        calls++;
      },
    },
  });
  const result = (inst.exports[name] as (...a: number[]) => unknown)(...args);
  return { gas, result, calls };
}

const OP = { block: 0x02, loop: 0x03, if: 0x04, nop: 0x01, localGet: 0x20, return: 0x0f, i32Const: 0x41 };
const CF = COSTS.control_flow;

describe('casper-wasm-utils v3.0.0 gas fixtures (rules::Set::default(): every instruction costs 1)', () => {
  for (const name of ['branch', 'call', 'ifs', 'simple', 'start']) {
    test(name, () => {
      const input = assemble(modernize(readFileSync(join(FIXTURES, `${name}.wat`), 'utf8')));
      const expected = assemble(readFileSync(join(FIXTURES, `${name}.expected.wat`), 'utf8'));
      const out = inject(input, constantGasRules());
      expect(Buffer.from(out.bytes).toString('hex')).toBe(Buffer.from(expected).toString('hex'));
      expect(WebAssembly.validate(out.bytes)).toBe(true);
    });
  }
});

describe('casper-wasm-utils v3.0.0 src/gas.rs unit cases (rules::Set::default())', () => {
  // Body of function 0 after injection, as text, for the library's inline test modules.
  function body(wat: string): string {
    const text = disassemble(inject(assemble(wat), constantGasRules()).bytes);
    const start = text.indexOf('(func (;1;)');
    const next = text.indexOf('\n  (', start);
    return text
      .slice(text.indexOf('\n', start) + 1, next < 0 ? text.lastIndexOf(')') : next)
      .replace(/\s+/g, ' ')
      .trim();
  }

  test('branch_outer_loop', () => {
    const wat = `(module (global i32 (i32.const 0)) (func (result i32)
      global.get 0
      (loop (global.get 0)
        (if (then (global.get 0) (br_if 0))
            (else (global.get 0) (global.get 0) (drop) (br_if 1)))
        (global.get 0) (drop))
      global.get 0))`;
    expect(body(wat)).toBe(
      'i32.const 3 call 0 global.get 0 loop ;; label = @1 i32.const 4 call 0 global.get 0 ' +
        'if ;; label = @2 i32.const 2 call 0 global.get 0 br_if 0 (;@2;) ' +
        'else i32.const 4 call 0 global.get 0 global.get 0 drop br_if 1 (;@1;) end ' +
        'global.get 0 drop end global.get 0)',
    );
  });

  test('branch_from_if_not_else', () => {
    const wat = `(module (global i32 (i32.const 0)) (func (result i32)
      global.get 0
      (block (global.get 0) (if (then (br 1)) (else (br 0))) (global.get 0) (drop))
      global.get 0))`;
    expect(body(wat)).toBe(
      'i32.const 5 call 0 global.get 0 block ;; label = @1 global.get 0 ' +
        'if ;; label = @2 i32.const 1 call 0 br 1 (;@1;) else i32.const 1 call 0 br 0 (;@2;) end ' +
        'i32.const 2 call 0 global.get 0 drop end global.get 0)',
    );
  });

  test('empty_loop', () => {
    expect(body('(module (func (loop (br 0)) unreachable))')).toBe(
      'i32.const 2 call 0 loop ;; label = @1 i32.const 1 call 0 br 0 (;@1;) end unreachable)',
    );
  });

  test('simple_grow: memory.grow becomes a call to the appended helper', () => {
    const wat = '(module (memory 1) (global i32 (i32.const 0)) (func (param i32) global.get 0 memory.grow drop))';
    const text = disassemble(inject(assemble(wat), constantGasRules(1, 10000)).bytes);
    expect(text).toContain('i32.const 3\n    call 0\n    global.get 0\n    call 2\n    drop)');
    expect(text).toContain(
      '(func (;2;) (type 1) (param i32) (result i32)\n    local.get 0\n    local.get 0\n' +
        '    i32.const 10000\n    i32.mul\n    call 0\n    memory.grow)',
    );
  });
});

describe('1.5.6 costs: per-opcode charges', () => {
  const cases: Array<[string, string, number]> = [
    ['unreachable', 'unreachable', COSTS.unreachable],
    ['nop', 'nop', COSTS.nop],
    ['select + drop', 'i32.const 1 i32.const 2 i32.const 0 select drop', 3 * COSTS.const + CF.select + CF.drop],
    ['local.get/set/tee', 'local.get 0 local.set 1 local.get 1 local.tee 0 drop', 4 * COSTS.local + CF.drop],
    ['global.get/set', 'global.get 0 global.set 0', 2 * COSTS.global],
    ['i32/i64/f32/f64 loads', 'i32.const 0 i64.load32_u drop i32.const 0 f64.load drop', 2 * (110 + 2500 + 440)],
    ['f32.store from f32.load', 'i32.const 0 i32.const 0 f32.load f32.store', 110 + 110 + 2500 + 4700],
    ['i64.store8', 'i32.const 0 i64.const -1 i64.store8', 110 + 110 + COSTS.store],
    ['memory.size', 'memory.size drop', COSTS.current_memory + CF.drop],
    ['comparisons', 'i32.const 1 i32.eqz i64.const 1 i64.const 2 i64.le_u i32.ne drop', 3 * 110 + 3 * 250 + 440],
    ['bit', 'i32.const 1 i32.popcnt i32.const 3 i32.rotl i64.const 1 i64.clz drop drop', 3 * 110 + 3 * 300 + 880],
    ['add/sub', 'i64.const 1 i64.const 2 i64.sub i64.const 3 i64.add drop', 3 * 110 + 2 * 210 + 440],
    ['mul', 'i32.const 1 i32.const 2 i32.mul drop', 2 * 110 + 240 + 440],
    [
      'div/rem',
      'i32.const 1 i32.const 2 i32.rem_s i64.const 1 i64.const 2 i64.div_u drop drop',
      4 * 110 + 2 * 320 + 880,
    ],
    ['conversion', 'i64.const 1 i32.wrap_i64 i64.extend_i32_u drop', 110 + 2 * 420 + 440],
    ['call (host import too)', 'i32.const 5 call $host i32.const 0 call $local', 2 * 110 + 2 * CF.call],
    ['call_indirect', 'i32.const 0 i32.const 0 call_indirect (type $t)', 2 * 110 + CF.call_indirect],
  ];
  for (const [label, code, cost] of cases) {
    test(`${label}: ${cost}`, () => {
      const wat = `(module (type $t (func (param i32)))
        (import "env" "host" (func $host (param i32)))
        (memory 1) (table 1 funcref) (global (mut i32) (i32.const 0))
        (func $f (param i32) (local i32 i64) ${code})
        (func $local (param i32)))`;
      const p = points(wat);
      expect(p.costs).toEqual([cost]);
      expect(p.offsets).toEqual([bodyRange(assemble(wat), 0)[0] + 5]); // after the locals vector 02 01 7f 01 7e
    });
  }
});

describe('1.5.6 costs: metered blocks', () => {
  test('straight-line code is charged once, before it runs', () => {
    const p = points('(module (func (param i32) (result i32) local.get 0 i32.const 7 i32.mul i32.const 3 i32.div_u))');
    expect(p.costs).toEqual([390 + 110 + 240 + 110 + 320]);
    expect(p.opcodes).toEqual([OP.localGet]);
  });

  test('nested blocks without branches merge into the enclosing block (end uncharged)', () => {
    const p = points('(module (func block i32.const 1 drop block nop end end nop))');
    expect(p.costs).toEqual([CF.block + 110 + CF.drop + CF.block + 200 + 200]);
    expect(p.opcodes).toEqual([OP.block]);
  });

  test('if/else: condition + code after end in one block, each arm its own (else uncharged)', () => {
    const p = points('(module (func (param i32) local.get 0 if nop else nop nop end nop))');
    expect(p.costs).toEqual([390 + CF.if + 200, 200, 400]);
    expect(p.opcodes).toEqual([OP.localGet, OP.nop, OP.nop]);
  });

  test('br_if ends a metered block; code after it in the block is charged separately', () => {
    const p = points('(module (func block i32.const 1 br_if 0 nop nop end nop))');
    expect(p.costs).toEqual([CF.block + 110 + CF.br_if + 200, 400]);
    expect(p.opcodes).toEqual([OP.block, OP.nop]);
  });

  test('a branch out of an enclosing block splits the code after the inner end', () => {
    const p = points('(module (func block block i32.const 1 br_if 1 nop end nop end nop))');
    expect(p.costs).toEqual([2 * CF.block + 110 + CF.br_if + 200, 200, 200]);
    expect(p.opcodes).toEqual([OP.block, OP.nop, OP.nop]);
  });

  test('br: unconditional branch ends the block', () => {
    const p = points('(module (func block br 0 nop end nop))');
    expect(p.costs).toEqual([CF.block + CF.br + 200, 200]);
  });

  test('br_table: base + 100 per target (default excluded), all targets count', () => {
    const p = points('(module (func (param i32) block block local.get 0 br_table 0 1 0 end nop end nop))');
    const brTable = CF.br_table.cost + 2 * CF.br_table.size_multiplier;
    expect(brTable).toBe(35200);
    expect(p.costs).toEqual([2 * CF.block + 390 + brTable + 200, 200]);
    expect(p.opcodes).toEqual([OP.block, OP.nop]);
  });

  test('return inside an if: the code after the if becomes its own block', () => {
    const p = points('(module (func (param i32) local.get 0 if return end nop))');
    expect(p.costs).toEqual([390 + CF.if, CF.return, 200]);
    expect(p.opcodes).toEqual([OP.localGet, OP.return, OP.nop]);
  });

  test('loop body is charged on every iteration', () => {
    const wat = `(module (memory 1) (func (export "f") (param i32)
      loop local.get 0 i32.const 1 i32.sub local.tee 0 br_if 0 end))`;
    const iteration = 390 + 110 + 210 + 390 + CF.br_if;
    expect(points(wat).costs).toEqual([CF.loop, iteration]);
    const out = inject(assemble(wat)).bytes;
    expect(run(out, 'f', [1]).gas).toBe(CF.loop + iteration);
    expect(run(out, 'f', [5]).gas).toBe(CF.loop + 5 * iteration);
  });

  test('memory.grow: static cost in the block, 240 000 per requested page through the helper', () => {
    const wat = '(module (memory 1 10) (func (export "f") (param i32) (result i32) local.get 0 memory.grow))';
    expect(points(wat).costs).toEqual([390 + COSTS.grow_memory]);
    const out = inject(assemble(wat)).bytes;
    expect(run(out, 'f', [3])).toEqual({ gas: 390 + 240_000 + 3 * 240_000, result: 1, calls: 2 });
    expect(run(out, 'f', [0])).toEqual({ gas: 390 + 240_000, result: 1, calls: 2 });
    // Failing growth is charged all the same.
    expect(run(out, 'f', [20])).toEqual({ gas: 390 + 240_000 + 20 * 240_000, result: -1, calls: 2 });
  });

  test('grow_memory = 0: memory.grow stays, no helper is appended', () => {
    const costs = loadCosts('1.5.6', { wasm: { opcode_costs: { grow_memory: 0 } } }).wasm.opcode_costs;
    const wat = '(module (memory 1 10) (func (export "f") (param i32) (result i32) local.get 0 memory.grow))';
    const out = inject(assemble(wat), costs).bytes;
    expect(disassemble(out)).toContain('i32.const 390\n    call 0\n    local.get 0\n    memory.grow)');
    expect(run(out, 'f', [3])).toEqual({ gas: 390, result: 1, calls: 1 });
  });
});

test('engine gas_counter worked check: the listed sequence costs exactly 499 140', () => {
  // execution_engine_testing/tests/src/test/gas_counter.rs should_correctly_measure_gas_for_opcodes
  const wat = `(module (memory 1) (func (export "call")
    nop
    memory.size
    i32.const 10 i32.mul
    i32.const 11 i32.add
    i32.const 12 i32.sub
    i32.const 13 i32.div_u
    i32.const 3 i32.shl
    i32.const 0 i32.store offset=4 align=1
    i32.const 1 memory.grow
    i32.const 0 i32.store offset=4 align=1
    i32.const 0 if nop else nop nop end
    i32.const 0 i32.const 1 i32.eqz i32.store offset=4 align=1
    i32.const 123 i64.extend_i32_s drop))`;
  const out = inject(assemble(wat));
  expect(out.gasFunctionIndex).toBe(0);
  expect(run(out.bytes, 'call')).toEqual({ gas: 499_140, result: undefined, calls: 3 });
});

/** Deterministic random module text (LCG seeded per case): nested control flow, branches, calls, grows, floats now and then. */
function randomModuleWat(caseSeed: number): string {
  let seed = caseSeed;
  const rnd = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const body = (nf: number, depth: number, labels: number, budget: number): string[] => {
    const out: string[] = [];
    const lab = (): number => rnd(labels + 1);
    for (let n = 1 + rnd(budget); n > 0; n--) {
      const k = rnd(30);
      const nest = depth < 6;
      if (k < 3 && nest) out.push('block', ...body(nf, depth + 1, labels + 1, 6), 'end');
      else if (k < 5 && nest) out.push('loop', ...body(nf, depth + 1, labels + 1, 6), 'end');
      else if (k < 7 && nest) {
        out.push('if', ...body(nf, depth + 1, labels + 1, 5));
        if (rnd(2)) out.push('else', ...body(nf, depth + 1, labels + 1, 5));
        out.push('end');
      } else if (k < 9) out.push(`br ${lab()}`);
      else if (k < 11) out.push(`br_if ${lab()}`);
      else if (k < 12) out.push(`br_table ${Array.from({ length: rnd(4) + 1 }, lab).join(' ')}`);
      else if (k < 13) out.push('return');
      else if (k < 15) out.push(`call ${rnd(nf)}`);
      else
        out.push(
          [
            'memory.grow',
            'memory.size',
            'unreachable',
            'select',
            'i64.const -5',
            'i32.load offset=3',
            'i64.store',
            'call_indirect (type 0)',
            'global.get 0',
            'i32.add',
            'i64.div_u',
            'i32.wrap_i64',
            `i32.const ${rnd(300) - 150}`,
            rnd(100) === 0 ? 'f32.const 1' : 'drop',
            'local.get 0',
          ][k - 15],
        );
    }
    return out;
  };
  const imports = rnd(4);
  const defined = 1 + rnd(caseSeed % 10 === 0 ? 150 : 6);
  const nf = imports + defined;
  let wat = '(module (type (func (param i32)))';
  if (rnd(2)) wat += ' (type (func (param i32) (result i32)))';
  for (let i = 0; i < imports; i++) wat += ` (import "env" "h${i}" (func (type 0)))`;
  wat += rnd(2) ? ' (import "env" "g" (global i32))' : ' (global i32 (i32.const 1))';
  wat += ' (memory 1) (table 4 funcref)';
  for (let i = 0; i < defined; i++) wat += ` (func (type 0) (local i32) ${body(nf, 0, 0, 12).join(' ')})`;
  wat += ` (elem (i32.const 0) ${Array.from({ length: 1 + rnd(3) }, () => rnd(nf)).join(' ')})`;
  for (let i = 0, n = 1 + rnd(3); i < n; i++) wat += ` (export "e${i}" (func ${rnd(nf)}))`;
  if (rnd(3) === 0) wat += ` (start ${imports})`;
  return wat + ')';
}

test('200 random modules: output identical to casper-wasm-utils v3.0.0 + casper-wasm 0.46 with the 1.5.6 costs', () => {
  // Reference digest: the same 200 wabt-assembled inputs run through the real inject_gas_counter
  // (casper-node 1.5.6 OpcodeCosts rules, "env") and casper_wasm::serialize, "ERR" for rejected
  // modules, hashed in order (computed offline with a Rust harness over the mirrored sources).
  const hash = createHash('sha256');
  let rejected = 0;
  let inputBytes = 0;
  for (let c = 0; c < 200; c++) {
    const bytes = assemble(randomModuleWat(c + 1));
    inputBytes += bytes.length;
    const res = injectGasCounter(bytes, COSTS);
    if ('error' in res) rejected++;
    hash.update('error' in res ? Buffer.from('ERR') : res.bytes);
  }
  expect(inputBytes).toBe(88_731);
  expect(rejected).toBe(38);
  expect(hash.digest('hex')).toBe('25163afe9f3261d7b25da26414f004a490a43e7e447dc13e222820ecfaeaa15a');
});

describe('forbidden operations', () => {
  const floats = [
    'f32.const 1.5 drop',
    'f64.const 2 drop',
    'i32.const 0 f32.load f32.neg drop',
    'i32.const 0 f64.load i32.const 0 f64.load f64.lt drop',
    'i32.const 0 f32.load i32.trunc_f32_s drop',
    'i32.const 0 f64.load i64.reinterpret_f64 drop',
    'i32.const 0 f32.convert_i32_s drop',
  ];
  for (const code of floats) {
    test(`${code} → OperationForbiddenByGasRules`, () => {
      const bytes = assemble(`(module (memory 1) (func nop) (func ${code}))`);
      expect(injectGasCounter(bytes, COSTS)).toEqual({ error: 'OperationForbiddenByGasRules' });
      const [start, end] = bodyRange(bytes, 1);
      expect(meteringPoints(bytes, start, end, COSTS)).toEqual({ error: 'OperationForbiddenByGasRules' });
    });
  }

  test('rules::Set allows floats unless with_forbidden_floats', () => {
    const bytes = assemble('(module (func (result f32) f32.const 555555))');
    expect('bytes' in injectGasCounter(bytes, constantGasRules())).toBe(true);
    expect(injectGasCounter(bytes, constantGasRules(1, 0, true))).toEqual({ error: 'OperationForbiddenByGasRules' });
  });

  test('a metered block whose cost overflows u32 is rejected', () => {
    const calls = 'call 0 '.repeat(Math.ceil(0x1_0000_0000 / CF.call));
    expect(injectGasCounter(assemble(`(module (func ${calls}))`), COSTS)).toEqual({
      error: 'OperationForbiddenByGasRules',
    });
  });
});

describe('module rewriting', () => {
  const WAT = `(module
    (type $v (func))
    (import "env" "a" (func $a (param i32) (result i32)))
    (import "env" "mem" (memory 1))
    (import "env" "b" (func $b (param i32) (result i32)))
    (table 2 funcref)
    (elem (i32.const 0) $ten $viaTable)
    (global $g (mut i32) (i32.const 0))
    (start $init)
    (func $init (global.set $g (i32.const 7)))
    (func $ten (result i32) (i32.const 10))
    (func $viaTable (result i32) (i32.const 20))
    (func (export "main") (param i32) (result i32)
      (i32.add (call $a (local.get 0)) (call $b (call $ten)))
      (i32.add (call_indirect (result i32) (i32.const 1)))
      (i32.add (global.get $g))))`;

  test('gas import after all imports; calls, exports, elements and start shifted', () => {
    const out = inject(assemble(WAT));
    expect(out.gasFunctionIndex).toBe(2);
    const text = disassemble(out.bytes);
    expect(text).toContain('(import "env" "b" (func (;1;) (type 1)))\n  (import "env" "gas" (func (;2;) (type 3)))');
    expect(text).toContain('(export "main" (func 6))');
    expect(text).toContain('(start 3)');
    expect(text).toContain('(elem (;0;) (i32.const 0) func 4 5)');
    expect(text).toContain('call 4\n    call 1');
    const host = { a: (x: number) => x + 1, b: (x: number) => x * 2, mem: new WebAssembly.Memory({ initial: 1 }) };
    // start: 2 global + const; main: 3 calls, call_indirect, 3 add, local, 2 consts, global.get; callees: const each.
    const init = 110 + 390;
    const main = 390 + 3 * CF.call + 110 + CF.call_indirect + 3 * 210 + 390;
    expect(run(out.bytes, 'main', [4], host)).toEqual({
      gas: init + main + 2 * 110,
      result: 5 + 20 + 20 + 7,
      calls: 4,
    });
  });

  test('an existing (i32) → () type is reused for the gas import', () => {
    const bytes = assemble('(module (type (func (param i32 i64))) (type (func (param i32))) (func (param i32) nop))');
    const text = disassemble(inject(bytes).bytes);
    expect(text).toContain('(import "env" "gas" (func (;0;) (type 1)))');
    expect(text).not.toContain('(type (;2;)');
  });

  test('modules without type/import/code sections get them in canonical order', () => {
    const out = inject(assemble('(module (memory 1))')).bytes;
    expect(WebAssembly.validate(out)).toBe(true);
    expect(disassemble(out)).toBe(
      '(module\n  (type (;0;) (func (param i32)))\n  (import "env" "gas" (func (;0;) (type 0)))\n  (memory (;0;) 1))\n',
    );
  });

  test('re-indexing across a LEB128 width change (127 → 128)', () => {
    const funcs = Array.from({ length: 130 }, (_, i) => `(func $f${i} (result i32) (i32.const ${i}))`).join('\n');
    const wat = `(module ${funcs}
      (func (export "call127") (result i32) (call $f127))
      (export "f128" (func $f128)))`;
    const out = inject(assemble(wat)).bytes;
    expect(WebAssembly.validate(out)).toBe(true);
    expect(run(out, 'call127')).toEqual({ gas: CF.call + 110, result: 127, calls: 2 });
    expect(run(out, 'f128')).toEqual({ gas: 110, result: 128, calls: 1 });
  });

  test('custom sections are kept in place', () => {
    const bytes = assemble(WAT);
    const m = wabt.parseWat('t.wat', WAT);
    const withNames = new Uint8Array(m.toBinary({ write_debug_names: true }).buffer);
    m.destroy();
    const out = inject(withNames).bytes;
    expect(WebAssembly.validate(out)).toBe(true);
    const plain = inject(bytes).bytes;
    expect(Buffer.from(out.subarray(0, plain.length)).equals(Buffer.from(plain))).toBe(true);
    expect(Buffer.from(out.subarray(plain.length)).equals(Buffer.from(withNames.subarray(bytes.length)))).toBe(true);
  });
});

describe('determinism, validity, speed', () => {
  /** ~30 KB of mixed code: loops, branches, br_tables, calls, memory ops, grows. */
  function bigModule(): Uint8Array {
    const funcs: string[] = [];
    for (let i = 0; i < 280; i++) {
      funcs.push(`(func $f${i} (export "f${i}") (param i32) (result i32) (local i32 i64)
        (block $out
          (loop $top
            (br_if $out (i32.ge_u (local.get 1) (local.get 0)))
            (local.set 1 (i32.add (local.get 1) (i32.const 1)))
            (i64.store offset=8 (i32.const 0) (i64.extend_i32_u (local.get 1)))
            (block $a (block $b (block $c
              (br_table $a $b $c (i32.and (local.get 1) (i32.const 3))))
              (local.set 2 (i64.add (local.get 2) (i64.const 3))))
              (local.set 2 (i64.mul (local.get 2) (i64.const 5))))
            (if (i32.eqz (local.get 1)) (then (drop (memory.grow (i32.const 0)))) (else nop))
            (br $top)))
        (i32.add (local.get 1) (call $f${(i + 1) % 280} (i32.const 0)))
        (drop (i32.load8_u (i32.const 3)))
        (return (i32.wrap_i64 (local.get 2))))`);
    }
    return assemble(`(module (memory 1) ${funcs.join('\n')})`);
  }

  test('same input → same bytes; the output validates', () => {
    const bytes = bigModule();
    expect(bytes.length).toBeGreaterThan(29_000);
    expect(bytes.length).toBeLessThan(32_000);
    const a = inject(bytes).bytes;
    const b = inject(bytes.slice()).bytes;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(WebAssembly.validate(a)).toBe(true);
    expect(WebAssembly.validate(inject(bytes, constantGasRules(1, 7)).bytes)).toBe(true);
  });
});
