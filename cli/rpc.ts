/**
 * JSON-RPC to a node through casper-js-sdk's `HttpHandler`, at the address casper-client uses
 * (`--node-address` + `/rpc` unless it already ends in `rpc`; default `http://localhost:7777`).
 * Failures are one line naming the address tried: unreachable (exit 3), an HTTP error status
 * (exit 3), a JSON-RPC error response with its code and message (exit 3).
 */

import { HttpError, HttpHandler, IDValue, RpcRequest } from 'casper-js-sdk';
import { CliError, ExitCode } from './errors';

/** casper-client's default `--node-address`. */
export const DEFAULT_NODE_ADDRESS = 'http://localhost:7777';

/** The endpoint casper-client posts to for a `--node-address`. */
export function rpcUrl(nodeAddress: string): string {
  return nodeAddress.endsWith('rpc') ? nodeAddress : `${nodeAddress.replace(/\/+$/, '')}/rpc`;
}

/** A JSON-RPC response object as received. */
export interface RpcResponseJson {
  readonly jsonrpc: string;
  readonly id: unknown;
  readonly result?: unknown;
  readonly error?: { readonly code: number; readonly message: string; readonly data?: unknown };
}

/** Calls `method` with `params` at `nodeAddress`; returns the whole response (success or JSON-RPC error). */
export async function rpcCall(nodeAddress: string, method: string, params: unknown): Promise<RpcResponseJson> {
  const url = rpcUrl(nodeAddress);
  const handler = new HttpHandler(url, 'fetch');
  const id = Math.floor(Math.random() * 2 ** 53) - 2 ** 52;
  const request = new RpcRequest('2.0', method as never, params, IDValue.fromInt(id));
  let response: unknown;
  try {
    response = await handler.processCall(request);
  } catch (e) {
    if (HttpError.isHttpError(e)) {
      throw new CliError(
        `the node at ${url} answered ${method} with HTTP status ${e.statusCode}${e.sourceErr.message ? ` (${e.sourceErr.message})` : ''}`,
        ExitCode.Node,
      );
    }
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const detail = cause?.code ?? cause?.message ?? (e as Error).message;
    throw new CliError(`cannot reach the node at ${url} (${detail})`, ExitCode.Node);
  }
  if (!response || typeof response !== 'object' || !('jsonrpc' in response)) {
    throw new CliError(`the node at ${url} did not answer ${method} with a JSON-RPC response`, ExitCode.Node);
  }
  return response as RpcResponseJson;
}

/** The result of a successful call; a JSON-RPC error is a CliError with its code, message and data. */
export function rpcResult(nodeAddress: string, method: string, response: RpcResponseJson): unknown {
  if (response.error) {
    const { code, message, data } = response.error;
    const extra =
      data === undefined || data === null ? '' : `: ${typeof data === 'string' ? data : JSON.stringify(data)}`;
    throw new CliError(
      `the node at ${rpcUrl(nodeAddress)} rejected ${method}: JSON-RPC error ${code}: ${message}${extra}`,
      ExitCode.Node,
    );
  }
  return response.result;
}

/**
 * Checks `chainName` against the node's `chainspec_name` (info_get_status) before sending; a node
 * without that method (a JSON-RPC error) is not checked.
 */
export async function checkChainName(nodeAddress: string, chainName: string): Promise<void> {
  const status = await rpcCall(nodeAddress, 'info_get_status', []);
  if (status.error) return;
  const nodeChain = (status.result as { chainspec_name?: unknown } | undefined)?.chainspec_name;
  if (typeof nodeChain === 'string' && nodeChain !== chainName) {
    throw new CliError(
      `wrong chain name: the deploy is for '${chainName}' but the node at ${rpcUrl(nodeAddress)} runs '${nodeChain}' (--chain-name)`,
      ExitCode.BadInput,
    );
  }
}
