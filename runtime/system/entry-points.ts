/**
 * Entry points of the system contracts as stored at genesis (casper-types
 * `system::{mint, handle_payment, standard_payment, auction}::entry_points`). Calls to these
 * contracts are executed natively by the host (`runtime/system/*`); the records matter for
 * NoSuchMethod checks and for what a test reads back.
 */

import type { SystemEntryPoints } from './genesis';

/** Entry points per system contract (to be completed with the system-contract emulation). */
export const SYSTEM_ENTRY_POINTS: SystemEntryPoints = {
  mint: new Map(),
  handlePayment: new Map(),
  standardPayment: new Map(),
  auction: new Map(),
};
