/**
 * The handle payment system contract, run natively (casper-node 1.5.6
 * `execution_engine/src/system/handle_payment{.rs,/internal.rs}`, `core/runtime/mod.rs`
 * call_host_handle_payment) and the standard payment's `pay` (`system/standard_payment.rs`,
 * `core/runtime/standard_payment_internal.rs`).
 *
 * State: the contract's named keys hold `payment_purse` (from genesis) and, while a deploy's
 * payment phase has set one, `refund_purse`. Errors are `handle_payment::Error` numbers, reverted
 * as ApiError::HandlePayment(n) = 65280 + n.
 */

import type { RuntimeContext } from '../engine/context';
import { type ExecutionError, revertError } from '../engine/errors';
import { API_ERROR_BASE } from '../types/api-error';
import { CLTypes } from '../types/cltype';
import { CLValue } from '../types/clvalue';
import type { Contract } from '../types/contract';
import { hashKey, type Key } from '../types/key';
import type { RuntimeArgs } from '../types/runtime-args';
import { AccessRights, newURef, type URef } from '../types/uref';
import { PAYMENT_PURSE_KEY } from './genesis';
import { chargeSystemCost, namedArg } from './system-call';
import { isSystemCaller } from './transfer';

/** Named key of the refund purse set during payment (`handle_payment::REFUND_PURSE_KEY`). */
export const REFUND_PURSE_KEY = 'refund_purse';

/** `system::handle_payment::Error` numbers used here. */
export const HandlePaymentError = {
  PaymentPurseNotFound: 12,
  PaymentPurseKeyUnexpectedType: 13,
  PaymentPurseBalanceNotFound: 14,
  RefundPurseKeyUnexpectedType: 17,
  SystemFunctionCalledByUserAccount: 22,
  InsufficientPaymentForAmountSpent: 23,
  FailedTransferToRewardsPurse: 24,
  FailedTransferToAccountPurse: 25,
  SetRefundPurseCalledOutsidePayment: 26,
  ArithmeticOverflow: 31,
  RefundPurseIsPaymentPurse: 33,
} as const;

/** Revert(ApiError::HandlePayment(n)). */
export function handlePaymentRevert(n: number): ExecutionError {
  return revertError(API_ERROR_BASE.HandlePayment + n);
}

/** The handle payment contract record (as the tracking copy has it now). */
export function handlePaymentContract(ctx: RuntimeContext): Contract {
  const v = ctx.phase.tc.read(hashKey(ctx.phase.services.system.handlePayment));
  if (!v || v.tag !== 3) throw new Error('no handle payment contract in global state');
  return v.contract;
}

function writeNamedKeys(ctx: RuntimeContext, contract: Contract, namedKeys: Map<string, Key>): void {
  ctx.phase.tc.write(hashKey(ctx.phase.services.system.handlePayment), {
    tag: 3,
    contract: { ...contract, namedKeys },
  });
}

/** `internal::get_payment_purse`: the purse under `payment_purse`, full rights. */
export function paymentPurse(ctx: RuntimeContext): URef {
  const key = handlePaymentContract(ctx).namedKeys.get(PAYMENT_PURSE_KEY);
  if (!key) throw handlePaymentRevert(HandlePaymentError.PaymentPurseNotFound);
  if (key.tag !== 2) throw handlePaymentRevert(HandlePaymentError.PaymentPurseKeyUnexpectedType);
  return key.uref;
}

/** `internal::get_refund_purse`: the purse under `refund_purse`, if set (full rights). */
export function refundPurse(ctx: RuntimeContext): URef | undefined {
  const key = handlePaymentContract(ctx).namedKeys.get(REFUND_PURSE_KEY);
  if (!key) return undefined;
  if (key.tag !== 2) throw handlePaymentRevert(HandlePaymentError.RefundPurseKeyUnexpectedType);
  return key.uref;
}

/**
 * Runs handle payment's `entryPoint` for the caller `ctx` (callee frame already pushed):
 * `get_payment_purse` → the payment purse with READ_ADD; `set_refund_purse(purse)` → Unit (only
 * in the payment phase, else HandlePayment(26)); `get_refund_purse` → Option(URef) with rights
 * removed; `finalize_payment` → HandlePayment(22) for any caller but the system account. Each
 * charges its `[system_costs.handle_payment_costs]` entry first. An unknown name returns Unit,
 * as the node's fallthrough arm does.
 */
export function callHandlePayment(ctx: RuntimeContext, entryPoint: string, args: RuntimeArgs): CLValue {
  const costs = ctx.phase.services.costs.system_costs.handle_payment_costs;
  switch (entryPoint) {
    case 'get_payment_purse': {
      chargeSystemCost(ctx, costs.get_payment_purse);
      return CLValue.uref(newURef(paymentPurse(ctx).addr, AccessRights.READ_ADD));
    }
    case 'set_refund_purse': {
      chargeSystemCost(ctx, costs.set_refund_purse);
      const purse = namedArg(args, 'purse', (v) => v.asURef());
      if (ctx.phase.phase !== 1) throw handlePaymentRevert(HandlePaymentError.SetRefundPurseCalledOutsidePayment);
      const contract = handlePaymentContract(ctx);
      const namedKeys = new Map(contract.namedKeys);
      namedKeys.set(REFUND_PURSE_KEY, { tag: 2, uref: purse });
      writeNamedKeys(ctx, contract, namedKeys);
      return CLValue.unit();
    }
    case 'get_refund_purse': {
      chargeSystemCost(ctx, costs.get_refund_purse);
      const purse = refundPurse(ctx);
      return purse
        ? CLValue.option(CLValue.uref(newURef(purse.addr, AccessRights.NONE)))
        : CLValue.option(null, CLTypes.URef);
    }
    case 'finalize_payment': {
      chargeSystemCost(ctx, costs.finalize_payment);
      const amount = namedArg(args, 'amount', (v) => v.asU512());
      const account = namedArg(args, 'account', (v) => v.asByteArray32());
      const target = namedArg(args, 'target', (v) => v.asURef());
      if (!isSystemCaller(ctx)) throw handlePaymentRevert(HandlePaymentError.SystemFunctionCalledByUserAccount);
      void amount;
      void account;
      void target;
      throw new Error('finalize_payment by the system account runs through the deploy, not call_contract');
    }
    case 'distribute_accumulated_fees': {
      chargeSystemCost(ctx, costs.finalize_payment);
      if (!isSystemCaller(ctx)) throw handlePaymentRevert(HandlePaymentError.SystemFunctionCalledByUserAccount);
      return CLValue.unit();
    }
    default:
      return CLValue.unit();
  }
}

/** Clears `refund_purse` after finalization (`remove_key`, a no-op when unset). */
export function clearRefundPurse(ctx: RuntimeContext): void {
  const contract = handlePaymentContract(ctx);
  if (!contract.namedKeys.has(REFUND_PURSE_KEY)) return;
  const namedKeys = new Map(contract.namedKeys);
  namedKeys.delete(REFUND_PURSE_KEY);
  writeNamedKeys(ctx, contract, namedKeys);
}
