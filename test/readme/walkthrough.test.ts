// The README's "whole path" walkthrough, run as written: every line of the block between the
// walkthrough markers, in order, in a temporary copy of the project (node_modules linked). Only
// the devnet port differs (a free one instead of 7777, so parallel runs cannot collide); `npx`
// and `npm run` are replaced by the scripts they run, in this Node. The deploy is then read back
// from the devnet with casper-js-sdk's RpcClient.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpHandler, RpcClient } from 'casper-js-sdk';

const ROOT = join(__dirname, '../..');

function walkthroughLines(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = readme.slice(readme.indexOf('<!-- walkthrough:start'), readme.indexOf('<!-- walkthrough:end'));
  const sh = block.slice(block.indexOf('```sh\n') + 6, block.lastIndexOf('```'));
  return sh
    .split('\n')
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** Splits a shell line into words (double- and single-quoted words, as sh would). */
function words(line: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

function command(w: string[]): string[] {
  if (w[0] === 'npx' && w[1] === 'casper-as') return ['bin/casper-as.cjs', ...w.slice(2)];
  if (w[0] === 'npx' && w[1] === 'jest') return [join(ROOT, 'node_modules/jest/bin/jest.js'), '--ci', ...w.slice(2)];
  if (w[0] === 'npm' && w[1] === 'run' && w[2] === 'asbuild') return ['scripts/asbuild.mjs', ...w.slice(3)];
  throw new Error(`walkthrough: no runner for ${w.join(' ')}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

test('the README walkthrough runs as written: new → asbuild → jest → estimate → keygen → devnet → put-deploy', async () => {
  const lines = walkthroughLines();
  expect(lines.map((l) => words(l).slice(0, 3).join(' '))).toEqual([
    'npx casper-as new',
    'npm run asbuild',
    'npx jest test/sessions/hello.test.ts',
    'npx casper-as estimate',
    'npx casper-as keygen',
    'npx casper-as devnet',
    'npx casper-as put-deploy',
  ]);
  const copy = mkdtempSync(join(tmpdir(), 'casper-as-walkthrough-'));
  const port = await freePort();
  let devnet: ChildProcess | undefined;
  try {
    for (const p of ['assembly', 'bin', 'cli', 'runtime', 'scripts', 'sessions', 'build', 'test']) {
      cpSync(join(ROOT, p), join(copy, p), { recursive: true });
    }
    for (const p of ['asconfig.json', 'package.json', 'package-lock.json', 'tsconfig.json', 'jest.config.cjs']) {
      cpSync(join(ROOT, p), join(copy, p));
    }
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
    const outputs: string[] = [];
    for (const line of lines) {
      const background = line.endsWith('&');
      const w = words((background ? line.slice(0, -1) : line).replaceAll('7777', String(port)));
      const argv = command(w);
      if (background) {
        devnet = spawn(process.execPath, [...argv, '--port', String(port)], { cwd: copy });
        await new Promise<void>((resolve, reject) => {
          let text = '';
          devnet!.stderr!.on('data', (b) => (text += b));
          devnet!.stdout!.on('data', (b) => {
            text += b;
            if (text.includes('serving JSON-RPC')) resolve();
          });
          devnet!.on('exit', (code) => reject(new Error(`devnet exited ${code}: ${text}`)));
        });
        continue;
      }
      const r = spawnSync(process.execPath, argv, { cwd: copy, encoding: 'utf8', timeout: 600_000 });
      expect({ line, status: r.status, stderr: r.status === 0 ? '' : r.stderr }).toEqual({
        line,
        status: 0,
        stderr: '',
      });
      outputs.push(r.stdout);
    }
    expect(outputs[3]).toContain('--payment-amount 2500000000');
    const sent = JSON.parse(outputs[outputs.length - 1]) as { result: { deploy_hash: string } };
    expect(sent.result.deploy_hash).toMatch(/^[0-9a-f]{64}$/);
    const rpc = new RpcClient(new HttpHandler(`http://127.0.0.1:${port}/rpc`));
    const got = await rpc.getDeploy(sent.result.deploy_hash);
    expect(got.deploy.hash.toHex()).toBe(sent.result.deploy_hash);
    expect(got.executionResultsV1?.[0]?.result.success).toBeDefined();
  } finally {
    devnet?.kill();
    rmSync(copy, { recursive: true, force: true });
  }
}, 900_000);
