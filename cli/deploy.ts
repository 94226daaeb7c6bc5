/**
 * Deploys (and Casper 2.0 TransactionV1 sessions) built, signed and read with casper-js-sdk 5, and
 * written as casper-client writes them (`serde_json::to_string_pretty` of casper-types' `Deploy`):
 * members in casper-types' order (hash, header {account, timestamp, ttl, gas_price, body_hash,
 * dependencies, chain_name}, payment, session, approvals), every arg as `{cl_type, bytes, parsed}`,
 * the ttl in humantime form (`30m`, `1day 2h`), approvals in signing order (casper-client's `Vec`).
 *
 * casper-js-sdk's own ttl text reader mis-reads some humantime forms (`2days`, `1month`, `500us`),
 * so a file's ttl is parsed here and handed to casper-js-sdk as milliseconds.
 */

import { existsSync, readFileSync } from 'node:fs';
import {
  type Approval,
  type Args,
  type CLValue as SdkCLValue,
  Deploy,
  DeployHeader,
  Duration,
  ExecutableDeployItem,
  ModuleBytes,
  type PrivateKey,
  type PublicKey as SdkPublicKey,
  SessionBuilder,
  Timestamp,
  TransactionV1,
} from 'casper-js-sdk';
import { bytesToHex } from '../runtime/types/bytes';
import { decodeCLType } from '../runtime/types/cltype';
import { formatDuration, formatTimestamp, parseDuration } from './devnet/humantime';
import { parsedJson } from './cl-json';
import { badInput, CliError } from './errors';
import { clTypeJson } from './json-args';
import { compactJson, type JsonNode, JsonTextError, parseJsonText } from './json-text';
import { prettyJson, RawNumber } from './json-out';
import { applySdkFixes } from './sdk-fixes';

/** casper-node's `MAX_SERIALIZED_SIZE_OF_DEPLOY` (chainspec max_deploy_size, 1 MiB). */
export const MAX_DEPLOY_SIZE = 1_048_576;

/** What a deploy is made of (strings already parsed). */
export interface DeployParams {
  readonly chainName: string;
  readonly sessionWasm: Uint8Array;
  readonly args: Args;
  readonly paymentAmount: bigint;
  readonly gasPrice: number;
  readonly timestampMs: number;
  readonly ttlMs: number;
  /** The deploy's account (the signer's public key when signing). */
  readonly account: SdkPublicKey;
  readonly signer?: PrivateKey;
}

/** A legacy Deploy with ModuleBytes session and standard payment, signed if `signer` is given. */
export function buildDeploy(p: DeployParams): Deploy {
  applySdkFixes();
  const session = new ExecutableDeployItem();
  session.moduleBytes = new ModuleBytes(p.sessionWasm, p.args);
  const payment = ExecutableDeployItem.standardPayment(p.paymentAmount.toString());
  const header = new DeployHeader(
    p.chainName,
    [],
    p.gasPrice,
    new Timestamp(new Date(p.timestampMs)),
    new Duration(p.ttlMs),
    p.account,
  );
  const deploy = Deploy.makeDeploy(header, payment, session);
  if (p.signer) signDeploy(deploy, p.signer);
  const size = deploy.toBytes().length;
  if (size > MAX_DEPLOY_SIZE) throw badInput(`deploy size of ${size} bytes exceeds limit of ${MAX_DEPLOY_SIZE}`);
  return deploy;
}

/** A TransactionV1 session (Casper 2.0): VmCasperV1 module bytes, payment-limited pricing. */
export function buildTransaction(p: DeployParams): TransactionV1 {
  applySdkFixes();
  if (p.paymentAmount > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw badInput(
      `--payment-amount ${p.paymentAmount}: casper-js-sdk 5 takes a transaction's payment as a JavaScript number (at most ${Number.MAX_SAFE_INTEGER})`,
    );
  }
  if (!Number.isInteger(p.gasPrice) || p.gasPrice < 1 || p.gasPrice > 255) {
    throw badInput(`--gas-price ${p.gasPrice}: a transaction's gas price tolerance is a u8 from 1 to 255`);
  }
  const tx = new SessionBuilder()
    .from(p.account)
    .chainName(p.chainName)
    .wasm(p.sessionWasm)
    .runtimeArgs(p.args)
    .payment(Number(p.paymentAmount), p.gasPrice)
    .ttl(p.ttlMs)
    .timestamp(new Timestamp(new Date(p.timestampMs)))
    .build()
    .getTransactionV1()!;
  if (p.signer) signTransaction(tx, p.signer);
  return tx;
}

/** Appends the signer's approval, as casper-client's `Deploy::sign` does (a Vec: in signing order). */
export function signDeploy(deploy: Deploy, key: PrivateKey): void {
  deploy.sign(key);
}

/** Appends the signer's approval to a TransactionV1. */
export function signTransaction(tx: TransactionV1, key: PrivateKey): void {
  tx.sign(key);
}

function approvalsJson(approvals: readonly Approval[]): unknown[] {
  return approvals.map((a) => ({ signer: a.signer.toHex(), signature: bytesToHex(a.signature.bytes) }));
}

function argsJson(args: Args): unknown[] {
  return [...args.args.entries()].map(([name, v]: [string, SdkCLValue]) => {
    const bytes = v.bytes();
    const type = decodeCLType(v.type.toBytes());
    if (!type.ok) throw new Error(`casper-js-sdk wrote a CLType casper-types cannot read for arg ${name}`);
    return [name, { cl_type: clTypeJson(type.value), bytes: bytesToHex(bytes), parsed: parsedJson(type.value, bytes) }];
  });
}

function itemJson(item: ExecutableDeployItem): unknown {
  const args = argsJson(item.getArgs());
  // Only ModuleBytes items are made here; deploys of other kinds are read and written back as they were.
  if (!item.moduleBytes) throw new Error('deployJson: only ModuleBytes payment and session are supported');
  return { ModuleBytes: { module_bytes: bytesToHex(item.moduleBytes.moduleBytes), args } };
}

/** The deploy as casper-client writes it. */
export function deployJson(deploy: Deploy): unknown {
  const h = deploy.header;
  return {
    hash: deploy.hash.toHex(),
    header: {
      account: h.account!.toHex(),
      timestamp: formatTimestamp(BigInt(h.timestamp.toMilliseconds())),
      ttl: formatDuration(BigInt(h.ttl.duration)),
      gas_price: h.gasPrice,
      body_hash: h.bodyHash!.toHex(),
      dependencies: h.dependencies.map((d) => d.toHex()),
      chain_name: h.chainName,
    },
    payment: itemJson(deploy.payment),
    session: itemJson(deploy.session),
    approvals: approvalsJson(deploy.approvals),
  };
}

/** A TransactionV1 as casper-js-sdk writes it, with the ttl in humantime form. */
export function transactionJson(tx: TransactionV1): unknown {
  const json = TransactionV1.toJSON(tx) as { payload: { ttl: string }; approvals: unknown };
  json.payload.ttl = formatDuration(BigInt(tx.payload.ttl.duration));
  json.approvals = approvalsJson(tx.approvals);
  return json;
}

/** Pretty JSON text (casper-client's `to_string_pretty`, no trailing newline). */
export function jsonText(v: unknown): string {
  return prettyJson(v);
}

/** A deploy or transaction read from a file: the casper-js-sdk object and the file's JSON (for writing back). */
export type ReadItem =
  | { readonly kind: 'deploy'; readonly deploy: Deploy; readonly json: Record<string, unknown> }
  | { readonly kind: 'transaction'; readonly transaction: TransactionV1; readonly json: Record<string, unknown> };

function plain(n: JsonNode): unknown {
  switch (n.kind) {
    case 'null':
      return null;
    case 'bool':
    case 'string':
      return n.value;
    case 'number':
      return new RawNumber(n.raw);
    case 'array':
      return n.items.map(plain);
    case 'object':
      return Object.fromEntries(n.entries.map(([k, v]) => [k, plain(v)]));
  }
}

function ttlMillis(ttl: unknown, where: string): string {
  if (typeof ttl !== 'string') throw badInput(`${where}: the ttl is not a string`);
  const ms = parseDuration(ttl);
  if (typeof ms !== 'bigint') throw badInput(`${where}: invalid ttl '${ttl}': ${ms.error}`);
  return `${ms}ms`;
}

/** Reads a deploy (or TransactionV1) file written by casper-client, casper-as or casper-js-sdk; checks its hashes and approvals. */
export function readDeployFile(path: string, flag = '--input'): ReadItem {
  const where = `${flag} ${path}`;
  if (!existsSync(path)) throw badInput(`${where}: no such file`);
  const text = readFileSync(path, 'utf8');
  let root: JsonNode;
  try {
    root = parseJsonText(text);
  } catch (e) {
    if (e instanceof JsonTextError)
      throw badInput(`${where}: failed to decode from json: reading deploy: ${e.message}`);
    throw e;
  }
  if (root.kind !== 'object')
    throw badInput(`${where}: not a deploy: expected a JSON object, got ${compactJson(root).slice(0, 20)}`);
  let json = plain(root) as Record<string, unknown>;
  const wrapped = json.Deploy ?? json.Version1;
  if (wrapped && typeof wrapped === 'object') json = wrapped as Record<string, unknown>;
  applySdkFixes();
  const forSdk = JSON.parse(text) as Record<string, Record<string, unknown>>;
  const sdkJson = (forSdk.Deploy ?? forSdk.Version1 ?? forSdk) as Record<string, Record<string, unknown>>;
  try {
    if (sdkJson.header && json.header) {
      sdkJson.header.ttl = ttlMillis(sdkJson.header.ttl, where);
      return { kind: 'deploy', deploy: Deploy.fromJSON(sdkJson), json };
    }
    if (sdkJson.payload && json.payload) {
      sdkJson.payload.ttl = ttlMillis(sdkJson.payload.ttl, where);
      return { kind: 'transaction', transaction: TransactionV1.fromJSON(sdkJson), json };
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
    const m = (e as Error).message ?? String(e);
    if (/Invalid deploy hash or body hash|Invalid transaction hash|invalid.*hash/i.test(m)) {
      throw badInput(`${where}: the hash does not match the contents (the file was changed after it was made)`);
    }
    if (/approval signature/i.test(m))
      throw badInput(`${where}: an approval's signature does not verify against the hash`);
    throw badInput(`${where}: not a valid deploy: ${m}`);
  }
  throw badInput(`${where}: not a deploy or transaction (no "header" or "payload")`);
}

/** The file's JSON with the item's current approvals (everything else as it was read). */
export function withApprovals(item: ReadItem): unknown {
  const approvals = item.kind === 'deploy' ? item.deploy.approvals : item.transaction.approvals;
  return { ...item.json, approvals: approvalsJson(approvals) };
}
