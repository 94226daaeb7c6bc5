// Build-time entry points (scripts/lib/static-entry-points.mjs): the release build encodes a
// session's constant `new EntryPoints()` + `addEntryPoint(…)` chain and ships its bytes; a chain
// that uses a local, calls a host function or shares the session with a map built at run time
// gets the ordinary build. Either way the contract's entry points are those the statements say.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLTypes, CLValue, TestEnv } from '../../runtime';
import '../../runtime/jest';
import { listType } from '../../runtime/types/cltype';
import { encodeEntryPoints, entryPointsFrom, EntryPointType, PUBLIC_ACCESS } from '../../runtime/types/entry-points';
import { hashKey } from '../../runtime/types/key';

const root = join(__dirname, '..', '..');

/** Runs an expression over the ESM module's exports in a fresh Node process; returns its JSON. */
function evalModule(expr: string): unknown {
  const src = `import * as m from ${JSON.stringify(join(root, 'scripts/lib/static-entry-points.mjs'))};
    process.stdout.write(JSON.stringify(${expr}));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', src], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

/** The chains findChains finds in `source`: [name, statements] pairs. */
function chainsOf(source: string): Array<[string, string]> {
  return evalModule(`m.findChains(${JSON.stringify(source)}).map((c) => [c.name, c.statements])`) as Array<
    [string, string]
  >;
}

const EP = (name: string) => `new EntryPoint('${name}', [], clTypeBytes<Unit>(), EntryPointAccess.public(), EntryPointType.Contract)`;

describe('findChains', () => {
  test('a declaration and the addEntryPoint statements right after it, in a function or at top level', () => {
    const source = [
      'export function call(): void {',
      '  const eps = new EntryPoints();',
      `  eps.addEntryPoint(${EP('a')});`,
      `  eps.addEntryPoint(${EP('b')});`,
      '  storage.newContract(eps);',
      `  eps.addEntryPoint(${EP('c')});`,
      '}',
      'let top = new EntryPoints();',
      `top.addEntryPoint(${EP('d')});`,
    ].join('\n');
    expect(chainsOf(source)).toEqual([
      ['eps', `eps.addEntryPoint(${EP('a')});\n  eps.addEntryPoint(${EP('b')});`],
      ['top', `top.addEntryPoint(${EP('d')});`],
    ]);
  });

  test('stops at the first argument that uses a parameter, a local or this; names of members and types do not count', () => {
    const source = [
      'const NAME = "m";',
      'export function install(name: string): void {',
      '  const ret = clTypeBytes<Unit>();',
      '  const eps = new EntryPoints();',
      `  eps.addEntryPoint(new EntryPoint(NAME, [Parameter.of<name>('x')], clTypeBytes<Unit>(), EntryPointAccess.public(), EntryPointType.Session));`,
      `  eps.addEntryPoint(new EntryPoint(name, [], clTypeBytes<Unit>(), EntryPointAccess.public(), EntryPointType.Session));`,
      '  const two = new EntryPoints();',
      `  two.addEntryPoint(new EntryPoint('x', [], ret, EntryPointAccess.public(), EntryPointType.Session));`,
      '}',
      'class C {',
      '  m(): void {',
      '    const three = new EntryPoints();',
      `    three.addEntryPoint(new EntryPoint(this.n, [], clTypeBytes<Unit>(), EntryPointAccess.public(), EntryPointType.Session));`,
      '  }',
      '}',
    ].join('\n');
    expect(chainsOf(source).map(([name]) => name)).toEqual(['eps']);
    expect(chainsOf(source)[0][1]).not.toContain('(name,');
  });

  test('only literals, top-level constants and the SDK builders: a call of anything else, or a top-level let, stops the chain', () => {
    const ep = (name: string, params = '[]', ret = 'clTypeBytes<Unit>()') =>
      `  eps.addEntryPoint(new EntryPoint(${name}, ${params}, ${ret}, EntryPointAccess.public(), EntryPointType.Session));`;
    const chain = (...lines: string[]) =>
      chainsOf(['const A = "a";', 'let B = "b";', 'function f(): void {', '  const eps = new EntryPoints();', ...lines, '}'].join('\n'));
    expect(chain(ep('A', "[Parameter.of<u8>('w'), Parameter.withType('l', clTypeList(clTypeSimple(CLTypeTag.U8)))]"))).toHaveLength(1);
    expect(chain(ep("'x'", '[]', 'clTypeByteArray(32)'))).toHaveLength(1);
    expect(chain(ep('B'))).toEqual([]);
    expect(chain(ep('nextName()'))).toEqual([]);
    expect(chain(ep("'x'", '[]', 'myCLType()'))).toEqual([]);
    expect(chain(ep("'x'", '[]', 'imported.ret'))).toEqual([]);
    expect(chain(ep("'x'", "[new Parameter('p', retType)]"))).toEqual([]);
  });

  test('no chain without an addEntryPoint statement, or for a map built with arguments', () => {
    expect(chainsOf('function f(): void { const eps = new EntryPoints(); g(eps); }')).toEqual([]);
    expect(chainsOf(`function f(): void { const eps = new EntryPoints(1); eps.addEntryPoint(${EP('a')}); }`)).toEqual([]);
    expect(chainsOf(`function f(): void { var eps = new EntryPoints(); eps.addEntryPoint(${EP('a')}); }`)).toEqual([]);
  });

  test('withEncodedMaps replaces each chain whose bytes are known, keeping const or let', () => {
    const source = `function f(): void {\n  let eps = new EntryPoints();\n  eps.addEntryPoint(${EP('a')});\n  use(eps);\n}`;
    const out = evalModule(
      `m.withEncodedMaps(${JSON.stringify(source)}, m.findChains(${JSON.stringify(source)}), [Uint8Array.of(1, 0, 0, 0, 7)])`,
    );
    expect(out).toBe('function f(): void {\n  let eps = EntryPoints.fromEncoded(memory.data<u8>([1, 0, 0, 0, 7]));\n  use(eps);\n}');
  });
});

test('runProbes: each probe\'s bytes (u32 length ‖ map), null for a probe that calls a host function or traps', async () => {
  const wabt = await require('wabt')();
  const wat = `(module
    (import "env" "casper_revert" (func $revert (param i32)))
    (memory 1)
    (data (i32.const 64) "\\02\\00\\00\\00\\09\\08")
    (func (export "__casper_entry_points_0") (result i32) (call $revert (i32.const 1)) (i32.const 0))
    (func (export "__casper_entry_points_1") (result i32) (i32.const 64))
    (func (export "__casper_entry_points_2") (result i32) unreachable))`;
  const bytes = Array.from(new Uint8Array(wabt.parseWat('p.wat', wat).toBinary({}).buffer));
  const out = evalModule(
    `await (async () => { const b = (await import('binaryen')).default; ` +
      `return m.runProbes(b, Uint8Array.from(${JSON.stringify(bytes)}), 3).map((x) => x && Array.from(x)); })()`,
  );
  expect(out).toEqual([null, [2, 0, 0, 0, 9, 8], null]);
});

/** True when `needle` occurs in `haystack`. */
function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(haystack).indexOf(Buffer.from(needle)) >= 0;
}

describe('built sessions', () => {
  const session = (ret: (typeof CLTypes)[keyof typeof CLTypes]) => ({ ret, access: PUBLIC_ACCESS });

  test('keys-manager ships its map as bytes (the entry points the contract gets)', () => {
    const env = new TestEnv();
    expect(env.runSession({ wasm: 'keys-manager' })).toSucceed();
    const km = env.namedKeys().get('keys_manager');
    if (km?.tag !== 1) throw new Error('no keys_manager');
    const contract = env.query(hashKey(km.addr));
    if (contract?.tag !== 3) throw new Error('no contract');
    const map = encodeEntryPoints(contract.contract.entryPoints);
    expect(map.length).toBe(337);
    expect(contract.contract.entryPoints.get('set_all')!.args[2]).toEqual({
      name: 'accounts',
      clType: listType(CLTypes.PublicKey),
    });
    // u32 length ‖ the map: what fromEncoded reads, as static data of the release build.
    const withLength = Uint8Array.of(map.length & 0xff, map.length >> 8, 0, 0, ...map);
    expect(contains(readFileSync(join(root, 'build', 'keys-manager.wasm')), withLength)).toBe(true);
  });

  test('a session that also builds a map at run time gets the ordinary build, and both maps are right', () => {
    const expected = entryPointsFrom([
      { name: 'a_entry', args: [], ...session(CLTypes.U32), entryPointType: EntryPointType.Session },
      {
        name: 'b_entry',
        args: [{ name: 'x', clType: CLTypes.U64 }],
        ...session(CLTypes.Unit),
        entryPointType: EntryPointType.Contract,
      },
    ]);
    const bytes = encodeEntryPoints(expected);
    expect(contains(readFileSync(join(root, 'build', 'fixtures', 'entry-points-mixed.wasm')), bytes)).toBe(false);

    const env = new TestEnv();
    const r = env.runSession({ wasm: 'fixtures/entry-points-mixed', args: [{ name: 'name', value: CLValue.string('b_entry') }] });
    expect(r).toSucceed();
    const mapOf = (name: string) => {
      const key = env.namedKeys().get(name);
      if (key?.tag !== 1) throw new Error(`no ${name}`);
      const contract = env.query(hashKey(key.addr));
      if (contract?.tag !== 3) throw new Error('no contract');
      return contract.contract.entryPoints;
    };
    expect(mapOf('constant')).toEqual(expected);
    expect(mapOf('named')).toEqual(
      entryPointsFrom([{ name: 'b_entry', args: [], ...session(CLTypes.Unit), entryPointType: EntryPointType.Contract }]),
    );
  });
});
