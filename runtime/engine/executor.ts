/**
 * Runs one invocation: instantiates a prepared module with host-created memory (the node's
 * externalized `env.memory`) and the host functions bound to the invocation's context, calls the
 * entry point, and turns what happened into a result. Execution errors (reverts, traps, out of
 * gas) become results; anything else thrown is a host defect and propagates.
 */

import type { HostHandlers } from '../host/handler';
import type { RuntimeContext } from './context';
import { ExecutionError, fromWasmTrap, interpreterError } from './errors';
import { GuestMemory } from './memory';
import type { PreparedModule } from './module-cache';
import { ReturnSignal } from './signals';

/** Calls `entryPoint` of `prepared` in `ctx`; throws ExecutionError on failure. */
export function invoke(
  prepared: PreparedModule,
  entryPoint: string,
  ctx: RuntimeContext,
  handlers: HostHandlers,
): void {
  const memory = new WebAssembly.Memory({ initial: prepared.memory.initial, maximum: prepared.memory.maximum });
  ctx.memory = new GuestMemory(memory);
  const env: Record<string, unknown> = { memory };
  for (const imp of WebAssembly.Module.imports(prepared.module)) {
    if (imp.kind !== 'function') continue;
    const handler = handlers[imp.name];
    if (!handler) throw interpreterError(`host module doesn't export function with name ${imp.name}`);
    env[imp.name] = (...args: number[]) => handler(ctx, ...args);
  }
  let instance: WebAssembly.Instance;
  try {
    instance = new WebAssembly.Instance(prepared.module, { env: env as WebAssembly.ModuleImports });
  } catch (e) {
    if (e instanceof WebAssembly.LinkError) throw interpreterError(e.message);
    throw e;
  }
  const fn = instance.exports[entryPoint];
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
}
