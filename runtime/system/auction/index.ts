/**
 * The auction system contract, run natively (casper-node 1.5.6 `execution_engine/src/system/auction.rs`,
 * `core/runtime/mod.rs` call_host_auction). Placeholder until the auction lands: every entry point
 * throws a plain Error (an emulator gap, never a fake result).
 */

import type { RuntimeContext } from '../../engine/context';
import type { CLValue } from '../../types/clvalue';
import type { RuntimeArgs } from '../../types/runtime-args';

/** Runs auction entry point `entryPoint` for the caller `ctx` (callee frame already pushed). */
export function callAuction(ctx: RuntimeContext, entryPoint: string, args: RuntimeArgs): CLValue {
  void ctx;
  void args;
  throw new Error(`system contract call not emulated: auction.${entryPoint}`);
}
