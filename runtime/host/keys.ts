/**
 * Named keys of the running context (execution_engine runtime `load_key`, `has_key`, `put_key`,
 * `remove_key`, `load_named_keys`; runtime_context `put_key`, `remove_key`; casper-vm1-abi.md
 * §3.3). The context's named keys are the account's (session code, Session entry points) or the
 * contract's (Contract entry points); the base key is Key::Account or Key::Hash accordingly.
 */

import type { RuntimeContext } from '../engine/context';
import { executionError } from '../engine/errors';
import { fromBytes } from '../types/bytesrepr';
import { CLValue } from '../types/clvalue';
import { decodeKey, encodeKey, type Key, keyToFormattedString } from '../types/key';
import { namedKeysToCLValue } from '../types/named-keys';
import { type StoredValue, storedCLValue, storedValueTypeName } from '../types/stored-value';
import { chargeHost, chargeStorage, type HostHandlers, unwrapDecode } from './handler';
import { addToState, checkReadable, fillHostBuffer, keyNotFound, validateKey, validateStoredValue } from './values';

const MISSING_KEY = 24;
const BUFFER_TOO_SMALL = 32;
const HOST_BUFFER_FULL = 34;

/** A bytesrepr String from guest memory (decode failure traps BytesRepr). */
function nameFromMemory(ctx: RuntimeContext, ptr: number, size: number): string {
  return unwrapDecode(fromBytes(ctx.memory.read(ptr, size), (r) => r.string()));
}

/**
 * `read_gs_typed` of the base key's record: readable and valid key, tracked read; absent →
 * KeyNotFound; a record of another kind → FunctionNotFound("Type mismatch …"), as the node words it.
 */
function readBaseRecord(ctx: RuntimeContext, key: Key, tag: 1 | 3): StoredValue {
  checkReadable(ctx, key);
  validateKey(ctx, key);
  const stored = ctx.phase.tc.read(key);
  if (stored === undefined) throw keyNotFound(key);
  if (stored.tag !== tag) {
    throw executionError(
      'FunctionNotFound',
      `Function not found: Type mismatch for value under ${keyToFormattedString(key)}: expected ${
        tag === 1 ? 'Account' : 'Contract'
      }, found ${storedValueTypeName(stored)}`,
    );
  }
  return stored;
}

/** Named-key host functions. */
export const KEYS_HANDLERS: HostHandlers = {
  casper_get_key(ctx, namePtr, nameSize, outPtr, outSize, writtenPtr) {
    chargeHost(ctx, 'casper_get_key', [namePtr, nameSize, outPtr, outSize, writtenPtr]);
    const name = nameFromMemory(ctx, namePtr, nameSize);
    const key = ctx.namedKeys.get(name);
    if (key === undefined) return MISSING_KEY;
    const bytes = encodeKey(key);
    if (outSize >>> 0 < bytes.length) return BUFFER_TOO_SMALL;
    ctx.memory.write(outPtr, bytes);
    ctx.memory.writeU32(writtenPtr, bytes.length);
    return 0;
  },

  casper_has_key(ctx, namePtr, nameSize) {
    chargeHost(ctx, 'casper_has_key', [namePtr, nameSize]);
    const name = nameFromMemory(ctx, namePtr, nameSize);
    return ctx.namedKeys.has(name) ? 0 : 1;
  },

  casper_put_key(ctx, namePtr, nameSize, keyPtr, keySize) {
    chargeHost(ctx, 'casper_put_key', [namePtr, nameSize, keyPtr, keySize]);
    const name = nameFromMemory(ctx, namePtr, nameSize);
    const key = unwrapDecode(decodeKey(ctx.memory.read(keyPtr, keySize)));
    const tuple = CLValue.tuple2StringKey(name, key);
    const stored = storedCLValue(tuple);
    validateStoredValue(ctx, stored);
    chargeStorage(ctx, stored);
    addToState(ctx, ctx.baseKey, tuple);
    if (key.tag === 2) ctx.grant(key.uref);
    ctx.namedKeys.set(name, key);
  },

  casper_remove_key(ctx, namePtr, nameSize) {
    chargeHost(ctx, 'casper_remove_key', [namePtr, nameSize]);
    const name = nameFromMemory(ctx, namePtr, nameSize);
    const base = ctx.baseKey;
    if (base.tag === 0) {
      const stored = readBaseRecord(ctx, base, 1);
      if (stored.tag !== 1) return;
      const namedKeys = new Map(stored.account.namedKeys);
      namedKeys.delete(name);
      ctx.namedKeys.delete(name);
      const value: StoredValue = { tag: 1, account: { ...stored.account, namedKeys } };
      validateStoredValue(ctx, value);
      chargeStorage(ctx, value);
      ctx.phase.tc.write(base, value);
      return;
    }
    if (base.tag === 1) {
      const stored = readBaseRecord(ctx, base, 3);
      if (stored.tag !== 3) return;
      ctx.namedKeys.delete(name);
      if (!stored.contract.namedKeys.has(name)) return;
      const namedKeys = new Map(stored.contract.namedKeys);
      namedKeys.delete(name);
      const value: StoredValue = { tag: 3, contract: { ...stored.contract, namedKeys } };
      chargeStorage(ctx, value);
      ctx.phase.tc.write(base, value);
      return;
    }
    throw new Error(`remove_key: unsupported base key ${keyToFormattedString(base)}`);
  },

  casper_load_named_keys(ctx, countPtr, sizePtr) {
    chargeHost(ctx, 'casper_load_named_keys', [countPtr, sizePtr]);
    if (ctx.hostBuffer) return HOST_BUFFER_FULL;
    const count = ctx.namedKeys.size;
    ctx.memory.writeU32(countPtr, count);
    if (count === 0) return 0;
    fillHostBuffer(ctx, namedKeysToCLValue(ctx.namedKeys), sizePtr);
    return 0;
  },
};
