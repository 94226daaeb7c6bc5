/** Host functions of this area (to be implemented; see casper-vm1-abi.md §3). */

import type { HostHandlers } from './handler';

/** keys host functions. */
export const KEYS_HANDLERS: HostHandlers = {};
