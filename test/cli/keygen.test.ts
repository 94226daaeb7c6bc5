// keygen: casper-client's key file layout (lib/keygen.rs; casper-types to_pem: PKCS#8 Ed25519,
// SEC1 secp256k1 without the public key, SPKI public keys, the pem crate's CRLF and 64 columns).
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KeyAlgorithm, PrivateKey, PublicKey } from 'casper-js-sdk';
import { ed25519 } from '@noble/curves/ed25519';
import { secp256k1 } from '@noble/curves/secp256k1';
import { readPublicKeyArg, readSecretKeyFile } from '../../cli/keys';
import { CASPER_CLIENT_TEST_PEM, CASPER_CLIENT_TEST_PUBLIC_KEY, cli, tempDir } from './helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const der = (pem: string) => Buffer.from(pem.split('\r\n').slice(1, -2).join(''), 'base64');

test('ed25519 (the default): PKCS#8 secret key, SPKI public key, tag-prefixed hex; CRLF as the pem crate writes', async () => {
  expect(await cli('keygen', dir)).toEqual({ code: 0, out: `Wrote files to ${dir}\n`, err: '' });
  const secret = readFileSync(join(dir, 'secret_key.pem'), 'utf8');
  const pub = readFileSync(join(dir, 'public_key.pem'), 'utf8');
  const hex = readFileSync(join(dir, 'public_key_hex'), 'utf8');
  expect(secret).toMatch(/^-----BEGIN PRIVATE KEY-----\r\n[A-Za-z0-9+/]{64}\r\n-----END PRIVATE KEY-----\r\n$/);
  expect(pub).toMatch(/^-----BEGIN PUBLIC KEY-----\r\n[A-Za-z0-9+/=]{60}\r\n-----END PUBLIC KEY-----\r\n$/);
  expect(hex).toMatch(/^01[0-9a-f]{64}$/);
  const sk = der(secret);
  expect(sk.subarray(0, 16).toString('hex')).toBe('302e020100300506032b657004220420');
  const pk = der(pub);
  expect(pk.subarray(0, 12).toString('hex')).toBe('302a300506032b6570032100');
  expect(`01${Buffer.from(ed25519.getPublicKey(sk.subarray(16))).toString('hex')}`).toBe(hex);
  expect(`01${pk.subarray(12).toString('hex')}`).toBe(hex);
  expect(statSync(join(dir, 'secret_key.pem')).mode & 0o777).toBe(0o600);
  // casper-js-sdk reads the files back to the same key.
  expect(PrivateKey.fromPem(secret, KeyAlgorithm.ED25519).publicKey.toHex()).toBe(hex);
  expect(PublicKey.fromHex(hex).toHex()).toBe(hex);
  expect(readPublicKeyArg(join(dir, 'public_key.pem')).toHex()).toBe(hex);
  expect(readPublicKeyArg(join(dir, 'public_key_hex')).toHex()).toBe(hex);
});

test('secp256k1: SEC1 "EC PRIVATE KEY" with the curve OID and no public key; compressed SPKI public key', async () => {
  expect(await cli('keygen', dir, '--algorithm', 'secp256k1')).toEqual({
    code: 0,
    out: `Wrote files to ${dir}\n`,
    err: '',
  });
  const secret = readFileSync(join(dir, 'secret_key.pem'), 'utf8');
  const pub = readFileSync(join(dir, 'public_key.pem'), 'utf8');
  const hex = readFileSync(join(dir, 'public_key_hex'), 'utf8');
  expect(secret.startsWith('-----BEGIN EC PRIVATE KEY-----\r\n')).toBe(true);
  const sk = der(secret);
  expect(sk.length).toBe(48);
  expect(sk.subarray(0, 7).toString('hex')).toBe('302e0201010420');
  expect(sk.subarray(39).toString('hex')).toBe('a00706052b8104000a');
  const pk = der(pub);
  expect(pk.subarray(0, 23).toString('hex')).toBe('3036301006072a8648ce3d020106052b8104000a032200');
  expect(`02${pk.subarray(23).toString('hex')}`).toBe(hex);
  expect(`02${Buffer.from(secp256k1.getPublicKey(sk.subarray(7, 39), true)).toString('hex')}`).toBe(hex);
  expect(readSecretKeyFile(join(dir, 'secret_key.pem')).key.publicKey.toHex()).toBe(hex);
  expect(PrivateKey.fromPem(secret, KeyAlgorithm.SECP256K1).publicKey.toHex()).toBe(hex);
});

test('reads the key casper-client ships as resources/test.pem (LF endings, no final newline)', () => {
  const path = join(dir, 'test.pem');
  writeFileSync(path, CASPER_CLIENT_TEST_PEM);
  expect(readSecretKeyFile(path)).toMatchObject({ algorithm: 'ed25519' });
  expect(readSecretKeyFile(path).key.publicKey.toHex()).toBe(CASPER_CLIENT_TEST_PUBLIC_KEY);
});

test('existing files are kept unless --force; nothing is written when one exists', async () => {
  writeFileSync(join(dir, 'public_key_hex'), 'mine');
  expect(await cli('keygen', dir)).toEqual({
    code: 2,
    out: '',
    err: `casper-as: file at ${join(dir, 'public_key_hex')} already exists\n`,
  });
  expect(existsSync(join(dir, 'secret_key.pem'))).toBe(false);
  expect(readFileSync(join(dir, 'public_key_hex'), 'utf8')).toBe('mine');
  expect((await cli('keygen', dir, '--force')).code).toBe(0);
  expect(readFileSync(join(dir, 'public_key_hex'), 'utf8')).toMatch(/^01[0-9a-f]{64}$/);
});

test('an unknown algorithm is bad input', async () => {
  expect(await cli('keygen', dir, '-a', 'rsa')).toEqual({
    code: 2,
    out: '',
    err: "casper-as: invalid value 'rsa' for '--algorithm <STRING>' [possible values: ed25519, secp256k1]\n",
  });
  expect(existsSync(join(dir, 'secret_key.pem'))).toBe(false);
});
