/**
 * Revert, hashing, randomness, block time, phase, call stack, print, and the system-only
 * recorders (casper-vm1-abi.md §3.8 revert, §3.10, §2).
 */

import { ExecutionError, revertError } from '../engine/errors';
import { blake2b256 } from '../types/blake2b';
import { bytesReprErrorName } from '../types/bytesrepr';
import { callStackToCLValue } from '../types/call-stack';
import { chargeHost, type HostHandlers } from './handler';

const BUFFER_TOO_SMALL = 32;
const HOST_BUFFER_FULL = 34;

/** Miscellaneous host functions. */
export const MISC_HANDLERS: HostHandlers = {
  casper_revert(ctx, status) {
    chargeHost(ctx, 'casper_revert', [status]);
    throw revertError(status);
  },

  casper_blake2b(ctx, inPtr, inSize, outPtr, outSize) {
    chargeHost(ctx, 'casper_blake2b', [inPtr, inSize, outPtr, outSize]);
    const digest = blake2b256(ctx.memory.read(inPtr, inSize));
    if (outSize >>> 0 !== 32) return BUFFER_TOO_SMALL;
    ctx.memory.write(outPtr, digest);
    return 0;
  },

  casper_random_bytes(ctx, outPtr, outSize) {
    chargeHost(ctx, 'casper_random_bytes', [outPtr, outSize]);
    const bytes = ctx.phase.rng.createAddress(); // drawn before the size check, as on the node
    if (outSize >>> 0 !== 32) return BUFFER_TOO_SMALL;
    ctx.memory.write(outPtr, bytes);
    return 0;
  },

  casper_get_blocktime(ctx, destPtr) {
    chargeHost(ctx, 'casper_get_blocktime', [destPtr]);
    ctx.memory.writeU64(destPtr, ctx.phase.blocktime);
  },

  casper_get_phase(ctx, destPtr) {
    chargeHost(ctx, 'casper_get_phase', [destPtr]);
    ctx.memory.write(destPtr, Uint8Array.of(ctx.phase.phase));
  },

  casper_load_call_stack(ctx, lenPtr, sizePtr) {
    chargeHost(ctx, 'casper_load_call_stack', [lenPtr, sizePtr]);
    if (ctx.hostBuffer) return HOST_BUFFER_FULL;
    const frames = ctx.phase.callStack;
    ctx.memory.writeU32(lenPtr, frames.length);
    if (frames.length === 0) return 0;
    const value = callStackToCLValue(frames);
    ctx.hostBuffer = value;
    ctx.memory.writeU32(sizePtr, value.bytes.length);
    return 0;
  },

  casper_print(ctx, textPtr, textSize) {
    chargeHost(ctx, 'casper_print', [textPtr, textSize]);
    const bytes = ctx.memory.read(textPtr, textSize);
    const len = bytes.length >= 4 ? new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true) : -1;
    if (len !== bytes.length - 4)
      throw new ExecutionError(
        'BytesRepr',
        `Serialization error: ${bytesReprErrorName((bytes.length < 4 || len > bytes.length - 4 ? 17 : 19) as any)}`,
      );
    ctx.phase.services.log(new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(4)));
  },

  casper_record_transfer() {
    throw new ExecutionError('InvalidContext', 'Invalid context');
  },

  casper_record_era_info() {
    throw new ExecutionError('InvalidContext', 'Invalid context');
  },
};
