/**
 * The phase's gas counter (execution_engine `runtime_context` charge_gas): every opcode block,
 * host function and storage write is charged through `charge`. When the counter would pass the
 * limit it is set to the limit and the phase fails with GasLimit, as on the node.
 */

import { gasLimitError } from './errors';

/** Gas used and gas limit of one phase. Amounts are plain numbers (exact below 2^53). */
export class GasMeter {
  /** Gas used so far. */
  used = 0;

  constructor(
    /** The phase's gas limit. */
    readonly limit: number,
  ) {}

  /** Charges `amount` (traps with GasLimit when the limit would be exceeded). */
  charge(amount: number): void {
    const next = this.used + amount;
    if (next > this.limit) {
      this.used = this.limit;
      throw gasLimitError();
    }
    this.used = next;
  }

  /** Gas left. */
  get remaining(): number {
    return this.limit - this.used;
  }
}
