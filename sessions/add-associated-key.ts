// add-associated-key: associates the account `associated_key` with the caller's account, with
// weight `weight`. Needs the deploy's keys to reach the key-management threshold.
//
// Args:    associated_key: AccountHash (ByteArray 32), weight: u8
// Changes: the caller's associated keys gain `associated_key` → `weight`.
// Errors:  MissingArgument (2), InvalidArgument (3), MaxKeysLimit (21), DuplicateKey (22),
//          PermissionDenied (23).
// Mirrors casper-node smart_contracts/contracts/test/add-associated-key (there the argument is
// called `account`).

import { account, AccountHash, runtime } from '../assembly';

const ARG_ASSOCIATED_KEY = 'associated_key';
const ARG_WEIGHT = 'weight';

/** Session entry point. */
export function call(): void {
  const associatedKey = runtime.getNamedArg<AccountHash>(ARG_ASSOCIATED_KEY);
  const weight = runtime.getNamedArg<u8>(ARG_WEIGHT);
  account.addAssociatedKeyOrRevert(associatedKey, weight);
}
