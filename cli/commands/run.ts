/**
 * `casper-as run <wasm|name>` and `casper-as estimate <wasm|name>`: the session as a whole deploy
 * in a fresh emulator (standard payment, session, finalization, as a 1.5.6 node runs it).
 *
 * run: prints success or the exact error (the node's error, the ApiError name and code, and —
 * when `build/debug/<name>.wasm` exists — the AssemblyScript line it failed at), gas used, cost
 * and the effects; exits 1 when the deploy failed.
 * estimate: runs it on a copy of the state and prints the payment amount to pass: the cost plus
 * --margin percent (default 10), at least the node's 2.5 CSPR minimum.
 */

import { type CommandSpec, parseArgs } from '../argv';
import {
  effectsTable,
  type EmulatorRequest,
  errorLines,
  estimateRequest,
  failureLocation,
  gasLines,
  grouped,
  makeEnv,
  runRequest,
} from '../emulator';
import { badInput, ExitCode } from '../errors';
import type { Io } from '../io';
import { parsePublicKeyHex } from '../formatted';
import { readPublicKeyArg, readSecretKeyFile } from '../keys';
import { parseSessionArgs } from '../session-args';
import { loadSessionWasm } from '../wasm';
import {
  GAS_PRICE,
  PAYMENT_AMOUNT,
  parseGasPrice,
  parseMotes,
  SECRET_KEY,
  SESSION_ACCOUNT,
  SESSION_ARG,
  SESSION_ARGS_JSON,
} from './common';
import type { GlobalState } from '../../runtime/state/global-state';

const RUN_FLAGS = {
  'session-arg': SESSION_ARG,
  'session-args-json': SESSION_ARGS_JSON,
  'payment-amount': { ...PAYMENT_AMOUNT, help: `${PAYMENT_AMOUNT.help} (default: enough not to limit the session)` },
  'gas-price': GAS_PRICE,
  'session-account': {
    ...SESSION_ACCOUNT,
    help: "The deploy's account, funded at genesis (default: the emulator's default account)",
  },
  'secret-key': { ...SECRET_KEY, help: "Use this key's account as the deploy's account (as --session-account)" },
  state: {
    value: 'FILE',
    help: 'Run against the state of a devnet saved with `casper-as devnet --state FILE` (not modified)',
  },
};

/** The global state saved by `casper-as devnet --state FILE`. */
function devnetState(path: string): GlobalState {
  const store = require('../devnet/store') as typeof import('../devnet/store');
  if (!store.hasSavedDevnet(path)) throw badInput(`--state ${path}: no devnet state saved there`);
  try {
    return store.loadDevnet(path).env.state;
  } catch (e) {
    if (e instanceof store.DevnetStateError) throw badInput(`--state ${path}: ${e.message}`);
    throw e;
  }
}

export const RUN_SPEC: CommandSpec = { flags: RUN_FLAGS, positionals: ['WASM|NAME'], requiredPositionals: 1 };
export const ESTIMATE_SPEC: CommandSpec = {
  flags: { ...RUN_FLAGS, margin: { value: 'PERCENT', default: '10', help: 'Margin added to the cost, in percent' } },
  positionals: ['WASM|NAME'],
  requiredPositionals: 1,
};

export const RUN_SUMMARY = 'Execute session Wasm in a fresh emulator and print the result, gas, cost and effects';
export const ESTIMATE_SUMMARY = 'Execute session Wasm in a fresh emulator and print the payment amount to pass';

function request(a: ReturnType<typeof parseArgs>): EmulatorRequest {
  const args = parseSessionArgs(a.all('session-arg'), a.get('session-args-json'));
  const paymentText = a.get('payment-amount');
  const gasPrice = parseGasPrice(a.get('gas-price')!);
  let accountHex: string | undefined;
  if (a.get('session-account') !== undefined) accountHex = readPublicKeyArg(a.get('session-account')!).toHex();
  else if (a.get('secret-key') !== undefined)
    accountHex = readSecretKeyFile(a.get('secret-key')!).key.publicKey.toHex();
  const account = accountHex === undefined ? undefined : parsePublicKeyHex(accountHex);
  const wasm = loadSessionWasm(a.positionals[0]);
  const statePath = a.get('state');
  return {
    wasm,
    args,
    paymentAmount: paymentText === undefined ? undefined : parseMotes(paymentText),
    gasPrice,
    account,
    state: statePath === undefined ? undefined : devnetState(statePath),
  };
}

export async function runCommand(argv: readonly string[], io: Io): Promise<number> {
  const req = request(parseArgs(argv, RUN_SPEC));
  const env = makeEnv(req);
  const outcome = runRequest(env, req);
  const lines = [`${req.wasm.name}: ${outcome.success ? 'success' : 'failed'}`];
  if (outcome.error) lines.push(...errorLines(outcome.error, failureLocation(req, outcome)));
  lines.push(...gasLines(outcome, req.gasPrice));
  if (outcome.transfers.length) lines.push(`transfers  ${outcome.transfers.length}`);
  lines.push(...effectsTable(env, outcome.effects));
  io.out(`${lines.join('\n')}\n`);
  return outcome.success ? ExitCode.Ok : ExitCode.Failed;
}

export async function estimateCommand(argv: readonly string[], io: Io): Promise<number> {
  const a = parseArgs(argv, ESTIMATE_SPEC);
  const marginText = a.get('margin')!;
  if (!/^[0-9]+(\.[0-9]+)?$/.test(marginText))
    throw badInput(`--margin '${marginText}' is not a percentage (e.g. 10 or 12.5)`);
  const margin = Number(marginText) / 100;
  const req = request(a);
  const env = makeEnv(req);
  const { paymentAmount, result } = estimateRequest(env, req, margin);
  const lines = [`${req.wasm.name}: ${result.success ? 'success' : 'failed'}`];
  if (result.error) lines.push(...errorLines(result.error, failureLocation(req, result)));
  lines.push(...gasLines(result, req.gasPrice));
  if (!result.success) {
    lines.push('no payment amount: the deploy fails, whatever it pays');
    io.out(`${lines.join('\n')}\n`);
    return ExitCode.Failed;
  }
  lines.push(`payment    ${grouped(paymentAmount)} motes (cost + ${marginText} %, at least 2,500,000,000)`);
  lines.push(`--payment-amount ${paymentAmount}`);
  io.out(`${lines.join('\n')}\n`);
  return ExitCode.Ok;
}
