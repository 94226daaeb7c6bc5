/** Host functions of this area (to be implemented; see casper-vm1-abi.md §3). */

import type { HostHandlers } from './handler';

/** values host functions. */
export const VALUES_HANDLERS: HostHandlers = {};
