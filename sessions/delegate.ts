// delegate: delegates `amount` motes from the caller's main purse to the validator `validator`,
// on behalf of `delegator` (the caller's own public key: the auction checks it).
//
// Args:    delegator: PublicKey, validator: PublicKey, amount: U512
// Changes: the caller's main purse −amount; in the validator's Bid, the delegator's entry is
//          created (with a new bonding purse) or topped up, its bonding purse +amount; a Transfer
//          record (main purse → bonding purse, to the system account).
// Errors:  MissingArgument (2), InvalidArgument (3), AuctionError: InvalidContext (64526),
//          ValidatorNotFound (64519), BondTooSmall (64533), ExceededDelegatorSizeLimit (64555),
//          DelegationAmountTooSmall (64557, below 500 CSPR); Mint(InsufficientFunds) (65024),
//          Mint(UnapprovedSpendingAmount) (65045, above the deploy's `amount`).
// Mirrors casper-node smart_contracts/contracts/client/delegate.

import { PublicKey, runtime, system, U512 } from '../assembly';

const ARG_AMOUNT = 'amount';

const ARG_VALIDATOR = 'validator';
const ARG_DELEGATOR = 'delegator';

/** Session entry point. */
export function call(): void {
  const delegator = runtime.getNamedArg<PublicKey>(ARG_DELEGATOR);
  const validator = runtime.getNamedArg<PublicKey>(ARG_VALIDATOR);
  const amount = runtime.getNamedArg<U512>(ARG_AMOUNT);

  system.delegate(delegator, validator, amount);
}
