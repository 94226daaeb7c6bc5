// undelegate: withdraws `amount` motes of `delegator`'s delegation to `validator` (the caller's
// own key). The motes stay in the delegation's bonding purse until the unbonding request matures
// (unbonding_delay + 1 = 8 era ends later), then go to the delegator's main purse.
//
// Args:    delegator: PublicKey, validator: PublicKey, amount: U512
// Changes: the delegator's stake in the validator's Bid −amount (the entry is removed at 0); an
//          UnbondingPurse (era of creation = now, no new validator) appended at
//          Key::Unbond(validator's account hash).
// Errors:  MissingArgument (2), InvalidArgument (3), AuctionError: InvalidContext (64526),
//          ValidatorNotFound (64519), DelegatorNotFound (64520), UnbondTooLarge (64532).
// Mirrors casper-node smart_contracts/contracts/client/undelegate.

import { PublicKey, runtime, system, U512 } from '../assembly';

const ARG_AMOUNT = 'amount';
const ARG_DELEGATOR = 'delegator';
const ARG_VALIDATOR = 'validator';

/** Session entry point. */
export function call(): void {
  const delegator = runtime.getNamedArg<PublicKey>(ARG_DELEGATOR);
  const validator = runtime.getNamedArg<PublicKey>(ARG_VALIDATOR);
  const amount = runtime.getNamedArg<U512>(ARG_AMOUNT);
  system.undelegate(delegator, validator, amount);
}
