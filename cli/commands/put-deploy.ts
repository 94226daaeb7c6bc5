/**
 * `casper-as put-deploy`: casper-client's put-deploy — make-deploy, signed with --secret-key, then
 * send-deploy to --node-address, printing the node's JSON-RPC response.
 */

import { type CommandSpec, parseArgs } from '../argv';
import type { Io } from '../io';
import { deployFlags, NODE_ADDRESS, SECRET_KEY } from './common';
import { makeFromArgs } from './deploy-common';
import { sendJson } from './send-deploy';

export const SPEC: CommandSpec = {
  flags: {
    'node-address': NODE_ADDRESS,
    'secret-key': { ...SECRET_KEY, required: true },
    ...deployFlags(),
  },
};

export const SUMMARY = 'Create a deploy, sign it and send it to the network for execution';

export async function putDeployCommand(argv: readonly string[], io: Io): Promise<number> {
  const a = parseArgs(argv, SPEC);
  const made = makeFromArgs(a, true);
  return sendJson(io, a.get('node-address')!, made.kind, made.json, made.chainName);
}
