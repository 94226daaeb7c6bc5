/**
 * `casper-as devnet`: a local Casper 1.5.6 node — the emulator behind the node's JSON-RPC.
 *
 *     casper-as devnet [--port N] [--host H] [--state FILE] [--chain-name NAME]
 *                      [--account KEY:MOTES]...
 *
 * Genesis is the TestEnv genesis (system contracts, the default account — Ed25519 secret key
 * [0xc7; 32] — and the default block proposer, each with 10^17 motes) plus one funded account per
 * `--account` (a public key in hex, or a public_key_hex / public_key.pem / secret_key.pem file,
 * then `:` and the balance in motes). With `--state`, the chain is saved after every deploy and
 * reloaded on the next start (then `--account` is ignored: genesis has already happened).
 * Serves until SIGINT or SIGTERM.
 */

import { DEFAULT_ACCOUNT_INITIAL_BALANCE, DEFAULT_ACCOUNT_SECRET_KEY } from '../../runtime/env';
import { bytesToHex } from '../../runtime/types/bytes';
import { publicKeyToHex, type PublicKey } from '../../runtime/types/public-key';
import { loadPublicKey } from '../devnet/keys';
import { DevnetNode } from '../devnet/node';
import { type DevnetServer, startDevnetServer } from '../devnet/server';
import { DevnetStateError, hasSavedDevnet, loadDevnet, saveDevnet } from '../devnet/store';

/** Parsed `devnet` flags. */
export interface DevnetArgs {
  readonly port: number;
  readonly host: string;
  readonly statePath?: string;
  readonly chainName?: string;
  readonly accounts: ReadonlyArray<{ readonly publicKey: PublicKey; readonly balance: bigint }>;
  readonly help: boolean;
}

const USAGE = `usage: casper-as devnet [--port N] [--host H] [--state FILE] [--chain-name NAME] [--account KEY:MOTES]...

A local Casper 1.5.6 node (the casper-as emulator) behind the node's JSON-RPC at http://H:N/rpc.

  --port N              RPC port (default 7777, casper-node's)
  --host H              interface to bind (default 127.0.0.1)
  --state FILE          keep the chain in FILE (+ FILE.index.json); reloaded on restart
  --chain-name NAME     chain name deploys must carry (default casper-net-1)
  --account KEY:MOTES   fund an account at genesis; KEY is a hex public key or a
                        public_key_hex / public_key.pem / secret_key.pem file (repeatable)`;

/** Parses `devnet` arguments; throws an Error with a one-line message for bad input. */
export function parseDevnetArgs(argv: readonly string[]): DevnetArgs {
  let port = 7777;
  let host = '127.0.0.1';
  let statePath: string | undefined;
  let chainName: string | undefined;
  let help = false;
  const accounts: Array<{ publicKey: PublicKey; balance: bigint }> = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq > 0) return arg.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--help':
      case '-h':
        help = true;
        break;
      case '--port': {
        const v = value();
        if (!/^\d+$/.test(v) || Number(v) > 65535) throw new Error(`--port: not a port number: ${v}`);
        port = Number(v);
        break;
      }
      case '--host':
        host = value();
        break;
      case '--state':
        statePath = value();
        break;
      case '--chain-name':
        chainName = value();
        if (chainName === '') throw new Error('--chain-name: empty');
        break;
      case '--account': {
        const v = value();
        const colon = v.lastIndexOf(':');
        if (colon <= 0) throw new Error(`--account: expected KEY:MOTES, got ${v}`);
        const motes = v.slice(colon + 1).replace(/_/g, '');
        if (!/^\d+$/.test(motes))
          throw new Error(`--account: balance must be a whole number of motes: ${v.slice(colon + 1)}`);
        const pk = loadPublicKey(v.slice(0, colon));
        if ('error' in pk) throw new Error(`--account: ${pk.error}`);
        accounts.push({ publicKey: pk, balance: BigInt(motes) });
        break;
      }
      default:
        throw new Error(`unknown argument ${arg}`);
    }
  }
  return { port, host, statePath, chainName, accounts, help };
}

/** Where the devnet writes (as `cli/io.ts` Io: text with its newlines), plus hooks for embedding and tests. */
export interface DevnetCommandIo {
  /** Standard output (default process.stdout). */
  out?(text: string): void;
  /** Standard error (default process.stderr). */
  err?(text: string): void;
  /** Stops the devnet when aborted (default: SIGINT / SIGTERM). */
  readonly signal?: AbortSignal;
  /** Called once listening. */
  readonly onListening?: (server: DevnetServer, node: DevnetNode) => void;
}

/** Runs `casper-as devnet`; resolves with the exit code once stopped. */
export async function devnetCommand(argv: string[], io: DevnetCommandIo = {}): Promise<number> {
  const out = (line: string) => (io.out ? io.out(`${line}\n`) : process.stdout.write(`${line}\n`));
  const err = (line: string) => (io.err ? io.err(`${line}\n`) : process.stderr.write(`${line}\n`));
  let args: DevnetArgs;
  try {
    args = parseDevnetArgs(argv);
  } catch (e) {
    err(`casper-as devnet: ${e instanceof Error ? e.message : String(e)}`);
    err(USAGE.split('\n')[0]);
    return 2;
  }
  if (args.help) {
    out(USAGE);
    return 0;
  }
  let node: DevnetNode;
  try {
    if (args.statePath && hasSavedDevnet(args.statePath)) {
      node = loadDevnet(args.statePath);
      if (args.chainName !== undefined && args.chainName !== node.chainName) {
        err(`casper-as devnet: ${args.statePath} holds chain ${node.chainName}, not ${args.chainName}`);
        return 1;
      }
      if (args.accounts.length) err('casper-as devnet: --account ignored: the saved chain already has its genesis');
      out(`casper-as devnet: loaded ${args.statePath} (chain ${node.chainName}, height ${node.latest.height})`);
    } else {
      node = DevnetNode.genesis({ chainName: args.chainName, accounts: args.accounts });
      if (args.statePath) saveDevnet(node, args.statePath);
      const line = (label: string, pk: PublicKey, motes: bigint) =>
        out(`  ${label} ${publicKeyToHex(pk)}  ${motes} motes`);
      out(`casper-as devnet: genesis of chain ${node.chainName}`);
      line('default account', node.env.defaultPublicKey, DEFAULT_ACCOUNT_INITIAL_BALANCE);
      out(`    (Ed25519 secret key ${bytesToHex(DEFAULT_ACCOUNT_SECRET_KEY)})`);
      for (const a of args.accounts) line('account', a.publicKey, a.balance);
      line('block proposer', node.env.proposerPublicKey, DEFAULT_ACCOUNT_INITIAL_BALANCE);
    }
  } catch (e) {
    if (e instanceof DevnetStateError) {
      err(`casper-as devnet: ${e.message}`);
      return 1;
    }
    const sys = e as NodeJS.ErrnoException;
    if (sys && typeof sys === 'object' && typeof sys.code === 'string' && typeof sys.message === 'string') {
      // "ENOENT: no such file or directory, open '<temporary file>'" → the part before the path
      err(`casper-as devnet: ${args.statePath ?? 'state'}: ${sys.message.split(', ')[0]}`);
      return 1;
    }
    throw e;
  }
  const statePath = args.statePath;
  let server: DevnetServer;
  try {
    server = await startDevnetServer({
      node,
      host: args.host,
      port: args.port,
      onChange: statePath ? () => saveDevnet(node, statePath) : undefined,
      log: (l) => err(`casper-as devnet: ${l}`),
    });
  } catch (e) {
    err(`casper-as devnet: cannot listen on ${args.host}:${args.port}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  out(`casper-as devnet: chain ${node.chainName} serving JSON-RPC at ${server.url}`);
  io.onListening?.(server, node);
  await new Promise<void>((resolve) => {
    if (io.signal) {
      if (io.signal.aborted) resolve();
      else io.signal.addEventListener('abort', () => resolve(), { once: true });
      return;
    }
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  if (statePath) saveDevnet(node, statePath);
  out('casper-as devnet: stopped');
  return 0;
}
