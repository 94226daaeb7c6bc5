/**
 * Public keys for `--account`: a hex public key (`01…` Ed25519, `02…` Secp256k1), or a file
 * casper-client / casper-js-sdk writes — `public_key_hex`, `public_key.pem` (SPKI), or
 * `secret_key.pem` (PKCS#8 Ed25519 or SEC1 secp256k1; the public key is derived from it).
 */

import { readFileSync } from 'node:fs';
import { ed25519 } from '@noble/curves/ed25519';
import { secp256k1 } from '@noble/curves/secp256k1';
import { bytesToHex } from '../../runtime/types/bytes';
import { publicKeyFromRaw, type PublicKey } from '../../runtime/types/public-key';
import { parsePublicKeyHex } from './cljson';

const ED25519_OID = '06032b6570';
const SECP256K1_OID = '06052b8104000a';

/** A public key from PEM text, or an error message. */
export function publicKeyFromPem(pem: string): PublicKey | { error: string } {
  const m = /-----BEGIN ([A-Z ]+)-----([\s\S]*?)-----END \1-----/.exec(pem);
  if (!m) return { error: 'no PEM block found' };
  const der = new Uint8Array(Buffer.from(m[2].replace(/\s+/g, ''), 'base64'));
  const hex = bytesToHex(der);
  const label = m[1];
  const fromRaw = (tag: 1 | 2, raw: Uint8Array) =>
    publicKeyFromRaw(tag, raw) ?? { error: 'the key is not a valid curve point' };
  if (label === 'PUBLIC KEY') {
    if (hex.includes(ED25519_OID) && hex.includes('032100')) return fromRaw(1, der.subarray(der.length - 32));
    if (hex.includes(SECP256K1_OID)) {
      if (hex.includes('034200') && der.length >= 65) {
        return fromRaw(2, secp256k1.ProjectivePoint.fromHex(der.subarray(der.length - 65)).toRawBytes(true));
      }
      if (hex.includes('032200')) return fromRaw(2, der.subarray(der.length - 33));
    }
    return { error: 'unsupported public key (expected Ed25519 or secp256k1 SPKI)' };
  }
  if (label === 'PRIVATE KEY' && hex.includes(ED25519_OID)) {
    const at = hex.lastIndexOf('0420');
    if (at < 0 || at % 2 !== 0) return { error: 'malformed Ed25519 private key' };
    const seed = der.subarray(at / 2 + 2, at / 2 + 34);
    if (seed.length !== 32) return { error: 'malformed Ed25519 private key' };
    return fromRaw(1, ed25519.getPublicKey(seed));
  }
  if (label === 'EC PRIVATE KEY' || (label === 'PRIVATE KEY' && hex.includes(SECP256K1_OID))) {
    const at = hex.indexOf('0420');
    if (at < 0 || at % 2 !== 0) return { error: 'malformed secp256k1 private key' };
    const d = der.subarray(at / 2 + 2, at / 2 + 34);
    if (d.length !== 32) return { error: 'malformed secp256k1 private key' };
    return fromRaw(2, secp256k1.getPublicKey(d, true));
  }
  return { error: `unsupported PEM block "${label}"` };
}

/** A public key from hex text or from a key file at that path. */
export function loadPublicKey(spec: string): PublicKey | { error: string } {
  if (/^0[12][0-9a-fA-F]{64,66}$/.test(spec)) {
    const pk = parsePublicKeyHex(spec);
    return 'error' in pk ? { error: `bad public key ${spec}: ${pk.error}` } : pk;
  }
  let text: string;
  try {
    text = readFileSync(spec, 'utf8');
  } catch (e) {
    return { error: `cannot read ${spec}: ${e instanceof Error ? e.message : String(e)}` };
  }
  const trimmed = text.trim();
  if (/^0[12][0-9a-fA-F]+$/.test(trimmed)) {
    const pk = parsePublicKeyHex(trimmed);
    return 'error' in pk ? { error: `${spec}: ${pk.error}` } : pk;
  }
  const pk = publicKeyFromPem(text);
  return 'error' in pk ? { error: `${spec}: ${pk.error}` } : pk;
}
