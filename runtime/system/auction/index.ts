/**
 * The auction system contract, run natively (casper-node 1.5.6 `execution_engine/src/system/
 * auction.rs`, `system/auction/detail.rs`, `core/runtime/auction_internal.rs`, and
 * `core/runtime/mod.rs` call_host_auction; casper-vm1-abi.md §3.7).
 *
 * Per call, as `call_host_auction` does it: charge the entry point's `[system_costs.auction_costs]`
 * figure (not when the immediate caller is a system contract or the system account's session, nor
 * for the system account), read the arguments in the node's order (missing → Revert(2), other
 * CLType or bad bytes → Revert(3)), run the entry point, and turn its error into a revert
 * (AuctionError n → 64512 + n; a mint error it propagates → 65024 + n). The auction's own work
 * costs nothing more: its storage is not charged and its calls into the mint restore the gas
 * counter. `run_auction`, `slash` and `distribute` fail with InvalidCaller (16) for anyone but the
 * system account; `get_era_validators` and `read_era_id` are open to every caller.
 *
 * The node runs the auction in a runtime whose context is a copy of the caller's, and does not
 * copy its remaining spending limit back: a session's approved `amount` is not reduced by what
 * add_bid / delegate take from the main purse. The emulator restores the limit likewise.
 */

import type { RuntimeContext } from '../../engine/context';
import { readSortedVec } from '../../types/collections';
import { CLTypes, listType, mapType } from '../../types/cltype';
import { CLValue } from '../../types/clvalue';
import { comparePublicKeys, type PublicKey, readPublicKey } from '../../types/public-key';
import type { RuntimeArgs } from '../../types/runtime-args';
import { bytesEqual } from '../../types/bytes';
import { mintImmediateCaller, SYSTEM_ACCOUNT_HASH } from '../transfer';
import {
  activateBid,
  addBid,
  delegate,
  getEraValidators,
  readEraId,
  redelegate,
  runAuction,
  undelegate,
  withdrawBid,
} from './auction';
import { AuctionError, auctionRevert } from './errors';
import { AuctionRuntime } from './runtime';
import { namedArg } from '../system-call';

/** Genesis of the auction (validators, bids, named keys). */
export { installAuction, type GenesisValidator } from './genesis';
/** Read-only views of the auction's state for tests. */
export { readBids, readBid, readUnbonds, readEraIdFromState } from './queries';

const publicKeyArg = (v: CLValue) => v.asPublicKey();
const u512Arg = (v: CLValue) => v.asU512();
const publicKeyListArg = (v: CLValue) => v.as(listType(CLTypes.PublicKey), (r) => r.vec(readPublicKey));
const rewardFactorsArg = (v: CLValue) =>
  v.as(mapType(CLTypes.PublicKey, CLTypes.U64), (r) =>
    readSortedVec(
      r,
      (x) => {
        const publicKey: PublicKey = readPublicKey(x);
        return { publicKey, factor: x.u64() };
      },
      (a, b) => comparePublicKeys(a.publicKey, b.publicKey),
    ),
  );

/**
 * `Runtime::charge_system_contract_call`: skipped when the immediate caller (the frame under the
 * auction's) is a system contract or the system account's session, and for the system account.
 */
function chargeSystemCost(ctx: RuntimeContext, cost: number): void {
  const caller = mintImmediateCaller(ctx);
  const s = ctx.phase.services.system;
  if (caller && caller.tag !== 0) {
    const hash = caller.contractHash;
    if ([s.mint, s.handlePayment, s.standardPayment, s.auction].some((h) => bytesEqual(h, hash))) return;
  }
  if (caller && caller.tag === 0 && bytesEqual(caller.accountHash, SYSTEM_ACCOUNT_HASH)) return;
  if (bytesEqual(ctx.phase.account.accountHash, SYSTEM_ACCOUNT_HASH)) return;
  ctx.phase.gas.charge(cost);
}

function notEmulated(what: string): Error {
  return new Error(`system contract call not emulated: ${what}`);
}

/**
 * Runs auction entry point `entryPoint` for the caller `ctx` (callee frame already pushed by
 * call_contract) and returns its result: add_bid / withdraw_bid / delegate / undelegate /
 * redelegate → U512 (the stake after the call), activate_bid / run_auction → Unit, read_era_id →
 * U64, get_era_validators → Map(U64, Map(PublicKey, U512)). Failures throw the node's execution
 * error (a Revert with the ApiError, or GasLimit).
 */
export function callAuction(ctx: RuntimeContext, entryPoint: string, args: RuntimeArgs): CLValue {
  const phase = ctx.phase;
  const spendingLimit = phase.spendingLimit;
  try {
    return dispatch(ctx, entryPoint, args);
  } finally {
    phase.spendingLimit = spendingLimit;
  }
}

function dispatch(ctx: RuntimeContext, entryPoint: string, args: RuntimeArgs): CLValue {
  const costs = ctx.phase.services.costs.system_costs.auction_costs;
  switch (entryPoint) {
    case 'get_era_validators': {
      chargeSystemCost(ctx, costs.get_era_validators);
      return getEraValidators(new AuctionRuntime(ctx));
    }
    case 'add_bid': {
      chargeSystemCost(ctx, costs.add_bid);
      const publicKey = namedArg(args, 'public_key', publicKeyArg);
      const delegationRate = namedArg(args, 'delegation_rate', (v) => v.asU8());
      const amount = namedArg(args, 'amount', u512Arg);
      return CLValue.u512(addBid(new AuctionRuntime(ctx), publicKey, delegationRate, amount));
    }
    case 'withdraw_bid': {
      chargeSystemCost(ctx, costs.withdraw_bid);
      const publicKey = namedArg(args, 'public_key', publicKeyArg);
      const amount = namedArg(args, 'amount', u512Arg);
      return CLValue.u512(withdrawBid(new AuctionRuntime(ctx), publicKey, amount));
    }
    case 'delegate': {
      chargeSystemCost(ctx, costs.delegate);
      const delegator = namedArg(args, 'delegator', publicKeyArg);
      const validator = namedArg(args, 'validator', publicKeyArg);
      const amount = namedArg(args, 'amount', u512Arg);
      return CLValue.u512(delegate(new AuctionRuntime(ctx), delegator, validator, amount));
    }
    case 'undelegate': {
      chargeSystemCost(ctx, costs.undelegate);
      const delegator = namedArg(args, 'delegator', publicKeyArg);
      const validator = namedArg(args, 'validator', publicKeyArg);
      const amount = namedArg(args, 'amount', u512Arg);
      return CLValue.u512(undelegate(new AuctionRuntime(ctx), delegator, validator, amount));
    }
    case 'redelegate': {
      chargeSystemCost(ctx, costs.redelegate);
      const delegator = namedArg(args, 'delegator', publicKeyArg);
      const validator = namedArg(args, 'validator', publicKeyArg);
      const amount = namedArg(args, 'amount', u512Arg);
      const newValidator = namedArg(args, 'new_validator', publicKeyArg);
      return CLValue.u512(redelegate(new AuctionRuntime(ctx), delegator, validator, amount, newValidator));
    }
    case 'run_auction': {
      chargeSystemCost(ctx, costs.run_auction);
      const eraEnd = namedArg(args, 'era_end_timestamp_millis', (v) => v.asU64());
      const evicted = namedArg(args, 'evicted_validators', publicKeyListArg);
      const rt = new AuctionRuntime(ctx);
      runAuction(rt, eraEnd, evicted, rt.maxDelegatorsPerValidator());
      return CLValue.unit();
    }
    case 'slash': {
      chargeSystemCost(ctx, costs.slash);
      namedArg(args, 'validator_public_keys', publicKeyListArg);
      if (!new AuctionRuntime(ctx).isSystem()) throw auctionRevert(AuctionError.InvalidCaller);
      throw notEmulated('auction.slash by the system account');
    }
    case 'distribute': {
      chargeSystemCost(ctx, costs.distribute);
      namedArg(args, 'reward_factors', rewardFactorsArg);
      if (!new AuctionRuntime(ctx).isSystem()) throw auctionRevert(AuctionError.InvalidCaller);
      throw notEmulated('auction.distribute by the system account');
    }
    case 'read_era_id': {
      chargeSystemCost(ctx, costs.read_era_id);
      return CLValue.u64(readEraId(new AuctionRuntime(ctx)));
    }
    case 'activate_bid': {
      chargeSystemCost(ctx, costs.activate_bid);
      const validator = namedArg(args, 'validator_public_key', publicKeyArg);
      activateBid(new AuctionRuntime(ctx), validator);
      return CLValue.unit();
    }
    default:
      // call_contract only reaches entry points of the stored auction contract; the node's
      // fallthrough arm returns Unit.
      return CLValue.unit();
  }
}
