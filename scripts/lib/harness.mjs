// Compiles one jest harness module with asc's API (in-process), skipping unchanged inputs.
import { mkdirSync } from 'node:fs';
import asc from 'assemblyscript/asc';
import { HARNESS_FLAGS } from './flags.mjs';
import { inputsHash, readStamp, writeStamp } from './stamp.mjs';

/** Builds test/harness/<name>.ts → build/test/<name>.wasm; returns {ok, skipped, stderr}. */
export async function buildHarness(name) {
  const entry = `test/harness/${name}.ts`;
  const out = `build/test/${name}.wasm`;
  const hash = inputsHash(
    [entry, 'assembly', 'scripts/lib/flags.mjs', 'test/harness/asconfig.json'],
    HARNESS_FLAGS.join(' '),
  );
  if (readStamp(out) === hash) return { ok: true, skipped: true, stderr: '' };
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
