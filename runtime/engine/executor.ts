/**
 * Runs one invocation: takes an instance of a prepared module (the node's externalized
 * `env.memory` created by the host, host functions dispatching to the invocation's context),
 * calls the entry point, and turns what happened into a result. Execution errors (reverts, traps,
 * out of gas) become results; anything else thrown is a host defect and propagates.
 *
 * The node instantiates afresh for every invocation. Instantiating costs far more than running a
 * session, so an instance is reused when it is indistinguishable from a fresh one: after a run
 * that did not grow memory, its memory contents and mutable globals are put back to what they
 * were right after instantiation (so `memory.size`, every byte and every global read as in a new
 * instance). A run that grew memory discards its instance. Nested and recursive calls each take
 * their own instance.
 */

import type { HostHandlers } from '../host/handler';
import { GLOBAL_EXPORT_PREFIX } from '../wasm/export-globals';
import { GAS_LEFT_EXPORT } from '../wasm/inline-gas';
import type { RuntimeContext } from './context';
import { ExecutionError, fromWasmTrap, interpreterError } from './errors';
import { GuestMemory } from './memory';
import type { PreparedModule, ReusableInstance } from './module-cache';
import { ReturnSignal } from './signals';

function instantiate(prepared: PreparedModule, handlers: HostHandlers): ReusableInstance {
  const memory = new WebAssembly.Memory({ initial: prepared.memory.initial, maximum: prepared.memory.maximum });
  const target: { ctx: unknown } = { ctx: null };
  const env: Record<string, unknown> = { memory };
  // Block charges are inline (inline-gas.ts); `env.gas` is only called when the allowance runs out.
  env.gas = () => (target.ctx as RuntimeContext).phase.gas.exhaust();
  for (const name of prepared.functionImports) {
    if (name === 'gas') continue;
    if (!handlers[name]) throw interpreterError(`host module doesn't export function with name ${name}`);
    // Fixed arity (the widest host function takes 10 arguments): no rest-array per call. The
    // handler is looked up per call, so a reused instance sees the table as it is now.
    env[name] = (
      a: number,
      b: number,
      c: number,
      d: number,
      e: number,
      f: number,
      g: number,
      h: number,
      i: number,
      j: number,
    ) => handlers[name](target.ctx as RuntimeContext, a, b, c, d, e, f, g, h, i, j);
  }
  let instance: WebAssembly.Instance;
  try {
    instance = new WebAssembly.Instance(prepared.module, { env: env as WebAssembly.ModuleImports });
  } catch (e) {
    if (e instanceof WebAssembly.LinkError || e instanceof WebAssembly.RuntimeError) throw interpreterError(e.message);
    throw e;
  }
  const globals: Array<readonly [WebAssembly.Global, number | bigint]> = [];
  for (const [name, value] of Object.entries(instance.exports)) {
    if (name.startsWith(GLOBAL_EXPORT_PREFIX)) {
      const g = value as WebAssembly.Global;
      globals.push([g, g.value as number | bigint]);
    }
  }
  const gasLeft = (instance.exports[GAS_LEFT_EXPORT] as WebAssembly.Global | undefined) ?? null;
  return { instance, memory, target, gasLeft, memorySnapshot: new Uint8Array(memory.buffer).slice(), globals };
}

/** Puts a reusable instance back to its post-instantiation state; false if it cannot be (memory grew). */
function reset(r: ReusableInstance): boolean {
  if (r.memory.buffer.byteLength !== r.memorySnapshot.length) return false;
  new Uint8Array(r.memory.buffer).set(r.memorySnapshot);
  for (const [g, v] of r.globals) g.value = v;
  r.target.ctx = null;
  return true;
}

/** Calls `entryPoint` of `prepared` in `ctx`; throws ExecutionError on failure. */
export function invoke(
  prepared: PreparedModule,
  entryPoint: string,
  ctx: RuntimeContext,
  handlers: HostHandlers,
): void {
  const r = prepared.idle.pop() ?? instantiate(prepared, handlers);
  r.target.ctx = ctx;
  ctx.memory = new GuestMemory(r.memory);
  const gas = ctx.phase.gas;
  const previousMeter = r.gasLeft ? gas.attach(r.gasLeft) : null;
  try {
    const fn = r.instance.exports[entryPoint];
    if (typeof fn !== 'function') throw interpreterError(`Module doesn't have export ${entryPoint}`);
    try {
      (fn as () => void)();
    } catch (e) {
      if (e instanceof ReturnSignal) return;
      if (e instanceof ExecutionError) throw e;
      const trap = fromWasmTrap(e);
      if (trap) throw trap;
      throw e;
    }
  } finally {
    if (r.gasLeft) gas.detach(previousMeter);
    if (reset(r)) prepared.idle.push(r);
  }
}
