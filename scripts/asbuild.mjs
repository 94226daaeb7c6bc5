// npm run asbuild: sessions/<name>.ts → build/<name>.wasm (release) and build/debug/<name>.wasm
// (+ .wasm.map), plus the build fixtures and jest harness modules. Prints a size table; exits
// non-zero on any error. Up-to-date outputs are skipped (content hash) without loading the
// compiler; the rest are built on up to two worker threads (the machine has two cores).
//
//   node scripts/asbuild.mjs [names…] [--quiet] [--force]
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { buildHarness, upToDateHarness } from './lib/harness.mjs';
import { buildSession, upToDateSession } from './lib/session.mjs';

const argv = process.argv.slice(2);
const quiet = argv.includes('--quiet');
const force = argv.includes('--force');
const wanted = argv.filter((a) => !a.startsWith('--'));
const log = (s) => quiet || process.stdout.write(`${s}\n`);
const tsNames = (dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => basename(f, '.ts'))
    .sort();

const all = tsNames('sessions');
const unknown = wanted.filter((n) => !all.includes(n));
if (unknown.length) {
  process.stderr.write(`asbuild: no session named ${unknown.map((n) => `sessions/${n}.ts`).join(', ')}\n`);
  process.exit(2);
}

const jobs = (wanted.length ? wanted : all).map((name) => ({ kind: 'session', name, opts: { force }, table: true }));
if (!wanted.length) {
  const fixtures = { force, dir: 'test/fixtures/sessions', outDir: 'build/fixtures' };
  for (const name of tsNames('test/fixtures/sessions')) jobs.push({ kind: 'session', name, opts: fixtures });
  for (const name of tsNames('test/harness')) jobs.push({ kind: 'harness', name });
}
jobs.forEach((j, i) => {
  j.id = i;
});

const t0 = performance.now();
const results = new Map();
const stale = [];
for (const j of jobs) {
  const current =
    j.kind === 'harness'
      ? !force && upToDateHarness(j.name)
        ? { ok: true, skipped: true }
        : null
      : force
        ? null
        : upToDateSession(j.name, j.opts);
  if (current) results.set(j.id, current);
  else stale.push(j);
}

async function runInProcess(j) {
  return j.kind === 'harness' ? buildHarness(j.name) : buildSession(j.name, j.opts);
}

async function runOnWorkers(queue, count) {
  await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise((resolve, reject) => {
          const w = new Worker(new URL('./lib/build-worker.mjs', import.meta.url));
          const next = () => {
            const j = queue.shift();
            w.postMessage(j ?? null);
            if (!j) resolve();
          };
          w.on('message', ({ id, result }) => {
            results.set(id, result);
            next();
          });
          w.on('error', reject);
          next();
        }),
    ),
  );
}

const workers = Math.min(2, availableParallelism(), stale.length);
if (workers <= 1) for (const j of stale) results.set(j.id, await runInProcess(j));
else await runOnWorkers([...stale], workers);
const total = performance.now() - t0;

let failures = 0;
const rows = [];
for (const j of jobs) {
  const r = results.get(j.id);
  if (!r.ok) {
    failures++;
    const what = j.kind === 'harness' ? `harness ${j.name}` : j.table ? j.name : `fixture ${j.name}`;
    process.stderr.write(`asbuild: ${what}: ${r.error ?? r.stderr}\n`);
  } else if (j.table) rows.push(r);
}

if (rows.length) {
  const RUST_CEP78_CALL_SESSION = 13_000; // smallest of the Rust CEP-78 call sessions (13–22 KB)
  const head = ['session', 'bytes', 'debug', 'vs Rust 13 KB', 'host functions', 'build'];
  const body = rows.map((r) => [
    r.name,
    String(r.size),
    String(r.debugSize),
    `1/${(RUST_CEP78_CALL_SESSION / r.size).toFixed(1)}`,
    `${r.imports.length}: ${r.imports.map((i) => i.replace(/^casper_/, '')).join(', ')}`,
    r.skipped ? 'up to date' : `${Math.round(r.ms)} ms`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) =>
    cells.map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  log(line(head));
  log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) log(line(b));
  log(`${rows.length} session(s), ${stale.length} module(s) built in ${Math.round(total)} ms`);
}
process.exit(failures ? 1 : 0);
