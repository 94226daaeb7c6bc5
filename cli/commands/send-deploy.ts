/**
 * `casper-as send-deploy -i FILE [-n ADDRESS]`: casper-client's send-deploy — reads a deploy (or
 * TransactionV1) file, checks it, checks the node's chain name, sends it with
 * `account_put_deploy` (`account_put_transaction`) and prints the node's JSON-RPC response.
 */

import { type CommandSpec, parseArgs } from '../argv';
import { jsonText, readDeployFile, withApprovals } from '../deploy';
import type { Io } from '../io';
import { checkChainName, rpcCall, rpcResult } from '../rpc';
import { INPUT, NODE_ADDRESS } from './common';

export const SPEC: CommandSpec = {
  flags: { input: INPUT, 'node-address': NODE_ADDRESS },
};

export const SUMMARY = 'Read a previously-saved deploy from a file and send it to the network for execution';

/** Sends a deploy or transaction JSON; prints the response; returns the exit code. */
export async function sendJson(
  io: Io,
  nodeAddress: string,
  kind: 'deploy' | 'transaction',
  json: unknown,
  chainName: string,
): Promise<number> {
  await checkChainName(nodeAddress, chainName);
  // serde_json and the node accept any JSON number text; JavaScript's JSON carries the params.
  const payload = JSON.parse(jsonText(json));
  const [method, params] =
    kind === 'deploy'
      ? ['account_put_deploy', { deploy: payload }]
      : ['account_put_transaction', { transaction: { Version1: payload } }];
  const response = await rpcCall(nodeAddress, method, params);
  rpcResult(nodeAddress, method, response);
  io.out(`${jsonText(response)}\n`);
  return 0;
}

export async function sendDeployCommand(argv: readonly string[], io: Io): Promise<number> {
  const a = parseArgs(argv, SPEC);
  const item = readDeployFile(a.get('input')!);
  const chainName = item.kind === 'deploy' ? item.deploy.header.chainName : item.transaction.payload.chainName;
  return sendJson(io, a.get('node-address')!, item.kind, withApprovals(item), chainName);
}
