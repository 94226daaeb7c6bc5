/**
 * Key files in casper-client's layout (`lib/keygen.rs`, casper-types `SecretKey::to_pem` /
 * `from_pem`): `secret_key.pem` (Ed25519 as PKCS#8 "PRIVATE KEY", secp256k1 as SEC1 "EC PRIVATE
 * KEY", no public key inside), `public_key.pem` (SubjectPublicKeyInfo "PUBLIC KEY", secp256k1
 * compressed) and `public_key_hex` (tag byte + key, lowercase hex, no newline). PEM text is what
 * the `pem` crate writes: base64 in 64-column lines, CRLF line endings.
 *
 * Reading follows casper-types `SecretKey::from_der` exactly (casper-js-sdk's `fromPem` accepts
 * any 32 trailing bytes), then the key material goes to casper-js-sdk (`PrivateKey.fromHex`).
 */

import { existsSync, readFileSync, statSync } from 'node:fs';
import { KeyAlgorithm, PrivateKey, PublicKey as SdkPublicKey } from 'casper-js-sdk';
import { secp256k1 } from '@noble/curves/secp256k1';
import { badInput } from './errors';
import { FormatError, parsePublicKeyHex } from './formatted';

const ED25519_OID = Uint8Array.of(0x2b, 0x65, 0x70);
const EC_PUBLIC_KEY_OID = Uint8Array.of(0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01);
const SECP256K1_OID = Uint8Array.of(0x2b, 0x81, 0x04, 0x00, 0x0a);

/** The PEM tags casper-types writes. */
export const PEM_TAGS = { ed25519: 'PRIVATE KEY', secp256k1: 'EC PRIVATE KEY', public: 'PUBLIC KEY' } as const;

/** A secret key read from a file: casper-js-sdk key and its algorithm. */
export interface LoadedKey {
  readonly key: PrivateKey;
  readonly algorithm: 'ed25519' | 'secp256k1';
}

// ---- DER (only what these key formats need) ----

interface Der {
  readonly tag: number;
  readonly value: Uint8Array;
}

function readDer(buf: Uint8Array, pos: number): { el: Der; next: number } {
  if (pos + 2 > buf.length) throw new Error('truncated DER');
  const tag = buf[pos];
  let len = buf[pos + 1];
  let p = pos + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 2 || p + n > buf.length) throw new Error('bad DER length');
    len = 0;
    for (let i = 0; i < n; i++) len = (len << 8) | buf[p++];
  }
  if (p + len > buf.length) throw new Error('truncated DER');
  return { el: { tag, value: buf.subarray(p, p + len) }, next: p + len };
}

function readAll(buf: Uint8Array): Der[] {
  const out: Der[] = [];
  for (let p = 0; p < buf.length; ) {
    const { el, next } = readDer(buf, p);
    out.push(el);
    p = next;
  }
  return out;
}

function der(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const body = Buffer.concat(parts);
  const len = body.length < 0x80 ? [body.length] : [0x81, body.length];
  return Uint8Array.from(Buffer.concat([Uint8Array.of(tag, ...len), body]));
}

const eq = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** casper-types `SecretKey::from_der`: the algorithm and the raw 32 secret bytes, or why not. */
function secretFromDer(bytes: Uint8Array): { algorithm: 'ed25519' | 'secp256k1'; raw: Uint8Array } {
  const top = readAll(bytes);
  if (top.length !== 1 || top[0].tag !== 0x30) throw new Error('not a DER sequence');
  const items = readAll(top[0].value);
  if (items.length < 2 || items[0].tag !== 0x02 || items[0].value.length !== 1) throw new Error('no version integer');
  const version = items[0].value[0];
  if (items[1].tag === 0x30) {
    const oid = readAll(items[1].value);
    if (version !== 0 || oid.length !== 1 || oid[0].tag !== 0x06 || !eq(oid[0].value, ED25519_OID)) {
      throw new Error('not an Ed25519 PKCS#8 key');
    }
    if (items.length !== 3 || items[2].tag !== 0x04) throw new Error('no key octet string');
    const inner = readAll(items[2].value);
    if (inner.length !== 1 || inner[0].tag !== 0x04) throw new Error('no key octet string');
    if (inner[0].value.length !== 32)
      throw new Error(`an Ed25519 secret key is 32 bytes, got ${inner[0].value.length}`);
    return { algorithm: 'ed25519', raw: inner[0].value.slice() };
  }
  if (items[1].tag === 0x04) {
    if (version !== 1) throw new Error('not a SEC1 EC private key');
    if (items.length < 3 || items.length > 4 || items[2].tag !== 0xa0) throw new Error('no curve parameters');
    const oid = readAll(items[2].value);
    if (oid.length !== 1 || oid[0].tag !== 0x06 || !eq(oid[0].value, SECP256K1_OID))
      throw new Error('the curve is not secp256k1');
    const raw = items[1].value.slice();
    if (raw.length !== 32) throw new Error(`a secp256k1 secret key is 32 bytes, got ${raw.length}`);
    if (!secp256k1.utils.isValidPrivateKey(raw))
      throw new Error('not a valid secp256k1 secret key (zero or not below the curve order)');
    return { algorithm: 'secp256k1', raw };
  }
  throw new Error('neither an Ed25519 (PKCS#8) nor a secp256k1 (SEC1) key');
}

/** The `pem` crate's parse: one BEGIN/END block with matching labels, base64 inside. */
export function parsePem(text: string): { tag: string; contents: Uint8Array } {
  const m = /-----BEGIN (.*?)-----\s*([\s\S]*?)-----END (.*?)-----/.exec(text);
  if (!m) throw new Error('malformed framing (no -----BEGIN …----- / -----END …----- block)');
  if (m[1] !== m[3]) throw new Error(`mismatched tags: BEGIN ${m[1]}, END ${m[3]}`);
  const b64 = m[2].replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0) throw new Error('invalid base64 data');
  return { tag: m[1], contents: Uint8Array.from(Buffer.from(b64, 'base64')) };
}

/** The `pem` crate's encode: 64-column base64, CRLF line endings. */
export function encodePem(tag: string, contents: Uint8Array): string {
  const b64 = Buffer.from(contents).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [''];
  return `-----BEGIN ${tag}-----\r\n${lines.join('\r\n')}\r\n-----END ${tag}-----\r\n`;
}

/** Reads a secret key file as casper-client does (`--secret-key`); bad input names the file and the problem. */
export function readSecretKeyFile(path: string, flag = '--secret-key'): LoadedKey {
  if (!existsSync(path)) throw badInput(`${flag} ${path}: no such file`);
  if (statSync(path).isDirectory()) throw badInput(`${flag} ${path}: is a directory, not a key file`);
  const text = readFileSync(path, 'latin1');
  let pem: { tag: string; contents: Uint8Array };
  try {
    pem = parsePem(text);
  } catch (e) {
    throw badInput(`${flag} ${path}: not a PEM secret key: ${(e as Error).message}`);
  }
  if (pem.tag === PEM_TAGS.public)
    throw badInput(`${flag} ${path}: this is a public key (PUBLIC KEY), not a secret key`);
  let parsed: { algorithm: 'ed25519' | 'secp256k1'; raw: Uint8Array };
  try {
    parsed = secretFromDer(pem.contents);
  } catch (e) {
    throw badInput(`${flag} ${path}: not an Ed25519 or secp256k1 secret key: ${(e as Error).message}`);
  }
  const expected = PEM_TAGS[parsed.algorithm];
  if (pem.tag !== expected) throw badInput(`${flag} ${path}: invalid PEM tag: expected ${expected}, got ${pem.tag}`);
  const alg = parsed.algorithm === 'ed25519' ? KeyAlgorithm.ED25519 : KeyAlgorithm.SECP256K1;
  return { key: PrivateKey.fromHex(Buffer.from(parsed.raw).toString('hex'), alg), algorithm: parsed.algorithm };
}

/** casper-types `SecretKey::to_der` of a casper-js-sdk key. */
export function secretKeyDer(key: PrivateKey, algorithm: 'ed25519' | 'secp256k1'): Uint8Array {
  const raw = key.toBytes();
  if (algorithm === 'ed25519') {
    return der(0x30, der(0x02, Uint8Array.of(0)), der(0x30, der(0x06, ED25519_OID)), der(0x04, der(0x04, raw)));
  }
  return der(0x30, der(0x02, Uint8Array.of(1)), der(0x04, raw), der(0xa0, der(0x06, SECP256K1_OID)));
}

/** casper-types `PublicKey::to_der` (SubjectPublicKeyInfo; secp256k1 compressed). */
export function publicKeyDer(pk: SdkPublicKey): Uint8Array {
  const bytes = pk.bytes();
  const raw = bytes.subarray(1);
  if (bytes[0] === 1) return der(0x30, der(0x30, der(0x06, ED25519_OID)), der(0x03, Uint8Array.of(0), raw));
  return der(0x30, der(0x30, der(0x06, EC_PUBLIC_KEY_OID), der(0x06, SECP256K1_OID)), der(0x03, Uint8Array.of(0), raw));
}

/** A public key from `--session-account`: hex, or the path of a `public_key_hex` / `public_key.pem` file. */
export function readPublicKeyArg(value: string, flag = '--session-account'): SdkPublicKey {
  let hex = value;
  if (existsSync(value) && !statSync(value).isDirectory()) {
    const text = readFileSync(value, 'latin1');
    if (text.includes('-----BEGIN')) {
      try {
        const pem = parsePem(text);
        const [spki] = readAll(pem.contents);
        const [alg, bits] = readAll(spki.value);
        const oids = readAll(alg.value);
        const tag = eq(oids[0].value, ED25519_OID) ? '01' : eq(oids[0].value, EC_PUBLIC_KEY_OID) ? '02' : '';
        if (!tag || pem.tag !== PEM_TAGS.public || bits.tag !== 0x03 || bits.value[0] !== 0)
          throw new Error('not a public key');
        hex = tag + Buffer.from(bits.value.subarray(1)).toString('hex');
      } catch (e) {
        throw badInput(`${flag} ${value}: not a public key PEM file: ${(e as Error).message}`);
      }
    } else hex = text.trim();
  }
  try {
    parsePublicKeyHex(hex);
  } catch (e) {
    if (e instanceof FormatError) throw badInput(`${flag} ${value}: not a public key: ${e.message}`);
    throw e;
  }
  return SdkPublicKey.fromHex(hex);
}
