// Compiles one jest harness module with asc's API, skipping unchanged inputs.
import { mkdirSync } from 'node:fs';
import { HARNESS_FLAGS } from './flags.mjs';
import { inputsHash, readStamp, writeStamp } from './stamp.mjs';

/** True when build/test/<name>.wasm is up to date. */
export function upToDateHarness(name) {
  return readStamp(`build/test/${name}.wasm`)?.hash === harnessHash(name);
}

function harnessHash(name) {
  return inputsHash(
    [`test/harness/${name}.ts`, 'assembly', 'scripts/lib/flags.mjs', 'test/harness/asconfig.json'],
    HARNESS_FLAGS.join(' '),
  );
}

/** Builds test/harness/<name>.ts → build/test/<name>.wasm; returns {ok, skipped, stderr}. */
export async function buildHarness(name) {
  const entry = `test/harness/${name}.ts`;
  const out = `build/test/${name}.wasm`;
  const hash = harnessHash(name);
  if (readStamp(out)?.hash === hash) return { ok: true, skipped: true, stderr: '' };
  const { default: asc } = await import('assemblyscript/asc');
  mkdirSync('build/test', { recursive: true });
  const stderr = [];
  const { error } = await asc.main([entry, '--config', 'test/harness/asconfig.json', '-o', out, ...HARNESS_FLAGS], {
    stderr: { write: (s) => stderr.push(String(s)) },
    stdout: { write: () => {} },
  });
  if (error) return { ok: false, skipped: false, stderr: stderr.join('') };
  writeStamp(out, hash);
  return { ok: true, skipped: false, stderr: '' };
}
