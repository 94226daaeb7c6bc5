// withdraw-bid: unbonds `amount` motes of the validator bid of `public_key` (the caller's own
// key). The motes reach the main purse when the request matures (8 era ends later). Withdrawing
// the whole stake also unbonds every delegator and leaves the bid inactive.
//
// Args:    public_key: PublicKey, amount: U512
// Changes: the bid's stake −amount; an UnbondingPurse at Key::Unbond(account hash) (plus one per
//          delegator when the stake reaches 0, which also clears the delegators and sets inactive).
// Errors:  MissingArgument (2), InvalidArgument (3), AuctionError: InvalidContext (64526),
//          ValidatorNotFound (64519), UnbondTooLarge (64532), ValidatorFundsLocked (64527).
// Mirrors casper-node smart_contracts/contracts/client/withdraw-bid.

import { PublicKey, runtime, system, U512 } from '../assembly';

const ARG_PUBLIC_KEY = 'public_key';
const ARG_AMOUNT = 'amount';

/** Session entry point. */
export function call(): void {
  const publicKey = runtime.getNamedArg<PublicKey>(ARG_PUBLIC_KEY);
  const amount = runtime.getNamedArg<U512>(ARG_AMOUNT);
  system.withdrawBid(publicKey, amount);
}
