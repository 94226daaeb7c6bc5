// redelegate: moves `amount` motes of `delegator`'s delegation from `validator` to
// `new_validator` (the caller's own key). Like undelegate, but when the request matures (8 era
// ends later) the motes become a delegation to `new_validator` if it then has a bid with a
// non-zero stake and room for the delegator; otherwise they go back to the main purse.
//
// Args:    delegator: PublicKey, validator: PublicKey, amount: U512, new_validator: PublicKey
// Changes: the delegator's stake with `validator` −amount (removed at 0); an UnbondingPurse with
//          new_validator appended at Key::Unbond(validator's account hash).
// Errors:  MissingArgument (2), InvalidArgument (3), AuctionError: InvalidContext (64526),
//          DelegationAmountTooSmall (64557), ValidatorNotFound (64519), DelegatorNotFound (64520),
//          UnbondTooLarge (64532).
// Mirrors casper-node smart_contracts/contracts/client/redelegate.

import { PublicKey, runtime, system, U512 } from '../assembly';

const ARG_AMOUNT = 'amount';
const ARG_DELEGATOR = 'delegator';
const ARG_VALIDATOR = 'validator';
const ARG_NEW_VALIDATOR = 'new_validator';

/** Session entry point. */
export function call(): void {
  const delegator = runtime.getNamedArg<PublicKey>(ARG_DELEGATOR);
  const validator = runtime.getNamedArg<PublicKey>(ARG_VALIDATOR);
  const amount = runtime.getNamedArg<U512>(ARG_AMOUNT);
  const newValidator = runtime.getNamedArg<PublicKey>(ARG_NEW_VALIDATOR);
  system.redelegate(delegator, validator, amount, newValidator);
}
