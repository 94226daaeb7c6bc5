/**
 * The deploy account: associated keys and action thresholds, caller, main purse and
 * authorization keys (execution_engine runtime `add_associated_key`, `remove_associated_key`,
 * `update_associated_key`, `set_action_threshold`, `can_manage_keys`, `get_caller`,
 * `get_main_purse`, `load_authorization_keys`; runtime_context and `types/src/account.rs`;
 * casper-vm1-abi.md §3.5). Public-chain rules only (no chainspec administrators).
 */

import type { RuntimeContext } from '../engine/context';
import { executionError, interpreterError } from '../engine/errors';
import type { Account, AssociatedKey } from '../types/account';
import { bytesEqual, compareBytes } from '../types/bytes';
import { CLTypes } from '../types/cltype';
import { CLValue } from '../types/clvalue';
import { accountKey, decodeAccountHash, keyToFormattedString } from '../types/key';
import { encodeURef } from '../types/uref';
import { chargeHost, chargeStorage, type HostHandlers, unwrapDecode } from './handler';

/** AddKeyFailure. */
const ADD_MAX_KEYS_LIMIT = 1;
const ADD_DUPLICATE_KEY = 2;
const ADD_PERMISSION_DENIED = 3;
/** RemoveKeyFailure / UpdateKeyFailure. */
const MISSING_KEY = 1;
const PERMISSION_DENIED = 2;
const THRESHOLD_VIOLATION = 3;
/** SetThresholdFailure. */
const KEY_MANAGEMENT_THRESHOLD = 1;
const DEPLOYMENT_THRESHOLD = 2;
const SET_PERMISSION_DENIED = 3;
const INSUFFICIENT_TOTAL_WEIGHT = 4;

const HOST_BUFFER_FULL = 34;

/** A `u8` Wasm argument: wasmi refuses an i32 outside 0..255 before the host function runs. */
function u8Arg(v: number): number {
  if (v < 0 || v > 255) throw interpreterError('trap: Code(UnexpectedSignature)');
  return v;
}

/** Σ weights (saturating u8) of the keys of `keys` that pass `filter`. */
function weightOf(keys: readonly AssociatedKey[], filter: (k: AssociatedKey) => boolean): number {
  let total = 0;
  for (const k of keys) if (filter(k)) total = Math.min(255, total + k.weight);
  return total;
}

/** `can_manage_keys` (public chain): the deploy's approvals, weighed by the account as loaded. */
function canManageKeys(ctx: RuntimeContext): boolean {
  const account = ctx.phase.account;
  const auth = ctx.phase.authorizationKeys;
  const weight = weightOf(account.associatedKeys, (k) => auth.some((a) => bytesEqual(a, k.accountHash)));
  return weight >= account.actionThresholds.keyManagement;
}

/** `read_gs_typed::<Account>` of the deploy account's current record. */
function readCurrentAccount(ctx: RuntimeContext): Account {
  const key = accountKey(ctx.phase.account.accountHash);
  const stored = ctx.phase.tc.read(key);
  if (!stored) throw executionError('KeyNotFound', `Key ${keyToFormattedString(key)} not found`);
  if (stored.tag !== 1)
    throw executionError('FunctionNotFound', `Type mismatch for value under ${keyToFormattedString(key)}`);
  return stored.account;
}

/** Validates the record (its named-key URefs), charges storage gas on it and writes it. */
function writeAccount(ctx: RuntimeContext, account: Account): void {
  for (const key of account.namedKeys.values()) if (key.tag === 2) ctx.validateURef(key.uref);
  const value = { tag: 1 as const, account };
  chargeStorage(ctx, value);
  ctx.phase.tc.write(accountKey(account.accountHash), value);
}

function withKeys(account: Account, associatedKeys: AssociatedKey[]): Account {
  return { ...account, associatedKeys: associatedKeys.sort((a, b) => compareBytes(a.accountHash, b.accountHash)) };
}

/** Account key-management, caller, main-purse and authorization-key host functions. */
export const ACCOUNT_HANDLERS: HostHandlers = {
  casper_add_associated_key(ctx, hashPtr, hashSize, weightArg) {
    const weight = u8Arg(weightArg);
    chargeHost(ctx, 'casper_add_associated_key', [hashPtr, hashSize, weight]);
    const hash = unwrapDecode(decodeAccountHash(ctx.memory.read(hashPtr, hashSize)));
    if (!canManageKeys(ctx) || !ctx.accountContext) return ADD_PERMISSION_DENIED;
    const account = readCurrentAccount(ctx);
    if (account.associatedKeys.length >= ctx.phase.services.costs.core.max_associated_keys) return ADD_MAX_KEYS_LIMIT;
    if (account.associatedKeys.some((k) => bytesEqual(k.accountHash, hash))) return ADD_DUPLICATE_KEY;
    writeAccount(ctx, withKeys(account, [...account.associatedKeys, { accountHash: hash, weight }]));
    return 0;
  },

  casper_remove_associated_key(ctx, hashPtr, hashSize) {
    chargeHost(ctx, 'casper_remove_associated_key', [hashPtr, hashSize]);
    const hash = unwrapDecode(decodeAccountHash(ctx.memory.read(hashPtr, hashSize)));
    if (!canManageKeys(ctx) || !ctx.accountContext) return PERMISSION_DENIED;
    const account = readCurrentAccount(ctx);
    const keys = account.associatedKeys;
    if (!keys.some((k) => bytesEqual(k.accountHash, hash))) return MISSING_KEY;
    const others = weightOf(keys, (k) => !bytesEqual(k.accountHash, hash));
    const { deployment, keyManagement } = account.actionThresholds;
    if (others < deployment || others < keyManagement) return THRESHOLD_VIOLATION;
    writeAccount(
      ctx,
      withKeys(
        account,
        keys.filter((k) => !bytesEqual(k.accountHash, hash)),
      ),
    );
    return 0;
  },

  casper_update_associated_key(ctx, hashPtr, hashSize, weightArg) {
    const weight = u8Arg(weightArg);
    chargeHost(ctx, 'casper_update_associated_key', [hashPtr, hashSize, weight]);
    const hash = unwrapDecode(decodeAccountHash(ctx.memory.read(hashPtr, hashSize)));
    if (!canManageKeys(ctx) || !ctx.accountContext) return PERMISSION_DENIED;
    const account = readCurrentAccount(ctx);
    const keys = account.associatedKeys;
    const current = keys.find((k) => bytesEqual(k.accountHash, hash));
    if (!current) return MISSING_KEY;
    if (weight < current.weight) {
      const total = Math.min(255, weightOf(keys, (k) => k !== current) + weight);
      const { deployment, keyManagement } = account.actionThresholds;
      if (total < deployment || total < keyManagement) return THRESHOLD_VIOLATION;
    }
    writeAccount(
      ctx,
      withKeys(
        account,
        keys.map((k) => (k === current ? { accountHash: k.accountHash, weight } : k)),
      ),
    );
    return 0;
  },

  casper_set_action_threshold(ctx, actionType, thresholdArg) {
    const threshold = u8Arg(thresholdArg);
    chargeHost(ctx, 'casper_set_action_threshold', [actionType, threshold]);
    if (!canManageKeys(ctx)) return SET_PERMISSION_DENIED;
    const action = actionType >>> 0;
    if (action !== 0 && action !== 1) throw interpreterError('trap: Code(Unreachable)');
    if (!ctx.accountContext) return SET_PERMISSION_DENIED;
    const account = readCurrentAccount(ctx);
    if (threshold > weightOf(account.associatedKeys, () => true)) return INSUFFICIENT_TOTAL_WEIGHT;
    const { deployment, keyManagement } = account.actionThresholds;
    if (action === 0 && threshold > keyManagement) return DEPLOYMENT_THRESHOLD;
    if (action === 1 && deployment > threshold) return KEY_MANAGEMENT_THRESHOLD;
    const actionThresholds =
      action === 0 ? { deployment: threshold, keyManagement } : { deployment, keyManagement: threshold };
    writeAccount(ctx, { ...account, actionThresholds });
    return 0;
  },

  casper_get_main_purse(ctx, destPtr) {
    chargeHost(ctx, 'casper_get_main_purse', [destPtr]);
    if (!ctx.accountContext) throw executionError('InvalidContext', 'Invalid context');
    ctx.memory.write(destPtr, encodeURef(ctx.phase.account.mainPurse));
  },

  casper_get_caller(ctx, outSizePtr) {
    chargeHost(ctx, 'casper_get_caller', [outSizePtr]);
    if (ctx.hostBuffer) return HOST_BUFFER_FULL;
    const value = CLValue.byteArray32(ctx.phase.account.accountHash);
    ctx.hostBuffer = value;
    ctx.memory.writeUsize(outSizePtr, value.bytes.length);
    return 0;
  },

  casper_load_authorization_keys(ctx, lenPtr, sizePtr) {
    chargeHost(ctx, 'casper_load_authorization_keys', [lenPtr, sizePtr]);
    if (ctx.hostBuffer) return HOST_BUFFER_FULL;
    const keys = ctx.phase.authorizationKeys;
    ctx.memory.writeU32(lenPtr, keys.length);
    if (keys.length === 0) return 0;
    const value = CLValue.list(
      CLTypes.ByteArray32,
      keys.map((k) => CLValue.byteArray32(k)),
    );
    ctx.hostBuffer = value;
    ctx.memory.writeU32(sizePtr, value.bytes.length);
    return 0;
  },
};
