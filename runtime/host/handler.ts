/**
 * The host-handler contract. Every `env` import is one handler with the node's four steps:
 * parse its arguments from guest memory, charge gas from the cost table, act on the tracking
 * copy, return an i32 code (or nothing). Handlers receive the invocation's RuntimeContext and
 * the raw i32 arguments; they trap by throwing an ExecutionError.
 */

import { hostFunctionCost, storageCost } from '../costs';
import type { RuntimeContext } from '../engine/context';
import { bytesReprError } from '../engine/errors';
import { bytesEqual } from '../types/bytes';
import type { DecodeResult } from '../types/bytesrepr';
import { storedValueSerializedLength, type StoredValue } from '../types/stored-value';

/** A host function: the invocation context and the raw Wasm arguments. */
export type HostHandler = (ctx: RuntimeContext, ...args: number[]) => number | void;

/** Handlers by import name (`casper_read_value`…). */
export type HostHandlers = Readonly<Record<string, HostHandler>>;

/** Charges the host function's cost: base + Σ weight_i × arg_i (chainspec `host_function_costs`). */
export function chargeHost(ctx: RuntimeContext, name: string, args: readonly number[]): void {
  ctx.phase.gas.charge(Number(hostFunctionCost(ctx.phase.services.costs, name, args)));
}

/** True when the running context's base key is a system contract (the node charges it no storage gas). */
function inSystemContract(ctx: RuntimeContext): boolean {
  const k = ctx.baseKey;
  if (k.tag !== 1) return false;
  const s = ctx.phase.services.system;
  return [s.mint, s.handlePayment, s.standardPayment, s.auction].some((h) => bytesEqual(h, k.addr));
}

/** Charges storage gas for writing `value` (gas_per_byte × serialized StoredValue length). */
export function chargeStorage(ctx: RuntimeContext, value: StoredValue): void {
  if (inSystemContract(ctx)) return;
  ctx.phase.gas.charge(Number(storageCost(ctx.phase.services.costs, storedValueSerializedLength(value))));
}

/** The decoded value, or a BytesRepr trap (inputs the node decodes with `deserialize_from_slice`). */
export function unwrapDecode<T>(r: DecodeResult<T>): T {
  if (!r.ok) throw bytesReprError(r.error);
  return r.value;
}
