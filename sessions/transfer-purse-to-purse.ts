// transfer-purse-to-purse: transfers `amount` motes from the caller's main purse to the purse
// `target_purse`, which must be a purse the caller's context holds (one of its named keys).
//
// Args:    target_purse: URef (the caller's URef, with ADD rights), amount: U512
// Changes: the main purse −amount, the target purse +amount, a Transfer record.
// Errors:  MissingArgument (2), InvalidArgument (3), Mint(InsufficientFunds) (65024),
//          Mint(DestNotFound) (65026) when the URef is not a purse, Mint(InvalidAccessRights)
//          (65028) when it lacks ADD; a URef the caller does not hold is a ForgedReference.
// Mirrors the transfer of casper-node smart_contracts/contracts/client/transfer-to-named-purse
// (main purse → purse, `unwrap_or_revert`), with the target purse given as an argument.

import { account, runtime, system, U512, URef } from '../assembly';

const ARG_TARGET_PURSE = 'target_purse';
const ARG_AMOUNT = 'amount';

/** Session entry point. */
export function call(): void {
  const targetPurse = runtime.getNamedArg<URef>(ARG_TARGET_PURSE);
  const amount = runtime.getNamedArg<U512>(ARG_AMOUNT);
  const sourcePurse = account.getMainPurse();
  system.transferFromPurseToPurseOrRevert(sourcePurse, targetPurse, amount);
}
