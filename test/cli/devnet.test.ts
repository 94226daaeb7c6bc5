/**
 * `casper-as devnet` end to end: a deploy of transfer-to-public-key built and signed with
 * casper-js-sdk 5, sent with RpcClient.putDeploy, then read back through RpcClient (getDeploy,
 * queryLatestBalance, getAccountInfo, getStateRootHashLatest, getLatestBlock, getStatus, …),
 * native transfers (`casper-client transfer`, session Transfer) executed the node's wasmless
 * way, and the node's exact error objects for deploys a node refuses.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AccountIdentifier,
  Args,
  CLValue,
  Deploy,
  DeployHeader,
  Duration,
  ExecutableDeployItem,
  HttpHandler,
  KeyAlgorithm,
  PrivateKey,
  PublicKey as SdkPublicKey,
  PurseIdentifier,
  RpcClient,
  Timestamp,
  Transaction,
  makeCsprTransferDeploy,
} from 'casper-js-sdk';
import { DEFAULT_ACCOUNT_INITIAL_BALANCE } from '../../runtime/env';
import { DevnetNode } from '../../cli/devnet/node';
import { type DevnetServer, startDevnetServer } from '../../cli/devnet/server';

const WASM = new Uint8Array(readFileSync(join(__dirname, '..', '..', 'build', 'transfer-to-public-key.wasm')));
const CHAIN = 'casper-net-1';
const AMOUNT = 5_000_000_000n;
const PAYMENT = 10_000_000_000n;

let server: DevnetServer;
let node: DevnetNode;
let client: RpcClient;
let sender: PrivateKey;
let recipient: PrivateKey;
/** The node's clock when a test sets it (else the real time). */
let clock: number | undefined;

/** POSTs a raw JSON-RPC request; returns the parsed response body. */
async function rpc(method: string, params?: unknown, id: unknown = 1): Promise<any> {
  const body = JSON.stringify(
    params === undefined ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params },
  );
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  expect(res.status).toBe(200);
  return res.json();
}

function transferDeploy(
  key: PrivateKey,
  opts: { chainName?: string; timestamp?: Date; ttlMs?: number; wasm?: Uint8Array } = {},
): Deploy {
  const header = DeployHeader.default();
  header.account = key.publicKey;
  header.chainName = opts.chainName ?? CHAIN;
  header.ttl = new Duration(opts.ttlMs ?? 30 * 60 * 1000);
  if (opts.timestamp) header.timestamp = new Timestamp(opts.timestamp);
  const session = ExecutableDeployItem.newModuleBytes(
    opts.wasm ?? WASM,
    Args.fromMap({
      target: CLValue.newCLPublicKey(recipient.publicKey),
      amount: CLValue.newCLUInt512(AMOUNT.toString()),
    }),
  );
  const deploy = Deploy.makeDeploy(header, ExecutableDeployItem.standardPayment(PAYMENT.toString()), session);
  deploy.sign(key);
  return deploy;
}

beforeAll(async () => {
  sender = await PrivateKey.fromHex('01'.repeat(32), KeyAlgorithm.ED25519);
  recipient = await PrivateKey.fromHex('02'.repeat(32), KeyAlgorithm.ED25519);
  const { parsePublicKeyHex } = await import('../../cli/devnet/cljson');
  const pk = parsePublicKeyHex(sender.publicKey.toHex());
  if ('error' in pk) throw new Error(pk.error);
  node = DevnetNode.genesis({
    chainName: CHAIN,
    accounts: [{ publicKey: pk, balance: 1_000_000_000_000n }],
    now: () => clock ?? Date.now(),
  });
  server = await startDevnetServer({ node, port: 0 });
  client = new RpcClient(new HttpHandler(server.url, 'fetch'));
});

afterAll(async () => {
  await server.close();
});

describe('transfer-to-public-key through RpcClient', () => {
  let deploy: Deploy;

  test('putDeploy returns the deploy hash', async () => {
    deploy = transferDeploy(sender);
    const put = await client.putDeploy(deploy);
    expect(put.deployHash.toHex()).toBe(deploy.hash.toHex());
    expect(put.rawJSON).toEqual({ api_version: '1.5.6', deploy_hash: deploy.hash.toHex() });
  });

  test('getDeploy shows the executed transfer', async () => {
    const got = await client.getDeploy(deploy.hash.toHex());
    expect(got.apiVersion).toBe('1.5.6');
    expect(got.deploy.hash.toHex()).toBe(deploy.hash.toHex());
    // the deploy as sent, with `parsed` filled in for every arg (the node re-serializes CLValues)
    const sent: any = Deploy.toJSON(deploy);
    sent.payment.ModuleBytes.args[0][1].parsed = PAYMENT.toString();
    sent.session.ModuleBytes.args[0][1].parsed = recipient.publicKey.toHex();
    sent.session.ModuleBytes.args[1][1].parsed = AMOUNT.toString();
    expect(got.rawJSON.deploy).toEqual(sent);
    const results = got.rawJSON.execution_results;
    expect(results).toHaveLength(1);
    expect(results[0].block_hash).toBe(node.blocks[1].hash.reduce((s, b) => s + b.toString(16).padStart(2, '0'), ''));
    const success = results[0].result.Success;
    expect(success).toBeDefined();
    expect(success.transfers).toHaveLength(1);
    expect(success.transfers[0]).toMatch(/^transfer-[0-9a-f]{64}$/);
    expect(Number(success.cost)).toBeGreaterThan(0);
    // the Transfer record written by the mint is among the effects
    const write = success.effect.transforms.find((t: any) => t.key === success.transfers[0]);
    expect(write.transform.WriteTransfer).toMatchObject({
      deploy_hash: deploy.hash.toHex(),
      from: `account-hash-${sender.publicKey.accountHash().toHex()}`,
      to: `account-hash-${recipient.publicKey.accountHash().toHex()}`,
      amount: AMOUNT.toString(),
      gas: '0',
      id: null,
    });
    // parsed by the SDK: the V1 result becomes an ExecutionInfo with the transfer
    const info = got.toInfoGetTransactionResult().executionInfo!;
    expect(info.executionResult.errorMessage).toBeUndefined();
    expect(info.executionResult.transfers).toHaveLength(1);
    expect(info.executionResult.transfers[0].amount.toString()).toBe(AMOUNT.toString());
  });

  test('queryLatestBalance shows the recipient funded and the sender charged', async () => {
    const recv = await client.queryLatestBalance(PurseIdentifier.fromPublicKey(recipient.publicKey));
    expect(recv.balance.toString()).toBe(AMOUNT.toString());
    expect(recv.rawJSON).toEqual({ api_version: '1.5.6', balance: AMOUNT.toString() });
    const sent = await client.queryLatestBalance(PurseIdentifier.fromPublicKey(sender.publicKey));
    const cost = BigInt((await client.getDeploy(deploy.hash.toHex())).rawJSON.execution_results[0].result.Success.cost);
    // 99/100 of the unused payment is refunded (refund_ratio), the rest of the payment is the fee
    const refund = ((PAYMENT - cost) * 99n) / 100n;
    expect(BigInt(sent.balance.toString())).toBe(1_000_000_000_000n - AMOUNT - PAYMENT + refund);
  });

  test('getAccountInfo, getStateRootHashLatest, getLatestBlock, getStatus', async () => {
    const acct = await client.getAccountInfo(null, new AccountIdentifier(undefined, sender.publicKey));
    expect(acct.account.accountHash.toPrefixedString()).toBe(`account-hash-${sender.publicKey.accountHash().toHex()}`);
    expect(acct.rawJSON.account.action_thresholds).toEqual({ deployment: 1, key_management: 1 });
    expect(acct.rawJSON.account.associated_keys).toEqual([
      { account_hash: `account-hash-${sender.publicKey.accountHash().toHex()}`, weight: 1 },
    ]);

    const root = await client.getStateRootHashLatest();
    expect(root.stateRootHash.toHex()).toBe(node.env.state.stateRoot());

    const block = await client.getLatestBlock();
    expect(block.block.height).toBe(1);
    expect(block.rawJSON.block.body.deploy_hashes).toEqual([deploy.hash.toHex()]);
    expect(block.rawJSON.block.header.parent_hash).toBe(Buffer.from(node.blocks[0].hash).toString('hex'));
    expect(block.rawJSON.block.header.protocol_version).toBe('1.5.6');

    const status = await client.getStatus();
    expect(status.chainSpecName).toBe(CHAIN);
    expect(status.rawJSON.last_added_block_info.height).toBe(1);
    expect(status.rawJSON.available_block_range).toEqual({ low: 0, high: 1 });
  });

  test('getTransactionByDeployHash (info_get_transaction) reads the same deploy', async () => {
    const tx = await client.getTransactionByDeployHash(deploy.hash.toHex());
    expect(tx.rawJSON.transaction.Deploy.hash).toBe(deploy.hash.toHex());
    expect(tx.rawJSON.execution_info.block_height).toBe(1);
    expect(tx.executionInfo!.executionResult.transfers).toHaveLength(1);
  });

  test('queryLatestGlobalState reads the recipient account', async () => {
    const q = await client.queryLatestGlobalState(`account-hash-${recipient.publicKey.accountHash().toHex()}`, []);
    expect(q.rawJSON.stored_value.Account.account_hash).toBe(
      `account-hash-${recipient.publicKey.accountHash().toHex()}`,
    );
    expect(q.rawJSON.block_header.height).toBe(1);
  });

  test('queries at the genesis block still see the old state', async () => {
    const before = await client.queryBalanceByBlockHeight(PurseIdentifier.fromPublicKey(sender.publicKey), 0);
    expect(before.balance.toString()).toBe('1000000000000');
    const r = await rpc('query_balance', {
      state_identifier: { BlockHeight: 0 },
      purse_identifier: { main_purse_under_public_key: recipient.publicKey.toHex() },
    });
    expect(r.error.code).toBe(-32003);
    expect(r.error.message).toBe('Query failed');
    expect(r.error.data).toBe(
      `ValueNotFound("Failed to find base key at path: Key::Account(${recipient.publicKey.accountHash().toHex()})")`,
    );
  });

  test('a repeated deploy is accepted and not executed twice', async () => {
    const height = node.latest.height;
    const put = await client.putDeploy(deploy);
    expect(put.deployHash.toHex()).toBe(deploy.hash.toHex());
    expect(node.latest.height).toBe(height);
  });
});

describe('deploys the node refuses', () => {
  const invalid = (data: string) => ({ code: -32008, message: 'Invalid Deploy', data });

  test('wrong chain name', async () => {
    const d = transferDeploy(sender, { chainName: 'casper-test' });
    const r = await rpc('account_put_deploy', { deploy: Deploy.toJSON(d) });
    expect(r).toEqual({
      jsonrpc: '2.0',
      id: 1,
      error: invalid('invalid deploy: invalid chain name: expected casper-net-1, got casper-test'),
    });
  });

  test('bad signature', async () => {
    const d = transferDeploy(sender);
    const json: any = Deploy.toJSON(d);
    const other = transferDeploy(recipient);
    // a valid Ed25519 signature, but over another deploy's hash
    json.approvals[0].signature = (Deploy.toJSON(other) as any).approvals[0].signature;
    const r = await rpc('account_put_deploy', { deploy: json });
    expect(r.error).toEqual(
      invalid(
        'invalid deploy: the approval at index 0 is invalid: asymmetric key error: failed to verify Ed25519 signature',
      ),
    );
  });

  test('expired TTL', async () => {
    clock = Date.UTC(2024, 0, 1, 12, 0, 0, 250);
    try {
      const d = transferDeploy(sender, { timestamp: new Date(Date.UTC(2024, 0, 1, 9)), ttlMs: 30 * 60 * 1000 });
      const r = await rpc('account_put_deploy', { deploy: Deploy.toJSON(d) });
      expect(r).toEqual({
        jsonrpc: '2.0',
        id: 1,
        error: invalid(
          "deploy received by the node expired at 2024-01-01T09:30:00.000Z with node's time at 2024-01-01T12:00:00.250Z",
        ),
      });
    } finally {
      clock = undefined;
    }
  });

  test('timestamp in the future', async () => {
    clock = Date.UTC(2024, 0, 1, 12);
    try {
      const d = transferDeploy(sender, { timestamp: new Date(Date.UTC(2024, 0, 1, 12, 0, 3)) });
      const r = await rpc('account_put_deploy', { deploy: Deploy.toJSON(d) });
      expect(r.error).toEqual(
        invalid(
          "invalid deploy: timestamp of 2024-01-01T12:00:03.000Z is later than node's validation timestamp of 2024-01-01T12:00:00.000Z plus leeway of 2s",
        ),
      );
    } finally {
      clock = undefined;
    }
  });

  test('TTL above the chainspec maximum', async () => {
    const d = transferDeploy(sender, { ttlMs: 3 * 3600_000 });
    const r = await rpc('account_put_deploy', { deploy: Deploy.toJSON(d) });
    expect(r.error).toEqual(invalid('invalid deploy: time-to-live of 3h exceeds limit of 2h'));
  });

  test('oversized deploy', async () => {
    const big = new Uint8Array(1_048_576);
    big.set(WASM);
    const d = transferDeploy(sender, { wasm: big });
    const json: any = Deploy.toJSON(d);
    const size =
      1_048_576 +
      (await import('../../cli/devnet/deploy')).deploySerializedLength(
        (await import('../../cli/devnet/deploy')).parseDeployJson(json) as any,
      ) -
      1_048_576;
    const r = await rpc('account_put_deploy', { deploy: json });
    expect(r.error).toEqual(
      invalid(`invalid deploy: deploy size too large: deploy size of ${size} bytes exceeds limit of 1048576`),
    );
    expect(size).toBeGreaterThan(1_048_576);
  });

  test('unknown deploy hash', async () => {
    const hash = 'ab'.repeat(31) + 'cd';
    const r = await rpc('info_get_deploy', { deploy_hash: hash });
    expect(r).toEqual({
      jsonrpc: '2.0',
      id: 1,
      error: {
        code: -32000,
        message: 'No such deploy',
        data: 'failed to get deploy-hash(abab..abcd) and metadata from storage',
      },
    });
    await expect(client.getDeploy(hash)).rejects.toMatchObject({ statusCode: -32000 });
  });

  test('unknown transaction hash', async () => {
    const r = await rpc('info_get_transaction', { transaction_hash: { Deploy: 'ef'.repeat(32) } });
    expect(r.error).toEqual({
      code: -32014,
      message: 'No such transaction',
      data: 'no transaction for hash deploy-hash(efef..efef)',
    });
  });

  test('an account the chain does not have', async () => {
    const stranger = await PrivateKey.fromHex('03'.repeat(32), KeyAlgorithm.ED25519);
    const d = transferDeploy(stranger);
    const r = await rpc('account_put_deploy', { deploy: Deploy.toJSON(d) });
    const tip = node.latest;
    const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
    expect(r.error).toEqual(
      invalid(
        `account with hash ${stranger.publicKey.accountHash().toHex()} does not exist at state root hash ${hex(tip.stateRootHash)} of block ${hex(tip.hash)} at height ${tip.height}`,
      ),
    );
  });

  test('the SDK surfaces the error code', async () => {
    const d = transferDeploy(sender, { chainName: 'other' });
    await expect(client.putDeploy(d)).rejects.toMatchObject({ statusCode: -32008 });
  });
});

describe('account_put_transaction', () => {
  test('a Deploy transaction executes like account_put_deploy', async () => {
    const d = transferDeploy(sender);
    const r = await rpc('account_put_transaction', { transaction: { Deploy: Deploy.toJSON(d) } });
    expect(r.result).toEqual({ api_version: '1.5.6', transaction_hash: { Deploy: d.hash.toHex() } });
    const got = await rpc('info_get_deploy', { deploy_hash: d.hash.toHex() });
    expect(got.result.execution_results[0].result.Success).toBeDefined();
  });

  test('RpcClient.putTransaction of a Deploy', async () => {
    const d = transferDeploy(sender);
    const put = await client.putTransaction(Transaction.fromDeploy(d));
    expect(put.rawJSON).toEqual({ api_version: '1.5.6', transaction_hash: { Deploy: d.hash.toHex() } });
    expect(node.deploys.has(d.hash.toHex())).toBe(true);
  });

  test('a TransactionV1 is refused: the devnet is a 1.5.6 node', async () => {
    const r = await rpc('account_put_transaction', { transaction: { Version1: { hash: '00'.repeat(32) } } });
    expect(r.error).toEqual({
      code: -32016,
      message: 'Invalid transaction',
      data: 'the transaction was invalid: casper-as devnet executes as a Casper 1.5.6 node and accepts Deploy transactions only',
    });
  });

  test('an invalid one is refused with InvalidTransaction', async () => {
    const d = transferDeploy(sender, { chainName: 'x' });
    const r = await rpc('account_put_transaction', { transaction: { Deploy: Deploy.toJSON(d) } });
    expect(r.error).toEqual({
      code: -32016,
      message: 'Invalid transaction',
      data: 'the transaction was invalid: invalid deploy: invalid chain name: expected casper-net-1, got x',
    });
  });
});

describe('JSON-RPC envelope', () => {
  test('unknown method', async () => {
    expect(await rpc('no_such_method', [], 'x')).toEqual({
      jsonrpc: '2.0',
      id: 'x',
      error: {
        code: -32601,
        message: 'Method not found',
        data: "'no_such_method' is not a supported json-rpc method on this server",
      },
    });
  });

  test('bad JSON', async () => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":',
    });
    expect(await res.json()).toEqual({
      jsonrpc: '2.0',
      id: null,
      error: { code: -32700, message: 'Parse error', data: 'EOF while parsing a value at line 1 column 5' },
    });
  });

  test('missing params', async () => {
    expect((await rpc('info_get_deploy')).error).toEqual({
      code: -32602,
      message: 'Invalid params',
      data: "Missing 'params' field",
    });
  });

  test('params of the wrong shape', async () => {
    expect((await rpc('info_get_deploy', { deploy_hash: 5 })).error).toEqual({
      code: -32602,
      message: 'Invalid params',
      data: "Failed to parse 'params' field: invalid type: integer `5`, expected a string",
    });
    expect((await rpc('info_get_deploy', { hash: 'x' })).error.data).toBe(
      "Failed to parse 'params' field: unknown field `hash`, expected `deploy_hash` or `finalized_approvals`",
    );
  });

  test('wrong jsonrpc version', async () => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '1.0', id: 7, method: 'info_get_status' }),
    });
    expect(await res.json()).toEqual({
      jsonrpc: '2.0',
      id: 7,
      error: { code: -32600, message: 'Invalid Request', data: "Expected 'jsonrpc' to be '2.0', but got '1.0'" },
    });
  });

  test('HTTP-level rejections', async () => {
    const wrongPath = await fetch(server.url.replace('/rpc', '/x'), { method: 'POST', body: '{}' });
    expect(wrongPath.status).toBe(404);
    expect(await wrongPath.json()).toEqual({ message: 'Path not found' });
    const noType = await fetch(server.url, { method: 'POST', body: '{}' });
    expect(noType.status).toBe(415); // fetch sends text/plain for a string body
    const missingId = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'info_get_status' }),
    });
    expect(missingId.status).toBe(400);
    expect(await missingId.json()).toEqual({ message: "The request is missing the 'id' field" });
  });
});

test('the default account is funded at genesis', async () => {
  const r = await rpc('query_balance', {
    purse_identifier: {
      main_purse_under_public_key: SdkPublicKey.fromHex(
        Buffer.from([1, ...node.env.defaultPublicKey.raw]).toString('hex'),
      ).toHex(),
    },
    state_identifier: { BlockHeight: 0 },
  });
  expect(r.result.balance).toBe(DEFAULT_ACCOUNT_INITIAL_BALANCE.toString());
});

describe('dictionaries, items, balances and blocks', () => {
  let seedURef: string;

  beforeAll(async () => {
    // a session that creates a dictionary under the named key "my_dict" and puts "alice" → 42u64
    const { session } = await import('../helpers/wat-session');
    const { CLValue: RtCLValue, encodeCLValue } = await import('../../runtime/types');
    const value = encodeCLValue(RtCLValue.u64(42n));
    const wasm = await session(
      `(drop (call $casper_new_dictionary (i32.const 400)))
       (drop (call $casper_read_host_buffer (i32.const 1) (i32.const 33) (i32.const 404)))
       (i32.store8 (i32.const 0) (i32.const 2))
       (call $casper_put_key (i32.const 100) (i32.const 11) (i32.const 0) (i32.const 34))
       (drop (call $casper_dictionary_put (i32.const 1) (i32.const 33) (i32.const 200) (i32.const 5) (i32.const 300) (i32.const ${value.length})))`,
      [
        [100, new Uint8Array([7, 0, 0, 0, ...new TextEncoder().encode('my_dict')])],
        [200, new TextEncoder().encode('alice')],
        [300, value],
      ],
    );
    const header = DeployHeader.default();
    header.account = sender.publicKey;
    header.chainName = CHAIN;
    const d = Deploy.makeDeploy(
      header,
      ExecutableDeployItem.standardPayment(PAYMENT.toString()),
      ExecutableDeployItem.newModuleBytes(wasm, Args.fromMap({})),
    );
    d.sign(sender);
    await client.putDeploy(d);
    const r = await rpc('info_get_deploy', { deploy_hash: d.hash.toHex() });
    expect(r.result.execution_results[0].result).toEqual({ Success: expect.anything() });
    const acct = await rpc('state_get_account_info', { public_key: sender.publicKey.toHex() });
    seedURef = acct.result.account.named_keys.find((k: any) => k.name === 'my_dict').key;
  });

  test('state_get_dictionary_item by URef, by named key and by dictionary key', async () => {
    const got = await client.getDictionaryItem(null, seedURef, 'alice');
    expect(got.rawJSON.stored_value).toEqual({ CLValue: { cl_type: 'U64', bytes: '2a00000000000000', parsed: 42 } });
    expect(got.dictionaryKey).toMatch(/^dictionary-[0-9a-f]{64}$/);
    const root = (await client.getStateRootHashLatest()).stateRootHash.toHex();
    const byName = await rpc('state_get_dictionary_item', {
      state_root_hash: root,
      dictionary_identifier: {
        AccountNamedKey: {
          key: `account-hash-${sender.publicKey.accountHash().toHex()}`,
          dictionary_name: 'my_dict',
          dictionary_item_key: 'alice',
        },
      },
    });
    expect(byName.result.dictionary_key).toBe(got.dictionaryKey);
    expect(byName.result.stored_value.CLValue.parsed).toBe(42);
    const byKey = await rpc('state_get_dictionary_item', {
      state_root_hash: root,
      dictionary_identifier: { Dictionary: got.dictionaryKey },
    });
    expect(byKey.result.stored_value).toEqual(got.rawJSON.stored_value);
    const missing = await rpc('state_get_dictionary_item', {
      state_root_hash: root,
      dictionary_identifier: {
        AccountNamedKey: {
          key: `account-hash-${sender.publicKey.accountHash().toHex()}`,
          dictionary_name: 'nope',
          dictionary_item_key: 'alice',
        },
      },
    });
    expect(missing.error).toEqual({
      code: -32010,
      message: 'Failed to get dictionary URef',
      data: 'seed uref not in named keys',
    });
  });

  test('query_global_state follows a path of named keys', async () => {
    const q = await client.queryLatestGlobalState(`account-hash-${sender.publicKey.accountHash().toHex()}`, [
      'my_dict',
    ]);
    expect(q.rawJSON.stored_value).toEqual({ CLValue: { cl_type: 'Unit', bytes: '', parsed: null } });
    const bad = await rpc('query_global_state', {
      key: `account-hash-${sender.publicKey.accountHash().toHex()}`,
      path: ['nope'],
    });
    expect(bad.error).toEqual({
      code: -32003,
      message: 'Query failed',
      data: `ValueNotFound("Name nope not found in Account at path: Key::Account(${sender.publicKey.accountHash().toHex()})/nope")`,
    });
    const badKey = await rpc('query_global_state', { key: 'nonsense-00' });
    expect(badKey.error).toEqual({
      code: -32002,
      message: 'Failed to parse query key',
      data: 'failed to parse key: unknown prefix for key',
    });
  });

  test('state_get_item and state_get_balance (getStateItem, getLatestBalance)', async () => {
    const acct = await client.getAccountInfo(null, new AccountIdentifier(undefined, sender.publicKey));
    const purse = acct.rawJSON.account.main_purse as string;
    const item = await client.getStateItem(null, `account-hash-${sender.publicKey.accountHash().toHex()}`, []);
    expect(item.rawJSON.stored_value.Account.main_purse).toBe(purse);
    const bal = await client.getLatestBalance(purse);
    const q = await client.queryLatestBalance(PurseIdentifier.fromPublicKey(sender.publicKey));
    expect(bal.balanceValue.toString()).toBe(q.balance.toString());
    const bad = await rpc('state_get_balance', { state_root_hash: '00'.repeat(32), purse_uref: 'uref-xyz' });
    expect(bad.error).toEqual({
      code: -32005,
      message: 'Failed to parse get-balance URef',
      data: 'failed to parse purse_uref: no access rights as suffix',
    });
  });

  test('blocks by height and hash; unknown blocks and state roots', async () => {
    const b0 = await client.getBlockByHeight(0);
    expect(b0.block.height).toBe(0);
    const latest = await client.getLatestBlock();
    const byHash = await client.getBlockByHash(latest.block.hash.toHex());
    expect(byHash.rawJSON).toEqual(latest.rawJSON);
    const high = node.latest.height;
    expect(await rpc('chain_get_block', { block_identifier: { Height: 999 } })).toEqual({
      jsonrpc: '2.0',
      id: 1,
      error: {
        code: -32001,
        message: 'No such block',
        data: { message: 'block at height 999 not stored on this node', available_block_range: { low: 0, high } },
      },
    });
    const root = '12'.repeat(32);
    expect((await rpc('state_get_item', { state_root_hash: root, key: 'era-1' })).error).toEqual({
      code: -32012,
      message: 'No such state root',
      data: { message: `failed to get state root at ${root}`, available_block_range: { low: 0, high } },
    });
    const purse = `uref-${'34'.repeat(32)}-007`;
    expect(
      (
        await rpc('query_balance', {
          state_identifier: { StateRootHash: root },
          purse_identifier: { purse_uref: purse },
        })
      ).error,
    ).toEqual({
      code: -32006,
      message: 'Failed to get balance',
      data: `root hash 1212..1212 not found when querying for purse URef(${'34'.repeat(32)}, READ_ADD_WRITE)`,
    });
    expect((await rpc('query_balance', { purse_identifier: { purse_uref: purse } })).error).toEqual({
      code: -32007,
      message: 'get-balance failed to execute',
      data: `Key Key::Balance(${'34'.repeat(32)}) not found`,
    });
    const transfers = await rpc('chain_get_block_transfers', { block_identifier: { Height: 1 } });
    expect(transfers.result.transfers).toHaveLength(1);
    expect(transfers.result.transfers[0].amount).toBe(AMOUNT.toString());
  });
});

describe('native transfers (session Transfer, as casper-client transfer sends them)', () => {
  const FEE = 100_000_000n; // wasmless_transfer_cost, at gas price 1 whatever the deploy says
  let third: PrivateKey;

  beforeAll(async () => {
    third = await PrivateKey.fromHex('04'.repeat(32), KeyAlgorithm.ED25519);
  });

  function nativeTransfer(amount: bigint, target: PrivateKey): Deploy {
    const d = makeCsprTransferDeploy({
      senderPublicKeyHex: sender.publicKey.toHex(),
      recipientPublicKeyHex: target.publicKey.toHex(),
      transferAmount: amount.toString(),
      chainName: CHAIN,
      memo: '7',
      gasPrice: 3,
    });
    d.sign(sender);
    return d;
  }

  const balanceOf = async (key: PrivateKey) =>
    BigInt((await client.queryLatestBalance(PurseIdentifier.fromPublicKey(key.publicKey))).balance.toString());

  test('a transfer to a new account executes: info_get_deploy shows it, query_balance the new balances', async () => {
    const amount = 2_500_000_000n;
    const senderBefore = await balanceOf(sender);
    const d = nativeTransfer(amount, third);
    expect(d.session.transfer).toBeDefined();
    const put = await client.putDeploy(d);
    expect(put.deployHash.toHex()).toBe(d.hash.toHex());

    const got = await rpc('info_get_deploy', { deploy_hash: d.hash.toHex() });
    const success = got.result.execution_results[0].result.Success;
    expect(success.cost).toBe(FEE.toString());
    expect(success.transfers).toHaveLength(1);
    const write = success.effect.transforms.find((t: any) => t.key === success.transfers[0]);
    expect(write.transform.WriteTransfer).toMatchObject({
      deploy_hash: d.hash.toHex(),
      from: `account-hash-${sender.publicKey.accountHash().toHex()}`,
      to: `account-hash-${third.publicKey.accountHash().toHex()}`,
      amount: amount.toString(),
      gas: '0',
      id: 7,
    });
    const info = (await client.getDeploy(d.hash.toHex())).toInfoGetTransactionResult().executionInfo!;
    expect(info.executionResult.errorMessage).toBeUndefined();
    expect(info.executionResult.transfers[0].amount.toString()).toBe(amount.toString());

    // the block lists it among its transfers, not its deploys
    const block = await rpc('chain_get_block', { block_identifier: { Height: node.latest.height } });
    expect(block.result.block.body.transfer_hashes).toEqual([d.hash.toHex()]);
    expect(block.result.block.body.deploy_hashes).toEqual([]);
    const transfers = await rpc('chain_get_block_transfers', { block_identifier: { Height: node.latest.height } });
    expect(transfers.result.transfers.map((t: any) => t.amount)).toEqual([amount.toString()]);

    expect(await balanceOf(third)).toBe(amount);
    expect(await balanceOf(sender)).toBe(senderBefore - amount - FEE);
  });

  test('a transfer the sender cannot cover executes as a Failure that costs the fee', async () => {
    const senderBefore = await balanceOf(sender);
    const thirdBefore = await balanceOf(third);
    const d = nativeTransfer(senderBefore, third); // amount + fee > balance
    await client.putDeploy(d);
    const got = await rpc('info_get_deploy', { deploy_hash: d.hash.toHex() });
    const failure = got.result.execution_results[0].result.Failure;
    expect(failure).toMatchObject({ cost: FEE.toString(), transfers: [], error_message: 'Insufficient payment' });
    expect(failure.effect.transforms.map((t: any) => Object.keys(t.transform)[0])).toEqual([
      'WriteCLValue',
      'AddUInt512',
    ]);
    expect(failure.effect.transforms[1].transform.AddUInt512).toBe(FEE.toString());
    expect(await balanceOf(sender)).toBe(senderBefore - FEE);
    expect(await balanceOf(third)).toBe(thirdBefore);
  });

  test('the acceptor still refuses an amount below native_transfer_minimum_motes', async () => {
    const height = node.latest.height;
    const d = nativeTransfer(2_499_999_999n, third);
    const r = await rpc('account_put_deploy', { deploy: Deploy.toJSON(d) });
    expect(r.error).toEqual({
      code: -32008,
      message: 'Invalid Deploy',
      data: 'invalid deploy: insufficient transfer amount; minimum: 2500000000 attempted: 2499999999',
    });
    expect(node.latest.height).toBe(height);
  });
});
