// transfer-to-public-key: transfers `amount` motes from the caller's main purse to the account
// of public key `target` (creating that account if it does not exist yet).
//
// Args:    target: PublicKey, amount: U512
// Changes: the caller's main purse −amount, the target's main purse +amount, a Transfer record.
// Errors:  MissingArgument (2), InvalidArgument (3), Mint(InsufficientFunds) (65024), …
// Mirrors casper-node smart_contracts/contracts/client/transfer-to-public-key.

import { PublicKey, runtime, system, U512 } from '../assembly';

const ARG_TARGET = 'target';
const ARG_AMOUNT = 'amount';

/** Session entry point. */
export function call(): void {
  const accountHash = runtime.getNamedArg<PublicKey>(ARG_TARGET);
  const transferAmount = runtime.getNamedArg<U512>(ARG_AMOUNT);
  system.transferToPublicKeyOrRevert(accountHash, transferAmount);
}
