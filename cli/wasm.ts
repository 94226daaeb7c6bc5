/**
 * Session Wasm for the commands: a path, or the name of a session built into `build/<name>.wasm`
 * (with its debug build `build/debug/<name>.wasm` + `.wasm.map` beside it when there is one), checked
 * with the node's preprocessing rules (`runtime/wasm/validate.ts`) so a module the node would
 * reject is refused up front with the rule, the function and the byte offset.
 */

import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { readSectionHeader, type SectionHeader, WasmReader } from '../runtime/wasm/reader';
import { formatValidationError, validateModule } from '../runtime/wasm/validate';
import { badInput } from './errors';

/** The project root (where package.json, sessions/ and build/ are). */
export const PROJECT_ROOT = resolve(__dirname, '..');

/** A session module and, when built by `casper-as build`, its debug build. */
export interface SessionWasm {
  /** What the user gave (path or name). */
  readonly source: string;
  /** The file read. */
  readonly path: string;
  /** Session name (file name without `.wasm`). */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** `<dir>/debug/<name>.wasm` and its source map, if present. */
  readonly debug?: { readonly bytes: Uint8Array; readonly sourceMap?: string };
}

/** Resolves `pathOrName`: an existing file, else `build/<name>.wasm` of the project. */
export function resolveWasmPath(pathOrName: string, cwd = process.cwd()): string {
  const asPath = resolve(cwd, pathOrName);
  if (existsSync(asPath) && statSync(asPath).isFile()) return asPath;
  if (!pathOrName.includes('/') && !pathOrName.endsWith('.wasm')) {
    const built = join(PROJECT_ROOT, 'build', `${pathOrName}.wasm`);
    if (existsSync(built)) return built;
    const source = join(PROJECT_ROOT, 'sessions', `${pathOrName}.ts`);
    if (existsSync(source)) {
      throw badInput(
        `session '${pathOrName}' is not built: ${built} does not exist (run: casper-as build ${pathOrName})`,
      );
    }
    throw badInput(`no file '${pathOrName}' and no session named '${pathOrName}' (sessions/${pathOrName}.ts)`);
  }
  throw badInput(`${pathOrName}: no such file`);
}

/** Function names from a module's `name` section (debug builds have one), by function index. */
export function functionNames(bytes: Uint8Array): Map<number, string> {
  const names = new Map<number, string>();
  const r = new WasmReader(bytes, 8);
  const h: SectionHeader = { id: 0, offset: 0, start: 0, end: 0 };
  while (readSectionHeader(r, h)) {
    if (h.id === 0 && r.readName() === 'name') {
      while (!r.failed && r.pos < h.end) {
        const sub = r.readByte();
        const subEnd = r.readVarU32() + r.pos;
        if (sub === 1) {
          const count = r.readVarU32();
          for (let i = 0; i < count && !r.failed; i++) {
            const idx = r.readVarU32();
            const name = r.readName();
            if (name !== null) names.set(idx, name);
          }
        }
        r.pos = subEnd;
      }
    }
    r.pos = h.end;
  }
  return names;
}

function safeNames(bytes: Uint8Array): Map<number, string> {
  try {
    return functionNames(bytes);
  } catch {
    return new Map();
  }
}

/** Reads and validates a session module; a module the node would reject is bad input. */
export function loadSessionWasm(pathOrName: string, cwd = process.cwd()): SessionWasm {
  const path = resolveWasmPath(pathOrName, cwd);
  const bytes = new Uint8Array(readFileSync(path));
  const name = basename(path).replace(/\.wasm$/, '');
  const debugPath = join(dirname(path), 'debug', `${name}.wasm`);
  const debug = existsSync(debugPath)
    ? {
        bytes: new Uint8Array(readFileSync(debugPath)),
        sourceMap: existsSync(`${debugPath}.map`) ? readFileSync(`${debugPath}.map`, 'utf8') : undefined,
      }
    : undefined;
  const v = validateModule(bytes);
  if (!v.ok) {
    const fn = v.error.functionIndex;
    const fnName = fn !== null ? safeNames(bytes).get(fn) : undefined;
    throw badInput(
      `${pathOrName}: the node would reject this Wasm: ${formatValidationError(v.error)}${fnName ? ` [function ${fn} is ${fnName}]` : ''}`,
    );
  }
  return { source: pathOrName, path, name, bytes, debug };
}
