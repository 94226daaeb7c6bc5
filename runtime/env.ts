/**
 * The test environment: a fresh in-memory node per instance, with genesis done (system
 * contracts, a funded default account), that runs session Wasm the way the node's execution
 * engine does and lets a test read back the results. Modelled on casper-engine-test-support's
 * WasmTestBuilder, in TypeScript idiom.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Args } from 'casper-js-sdk';
import { fromSdkArgs } from './args';
import { loadCosts, type ChainspecCosts, type DeepPartial } from './costs';
import { type CallTarget, callContract, recordRunningModule } from './engine/call';
import { type EngineServices, Phase, type RuntimeContext, type SystemContracts } from './engine/context';
import {
  type DeployCode,
  type DeployItem,
  type DeployOutcome,
  executeDeploy,
  MAX_PAYMENT,
  precondition,
} from './engine/deploy';
import { ExecutionError } from './engine/errors';
import { invoke } from './engine/executor';
import { ModuleCache } from './engine/module-cache';
import { authorizationError, authorizationSet, runPhase } from './engine/phase';
import { HOST_HANDLERS } from './host';
import { GlobalState } from './state/global-state';
import { TrackingCopy, type Transform } from './state/tracking-copy';
import type { Account } from './types/account';
import { bytesToHex } from './types/bytes';
import { Reader } from './types/bytesrepr';
import type { CLValue } from './types/clvalue';
import { currentContractVersion, isVersionEnabled } from './types/contract';
import { dictionaryItemKey, unwrapDictionaryValue } from './types/dictionary';
import { accountKey, hashKey, type Key, SYSTEM_CONTRACT_REGISTRY_KEY } from './types/key';
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
/** Standard payment of a deploy when the test gives none (casper-engine-test-support's DEFAULT_PAYMENT). */
export const DEFAULT_PAYMENT = 2_500_000_000_000n;
/** The block proposer's Ed25519 secret key bytes ([198; 32], DEFAULT_PROPOSER_PUBLIC_KEY of casper-engine-test-support). */
export const DEFAULT_PROPOSER_SECRET_KEY = new Uint8Array(32).fill(198);

/** Options of a new environment. */
export interface EnvOptions {
  /** Chainspec cost overrides (defaults: production 1.5.6). */
  readonly costs?: DeepPartial<ChainspecCosts>;
  /** Extra genesis accounts. */
  readonly accounts?: ReadonlyArray<{ readonly publicKey: PublicKey; readonly balance: bigint }>;
  /** Validators bonded at genesis (each also gets an account); default none. */
  readonly validators?: readonly import('./system/genesis').GenesisValidator[];
  /** Where `casper_print` lines go (default: kept in `env.logs`). */
  readonly log?: (line: string) => void;
  /** Start from this global state (e.g. a devnet's saved state) instead of running genesis. */
  readonly state?: GlobalState;
}

/** Code of a deploy phase: module bytes (or a build name), or a stored contract's entry point. */
export type DeployCodeRequest =
  | { readonly wasm: Uint8Array | string; readonly args?: RuntimeArgs | Args }
  | { readonly target: StoredContractTarget; readonly entryPoint: string; readonly args?: RuntimeArgs | Args };

/**
 * A native transfer session (`ExecutableDeployItem::Transfer`, what `casper-client transfer`
 * sends): `amount` (U512 or U64), `target` (PublicKey, AccountHash as ByteArray(32), Key::Account
 * or a purse URef), `id` (Option<u64>, required), optional `source` (a purse URef of the caller).
 */
export interface NativeTransferRequest {
  readonly transfer: RuntimeArgs | Args;
}

/** A whole deploy: payment, session and finalization, as the node executes it. */
export interface DeployRequest {
  /** The session: code, or a native transfer (then payment and gas price are ignored, as on the node). */
  readonly session: DeployCodeRequest | NativeTransferRequest;
  /** Standard payment of `amount` motes (default DEFAULT_PAYMENT), or custom payment code. */
  readonly payment?: { readonly amount: bigint } | DeployCodeRequest;
  /** Gas price (motes per gas); default 1. */
  readonly gasPrice?: number;
  /** The deploy's account (account hash); default: the default account. */
  readonly caller?: Uint8Array;
  /** Approval account hashes; default: the caller alone. */
  readonly authorizationKeys?: readonly Uint8Array[];
  /** Block time in ms since the epoch; default 0. */
  readonly blocktime?: bigint;
  /** Deploy hash (seeds the address generators); default: derived from the request count. */
  readonly deployHash?: Uint8Array;
  /** The block proposer's account hash (receives the fee); default: the default proposer. */
  readonly proposer?: Uint8Array;
}

/** What a deploy did (see `DeployOutcome`): success, error, gas, cost, fee, refund, effects. */
export type DeployResult = DeployOutcome;

/** A payment suggestion for a deploy. */
export interface PaymentEstimate {
  /** Gas the deploy used (payment + session). */
  readonly gasUsed: number;
  /** gasUsed × gas price, in motes. */
  readonly cost: bigint;
  /** The margin applied (0.1 = 10 %). */
  readonly margin: number;
  /** ⌈cost × (1 + margin)⌉, at least MAX_PAYMENT (the node's minimum collateral): pass as `--payment-amount`. */
  readonly paymentAmount: bigint;
  /** The trial run's result (nothing was committed). */
  readonly result: DeployResult;
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
  readonly state: GlobalState;
  /** Costs and services shared by every execution. */
  readonly services: EngineServices;
  /** `casper_print` output. */
  readonly logs: string[] = [];
  /** The default account's public key. */
  readonly defaultPublicKey: PublicKey;
  /** The default account's hash. */
  readonly defaultAccountHash: Uint8Array;
  /** The default block proposer's public key (an account funded at genesis). */
  readonly proposerPublicKey: PublicKey;
  /** The default block proposer's account hash. */
  readonly proposerAccountHash: Uint8Array;
  private readonly genesis: Pick<GenesisResult, 'system'>;
  private deploys = 0;

  constructor(options: EnvOptions = {}) {
    const costs = loadCosts('1.5.6', options.costs);
    const { ed25519 } = require('@noble/curves/ed25519') as typeof import('@noble/curves/ed25519');
    this.defaultPublicKey = publicKeyFromRaw(1, ed25519.getPublicKey(DEFAULT_ACCOUNT_SECRET_KEY))!;
    this.defaultAccountHash = publicKeyAccountHash(this.defaultPublicKey);
    this.proposerPublicKey = publicKeyFromRaw(1, ed25519.getPublicKey(DEFAULT_PROPOSER_SECRET_KEY))!;
    this.proposerAccountHash = publicKeyAccountHash(this.proposerPublicKey);
    this.state = options.state ?? new GlobalState();
    this.genesis = options.state
      ? { system: systemContractsOf(options.state) }
      : runGenesis(
          this.state,
          {
            accounts: [
              { publicKey: this.defaultPublicKey, balance: DEFAULT_ACCOUNT_INITIAL_BALANCE },
              ...(options.accounts ?? []),
              { publicKey: this.proposerPublicKey, balance: DEFAULT_ACCOUNT_INITIAL_BALANCE },
            ],
            costs,
            validators: options.validators,
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
    const stored = tc.peek(accountKey(caller));
    if (!stored || stored.tag !== 1) throw new Error(`no account ${bytesToHex(caller)} in this environment`);
    const account = stored.account;
    const auth = authorizationSet(req.authorizationKeys ?? [caller]);
    const denied = authorizationError(account, auth);
    if (denied) return { success: false, error: denied, gasUsed: 0, effects: [], transfers: [] };
    const args = req.args === undefined ? [] : Array.isArray(req.args) ? req.args : fromSdkArgs(req.args);
    const outcome = runPhase(
      {
        services: this.services,
        tc,
        phase: Phase.Session,
        gasLimit: req.gasLimit ?? DEFAULT_SESSION_GAS_LIMIT,
        account,
        authorizationKeys: auth,
        args,
        deployHash,
        blocktime: req.blocktime ?? 0n,
      },
      run,
    );
    if (!outcome.success)
      return { success: false, error: outcome.error, gasUsed: outcome.gasUsed, effects: [], transfers: [] };
    const effects = tc.effects();
    tc.commit();
    return { success: true, gasUsed: outcome.gasUsed, effects, transfers: outcome.transfers };
  }

  /**
   * Runs a whole deploy as the 1.5.6 node does: standard payment (or custom payment code) into
   * handle payment's payment purse, the session under the gas that payment bought, then
   * finalization (99/100 of the unspent payment refunded, the rest to the proposer). Commits what
   * the node commits, including the charge when the session fails. A `{ transfer: args }` session
   * is a native transfer: the node's wasmless path (fixed fee `wasmless_transfer_cost` at gas
   * price 1, no payment code; see runtime/engine/native-transfer.ts).
   */
  runDeploy(req: DeployRequest): DeployResult {
    const item = this.deployItem(req);
    return item instanceof ExecutionError ? precondition(item) : executeDeploy(this.services, this.state, item);
  }

  /**
   * Runs `req` on a copy of the state (nothing is committed) and suggests the payment amount to
   * send: the cost plus `margin` (default 10 %), never below the node's 2.5 CSPR minimum. Give a
   * `payment` large enough not to limit the session (default DEFAULT_PAYMENT).
   */
  estimate(req: DeployRequest, options: { readonly margin?: number } = {}): PaymentEstimate {
    const margin = options.margin ?? 0.1;
    const item = this.deployItem(req);
    const result =
      item instanceof ExecutionError ? precondition(item) : executeDeploy(this.services, this.state.clone(), item);
    const cost = result.cost;
    const scaled = (cost * BigInt(Math.round((1 + margin) * 1_000_000)) + 999_999n) / 1_000_000n;
    return {
      gasUsed: result.gasUsed,
      cost,
      margin,
      paymentAmount: scaled > MAX_PAYMENT ? scaled : MAX_PAYMENT,
      result,
    };
  }

  private deployItem(req: DeployRequest): DeployItem | ExecutionError {
    const caller = req.caller ?? this.defaultAccountHash;
    const deployHash = req.deployHash ?? syntheticDeployHash(this.deploys);
    this.deploys++;
    const account = this.account(caller);
    if (!account) return new ExecutionError('Authorization', 'Authorization failure: not authorized.');
    const payment = req.payment ?? { amount: DEFAULT_PAYMENT };
    return {
      account,
      authorizationKeys: req.authorizationKeys ?? [caller],
      payment:
        'wasm' in payment || 'target' in payment ? this.deployCode(account, payment) : { amount: payment.amount },
      session:
        'transfer' in req.session
          ? { transfer: toRuntimeArgs(req.session.transfer) }
          : this.deployCode(account, req.session),
      gasPrice: req.gasPrice ?? 1,
      deployHash,
      blocktime: req.blocktime ?? 0n,
      proposer: req.proposer ?? this.proposerAccountHash,
    };
  }

  /** Resolves a deploy phase's code as `ExecutionKind::new` does (named keys, packages: precondition errors). */
  private deployCode(account: Account, req: DeployCodeRequest): DeployCode | ExecutionError {
    const args = req.args === undefined ? [] : toRuntimeArgs(req.args);
    if ('wasm' in req)
      return { code: { kind: 'module', bytes: typeof req.wasm === 'string' ? readBuild(req.wasm) : req.wasm }, args };
    const t = req.target;
    const hashOf = (name: string): Uint8Array | ExecutionError => {
      const key = account.namedKeys.get(name);
      if (!key) return new ExecutionError('NamedKeyNotFound', `Named key ${name} not found`);
      if (key.tag !== 1) return new ExecutionError('InvalidKeyVariant', 'Invalid key variant');
      return key.addr;
    };
    if ('contractHash' in t)
      return { code: { kind: 'contract', contractHash: t.contractHash, entryPoint: req.entryPoint }, args };
    if ('name' in t) {
      const h = hashOf(t.name);
      return h instanceof ExecutionError
        ? h
        : { code: { kind: 'contract', contractHash: h, entryPoint: req.entryPoint }, args };
    }
    const pkgHash = 'packageHash' in t ? t.packageHash : hashOf(t.packageName);
    if (pkgHash instanceof ExecutionError) return pkgHash;
    const resolved = resolvePackageVersion(this.state, pkgHash, t.version ?? null, this.services.protocolMajor);
    return resolved instanceof ExecutionError
      ? resolved
      : { code: { kind: 'contract', contractHash: resolved, entryPoint: req.entryPoint }, args };
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

  /**
   * Ends `n` eras as the node's step does at each switch block, as far as a test can observe it:
   * the auction's `run_auction` called by the system account — unbonding requests whose
   * era_of_creation + unbonding_delay ≤ the ending era are paid to the unbonder's main purse
   * (redelegations instead become delegations to `new_validator` when it has a bid with a
   * non-zero stake), genesis vesting schedules are initialized, the seigniorage snapshot gains
   * era + 1 + auction_delay, era_id advances and era_end_timestamp_millis becomes
   * (era + 1) × era_duration (genesis at 0 ms). Rewards distribution (`distribute`),
   * slashing and evictions are not emulated. Returns what each era end did.
   */
  advanceEras(n = 1): readonly import('./system/auction/step').StepResult[] {
    const { advanceEra } = require('./system/auction/step') as typeof import('./system/auction/step');
    const steps: import('./system/auction/step').StepResult[] = [];
    for (let i = 0; i < n; i++) steps.push(advanceEra(this.state, this.services));
    return steps;
  }

  /** The auction's current era id. */
  eraId(): bigint {
    const auction = require('./system/auction/queries') as typeof import('./system/auction/queries');
    return auction.readEraIdFromState(this.state, this.services.system);
  }

  /** Every validator Bid (delegators included), sorted by validator public key. */
  bids(): import('./types/auction').Bid[] {
    const auction = require('./system/auction/queries') as typeof import('./system/auction/queries');
    return auction.readBids(this.state);
  }

  /** The Bid of validator `publicKey`, if any. */
  bid(publicKey: PublicKey): import('./types/auction').Bid | undefined {
    const auction = require('./system/auction/queries') as typeof import('./system/auction/queries');
    return auction.readBid(this.state, publicKey);
  }

  /**
   * The unbonding requests at Key::Unbond(accountHash). On 1.5.6 that key is the *validator's*
   * account hash: a validator's withdrawals and its delegators' undelegations share one list.
   */
  unbonds(accountHash: Uint8Array): readonly import('./types/auction').UnbondingPurse[] {
    const auction = require('./system/auction/queries') as typeof import('./system/auction/queries');
    return auction.readUnbonds(this.state, accountHash);
  }
}

export { accountAccessRights, authorizationError, spendingLimitOf } from './engine/phase';

/** Args as runtime/types RuntimeArgs (casper-js-sdk `Args` converted by bytes). */
function toRuntimeArgs(args: RuntimeArgs | Args): RuntimeArgs {
  return Array.isArray(args) ? args : fromSdkArgs(args);
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

/** The system contract hashes recorded in `state`'s SystemContractRegistry. */
function systemContractsOf(state: GlobalState): SystemContracts {
  const v = state.get(SYSTEM_CONTRACT_REGISTRY_KEY);
  if (v?.tag !== 0) throw new Error('state has no SystemContractRegistry: not a casper-as state');
  const r = new Reader(v.clValue.bytes);
  const found = new Map<string, Uint8Array>();
  for (let n = r.u32(); n > 0; n--) found.set(r.string(), r.fixed(32));
  const get = (name: string) => {
    const h = found.get(name);
    if (!h) throw new Error(`SystemContractRegistry has no ${name}`);
    return h;
  };
  return {
    mint: get('mint'),
    handlePayment: get('handle_payment'),
    standardPayment: get('standard_payment'),
    auction: get('auction'),
  };
}

/** `ExecutionKind::new` for a versioned stored session: the contract hash, or the node's precondition error. */
function resolvePackageVersion(
  state: GlobalState,
  packageHash: Uint8Array,
  version: number | null,
  protocolMajor: number,
): Uint8Array | ExecutionError {
  const v = state.get(hashKey(packageHash));
  if (v?.tag !== 4) return new ExecutionError('KeyNotFound', `Key hash-${hex(packageHash)} not found`);
  const pkg = v.contractPackage;
  const key =
    version === null ? currentContractVersion(pkg) : { protocolVersionMajor: protocolMajor, contractVersion: version };
  if (!key) return new ExecutionError('NoActiveContractVersions', 'No active contract versions for contract package');
  const entry = isVersionEnabled(pkg, key)
    ? pkg.versions.find(
        (e) => e.protocolVersionMajor === key.protocolVersionMajor && e.contractVersion === key.contractVersion,
      )
    : undefined;
  if (!entry) {
    return new ExecutionError(
      'InvalidContractVersion',
      `Invalid contract version: ${key.protocolVersionMajor}.${key.contractVersion}`,
    );
  }
  return entry.contractHash;
}
