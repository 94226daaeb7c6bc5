/**
 * Session args from casper-js-sdk 5: tests build `Args.fromMap({ amount: CLValue.newCLUInt512(…) })`
 * exactly as they would for a deploy, and `fromSdkArgs` turns them into the runtime's RuntimeArgs
 * through their bytes (casper-js-sdk serializes, runtime/types decodes), so the session receives
 * precisely the bytes a node would. casper-js-sdk is only a type import here: the runtime does
 * not load it.
 */

import type { Args } from 'casper-js-sdk';
import { bytesToHex } from './types/bytes';
import { bytesReprErrorName } from './types/bytesrepr';
import { type CLType, clTypeToString } from './types/cltype';
import { clValueErrorToString } from './types/clvalue';
import { decodeRuntimeArgs, type RuntimeArgs } from './types/runtime-args';

/**
 * Converts casper-js-sdk `Args` to RuntimeArgs, in the Args' order, by bytes: `args.toBytes()`
 * decoded with `decodeRuntimeArgs`. Throws an Error naming the cause when casper-js-sdk cannot
 * serialize a value (e.g. a U512 ≥ 2^256), its bytes are not valid RuntimeArgs, or a value's
 * bytes do not parse as its own CLType (e.g. a String with non-ASCII characters, whose length
 * casper-js-sdk 5 writes in UTF-16 units; a node would receive the same broken bytes). Build
 * such args with runtime/types `CLValue` instead.
 */
export function fromSdkArgs(args: Args): RuntimeArgs {
  let bytes: Uint8Array;
  try {
    bytes = args.toBytes();
  } catch (e) {
    throw new Error(`fromSdkArgs: casper-js-sdk could not serialize these Args: ${(e as Error).message ?? e}`);
  }
  const decoded = decodeRuntimeArgs(bytes);
  if (!decoded.ok)
    throw new Error(
      `fromSdkArgs: the bytes casper-js-sdk wrote are not valid RuntimeArgs (${bytesReprErrorName(decoded.error)}): ${bytesToHex(bytes)}`,
    );
  const names = decoded.value.map((a) => a.name);
  const expected = [...args.args.keys()];
  if (names.length !== expected.length || names.some((n, i) => n !== expected[i]))
    throw new Error(
      `fromSdkArgs: the bytes casper-js-sdk wrote decode to args [${names.join(', ')}], not [${expected.join(', ')}]`,
    );
  for (const { name, value } of decoded.value) {
    if (containsAny(value.clType)) continue;
    const data = value.asData();
    if (!data.ok)
      throw new Error(
        `fromSdkArgs: casper-js-sdk wrote bytes for arg "${name}" that are not a valid ${clTypeToString(value.clType)} (${clValueErrorToString(data.error)}): ${bytesToHex(value.bytes)}`,
      );
  }
  return decoded.value;
}

/** Any cannot be parsed below the top level, so values whose type contains it are not checked. */
function containsAny(t: CLType): boolean {
  switch (t.tag) {
    case 21:
      return true;
    case 13:
    case 14:
      return containsAny(t.inner);
    case 16:
      return containsAny(t.ok) || containsAny(t.err);
    case 17:
      return containsAny(t.key) || containsAny(t.value);
    case 18:
    case 19:
    case 20:
      return t.items.some(containsAny);
    default:
      return false;
  }
}
