/**
 * One execution phase of a deploy (execution_engine `core/execution/executor.rs` exec): the
 * phase and invocation contexts in the deploy account's context, the code run under a gas limit,
 * and the outcome as the node reports it (success, or the ExecutionError with the gas used so
 * far). Nothing is committed here: the tracking copy is the caller's.
 *
 * Also here: what the node checks before a deploy runs at all (authorization, the `amount`
 * spending limit) and how an executable item (module bytes or a stored contract) is run.
 */

import { RuntimeContext, type EngineServices, type PhaseContext } from './context';
import { ExecutionError } from './errors';
import { accountRights, callContract, recordRunningModule } from './call';
import { invoke } from './executor';
import { GasMeter } from './gas';
import { HOST_HANDLERS } from '../host';
import { AddressGenerator } from '../state/address-generator';
import type { TrackingCopy } from '../state/tracking-copy';
import type { Account } from '../types/account';
import { bytesEqual } from '../types/bytes';
import type { CallStackElement } from '../types/call-stack';
import { clValueErrorToString } from '../types/clvalue';
import { accountKey, type Key } from '../types/key';
import type { RuntimeArgs } from '../types/runtime-args';

/** What ran in a phase: module bytes (`call`) or a stored contract's entry point by hash. */
export type PhaseCode =
  | { readonly kind: 'module'; readonly bytes: Uint8Array }
  | { readonly kind: 'contract'; readonly contractHash: Uint8Array; readonly entryPoint: string };

/** Inputs of one phase. */
export interface PhaseRequest {
  readonly services: EngineServices;
  readonly tc: TrackingCopy;
  readonly phase: number;
  readonly gasLimit: number;
  readonly account: Account;
  readonly authorizationKeys: readonly Uint8Array[];
  readonly args: RuntimeArgs;
  readonly deployHash: Uint8Array;
  readonly blocktime: bigint;
  /** Frames the phase starts with (default: the deploy account's Session frame). */
  readonly callStack?: CallStackElement[];
  /** Base key, named keys and access rights (default: the deploy account's). */
  readonly context?: {
    readonly baseKey: Key;
    readonly namedKeys: Map<string, Key>;
    readonly accessRights: Map<string, number>;
  };
}

/** What every phase and system call of one deploy shares. */
export type DeployBase = Pick<
  PhaseRequest,
  'services' | 'tc' | 'account' | 'authorizationKeys' | 'deployHash' | 'blocktime'
>;

/** The DeployBase of a deploy: its account in `tc`, its authorization set, hash and block time. */
export function deployBase(
  services: EngineServices,
  tc: TrackingCopy,
  account: Account,
  authorizationKeys: readonly Uint8Array[],
  item: { readonly deployHash: Uint8Array; readonly blocktime: bigint },
): DeployBase {
  return { services, tc, account, authorizationKeys, deployHash: item.deployHash, blocktime: item.blocktime };
}

/** How a phase ended. */
export interface PhaseOutcome {
  readonly success: boolean;
  readonly error?: ExecutionError;
  /** Gas charged in the phase (the node's `cost` of its ExecutionResult). */
  readonly gasUsed: number;
  /** Transfer record addresses written. */
  readonly transfers: readonly Uint8Array[];
}

/**
 * Runs `body` as one phase. An ExecutionError thrown by it (or the spending-limit precondition)
 * ends the phase as a failure with the gas used so far; anything else propagates (a host defect).
 */
export function runPhase(req: PhaseRequest, body: (ctx: RuntimeContext) => void): PhaseOutcome {
  const gas = new GasMeter(req.gasLimit);
  const spendingLimit = spendingLimitOf(req.args);
  if (spendingLimit instanceof ExecutionError)
    return { success: false, error: spendingLimit, gasUsed: 0, transfers: [] };
  const account = req.account;
  const phase: PhaseContext = {
    services: req.services,
    tc: req.tc,
    gas,
    rng: new AddressGenerator(req.deployHash, req.phase),
    phase: req.phase,
    blocktime: req.blocktime,
    deployHash: req.deployHash,
    authorizationKeys: req.authorizationKeys,
    account,
    callStack: req.callStack ?? [{ tag: 0, accountHash: account.accountHash }],
    spendingLimit,
    transfers: [],
  };
  const c = req.context ?? {
    baseKey: accountKey(account.accountHash),
    namedKeys: new Map(account.namedKeys),
    accessRights: accountAccessRights(account),
  };
  const ctx = new RuntimeContext(phase, c.baseKey, c.namedKeys, c.accessRights, req.args, req.context === undefined);
  try {
    body(ctx);
  } catch (e) {
    if (e instanceof ExecutionError) return { success: false, error: e, gasUsed: gas.used, transfers: phase.transfers };
    throw e;
  }
  return { success: true, gasUsed: gas.used, transfers: phase.transfers };
}

/** Runs module bytes' `call` or a stored contract's entry point in `ctx` (the phase's invocation). */
export function runCode(ctx: RuntimeContext, code: PhaseCode): void {
  if (code.kind === 'module') {
    const prepared = ctx.phase.services.modules.prepare(code.bytes);
    if (prepared instanceof ExecutionError) throw prepared;
    recordRunningModule(ctx, prepared);
    invoke(prepared, 'call', ctx, HOST_HANDLERS);
    return;
  }
  callContract(ctx, { kind: 'contract', contractHash: code.contractHash }, code.entryPoint, ctx.args);
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

/** The account's named-key URefs plus its main purse (`Account::extract_access_rights`). */
export const accountAccessRights = accountRights;

/**
 * The phase's approved spending (`try_get_amount`): its `amount` arg as U512 or U64, 0 when absent
 * or of another type; an `amount` of one of those types whose bytes do not decode is a
 * precondition failure (the phase does not run).
 */
export function spendingLimitOf(args: RuntimeArgs): bigint | ExecutionError {
  const a = args.find((x) => x.name === 'amount')?.value;
  if (!a) return 0n;
  const t = a.clType.tag;
  if (t !== 8 && t !== 5) return 0n;
  const r = t === 8 ? a.asU512() : a.asU64();
  return r.ok ? r.value : new ExecutionError('CLValue', `CLValue error: ${clValueErrorToString(r.error)}`);
}

/** Approval account hashes sorted ascending with duplicates removed (a BTreeSet). */
export function authorizationSet(keys: readonly Uint8Array[]): Uint8Array[] {
  const sorted = [...keys].sort((a, b) => Buffer.compare(a, b));
  return sorted.filter((k, i) => i === 0 || !bytesEqual(sorted[i - 1], k));
}
