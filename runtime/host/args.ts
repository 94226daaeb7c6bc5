/**
 * Named arguments and the host buffer (execution_engine runtime `get_named_arg_size`,
 * `get_named_arg`, `read_host_buffer`; casper-vm1-abi.md §3.1–3.2).
 */

import { ExecutionError } from '../engine/errors';
import type { RuntimeContext } from '../engine/context';
import { getRuntimeArg } from '../types/runtime-args';
import { chargeHost, type HostHandlers } from './handler';

const MISSING_ARGUMENT = 2;
const OUT_OF_MEMORY = 20;
const BUFFER_TOO_SMALL = 32;
const HOST_BUFFER_EMPTY = 33;

const lossyUtf8 = new TextDecoder('utf-8', { fatal: false });

function argBytes(ctx: RuntimeContext, namePtr: number, nameSize: number): Uint8Array | undefined {
  const name = lossyUtf8.decode(ctx.memory.read(namePtr, nameSize));
  return getRuntimeArg(ctx.args, name)?.bytes;
}

/** Named-argument and host-buffer host functions. */
export const ARGS_HANDLERS: HostHandlers = {
  casper_get_named_arg_size(ctx, namePtr, nameSize, sizePtr) {
    chargeHost(ctx, 'casper_get_named_arg_size', [namePtr, nameSize, sizePtr]);
    const bytes = argBytes(ctx, namePtr, nameSize);
    if (!bytes) return MISSING_ARGUMENT;
    ctx.memory.writeU32(sizePtr, bytes.length);
    return 0;
  },

  casper_get_named_arg(ctx, namePtr, nameSize, destPtr, destSize) {
    chargeHost(ctx, 'casper_get_named_arg', [namePtr, nameSize, destPtr, destSize]);
    const bytes = argBytes(ctx, namePtr, nameSize);
    if (!bytes) return MISSING_ARGUMENT;
    if (bytes.length > destSize >>> 0) return OUT_OF_MEMORY;
    if (bytes.length < destSize >>> 0) {
      // The node slices the argument to dest_size and panics (casper-vm1-abi.md §3.1).
      throw new ExecutionError(
        'Interpreter',
        `Interpreter error: host panic: get_named_arg with dest_size ${destSize >>> 0} > argument size ${bytes.length}`,
      );
    }
    ctx.memory.write(destPtr, bytes);
    return 0;
  },

  casper_read_host_buffer(ctx, destPtr, destSize, writtenPtr) {
    chargeHost(ctx, 'casper_read_host_buffer', [destPtr, destSize, writtenPtr]);
    const value = ctx.hostBuffer;
    ctx.hostBuffer = null;
    if (!value) return HOST_BUFFER_EMPTY;
    if (value.bytes.length > destSize >>> 0) return BUFFER_TOO_SMALL;
    ctx.memory.write(destPtr, value.bytes);
    ctx.memory.writeU32(writtenPtr, value.bytes.length);
    return 0;
  },
};
