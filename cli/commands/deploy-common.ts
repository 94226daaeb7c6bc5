/**
 * What make-deploy and put-deploy share: turning casper-client's deploy flags into a signed (or
 * unsigned) casper-js-sdk Deploy, or a TransactionV1 with `--transaction`.
 */

import type { Deploy, PublicKey as SdkPublicKey, TransactionV1 } from 'casper-js-sdk';
import type { ParsedArgs } from '../argv';
import { buildDeploy, buildTransaction, deployJson, type DeployParams, transactionJson } from '../deploy';
import { badInput } from '../errors';
import { type LoadedKey, readPublicKeyArg, readSecretKeyFile } from '../keys';
import { parseSessionArgs } from '../session-args';
import { loadSessionWasm } from '../wasm';
import { parseGasPrice, parseMotes, parseTimestampArg, parseTtl } from './common';

/** A made deploy or transaction, with its JSON as casper-client writes it. */
export type Made =
  | { readonly kind: 'deploy'; readonly deploy: Deploy; readonly json: unknown; readonly chainName: string }
  | {
      readonly kind: 'transaction';
      readonly transaction: TransactionV1;
      readonly json: unknown;
      readonly chainName: string;
    };

/** Builds from parsed deploy flags; every bad value is reported before any file is written. */
export function makeFromArgs(a: ParsedArgs, requireKey: boolean): Made {
  const chainName = a.get('chain-name')!;
  if (chainName === '') throw badInput('--chain-name: the chain name is empty');
  const args = parseSessionArgs(a.all('session-arg'), a.get('session-args-json'));
  const paymentAmount = parseMotes(a.get('payment-amount')!);
  const gasPrice = parseGasPrice(a.get('gas-price')!);
  const ttlMs = parseTtl(a.get('ttl')!);
  const timestampMs = parseTimestampArg(a.get('timestamp'));
  const keyPath = a.get('secret-key');
  let signer: LoadedKey | undefined;
  if (keyPath !== undefined) signer = readSecretKeyFile(keyPath);
  else if (requireKey) throw badInput('the following required arguments were not provided: --secret-key <PATH>');
  const accountArg = a.get('session-account');
  let account: SdkPublicKey;
  if (accountArg !== undefined) account = readPublicKeyArg(accountArg);
  else if (signer) account = signer.key.publicKey;
  else
    throw badInput('the following required arguments were not provided: --session-account <FORMATTED STRING or PATH>');
  const wasm = loadSessionWasm(a.get('session-path')!);
  const params: DeployParams = {
    chainName,
    sessionWasm: wasm.bytes,
    args,
    paymentAmount,
    gasPrice,
    timestampMs,
    ttlMs,
    account,
    signer: signer?.key,
  };
  if (a.has('transaction')) {
    const transaction = buildTransaction(params);
    return { kind: 'transaction', transaction, json: transactionJson(transaction), chainName };
  }
  const deploy = buildDeploy(params);
  return { kind: 'deploy', deploy, json: deployJson(deploy), chainName };
}
