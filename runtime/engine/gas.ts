/**
 * The phase's gas counter (execution_engine `runtime_context` charge_gas): every metered block,
 * host function and storage write is charged here. When the counter would pass the limit it is
 * set to the limit and the phase fails with GasLimit, as on the node.
 *
 * Metered blocks are charged inside Wasm: the emulator's compiled copy keeps the remaining
 * allowance in a global and subtracts each block charge inline (`wasm/inline-gas.ts`), so a block
 * charge never crosses into JavaScript. While an instance runs, its global is "attached": the JS
 * side reads it before a host charge and writes the result back, so both share one counter.
 */

import { gasLimitError } from './errors';

/** Gas used and gas limit of one phase. Amounts are plain numbers (exact below 2^53). */
export class GasMeter {
  private usedOutside = 0;
  private attached: WebAssembly.Global | null = null;

  constructor(
    /** The phase's gas limit. */
    readonly limit: number,
  ) {}

  /** Gas used so far. */
  get used(): number {
    if (!this.attached) return this.usedOutside;
    const left = Number(this.attached.value as bigint);
    return left < 0 ? this.limit : this.limit - left;
  }

  /** Charges `amount` (traps with GasLimit when the limit would be exceeded). */
  charge(amount: number): void {
    const next = this.used + amount;
    if (next > this.limit) {
      this.setUsed(this.limit);
      throw gasLimitError();
    }
    this.setUsed(next);
  }

  /** Marks the whole allowance used and traps (the inline counter's overflow path). */
  exhaust(): never {
    this.setUsed(this.limit);
    throw gasLimitError();
  }

  /** Sets the counter back to `used` (the node's `set_gas_counter`, as standard payment does). */
  reset(used: number): void {
    this.setUsed(used);
  }

  /** Gas left. */
  get remaining(): number {
    return this.limit - this.used;
  }

  /**
   * Makes `global` (an instance's remaining allowance) the live counter for the running
   * instance; returns the previously attached one, to give back to `detach`.
   */
  attach(global: WebAssembly.Global): WebAssembly.Global | null {
    const used = this.used;
    const previous = this.attached;
    this.attached = global;
    this.setUsed(used);
    return previous;
  }

  /** Ends an instance's run: the counter moves back to `previous` (the caller's) or to JS. */
  detach(previous: WebAssembly.Global | null): void {
    const used = this.used;
    this.attached = previous;
    this.setUsed(used);
  }

  private setUsed(used: number): void {
    this.usedOutside = used;
    if (this.attached) this.attached.value = BigInt(this.limit - used);
  }
}
