/**
 * Dictionaries (execution_engine runtime `new_dictionary`, `dictionary_get`, `dictionary_put`,
 * `dictionary_read`; runtime_context `dictionary_get`/`dictionary_read`/`dictionary_put`,
 * `runtime_context/dictionary.rs`; casper-vm1-abi.md §3.9). An item lives at
 * Key::Dictionary(blake2b-256(seed URef address ‖ item key bytes)) as a CLValue of type Any
 * wrapping the user's CLValue, the seed address and the item key.
 */

import type { RuntimeContext } from '../engine/context';
import { executionError } from '../engine/errors';
import { CLValue, decodeCLValue } from '../types/clvalue';
import { DICTIONARY_ITEM_KEY_MAX_LENGTH, dictionaryItemKey, wrapDictionaryValue } from '../types/dictionary';
import { decodeKey, type Key, urefKey } from '../types/key';
import { storedCLValue } from '../types/stored-value';
import { decodeURef, type URef } from '../types/uref';
import { chargeHost, chargeStorage, type HostHandlers, unwrapDecode } from './handler';
import {
  checkReadable,
  checkWriteable,
  fillHostBuffer,
  newURefWith,
  storedValueToCLValue,
  validateCLValue,
} from './values';

const VALUE_NOT_FOUND = 6;
const HOST_BUFFER_FULL = 34;
const DICTIONARY_ITEM_KEY_EXCEEDS_LENGTH = 36;
const INVALID_DICTIONARY_ITEM_KEY = 37;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** True if `bytes` is valid UTF-8 (`std::str::from_utf8`). */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** `RuntimeContext::dictionary_read`: the stored item, unwrapped and converted (no access checks). */
function readItem(ctx: RuntimeContext, key: Key): CLValue | undefined {
  const stored = ctx.phase.tc.read(key);
  return stored === undefined ? undefined : storedValueToCLValue(key, stored);
}

/** Dictionary host functions. */
export const DICTIONARY_HANDLERS: HostHandlers = {
  casper_new_dictionary(ctx, outSizePtr) {
    chargeHost(ctx, 'casper_new_dictionary', [outSizePtr]);
    if (ctx.hostBuffer) return HOST_BUFFER_FULL;
    const uref = newURefWith(ctx, storedCLValue(CLValue.unit()));
    const value = CLValue.uref(uref);
    ctx.hostBuffer = value;
    ctx.memory.writeUsize(outSizePtr, value.bytes.length);
    return 0;
  },

  casper_dictionary_get(ctx, urefPtr, urefSize, itemPtr, itemSize, outSizePtr) {
    chargeHost(ctx, 'casper_dictionary_get', [urefPtr, urefSize, itemPtr, itemSize, outSizePtr]);
    if (ctx.hostBuffer) return HOST_BUFFER_FULL;
    const seed: URef = unwrapDecode(decodeURef(ctx.memory.read(urefPtr, urefSize)));
    const item = ctx.memory.read(itemPtr, itemSize);
    if (!isUtf8(item)) return INVALID_DICTIONARY_ITEM_KEY;
    checkReadable(ctx, urefKey(seed));
    ctx.validateURef(seed);
    if (item.length > DICTIONARY_ITEM_KEY_MAX_LENGTH) {
      throw executionError('DictionaryItemKeyExceedsLength', 'Dictionary item key exceeded maximum length');
    }
    const value = readItem(ctx, dictionaryItemKey(seed.addr, item));
    if (value === undefined) return VALUE_NOT_FOUND;
    fillHostBuffer(ctx, value, outSizePtr);
    return 0;
  },

  casper_dictionary_put(ctx, urefPtr, urefSize, itemPtr, itemSize, valuePtr, valueSize) {
    chargeHost(ctx, 'casper_dictionary_put', [urefPtr, urefSize, itemPtr, itemSize, valuePtr, valueSize]);
    const seed: URef = unwrapDecode(decodeURef(ctx.memory.read(urefPtr, urefSize)));
    if (itemSize >>> 0 > DICTIONARY_ITEM_KEY_MAX_LENGTH) return DICTIONARY_ITEM_KEY_EXCEEDS_LENGTH;
    const item = ctx.memory.read(itemPtr, itemSize);
    if (!isUtf8(item)) return INVALID_DICTIONARY_ITEM_KEY;
    const value = unwrapDecode(decodeCLValue(ctx.memory.read(valuePtr, valueSize)));
    checkWriteable(urefKey(seed));
    ctx.validateURef(seed);
    validateCLValue(ctx, value);
    const stored = storedCLValue(wrapDictionaryValue(value, seed.addr, item));
    chargeStorage(ctx, stored);
    ctx.phase.tc.write(dictionaryItemKey(seed.addr, item), stored);
    return 0;
  },

  casper_dictionary_read(ctx, keyPtr, keySize, outSizePtr) {
    chargeHost(ctx, 'casper_dictionary_read', [keyPtr, keySize, outSizePtr]);
    if (ctx.hostBuffer) return HOST_BUFFER_FULL;
    const key = unwrapDecode(decodeKey(ctx.memory.read(keyPtr, keySize)));
    const value = readItem(ctx, key);
    if (value === undefined) return VALUE_NOT_FOUND;
    fillHostBuffer(ctx, value, outSizePtr);
    return 0;
  },
};
