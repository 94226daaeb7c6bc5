/**
 * The mint's state (execution_engine `system/mint.rs`): a purse is a Unit value under
 * Key::URef(addr) and a U512 balance under Key::Balance(addr). Transfers and their checks are in
 * `transfer.ts`; this file holds what every caller needs: create a purse, read and write
 * balances.
 */

import type { AddressGenerator } from '../state/address-generator';
import type { TrackingCopy } from '../state/tracking-copy';
import { CLValue } from '../types/clvalue';
import { balanceKey, urefKey } from '../types/key';
import { storedCLValue } from '../types/stored-value';
import { AccessRights, newURef, type URef } from '../types/uref';

/** Creates a purse (READ_ADD_WRITE) holding `balance` motes. */
export function createPurse(tc: TrackingCopy, rng: AddressGenerator, balance = 0n): URef {
  const purse = newURef(rng.createAddress(), AccessRights.READ_ADD_WRITE);
  tc.write(urefKey(purse), storedCLValue(CLValue.unit()));
  tc.write(balanceKey(purse.addr), storedCLValue(CLValue.u512(balance)));
  return purse;
}

/** The balance of the purse at `addr`, or undefined if it is not a purse. */
export function purseBalance(tc: TrackingCopy, addr: Uint8Array, record = true): bigint | undefined {
  const key = balanceKey(addr);
  const v = record ? tc.read(key) : tc.peek(key);
  if (!v || v.tag !== 0) return undefined;
  const r = v.clValue.asU512();
  return r.ok ? r.value : undefined;
}

/** Sets the balance of the purse at `addr`. */
export function setPurseBalance(tc: TrackingCopy, addr: Uint8Array, balance: bigint): void {
  tc.write(balanceKey(addr), storedCLValue(CLValue.u512(balance)));
}
