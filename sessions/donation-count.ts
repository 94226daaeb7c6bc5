// donation-count: asks a fundraiser contract how many times `donating_account_key` donated and
// stores the answer in a new URef under the caller's named key `donation_count`.
//
// Args:    fundraiser_contract_hash: ContractHash (ByteArray 32), donating_account_key: Key
// Changes: a new URef holding the u64 count; named key `donation_count` → that URef.
// Errors:  MissingArgument (2), InvalidArgument (3), and whatever the contract reverts with.
// Mirrors the Casper docs' "calling contracts" session example.

import { ContractHash, Key, RuntimeArgs, runtime, storage } from '../assembly';

const ARG_FUNDRAISER_CONTRACT_HASH = 'fundraiser_contract_hash';
const ARG_DONATING_ACCOUNT_KEY = 'donating_account_key';
const ENTRY_POINT_GET_DONATION_COUNT = 'get_donation_count';
const NAMED_KEY_DONATION_COUNT = 'donation_count';

/** Session entry point. */
export function call(): void {
  const fundraiserContractHash = runtime.getNamedArg<ContractHash>(ARG_FUNDRAISER_CONTRACT_HASH);
  const donatingAccountKey = runtime.getNamedArg<Key>(ARG_DONATING_ACCOUNT_KEY);
  const donationCount = runtime.callContract<u64>(
    fundraiserContractHash,
    ENTRY_POINT_GET_DONATION_COUNT,
    new RuntimeArgs().insert<Key>(ARG_DONATING_ACCOUNT_KEY, donatingAccountKey),
  );
  const donationCountURef = storage.newURef<u64>(donationCount);
  runtime.putKey(NAMED_KEY_DONATION_COUNT, Key.fromURef(donationCountURef));
}
