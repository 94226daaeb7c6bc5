/**
 * Where in the AssemblyScript source a failed session failed, from its debug build.
 *
 * The emulator runs the release module gas-instrumented, so V8's stack offsets do not refer to
 * any file on disk. To locate a failure, the same request runs again in a fresh environment with
 * the debug build (`build/debug/<name>.wasm`, names + source map) prepared without
 * instrumentation: only its memory is externalized, as the node does, so the code section's bytes
 * are the file's and an offset in a stack frame is the file's offset plus a constant shift. The
 * host raises failures (revert, forged reference, …) as an `ExecutionError` thrown from the host
 * function the Wasm called, so that error's stack holds the Wasm frames down to the call site; each
 * frame's byte offset (`wasm-function[i]:0xOFFSET`) is mapped through the source map to
 * `file:line:column`.
 *
 * The re-run is only trusted when it fails with the same error (kind and ApiError code) as the
 * release run. GasLimit is not re-run (without metering a runaway loop would not stop); for a Wasm
 * trap the frames are those of the V8 trap the execution error keeps as its `cause`.
 */

import type { TestEnv } from '../runtime';
import type { ExecutionError } from '../runtime/engine/errors';
import type { PreparedModule } from '../runtime/engine/module-cache';
import type { RuntimeArgs } from '../runtime/types/runtime-args';
import { externalizeMemory } from '../runtime/wasm/externalize-memory';
import { readSectionHeader, type SectionHeader, WasmReader } from '../runtime/wasm/reader';
import { validateModule } from '../runtime/wasm/validate';
import { type SourcePosition, WasmSourceMap } from './source-map';

/** A mapped Wasm frame of the failing session, innermost first. */
export interface SourceFrame extends SourcePosition {
  /** Function name from the debug build's name section. */
  readonly fn: string;
}

/** The failure's location: the session's own line, and the innermost frame (often in the SDK). */
export interface FailureLocation {
  readonly frames: readonly SourceFrame[];
  /** Innermost frame in the session's own file (not `assembly/` or `~lib/`), if any. */
  readonly session?: SourceFrame;
  /** Innermost frame overall. */
  readonly innermost: SourceFrame;
}

/** Offset of the code section's payload in a module (section id 10), or -1. */
function codeSectionStart(bytes: Uint8Array): number {
  const r = new WasmReader(bytes, 8);
  const h: SectionHeader = { id: 0, offset: 0, start: 0, end: 0 };
  while (readSectionHeader(r, h)) {
    if (h.id === 10) return h.start;
    r.pos = h.end;
  }
  return -1;
}

/** A PreparedModule of `bytes` with memory externalized and nothing instrumented. */
function uninstrumented(bytes: Uint8Array, maxMemory: number): { prepared: PreparedModule; shift: number } | null {
  const v = validateModule(bytes, { allowPrint: true });
  const ext = v.ok ? externalizeMemory(bytes, maxMemory) : null;
  if (!v.ok || !ext) return null;
  const module = new WebAssembly.Module(ext.bytes);
  const prepared: PreparedModule = {
    hash: 'debug-build',
    bytes,
    exports: v.exports,
    module,
    memory: { initial: ext.initial, maximum: ext.maximum },
    functionImports: WebAssembly.Module.imports(module)
      .filter((i) => i.kind === 'function')
      .map((i) => i.name),
    idle: [],
  };
  return { prepared, shift: codeSectionStart(ext.bytes) - codeSectionStart(bytes) };
}

const FRAME = /at (?:(.*?) \()?(wasm:\/\/wasm\/[0-9a-f]+):wasm-function\[(\d+)\]:0x([0-9a-f]+)\)?/;

/** One Wasm frame: module URL, function name, byte offset in the (externalized) module. */
interface WasmFrame {
  readonly module: string;
  readonly fn: string;
  readonly offset: number;
}

/**
 * The Wasm frames of `error`'s stack, innermost first. V8 keeps a stack's frames structured until
 * `.stack` is first read, so they are read as CallSites (byte offset = `getPosition()`); if the
 * stack was already formatted (by a test runner's `prepareStackTrace`, say), Node's text form
 * `wasm-function[i]:0xOFFSET` is parsed instead.
 */
function wasmFrames(error: Error): WasmFrame[] {
  type Site = NodeJS.CallSite & { getPosition?: () => number };
  let sites: Site[] | null = null;
  const previous = Error.prepareStackTrace;
  Error.prepareStackTrace = (e, cs) => {
    sites = cs as Site[];
    return String(e);
  };
  let text: string | undefined;
  try {
    text = error.stack;
  } finally {
    Error.prepareStackTrace = previous;
  }
  const structured = sites as Site[] | null;
  if (structured) {
    return structured
      .filter((c) => (c.getFileName() ?? '').startsWith('wasm://'))
      .map((c) => ({
        module: c.getFileName()!,
        fn: c.getFunctionName() ?? '?',
        offset: c.getPosition ? c.getPosition() : c.getColumnNumber()! - 1,
      }));
  }
  return (text ?? '')
    .split('\n')
    .map((l) => FRAME.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ module: m[2], fn: m[1] ?? `wasm-function[${m[3]}]`, offset: parseInt(m[4], 16) }));
}

/** Session request fields the re-run repeats. */
export interface TraceRequest {
  readonly args: RuntimeArgs;
  readonly caller?: Uint8Array;
}

/**
 * Re-runs `request` with the debug build in `env` (a fresh environment equal to the one the
 * failure happened in) and maps the failing call site; null when it cannot be located.
 */
export function locateFailure(
  env: TestEnv,
  debug: { readonly bytes: Uint8Array; readonly sourceMap?: string },
  request: TraceRequest,
  failure: ExecutionError,
): FailureLocation | null {
  if (!debug.sourceMap || failure.kind === 'GasLimit') return null;
  const prep = uninstrumented(debug.bytes, env.services.costs.wasm.max_memory);
  if (!prep) return null;
  const realModules = env.services.modules;
  (env.services as { modules: unknown }).modules = {
    prepare: (bytes: Uint8Array, entryPoints?: readonly string[]) =>
      bytes === debug.bytes && !entryPoints ? prep.prepared : realModules.prepare(bytes, entryPoints),
  };
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 200;
  let error: ExecutionError | undefined;
  try {
    error = env.runSession({ wasm: debug.bytes, args: request.args, caller: request.caller }).error;
  } finally {
    Error.stackTraceLimit = limit;
    (env.services as { modules: unknown }).modules = realModules;
  }
  if (!error || error.kind !== failure.kind || error.apiError?.code !== failure.apiError?.code) return null;
  // A Wasm trap becomes a new ExecutionError; the trap itself (with the frames) is its `cause`.
  const all = wasmFrames(error.cause instanceof Error ? error.cause : error);
  if (all.length === 0) return null;
  const session = all[all.length - 1].module; // the session's `call` is the outermost Wasm frame
  const map = new WasmSourceMap(debug.sourceMap);
  const frames: SourceFrame[] = [];
  for (const f of all) {
    if (f.module !== session) continue;
    const pos = map.lookup(f.offset - prep.shift);
    if (pos) frames.push({ ...pos, fn: f.fn });
  }
  if (frames.length === 0) return null;
  const own = frames.find((f) => !f.file.startsWith('~lib/') && !f.file.startsWith('assembly/'));
  return { frames, session: own, innermost: frames[0] };
}
