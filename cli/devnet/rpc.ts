/**
 * The JSON-RPC methods of the devnet, each as casper-node 1.5.6 implements it
 * (`node/src/components/rpc_server/rpcs/{account,info,chain,state}.rs`): same params, same
 * result shape, same error codes and texts. `account_put_transaction` and `info_get_transaction`
 * follow casper-sidecar 1.0 (node 2.0) and take or return a `Deploy` transaction only.
 *
 * Every result carries `api_version` "1.5.6". A `merkle_proof` holds one `TrieMerkleProof` per
 * value the query read (key ‖ value ‖ no proof steps): decodable, but it does not verify against
 * the state root hash, which is the emulator's digest of global state, not a trie root.
 */

import { bytesToHex } from '../../runtime/types/bytes';
import { clTypeToString } from '../../runtime/types/cltype';
import type { GlobalState } from '../../runtime/state/global-state';
import { dictionaryItemKey, unwrapDictionaryValue } from '../../runtime/types/dictionary';
import {
  accountKey,
  balanceKey,
  encodeKey,
  type Key,
  keyToFormattedString,
  normalizeKey,
} from '../../runtime/types/key';
import { publicKeyAccountHash, publicKeyToHex, type PublicKey } from '../../runtime/types/public-key';
import { encodeStoredValue, type StoredValue, storedValueTypeName } from '../../runtime/types/stored-value';
import { accessRightsToString, type URef } from '../../runtime/types/uref';
import { parseAccountHash, parseKey, parsePublicKeyHex, parseURef } from './cljson';
import { type Deploy, deployToJson, parseDeployJson } from './deploy';
import { RpcError } from './errors';
import { hexFmt10 } from './hex';
import { formatDuration, formatTimestamp } from './humantime';
import { isObject, type JsonValue, unexpected } from './json';
import { API_VERSION, blockHeaderJson, blockJson, type BlockRecord, DeployRejected, type DevnetNode } from './node';
import {
  bool,
  digest,
  type FieldParser,
  isError,
  option,
  type ParseError,
  parseEnum,
  parseStruct,
  str,
  u64,
  vec,
} from './params';
import { storedValueToJson, transferToJson } from './svjson';

/** What a method receives: `undefined` when the request had no `params` member. */
export type Params = JsonValue[] | { [k: string]: JsonValue } | undefined;

/** A method: params → result, or throws RpcError. */
export type Method = (node: DevnetNode, params: Params) => JsonValue;

// ---------------------------------------------------------------- param plumbing (rpcs.rs)

function requireParams<T>(params: Params, parse: (v: JsonValue) => T | ParseError): T {
  if (params === undefined) throw new RpcError('InvalidParams', "Missing 'params' field");
  const r = parse(params);
  if (isError(r)) throw new RpcError('InvalidParams', `Failed to parse 'params' field: ${r.error}`);
  return r as T;
}

function optionalParams<T>(params: Params, parse: (v: JsonValue) => T | ParseError): T | undefined {
  if (params === undefined || (Array.isArray(params) ? params.length === 0 : Object.keys(params).length === 0)) {
    return undefined;
  }
  const r = parse(params);
  if (isError(r)) throw new RpcError('InvalidParams', `Failed to parse 'params' field: ${r.error}`);
  return r as T;
}

function noParams(params: Params): void {
  if (params !== undefined && (Array.isArray(params) ? params.length > 0 : Object.keys(params).length > 0)) {
    throw new RpcError('InvalidParams', "'params' field should be an empty Array '[]', an empty Object '{}' or absent");
  }
}

const publicKeyParam: FieldParser<PublicKey> = (v) => {
  if (typeof v !== 'string') return { error: `invalid type: ${unexpected(v)}, expected a string` };
  const r = parsePublicKeyHex(v);
  return 'error' in r ? { error: r.error } : r;
};
const accountHashParam: FieldParser<Uint8Array> = (v) => {
  if (typeof v !== 'string') return { error: `invalid type: ${unexpected(v)}, expected a string` };
  const r = parseAccountHash(v);
  return r instanceof Uint8Array ? r : { error: r.error };
};
const urefParam: FieldParser<URef> = (v) => {
  if (typeof v !== 'string') return { error: `invalid type: ${unexpected(v)}, expected a string` };
  const r = parseURef(v);
  return 'error' in r ? { error: r.error } : r;
};

type BlockId = { variant: 'Hash'; value: Uint8Array } | { variant: 'Height'; value: bigint };
const blockIdentifier: FieldParser<BlockId> = (v) =>
  parseEnum<Uint8Array | bigint>(v, 'BlockIdentifier', { Hash: digest, Height: u64 }) as BlockId | ParseError;

type StateId =
  | { variant: 'BlockHash'; value: Uint8Array }
  | { variant: 'BlockHeight'; value: bigint }
  | { variant: 'StateRootHash'; value: Uint8Array };
const stateIdentifier: FieldParser<StateId> = (v) =>
  parseEnum<Uint8Array | bigint>(v, 'GlobalStateIdentifier', {
    BlockHash: digest,
    BlockHeight: u64,
    StateRootHash: digest,
  }) as StateId | ParseError;

// ---------------------------------------------------------------- shared lookups

function availableRange(node: DevnetNode): JsonValue {
  return { low: 0, high: node.latest.height };
}

function missingBlockOrStateRoot(
  node: DevnetNode,
  code: 'NoSuchBlock' | 'NoSuchStateRoot' | 'InternalError',
  message: string,
): RpcError {
  return new RpcError(code, { message, available_block_range: availableRange(node) });
}

/** `chain::get_block_with_metadata`. */
function getBlock(node: DevnetNode, id: BlockId | null | undefined): BlockRecord {
  if (!id) return node.latest;
  if (id.variant === 'Hash') {
    const b = node.blockByHash(id.value);
    if (!b) throw missingBlockOrStateRoot(node, 'NoSuchBlock', `block ${bytesToHex(id.value)} not stored on this node`);
    return b;
  }
  const b = node.blockAtHeight(id.value);
  if (!b) throw missingBlockOrStateRoot(node, 'NoSuchBlock', `block at height ${id.value} not stored on this node`);
  return b;
}

function stateOfRoot(node: DevnetNode, root: Uint8Array): GlobalState {
  const s = node.stateByRoot(root);
  if (!s) throw missingBlockOrStateRoot(node, 'NoSuchStateRoot', `failed to get state root at ${bytesToHex(root)}`);
  return s;
}

/** Rust `Display` of a Key (`Key::Account(…)`), used in query paths. */
export function keyDisplay(k: Key): string {
  const pad = '0'.repeat(64);
  switch (k.tag) {
    case 0:
      return `Key::Account(${bytesToHex(k.addr)})`;
    case 1:
      return `Key::Hash(${bytesToHex(k.addr)})`;
    case 2:
      return `Key::URef(${bytesToHex(k.uref.addr)}, ${accessRightsToString(k.uref.rights)})`;
    case 3:
      return `Key::Transfer(${bytesToHex(k.addr)})`;
    case 4:
      return `Key::DeployInfo(${bytesToHex(k.addr)})`;
    case 5:
      return `Key::EraInfo(era ${k.era})`;
    case 6:
      return `Key::Balance(${bytesToHex(k.addr)})`;
    case 7:
      return `Key::Bid(${bytesToHex(k.addr)})`;
    case 8:
      return `Key::Withdraw(${bytesToHex(k.addr)})`;
    case 9:
      return `Key::Dictionary(${bytesToHex(k.addr)})`;
    case 10:
      return `Key::SystemContractRegistry(${pad})`;
    case 11:
      return `Key::EraSummary(${pad})`;
    case 12:
      return `Key::Unbond(${bytesToHex(k.addr)})`;
    case 13:
      return `Key::ChainspecRegistry(${pad})`;
    case 14:
      return `Key::ChecksumRegistry(${pad})`;
  }
}

function rustDebugString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

const MAX_QUERY_DEPTH = 5; // engine_config DEFAULT_MAX_QUERY_DEPTH

/**
 * `TrackingCopy::query` then `handle_query_result`: the value at `base` down `path`, or the
 * node's QueryFailed error (`ValueNotFound("… at path: Key::…/name")`).
 */
function runQuery(
  state: GlobalState,
  base: Key,
  path: readonly string[],
): { value: StoredValue; proofs: StoredValue[]; keys: Key[] } {
  const visited = new Set<string>();
  const names: string[] = [];
  const pathText = () => [keyDisplay(base), ...names].join('/');
  const notFound = (prefix: string) =>
    new RpcError('QueryFailed', `ValueNotFound(${rustDebugString(`${prefix} at path: ${pathText()}`)})`);
  const proofs: StoredValue[] = [];
  const keys: Key[] = [];
  let current = base;
  let depth = 0;
  const pending = [...path];
  for (;;) {
    if (depth >= MAX_QUERY_DEPTH) throw new RpcError('QueryFailed', `DepthLimit { depth: ${depth} }`);
    const id = bytesToHex(
      encodeKey(current.tag === 2 ? { tag: 2, uref: { addr: current.uref.addr, rights: 0 } } : current),
    );
    if (visited.has(id)) {
      throw new RpcError(
        'QueryFailed',
        `CircularReference(${rustDebugString(`${keyDisplay(current)} has formed a circular reference at path: ${pathText()}`)})`,
      );
    }
    visited.add(id);
    const stored = state.get(current);
    if (!stored) throw notFound('Failed to find base key');
    let value = stored;
    if (current.tag === 9 && stored.tag === 0) {
      const inner = unwrapDictionaryValue(stored.clValue);
      if (!inner.ok) throw notFound('Failed to retrieve dictionary value: Failed to deserialize dictionary value');
      value = { tag: 0, clValue: inner.value };
    }
    proofs.push(stored);
    keys.push(current);
    if (pending.length === 0) return { value, proofs, keys };
    const s = stored;
    const next = (keys: ReadonlyMap<string, Key>, what: string) => {
      const name = pending.shift()!;
      names.push(name);
      const k = keys.get(name);
      if (!k) throw notFound(`Name ${name} not found in ${what}`);
      current = k;
      depth++;
    };
    switch (s.tag) {
      case 1:
        next(s.account.namedKeys, 'Account');
        break;
      case 3:
        next(s.contract.namedKeys, 'Contract');
        break;
      case 0: {
        if (s.clValue.clType.tag === 11) {
          const k = s.clValue.asKey();
          if (!k.ok) throw notFound('Failed to parse CLValue as Key');
          current = k.value;
          depth++;
          break;
        }
        throw notFound(
          `Query cannot continue as CLValue { cl_type: ${clTypeToString(s.clValue.clType)}, bytes: [${Array.from(s.clValue.bytes).join(', ')}] } is not an account, contract nor key to such.  Value found`,
        );
      }
      default: {
        const names: Record<number, string> = {
          2: 'ContractWasm',
          4: 'ContractPackage',
          5: 'Transfer',
          6: 'DeployInfo',
          7: 'EraInfo',
          8: 'Bid',
          9: 'WithdrawPurses',
          10: 'UnbondingPurses',
        };
        throw notFound(`${names[s.tag]} value found.`);
      }
    }
  }
}

/** Hex of `Vec<TrieMerkleProof>`: per value read, key ‖ value ‖ zero proof steps. */
function merkleProof(keys: readonly Key[], values: readonly StoredValue[]): string {
  const parts: string[] = [];
  const u32 = (n: number) => {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, n, true);
    return bytesToHex(b);
  };
  parts.push(u32(values.length));
  values.forEach((v, i) =>
    parts.push(bytesToHex(encodeKey(normalizeKey(keys[i]))), bytesToHex(encodeStoredValue(v)), u32(0)),
  );
  return parts.join('');
}

function queryAndEncode(
  state: GlobalState,
  base: Key,
  path: readonly string[],
): { stored_value: JsonValue; merkle_proof: string } {
  const { value, proofs, keys } = runQuery(state, base, path);
  return { stored_value: storedValueToJson(value), merkle_proof: merkleProof(keys, proofs) };
}

/** URef's Display: `URef(<hex>, READ_ADD_WRITE)`. */
function urefDisplay(u: URef): string {
  return `URef(${bytesToHex(u.addr)}, ${accessRightsToString(u.rights)})`;
}

/** The purse's balance (`get_purse_balance`); a missing balance is `KeyNotFound`, prefixed with `prefix`. */
function balanceOf(state: GlobalState, purse: URef, prefix = ''): bigint {
  const v = state.get(balanceKey(purse.addr));
  const r = v?.tag === 0 ? v.clValue.asU512() : undefined;
  if (!r || !r.ok) {
    throw new RpcError('GetBalanceFailedToExecute', `${prefix}Key ${keyDisplay(balanceKey(purse.addr))} not found`);
  }
  return r.value;
}

// ---------------------------------------------------------------- methods

function putDeploy(node: DevnetNode, deploy: Deploy, reject: (msg: string) => RpcError): void {
  try {
    node.putDeploy(deploy);
  } catch (e) {
    if (e instanceof DeployRejected) throw reject(e.message);
    throw e;
  }
}

const accountPutDeploy: Method = (node, params) => {
  const p = requireParams(params, (v) =>
    parseStruct(v, 'PutDeployParams', [{ name: 'deploy', parse: parseDeployJson }]),
  );
  const deploy = p.deploy as Deploy;
  putDeploy(node, deploy, (msg) => new RpcError('InvalidDeploy', msg));
  return { api_version: API_VERSION, deploy_hash: bytesToHex(deploy.hash) };
};

const accountPutTransaction: Method = (node, params) => {
  const p = requireParams(params, (v) =>
    parseStruct(v, 'PutTransactionParams', [
      {
        name: 'transaction',
        parse: (t) => parseEnum<Deploy | JsonValue>(t, 'Transaction', { Deploy: parseDeployJson, Version1: (x) => x }),
      },
    ]),
  );
  const tx = p.transaction as { variant: string; value: Deploy };
  if (tx.variant !== 'Deploy') {
    throw new RpcError(
      'InvalidTransaction',
      'the transaction was invalid: casper-as devnet executes as a Casper 1.5.6 node and accepts Deploy transactions only',
    );
  }
  putDeploy(node, tx.value, (msg) => new RpcError('InvalidTransaction', `the transaction was invalid: ${msg}`));
  return { api_version: API_VERSION, transaction_hash: { Deploy: bytesToHex(tx.value.hash) } };
};

const infoGetDeploy: Method = (node, params) => {
  const p = requireParams(params, (v) =>
    parseStruct(v, 'GetDeployParams', [
      { name: 'deploy_hash', parse: digest },
      { name: 'finalized_approvals', parse: bool, default: false },
    ]),
  );
  const hash = p.deploy_hash as Uint8Array;
  const r = node.deploys.get(bytesToHex(hash));
  if (!r) {
    throw new RpcError('NoSuchDeploy', `failed to get deploy-hash(${hexFmt10(hash)}) and metadata from storage`);
  }
  return {
    api_version: API_VERSION,
    deploy: deployToJson(r.deploy),
    execution_results: [{ block_hash: bytesToHex(r.blockHash), result: r.result }],
  };
};

const infoGetTransaction: Method = (node, params) => {
  const p = requireParams(params, (v) =>
    parseStruct(v, 'GetTransactionParams', [
      {
        name: 'transaction_hash',
        parse: (t) => parseEnum<Uint8Array>(t, 'TransactionHash', { Deploy: digest, Version1: digest }),
      },
      { name: 'finalized_approvals', parse: bool, default: false },
    ]),
  );
  const th = p.transaction_hash as { variant: string; value: Uint8Array };
  const r = th.variant === 'Deploy' ? node.deploys.get(bytesToHex(th.value)) : undefined;
  if (!r) {
    const shown =
      th.variant === 'Deploy' ? `deploy-hash(${hexFmt10(th.value)})` : `transaction-v1-hash(${hexFmt10(th.value)})`;
    throw new RpcError('NoSuchTransaction', `no transaction for hash ${shown}`);
  }
  return {
    api_version: API_VERSION,
    transaction: { Deploy: deployToJson(r.deploy) },
    execution_info: {
      block_hash: bytesToHex(r.blockHash),
      block_height: r.blockHeight,
      execution_result: { Version1: r.result },
    },
  };
};

const stateGetAccountInfo: Method = (node, params) => {
  const accountIdentifier: FieldParser<Uint8Array> = (v) => {
    if (typeof v === 'string') {
      const pk = parsePublicKeyHex(v);
      if (!('error' in pk)) return publicKeyAccountHash(pk);
      const ah = parseAccountHash(v);
      if (ah instanceof Uint8Array) return ah;
    }
    return { error: 'data did not match any variant of untagged enum AccountIdentifier' };
  };
  const p = requireParams(params, (v) =>
    parseStruct(v, 'GetAccountInfoParams', [
      { name: 'account_identifier', alias: 'public_key', parse: accountIdentifier },
      { name: 'block_identifier', parse: option(blockIdentifier), default: null },
    ]),
  );
  const block = getBlock(node, p.block_identifier as BlockId | null);
  const base = accountKey(p.account_identifier as Uint8Array);
  const state = node.stateAt(block.height);
  const { stored_value, merkle_proof } = queryAndEncode(state, base, []);
  if (!isObject(stored_value) || !('Account' in stored_value)) {
    throw new RpcError('NoSuchAccount', `stored value is not an account for account ${keyDisplay(base)}`);
  }
  return { api_version: API_VERSION, account: stored_value.Account, merkle_proof };
};

/** `get_state_root_hash_and_optional_header`. */
function stateOf(node: DevnetNode, id: StateId | null): { state: GlobalState; header: JsonValue } {
  if (!id) {
    const b = node.latest;
    return { state: node.stateAt(b.height), header: blockHeaderJson(b) };
  }
  if (id.variant === 'BlockHash') {
    const b = node.blockByHash(id.value);
    if (!b)
      throw new RpcError('NoSuchBlock', `failed to retrieve specified block header block hash ${hexFmt10(id.value)}`);
    return { state: node.stateAt(b.height), header: blockHeaderJson(b) };
  }
  if (id.variant === 'BlockHeight') {
    const b = node.blockAtHeight(id.value);
    if (!b) throw new RpcError('NoSuchBlock', `failed to retrieve block header at height ${id.value}`);
    return { state: node.stateAt(b.height), header: blockHeaderJson(b) };
  }
  return { state: stateOfRoot(node, id.value), header: null };
}

const queryGlobalState: Method = (node, params) => {
  const p = requireParams(params, (v) =>
    parseStruct(v, 'QueryGlobalStateParams', [
      { name: 'state_identifier', parse: option(stateIdentifier), default: null },
      { name: 'key', parse: str },
      { name: 'path', parse: vec(str), default: [] },
    ]),
  );
  const { state, header } = stateOf(node, p.state_identifier as StateId | null);
  // casper-js-sdk 5 parses `block_header` as a 2.0 header and fails without `proposer`: add it.
  if (isObject(header)) header.proposer = publicKeyToHex(node.env.proposerPublicKey);
  const base = parseKey(p.key as string);
  if ('error' in base) throw new RpcError('FailedToParseQueryKey', `failed to parse key: ${base.error}`);
  const q = queryAndEncode(state, base, p.path as string[]);
  return { api_version: API_VERSION, block_header: header, stored_value: q.stored_value, merkle_proof: q.merkle_proof };
};

const stateGetItem: Method = (node, params) => {
  const p = requireParams(params, (v) =>
    parseStruct(v, 'GetItemParams', [
      { name: 'state_root_hash', parse: digest },
      { name: 'key', parse: str },
      { name: 'path', parse: vec(str), default: [] },
    ]),
  );
  const base = parseKey(p.key as string);
  if ('error' in base) throw new RpcError('FailedToParseQueryKey', `failed to parse key: ${base.error}`);
  const state = stateOfRoot(node, p.state_root_hash as Uint8Array);
  const q = queryAndEncode(state, base, p.path as string[]);
  return { api_version: API_VERSION, stored_value: q.stored_value, merkle_proof: q.merkle_proof };
};

function mainPurseOf(state: GlobalState, accountHash: Uint8Array): URef {
  const base = accountKey(accountHash);
  const { value } = runQuery(state, base, []);
  if (value.tag !== 1) throw new RpcError('NoSuchAccount', `failed to get account ${bytesToHex(accountHash)}`);
  return value.account.mainPurse;
}

const queryBalance: Method = (node, params) => {
  const purseIdentifier: FieldParser<{ variant: string; value: PublicKey | Uint8Array | URef }> = (v) =>
    parseEnum<PublicKey | Uint8Array | URef>(v, 'PurseIdentifier', {
      main_purse_under_public_key: publicKeyParam,
      main_purse_under_account_hash: accountHashParam,
      purse_uref: urefParam,
    }) as { variant: string; value: PublicKey | Uint8Array | URef } | ParseError;
  const p = requireParams(params, (v) =>
    parseStruct(
      v,
      'QueryBalanceParams',
      [
        { name: 'state_identifier', parse: option(stateIdentifier), default: null },
        { name: 'purse_identifier', parse: purseIdentifier },
      ],
      false,
    ),
  );
  const id = p.purse_identifier as { variant: string; value: PublicKey | Uint8Array | URef };
  const sid = p.state_identifier as StateId | null;
  if (sid?.variant === 'StateRootHash' && id.variant === 'purse_uref' && !node.stateByRoot(sid.value)) {
    // the balance query itself finds no root (the account lookups fail earlier, as NoSuchStateRoot)
    throw new RpcError(
      'FailedToGetBalance',
      `root hash ${hexFmt10(sid.value)} not found when querying for purse ${urefDisplay(id.value as URef)}`,
    );
  }
  const { state } = stateOf(node, sid);
  const purse =
    id.variant === 'main_purse_under_public_key'
      ? mainPurseOf(state, publicKeyAccountHash(id.value as PublicKey))
      : id.variant === 'main_purse_under_account_hash'
        ? mainPurseOf(state, id.value as Uint8Array)
        : (id.value as URef);
  return { api_version: API_VERSION, balance: balanceOf(state, purse).toString() };
};

const stateGetBalance: Method = (node, params) => {
  const p = requireParams(params, (v) =>
    parseStruct(v, 'GetBalanceParams', [
      { name: 'state_root_hash', parse: digest },
      { name: 'purse_uref', parse: str },
    ]),
  );
  const purse = parseURef(p.purse_uref as string);
  if ('error' in purse) throw new RpcError('FailedToParseGetBalanceURef', `failed to parse purse_uref: ${purse.error}`);
  const root = p.state_root_hash as Uint8Array;
  const state = node.stateByRoot(root);
  if (!state) {
    throw new RpcError('FailedToGetBalance', `failed for purse ${urefDisplay(purse)}: RootNotFound`);
  }
  const balance = balanceOf(state, purse, `failed to execute for purse ${urefDisplay(purse)}: `);
  const key = balanceKey(purse.addr);
  return {
    api_version: API_VERSION,
    balance_value: balance.toString(),
    merkle_proof: merkleProof([key], [state.get(key)!]),
  };
};

const stateGetDictionaryItem: Method = (node, params) => {
  const named =
    (structName: string): FieldParser<{ key: string; dictionary_name: string; dictionary_item_key: string }> =>
    (v) =>
      parseStruct(
        v,
        structName,
        [
          { name: 'key', parse: str },
          { name: 'dictionary_name', parse: str },
          { name: 'dictionary_item_key', parse: str },
        ],
        false,
      ) as { key: string; dictionary_name: string; dictionary_item_key: string } | ParseError;
  const dictionaryIdentifier: FieldParser<{ variant: string; value: unknown }> = (v) =>
    parseEnum<unknown>(v, 'DictionaryIdentifier', {
      AccountNamedKey: named('AccountNamedKey'),
      ContractNamedKey: named('ContractNamedKey'),
      URef: (x) =>
        parseStruct(
          x,
          'URef',
          [
            { name: 'seed_uref', parse: str },
            { name: 'dictionary_item_key', parse: str },
          ],
          false,
        ),
      Dictionary: str,
    }) as { variant: string; value: unknown } | ParseError;
  const p = requireParams(params, (v) =>
    parseStruct(v, 'GetDictionaryItemParams', [
      { name: 'state_root_hash', parse: digest },
      { name: 'dictionary_identifier', parse: dictionaryIdentifier },
    ]),
  );
  const root = p.state_root_hash as Uint8Array;
  const id = p.dictionary_identifier as { variant: string; value: unknown };
  const enc = new TextEncoder();
  let dictKey: Key;
  if (id.variant === 'AccountNamedKey' || id.variant === 'ContractNamedKey') {
    const v = id.value as { key: string; dictionary_name: string; dictionary_item_key: string };
    const base = parseKey(v.key);
    if ('error' in base) throw new RpcError('FailedToParseQueryKey', `failed to parse base key: ${base.error}`);
    const { value } = runQuery(stateOfRoot(node, root), base, []);
    const namedKeys =
      value.tag === 1 ? value.account.namedKeys : value.tag === 3 ? value.contract.namedKeys : undefined;
    if (!namedKeys) {
      throw new RpcError(
        'FailedToGetDictionaryURef',
        `expected account or contract, but got ${storedValueTypeName(value)}`,
      );
    }
    const seed = namedKeys.get(v.dictionary_name);
    if (!seed) throw new RpcError('FailedToGetDictionaryURef', 'seed uref not in named keys');
    if (seed.tag !== 2) throw new RpcError('FailedToGetDictionaryURef', `expected uref, but got ${keyDisplay(seed)}`);
    dictKey = dictionaryItemKey(seed.uref.addr, enc.encode(v.dictionary_item_key));
  } else if (id.variant === 'URef') {
    const v = id.value as { seed_uref: string; dictionary_item_key: string };
    const seed = parseURef(v.seed_uref);
    if ('error' in seed) throw new RpcError('FailedToGetDictionaryURef', `failed to parse uref: ${seed.error}`);
    dictKey = dictionaryItemKey(seed.addr, enc.encode(v.dictionary_item_key));
  } else {
    const k = parseKey(id.value as string);
    if ('error' in k) throw new RpcError('FailedToGetDictionaryURef', `failed to parse dictionary key: ${k.error}`);
    dictKey = k;
  }
  const q = queryAndEncode(stateOfRoot(node, root), dictKey, []);
  return {
    api_version: API_VERSION,
    dictionary_key: keyToFormattedString(dictKey),
    stored_value: q.stored_value,
    merkle_proof: q.merkle_proof,
  };
};

const blockParams = (name: string) => (v: JsonValue) =>
  parseStruct(v, name, [{ name: 'block_identifier', parse: blockIdentifier }]);

const chainGetBlock: Method = (node, params) => {
  const p = optionalParams(params, blockParams('GetBlockParams'));
  const b = getBlock(node, p?.block_identifier as BlockId | undefined);
  return { api_version: API_VERSION, block: blockJson(b) };
};

const chainGetStateRootHash: Method = (node, params) => {
  const p = optionalParams(params, blockParams('GetStateRootHashParams'));
  const b = getBlock(node, p?.block_identifier as BlockId | undefined);
  return { api_version: API_VERSION, state_root_hash: bytesToHex(b.stateRootHash) };
};

const chainGetBlockTransfers: Method = (node, params) => {
  const p = optionalParams(params, blockParams('GetBlockTransfersParams'));
  const b = getBlock(node, p?.block_identifier as BlockId | undefined);
  const transfers: JsonValue[] = [];
  const state = node.stateAt(b.height);
  for (const h of [...b.deployHashes, ...b.transferHashes]) {
    const r = node.deploys.get(bytesToHex(h));
    const result = r?.result as { [k: string]: { transfers: string[] } } | undefined;
    const addrs = result ? Object.values(result)[0].transfers : [];
    for (const a of addrs) {
      const k = parseKey(a);
      const v = 'error' in k ? undefined : state.get(k);
      if (v?.tag === 5) transfers.push(transferToJson(v.transfer));
    }
  }
  return { api_version: API_VERSION, block_hash: bytesToHex(b.hash), transfers };
};

const infoGetStatus: Method = (node, params) => {
  noParams(params);
  const b = node.latest;
  const now = BigInt(node.now());
  return {
    peers: [],
    api_version: API_VERSION,
    build_version: `${API_VERSION}-casper-as-devnet`,
    chainspec_name: node.chainName,
    starting_state_root_hash: bytesToHex(node.blocks[0].stateRootHash),
    last_added_block_info: {
      hash: bytesToHex(b.hash),
      timestamp: formatTimestamp(b.timestamp),
      era_id: Number(b.eraId),
      height: b.height,
      state_root_hash: bytesToHex(b.stateRootHash),
      creator: publicKeyToHex(b.proposer),
    },
    our_public_signing_key: publicKeyToHex(node.env.proposerPublicKey),
    round_length: formatDuration(65_536n),
    next_upgrade: null,
    uptime: formatDuration(now > BigInt(node.startedAt) ? now - BigInt(node.startedAt) : 0n),
    reactor_state: 'Validate',
    last_progress: formatTimestamp(BigInt(node.startedAt)),
    available_block_range: availableRange(node),
    block_sync: { historical: null, forward: null },
  };
};

const infoGetPeers: Method = (_node, params) => {
  noParams(params);
  return { api_version: API_VERSION, peers: [] };
};

/** Every method the devnet serves, by name. */
export const METHODS: Readonly<Record<string, Method>> = {
  account_put_deploy: accountPutDeploy,
  account_put_transaction: accountPutTransaction,
  info_get_deploy: infoGetDeploy,
  info_get_transaction: infoGetTransaction,
  info_get_status: infoGetStatus,
  info_get_peers: infoGetPeers,
  state_get_account_info: stateGetAccountInfo,
  state_get_item: stateGetItem,
  state_get_balance: stateGetBalance,
  state_get_dictionary_item: stateGetDictionaryItem,
  query_global_state: queryGlobalState,
  query_balance: queryBalance,
  chain_get_state_root_hash: chainGetStateRootHash,
  chain_get_block: chainGetBlock,
  chain_get_block_transfers: chainGetBlockTransfers,
};
