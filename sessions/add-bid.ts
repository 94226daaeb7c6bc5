// add-bid: bonds `amount` motes from the caller's main purse as a validator bid of `public_key`
// (the caller's own key) at `delegation_rate` percent; tops up (and re-activates) an existing bid.
//
// Args:    public_key: PublicKey, amount: U512, delegation_rate: U8
// Changes: the caller's main purse −amount; Key::Bid(account hash) created (unlocked, new bonding
//          purse) or its stake +amount with the new rate; the bonding purse +amount; a Transfer
//          record (to the system account).
// Errors:  MissingArgument (2), InvalidArgument (3), AuctionError: BondTooSmall (64533, amount 0),
//          DelegationRateTooLarge (64549, rate > 100), InvalidContext (64526);
//          Mint(InsufficientFunds) (65024), Mint(UnapprovedSpendingAmount) (65045).
// Mirrors casper-node smart_contracts/contracts/client/add-bid.

import { PublicKey, runtime, system, U512 } from '../assembly';

const ARG_AMOUNT = 'amount';
const ARG_DELEGATION_RATE = 'delegation_rate';
const ARG_PUBLIC_KEY = 'public_key';

/** Session entry point. */
export function call(): void {
  const publicKey = runtime.getNamedArg<PublicKey>(ARG_PUBLIC_KEY);
  const bondAmount = runtime.getNamedArg<U512>(ARG_AMOUNT);
  const delegationRate = runtime.getNamedArg<u8>(ARG_DELEGATION_RATE);

  system.addBid(publicKey, bondAmount, delegationRate);
}
