// contract_api::account, camelCased: the main purse, associated keys and action thresholds.
// The management calls return the node's raw failure value (0 = Ok), exactly the Rust SDK's
// `Result<(), XFailure>`; the `…OrRevert` variants revert with the ApiError the Rust SDK's
// `unwrap_or_revert` gives.

import { fromBytesAt } from './bytesrepr';
import { ApiError, revert } from './error';
import {
  casper_add_associated_key,
  casper_get_main_purse,
  casper_remove_associated_key,
  casper_set_action_threshold,
  casper_update_associated_key,
} from './externals';
import { AccountHash } from './hashes';
import { URef } from './uref';

/** Result of addAssociatedKey (casper-types `AddKeyFailure`). */
export namespace AddKeyFailure {
  /** Success. */
  export const Ok: u32 = 0;
  /** The account already has the maximum number of associated keys (100). */
  export const MaxKeysLimit: u32 = 1;
  /** The key is already associated. */
  export const DuplicateKey: u32 = 2;
  /** The deploy's keys do not reach the key-management threshold. */
  export const PermissionDenied: u32 = 3;
}

/** Result of removeAssociatedKey (casper-types `RemoveKeyFailure`). */
export namespace RemoveKeyFailure {
  /** Success. */
  export const Ok: u32 = 0;
  /** The key is not associated. */
  export const MissingKey: u32 = 1;
  /** The deploy's keys do not reach the key-management threshold. */
  export const PermissionDenied: u32 = 2;
  /** The remaining weight would fall below a threshold. */
  export const ThresholdViolation: u32 = 3;
}

/** Result of updateAssociatedKey (casper-types `UpdateKeyFailure`). */
export namespace UpdateKeyFailure {
  /** Success. */
  export const Ok: u32 = 0;
  /** The key is not associated. */
  export const MissingKey: u32 = 1;
  /** The deploy's keys do not reach the key-management threshold. */
  export const PermissionDenied: u32 = 2;
  /** The new weight would leave the total below a threshold. */
  export const ThresholdViolation: u32 = 3;
}

/** Result of setActionThreshold (casper-types `SetThresholdFailure`). */
export namespace SetThresholdFailure {
  /** Success. */
  export const Ok: u32 = 0;
  /** The key-management threshold may not be below the deployment threshold. */
  export const KeyManagementThreshold: u32 = 1;
  /** The deployment threshold may not exceed the key-management threshold. */
  export const DeploymentThreshold: u32 = 2;
  /** The deploy's keys do not reach the key-management threshold. */
  export const PermissionDeniedError: u32 = 3;
  /** The threshold exceeds the total weight of the account's keys. */
  export const InsufficientTotalWeight: u32 = 4;
}

/** Which threshold setActionThreshold sets (casper-types `ActionType`). */
export namespace ActionType {
  /** Threshold for deploying. */
  export const Deployment: u32 = 0;
  /** Threshold for managing keys and thresholds. */
  export const KeyManagement: u32 = 1;
}

/** The account's main purse (READ_ADD_WRITE in session code). */
export function getMainPurse(): URef {
  const out = heap.alloc(33);
  casper_get_main_purse(out);
  const r = fromBytesAt<URef>(out, 33);
  if (r.error != 0) revert(r.error);
  return r.value;
}

/** Associates `accountHash` with `weight`; returns an AddKeyFailure value (0 = Ok). */
export function addAssociatedKey(accountHash: AccountHash, weight: u8): u32 {
  return <u32>casper_add_associated_key(changetype<usize>(accountHash.bytes), 32, weight);
}

/** Associates a key, reverting with MaxKeysLimit (21), DuplicateKey (22) or PermissionDenied (23). */
export function addAssociatedKeyOrRevert(accountHash: AccountHash, weight: u8): void {
  const f = addAssociatedKey(accountHash, weight);
  if (f != 0) revert(f + (ApiError.MaxKeysLimit - 1));
}

/** Removes an associated key; returns a RemoveKeyFailure value (0 = Ok). */
export function removeAssociatedKey(accountHash: AccountHash): u32 {
  return <u32>casper_remove_associated_key(changetype<usize>(accountHash.bytes), 32);
}

/** Maps Remove/UpdateKeyFailure 1/2/3 to MissingKey (24) / PermissionDenied (23) / ThresholdViolation (25). */
function keyFailureError(f: u32): u32 {
  return f == 1 ? ApiError.MissingKey : f == 2 ? ApiError.PermissionDenied : ApiError.ThresholdViolation;
}

/** Removes an associated key, reverting with MissingKey (24), PermissionDenied (23) or ThresholdViolation (25). */
export function removeAssociatedKeyOrRevert(accountHash: AccountHash): void {
  const f = removeAssociatedKey(accountHash);
  if (f != 0) revert(keyFailureError(f));
}

/** Changes an associated key's weight; returns an UpdateKeyFailure value (0 = Ok). */
export function updateAssociatedKey(accountHash: AccountHash, weight: u8): u32 {
  return <u32>casper_update_associated_key(changetype<usize>(accountHash.bytes), 32, weight);
}

/** Changes a key's weight, reverting with MissingKey (24), PermissionDenied (23) or ThresholdViolation (25). */
export function updateAssociatedKeyOrRevert(accountHash: AccountHash, weight: u8): void {
  const f = updateAssociatedKey(accountHash, weight);
  if (f != 0) revert(keyFailureError(f));
}

/** Sets the deployment or key-management threshold; returns a SetThresholdFailure value (0 = Ok). */
export function setActionThreshold(actionType: u32, threshold: u8): u32 {
  return <u32>casper_set_action_threshold(actionType, threshold);
}

/**
 * Sets a threshold, reverting with KeyManagementThreshold (26), DeploymentThreshold (27),
 * PermissionDenied (23) or InsufficientTotalWeight (28).
 */
export function setActionThresholdOrRevert(actionType: u32, threshold: u8): void {
  const f = setActionThreshold(actionType, threshold);
  if (f == 0) return;
  revert(
    f == 1
      ? ApiError.KeyManagementThreshold
      : f == 2
        ? ApiError.DeploymentThreshold
        : f == 3
          ? ApiError.PermissionDenied
          : ApiError.InsufficientTotalWeight,
  );
}
