/**
 * The devnet's HTTP face: casper-node 1.5.6's JSON-RPC server (`json_rpc/src/filters.rs`,
 * `request.rs`, `request_handlers.rs`) on node:http. POST /rpc with `Content-Type:
 * application/json`, a body of at most 2,621,440 bytes (the node's `max_body_bytes`); anything
 * else is rejected at the HTTP level with the node's status and `{"message": …}` body. A JSON-RPC
 * 2.0 request gets a 200 response holding a `result` or an `error` object.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RpcError } from './errors';
import { isObject, JsonSyntaxError, type JsonValue, parseJson, stringifyJson } from './json';
import type { DevnetNode } from './node';
import { METHODS, type Params } from './rpc';

/** The node's RPC path (`RPC_API_PATH`). */
export const RPC_PATH = '/rpc';
/** The node's default `max_body_bytes`. */
export const MAX_BODY_BYTES = 2_621_440;

/** Methods after which the chain may have changed (persist then). */
const WRITES = new Set(['account_put_deploy', 'account_put_transaction']);

/** Where and how to serve. */
export interface DevnetServerOptions {
  readonly node: DevnetNode;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 7777; 0 picks a free port. */
  readonly port?: number;
  /** Called after each request that may have changed the chain (the devnet saves its state here). */
  readonly onChange?: () => void;
  /** Request log lines (default: none). */
  readonly log?: (line: string) => void;
}

/** A running devnet server. */
export interface DevnetServer {
  readonly server: Server;
  /** `http://host:port/rpc`. */
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections and closes idle ones. */
  close(): Promise<void>;
}

/** The JSON-RPC response body for one request body (`handle_body`), or an HTTP-level rejection. */
export function handleBody(
  node: DevnetNode,
  body: string,
  onMethod?: (method: string, ok: boolean) => void,
): { status: number; body: JsonValue } {
  let parsed: JsonValue;
  try {
    parsed = parseJson(body);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    return failure(null, new RpcError('ParseError', e.message));
  }
  if (!isObject(parsed)) {
    const kind = Array.isArray(parsed)
      ? 'sequence'
      : parsed === null
        ? 'unit'
        : typeof parsed === 'string'
          ? `string ${JSON.stringify(parsed)}`
          : typeof parsed === 'boolean'
            ? `boolean \`${parsed}\``
            : `integer \`${parsed}\``;
    return failure(
      null,
      new RpcError('ParseError', `invalid type: ${kind}, expected a map at line 1 column ${body.length}`),
    );
  }
  const id: JsonValue = 'id' in parsed ? parsed.id : null;
  const jsonrpc = parsed.jsonrpc;
  if (jsonrpc === undefined) return failure(id, new RpcError('InvalidRequest', "Missing 'jsonrpc' field"));
  if (typeof jsonrpc === 'number' || typeof jsonrpc === 'bigint') {
    return failure(
      id,
      new RpcError(
        'InvalidRequest',
        `Expected 'jsonrpc' to be a String with value '2.0', but got a Number '${jsonrpc}'`,
      ),
    );
  }
  if (typeof jsonrpc !== 'string') {
    return failure(
      id,
      new RpcError(
        'InvalidRequest',
        `Expected 'jsonrpc' to be a String with value '2.0', but got '${stringifyJson(jsonrpc)}'`,
      ),
    );
  }
  if (jsonrpc !== '2.0') {
    return failure(id, new RpcError('InvalidRequest', `Expected 'jsonrpc' to be '2.0', but got '${jsonrpc}'`));
  }
  const method = parsed.method;
  if (method === undefined) return failure(id, new RpcError('InvalidRequest', "Missing 'method' field"));
  if (typeof method !== 'string')
    return failure(id, new RpcError('InvalidRequest', "Expected 'method' to be a String"));
  let params: Params;
  if ('params' in parsed) {
    const p = parsed.params;
    if (p === null) params = [];
    else if (Array.isArray(p) || isObject(p)) params = p;
    else {
      const what = typeof p === 'boolean' ? `'${p}'` : typeof p === 'string' ? 'a String' : 'a Number';
      return failure(
        id,
        new RpcError('InvalidRequest', `If present, 'params' must be an Array or Object, but was ${what}`),
      );
    }
  }
  if (!('id' in parsed)) return { status: 400, body: { message: "The request is missing the 'id' field" } };
  if (typeof id === 'number' && !Number.isInteger(id)) {
    return failure(null, new RpcError('InvalidRequest', "'id' must not contain fractional parts if it is a number"));
  }
  if (id !== null && typeof id !== 'string' && typeof id !== 'number' && typeof id !== 'bigint') {
    return failure(null, new RpcError('InvalidRequest', "'id' should be a string or integer"));
  }
  const handler = Object.prototype.hasOwnProperty.call(METHODS, method) ? METHODS[method] : undefined;
  if (!handler) {
    return failure(id, new RpcError('MethodNotFound', `'${method}' is not a supported json-rpc method on this server`));
  }
  try {
    const result = handler(node, params);
    onMethod?.(method, true);
    return { status: 200, body: { jsonrpc: '2.0', id, result } };
  } catch (e) {
    onMethod?.(method, false);
    if (e instanceof RpcError) return failure(id, e);
    throw e;
  }
}

function failure(id: JsonValue, e: RpcError): { status: number; body: JsonValue } {
  return { status: 200, body: { jsonrpc: '2.0', id, error: e.toJson() } };
}

function send(res: ServerResponse, status: number, body: JsonValue): void {
  const text = stringifyJson(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function route(req: IncomingMessage): { status: number; message: string } | undefined {
  const path = (req.url ?? '/').split('?')[0];
  if (path !== RPC_PATH && path !== `${RPC_PATH}/`) return { status: 404, message: 'Path not found' };
  if (req.method !== 'POST') return { status: 405, message: 'HTTP method not allowed' };
  const ct = req.headers['content-type'];
  if (ct === undefined) return { status: 400, message: "The request's content-type is not set" };
  if (ct.toLowerCase() !== 'application/json') {
    return { status: 415, message: "The request's content-type is not supported" };
  }
  const len = req.headers['content-length'];
  if (len === undefined) return { status: 411, message: 'A content-length header is required' };
  if (Number(len) > MAX_BODY_BYTES) {
    return { status: 413, message: `The request payload exceeds the maximum allowed of ${MAX_BODY_BYTES} bytes` };
  }
  return undefined;
}

/** Starts serving `options.node`. Resolves once listening. */
export function startDevnetServer(options: DevnetServerOptions): Promise<DevnetServer> {
  const { node } = options;
  const server = createServer((req, res) => {
    const rejected = route(req);
    if (rejected) {
      req.resume();
      send(res, rejected.status, { message: rejected.message });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let aborted = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES && !aborted) {
        aborted = true;
        send(res, 413, { message: `The request payload exceeds the maximum allowed of ${MAX_BODY_BYTES} bytes` });
        req.destroy();
        return;
      }
      if (!aborted) chunks.push(c);
    });
    req.on('end', () => {
      if (aborted) return;
      let changed = false;
      let out: { status: number; body: JsonValue };
      try {
        out = handleBody(node, Buffer.concat(chunks).toString('utf8'), (method, ok) => {
          if (ok && WRITES.has(method)) changed = true;
          options.log?.(`${method} ${ok ? 'ok' : 'error'}`);
        });
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        options.log?.(`internal error: ${msg}`);
        out = { status: 200, body: { jsonrpc: '2.0', id: null, error: new RpcError('InternalError', msg).toJson() } };
      }
      if (changed) {
        try {
          options.onChange?.();
        } catch (e) {
          const msg = e instanceof Error ? e.message : String(e);
          options.log?.(`failed to save state: ${msg}`);
        }
      }
      send(res, out.status, out.body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 7777, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      const addr = server.address() as AddressInfo;
      const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
      resolve({
        server,
        port: addr.port,
        url: `http://${host}:${addr.port}${RPC_PATH}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeIdleConnections?.();
          }),
      });
    });
  });
}
