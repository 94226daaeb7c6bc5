/**
 * Flags and value parsers shared by the deploy commands, with casper-client's names, short
 * forms, defaults and meanings (`src/deploy/creation_common.rs`, `src/common.rs`).
 */

import type { FlagSpec } from '../argv';
import { parseDuration, parseTimestamp } from '../devnet/humantime';
import { badInput } from '../errors';
import { DEFAULT_NODE_ADDRESS } from '../rpc';

/** casper-client's `--ttl` default. */
export const DEFAULT_TTL = '30min';

export const NODE_ADDRESS: FlagSpec = {
  short: 'n',
  value: 'HOST:PORT',
  default: DEFAULT_NODE_ADDRESS,
  help: 'Hostname or IP and port of node on which HTTP service is running',
};
export const SECRET_KEY: FlagSpec = { short: 'k', value: 'PATH', help: 'Path to secret key file' };
export const FORCE: FlagSpec = {
  short: 'f',
  help: 'If the output file already exists, overwrite it (without this flag the command fails)',
};
export const OUTPUT: FlagSpec = {
  short: 'o',
  value: 'PATH',
  help: 'Path to output deploy file. If omitted, defaults to stdout',
};
export const INPUT: FlagSpec = { short: 'i', value: 'PATH', required: true, help: 'Path to input deploy file' };
export const SESSION_ARG: FlagSpec = {
  short: 'a',
  value: `"NAME:TYPE='VALUE'" OR "NAME:TYPE=null"`,
  multiple: true,
  help: 'A named and typed arg passed to the session (repeatable); types: bool, i32, i64, u8, u32, u64, u128, u256, u512, unit, string, key, account_hash, uref, public_key, byte_list, byte_array_<NUM>, and opt_<TYPE>',
};
export const SESSION_ARGS_JSON: FlagSpec = {
  value: 'JSON ARRAY',
  help: 'A JSON array of {"name","type","value"} args passed to the session (for complex CLTypes)',
};
export const PAYMENT_AMOUNT: FlagSpec = {
  short: 'p',
  value: 'AMOUNT',
  help: "The 'amount' arg of the standard-payment system contract, in motes",
};
export const GAS_PRICE: FlagSpec = {
  short: 'g',
  value: 'INTEGER',
  default: '1',
  help: 'Conversion rate between the cost of Wasm opcodes and the motes sent by the payment code',
};
export const SESSION_ACCOUNT: FlagSpec = {
  value: 'FORMATTED STRING or PATH',
  help: "The deploy's account: a hex public key, or a public_key_hex / public_key.pem file (default: the --secret-key's)",
};

/** The flags of a deploy made from session Wasm (make-deploy, put-deploy). */
export function deployFlags(): Record<string, FlagSpec> {
  return {
    'chain-name': {
      value: 'NAME',
      required: true,
      help: 'Name of the chain, to avoid the deploy from being accidentally or maliciously included in a different chain',
    },
    'session-path': {
      short: 's',
      value: 'PATH',
      required: true,
      help: 'Path to the compiled Wasm session code (or a built session name)',
    },
    'session-arg': SESSION_ARG,
    'session-args-json': SESSION_ARGS_JSON,
    'payment-amount': { ...PAYMENT_AMOUNT, required: true },
    'gas-price': GAS_PRICE,
    ttl: {
      value: 'DURATION',
      default: DEFAULT_TTL,
      help: "Time that the deploy will remain valid for, e.g. '1hr 12min', '30min 50sec', '1day'",
    },
    timestamp: {
      value: 'TIMESTAMP',
      help: "RFC3339-like formatted timestamp, e.g. '2018-02-16 00:31:37' (UTC). If not provided, the current time",
    },
    'session-account': SESSION_ACCOUNT,
    transaction: { help: 'Build a Casper 2.0 TransactionV1 session instead of a legacy Deploy' },
  };
}

/** `--payment-amount`: a U512 in decimal (casper-client's `U512::from_dec_str`). */
export function parseMotes(value: string, flag = '--payment-amount'): bigint {
  if (!/^[0-9]+$/.test(value)) {
    const bad = value === '' ? 'it is empty' : `'${value[value.search(/[^0-9]/)]}' is not a digit`;
    throw badInput(`${flag} '${value}' is not an amount of motes: ${bad}`);
  }
  const v = BigInt(value);
  if (v >= 1n << 512n) throw badInput(`${flag} '${value}' is out of range (a U512 is below 2^512)`);
  if (v >= 1n << 256n) throw badInput(`${flag} '${value}': casper-js-sdk 5 cannot serialize a U512 of 2^256 or more`);
  return v;
}

/** `--gas-price`: a u64 (casper-client `gas_price`), at most 2^53 − 1 here (casper-js-sdk keeps it as a number). */
export function parseGasPrice(value: string, flag = '--gas-price'): number {
  if (!/^\+?[0-9]+$/.test(value)) {
    throw badInput(`failed to parse '${flag}' value '${value}' as an integer: invalid digit found in string`);
  }
  const v = BigInt(value.replace(/^\+/, ''));
  if (v > 0xffff_ffff_ffff_ffffn) {
    throw badInput(`failed to parse '${flag}' value '${value}' as an integer: number too large to fit in target type`);
  }
  if (v > BigInt(Number.MAX_SAFE_INTEGER))
    throw badInput(`${flag} ${value}: casper-js-sdk 5 cannot carry a gas price above ${Number.MAX_SAFE_INTEGER}`);
  return Number(v);
}

/** `--ttl`: a humantime duration ('30min', '1h 30m', '1day'), in milliseconds. */
export function parseTtl(value: string): number {
  const ms = parseDuration(value);
  if (typeof ms !== 'bigint') throw badInput(`failed to parse '--ttl' value '${value}' as a time diff: ${ms.error}`);
  if (ms > BigInt(Number.MAX_SAFE_INTEGER)) throw badInput(`--ttl ${value}: too long`);
  return Number(ms);
}

/** `--timestamp`: RFC 3339 (humantime `parse_rfc3339_weak`), default now; in ms since the epoch. */
export function parseTimestampArg(value: string | undefined): number {
  if (value === undefined || value === '') return Date.now();
  const ms = parseTimestamp(value);
  if (typeof ms !== 'bigint')
    throw badInput(`failed to parse '--timestamp' value '${value}' as a timestamp: ${ms.error}`);
  return Number(ms);
}
