// counter-install: installs the Casper docs' counter contract, version 1 of an upgradable
// package. Entry points (type Contract, public): `counter_inc` adds 1 to the contract's i32
// named URef `count`; `counter_get` returns it (I32).
//
// Args:    none.
// Changes: a contract package and its contract, with the contract named key `count` → a new
//          URef holding 0i32; the caller's named keys `counter_package_name` → the package hash,
//          `counter_access_uref` → the package's access URef, `version` → a new URef holding the
//          contract version (u32 1) and `counter` → Key::Hash(contract hash).
// Errors:  counter_inc / counter_get revert MissingKey (24) without `count`, UnexpectedKeyVariant
//          (9) if it is not a URef; counter_get Read (5) / ValueNotFound (6) if it cannot read it.
// Mirrors casper-node v1.5.6 smart_contracts/contracts/tutorial/counter-installer (the docs'
// counter-define).

import {
  ApiError,
  CLValue,
  EntryPoint,
  EntryPointAccess,
  EntryPoints,
  EntryPointType,
  Key,
  NamedKeys,
  revert,
  runtime,
  storage,
  Unit,
  URef,
} from '../assembly';
import { clTypeBytes } from '../assembly/cltype';

const COUNT_KEY = 'count';
const COUNTER_INC = 'counter_inc';
const COUNTER_GET = 'counter_get';
const COUNTER_KEY = 'counter';
const CONTRACT_VERSION_KEY = 'version';

/** The URef under the contract's named key `count`. */
function countURef(): URef {
  const uref = runtime.getKeyOrRevert(COUNT_KEY).toURef();
  if (uref === null) revert(ApiError.UnexpectedKeyVariant);
  return changetype<URef>(uref);
}

/** Entry point: increments the count by 1. */
export function counter_inc(): void {
  const uref = countURef();
  storage.add<i32>(uref, 1);
}

/** Entry point: returns the count (I32). */
export function counter_get(): void {
  const uref = countURef();
  const result = storage.readOrRevert<i32>(uref);
  const typedResult = CLValue.from<i32>(result);
  runtime.ret(typedResult);
}

/** Installation. */
export function call(): void {
  // Initialize counter to 0.
  const counterLocalKey = storage.newURef<i32>(0);

  // Create initial named keys of the contract.
  const counterNamedKeys = new NamedKeys();
  counterNamedKeys.insert(COUNT_KEY, Key.fromURef(counterLocalKey));

  // Create entry points to get the counter value and to increment the counter by 1.
  const counterEntryPoints = new EntryPoints();
  counterEntryPoints.addEntryPoint(
    new EntryPoint(COUNTER_INC, [], clTypeBytes<Unit>(), EntryPointAccess.public(), EntryPointType.Contract),
  );
  counterEntryPoints.addEntryPoint(
    new EntryPoint(COUNTER_GET, [], clTypeBytes<i32>(), EntryPointAccess.public(), EntryPointType.Contract),
  );

  const installed = storage.newContract(
    counterEntryPoints,
    counterNamedKeys,
    'counter_package_name',
    'counter_access_uref',
  );

  // The current version of the contract will be reachable through named keys.
  const versionURef = storage.newURef<u32>(installed.version);
  runtime.putKey(CONTRACT_VERSION_KEY, Key.fromURef(versionURef));

  // Hash of the installed contract will be reachable through named keys.
  runtime.putKey(COUNTER_KEY, Key.fromContractHash(installed.contractHash));
}
