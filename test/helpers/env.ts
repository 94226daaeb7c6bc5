// Environments for host-function tests. Opcode metering stays on, but every opcode is priced 0
// (a chainspec override), so a test can assert the host-function and storage gas of the calls it
// makes exactly; opcode gas has its own tests (gas-inject, metering).
import { TestEnv, type EnvOptions } from '../../runtime/env';

/** Opcode costs all set to 0 (a `costs` override for `new TestEnv`). */
export const ZERO_OPCODE_COSTS = {
  wasm: {
    opcode_costs: {
      bit: 0,
      add: 0,
      mul: 0,
      div: 0,
      load: 0,
      store: 0,
      const: 0,
      local: 0,
      global: 0,
      integer_comparison: 0,
      conversion: 0,
      unreachable: 0,
      nop: 0,
      current_memory: 0,
      grow_memory: 0,
      control_flow: {
        block: 0,
        loop: 0,
        if: 0,
        else: 0,
        end: 0,
        br: 0,
        br_if: 0,
        return: 0,
        select: 0,
        call: 0,
        call_indirect: 0,
        drop: 0,
        br_table: { cost: 0, size_multiplier: 0 },
      },
    },
  },
} as const;

/** A fresh TestEnv whose gasUsed counts host-function and storage gas only. */
export function hostGasEnv(options: EnvOptions = {}): TestEnv {
  const costs = options.costs ?? {};
  return new TestEnv({ ...options, costs: { ...costs, wasm: { ...(costs.wasm ?? {}), ...ZERO_OPCODE_COSTS.wasm } } });
}
