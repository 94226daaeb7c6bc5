// create-purse: creates a new purse, funds it with `amount` motes from the caller's main purse
// and stores it under the caller's named key `name` (replacing a key of that name, as Rust's
// `put_key` does).
//
// Args:    name: String, amount: U512 (0: the purse stays empty, no transfer)
// Changes: a new purse (READ_ADD_WRITE) under named key `name`; the main purse −amount, the new
//          purse +amount, a Transfer record.
// Errors:  MissingArgument (2), InvalidArgument (3), Mint(InsufficientFunds) (65024).
// Mirrors casper-node smart_contracts/contracts/test/create-purse-01 (create_purse, put_key)
// followed by the funding of client/transfer-to-named-purse.

import { account, Key, runtime, system, U512 } from '../assembly';

const ARG_NAME = 'name';
const ARG_AMOUNT = 'amount';

/** Session entry point. */
export function call(): void {
  const purseName = runtime.getNamedArg<string>(ARG_NAME);
  const purse = system.createPurse();
  runtime.putKey(purseName, Key.fromURef(purse));
  const amount = runtime.getNamedArg<U512>(ARG_AMOUNT);
  const sourcePurse = account.getMainPurse();
  if (!amount.isZero()) {
    system.transferFromPurseToPurseOrRevert(sourcePurse, purse, amount);
  }
}
