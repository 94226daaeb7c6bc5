/**
 * `casper-as devnet --state FILE`: the chain survives a restart (state, blocks, deploys, and the
 * states of earlier blocks), deploys sent with the `put-deploy` command land on it, and a bad
 * state file is refused with one clear line. Also the snapshot format on its own.
 */

import { spawn, execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Args,
  CLValue,
  Deploy,
  DeployHeader,
  ExecutableDeployItem,
  HttpHandler,
  KeyAlgorithm,
  PrivateKey,
  PurseIdentifier,
  RpcClient,
} from 'casper-js-sdk';
import { devnetCommand } from '../../cli/commands/devnet';
import { putDeployCommand } from '../../cli/commands/put-deploy';
import type { DevnetServer } from '../../cli/devnet/server';
import { DevnetNode } from '../../cli/devnet/node';
import {
  decodeSnapshot,
  encodeSnapshot,
  loadSnapshot,
  saveSnapshot,
  SnapshotError,
  writeFileAtomic,
} from '../../runtime/state/snapshot';
import { TestEnv } from '../../runtime/env';

const ROOT = join(__dirname, '..', '..');
const WASM_PATH = join(ROOT, 'build', 'transfer-to-public-key.wasm');
const AMOUNT = 5_000_000_000n;
const START = 1_000_000_000_000n;

let dir: string;
let sender: PrivateKey;
let recipient: PrivateKey;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'casper-as-devnet-'));
  sender = await PrivateKey.fromHex('11'.repeat(32), KeyAlgorithm.ED25519);
  recipient = await PrivateKey.fromHex('22'.repeat(32), KeyAlgorithm.ED25519);
  writeFileSync(join(dir, 'secret_key.pem'), sender.toPem());
  writeFileSync(join(dir, 'public_key.pem'), sender.publicKey.toPem());
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `devnet` with `args` until the returned stop() is called. */
async function startDevnet(args: string[]) {
  const controller = new AbortController();
  const out: string[] = [];
  const err: string[] = [];
  let listening!: (v: { server: DevnetServer; node: DevnetNode }) => void;
  const ready = new Promise<{ server: DevnetServer; node: DevnetNode }>((r) => (listening = r));
  const exit = devnetCommand(args, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    signal: controller.signal,
    onListening: (server, node) => listening({ server, node }),
  });
  const first = await Promise.race([ready, exit.then((code) => ({ code }))]);
  if ('code' in first) throw new Error(`devnet exited with ${first.code}: ${err.join('')}`);
  return {
    ...first,
    out,
    err,
    client: new RpcClient(new HttpHandler(first.server.url, 'fetch')),
    stop: async () => {
      controller.abort();
      return exit;
    },
  };
}

describe('devnet --state', () => {
  const statePath = () => join(dir, 'chain.state');
  let deployHash: string;
  let firstBlockHash: string;

  test('a put-deploy of transfer-to-public-key lands on a new devnet', async () => {
    const dev = await startDevnet([
      '--port',
      '0',
      '--state',
      statePath(),
      '--account',
      `${join(dir, 'public_key.pem')}:${START}`,
    ]);
    expect(dev.out.join('')).toContain(`account ${sender.publicKey.toHex()}  ${START} motes`);
    const stdout: string[] = [];
    const stderr: string[] = [];
    const code = await putDeployCommand(
      [
        '--node-address',
        `http://127.0.0.1:${dev.server.port}`,
        '--chain-name',
        'casper-net-1',
        '--secret-key',
        join(dir, 'secret_key.pem'),
        '--session-path',
        WASM_PATH,
        '--payment-amount',
        '10000000000',
        '--session-arg',
        `target:public_key='${recipient.publicKey.toHex()}'`,
        '--session-arg',
        `amount:u512='${AMOUNT}'`,
      ],
      { out: (t) => stdout.push(t), err: (t) => stderr.push(t) },
    );
    expect(stderr.join('')).toBe('');
    expect(code).toBe(0);
    const response = JSON.parse(stdout.join(''));
    expect(response.result.api_version).toBe('1.5.6');
    deployHash = response.result.deploy_hash;
    expect(deployHash).toMatch(/^[0-9a-f]{64}$/);

    const got = await dev.client.getDeploy(deployHash);
    expect(got.rawJSON.execution_results[0].result.Success.transfers).toHaveLength(1);
    firstBlockHash = got.rawJSON.execution_results[0].block_hash;
    const bal = await dev.client.queryLatestBalance(PurseIdentifier.fromPublicKey(recipient.publicKey));
    expect(bal.balance.toString()).toBe(AMOUNT.toString());

    expect(await dev.stop()).toBe(0);
    expect(existsSync(statePath())).toBe(true);
    expect(existsSync(`${statePath()}.index.json`)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('the chain, its deploys and its history survive a restart', async () => {
    const dev = await startDevnet(['--port', '0', '--state', statePath()]);
    expect(dev.out.join('')).toContain(`loaded ${statePath()} (chain casper-net-1, height 1)`);
    const got = await dev.client.getDeploy(deployHash);
    expect(got.rawJSON.execution_results[0].block_hash).toBe(firstBlockHash);
    expect(got.rawJSON.execution_results[0].result.Success.transfers).toHaveLength(1);
    const bal = await dev.client.queryLatestBalance(PurseIdentifier.fromPublicKey(recipient.publicKey));
    expect(bal.balance.toString()).toBe(AMOUNT.toString());
    const block = await dev.client.getLatestBlock();
    expect(block.rawJSON.block.hash).toBe(firstBlockHash);
    // the genesis state is rebuilt from the blocks' undo logs
    const before = await dev.client.queryBalanceByBlockHeight(PurseIdentifier.fromPublicKey(sender.publicKey), 0);
    expect(before.balance.toString()).toBe(START.toString());

    // and the chain goes on
    const header = DeployHeader.default();
    header.account = sender.publicKey;
    header.chainName = 'casper-net-1';
    const d = Deploy.makeDeploy(
      header,
      ExecutableDeployItem.standardPayment('10000000000'),
      ExecutableDeployItem.newModuleBytes(
        new Uint8Array(readFileSync(WASM_PATH)),
        Args.fromMap({
          target: CLValue.newCLPublicKey(recipient.publicKey),
          amount: CLValue.newCLUInt512(AMOUNT.toString()),
        }),
      ),
    );
    d.sign(sender);
    await dev.client.putDeploy(d);
    expect(dev.node.latest.height).toBe(2);
    const after = await dev.client.queryLatestBalance(PurseIdentifier.fromPublicKey(recipient.publicKey));
    expect(after.balance.toString()).toBe((2n * AMOUNT).toString());
    expect(await dev.stop()).toBe(0);
  });

  test('--account is ignored and --chain-name must match on a saved chain', async () => {
    const err: string[] = [];
    const code = await devnetCommand(['--port', '0', '--state', statePath(), '--chain-name', 'other'], {
      out: () => undefined,
      err: (t) => err.push(t),
    });
    expect(code).toBe(1);
    expect(err.join('')).toBe(`casper-as devnet: ${statePath()} holds chain casper-net-1, not other\n`);
  });

  test('a corrupt state file is one clear line', async () => {
    const bytes = readFileSync(statePath());
    bytes[bytes.length >> 1] ^= 0xff;
    const broken = join(dir, 'broken.state');
    writeFileSync(broken, bytes);
    writeFileSync(`${broken}.index.json`, readFileSync(`${statePath()}.index.json`));
    const err: string[] = [];
    const code = await devnetCommand(['--port', '0', '--state', broken], {
      out: () => undefined,
      err: (t) => err.push(t),
    });
    expect(code).toBe(1);
    expect(err).toEqual([`casper-as devnet: ${broken}: checksum mismatch: the file is corrupt or was cut short\n`]);
  });

  test('an index that belongs to another state is refused', async () => {
    const other = join(dir, 'other.state');
    saveSnapshot(other, new TestEnv().state);
    writeFileSync(`${other}.index.json`, readFileSync(`${statePath()}.index.json`));
    const err: string[] = [];
    const code = await devnetCommand(['--port', '0', '--state', other], {
      out: () => undefined,
      err: (t) => err.push(t),
    });
    expect(code).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(
      new RegExp(
        `^casper-as devnet: ${other}\\.index\\.json: belongs to state root [0-9a-f]{64} but ${other} has state root [0-9a-f]{64}: the two files were not saved together\\n$`,
      ),
    );
  });

  test('bad flags', async () => {
    const err: string[] = [];
    expect(await devnetCommand(['--port', 'x'], { err: (t) => err.push(t) })).toBe(2);
    expect(err[0]).toBe('casper-as devnet: --port: not a port number: x\n');
    err.length = 0;
    expect(await devnetCommand(['--account', '01ab:5'], { err: (t) => err.push(t) })).toBe(2);
    expect(err[0]).toMatch(/^casper-as devnet: --account: cannot read 01ab: /);
    err.length = 0;
    const nowhere = join(dir, 'no-such-dir', 'x.state');
    expect(
      await devnetCommand(['--port', '0', '--state', nowhere], { out: () => undefined, err: (t) => err.push(t) }),
    ).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toBe(`casper-as devnet: ${nowhere}: ENOENT: no such file or directory\n`);
  });
});

const BIN = join(ROOT, 'bin', 'casper-as.cjs');

(existsSync(BIN) ? test : test.skip)(
  'node bin/casper-as.cjs devnet, then node bin/casper-as.cjs put-deploy against it',
  async () => {
    const statePath = join(dir, 'bin.state');
    const child = spawn(
      process.execPath,
      [BIN, 'devnet', '--port', '0', '--state', statePath, '--account', `${sender.publicKey.toHex()}:${START}`],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (c) => {
          stdout += c;
          const m = /serving JSON-RPC at (http:\/\/\S+)/.exec(stdout);
          if (m) resolve(m[1]);
        });
        child.on('exit', () => reject(new Error(`devnet exited: ${stdout}${stderr}`)));
      });
      const put = await new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
        execFile(
          process.execPath,
          [
            BIN,
            'put-deploy',
            '--node-address',
            url.replace(/\/rpc$/, ''),
            '--chain-name',
            'casper-net-1',
            '--secret-key',
            join(dir, 'secret_key.pem'),
            '--session-path',
            WASM_PATH,
            '--payment-amount',
            '10000000000',
            '--session-arg',
            `target:public_key='${recipient.publicKey.toHex()}'`,
            '--session-arg',
            `amount:u512='${AMOUNT}'`,
          ],
          { cwd: ROOT },
          (error, out, err) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out, err }),
        ),
      );
      expect(put.err).toBe('');
      expect(put.code).toBe(0);
      const hash = JSON.parse(put.out).result.deploy_hash;
      const client = new RpcClient(new HttpHandler(url, 'fetch'));
      const got = await client.getDeploy(hash);
      expect(got.rawJSON.execution_results[0].result.Success.transfers).toHaveLength(1);
      const bal = await client.queryLatestBalance(PurseIdentifier.fromPublicKey(recipient.publicKey));
      expect(bal.balance.toString()).toBe(AMOUNT.toString());
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(stdout).toContain('casper-as devnet: stopped');
    expect(existsSync(`${statePath}.index.json`)).toBe(true);
  },
  120_000,
);

describe('snapshot files', () => {
  const env = new TestEnv();

  test('round trip: same entries, same bytes, same state root', () => {
    const bytes = encodeSnapshot(env.state);
    const back = decodeSnapshot(bytes);
    expect(back.stateRoot()).toBe(env.state.stateRoot());
    expect(back.entries.size).toBe(env.state.entries.size);
    expect(Buffer.from(encodeSnapshot(back)).equals(Buffer.from(bytes))).toBe(true);
    expect(Buffer.from(bytes.subarray(0, 12)).toString()).toBe('CASPERASGSTA');
  });

  test('save is atomic and load reads it back', () => {
    const p = join(dir, 'snap.bin');
    saveSnapshot(p, env.state);
    expect(loadSnapshot(p).stateRoot()).toBe(env.state.stateRoot());
    writeFileAtomic(p, 'replaced');
    expect(readFileSync(p, 'utf8')).toBe('replaced');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('each kind of damage has its own one-line message', () => {
    const good = encodeSnapshot(env.state);
    const fail = (b: Uint8Array) => {
      try {
        decodeSnapshot(b, 'x.state');
      } catch (e) {
        expect(e).toBeInstanceOf(SnapshotError);
        expect((e as Error).message).not.toContain('\n');
        return (e as Error).message;
      }
      throw new Error('decoded');
    };
    expect(fail(new TextEncoder().encode('{"json": true}'))).toBe(
      'x.state: not a casper-as global state snapshot (bad magic)',
    );
    const v2 = good.slice();
    v2[12] = 2;
    expect(fail(v2)).toBe('x.state: snapshot version 2 is not supported (this build reads version 1)');
    expect(fail(good.subarray(0, good.length - 100))).toBe(
      'x.state: checksum mismatch: the file is corrupt or was cut short',
    );
    expect(fail(good.subarray(0, 20))).toBe('x.state: truncated: 20 bytes, no room for a header and checksum');
  });
});
