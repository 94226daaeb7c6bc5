/**
 * What every native system-contract entry point shares (execution_engine `core/runtime/mod.rs`):
 * `get_named_argument` and `charge_system_contract_call`.
 */

import type { RuntimeContext } from '../engine/context';
import { revertError } from '../engine/errors';
import { bytesEqual } from '../types/bytes';
import type { CLValue, CLValueResult } from '../types/clvalue';
import { getRuntimeArg, type RuntimeArgs } from '../types/runtime-args';
import { mintImmediateCaller } from './transfer';

const MISSING_ARGUMENT = 2;
const INVALID_ARGUMENT = 3;

/** `get_named_argument`: exact CLType, whole-input decode; else Revert(MissingArgument | InvalidArgument). */
export function namedArg<T>(args: RuntimeArgs, name: string, read: (v: CLValue) => CLValueResult<T>): T {
  const v = getRuntimeArg(args, name);
  if (!v) throw revertError(MISSING_ARGUMENT);
  const r = read(v);
  if (!r.ok) throw revertError(INVALID_ARGUMENT);
  return r.value;
}

/** True if `contractHash` is one of the system contracts of this environment. */
export function isSystemContract(ctx: RuntimeContext, contractHash: Uint8Array): boolean {
  const s = ctx.phase.services.system;
  return [s.mint, s.handlePayment, s.standardPayment, s.auction].some((h) => bytesEqual(h, contractHash));
}

/** `charge_system_contract_call` (mint, handle payment): skipped when the immediate caller is a system contract. */
export function chargeSystemCost(ctx: RuntimeContext, cost: number): void {
  const caller = mintImmediateCaller(ctx);
  if (caller && caller.tag !== 0 && isSystemContract(ctx, caller.contractHash)) return;
  ctx.phase.gas.charge(cost);
}
