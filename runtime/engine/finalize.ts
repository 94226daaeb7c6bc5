/**
 * How every kind of deploy ends (casper-node 1.5.6 execution_engine `core/engine_state/mod.rs`,
 * `execution_result.rs`, `system/handle_payment/internal.rs`), shared by Wasm deploys
 * (`deploy.ts`) and native transfers (`native-transfer.ts`): the outcome of a deploy that failed
 * its preconditions, the fixed charge of `new_payment_code_error`, and `finalize_payment` run by
 * the system account (refund, then the proposer's fee).
 */

import { type EngineServices, Phase } from './context';
import { ExecutionError } from './errors';
import { runPhase } from './phase';
import { contractRights } from './call';
import type { DeployOutcome } from './deploy';
import type { GlobalState } from '../state/global-state';
import { TrackingCopy, type Transform } from '../state/tracking-copy';
import type { Account } from '../types/account';
import { bytesToHex } from '../types/bytes';
import { CLValue } from '../types/clvalue';
import { accountKey, balanceKey, hashKey } from '../types/key';
import { storedCLValue } from '../types/stored-value';
import type { URef } from '../types/uref';
import { transferToAccountHash } from '../host/purses';
import { purseBalance } from '../system/mint';
import { PAYMENT_PURSE_KEY } from '../system/genesis';
import {
  clearRefundPurse,
  HandlePaymentError,
  handlePaymentRevert,
  paymentPurse,
  refundPurse,
} from '../system/handle-payment';
import { hostMintTransfer, SYSTEM_ACCOUNT_HASH } from '../system/transfer';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** engine_state `Error::Finalization`: finalize_payment failed; the deploy is reported with nothing charged. */
export function finalizationError(): ExecutionError {
  return new ExecutionError('Finalization', 'Payment finalization error');
}

/** A deploy that failed its preconditions: nothing ran, nothing was charged. */
export function precondition(error: ExecutionError): DeployOutcome {
  return {
    success: false,
    error,
    precondition: true,
    gasUsed: 0,
    cost: 0n,
    fee: 0n,
    refund: 0n,
    paymentGasUsed: 0,
    effects: [],
    transfers: [],
  };
}

/**
 * `new_payment_code_error` / `make_payment_error_effects`: commits the only two effects of a
 * charged failure — a Write of the account's main purse balance as read before the deploy minus
 * `charge`, and an AddUInt512 of `charge` to the proposer's purse — and returns them. Every other
 * effect of the deploy is dropped.
 */
export function chargeMainPurse(
  state: GlobalState,
  account: Account,
  mainPurseBalance: bigint,
  rewardsPurse: URef,
  charge: bigint,
): Transform[] {
  const tc = new TrackingCopy(state);
  tc.write(balanceKey(account.mainPurse.addr), storedCLValue(CLValue.u512(mainPurseBalance - charge)));
  const target = purseBalance(tc, rewardsPurse.addr, false) ?? 0n;
  tc.add(balanceKey(rewardsPurse.addr), storedCLValue(CLValue.u512(target + charge)), 'AddUInt512');
  const effects = tc.effects();
  tc.commit();
  return effects;
}

/** The account at `accountHash` (not recorded as a read), if any. */
export function peekAccount(tc: TrackingCopy, accountHash: Uint8Array): Account | undefined {
  const v = tc.peek(accountKey(accountHash));
  return v?.tag === 1 ? v.account : undefined;
}

/** Handle payment's payment purse (full rights), from its named keys. */
export function handlePaymentPurse(tc: TrackingCopy, services: EngineServices): URef {
  const v = tc.peek(hashKey(services.system.handlePayment));
  const key = v?.tag === 3 ? v.contract.namedKeys.get(PAYMENT_PURSE_KEY) : undefined;
  if (!key || key.tag !== 2) throw new Error('handle payment has no payment purse');
  return key.uref;
}

/** The deploy fields finalization needs. */
export interface FinalizedDeploy {
  readonly account: Account;
  readonly deployHash: Uint8Array;
  readonly blocktime: bigint;
}

/**
 * `finalize_payment(amount = spent, account, target = proposer's main purse)` run by the system
 * account: refund ⌊(payment purse − spent) × 99/100⌋ to the refund purse (if payment set one)
 * or the account, the rest to `target`. Returns the split, or the handle payment error.
 */
export function finalizePayment(
  services: EngineServices,
  tc: TrackingCopy,
  item: FinalizedDeploy,
  auth: readonly Uint8Array[],
  spent: bigint,
  target: URef,
): { refund: bigint; fee: bigint } | ExecutionError {
  const hp = services.system.handlePayment;
  const stored = tc.read(hashKey(hp));
  if (!stored || stored.tag !== 3) throw new Error('no handle payment contract');
  const contract = stored.contract;
  const system = peekAccount(tc, SYSTEM_ACCOUNT_HASH);
  if (!system) throw new Error('no system account');
  let result: { refund: bigint; fee: bigint } | ExecutionError = finalizationError();
  const accessRights = contractRights(contract);
  const payPurse = handlePaymentPurse(tc, services);
  for (const u of [payPurse, target]) {
    const id = bytesToHex(u.addr);
    accessRights.set(id, (accessRights.get(id) ?? 0) | u.rights);
  }
  const outcome = runPhase(
    {
      services,
      tc,
      phase: Phase.FinalizePayment,
      gasLimit: MAX_SAFE,
      account: system,
      authorizationKeys: auth,
      args: [],
      deployHash: item.deployHash,
      blocktime: item.blocktime,
      callStack: [
        { tag: 0, accountHash: SYSTEM_ACCOUNT_HASH },
        { tag: 2, contractPackageHash: contract.contractPackageHash, contractHash: hp },
      ],
      context: { baseKey: hashKey(hp), namedKeys: new Map(contract.namedKeys), accessRights },
    },
    (ctx) => {
      ctx.phase.gas.charge(services.costs.system_costs.handle_payment_costs.finalize_payment);
      const purse = paymentPurse(ctx);
      const balance = purseBalance(ctx.phase.tc, purse.addr);
      if (balance === undefined) throw handlePaymentRevert(HandlePaymentError.PaymentPurseBalanceNotFound);
      if (balance < spent) throw handlePaymentRevert(HandlePaymentError.InsufficientPaymentForAmountSpent);
      const [num, den] = refundRatio(services);
      const refund = ((balance - spent) * num) / den;
      const fee = balance - refund;
      const refundTo = refundPurse(ctx);
      if (refundTo && bytesToHex(refundTo.addr) === bytesToHex(purse.addr)) {
        throw handlePaymentRevert(HandlePaymentError.RefundPurseIsPaymentPurse);
      }
      clearRefundPurse(ctx);
      if (refund !== 0n) {
        const viaPurse = refundTo
          ? hostMintTransfer(ctx, { to: null, source: purse, target: refundTo, amount: refund, id: null })
          : 1;
        if (viaPurse !== undefined) {
          const r = transferToAccountHash(ctx, purse, item.account.accountHash, refund, null);
          if (r.code !== 0) throw handlePaymentRevert(HandlePaymentError.FailedTransferToAccountPurse);
        }
      }
      const paid = hostMintTransfer(ctx, { to: null, source: purse, target, amount: fee, id: null });
      if (paid !== undefined) throw handlePaymentRevert(HandlePaymentError.FailedTransferToRewardsPurse);
      result = { refund, fee };
    },
  );
  return outcome.success ? result : outcome.error!;
}

/** The chainspec's refund ratio (`core.refund_handling`, "99/100" in 1.5.6) as [numerator, denominator]. */
function refundRatio(services: EngineServices): [bigint, bigint] {
  const h = services.costs.core.refund_handling;
  if (h.type !== 'refund') throw new Error(`refund_handling ${h.type} is not emulated`);
  const [n, d] = String(h.refund_ratio).split('/');
  return [BigInt(n), BigInt(d)];
}
