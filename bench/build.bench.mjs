// Build figures: release size per session against the targets (≤ 2,700 B every session,
// ≤ 1,200 B a transfer session; the Rust-built CEP-78 call sessions weigh 13–22 KB), cold build
// time per session in a fresh process, warm per-session time in one process, and the no-op
// rebuild time. Medians of repeated runs.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

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

const rows = sessions.map((s) => {
  const size = readFileSync(`build/${s}.wasm`).length;
  const target = /^transfer-to-account$/.test(s) ? 1200 : 2700;
  return [
    s.padEnd(24),
    String(size).padStart(6),
    `${size <= target ? 'meets' : 'over '} ${String(target).padStart(5)}`,
    `1/${(13000 / size).toFixed(1)}–1/${(22000 / size).toFixed(1)} of Rust`,
    `${Math.round(cold[s])} ms cold`,
  ];
});
process.stdout.write('\nbuild (release sizes; cold = fresh process, one session, --force)\n');
for (const r of rows) process.stdout.write(`  ${r.join('  ')}\n`);
process.stdout.write(
  `  all ${sessions.length} sessions in one process: ${Math.round(all)} ms (${Math.round(all / sessions.length)} ms per session)\n`,
);
process.stdout.write(`  no-op rebuild (nothing changed): ${Math.round(noop)} ms\n`);
