// keys-manager: installs a locked contract whose entry points manage the caller's associated
// keys and action thresholds. They are of type Session, so they run in the account of whoever
// calls them (a StoredContractByName deploy naming `keys_manager`) and act on that account.
//
// Args (installation): none.
// Changes (installation): a locked contract package and its contract (entry points below); the
//   caller's named keys `keys_manager` → Key::Hash(contract hash) and `keys_manager_hash` → a
//   new URef holding the contract hash (ByteArray 32).
// Entry points (all return Unit; weight 0 removes a key, if present):
//   set_key_weight(account: PublicKey, weight: u8)       add, update or remove one key
//   set_deployment_threshold(weight: u8)
//   set_key_management_threshold(weight: u8)
//   set_all(deployment_thereshold: u8, key_management_threshold: u8,
//           accounts: List<PublicKey>, weights: List<u8>) keys first, then key management, then
//                                                         deployment threshold
// Errors: MissingArgument (2), InvalidArgument (3), and the keys-manager's own User errors:
//   PermissionDenied User(2) = 65538, ThresholdViolation User(3) = 65539, MaxKeysLimit User(4)
//   = 65540, DuplicateKey User(5) = 65541, KeyManagementThreshold User(6) = 65542,
//   DeploymentThreshold User(7) = 65543, InsufficientTotalWeight User(8) = 65544.
// Mirrors casper-ecosystem/keys-manager (master) contract/src/main.rs and errors.rs: argument
// names (including the `deployment_thereshold` spelling), types, order of operations and errors.

import {
  account,
  AccountHash,
  ApiError,
  EntryPoint,
  EntryPointAccess,
  EntryPoints,
  EntryPointType,
  Key,
  Parameter,
  PublicKey,
  revert,
  runtime,
  storage,
  Unit,
} from '../assembly';
import { clTypeBytes } from '../assembly/cltype';

const ARG_ACCOUNT = 'account';
const ARG_WEIGHT = 'weight';
const ARG_ACCOUNTS = 'accounts';
const ARG_WEIGHTS = 'weights';
const ARG_DEPLOYMENT_THRESHOLD = 'deployment_thereshold';
const ARG_KEY_MANAGEMENT_THRESHOLD = 'key_management_threshold';

/** The keys-manager's errors (errors.rs), reverted as ApiError::User(n). */
namespace Error {
  /** The deploy's keys do not reach the key-management threshold. */
  export const PermissionDenied: u16 = 2;
  /** Removing or lowering a key would leave less weight than a threshold. */
  export const ThresholdViolation: u16 = 3;
  /** The account already has the maximum number of keys. */
  export const MaxKeysLimit: u16 = 4;
  /** The key is already associated (unreachable: update is tried first). */
  export const DuplicateKey: u16 = 5;
  /** Key management may not be set below deployment. */
  export const KeyManagementThreshold: u16 = 6;
  /** Deployment may not be set above key management. */
  export const DeploymentThreshold: u16 = 7;
  /** A threshold above the total weight of the keys. */
  export const InsufficientTotalWeight: u16 = 8;
}

/** Entry point: sets the weight of `account`'s key (0 removes it). */
export function set_key_weight(): void {
  const key = runtime.getNamedArg<PublicKey>(ARG_ACCOUNT);
  const weight = runtime.getNamedArg<u8>(ARG_WEIGHT);
  updateKeyWeight(key.toAccountHash(), weight);
}

/** Entry point: sets the deployment threshold. */
export function set_deployment_threshold(): void {
  const threshold = runtime.getNamedArg<u8>(ARG_WEIGHT);
  unwrapOrRevert(setThreshold(account.ActionType.Deployment, threshold));
}

/** Entry point: sets the key-management threshold. */
export function set_key_management_threshold(): void {
  const threshold = runtime.getNamedArg<u8>(ARG_WEIGHT);
  unwrapOrRevert(setThreshold(account.ActionType.KeyManagement, threshold));
}

/** Entry point: sets the weights of `accounts`, then both thresholds. */
export function set_all(): void {
  const deploymentThereshold = runtime.getNamedArg<u8>(ARG_DEPLOYMENT_THRESHOLD);
  const keyManagementThreshold = runtime.getNamedArg<u8>(ARG_KEY_MANAGEMENT_THRESHOLD);
  const accounts = runtime.getNamedArg<Array<PublicKey>>(ARG_ACCOUNTS);
  const weights = runtime.getNamedArg<Array<u8>>(ARG_WEIGHTS);
  // Rust's `accounts.into_iter().zip(weights)`: as many pairs as the shorter list has.
  for (let i = 0; i < accounts.length && i < weights.length; i++) {
    updateKeyWeight(unchecked(accounts[i]).toAccountHash(), unchecked(weights[i]));
  }
  unwrapOrRevert(setThreshold(account.ActionType.KeyManagement, keyManagementThreshold));
  unwrapOrRevert(setThreshold(account.ActionType.Deployment, deploymentThereshold));
}

/** Installation: stores the locked contract and the two named keys. */
export function call(): void {
  const entryPoints = new EntryPoints();
  entryPoints.addEntryPoint(
    new EntryPoint(
      'set_key_weight',
      [Parameter.of<PublicKey>(ARG_ACCOUNT), Parameter.of<u8>(ARG_WEIGHT)],
      clTypeBytes<Unit>(),
      EntryPointAccess.public(),
      EntryPointType.Session,
    ),
  );
  entryPoints.addEntryPoint(
    new EntryPoint(
      'set_deployment_threshold',
      [Parameter.of<u8>(ARG_WEIGHT)],
      clTypeBytes<Unit>(),
      EntryPointAccess.public(),
      EntryPointType.Session,
    ),
  );
  entryPoints.addEntryPoint(
    new EntryPoint(
      'set_key_management_threshold',
      [Parameter.of<u8>(ARG_WEIGHT)],
      clTypeBytes<Unit>(),
      EntryPointAccess.public(),
      EntryPointType.Session,
    ),
  );
  entryPoints.addEntryPoint(
    new EntryPoint(
      'set_all',
      [
        Parameter.of<u8>(ARG_DEPLOYMENT_THRESHOLD),
        Parameter.of<u8>(ARG_KEY_MANAGEMENT_THRESHOLD),
        Parameter.of<Array<PublicKey>>(ARG_ACCOUNTS),
        Parameter.of<Array<u8>>(ARG_WEIGHTS),
      ],
      clTypeBytes<Unit>(),
      EntryPointAccess.public(),
      EntryPointType.Session,
    ),
  );

  const contract = storage.newLockedContract(entryPoints);
  runtime.putKey('keys_manager', Key.fromContractHash(contract.contractHash));
  runtime.putKey('keys_manager_hash', Key.fromURef(storage.newURef(contract.contractHash)));
}

/** Reverts with User(error) unless error is 0 (Rust's `Result<(), Error>::unwrap_or_revert`). */
function unwrapOrRevert(error: u16): void {
  if (error != 0) revert(ApiError.user(error));
}

function updateKeyWeight(accountHash: AccountHash, weight: u8): void {
  if (weight == 0) {
    unwrapOrRevert(removeKeyIfExists(accountHash));
  } else {
    unwrapOrRevert(addOrUpdateKey(accountHash, weight));
  }
}

function setThreshold(actionType: u32, threshold: u8): u16 {
  const f = account.setActionThreshold(actionType, threshold);
  if (f == account.SetThresholdFailure.KeyManagementThreshold) return Error.KeyManagementThreshold;
  if (f == account.SetThresholdFailure.DeploymentThreshold) return Error.DeploymentThreshold;
  if (f == account.SetThresholdFailure.PermissionDeniedError) return Error.PermissionDenied;
  if (f == account.SetThresholdFailure.InsufficientTotalWeight) return Error.InsufficientTotalWeight;
  return 0;
}

function addOrUpdateKey(key: AccountHash, weight: u8): u16 {
  const f = account.updateAssociatedKey(key, weight);
  if (f == account.UpdateKeyFailure.MissingKey) return addKey(key, weight);
  if (f == account.UpdateKeyFailure.PermissionDenied) return Error.PermissionDenied;
  if (f == account.UpdateKeyFailure.ThresholdViolation) return Error.ThresholdViolation;
  return 0;
}

function addKey(key: AccountHash, weight: u8): u16 {
  const f = account.addAssociatedKey(key, weight);
  if (f == account.AddKeyFailure.MaxKeysLimit) return Error.MaxKeysLimit;
  if (f == account.AddKeyFailure.DuplicateKey) return Error.DuplicateKey;
  if (f == account.AddKeyFailure.PermissionDenied) return Error.PermissionDenied;
  return 0;
}

function removeKeyIfExists(key: AccountHash): u16 {
  const f = account.removeAssociatedKey(key);
  if (f == account.RemoveKeyFailure.PermissionDenied) return Error.PermissionDenied;
  if (f == account.RemoveKeyFailure.ThresholdViolation) return Error.ThresholdViolation;
  return 0; // Ok, or MissingKey (nothing to remove)
}
