// counter-call: calls the counter contract installed by counter-install (the caller's named key
// `counter`): reads the count, increments it, reads it again, and reverts unless it went up by
// exactly one.
//
// Args:    none.
// Changes: the contract's `count` +1 (through counter_inc).
// Errors:  GetKey (8) without a named key `counter`; User(66) (65602) if it is not a Key::Hash;
//          User(67) (65603) if the count did not go up by one; what the contract reverts with;
//          the node's errors for a missing contract or entry point.
// Mirrors casper-node v1.5.6 smart_contracts/contracts/tutorial/increment-counter (the docs'
// counter-call).

import { ApiError, ContractHash, Key, revert, runtime, RuntimeArgs, Unit } from '../assembly';

const COUNTER_KEY = 'counter';
const COUNTER_INC = 'counter_inc';
const COUNTER_GET = 'counter_get';

/** Session entry point. */
export function call(): void {
  // Read the Counter smart contract's ContractHash.
  const counterKey = runtime.getKey(COUNTER_KEY);
  if (counterKey === null) revert(ApiError.GetKey);
  const hash = changetype<Key>(counterKey).toHash();
  if (hash === null) revert(ApiError.user(66));
  const contractHash = new ContractHash(changetype<StaticArray<u8>>(hash));

  // Call Counter to get the current value.
  const currentCounterValue = runtime.callContract<u32>(contractHash, COUNTER_GET, new RuntimeArgs());

  // Call Counter to increment the value.
  runtime.callContract<Unit>(contractHash, COUNTER_INC, new RuntimeArgs());

  // Call Counter to get the new value.
  const newCounterValue = runtime.callContract<u32>(contractHash, COUNTER_GET, new RuntimeArgs());

  // Expect counter to increment by one.
  if (newCounterValue - currentCounterValue != 1) revert(ApiError.user(67));
}
