/**
 * Work-arounds for casper-js-sdk 5.0.12 where its bytes differ from casper-types (the node).
 *
 * - String: `CLValueString.bytes()` writes the length prefix as the JavaScript string length
 *   (UTF-16 code units) instead of the UTF-8 byte count, so any non-ASCII string argument would
 *   reach the node as malformed bytes (and the deploy's body hash would not match what the node
 *   computes). `applySdkFixes` replaces that one method with the UTF-8 byte count, in this
 *   process only, and only while the installed casper-js-sdk still has the defect (it checks
 *   first, so a fixed release is left alone).
 *
 * The CLI guards the other known differences instead of patching: a U512 at or above 2^256
 * (casper-js-sdk cannot serialize it) and any value whose bytes casper-js-sdk would re-encode
 * differently (see `session-args.ts`).
 */

import { CLValue, CLValueString } from 'casper-js-sdk';

let applied = false;

function stringIsBroken(): boolean {
  const b = CLValue.newCLString('é').bytes();
  return new DataView(b.buffer, b.byteOffset, 4).getUint32(0, true) !== 2;
}

/** Makes casper-js-sdk write String values as casper-types does (idempotent). */
export function applySdkFixes(): void {
  if (applied) return;
  applied = true;
  if (!stringIsBroken()) return;
  (CLValueString.prototype as unknown as { bytes(): Uint8Array }).bytes = function bytes(this: CLValueString) {
    const utf8 = new TextEncoder().encode(this.toString());
    const out = new Uint8Array(4 + utf8.length);
    new DataView(out.buffer).setUint32(0, utf8.length, true);
    out.set(utf8, 4);
    return out;
  };
}
