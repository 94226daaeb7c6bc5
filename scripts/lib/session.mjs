// Builds one session: asc (release and debug targets of asconfig.json, start section removed by
// the start transform) → binaryen size optimisation, MVP features only → the node's
// preprocessing rules (runtime/wasm/validate.ts) → atomic writes to build/.

import { existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { sessionLibraryFiles } from './session-runtime.mjs';
import { outlineReverts } from './outline-reverts.mjs';
import { childrenOf, resolveStaticStrings } from './static-strings.mjs';
import { inputsHash, readStamp, writeStamp } from './stamp.mjs';
import { makeStartTransform } from './start-transform.mjs';
import { findChains, runProbes, withEncodedMaps, withProbes } from './static-entry-points.mjs';

// The compiler, binaryen and the validator load only when something has to be built.
let asc;
let binaryen;
let validateModule;
let formatValidationError;
let pruneData;
async function loadToolchain() {
  if (asc) return;
  asc = (await import('assemblyscript/asc')).default;
  binaryen = (await import('binaryen')).default;
  const require = createRequire(import.meta.url);
  require('./ts-require.cjs');
  ({ validateModule, formatValidationError } = require('../../runtime/wasm/validate.ts'));
  ({ pruneData } = require('../../runtime/wasm/prune-data.ts'));
}

/** Inputs whose change forces a rebuild of every session. */
const SHARED_INPUTS = ['assembly', 'asconfig.json', 'scripts/lib', 'runtime/wasm', 'package-lock.json'];

/**
 * Compiles with asc's API, with the session runtime and the library files adapted to it
 * (scripts/lib/session-runtime.mjs) served for the duration; returns { binary, sourceMap,
 * staticObjects, staticStrings, stringCreators } or { error }. `source` replaces the entry
 * file's text; `use` adds global constants (asc --use NAME=value).
 */
async function compile(entry, target, { source, use = [] } = {}) {
  const files = {};
  const stderr = [];
  const sink = { staticObjects: [] };
  const session = sessionLibraryFiles(asc.libraryFiles);
  const stock = Object.fromEntries(Object.keys(session).map((k) => [k, asc.libraryFiles[k]]));
  Object.assign(asc.libraryFiles, session);
  let error;
  try {
    const args = [entry, '--config', 'asconfig.json', '--target', target, '-o', `${target}.wasm`];
    for (const u of use) args.push('--use', u);
    const entryPath = resolve(entry);
    ({ error } = await asc.main(args, {
      transforms: [makeStartTransform(sink)],
      readFile: async (name, baseDir) => {
        const path = resolve(baseDir, name);
        if (source !== undefined && path === entryPath) return source;
        try {
          return await readFile(path, 'utf8');
        } catch {
          return null;
        }
      },
      writeFile: (name, contents) => {
        files[name] = contents;
      },
      stdout: { write: () => {} },
      stderr: { write: (s) => stderr.push(String(s)) },
    }));
  } finally {
    Object.assign(asc.libraryFiles, stock);
  }
  if (error) return { error: stderr.join('').trim() || String(error.message) };
  return {
    binary: files[`${target}.wasm`],
    sourceMap: files[`${target}.wasm.map`],
    staticObjects: sink.staticObjects,
    staticStrings: sink.staticStrings,
    stringCreators: sink.stringCreators,
  };
}

/** Runs binaryen's size pipeline with MVP features; returns the bytes. */
function optimize(bytes, optimizeLevel, shrinkLevel, extraPasses) {
  const mod = binaryen.readBinary(bytes);
  try {
    mod.setFeatures(binaryen.Features.MVP);
    binaryen.setOptimizeLevel(optimizeLevel);
    binaryen.setShrinkLevel(shrinkLevel);
    binaryen.setDebugInfo(false);
    let best = mod.emitBinary();
    for (let i = 0; i < 8; i++) {
      mod.optimize();
      if (extraPasses.length) mod.runPasses(extraPasses);
      const next = mod.emitBinary();
      if (next.length >= best.length) break;
      best = next;
    }
    if (!mod.validate()) return null;
    return best;
  } finally {
    mod.dispose();
  }
}

/** The smallest candidate that still validates (binaryen and the node's rules), dead data pruned. */
function smallest(bytes, staticObjects) {
  const candidates = [bytes];
  // binaryen's own -O3z pipeline, re-run to a fixed point with the module's features set to MVP.
  // (Other levels and extra passes were measured: never smaller than this.)
  const out = optimize(bytes, 3, 2, []);
  if (out) candidates.push(out);
  let best = null;
  for (const c of candidates.map((b) => pruneData(b, staticObjects))) {
    if (!validateModule(c).ok) continue;
    if (!best || c.length < best.length) best = c;
  }
  return best;
}

/** The static-string and outlined-revert passes over asc's output. */
function postCompile(out) {
  const resolved = resolveStaticStrings(binaryen, out.binary, {
    strings: out.staticStrings ?? new Map(),
    creators: out.stringCreators ?? [],
  });
  return outlineReverts(binaryen, resolved, childrenOf);
}

/**
 * The release compile with the session's entry-point maps encoded at build time
 * (scripts/lib/static-entry-points.mjs), or null when it has none, when no probe ran, or when
 * that compile fails (the ordinary compile then decides).
 */
async function releaseWithEncodedMaps(entry) {
  const source = readFileSync(entry, 'utf8');
  if (!source.includes('EntryPoints')) return null; // (spares loading the TypeScript parser)
  const chains = findChains(source);
  if (!chains.length) return null;
  const probed = await compile(entry, 'release', { source: withProbes(source, chains) });
  if (probed.error) return null;
  let encodings;
  try {
    encodings = runProbes(binaryen, postCompile(probed), chains.length);
  } catch {
    return null;
  }
  if (!encodings.some(Boolean)) return null;
  const rel = await compile(entry, 'release', {
    source: withEncodedMaps(source, chains, encodings),
    use: ['CASPER_ENCODED_ENTRY_POINTS=1'],
  });
  return rel.error ? null : rel;
}

/** Writes a file atomically (temp file + rename), so a failed build never leaves half a file. */
function writeAtomic(path, data) {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/** Import names of a module, in order (from the validator's summary). */
function importsOf(bytes) {
  const r = validateModule(bytes, { allowPrint: true });
  return r.ok ? r.imports : [];
}

/** The recorded build of sessions/<name>.ts when it is up to date (nothing to do), else null. */
export function upToDateSession(name, { dir = 'sessions', outDir = 'build' } = {}) {
  const out = `${outDir}/${name}.wasm`;
  const stamp = readStamp(out);
  const hash = inputsHash([`${dir}/${name}.ts`, ...SHARED_INPUTS]);
  if (stamp?.hash !== hash || !existsSync(`${outDir}/debug/${name}.wasm`)) return null;
  return { ok: true, name, size: stamp.size, debugSize: stamp.debugSize, imports: stamp.imports, ms: 0, skipped: true };
}

/**
 * Builds sessions/<name>.ts. Returns { ok, name, size, debugSize, imports, ms, skipped } or
 * { ok: false, error } with the compiler's or the validator's message.
 */
export async function buildSession(name, { force = false, dir = 'sessions', outDir = 'build' } = {}) {
  const entry = `${dir}/${name}.ts`;
  const out = `${outDir}/${name}.wasm`;
  const debugOut = `${outDir}/debug/${name}.wasm`;
  const hash = inputsHash([entry, ...SHARED_INPUTS]);
  const stamp = readStamp(out);
  if (!force && stamp?.hash === hash && existsSync(debugOut)) {
    return {
      ok: true,
      name,
      size: stamp.size,
      debugSize: stamp.debugSize,
      imports: stamp.imports,
      ms: 0,
      skipped: true,
    };
  }
  const t0 = performance.now();
  await loadToolchain();
  let rel = await releaseWithEncodedMaps(entry);
  if (!rel) rel = await compile(entry, 'release');
  if (rel.error) return { ok: false, name, error: rel.error };
  let resolved;
  try {
    resolved = postCompile(rel);
  } catch (e) {
    return { ok: false, name, error: String(e.message) };
  }
  const best = smallest(resolved, rel.staticObjects);
  if (!best) {
    const v = validateModule(rel.binary);
    return { ok: false, name, error: v.ok ? 'binaryen could not validate the module' : formatValidationError(v.error) };
  }
  const dbg = await compile(entry, 'debug');
  if (dbg.error) return { ok: false, name, error: dbg.error };
  const dv = validateModule(dbg.binary, { allowPrint: true });
  if (!dv.ok) return { ok: false, name, error: `debug build: ${formatValidationError(dv.error)}` };

  mkdirSync(`${outDir}/debug`, { recursive: true });
  if (existsSync(`${out}.stamp`)) unlinkSync(`${out}.stamp`);
  writeAtomic(out, best);
  writeAtomic(debugOut, dbg.binary);
  if (dbg.sourceMap) writeAtomic(`${debugOut}.map`, dbg.sourceMap);
  const summary = { size: best.length, debugSize: dbg.binary.length, imports: importsOf(best) };
  writeStamp(out, hash, summary);
  return { ok: true, name, ...summary, ms: performance.now() - t0, skipped: false };
}
