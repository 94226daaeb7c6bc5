// The node's stack-height limiter (casper-wasm-utils 3.0 `stack_height::inject_limiter`) on the
// bytecode: upstream fixtures byte for byte, the exact recursion depth at which the limit traps,
// the stack-cost rules, and the shape of the rewritten module.
import { readFileSync } from 'fs';
import { join } from 'path';
import { functionStackCost, injectStackLimiter } from '../../runtime/wasm/stack-height';

let wabt: any;
beforeAll(async () => {
  wabt = await require('wabt')();
});

function assemble(wat: string): Uint8Array {
  const m = wabt.parseWat('t.wat', wat);
  return new Uint8Array(m.toBinary({}).buffer);
}

function instrument(bytes: Uint8Array, limit?: number): Uint8Array {
  const r = injectStackLimiter(bytes, limit);
  if ('error' in r) throw new Error(r.error);
  return r.bytes;
}

function cost(wat: string, index: number): number | { error: string } {
  return functionStackCost(assemble(wat), index);
}

function text(bytes: Uint8Array): string {
  return wabt.readWasm(bytes, { readDebugNames: false }).toText({});
}

/** Section ids in order. */
function sectionIds(bytes: Uint8Array): number[] {
  const ids: number[] = [];
  let p = 8;
  while (p < bytes.length) {
    ids.push(bytes[p++]);
    let size = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[p++];
      size += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (b < 0x80) break;
    }
    p += size;
  }
  return ids;
}

function trapMessage(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) return e.message;
    throw e;
  }
  return 'no trap';
}

const instrumentCall = (callee: number, cost: number, global: number, limit: number): string =>
  `    global.get ${global}
    i32.const ${cost}
    i32.add
    global.set ${global}
    global.get ${global}
    i32.const ${limit}
    i32.gt_u
    if  ;; label = @1
      unreachable
    end
    call ${callee}
    global.get ${global}
    i32.const ${cost}
    i32.sub
    global.set ${global}`;

describe('casper-wasm-utils v3.0.0 stack-height fixtures (limit 1024)', () => {
  const dir = join(__dirname, '../fixtures/stack-height');
  // The fixtures use pre-1.0 mnemonics that wabt 1.0.39 no longer accepts.
  const modern = (wat: string): string =>
    wat
      .replace(/\bget_local\b/g, 'local.get')
      .replace(/\btee_local\b/g, 'local.tee')
      .replace(/\banyfunc\b/g, 'funcref');

  for (const name of ['simple', 'start', 'table', 'global', 'imports', 'many_locals']) {
    test(`${name}.wat: instrumented module is byte-identical to the expectation`, () => {
      const fixture = assemble(modern(readFileSync(join(dir, 'fixtures', `${name}.wat`), 'utf8')));
      const expected = assemble(readFileSync(join(dir, 'expectations', `${name}.wat`), 'utf8'));
      const actual = instrument(fixture, 1024);
      expect(WebAssembly.validate(fixture as Uint8Array<ArrayBuffer>)).toBe(true);
      expect(sectionIds(actual)).toEqual(sectionIds(expected));
      expect(Buffer.from(actual).equals(Buffer.from(expected))).toBe(true);
    });
  }
});

describe('recursion stops at the node depth', () => {
  // Cost of $rec: 2 locals (the 2 params do not count) + max operand-stack height 2 = 4.
  // The exported entry goes through a thunk, so level d (0-based) runs with a counter of 4 * (d + 1):
  // it runs while 4 * (d + 1) <= 500, i.e. d <= 124; entering level 125 (counter 504) traps.
  const REC = `(module
    (memory (export "memory") 1)
    (func $rec (export "rec") (param $d i32) (param $n i32) (local $a i32) (local $b i32)
      (i32.store (i32.const 0) (local.get $d))
      (if (i32.ne (local.get $d) (local.get $n))
        (then (call $rec (i32.add (local.get $d) (i32.const 1)) (local.get $n))))))`;

  function load(bytes: Uint8Array): {
    rec: (d: number, n: number) => void;
    depth: () => number;
    setDepth: (d: number) => void;
  } {
    const inst = new WebAssembly.Instance(new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>));
    const memory = inst.exports.memory as WebAssembly.Memory;
    return {
      rec: inst.exports.rec as (d: number, n: number) => void,
      depth: () => new Int32Array(memory.buffer)[0],
      setDepth: (d) => {
        new Int32Array(memory.buffer)[0] = d;
      },
    };
  }

  test('$rec costs 4', () => {
    expect(cost(REC, 0)).toBe(4);
  });

  test('unbounded recursion traps with unreachable on entering depth 125', () => {
    const m = load(instrument(assemble(REC)));
    expect(trapMessage(() => m.rec(0, 1000))).toBe('unreachable');
    expect(m.depth()).toBe(124);
  });

  test('depth 124 completes, the counter returns to 0, and one level more traps', () => {
    const m = load(instrument(assemble(REC)));
    m.rec(0, 124);
    expect(m.depth()).toBe(124);
    m.rec(0, 124);
    m.rec(0, 124);
    expect(m.depth()).toBe(124);
    expect(trapMessage(() => m.rec(0, 125))).toBe('unreachable');
    expect(m.depth()).toBe(124);
  });

  test('without instrumentation the same recursion goes deeper', () => {
    const m = load(assemble(REC));
    m.rec(0, 1000);
    expect(m.depth()).toBe(1000);
  });

  test('the limit argument moves the boundary: limit 40 allows depths 0..9', () => {
    const m = load(instrument(assemble(REC), 40));
    m.rec(0, 9);
    expect(m.depth()).toBe(9);
    expect(trapMessage(() => m.rec(0, 1000))).toBe('unreachable');
    expect(m.depth()).toBe(9);
  });

  test('a trap skips the subtractions: the counter stays raised in that instance', () => {
    // The trap left the counter at 44 (> 40), so even depth 0 now traps before running. The node
    // never reuses an instance; an emulator that does must reset the injected global.
    const m = load(instrument(assemble(REC), 40));
    expect(trapMessage(() => m.rec(0, 1000))).toBe('unreachable');
    m.setDepth(-1);
    expect(trapMessage(() => m.rec(0, 0))).toBe('unreachable');
    expect(m.depth()).toBe(-1);
  });

  test('call_indirect through a table element reaches the thunk', () => {
    // $f: no locals, max height 2 (i32.const + local.get before the store; d+1 and the table index
    // before call_indirect) → cost 2; the exported entry costs 2 as well. Every call_indirect
    // enters the thunk of $f: level d of $f runs with 2 (entry) + 2 * (d + 1) <= 500, i.e. d <= 248.
    const wat = `(module
      (type $t (func (param i32)))
      (memory (export "memory") 1)
      (table 1 funcref)
      (elem (i32.const 0) $f)
      (func $f (param $d i32)
        (i32.store (i32.const 0) (local.get $d))
        (call_indirect (type $t) (i32.add (local.get $d) (i32.const 1)) (i32.const 0)))
      (func (export "rec") (param $d i32) (param $n i32)
        (call_indirect (type $t) (local.get $d) (i32.const 0))))`;
    const bytes = assemble(wat);
    expect(functionStackCost(bytes, 0)).toBe(2);
    expect(functionStackCost(bytes, 1)).toBe(2);
    const out = instrument(bytes);
    // Function 2 is the thunk of $f (table), function 3 the thunk of the export.
    expect(text(out)).toContain('(elem (;0;) (i32.const 0) func 2)');
    expect(text(out)).toContain('(export "rec" (func 3))');
    expect(text(out)).toContain(
      `  (func (;2;) (type 0) (param i32)\n    local.get 0\n${instrumentCall(0, 2, 0, 500)})`,
    );
    const m = load(out);
    expect(trapMessage(() => m.rec(0, 0))).toBe('unreachable');
    expect(m.depth()).toBe(248);
  });
});

describe('stack costs', () => {
  test('declared locals count, parameters do not', () => {
    expect(cost('(module (func (param i32 i64 f64) (local i32 i64 i64)))', 0)).toBe(3);
    expect(cost('(module (func (param i32 i64 f64)))', 0)).toBe(0);
    expect(cost('(module (func (param i32) (local i32) (local i32) local.get 0 drop))', 0)).toBe(3);
  });

  test('imports cost 0 and calls to them are not instrumented', () => {
    const wat = `(module
      (import "env" "f" (func $f (param i32 i32 i32)))
      (func $main (export "main") (local i32)
        i32.const 1
        i32.const 2
        i32.const 3
        call $f))`;
    expect(cost(wat, 0)).toBe(0);
    expect(cost(wat, 1)).toBe(4);
    expect(text(instrument(assemble(wat)))).toContain(
      '  (func (;1;) (type 1)\n    (local i32)\n    i32.const 1\n    i32.const 2\n    i32.const 3\n    call 0)',
    );
  });

  test('a function with no locals and max stack 0 costs 0: neither its calls nor its export are instrumented', () => {
    const wat = `(module
      (func $zero (export "zero") nop)
      (func $one (export "one") (local i64) call $zero call $zero)
      (func (export "main") call $zero call $one))`;
    expect(cost(wat, 0)).toBe(0);
    expect(cost(wat, 1)).toBe(1);
    expect(cost(wat, 2)).toBe(0);
    expect(text(instrument(assemble(wat)))).toBe(`(module
  (type (;0;) (func))
  (func (;0;) (type 0)
    nop)
  (func (;1;) (type 0)
    (local i64)
    call 0
    call 0)
  (func (;2;) (type 0)
    call 0
${instrumentCall(1, 1, 0, 500)})
  (func (;3;) (type 0)
${instrumentCall(1, 1, 0, 500)})
  (global (;0;) (mut i32) (i32.const 0))
  (export "zero" (func 0))
  (export "one" (func 3))
  (export "main" (func 2)))
`);
  });

  // The first seven are the max_height unit tests of casper-wasm-utils v3.0.0 (Apache-2.0).
  test.each<[string, string, number]>([
    ['push three, drop three', '(func i32.const 1 i32.const 2 i32.const 3 drop drop drop)', 3],
    ['implicit and explicit return', '(func (result i32) i32.const 0 return)', 1],
    ['nothing counted after unreachable', '(memory 0) (func (result i32) unreachable memory.grow)', 0],
    [
      'unreachable code does not raise the max',
      '(memory 0) (func i32.const 0 i32.const 1 drop drop unreachable i32.const 0 i32.const 1 i32.const 2)',
      2,
    ],
    [
      'call_indirect pops the index and the params',
      `(table 1 1 funcref) (elem (i32.const 0) 1)
       (func (call_indirect (i32.const 0)) (call_indirect (i32.const 0)) (call_indirect (i32.const 0)))
       (func i64.const 42 drop)`,
      1,
    ],
    ['br out of nested blocks', '(func block (result i32) block (result i32) i32.const 99 br 1 end end drop)', 1],
    [
      'else keeps the height of the then branch',
      '(func i32.const 7 i32.const 1 if (result i32) i32.const 42 else i32.const 99 end i32.const 97 drop drop drop)',
      3,
    ],
    [
      'br_if pops the condition, keeps the block result',
      '(func (result i32) block (result i32) i32.const 1 i32.const 0 br_if 0 drop i32.const 2 end)',
      2,
    ],
    [
      'call pops the callee params, pushes its result',
      '(func i32.const 1 i32.const 2 call 1 drop) (func (param i32 i32) (result i32) i32.const 0)',
      2,
    ],
    ['select', '(func (result i32) i32.const 1 i32.const 2 i32.const 3 select)', 3],
    ['nested unreachable block', '(func block unreachable i32.const 1 i32.const 2 drop drop end)', 0],
    [
      'else stays unreachable after a br in the then branch',
      '(func i32.const 1 if br 0 else i32.const 1 i32.const 2 drop drop end)',
      1,
    ],
    ['br_table', '(func (param i32) (result i32) block (result i32) i32.const 5 local.get 0 br_table 0 0 end)', 2],
    ['loads, stores, tee', '(memory 1) (func (local i32) i32.const 0 i32.const 0 i32.load local.tee 0 i32.store)', 3],
  ])('max height: %s', (_name, funcs, expected) => {
    expect(cost(`(module ${funcs})`, 0)).toBe(expected);
  });

  test('out-of-range index and malformed input are reported, not thrown', () => {
    expect(cost('(module (func))', 1)).toEqual({ error: "function with idx 1 isn't found" });
    expect(injectStackLimiter(Uint8Array.of(0, 0x61, 0x73, 0x6d, 2, 0, 0, 0))).toEqual({
      error: 'Unsupported wasm version 2 at offset 4',
    });
  });
});

describe('output module', () => {
  test('the stack global is appended after the existing globals; a start function goes through its thunk', () => {
    const wat = `(module
      (global $a i32 (i32.const 7))
      (global $b (mut i64) (i64.const -1))
      (func $start (local i32))
      (start $start))`;
    const out = text(instrument(assemble(wat)));
    expect(out).toContain(
      '  (global (;0;) i32 (i32.const 7))\n  (global (;1;) (mut i64) (i64.const -1))\n  (global (;2;) (mut i32) (i32.const 0))',
    );
    expect(out).toContain(`  (func (;1;) (type 0)\n${instrumentCall(0, 1, 2, 500)})`);
    expect(out).toContain('(start 1)');
  });

  test('other sections move to the end in reverse order, as casper-wasm’s module builder writes them', () => {
    const custom = (name: string): number[] => [0, name.length + 2, name.length, ...Buffer.from(name), 0xaa];
    const base = assemble('(module (func (export "f") (local i32)))');
    // magic+version, type section, [custom "a"], rest, [custom "b"]
    const typeEnd = 8 + 2 + base[9];
    const bytes = Uint8Array.from([
      ...base.subarray(0, typeEnd),
      ...custom('a'),
      ...base.subarray(typeEnd),
      ...custom('b'),
    ]);
    const out = instrument(bytes);
    expect(sectionIds(out)).toEqual([1, 3, 6, 7, 10, 0, 0]);
    expect(Array.from(out.subarray(out.length - 10))).toEqual([...custom('b'), ...custom('a')]);
  });

  test('an AssemblyScript session validates, gains thunks only for costed entry points, and is deterministic', () => {
    const session = new Uint8Array(readFileSync(join(__dirname, '../../build/donation-count.wasm')));
    const a = instrument(session);
    const b = instrument(session);
    expect(WebAssembly.validate(a as Uint8Array<ArrayBuffer>)).toBe(true);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(instrument(new Uint8Array(session))).equals(Buffer.from(a))).toBe(true);
    const before = text(session);
    const after = text(a);
    const count = (s: string, re: RegExp): number => (s.match(re) ?? []).length;
    expect(count(after, /\n {2}\(global /g)).toBe(count(before, /\n {2}\(global /g) + 1);
    expect(count(after, /i32\.const 500\n/g)).toBeGreaterThan(0);
  });

  test('fixture outputs validate', () => {
    for (const wat of [
      '(module (func (export "a") (param i32 i64) (result i64) (local f32) local.get 1))',
      '(module (memory 1) (func $f (result i32) (local i32) i32.const 1) (func (export "g") (result i32) call $f call $f i32.add))',
    ]) {
      const out = instrument(assemble(wat));
      expect(WebAssembly.validate(out as Uint8Array<ArrayBuffer>)).toBe(true);
      expect(Buffer.from(instrument(assemble(wat))).equals(Buffer.from(out))).toBe(true);
    }
  });
});
