/**
 * The devnet node: a TestEnv's global state behind the chain a 1.5.6 node keeps — blocks, the
 * deploys in them and their execution results — with the node's deploy acceptor in front.
 *
 * Every accepted deploy executes at once in a block of its own (height + 1, proposed and signed
 * by the TestEnv's default proposer, era 0, timestamp = max(node time, deploy timestamp,
 * parent + 1 ms)). Block and body hashes are blake2b of the node's bytesrepr of the header and
 * body; the state root hash is the emulator's digest of global state (`GlobalState.stateRoot`),
 * not a Merkle trie root.
 *
 * History: the latest state is the TestEnv's; each block keeps an undo log (the previous value of
 * every entry it changed), so the state of any earlier block can be rebuilt — after a restart
 * too, since the logs are persisted with the blocks.
 */

import { ed25519 } from '@noble/curves/ed25519';
import {
  DEFAULT_PROPOSER_SECRET_KEY,
  type DeployCodeRequest,
  type DeployRequest,
  type DeployResult,
  TestEnv,
} from '../../runtime/env';
import { authorizationError } from '../../runtime/engine/phase';
import type { GlobalState } from '../../runtime/state/global-state';
import type { Transform } from '../../runtime/state/tracking-copy';
import { blake2b256 } from '../../runtime/types/blake2b';
import { bytesEqual, bytesToHex, compareBytes, hexToBytes } from '../../runtime/types/bytes';
import { Writer } from '../../runtime/types/bytesrepr';
import { PROTOCOL_VERSION } from '../../runtime/system/genesis';
import { MAX_PAYMENT } from '../../runtime/engine/deploy';
import {
  accountKey,
  decodeKey,
  encodeKey,
  hashKey,
  type Key,
  keyStateId,
  keyToFormattedString,
} from '../../runtime/types/key';
import { publicKeyAccountHash, publicKeyToHex, type PublicKey, writePublicKey } from '../../runtime/types/public-key';
import { decodeStoredValue, encodeStoredValue, type StoredValue } from '../../runtime/types/stored-value';
import { purseBalance } from '../../runtime/system/mint';
import { TrackingCopy } from '../../runtime/state/tracking-copy';
import { num } from './cljson';
import {
  configFailure,
  type Deploy,
  type DeployConfig,
  type ExecutableDeployItem,
  standardPaymentAmount,
  validityFailure,
} from './deploy';
import { formatTimestamp, parseDuration } from './humantime';
import type { JsonValue } from './json';
import { addKeysJson, writeTransformJson } from './svjson';

/** The RPC API version a 1.5.6 node reports. */
export const API_VERSION = '1.5.6';

/** A block of the devnet chain. */
export interface BlockRecord {
  readonly hash: Uint8Array;
  readonly parentHash: Uint8Array;
  readonly stateRootHash: Uint8Array;
  readonly bodyHash: Uint8Array;
  readonly randomBit: boolean;
  readonly accumulatedSeed: Uint8Array;
  /** Milliseconds since the epoch. */
  readonly timestamp: bigint;
  readonly eraId: bigint;
  readonly height: number;
  readonly proposer: PublicKey;
  readonly deployHashes: readonly Uint8Array[];
  readonly transferHashes: readonly Uint8Array[];
  /** The proposer's finality signature over (block hash ‖ era id), tag-prefixed. */
  readonly proof: Uint8Array;
  /** Previous value (undefined: absent) of every entry the block changed, to rebuild earlier states. */
  readonly undo: ReadonlyArray<readonly [Key, StoredValue | undefined]>;
}

/** A deploy the devnet accepted, with where and how it executed. */
export interface DeployRecord {
  readonly deploy: Deploy;
  readonly blockHash: Uint8Array;
  readonly blockHeight: number;
  /** `casper_types::ExecutionResult` JSON (`{"Success": …}` or `{"Failure": …}`). */
  readonly result: JsonValue;
}

/** Why the acceptor refused a deploy: the node's error text. */
export class DeployRejected extends Error {}

/** How a devnet starts. */
export interface DevnetNodeOptions {
  /** Chain name deploys must carry (default casper-net-1). */
  readonly chainName?: string;
  /** Funded genesis accounts besides the TestEnv default account and proposer. */
  readonly accounts?: ReadonlyArray<{ readonly publicKey: PublicKey; readonly balance: bigint }>;
  /** Node time in ms since the epoch (default Date.now). */
  readonly now?: () => number;
}

/** The deploy acceptor's limits: production 1.5.6 chainspec `[deploys]` and `core.max_associated_keys`. */
function deployConfigOf(env: TestEnv): DeployConfig {
  const d = env.services.costs.deploys;
  const ms = (s: string) => {
    const v = parseDuration(s);
    if (typeof v !== 'bigint') throw new Error(`bad chainspec duration ${s}`);
    return v;
  };
  return {
    maxTtl: ms(d.max_ttl),
    maxDependencies: d.max_dependencies ?? 10,
    maxDeploySize: d.max_deploy_size ?? 1_048_576,
    blockGasLimit: BigInt(d.block_gas_limit),
    paymentArgsMaxLength: d.payment_args_max_length,
    sessionArgsMaxLength: d.session_args_max_length,
    nativeTransferMinimumMotes: BigInt(d.native_transfer_minimum_motes),
    maxAssociatedKeys: env.services.costs.core.max_associated_keys,
    timestampLeeway: 2000n, // deploy_acceptor DEFAULT_TIMESTAMP_LEEWAY "2sec"
  };
}

/** The chain and state of one devnet. */
export class DevnetNode {
  /** The emulator holding the latest state. */
  readonly env: TestEnv;
  readonly chainName: string;
  /** Blocks by height (0 = genesis). */
  readonly blocks: BlockRecord[];
  /** Accepted deploys by hash (hex). */
  readonly deploys: Map<string, DeployRecord>;
  /** Node time. */
  readonly now: () => number;
  /** When this process started serving (ms). */
  readonly startedAt: number;
  /** Acceptor limits. */
  readonly config: DeployConfig;
  private readonly byHash = new Map<string, number>();
  private readonly byStateRoot = new Map<string, number>();
  private readonly stateCache = new Map<number, GlobalState>();

  private constructor(
    env: TestEnv,
    chainName: string,
    blocks: BlockRecord[],
    deploys: Map<string, DeployRecord>,
    now: () => number,
  ) {
    this.env = env;
    this.chainName = chainName;
    this.blocks = blocks;
    this.deploys = deploys;
    this.now = now;
    this.startedAt = now();
    this.config = deployConfigOf(env);
    for (const b of blocks) this.index(b);
  }

  /** A new chain: TestEnv genesis plus `accounts`, and the genesis block (height 0). */
  static genesis(options: DevnetNodeOptions = {}): DevnetNode {
    const env = new TestEnv({ accounts: options.accounts ?? [] });
    const now = options.now ?? Date.now;
    const node = new DevnetNode(env, options.chainName ?? 'casper-net-1', [], new Map(), now);
    node.appendBlock([], [], BigInt(now()), []);
    return node;
  }

  /** A chain restored from saved state, blocks and deploys. */
  static restore(
    state: GlobalState,
    chainName: string,
    blocks: BlockRecord[],
    deploys: Map<string, DeployRecord>,
    options: Pick<DevnetNodeOptions, 'now'> = {},
  ): DevnetNode {
    return new DevnetNode(new TestEnv({ state }), chainName, blocks, deploys, options.now ?? Date.now);
  }

  private index(b: BlockRecord): void {
    this.byHash.set(bytesToHex(b.hash), b.height);
    this.byStateRoot.set(bytesToHex(b.stateRootHash), b.height);
  }

  /** The highest block. */
  get latest(): BlockRecord {
    return this.blocks[this.blocks.length - 1];
  }

  /** Block by hash. */
  blockByHash(hash: Uint8Array): BlockRecord | undefined {
    const h = this.byHash.get(bytesToHex(hash));
    return h === undefined ? undefined : this.blocks[h];
  }

  /** Block by height. */
  blockAtHeight(height: bigint): BlockRecord | undefined {
    return height >= 0n && height < BigInt(this.blocks.length) ? this.blocks[Number(height)] : undefined;
  }

  /** The global state as of the block with this state root hash, if the chain has it. */
  stateByRoot(root: Uint8Array): GlobalState | undefined {
    const h = this.byStateRoot.get(bytesToHex(root));
    return h === undefined ? undefined : this.stateAt(h);
  }

  /** The global state after block `height` (rebuilt from undo logs for earlier blocks). */
  stateAt(height: number): GlobalState {
    const top = this.blocks.length - 1;
    if (height === top) return this.env.state;
    const cached = this.stateCache.get(height);
    if (cached) return cached;
    let from = top;
    let state = this.env.state;
    for (const [h, s] of this.stateCache) {
      if (h > height && h < from) {
        from = h;
        state = s;
      }
    }
    const rebuilt = state.clone();
    for (let h = from; h > height; h--) {
      for (const [key, prev] of this.blocks[h].undo) {
        if (prev === undefined) rebuilt.entries.delete(keyStateId(key));
        else rebuilt.put(key, prev);
      }
    }
    if (this.stateCache.size >= 16) this.stateCache.delete(this.stateCache.keys().next().value!);
    this.stateCache.set(height, rebuilt);
    return rebuilt;
  }

  // ------------------------------------------------------------ the acceptor

  /**
   * The deploy acceptor (`deploy_acceptor.rs` for a client deploy): config compliance, expiry,
   * the account (exists, authorizes, has ≥ 2.5 CSPR), payment and session logic, the contracts
   * addressed by hash, then the cryptographic checks. Throws DeployRejected with the node's text.
   */
  accept(d: Deploy): void {
    const now = BigInt(this.now());
    const cfgFail = configFailure(d, this.chainName, this.config, now);
    if (cfgFail) throw new DeployRejected(`invalid deploy: ${cfgFail.message}`);
    const expires = d.header.timestamp + d.header.ttl;
    if (expires < now) {
      throw new DeployRejected(
        `deploy received by the node expired at ${formatTimestamp(expires)} with node's time at ${formatTimestamp(now)}`,
      );
    }
    const tip = this.latest;
    const param = (failure: string) =>
      new DeployRejected(
        `${failure} at state root hash ${bytesToHex(tip.stateRootHash)} of block ${bytesToHex(tip.hash)} at height ${tip.height}`,
      );
    const state = this.env.state;
    const accountHash = publicKeyAccountHash(d.header.account);
    const stored = state.get(accountKey(accountHash));
    if (!stored || stored.tag !== 1) throw param(`account with hash ${bytesToHex(accountHash)} does not exist`);
    const account = stored.account;
    const denied = authorizationError(account, this.authorizationKeys(d));
    if (denied?.kind === 'Authorization') throw param('account authorization invalid');
    if (denied) throw param('insufficient deploy signature weight');
    const balance = purseBalance(new TrackingCopy(state), account.mainPurse.addr, false);
    if (balance === undefined)
      throw param(`unable to determine balance for account with hash ${bytesToHex(accountHash)}`);
    if (balance < MAX_PAYMENT) throw param(`insufficient balance in account with hash ${bytesToHex(accountHash)}`);
    // payment logic
    if (d.payment.kind === 'Transfer') throw param('transfer is not valid for payment code');
    if (d.payment.kind === 'ModuleBytes' && d.payment.moduleBytes.length === 0) {
      const amount = d.payment.args.find((a) => a.name === 'amount')?.value;
      if (!amount) throw param("missing payment 'amount' runtime argument");
      if (!amount.asU512().ok) throw param("failed to parse payment 'amount' runtime argument as U512");
    }
    this.checkStoredTarget(d.payment, param);
    // session logic
    if (d.session.kind === 'Transfer' && !d.session.args.some((a) => a.name === 'target')) {
      throw param("missing transfer 'target' runtime argument");
    }
    if (d.session.kind === 'ModuleBytes' && d.session.moduleBytes.length === 0) {
      throw param('module bytes for session code cannot be empty');
    }
    this.checkStoredTarget(d.session, param);
    const invalid = validityFailure(d);
    if (invalid) throw new DeployRejected(`invalid deploy: ${invalid.message}`);
  }

  /** Contract and package existence for items addressed by hash (`get_contract_for_validation`). */
  private checkStoredTarget(item: ExecutableDeployItem, param: (failure: string) => DeployRejected): void {
    const state = this.env.state;
    const checkContract = (hash: Uint8Array, entryPoint: string) => {
      const c = state.get(hashKey(hash));
      if (!c || c.tag !== 3) throw param(`contract at ${bytesToHex(hash)} does not exist`);
      if (!c.contract.entryPoints.has(entryPoint)) throw param(`contract does not have ${entryPoint}`);
    };
    if (item.kind === 'StoredContractByHash') checkContract(item.hash, item.entryPoint);
    if (item.kind === 'StoredVersionedContractByHash') {
      const p = state.get(hashKey(item.hash));
      if (!p || p.tag !== 4) throw param(`contract package at ${bytesToHex(item.hash)} does not exist`);
      if (item.version !== null) {
        const v = p.contractPackage.versions.find(
          (x) => x.protocolVersionMajor === PROTOCOL_VERSION.major && x.contractVersion === item.version,
        );
        if (!v) throw param(`invalid contract at version: ${item.version}`);
        checkContract(v.contractHash, item.entryPoint);
      }
    }
  }

  /** Approval signers' account hashes, as a set (`BTreeSet<AccountHash>`). */
  private authorizationKeys(d: Deploy): Uint8Array[] {
    const keys = d.approvals.map((a) => publicKeyAccountHash(a.signer)).sort(compareBytes);
    return keys.filter((k, i) => i === 0 || !bytesEqual(keys[i - 1], k));
  }

  // ------------------------------------------------------------ execution

  /**
   * Accepts `d` (throws DeployRejected) and, unless the chain already has it, executes it in a
   * new block. Returns the deploy's record.
   */
  putDeploy(d: Deploy): DeployRecord {
    this.accept(d);
    const known = this.deploys.get(bytesToHex(d.hash));
    if (known) return known;
    return this.execute(d);
  }

  private execute(d: Deploy): DeployRecord {
    const parent = this.latest;
    let timestamp = BigInt(this.now());
    if (timestamp < d.header.timestamp) timestamp = d.header.timestamp;
    if (timestamp <= parent.timestamp) timestamp = parent.timestamp + 1n;
    const pre = this.env.state.clone();
    const outcome = this.env.runDeploy(this.request(d, timestamp));
    const post = this.env.state;
    const undo: Array<[Key, StoredValue | undefined]> = [];
    for (const [id, entry] of post.entries) {
      const before = pre.entries.get(id);
      if (before !== entry) undo.push([entry.key, before?.value]);
    }
    const result = executionResultJson(outcome, pre, post);
    const isTransfer = d.session.kind === 'Transfer';
    const block = this.appendBlock(isTransfer ? [] : [d.hash], isTransfer ? [d.hash] : [], timestamp, undo);
    const record: DeployRecord = { deploy: d, blockHash: block.hash, blockHeight: block.height, result };
    this.deploys.set(bytesToHex(d.hash), record);
    return record;
  }

  private request(d: Deploy, blocktime: bigint): DeployRequest {
    const code = (item: Exclude<ExecutableDeployItem, { kind: 'Transfer' }>): DeployCodeRequest => {
      switch (item.kind) {
        case 'ModuleBytes':
          return { wasm: item.moduleBytes, args: item.args };
        case 'StoredContractByHash':
          return { target: { contractHash: item.hash }, entryPoint: item.entryPoint, args: item.args };
        case 'StoredContractByName':
          return { target: { name: item.name }, entryPoint: item.entryPoint, args: item.args };
        case 'StoredVersionedContractByHash':
          return {
            target: { packageHash: item.hash, version: item.version ?? undefined },
            entryPoint: item.entryPoint,
            args: item.args,
          };
        case 'StoredVersionedContractByName':
          return {
            target: { packageName: item.name, version: item.version ?? undefined },
            entryPoint: item.entryPoint,
            args: item.args,
          };
      }
    };
    const amount = standardPaymentAmount(d);
    if (d.payment.kind === 'Transfer') throw new Error('a Transfer payment is refused by the acceptor');
    return {
      // A native transfer takes the engine's wasmless path, which ignores the payment item.
      session: d.session.kind === 'Transfer' ? { transfer: d.session.args } : code(d.session),
      payment: amount !== undefined ? { amount } : code(d.payment),
      gasPrice: Number(d.header.gasPrice),
      caller: publicKeyAccountHash(d.header.account),
      authorizationKeys: this.authorizationKeys(d),
      blocktime,
      deployHash: d.hash,
    };
  }

  private appendBlock(
    deployHashes: Uint8Array[],
    transferHashes: Uint8Array[],
    timestamp: bigint,
    undo: Array<[Key, StoredValue | undefined]>,
  ): BlockRecord {
    const parent = this.blocks.length ? this.latest : undefined;
    const proposer = this.env.proposerPublicKey;
    const body = new Writer(128);
    writePublicKey(body, proposer);
    body.u32(deployHashes.length);
    for (const h of deployHashes) body.fixed(h, 32);
    body.u32(transferHashes.length);
    for (const h of transferHashes) body.fixed(h, 32);
    const bodyHash = blake2b256(body.finish());
    const parentHash = parent?.hash ?? new Uint8Array(32);
    const accumulatedSeed = blake2b256(parent?.accumulatedSeed ?? new Uint8Array(32), Uint8Array.of(0));
    const stateRootHash = hexToBytes(this.env.state.stateRoot());
    const height = this.blocks.length;
    const eraId = 0n;
    const header = new Writer(256);
    header.fixed(parentHash, 32).fixed(stateRootHash, 32).fixed(bodyHash, 32).bool(false).fixed(accumulatedSeed, 32);
    header.u8(0); // era_end: None
    header.u64(timestamp).u64(eraId).u64(BigInt(height));
    header.u32(PROTOCOL_VERSION.major).u32(PROTOCOL_VERSION.minor).u32(PROTOCOL_VERSION.patch);
    const hash = blake2b256(header.finish());
    const signed = new Writer(40).fixed(hash, 32).u64(eraId).finish();
    const proof = new Uint8Array(65);
    proof[0] = 1;
    proof.set(ed25519.sign(signed, DEFAULT_PROPOSER_SECRET_KEY), 1);
    const block: BlockRecord = {
      hash,
      parentHash,
      stateRootHash,
      bodyHash,
      randomBit: false,
      accumulatedSeed,
      timestamp,
      eraId,
      height,
      proposer,
      deployHashes,
      transferHashes,
      proof,
      undo,
    };
    this.blocks.push(block);
    this.index(block);
    this.stateCache.clear();
    return block;
  }
}

// ------------------------------------------------------------ JSON of blocks and results

/** JsonBlockHeader. */
export function blockHeaderJson(b: BlockRecord): JsonValue {
  return {
    parent_hash: bytesToHex(b.parentHash),
    state_root_hash: bytesToHex(b.stateRootHash),
    body_hash: bytesToHex(b.bodyHash),
    random_bit: b.randomBit,
    accumulated_seed: bytesToHex(b.accumulatedSeed),
    era_end: null,
    timestamp: formatTimestamp(b.timestamp),
    era_id: num(b.eraId),
    height: b.height,
    protocol_version: API_VERSION,
  };
}

/** JsonBlock (with the proposer's finality signature as its proof). */
export function blockJson(b: BlockRecord): JsonValue {
  return {
    hash: bytesToHex(b.hash),
    header: blockHeaderJson(b),
    body: {
      proposer: publicKeyToHex(b.proposer),
      deploy_hashes: b.deployHashes.map((h) => bytesToHex(h)),
      transfer_hashes: b.transferHashes.map((h) => bytesToHex(h)),
    },
    proofs: [{ public_key: publicKeyToHex(b.proposer), signature: bytesToHex(b.proof) }],
  };
}

const U512_MOD = 1n << 512n;

function numericAt(state: GlobalState, key: Key, read: (v: StoredValue) => bigint | undefined): bigint {
  const v = state.get(key);
  return v ? (read(v) ?? 0n) : 0n;
}

function transformJson(t: Transform, pre: GlobalState, post: GlobalState): JsonValue {
  const after = post.get(t.key);
  const u = (bits: number, signed = false) => {
    const read = (v: StoredValue) => {
      if (v.tag !== 0) return undefined;
      const c = v.clValue;
      const r =
        bits === 512
          ? c.asU512()
          : bits === 256
            ? c.asU256()
            : bits === 128
              ? c.asU128()
              : bits === 64
                ? c.asU64()
                : signed
                  ? c.asI32()
                  : c.asU32();
      return r.ok ? BigInt(r.value) : undefined;
    };
    const mod = 1n << BigInt(bits);
    let delta = (((numericAt(post, t.key, read) - numericAt(pre, t.key, read)) % mod) + mod) % mod;
    if (signed && delta >= mod / 2n) delta -= mod;
    return delta;
  };
  switch (t.kind) {
    case 'Identity':
      return 'Identity';
    case 'Write':
      return after ? writeTransformJson(after) : 'Identity';
    case 'AddUInt512':
      return { AddUInt512: (u(512) % U512_MOD).toString() };
    case 'AddUInt256':
      return { AddUInt256: u(256).toString() };
    case 'AddUInt128':
      return { AddUInt128: u(128).toString() };
    case 'AddUInt64':
      return { AddUInt64: num(u(64)) };
    case 'AddInt32':
      return { AddInt32: Number(u(32, true)) };
    case 'AddKeys': {
      const keysOf = (v: StoredValue | undefined) =>
        v?.tag === 1 ? v.account.namedKeys : v?.tag === 3 ? v.contract.namedKeys : new Map<string, Key>();
      const before = keysOf(pre.get(t.key));
      const added = new Map<string, Key>();
      for (const [name, key] of keysOf(after)) {
        const old = before.get(name);
        if (!old || !bytesEqual(encodeKey(old), encodeKey(key))) added.set(name, key);
      }
      return { AddKeys: addKeysJson(added) };
    }
  }
}

/** `casper_types::ExecutionResult` JSON of a deploy outcome (effects rendered from the states around it). */
export function executionResultJson(outcome: DeployResult, pre: GlobalState, post: GlobalState): JsonValue {
  const effect = {
    operations: [],
    transforms: outcome.effects.map((t) => ({
      key: keyToFormattedString(t.key),
      transform: transformJson(t, pre, post),
    })),
  };
  const transfers = outcome.transfers.map((a) => `transfer-${bytesToHex(a)}`);
  const cost = String(outcome.gasUsed);
  return outcome.success
    ? { Success: { effect, transfers, cost } }
    : { Failure: { effect, transfers, cost, error_message: outcome.error?.message ?? 'unknown error' } };
}

// ------------------------------------------------------------ persistence helpers

/** Undo log → JSON pairs of hex (key bytes, stored value bytes or null). */
export function undoToJson(undo: BlockRecord['undo']): JsonValue {
  return undo.map(([k, v]) => [bytesToHex(encodeKey(k)), v === undefined ? null : bytesToHex(encodeStoredValue(v))]);
}

/** JSON pairs → undo log (throws on bad bytes). */
export function undoFromJson(v: JsonValue): Array<[Key, StoredValue | undefined]> {
  if (!Array.isArray(v)) throw new Error('undo log is not a list');
  return v.map((pair) => {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string') throw new Error('bad undo entry');
    const k = decodeKey(hexToBytes(pair[0]));
    if (!k.ok) throw new Error('undo entry key does not decode');
    if (pair[1] === null) return [k.value, undefined];
    if (typeof pair[1] !== 'string') throw new Error('bad undo entry value');
    const s = decodeStoredValue(hexToBytes(pair[1]));
    if (!s.ok) throw new Error('undo entry value does not decode');
    return [k.value, s.value];
  });
}
