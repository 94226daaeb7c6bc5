/**
 * A whole deploy as the 1.5.6 node executes it (execution_engine `core/engine_state/mod.rs`
 * `deploy`, `execution_result.rs`, `system/handle_payment/internal.rs`): preconditions, payment
 * (standard payment or custom payment code) under the fixed payment gas limit, session under the
 * gas the payment bought, then finalization by the system account, which refunds 99/100 of the
 * unspent payment (chainspec `refund_handling`) and pays the rest to the block proposer
 * (`fee_handling = pay_to_proposer`).
 *
 * Charging rules reproduced:
 * - Preconditions (authorization, an unresolvable stored session, a main purse below
 *   MAX_PAYMENT = 2.5 CSPR, a zero gas price) fail the deploy with nothing charged.
 * - A failed payment, a payment that leaves the payment purse short of its own cost, and a
 *   payment or session module the node cannot preprocess cost exactly MAX_PAYMENT: it moves from
 *   the account's main purse to the proposer and every other effect is dropped.
 * - A failed session keeps the payment's effects, drops its own, and is charged its gas.
 *
 * A native transfer (session `ExecutableDeployItem::Transfer`) takes the node's wasmless path
 * instead: `native-transfer.ts`. What both paths share at their end is in `finalize.ts`.
 */

import { type EngineServices, Phase, type RuntimeContext } from './context';
import { ExecutionError, revertError } from './errors';
import {
  authorizationError,
  authorizationSet,
  deployBase,
  type PhaseCode,
  type PhaseOutcome,
  runCode,
  runPhase,
} from './phase';
import { callContract } from './call';
import { chargeMainPurse, finalizationError, finalizePayment, handlePaymentPurse, precondition } from './finalize';
import { executeNativeTransfer } from './native-transfer';
import type { GlobalState } from '../state/global-state';
import { TrackingCopy, type Transform } from '../state/tracking-copy';
import type { Account } from '../types/account';
import { bytesToHex } from '../types/bytes';
import { CLValue } from '../types/clvalue';
import { accountKey, deployInfoKey } from '../types/key';
import type { RuntimeArgs } from '../types/runtime-args';
import type { URef } from '../types/uref';
import { transferToExistingAccount } from '../host/purses';
import { purseBalance } from '../system/mint';
import { SYSTEM_ACCOUNT_HASH } from '../system/transfer';

export { precondition } from './finalize';

/** MAX_PAYMENT_AMOUNT of 1.5.6: the collateral a deploy needs and the penalty for bad payment. */
export const MAX_PAYMENT = 2_500_000_000n;

/** Payment of a deploy: standard payment of `amount` motes, or custom payment code. */
export type DeployPayment = { readonly amount: bigint; readonly args?: undefined } | DeployCode;

/** Code of a phase with its args. */
export interface DeployCode {
  readonly code: PhaseCode;
  readonly args: RuntimeArgs;
}

/** Session of a native transfer (`ExecutableDeployItem::Transfer`): args only, no code. */
export interface NativeTransferSession {
  /** The transfer's args as sent (`target`, `amount`, `id`, optional `source`). */
  readonly transfer: RuntimeArgs;
}

/** A deploy, resolved (the caller's account exists; args decoded). */
export interface DeployItem {
  readonly account: Account;
  readonly authorizationKeys: readonly Uint8Array[];
  /** Ignored for a native transfer, as on the node. */
  readonly payment: DeployPayment | ExecutionError;
  readonly session: DeployCode | NativeTransferSession | ExecutionError;
  readonly gasPrice: number;
  readonly deployHash: Uint8Array;
  readonly blocktime: bigint;
  /** The proposer's account hash (receives the fee). */
  readonly proposer: Uint8Array;
}

/** What a deploy did. */
export interface DeployOutcome {
  /** True when payment and session succeeded (and finalization ran). */
  readonly success: boolean;
  /** The deploy's error: a precondition, the payment's, the session's, or Finalization. */
  readonly error?: ExecutionError;
  /** True when the deploy failed before executing anything (nothing charged, nothing changed). */
  readonly precondition: boolean;
  /** Gas of payment + session: the node's `cost` (for a payment error, as the node sets it). */
  readonly gasUsed: number;
  /** gasUsed × gas price, in motes. */
  readonly cost: bigint;
  /** Motes that left the payment for the proposer (or the MAX_PAYMENT penalty). */
  readonly fee: bigint;
  /** Motes refunded from the payment purse. */
  readonly refund: bigint;
  /** Gas of the payment phase, of the session phase (undefined if it did not run). */
  readonly paymentGasUsed: number;
  readonly sessionGasUsed?: number;
  /** The deploy's effects on global state (what was committed). */
  readonly effects: readonly Transform[];
  /** Transfer records written by the session. */
  readonly transfers: readonly Uint8Array[];
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MISSING_ARGUMENT = 2;
const INVALID_ARGUMENT = 3;

/** `Gas::from_motes`: motes / gas price (undefined for a zero price), clamped to a safe integer. */
function gasFromMotes(motes: bigint, gasPrice: number): number | undefined {
  if (gasPrice <= 0) return undefined;
  const g = motes / BigInt(gasPrice);
  return g > BigInt(MAX_SAFE) ? MAX_SAFE : Number(g);
}

function shouldChargeForWasm(outcome: PhaseOutcome): boolean {
  const k = outcome.error?.kind;
  return k === 'WasmPreprocessing' || k === 'UnsupportedWasmStart';
}

/**
 * Executes `item` against `state` and commits what the node would commit. `services` are the
 * environment's (costs, module cache, system contracts). A native transfer session takes the
 * node's wasmless path (`run_execute`: `ExecutableDeployItem::Transfer` → `transfer`).
 */
export function executeDeploy(services: EngineServices, state: GlobalState, item: DeployItem): DeployOutcome {
  if (!(item.session instanceof ExecutionError) && 'transfer' in item.session) {
    return executeNativeTransfer(services, state, item, item.session.transfer);
  }
  const { account, gasPrice } = item;
  const auth = authorizationSet(item.authorizationKeys);
  const denied = authorizationError(account, auth);
  if (denied) return precondition(denied);
  if (item.session instanceof ExecutionError) return precondition(item.session);

  const tc = new TrackingCopy(state);
  const mainPurseBalance = purseBalance(tc, account.mainPurse.addr, false);
  if (mainPurseBalance === undefined) throw new Error(`account ${bytesToHex(account.accountHash)} has no main purse`);
  if (mainPurseBalance < MAX_PAYMENT) {
    return precondition(new ExecutionError('InsufficientPayment', 'Insufficient payment'));
  }
  const proposer = tc.peek(accountKey(item.proposer));
  if (!proposer || proposer.tag !== 1) throw new Error(`no proposer account ${bytesToHex(item.proposer)}`);
  const rewardsPurse = proposer.account.mainPurse;
  const paymentGasLimit = gasFromMotes(MAX_PAYMENT, gasPrice);
  if (paymentGasLimit === undefined) {
    return precondition(new ExecutionError('GasConversionOverflow', 'Gas conversion overflow'));
  }
  const penalty = (error: ExecutionError, gasUsed: number, paymentGasUsed: number, sessionGasUsed?: number) =>
    chargePenalty(
      state,
      account,
      mainPurseBalance,
      rewardsPurse,
      error,
      gasUsed,
      gasPrice,
      paymentGasUsed,
      sessionGasUsed,
    );

  const base = deployBase(services, tc, account, auth, item);

  // Payment.
  const payment = item.payment;
  if (payment instanceof ExecutionError) return precondition(payment);
  const paymentOutcome =
    payment.args === undefined
      ? runPhase(
          {
            ...base,
            phase: Phase.Payment,
            gasLimit: paymentGasLimit,
            args: [{ name: 'amount', value: CLValue.u512(payment.amount) }],
          },
          (ctx) => standardPayment(ctx),
        )
      : runPhase({ ...base, phase: Phase.Payment, gasLimit: paymentGasLimit, args: payment.args }, (ctx) =>
          runCode(ctx, payment.code),
        );
  if (shouldChargeForWasm(paymentOutcome)) {
    return penalty(paymentOutcome.error!, paymentOutcome.gasUsed, paymentOutcome.gasUsed);
  }
  const paymentPurseAddr = handlePaymentPurse(tc, services);
  const paymentPurseBalance = purseBalance(tc, paymentPurseAddr.addr, false) ?? 0n;
  const paymentCostMotes = BigInt(paymentOutcome.gasUsed) * BigInt(gasPrice);
  if (!paymentOutcome.success) return penalty(paymentOutcome.error!, paymentGasLimit, paymentOutcome.gasUsed);
  if (paymentPurseBalance < paymentCostMotes) {
    return penalty(
      new ExecutionError('InsufficientPayment', 'Insufficient payment'),
      paymentGasLimit,
      paymentOutcome.gasUsed,
    );
  }
  const afterPayment = tc.checkpoint();

  // Session.
  const sessionGasLimit = gasFromMotes(paymentPurseBalance, gasPrice)! - paymentOutcome.gasUsed;
  if (sessionGasLimit < 0) return precondition(new ExecutionError('GasConversionOverflow', 'Gas conversion overflow'));
  const session = item.session;
  // As on the node, the session runs with the account (named keys, access rights) loaded before
  // payment: named keys payment code put are in global state but not in the session's context.
  const sessionOutcome = runPhase(
    { ...base, phase: Phase.Session, gasLimit: sessionGasLimit, args: session.args },
    (ctx) => runCode(ctx, session.code),
  );
  const totalGas = paymentOutcome.gasUsed + sessionOutcome.gasUsed;
  if (sessionOutcome.success) {
    tc.write(deployInfoKey(item.deployHash), {
      tag: 6,
      deployInfo: {
        deployHash: item.deployHash,
        transfers: sessionOutcome.transfers,
        from: account.accountHash,
        source: account.mainPurse,
        gas: BigInt(totalGas),
      },
    });
  }
  if ((sessionOutcome.gasUsed === 0 && paymentPurseBalance < MAX_PAYMENT) || shouldChargeForWasm(sessionOutcome)) {
    const error = sessionOutcome.error ?? new ExecutionError('InsufficientPayment', 'Insufficient payment');
    return penalty(error, sessionOutcome.gasUsed, paymentOutcome.gasUsed, sessionOutcome.gasUsed);
  }
  if (!sessionOutcome.success) tc.restore(afterPayment);

  // Finalization, by the system account in handle payment's context.
  const spent = BigInt(totalGas) * BigInt(gasPrice);
  const finalized = finalizePayment(services, tc, item, auth, spent, rewardsPurse);
  if (finalized instanceof ExecutionError) {
    return { ...precondition(finalizationError()), precondition: false };
  }
  const effects = tc.effects();
  tc.commit();
  return {
    success: sessionOutcome.success,
    error: sessionOutcome.error,
    precondition: false,
    gasUsed: totalGas,
    cost: spent,
    fee: finalized.fee,
    refund: finalized.refund,
    paymentGasUsed: paymentOutcome.gasUsed,
    sessionGasUsed: sessionOutcome.gasUsed,
    effects,
    transfers: sessionOutcome.success ? sessionOutcome.transfers : [],
  };
}

/**
 * The standard payment's `pay` (`call_host_standard_payment`): `amount` (U512, else Revert 2/3)
 * from the account's main purse to handle payment's payment purse, obtained through
 * call_contract(get_payment_purse). The node restores the gas counter afterwards, so standard
 * payment costs no gas.
 */
function standardPayment(ctx: RuntimeContext): void {
  const arg = ctx.args.find((a) => a.name === 'amount')?.value;
  if (!arg) throw revertError(MISSING_ARGUMENT);
  const amount = arg.asU512();
  if (!amount.ok) throw revertError(INVALID_ARGUMENT);
  const gas = ctx.phase.gas;
  const before = gas.used;
  try {
    const purse = callContract(
      ctx,
      { kind: 'contract', contractHash: ctx.phase.services.system.handlePayment },
      'get_payment_purse',
      [],
    ).asURef();
    if (!purse.ok) throw new Error('get_payment_purse returned a non-URef');
    const source = ctx.phase.account.mainPurse;
    const outcome = transferToExistingAccount(ctx, source, SYSTEM_ACCOUNT_HASH, purse.value, amount.value, null);
    if (outcome.code !== 0) throw revertError(outcome.code);
  } finally {
    gas.reset(before);
  }
}

/**
 * `new_payment_code_error` of a Wasm deploy: MAX_PAYMENT out of the account's main purse (a
 * Write of its pre-deploy balance minus MAX_PAYMENT) and into the proposer's (an add), nothing else.
 */
function chargePenalty(
  state: GlobalState,
  account: Account,
  mainPurseBalance: bigint,
  rewardsPurse: URef,
  error: ExecutionError,
  gasUsed: number,
  gasPrice: number,
  paymentGasUsed: number,
  sessionGasUsed?: number,
): DeployOutcome {
  const effects = chargeMainPurse(state, account, mainPurseBalance, rewardsPurse, MAX_PAYMENT);
  return {
    success: false,
    error,
    precondition: false,
    gasUsed,
    cost: BigInt(gasUsed) * BigInt(gasPrice),
    fee: MAX_PAYMENT,
    refund: 0n,
    paymentGasUsed,
    sessionGasUsed,
    effects,
    transfers: [],
  };
}
