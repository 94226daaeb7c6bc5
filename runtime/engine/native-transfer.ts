/**
 * Native transfers: deploys whose session is `ExecutableDeployItem::Transfer` (what
 * `casper-client transfer` sends), executed as casper-node 1.5.6 does — execution_engine
 * `core/engine_state/mod.rs` `EngineState::transfer` and `core/engine_state/transfer.rs`
 * `TransferRuntimeArgsBuilder`. No Wasm and no payment code run; the deploy's payment item is
 * ignored. The deploy's gas price is ignored too: the fee is the chainspec's
 * `system_costs.wasmless_transfer_cost` (0.1 CSPR on 1.5.6) at WASMLESS_TRANSFER_FIXED_GAS_PRICE = 1.
 *
 * The node's steps, each a system call with a fresh call stack (the system account's Session
 * frame) and a fresh address generator seeded by (deploy hash, phase):
 * 1. preconditions, nothing charged: authorization and the deploy threshold; the account's main
 *    purse holding at least the fee (InsufficientPayment);
 * 2. from here every failure is *charged*: the fee moves from the main purse to the proposer
 *    (`new_payment_code_error`) and every other effect is dropped (no DeployInfo either);
 * 3. `target` resolved (URef of an existing purse, or an account by AccountHash, Key::Account or
 *    PublicKey); an account that does not exist is created with a new purse (mint `create`);
 * 4. the args built: `target` again, `source` (a URef: the main purse or a writeable purse among
 *    the account's named keys; default the main purse), source ≠ target, `amount` (U512 or U64,
 *    not zero), `id` (Option<u64>, required);
 * 5. the source purse must hold fee + amount (else InsufficientPayment);
 * 6. payment: the fee from the source purse into handle payment's payment purse (mint `transfer`,
 *    payment phase; a mint error is charged as Revert(Mint(n)));
 * 7. session: mint `transfer` of `amount` (a mint error here is *not* a failure: the node ignores
 *    the transfer's Result, so the deploy succeeds without moving the amount);
 * 8. DeployInfo (gas = the fee, source = the main purse whatever `source` was), then
 *    `finalize_payment(fee)`: nothing to refund, the fee goes to the proposer.
 */

import { type EngineServices, Phase } from './context';
import { ExecutionError, revertError } from './errors';
import {
  authorizationError,
  authorizationSet,
  type DeployBase,
  deployBase,
  type PhaseOutcome,
  runPhase,
} from './phase';
import { callContract, contractRights } from './call';
import type { DeployItem, DeployOutcome } from './deploy';
import { chargeMainPurse, finalizationError, finalizePayment, peekAccount, precondition } from './finalize';
import type { GlobalState } from '../state/global-state';
import { TrackingCopy } from '../state/tracking-copy';
import { type Account, newAccount } from '../types/account';
import { bytesEqual, bytesToHex } from '../types/bytes';
import { sortedStringEntries } from '../types/collections';
import { CLTypes } from '../types/cltype';
import { CLValue, type CLValueError } from '../types/clvalue';
import { accountKey, deployInfoKey, hashKey, SYSTEM_CONTRACT_REGISTRY_KEY } from '../types/key';
import { publicKeyAccountHash } from '../types/public-key';
import { getRuntimeArg, type RuntimeArgs } from '../types/runtime-args';
import {
  AccessRights,
  accessRightsToString,
  isWriteable,
  type URef,
  urefEquals,
  urefToString,
  withAccessRights,
} from '../types/uref';
import { purseBalance } from '../system/mint';
import { mintErrorCode, SYSTEM_ACCOUNT_HASH } from '../system/transfer';

/** `WASMLESS_TRANSFER_FIXED_GAS_PRICE`: motes per gas of a native transfer, whatever the deploy's gas price. */
export const WASMLESS_TRANSFER_FIXED_GAS_PRICE = 1n;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MISSING_ARGUMENT = 2;
const INVALID_ARGUMENT = 3;
const INVALID_PURSE = 12;
const TRANSFER = 14;
const CL_TYPE_MISMATCH = 16;

/** Where `target` resolved to (`NewTransferTargetMode`). */
export type TransferTargetMode =
  | { readonly kind: 'existingAccount'; readonly accountHash: Uint8Array; readonly mainPurse: URef }
  | { readonly kind: 'purse'; readonly purse: URef }
  | { readonly kind: 'createAccount'; readonly accountHash: Uint8Array };

/** The mint `transfer` args a native transfer resolves to (`TransferArgs`). */
export interface NativeTransferArgs {
  /** Target account (None for a target purse). */
  readonly to: Uint8Array | null;
  /** Source purse, with the rights the deploy gave it (default: the main purse). */
  readonly source: URef;
  /** Target purse: an account's main purse with ADD, or the target URef as given. */
  readonly target: URef;
  readonly amount: bigint;
  readonly id: bigint | null;
}

/** The chainspec's `system_costs.wasmless_transfer_cost`: gas (= motes) of a native transfer. */
export function wasmlessTransferCost(services: EngineServices): bigint {
  const c = services.costs.system_costs.wasmless_transfer_cost;
  if (c === undefined) throw new Error('chainspec has no system_costs.wasmless_transfer_cost (a 1.5 figure)');
  return BigInt(c);
}

/** `Error::reverter(CLValueError)`: CLTypeMismatch (16), or the bytesrepr error's ApiError (17 …). */
function clValueRevert(e: CLValueError): ExecutionError {
  return revertError(e.kind === 'type' ? CL_TYPE_MISMATCH : e.error);
}

/**
 * `resolve_transfer_target_mode`: `target` as a URef (the purse must exist, else
 * Revert(InvalidPurse)), ByteArray(32) account hash, Key::Account (another Key variant:
 * Revert(Transfer)) or PublicKey; another type Revert(InvalidArgument), absent
 * Revert(MissingArgument). An account hash with no Account under it resolves to createAccount.
 */
export function resolveTransferTargetMode(tc: TrackingCopy, args: RuntimeArgs): TransferTargetMode | ExecutionError {
  const v = getRuntimeArg(args, 'target');
  if (!v) return revertError(MISSING_ARGUMENT);
  let accountHash: Uint8Array;
  if (v.hasType(CLTypes.URef)) {
    const u = v.asURef();
    if (!u.ok) return clValueRevert(u.error);
    if (purseBalance(tc, u.value.addr) === undefined) return revertError(INVALID_PURSE);
    return { kind: 'purse', purse: u.value };
  } else if (v.hasType(CLTypes.ByteArray32)) {
    const h = v.asByteArray32();
    if (!h.ok) return clValueRevert(h.error);
    accountHash = h.value;
  } else if (v.hasType(CLTypes.Key)) {
    const k = v.asKey();
    if (!k.ok) return clValueRevert(k.error);
    if (k.value.tag !== 0) return revertError(TRANSFER);
    accountHash = k.value.addr;
  } else if (v.hasType(CLTypes.PublicKey)) {
    const pk = v.asPublicKey();
    if (!pk.ok) return clValueRevert(pk.error);
    accountHash = publicKeyAccountHash(pk.value);
  } else {
    return revertError(INVALID_ARGUMENT);
  }
  const stored = tc.read(accountKey(accountHash));
  if (stored?.tag !== 1) return { kind: 'createAccount', accountHash };
  return {
    kind: 'existingAccount',
    accountHash,
    mainPurse: withAccessRights(stored.account.mainPurse, AccessRights.ADD),
  };
}

/**
 * `resolve_source_uref`: no `source` → the main purse. A URef with the main purse's address is
 * taken as given; otherwise the first named key (in name order) holding that purse must be
 * writeable (else InvalidAccess WRITE) and a purse (else Revert(InvalidPurse)), and the URef is
 * taken with the rights the deploy gave it; not among the named keys → ForgedReference. A
 * `source` of another type → Revert(InvalidArgument).
 */
function resolveSource(tc: TrackingCopy, account: Account, args: RuntimeArgs): URef | ExecutionError {
  const v = getRuntimeArg(args, 'source');
  if (!v) return account.mainPurse;
  if (!v.hasType(CLTypes.URef)) return revertError(INVALID_ARGUMENT);
  const u = v.asURef();
  if (!u.ok) return clValueRevert(u.error);
  const uref = u.value;
  if (bytesEqual(account.mainPurse.addr, uref.addr)) return uref;
  const found = sortedStringEntries(account.namedKeys).find(
    ([, k]) => k.tag === 2 && bytesEqual(k.uref.addr, uref.addr),
  );
  if (!found) return new ExecutionError('ForgedReference', `Forged reference: ${urefToString(uref)}`);
  const key = found[1];
  if (key.tag !== 2) throw new Error('unreachable: a normalized Key::URef match is a URef');
  if (!isWriteable(key.uref.rights)) {
    return new ExecutionError('InvalidAccess', `Invalid access rights: ${accessRightsToString(AccessRights.WRITE)}`);
  }
  if (purseBalance(tc, key.uref.addr) === undefined) return revertError(INVALID_PURSE);
  return uref;
}

/** `resolve_amount`: U512 or U64, not zero (Revert(Transfer)); another type InvalidArgument, absent MissingArgument. */
function resolveAmount(args: RuntimeArgs): bigint | ExecutionError {
  const v = getRuntimeArg(args, 'amount');
  if (!v) return revertError(MISSING_ARGUMENT);
  const r = v.hasType(CLTypes.U512) ? v.asU512() : v.hasType(CLTypes.U64) ? v.asU64() : undefined;
  if (!r) return revertError(INVALID_ARGUMENT);
  if (!r.ok) return clValueRevert(r.error);
  return r.value === 0n ? revertError(TRANSFER) : r.value;
}

/** `resolve_id`: `id` is required and must be an Option<u64> (else Revert(CLTypeMismatch)). */
function resolveId(args: RuntimeArgs): bigint | null | ExecutionError {
  const v = getRuntimeArg(args, 'id');
  if (!v) return revertError(MISSING_ARGUMENT);
  const r = v.asOptionU64();
  return r.ok ? r.value : clValueRevert(r.error);
}

/**
 * `TransferRuntimeArgsBuilder::build`, after any account creation: target (again), source,
 * source ≠ target purse (Revert(InvalidPurse)), amount, id — the first error in that order.
 */
export function buildTransferArgs(
  tc: TrackingCopy,
  account: Account,
  args: RuntimeArgs,
): NativeTransferArgs | ExecutionError {
  const mode = resolveTransferTargetMode(tc, args);
  if (mode instanceof ExecutionError) return mode;
  if (mode.kind === 'createAccount') return revertError(TRANSFER);
  const [to, target] = mode.kind === 'purse' ? [null, mode.purse] : [mode.accountHash, mode.mainPurse];
  const source = resolveSource(tc, account, args);
  if (source instanceof ExecutionError) return source;
  if (bytesEqual(source.addr, target.addr)) return revertError(INVALID_PURSE);
  const amount = resolveAmount(args);
  if (amount instanceof ExecutionError) return amount;
  const id = resolveId(args);
  if (id instanceof ExecutionError) return id;
  return { to, source, target, amount, id };
}

/** The mint `transfer` args of `t` (`RuntimeArgs::try_from(TransferArgs)`). */
function mintTransferArgs(t: NativeTransferArgs): RuntimeArgs {
  return [
    {
      name: 'to',
      value: t.to === null ? CLValue.option(null, CLTypes.ByteArray32) : CLValue.option(CLValue.byteArray32(t.to)),
    },
    { name: 'source', value: CLValue.uref(t.source) },
    { name: 'target', value: CLValue.uref(t.target) },
    { name: 'amount', value: CLValue.u512(t.amount) },
    { name: 'id', value: t.id === null ? CLValue.option(null, CLTypes.U64) : CLValue.option(CLValue.u64(t.id)) },
  ];
}

/**
 * `Executor::call_system_contract`: `entryPoint` of the system contract `contractHash` called in
 * the contract's own context (its named keys and URefs), for the deploy's account, under a
 * u64::MAX gas limit, with a fresh system call stack and address generator. The spending limit
 * is the call's `amount` arg. The URefs in the args are not validated (system to system).
 */
function callSystem(
  base: DeployBase,
  phase: number,
  contractHash: Uint8Array,
  entryPoint: string,
  args: RuntimeArgs,
): { readonly outcome: PhaseOutcome; readonly value?: CLValue } {
  const stored = base.tc.peek(hashKey(contractHash));
  if (stored?.tag !== 3) throw new Error(`no system contract at hash-${bytesToHex(contractHash)}`);
  const contract = stored.contract;
  let value: CLValue | undefined;
  const outcome = runPhase(
    {
      ...base,
      phase,
      gasLimit: MAX_SAFE,
      args,
      callStack: [{ tag: 0, accountHash: SYSTEM_ACCOUNT_HASH }],
      context: {
        baseKey: hashKey(contractHash),
        namedKeys: new Map(contract.namedKeys),
        accessRights: contractRights(contract),
      },
    },
    (ctx) => {
      value = callContract(ctx, { kind: 'contract', contractHash }, entryPoint, args);
    },
  );
  return { outcome, value };
}

/** The mint error number in a mint `transfer` result (Result<(), u8>), undefined for Ok. */
function mintTransferError(value: CLValue | undefined): number | undefined {
  const r = value?.as(CLTypes.ResultUnitU8, (x) => (x.u8() === 1 ? undefined : x.u8()));
  if (!r?.ok) throw new Error('mint transfer returned something other than Result<(), u8>');
  return r.value;
}

/**
 * Executes a native transfer deploy (`EngineState::transfer`) with the session args `args`
 * against `state` and commits what the node commits. Preconditions fail with nothing charged;
 * every later failure costs exactly the wasmless transfer fee, moved from the main purse to the
 * proposer. On success: cost = gas = fee, fee to the proposer, no refund, the Transfer record
 * (unless the mint refused the amount) and DeployInfo written.
 */
export function executeNativeTransfer(
  services: EngineServices,
  state: GlobalState,
  item: DeployItem,
  args: RuntimeArgs,
): DeployOutcome {
  const { account } = item;
  const auth = authorizationSet(item.authorizationKeys);
  const denied = authorizationError(account, auth);
  if (denied) return precondition(denied);

  const tc = new TrackingCopy(state);
  tc.read(accountKey(account.accountHash));
  if (tc.read(accountKey(SYSTEM_ACCOUNT_HASH))?.tag !== 1) throw new Error('no system account');
  tc.read(SYSTEM_CONTRACT_REGISTRY_KEY);
  tc.read(hashKey(services.system.handlePayment));
  const gas = wasmlessTransferCost(services);
  const fee = gas * WASMLESS_TRANSFER_FIXED_GAS_PRICE;
  const proposer = peekAccount(tc, item.proposer);
  if (!proposer) throw new Error(`no proposer account ${bytesToHex(item.proposer)}`);
  const rewardsPurse = proposer.mainPurse;
  const mainPurseBalance = purseBalance(tc, account.mainPurse.addr);
  if (mainPurseBalance === undefined) throw new Error(`account ${bytesToHex(account.accountHash)} has no main purse`);
  if (mainPurseBalance < fee) return precondition(new ExecutionError('InsufficientPayment', 'Insufficient payment'));

  const gasUsed = Number(gas);
  const charged = (error: ExecutionError): DeployOutcome => ({
    success: false,
    error,
    precondition: false,
    gasUsed,
    cost: fee,
    fee,
    refund: 0n,
    paymentGasUsed: gasUsed,
    effects: chargeMainPurse(state, account, mainPurseBalance, rewardsPurse, fee),
    transfers: [],
  });
  const base = deployBase(services, tc, account, auth, item);
  const { mint, handlePayment } = services.system;

  // Target, and the account it names when there is none.
  const mode = resolveTransferTargetMode(tc, args);
  if (mode instanceof ExecutionError) return charged(mode);
  if (!services.costs.core.allow_unrestricted_transfers) {
    // The node would check here that the source or target is an administrator (private chains).
    throw new Error('native transfer: allow_unrestricted_transfers = false is not emulated');
  }
  if (mode.kind === 'createAccount') {
    const created = callSystem(base, Phase.Session, mint, 'create', []);
    if (!created.outcome.success) return charged(created.outcome.error!);
    const purse = created.value?.asURef();
    if (!purse?.ok) throw new Error('mint create returned something other than a URef');
    tc.write(accountKey(mode.accountHash), { tag: 1, account: newAccount(mode.accountHash, purse.value) });
  }

  const transfer = buildTransferArgs(tc, account, args);
  if (transfer instanceof ExecutionError) return charged(transfer);
  const sourceBalance = urefEquals(transfer.source, account.mainPurse)
    ? mainPurseBalance
    : purseBalance(tc, transfer.source.addr);
  if (sourceBalance === undefined) throw new Error('source purse vanished after it was resolved');
  if (sourceBalance < fee + transfer.amount) {
    return charged(new ExecutionError('InsufficientPayment', 'Insufficient payment'));
  }

  // Payment: the fee into handle payment's payment purse.
  const got = callSystem(base, Phase.Payment, handlePayment, 'get_payment_purse', []);
  if (!got.outcome.success) return charged(got.outcome.error!);
  const paymentPurse = got.value?.asURef();
  if (!paymentPurse?.ok) throw new Error('get_payment_purse returned something other than a URef');
  const paid = callSystem(
    base,
    Phase.Payment,
    mint,
    'transfer',
    mintTransferArgs({ ...transfer, target: paymentPurse.value, amount: fee }),
  );
  if (!paid.outcome.success) return charged(paid.outcome.error!);
  const paymentError = mintTransferError(paid.value);
  if (paymentError !== undefined) return charged(revertError(mintErrorCode(paymentError)));
  if (purseBalance(tc, paymentPurse.value.addr) === undefined) throw new Error('payment purse has no balance');
  const afterPayment = tc.checkpoint();

  // Session: the amount. Its Result is not looked at; its gas is not charged.
  const session = callSystem(base, Phase.Session, mint, 'transfer', mintTransferArgs(transfer)).outcome;
  tc.write(deployInfoKey(item.deployHash), {
    tag: 6,
    deployInfo: {
      deployHash: item.deployHash,
      transfers: session.transfers,
      from: account.accountHash,
      source: account.mainPurse,
      gas,
    },
  });
  // A failed session's effects (and the DeployInfo written with them) are dropped.
  if (!session.success) tc.restore(afterPayment);

  const finalized = finalizePayment(services, tc, item, auth, fee, rewardsPurse);
  if (finalized instanceof ExecutionError) return { ...precondition(finalizationError()), precondition: false };
  const effects = tc.effects();
  tc.commit();
  return {
    success: session.success,
    error: session.error,
    precondition: false,
    gasUsed,
    cost: fee,
    fee: finalized.fee,
    refund: finalized.refund,
    paymentGasUsed: gasUsed,
    sessionGasUsed: 0,
    effects,
    transfers: session.transfers,
  };
}
