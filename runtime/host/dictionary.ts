/** Host functions of this area (to be implemented; see casper-vm1-abi.md §3). */

import type { HostHandlers } from './handler';

/** dictionary host functions. */
export const DICTIONARY_HANDLERS: HostHandlers = {};
