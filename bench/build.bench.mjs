// Build figures: release (and debug) size per session against the targets (≤ 1,200 B
// transfer-to-account, ≤ 2,700 B every other session) and as a fraction of a 13 KB Rust-built
// CEP-78 call session (the smallest of them; they weigh 13–22 KB), cold build time per session
// in a fresh process, time per session in one process, and the no-op rebuild time. Medians of
// BENCH_REPS runs (3).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { wasmSections } from '../scripts/lib/wasm-sections.mjs';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const run = (args) => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['scripts/asbuild.mjs', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`asbuild ${args.join(' ')} failed:\n${r.stderr}`);
  return performance.now() - t0;
};

const sessions = readdirSync('sessions')
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3))
  .sort();
const reps = Number(process.env.BENCH_REPS ?? 3);

const cold = {};
for (const s of sessions) cold[s] = median(Array.from({ length: reps }, () => run([s, '--force', '--quiet'])));
const all = median(Array.from({ length: reps }, () => run([...sessions, '--force', '--quiet'])));
const noop = median(Array.from({ length: 5 }, () => run(['--quiet'])));

const RUST_CEP78_CALL_SESSION = 13_000; // the smallest Rust-built CEP-78 call session (13–22 KB)
/** Release-size target of a session: ≤ 1,200 B for transfer-to-account, ≤ 2,700 B for every other. */
const targetOf = (s) => (s === 'transfer-to-account' ? 1200 : 2700);
const head = ['session', 'release B', 'debug B', 'target', '', 'vs 13 KB Rust', 'cold build'];
const rows = sessions.map((s) => {
  const size = readFileSync(`build/${s}.wasm`).length;
  const debug = readFileSync(`build/debug/${s}.wasm`).length;
  const target = targetOf(s);
  return [
    s,
    String(size),
    String(debug),
    `≤ ${target}`,
    size <= target ? 'meets' : `over by ${size - target}`,
    `1/${(RUST_CEP78_CALL_SESSION / size).toFixed(1)}`,
    `${Math.round(cold[s])} ms`,
  ];
});
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const right = new Set([1, 2, 5, 6]);
const line = (cells) => cells.map((c, i) => (right.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
process.stdout.write('\nbuild (release and debug sizes; cold = fresh process, one session, --force)\n');
process.stdout.write(`  ${line(head)}\n`);
for (const r of rows) process.stdout.write(`  ${line(r)}\n`);
const sizes = sessions.map((s) => readFileSync(`build/${s}.wasm`).length);
const met = sessions.filter((s, i) => sizes[i] <= targetOf(s)).length;
process.stdout.write(
  `  ${met} of ${sessions.length} sessions meet their target; ${sizes.reduce((a, b) => a + b, 0)} release bytes in all, ` +
    `1/${(RUST_CEP78_CALL_SESSION / Math.max(...sizes)).toFixed(1)} of a 13 KB Rust CEP-78 call session at most\n`,
);
process.stdout.write(
  `  all ${sessions.length} sessions in one process: ${Math.round(all)} ms (${Math.round(all / sessions.length)} ms per session)\n`,
);
process.stdout.write(`  no-op rebuild (nothing changed): ${Math.round(noop)} ms\n`);

// keys-manager against its size floor: test/fixtures/sessions/keys-manager-floor.ts, the same
// contract hand-written against the host functions (the keys-manager tests run against both),
// with what each Wasm section takes. Imports, exports, types and the entry-point bytes are fixed
// by the node and the Rust contract; the code is mostly the curve check.
const SECTION_NAMES = {
  0: 'custom',
  1: 'types',
  2: 'imports',
  3: 'functions',
  4: 'table',
  5: 'memory',
  6: 'globals',
  7: 'exports',
  10: 'code',
  11: 'data',
};
const sectionSizes = (bytes) => {
  const out = {};
  for (const { id, length } of wasmSections(bytes)) {
    const name = SECTION_NAMES[id] ?? `section ${id}`;
    out[name] = (out[name] ?? 0) + length;
  }
  return out;
};
const kmBytes = readFileSync('build/keys-manager.wasm');
const floorBytes = readFileSync('build/fixtures/keys-manager-floor.wasm');
const [km, floor] = [kmBytes, floorBytes].map(sectionSizes);
process.stdout.write('\nkeys-manager against its hand-written floor (bytes per section)\n');
const kinds = [...new Set([...Object.keys(km), ...Object.keys(floor)])];
process.stdout.write(`  ${'section'.padEnd(10)}  ${'session'.padStart(7)}  ${'floor'.padStart(7)}\n`);
for (const k of kinds)
  process.stdout.write(`  ${k.padEnd(10)}  ${String(km[k] ?? 0).padStart(7)}  ${String(floor[k] ?? 0).padStart(7)}\n`);
process.stdout.write(
  `  ${'whole'.padEnd(10)}  ${String(kmBytes.length).padStart(7)}  ${String(floorBytes.length).padStart(7)}  ` +
    `(the session is ${(kmBytes.length / floorBytes.length).toFixed(2)}× its floor; the floor is ${floorBytes.length - 2700} B over 2,700)\n`,
);
