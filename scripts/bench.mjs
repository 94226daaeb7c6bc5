// npm run bench [name…]: runs bench/<name>.bench.{ts,mjs} (all of them by default) one after
// another in fresh Node processes, so one benchmark's JIT state does not colour the next.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const wanted = process.argv.slice(2);
const files = readdirSync('bench')
  .filter((f) => /\.bench\.(ts|mjs)$/.test(f))
  .filter((f) => !wanted.length || wanted.some((w) => f.startsWith(`${w}.`)))
  .sort();
let failed = 0;
for (const f of files) {
  const args = f.endsWith('.ts') ? ['-r', './scripts/lib/ts-require.cjs', `bench/${f}`] : [`bench/${f}`];
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
