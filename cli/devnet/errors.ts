/**
 * JSON-RPC error objects with the node's codes and messages.
 *
 * Reserved codes: casper-node 1.5.6 `json_rpc/src/error.rs` (`ReservedErrorCode`).
 * Node codes −32000…−32012: casper-node 1.5.6 `node/src/components/rpc_server/rpcs/error_code.rs`.
 * −32014 and −32016 (the `_transaction` methods, which 1.5.6 does not have): casper-sidecar
 * 1.0 (node 2.0) `rpc_sidecar/src/rpcs/error_code.rs`.
 */

import type { JsonValue } from './json';

/** Code and message of each error the devnet returns. */
export const ErrorCodes = {
  ParseError: [-32700, 'Parse error'],
  InvalidRequest: [-32600, 'Invalid Request'],
  MethodNotFound: [-32601, 'Method not found'],
  InvalidParams: [-32602, 'Invalid params'],
  InternalError: [-32603, 'Internal error'],
  NoSuchDeploy: [-32000, 'No such deploy'],
  NoSuchBlock: [-32001, 'No such block'],
  FailedToParseQueryKey: [-32002, 'Failed to parse query key'],
  QueryFailed: [-32003, 'Query failed'],
  QueryFailedToExecute: [-32004, 'Query failed to execute'],
  FailedToParseGetBalanceURef: [-32005, 'Failed to parse get-balance URef'],
  FailedToGetBalance: [-32006, 'Failed to get balance'],
  GetBalanceFailedToExecute: [-32007, 'get-balance failed to execute'],
  InvalidDeploy: [-32008, 'Invalid Deploy'],
  NoSuchAccount: [-32009, 'No such account'],
  FailedToGetDictionaryURef: [-32010, 'Failed to get dictionary URef'],
  FailedToGetTrie: [-32011, 'Failed to get trie'],
  NoSuchStateRoot: [-32012, 'No such state root'],
  NoSuchTransaction: [-32014, 'No such transaction'],
  InvalidTransaction: [-32016, 'Invalid transaction'],
} as const;

/** A named error code. */
export type ErrorCodeName = keyof typeof ErrorCodes;

/** A JSON-RPC error response object (`casper_json_rpc::Error`): code, message, optional data. */
export class RpcError extends Error {
  readonly code: number;
  readonly data?: JsonValue;

  constructor(name: ErrorCodeName, data?: JsonValue) {
    const [code, message] = ErrorCodes[name];
    super(message);
    this.code = code;
    this.data = data;
  }

  /** The error object as it goes on the wire (`data` omitted when absent). */
  toJson(): JsonValue {
    return this.data === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, data: this.data };
  }
}
