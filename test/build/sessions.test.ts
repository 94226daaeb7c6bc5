// What `npm run asbuild` ships: every session's release and debug module passes the node's
// preprocessing rules, carries no start section and no env.abort, and the start code, abort
// routing and names' UTF-8 behave as documented (checked on build fixtures with a minimal JS
// host).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { externalizeMemory } from '../../runtime/wasm/externalize-memory';
import { validateModule } from '../../runtime/wasm/validate';

const root = join(__dirname, '..', '..');
const sessions = readdirSync(join(root, 'sessions'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3));

function read(...p: string[]): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(join(root, ...p)));
}

/** Section ids present in a module. */
function sectionIds(bytes: Uint8Array): number[] {
  const ids: number[] = [];
  let p = 8;
  while (p < bytes.length) {
    ids.push(bytes[p++]);
    let len = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes[p++];
      len |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    p += len;
  }
  return ids;
}

/** Runs an export of a fixture with a JS host that records reverts; returns the revert code. */
function runExport(
  bytes: Uint8Array<ArrayBuffer>,
  exportName: string,
  args: Record<string, Uint8Array> = {},
): number | null {
  let memory: WebAssembly.Memory | null = null;
  let reverted: number | null = null;
  class Revert extends Error {}
  const mem = () => new Uint8Array(memory!.buffer);
  const argName = (ptr: number, len: number) => Buffer.from(mem().subarray(ptr, ptr + len)).toString('utf8');
  // As the node does: the declared memory becomes the import env.memory, created by the host.
  const ext = externalizeMemory(bytes)!;
  memory = new WebAssembly.Memory({ initial: ext.initial, maximum: ext.maximum });
  const mod = new WebAssembly.Module(ext.bytes);
  const env: Record<string, (...a: number[]) => number | undefined> = {
    casper_revert: (code: number) => {
      reverted = code >>> 0;
      throw new Revert();
    },
    casper_get_named_arg_size: (ptr, len, sizePtr) => {
      const v = args[argName(ptr, len)];
      if (!v) return 2;
      new DataView(memory!.buffer).setUint32(sizePtr, v.length, true);
      return 0;
    },
    casper_get_named_arg: (ptr, len, dest, destSize) => {
      const v = args[argName(ptr, len)];
      if (!v) return 2;
      mem().set(v.subarray(0, destSize), dest);
      return 0;
    },
  };
  const imports = {
    env: Object.fromEntries(
      WebAssembly.Module.imports(mod).map((i) => [i.name, i.name === 'memory' ? memory : env[i.name]]),
    ),
  };
  const inst = new WebAssembly.Instance(mod, imports);
  try {
    (inst.exports[exportName] as () => void)();
  } catch (e) {
    if (!(e instanceof Revert)) throw e;
  }
  return reverted;
}

describe.each(sessions)('session %s', (name) => {
  test('release build: passes the node rules, exports call, no start section, no abort import', () => {
    const bytes = read('build', `${name}.wasm`);
    const v = validateModule(bytes);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.exports).toContain('call');
    expect(v.imports.every((i) => i.startsWith('casper_'))).toBe(true);
    expect(v.imports).not.toContain('casper_print');
    expect(sectionIds(bytes)).not.toContain(8); // start
    expect(sectionIds(bytes)).not.toContain(0); // no custom sections (names) in release
  });

  test('debug build: passes the node rules (print allowed), has names and a source map', () => {
    const bytes = read('build', 'debug', `${name}.wasm`);
    expect(validateModule(bytes, { allowPrint: true }).ok).toBe(true);
    expect(sectionIds(bytes)).toContain(0);
    expect(sectionIds(bytes)).not.toContain(8);
    expect(existsSync(join(root, 'build', 'debug', `${name}.wasm.map`))).toBe(true);
  });
});

describe('start code without a start section', () => {
  for (const build of [
    ['build', 'fixtures'],
    ['build', 'fixtures', 'debug'],
  ]) {
    const bytes = () => read(...build, 'start-order.wasm');

    test(`${build.join('/')}: call runs the top-level code first`, () => {
      expect(sectionIds(bytes())).not.toContain(8);
      expect(WebAssembly.Module.exports(new WebAssembly.Module(bytes())).map((e) => e.name)).not.toContain(
        '__casper_start',
      );
      expect(runExport(bytes(), 'call')).toBe(65536 + 100 + 1 + 2 + 3 + 3);
    });

    test(`${build.join('/')}: another entry point runs it too, once per instance`, () => {
      expect(runExport(bytes(), 'other_entry')).toBe(65536 + 100 + 3);
    });
  }
});

describe('abort is a revert with ApiError::Unhandled (31)', () => {
  const bytes = () => read('build', 'fixtures', 'abort.wasm');

  test('no env.abort import', () => {
    const names = WebAssembly.Module.imports(new WebAssembly.Module(bytes())).map((i) => `${i.module}.${i.name}`);
    expect(names).not.toContain('env.abort');
    expect(names.every((n) => n.startsWith('env.casper_'))).toBe(true);
  });

  test('a failed assertion reverts 31', () => {
    expect(runExport(bytes(), 'call')).toBe(31);
  });

  test('an out-of-bounds array write reverts 31', () => {
    expect(runExport(bytes(), 'call', { x: Uint8Array.from([1, 2]) })).toBe(31);
  });
});

describe('names: build-time UTF-8 of literals, decoded bytes kept, run-time encoding', () => {
  const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
  const u32 = (n: number) => new Uint8Array(new Uint32Array([n]).buffer);
  const arg = (s: string) => Uint8Array.from([...u32(utf8(s).length), ...utf8(s)]); // a String argument
  const args: Record<string, Uint8Array> = {
    amount: Uint8Array.of(0),
    'montant_é': Uint8Array.of(0),
    'emoji_😀': Uint8Array.of(0),
    'lone_\ufffd': Uint8Array.of(0),
    built_amount: Uint8Array.of(0),
    name: arg('named_é'),
    'named_é': Uint8Array.of(0),
  };
  for (const build of [
    ['build', 'fixtures'],
    ['build', 'fixtures', 'debug'],
  ]) {
    test(`${build.join('/')}: every name arrives as its UTF-8`, () => {
      expect(runExport(read(...build, 'static-strings.wasm'), 'call', args)).toBe(65536 + 63);
    });
  }

  test('a release session whose names are all literals holds them in UTF-8 only, with no encoder', () => {
    const bytes = Buffer.from(read('build', 'transfer-to-account.wasm'));
    expect(bytes.includes(Buffer.from('\x06\0\0\0target', 'latin1'))).toBe(true);
    expect(bytes.includes(Buffer.from('t\0a\0r\0g\0e\0t\0', 'latin1'))).toBe(false); // no UTF-16 copy
    const debug = Buffer.from(read('build', 'debug', 'transfer-to-account.wasm'));
    expect(debug.includes(Buffer.from('t\0a\0r\0g\0e\0t\0', 'latin1'))).toBe(true);
    // The encoder writes U+FFFD for a lone surrogate: `i32.const 65533`.
    const replacementChar = Buffer.from([0x41, 0xfd, 0xff, 0x03]);
    expect(bytes.includes(replacementChar)).toBe(false);
    expect(debug.includes(replacementChar)).toBe(true);
  });
});

describe('the session runtime: grown memory, zeroed allocations, too-large allocations revert 31', () => {
  const u32 = (n: number) => new Uint8Array(new Uint32Array([n]).buffer);
  for (const build of [
    ['build', 'fixtures'],
    ['build', 'fixtures', 'debug'],
  ]) {
    const bytes = () => read(...build, 'session-runtime.wasm');

    test(`${build.join('/')}: arrays and memory past the first pages, all zero on allocation`, () => {
      const code = runExport(bytes(), 'call')! - 65536;
      expect(Math.floor(code / 100)).toBe(0); // no wrong element or byte
      expect(code % 100).toBeGreaterThan(4); // pages grown for ~450 KB of allocations
      expect(code % 100).toBeLessThanOrEqual(64);
    });

    test(`${build.join('/')}: more than 2^30 bytes reverts with ApiError::Unhandled (31)`, () => {
      expect(runExport(bytes(), 'call', { size: u32(2 ** 30 + 1) })).toBe(31);
      expect(runExport(bytes(), 'call', { size: u32(2 ** 32 - 1) })).toBe(31);
    });
  }
});
