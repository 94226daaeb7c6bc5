/**
 * `casper-as build [names…] [--force]`: what `npm run asbuild` does (scripts/asbuild.mjs: every
 * session in sessions/, the test fixtures and harness modules, up-to-date ones skipped), on the
 * same build workers, printing a progress line per module as it finishes and then the same size
 * table. Exits 1 when a module fails to build, 2 for an unknown session name.
 */

import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { type CommandSpec, parseArgs } from '../argv';
import { badInput, ExitCode } from '../errors';
import type { Io } from '../io';
import { PROJECT_ROOT } from '../wasm';

export const SPEC: CommandSpec = {
  flags: { force: { help: 'Rebuild even when up to date' }, quiet: { help: 'Print nothing but errors' } },
  positionals: ['NAME…'],
};

export const SUMMARY =
  'Build sessions/<name>.ts into build/<name>.wasm (release) and build/debug/ (debug + source map)';

interface Job {
  readonly id: number;
  readonly kind: 'session' | 'harness';
  readonly name: string;
  readonly opts?: { force: boolean; dir?: string; outDir?: string };
  readonly table: boolean;
}

interface Result {
  readonly ok: boolean;
  readonly name?: string;
  readonly size?: number;
  readonly debugSize?: number;
  readonly imports?: readonly string[];
  readonly ms?: number;
  readonly skipped?: boolean;
  readonly error?: string;
  readonly stderr?: string;
}

const tsNames = (dir: string) =>
  readdirSync(join(PROJECT_ROOT, dir))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => basename(f, '.ts'))
    .sort();

export async function buildCommand(argv: readonly string[], io: Io): Promise<number> {
  const a = parseArgs(argv, SPEC);
  const force = a.has('force');
  const log = (s: string) => a.has('quiet') || io.out(`${s}\n`);
  const wanted = [...a.positionals];
  const all = tsNames('sessions');
  const unknown = wanted.filter((n) => !all.includes(n));
  if (unknown.length) throw badInput(`no session named ${unknown.map((n) => `sessions/${n}.ts`).join(', ')}`);

  const jobs: Job[] = [];
  for (const name of wanted.length ? wanted : all)
    jobs.push({ id: jobs.length, kind: 'session', name, opts: { force }, table: true });
  if (!wanted.length) {
    const fixtures = { force, dir: 'test/fixtures/sessions', outDir: 'build/fixtures' };
    for (const name of tsNames('test/fixtures/sessions'))
      jobs.push({ id: jobs.length, kind: 'session', name, opts: fixtures, table: false });
    for (const name of tsNames('test/harness')) jobs.push({ id: jobs.length, kind: 'harness', name, table: false });
  }

  // The build scripts use paths relative to the project root.
  const cwd = process.cwd();
  process.chdir(PROJECT_ROOT);
  const t0 = performance.now();
  const results = new Map<number, Result>();
  const label = (j: Job) => (j.kind === 'harness' ? `harness ${j.name}` : j.table ? j.name : `fixture ${j.name}`);
  try {
    const queue = [...jobs];
    const count = Math.max(1, Math.min(2, availableParallelism(), queue.length));
    await Promise.all(
      Array.from(
        { length: count },
        () =>
          new Promise<void>((resolve, reject) => {
            const w = new Worker(join(PROJECT_ROOT, 'scripts/lib/build-worker.mjs'));
            const next = () => {
              const j = queue.shift();
              w.postMessage(j ?? null);
              if (!j) resolve();
            };
            w.on('message', ({ id, result }: { id: number; result: Result }) => {
              results.set(id, result);
              const j = jobs[id];
              if (!result.ok) log(`  FAILED      ${label(j)}`);
              else if (j.table)
                log(
                  `  ${result.skipped ? 'up to date' : 'built     '}  ${j.name}  ${result.size} B${result.skipped ? '' : `  ${Math.round(result.ms ?? 0)} ms`}`,
                );
              next();
            });
            w.on('error', reject);
            next();
          }),
      ),
    );
  } finally {
    process.chdir(cwd);
  }
  const total = performance.now() - t0;

  let failures = 0;
  const rows: Result[] = [];
  for (const j of jobs) {
    const r = results.get(j.id)!;
    if (!r.ok) {
      failures++;
      io.err(`build: ${label(j)}: ${r.error ?? r.stderr}\n`);
    } else if (j.table) rows.push(r);
  }
  if (rows.length) {
    const RUST_CEP78_CALL_SESSION = 13_000; // as scripts/asbuild.mjs: the smallest Rust CEP-78 call session
    const head = ['session', 'bytes', 'debug', 'vs Rust 13 KB', 'host functions', 'build'];
    const body = rows.map((r) => [
      r.name!,
      String(r.size),
      String(r.debugSize),
      `1/${(RUST_CEP78_CALL_SESSION / r.size!).toFixed(1)}`,
      `${r.imports!.length}: ${r.imports!.map((i) => i.replace(/^casper_/, '')).join(', ')}`,
      r.skipped ? 'up to date' : `${Math.round(r.ms!)} ms`,
    ]);
    const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
    const line = (cells: string[]) =>
      cells
        .map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i])))
        .join('  ')
        .trimEnd();
    log(line(head));
    log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const b of body) log(line(b));
    const built = [...results.values()].filter((r) => r.ok && !r.skipped).length;
    log(`${rows.length} session(s), ${built} module(s) built in ${Math.round(total)} ms`);
  }
  return failures ? ExitCode.Failed : ExitCode.Ok;
}
