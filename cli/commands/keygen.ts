/**
 * `casper-as keygen [DIR] [--algorithm ed25519|secp256k1] [--force]`: a key pair in
 * casper-client's layout (`lib/keygen.rs` `generate_files`): `secret_key.pem` (mode 0600),
 * `public_key.pem` and `public_key_hex`. The directory is created if needed; existing files are
 * only replaced with --force, and nothing is written when any check fails.
 */

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { KeyAlgorithm, PrivateKey } from 'casper-js-sdk';
import { type CommandSpec, parseArgs } from '../argv';
import { badInput } from '../errors';
import { encodePem, PEM_TAGS, publicKeyDer, readSecretKeyFile, secretKeyDer } from '../keys';
import { checkWritable, writeFilesAtomically } from '../output';
import type { Io } from '../io';

export const SPEC: CommandSpec = {
  flags: {
    algorithm: {
      short: 'a',
      value: 'STRING',
      default: 'ed25519',
      help: 'The type of keys to generate: ed25519 or secp256k1',
    },
    force: {
      short: 'f',
      help: 'Overwrite existing key files (without this flag, existing files make the command fail)',
    },
  },
  positionals: ['DIR'],
};

export const SUMMARY =
  'Generate account key files (secret_key.pem, public_key.pem, public_key_hex) in DIR (default: .)';

/** casper-client's key file names. */
export const FILES = ['secret_key.pem', 'public_key.pem', 'public_key_hex'] as const;

export async function keygenCommand(argv: readonly string[], io: Io): Promise<number> {
  const a = parseArgs(argv, SPEC);
  const dir = a.positionals[0] ?? '.';
  if (dir === '') throw badInput('empty path provided as output dir for keygen');
  const algorithm = a.get('algorithm')!.toLowerCase();
  if (algorithm !== 'ed25519' && algorithm !== 'secp256k1') {
    throw badInput(
      `invalid value '${a.get('algorithm')}' for '--algorithm <STRING>' [possible values: ed25519, secp256k1]`,
    );
  }
  const force = a.has('force');
  const paths = FILES.map((f) => join(dir, f));
  checkWritable(paths, force);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw badInput(`unable to create directory at '${dir}': ${(e as Error).message}`);
  }
  const key = PrivateKey.generate(algorithm === 'ed25519' ? KeyAlgorithm.ED25519 : KeyAlgorithm.SECP256K1);
  const secretPem = encodePem(
    algorithm === 'ed25519' ? PEM_TAGS.ed25519 : PEM_TAGS.secp256k1,
    secretKeyDer(key, algorithm),
  );
  writeFilesAtomically(
    [
      { path: paths[0], contents: secretPem, mode: 0o600 },
      { path: paths[1], contents: encodePem(PEM_TAGS.public, publicKeyDer(key.publicKey)) },
      { path: paths[2], contents: key.publicKey.toHex() },
    ],
    force,
  );
  // The files must read back as the key just made (casper-types' reader, then casper-js-sdk's).
  const back = readSecretKeyFile(paths[0]);
  if (back.key.publicKey.toHex() !== key.publicKey.toHex())
    throw new Error('keygen: the written secret key does not read back');
  io.out(`Wrote files to ${dir}\n`);
  return 0;
}
