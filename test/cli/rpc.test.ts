// send-deploy / put-deploy against a JSON-RPC node started here (127.0.0.1, a random port):
// what reaches the node, the printed response, and the node's failures — a JSON-RPC error (its
// code and message), an HTTP error, a wrong chain name, an unreachable address (a closed port).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Deploy, TransactionV1 } from 'casper-js-sdk';
import { CASPER_CLIENT_TEST_PEM, cli, EMPTY_SESSION, tempDir } from './helpers';

interface Call {
  readonly url: string;
  readonly body: { jsonrpc: string; id: unknown; method: string; params: Record<string, unknown> };
}

/** A node answering info_get_status and account_put_* as `reply` says. */
async function node(
  reply: (method: string, params: any) => { status?: number; json?: unknown },
): Promise<{ address: string; calls: Call[]; close: () => Promise<void> }> {
  const calls: Call[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      const body = JSON.parse(text);
      calls.push({ url: req.url!, body });
      const r = reply(body.method, body.params);
      res.writeHead(r.status ?? 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ jsonrpc: '2.0', id: body.id, ...(r.json as object) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const status = (chain: string) => ({ json: { result: { api_version: '1.5.6', chainspec_name: chain } } });
const accepted = (hash: string) => ({ json: { result: { api_version: '1.5.6', deploy_hash: hash } } });

let dir: string;
let cleanup: () => void;
let key: string;
let session: string;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  key = join(dir, 'secret_key.pem');
  writeFileSync(key, CASPER_CLIENT_TEST_PEM);
  session = join(dir, 'session.wasm');
  writeFileSync(session, EMPTY_SESSION);
});
afterEach(() => cleanup());

const deployFlags = () => [
  '--chain-name',
  'casper-net-1',
  '--session-path',
  session,
  '--payment-amount',
  '2500000000',
  '--secret-key',
  key,
  '--session-arg',
  "amount:u512='1'",
];

async function makeDeployFile(): Promise<{ path: string; json: any }> {
  const path = join(dir, 'deploy.json');
  expect((await cli('make-deploy', ...deployFlags(), '-o', path)).code).toBe(0);
  return { path, json: JSON.parse(readFileSync(path, 'utf8')) };
}

test('send-deploy posts the file to <node-address>/rpc as account_put_deploy and prints the response', async () => {
  const { path, json } = await makeDeployFile();
  const n = await node((method, params) =>
    method === 'info_get_status' ? status('casper-net-1') : accepted(params.deploy.hash),
  );
  try {
    const r = await cli('send-deploy', '--input', path, '--node-address', n.address);
    expect(n.calls.map((c) => [c.url, c.body.method])).toEqual([
      ['/rpc', 'info_get_status'],
      ['/rpc', 'account_put_deploy'],
    ]);
    const put = n.calls[1].body;
    expect(put.params).toEqual({ deploy: json });
    expect(Deploy.fromJSON(put.params.deploy).validate()).toBe(true);
    expect(r).toEqual({
      code: 0,
      out: `{\n  "jsonrpc": "2.0",\n  "id": ${JSON.stringify(put.id)},\n  "result": {\n    "api_version": "1.5.6",\n    "deploy_hash": "${json.hash}"\n  }\n}\n`,
      err: '',
    });
  } finally {
    await n.close();
  }
});

test('put-deploy makes, signs and sends in one step; --transaction uses account_put_transaction', async () => {
  const n = await node((method, params) =>
    method === 'info_get_status'
      ? status('casper-net-1')
      : {
          json: {
            result: {
              api_version: '2.0.0',
              transaction_hash: { Version1: params.transaction?.Version1?.hash },
              deploy_hash: params.deploy?.hash,
            },
          },
        },
  );
  try {
    const r = await cli('put-deploy', ...deployFlags(), '-n', n.address);
    expect(r.code).toBe(0);
    const sent = n.calls[1].body.params.deploy as any;
    expect(Deploy.fromJSON(sent).approvals).toHaveLength(1);
    expect(JSON.parse(r.out).result.deploy_hash).toBe(sent.hash);

    const t = await cli('put-deploy', ...deployFlags(), '-n', n.address, '--transaction');
    expect(t.code).toBe(0);
    expect(n.calls[3].body.method).toBe('account_put_transaction');
    const tx = TransactionV1.fromJSON((n.calls[3].body.params.transaction as any).Version1);
    expect(JSON.parse(t.out).result.transaction_hash).toEqual({ Version1: tx.hash.toHex() });
  } finally {
    await n.close();
  }
});

test('a JSON-RPC error from the node: its code and message, exit code 3', async () => {
  const { path } = await makeDeployFile();
  const n = await node((method) =>
    method === 'info_get_status'
      ? status('casper-net-1')
      : { json: { error: { code: -32008, message: 'Invalid Deploy', data: 'the deploy is too large' } } },
  );
  try {
    expect(await cli('send-deploy', '-i', path, '-n', n.address)).toEqual({
      code: 3,
      out: '',
      err: `casper-as: the node at ${n.address}/rpc rejected account_put_deploy: JSON-RPC error -32008: Invalid Deploy: the deploy is too large\n`,
    });
  } finally {
    await n.close();
  }
});

test('an HTTP error status, exit code 3', async () => {
  const { path } = await makeDeployFile();
  const n = await node(() => ({ status: 503 }));
  try {
    expect(await cli('send-deploy', '-i', path, '-n', `${n.address}/rpc`)).toEqual({
      code: 3,
      out: '',
      err: `casper-as: the node at ${n.address}/rpc answered info_get_status with HTTP status 503 (Service Unavailable)\n`,
    });
  } finally {
    await n.close();
  }
});

test('a chain name the node does not run is refused before sending (exit code 2)', async () => {
  const n = await node(() => status('casper-test'));
  try {
    expect(await cli('put-deploy', ...deployFlags(), '-n', n.address)).toEqual({
      code: 2,
      out: '',
      err: `casper-as: wrong chain name: the deploy is for 'casper-net-1' but the node at ${n.address}/rpc runs 'casper-test' (--chain-name)\n`,
    });
    expect(n.calls.map((c) => c.body.method)).toEqual(['info_get_status']);
  } finally {
    await n.close();
  }
});

test('an unreachable node: the address tried, exit code 3', async () => {
  const { path } = await makeDeployFile();
  const n = await node(() => status('x'));
  const address = n.address;
  await n.close(); // the port is now closed
  expect(await cli('send-deploy', '-i', path, '-n', address)).toEqual({
    code: 3,
    out: '',
    err: `casper-as: cannot reach the node at ${address}/rpc (failed to send http request, details: fetch failed)\n`,
  });
});
