// What `npm run asbuild` ships: every session's release and debug module passes the node's
// preprocessing rules, carries no start section and no env.abort, and the start code and abort
// routing behave as documented (checked on build fixtures with a minimal JS host).
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
