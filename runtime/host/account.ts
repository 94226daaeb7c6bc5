/** Host functions of this area (to be implemented; see casper-vm1-abi.md §3). */

import type { HostHandlers } from './handler';

/** account host functions. */
export const ACCOUNT_HANDLERS: HostHandlers = {};
