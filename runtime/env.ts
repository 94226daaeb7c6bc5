/**
 * The test environment: a fresh in-memory node per instance, with genesis done (system
 * contracts, a funded default account), that runs session Wasm the way the node's execution
 * engine does and lets a test read back the results. Modelled on casper-engine-test-support's
 * WasmTestBuilder, in TypeScript idiom.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCosts, type ChainspecCosts, type DeepPartial } from './costs';
import { Phase, RuntimeContext, type EngineServices, type PhaseContext } from './engine/context';
import { ExecutionError } from './engine/errors';
import type { Args } from 'casper-js-sdk';
import { fromSdkArgs } from './args';
import { callContract, type CallTarget, recordRunningModule } from './engine/call';
import { invoke } from './engine/executor';
import { GasMeter } from './engine/gas';
import { ModuleCache } from './engine/module-cache';
import { HOST_HANDLERS } from './host';
import { AddressGenerator } from './state/address-generator';
import { GlobalState } from './state/global-state';
import { TrackingCopy, type Transform } from './state/tracking-copy';
import type { Account } from './types/account';
import { bytesEqual, bytesToHex, compareBytes } from './types/bytes';
import { type CLValue, clValueErrorToString } from './types/clvalue';
import { dictionaryItemKey, unwrapDictionaryValue } from './types/dictionary';
import { accountKey, type Key } from './types/key';
import { publicKeyAccountHash, publicKeyFromRaw, type PublicKey } from './types/public-key';
import type { RuntimeArgs } from './types/runtime-args';
import type { StoredValue } from './types/stored-value';
import { bytesToHex as hex } from './types/bytes';
import { purseBalance } from './system/mint';
import { runGenesis, type GenesisResult } from './system/genesis';
import { SYSTEM_ENTRY_POINTS } from './system/entry-points';

/** Motes the default account starts with (casper-engine-test-support's DEFAULT_ACCOUNT_INITIAL_BALANCE). */
export const DEFAULT_ACCOUNT_INITIAL_BALANCE = 100_000_000_000_000_000n;
/** The default account's Ed25519 secret key bytes ([199; 32], as in casper-engine-test-support). */
export const DEFAULT_ACCOUNT_SECRET_KEY = new Uint8Array(32).fill(199);
/** Gas limit of a session when the test gives none (1,500 CSPR of payment at gas price 1). */
export const DEFAULT_SESSION_GAS_LIMIT = 1_500_000_000_000;

/** Options of a new environment. */
export interface EnvOptions {
  /** Chainspec cost overrides (defaults: production 1.5.6). */
  readonly costs?: DeepPartial<ChainspecCosts>;
  /** Extra genesis accounts. */
  readonly accounts?: ReadonlyArray<{ readonly publicKey: PublicKey; readonly balance: bigint }>;
  /** Where `casper_print` lines go (default: kept in `env.logs`). */
  readonly log?: (line: string) => void;
}

/** A session to run. */
export interface SessionRequest extends ExecutionRequest {
  /** Module bytes, or the name of a session built into build/<name>.wasm. */
  readonly wasm: Uint8Array | string;
}

/** Which stored contract a stored-contract deploy calls. */
export type StoredContractTarget =
  | { readonly contractHash: Uint8Array }
  | { readonly name: string }
  | { readonly packageHash: Uint8Array; readonly version?: number }
  | { readonly packageName: string; readonly version?: number };

/** A stored contract's entry point, run as a deploy's session. */
export interface StoredContractRequest extends ExecutionRequest {
  /** The contract, or the package and version. */
  readonly target: StoredContractTarget;
  /** The entry point to call. */
  readonly entryPoint: string;
}

/** What every execution request may set. */
export interface ExecutionRequest {
  /** Session args: runtime/types RuntimeArgs, or casper-js-sdk 5 `Args` (converted by bytes). */
  readonly args?: RuntimeArgs | Args;
  /** The deploy's account (account hash); default: the default account. */
  readonly caller?: Uint8Array;
  /** Approval account hashes; default: the caller alone. */
  readonly authorizationKeys?: readonly Uint8Array[];
  /** Block time in ms since the epoch; default 0. */
  readonly blocktime?: bigint;
  /** Gas limit of the session phase. */
  readonly gasLimit?: number;
  /** Deploy hash (seeds the address generator); default: derived from the request count. */
  readonly deployHash?: Uint8Array;
}

/** What running a session produced. */
export interface ExecutionResult {
  /** True when the session succeeded and its effects were committed. */
  readonly success: boolean;
  /** Why it failed: a revert (with its ApiError) or the node's execution error. */
  readonly error?: ExecutionError;
  /** Gas used by the session phase. */
  readonly gasUsed: number;
  /** The phase's effects (empty when it failed: nothing was committed). */
  readonly effects: readonly Transform[];
  /** Addresses of Transfer records written. */
  readonly transfers: readonly Uint8Array[];
}

/** A fresh in-memory Casper 1.5.6 node for tests. */
export class TestEnv {
  /** Committed global state. */
  readonly state = new GlobalState();
  /** Costs and services shared by every execution. */
  readonly services: EngineServices;
  /** `casper_print` output. */
  readonly logs: string[] = [];
  /** The default account's public key. */
  readonly defaultPublicKey: PublicKey;
  /** The default account's hash. */
  readonly defaultAccountHash: Uint8Array;
  private readonly genesis: GenesisResult;
  private deploys = 0;

  constructor(options: EnvOptions = {}) {
    const costs = loadCosts('1.5.6', options.costs);
    const { ed25519 } = require('@noble/curves/ed25519') as typeof import('@noble/curves/ed25519');
    this.defaultPublicKey = publicKeyFromRaw(1, ed25519.getPublicKey(DEFAULT_ACCOUNT_SECRET_KEY))!;
    this.defaultAccountHash = publicKeyAccountHash(this.defaultPublicKey);
    this.genesis = runGenesis(
      this.state,
      {
        accounts: [{ publicKey: this.defaultPublicKey, balance: DEFAULT_ACCOUNT_INITIAL_BALANCE }, ...(options.accounts ?? [])],
        costs,
      },
      SYSTEM_ENTRY_POINTS,
    );
    this.services = {
      costs,
      modules: new ModuleCache(costs.wasm),
      system: this.genesis.system,
      protocolMajor: 1,
      log: options.log ?? ((line) => this.logs.push(line)),
      stubs: new Map(),
    };
  }

  /** Runs session code as the node's session phase does; commits its effects on success. */
  runSession(req: SessionRequest): ExecutionResult {
    const bytes = typeof req.wasm === 'string' ? readBuild(req.wasm) : req.wasm;
    return this.execute(req, (ctx) => {
      const prepared = this.services.modules.prepare(bytes);
      if (prepared instanceof ExecutionError) throw prepared;
      recordRunningModule(ctx, prepared);
      invoke(prepared, 'call', ctx, HOST_HANDLERS);
    });
  }

  /**
   * Runs a stored contract's entry point as a deploy's session (StoredContractByHash / ByName,
   * StoredVersionedContractByHash / ByName): by contract hash, by a named key of the caller
   * holding it, or through a package (hash or named key) at `version` (default: the highest
   * enabled one). Resolution errors are the node's: NamedKeyNotFound, InvalidKeyVariant,
   * NoActiveContractVersions, InvalidContractVersion.
   */
  runStoredContract(req: StoredContractRequest): ExecutionResult {
    return this.execute(req, (ctx) => {
      const hashOf = (name: string): Uint8Array => {
        const key = ctx.namedKeys.get(name);
        if (!key) throw new ExecutionError('NamedKeyNotFound', `Named key ${name} not found`);
        if (key.tag !== 1) throw new ExecutionError('InvalidKeyVariant', 'Invalid key variant');
        return key.addr;
      };
      const t = req.target;
      const target: CallTarget =
        'contractHash' in t
          ? { kind: 'contract', contractHash: t.contractHash }
          : 'name' in t
            ? { kind: 'contract', contractHash: hashOf(t.name) }
            : {
                kind: 'package',
                packageHash: 'packageHash' in t ? t.packageHash : hashOf(t.packageName),
                version: t.version ?? null,
              };
      callContract(ctx, target, req.entryPoint, ctx.args);
    });
  }

  /** One session phase: authorization, contexts, `run`, then commit on success or discard on failure. */
  private execute(req: ExecutionRequest, run: (ctx: RuntimeContext) => void): ExecutionResult {
    const caller = req.caller ?? this.defaultAccountHash;
    const deployHash = req.deployHash ?? syntheticDeployHash(this.deploys);
    this.deploys++;
    const tc = new TrackingCopy(this.state);
    const gas = new GasMeter(req.gasLimit ?? DEFAULT_SESSION_GAS_LIMIT);
    const stored = tc.peek(accountKey(caller));
    if (!stored || stored.tag !== 1) throw new Error(`no account ${bytesToHex(caller)} in this environment`);
    const account = stored.account;
    const auth = dedupSorted([...(req.authorizationKeys ?? [caller])].sort(compareBytes));
    const denied = authorizationError(account, auth);
    if (denied) return { success: false, error: denied, gasUsed: 0, effects: [], transfers: [] };
    const args = req.args === undefined ? [] : Array.isArray(req.args) ? req.args : fromSdkArgs(req.args);
    const spendingLimit = spendingLimitOf(args);
    if (spendingLimit instanceof ExecutionError) {
      return { success: false, error: spendingLimit, gasUsed: 0, effects: [], transfers: [] };
    }
    const phase: PhaseContext = {
      services: this.services,
      tc,
      gas,
      rng: new AddressGenerator(deployHash, Phase.Session),
      phase: Phase.Session,
      blocktime: req.blocktime ?? 0n,
      deployHash,
      authorizationKeys: auth,
      account,
      callStack: [{ tag: 0, accountHash: caller }],
      spendingLimit,
      transfers: [],
    };
    const ctx = new RuntimeContext(
      phase,
      accountKey(caller),
      new Map(account.namedKeys),
      accountAccessRights(account),
      args,
      true,
    );
    try {
      run(ctx);
    } catch (e) {
      if (e instanceof ExecutionError)
        return { success: false, error: e, gasUsed: gas.used, effects: [], transfers: [] };
      throw e;
    }
    const effects = tc.effects();
    tc.commit();
    return { success: true, gasUsed: gas.used, effects, transfers: phase.transfers };
  }

  /** The stored value at `key`, if any. */
  query(key: Key): StoredValue | undefined {
    return this.state.get(key);
  }

  /**
   * The value at `key`, then down `path` through named keys of the Accounts and Contracts met on
   * the way (as casper-client's `query-global-state --key … --query-path a/b`).
   */
  queryPath(key: Key, path: readonly string[] = []): StoredValue | undefined {
    let value = this.state.get(key);
    for (const name of path) {
      const next =
        value?.tag === 1
          ? value.account.namedKeys.get(name)
          : value?.tag === 3
            ? value.contract.namedKeys.get(name)
            : undefined;
      if (!next) return undefined;
      value = this.state.get(next);
    }
    return value;
  }

  /** The item `itemKey` of the dictionary whose seed URef address is `seedAddr` (unwrapped), if present. */
  dictionaryItem(seedAddr: Uint8Array, itemKey: string): CLValue | undefined {
    const v = this.state.get(dictionaryItemKey(seedAddr, new TextEncoder().encode(itemKey)));
    if (v?.tag !== 0) return undefined;
    const inner = unwrapDictionaryValue(v.clValue);
    return inner.ok ? inner.value : undefined;
  }

  /** The account record of `accountHash`, if it exists. */
  account(accountHash: Uint8Array = this.defaultAccountHash): Account | undefined {
    const v = this.state.get(accountKey(accountHash));
    return v?.tag === 1 ? v.account : undefined;
  }

  /** Named keys of an account. */
  namedKeys(accountHash: Uint8Array = this.defaultAccountHash): ReadonlyMap<string, Key> {
    return this.account(accountHash)?.namedKeys ?? new Map();
  }

  /** Balance of the purse at `purseAddr`, in motes. */
  balance(purseAddr: Uint8Array): bigint | undefined {
    return purseBalance(new TrackingCopy(this.state), purseAddr, false);
  }

  /** Balance of an account's main purse. */
  accountBalance(accountHash: Uint8Array = this.defaultAccountHash): bigint | undefined {
    const a = this.account(accountHash);
    return a ? this.balance(a.mainPurse.addr) : undefined;
  }

  /** The CLValue stored at `key`, if the value there is one. */
  queryCLValue(key: Key): CLValue | undefined {
    const v = this.state.get(key);
    return v?.tag === 0 ? v.clValue : undefined;
  }

  /** Deterministic hash over all of global state. */
  stateRoot(): string {
    return this.state.stateRoot();
  }

  /** Hex of an account hash, for messages. */
  static hex(bytes: Uint8Array): string {
    return hex(bytes);
  }

  // ---- auction (runtime/system/auction): genesis validators, bids, era advancement ----
}

/**
 * The node's deploy authorization (`get_authorized_account`): every approval must be an
 * associated key (else Authorization), and their weights must reach the deployment threshold
 * (else DeploymentAuthorizationFailure). The deploy then does not execute at all.
 */
export function authorizationError(account: Account, auth: readonly Uint8Array[]): ExecutionError | undefined {
  const weight = (k: Uint8Array) => account.associatedKeys.find((a) => bytesEqual(a.accountHash, k))?.weight;
  if (auth.length === 0 || auth.some((k) => weight(k) === undefined)) {
    return new ExecutionError('Authorization', 'Authorization failure: not authorized.');
  }
  const total = Math.min(
    255,
    auth.reduce((sum, k) => sum + (weight(k) ?? 0), 0),
  );
  if (total < account.actionThresholds.deployment) {
    return new ExecutionError('DeploymentAuthorizationFailure', 'Deployment authorization failure');
  }
  return undefined;
}

function dedupSorted(keys: Uint8Array[]): Uint8Array[] {
  return keys.filter((k, i) => i === 0 || !bytesEqual(keys[i - 1], k));
}

/** The account's named-key URefs plus its main purse (`Account::extract_access_rights`). */
export function accountAccessRights(account: Account): Map<string, number> {
  const rights = new Map<string, number>();
  const add = (addr: Uint8Array, r: number) => {
    const id = bytesToHex(addr);
    rights.set(id, (rights.get(id) ?? 0) | r);
  };
  for (const k of account.namedKeys.values()) if (k.tag === 2) add(k.uref.addr, k.uref.rights);
  add(account.mainPurse.addr, account.mainPurse.rights);
  return rights;
}

/**
 * The phase's approved spending (`try_get_amount`): its `amount` arg as U512 or U64, 0 when absent
 * or of another type; an `amount` of one of those types whose bytes do not decode is a
 * precondition failure (the deploy does not run).
 */
export function spendingLimitOf(args: RuntimeArgs): bigint | ExecutionError {
  const a = args.find((x) => x.name === 'amount')?.value;
  if (!a) return 0n;
  const t = a.clType.tag;
  if (t !== 8 && t !== 5) return 0n;
  const r = t === 8 ? a.asU512() : a.asU64();
  return r.ok ? r.value : new ExecutionError('CLValue', `CLValue error: ${clValueErrorToString(r.error)}`);
}

/** A distinct 32-byte deploy hash per request of one environment (no hashing: it only seeds the RNG). */
function syntheticDeployHash(n: number): Uint8Array {
  const h = new Uint8Array(32).fill(0xde);
  new DataView(h.buffer).setUint32(0, n, true);
  return h;
}

function readBuild(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(__dirname, '..', 'build', `${name}.wasm`)));
}
