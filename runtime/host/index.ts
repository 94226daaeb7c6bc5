/**
 * Every `env` import a 1.5.6 node provides, mapped to its handler. Names are the same as in
 * `assembly/externals.ts` and the node's resolver; each area lives in its own file.
 */

import { ACCOUNT_HANDLERS } from './account';
import { ARGS_HANDLERS } from './args';
import { CONTRACTS_HANDLERS } from './contracts';
import { DICTIONARY_HANDLERS } from './dictionary';
import type { HostHandlers } from './handler';
import { KEYS_HANDLERS } from './keys';
import { MISC_HANDLERS } from './misc';
import { PURSES_HANDLERS } from './purses';
import { VALUES_HANDLERS } from './values';

/** All host handlers by import name. */
export const HOST_HANDLERS: HostHandlers = {
  ...ARGS_HANDLERS,
  ...KEYS_HANDLERS,
  ...VALUES_HANDLERS,
  ...DICTIONARY_HANDLERS,
  ...ACCOUNT_HANDLERS,
  ...PURSES_HANDLERS,
  ...CONTRACTS_HANDLERS,
  ...MISC_HANDLERS,
};
