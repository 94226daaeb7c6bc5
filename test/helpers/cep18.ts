/**
 * The CEP-18 conformance fixture: the Rust-compiled CEP-18 token contract Wasm shipped by the npm
 * package `casper-cep18-js-client`. Its `dist/wasm/cep18.js` decodes the bytes with casper-js-sdk
 * 2's `decodeBase64`, which casper-js-sdk 5 lacks, so the module is not `require`d: the base64
 * string literal is read out of the file as text and decoded with Buffer.
 */
import { readFileSync } from 'node:fs';

/** Path of the js-client file that embeds the contract Wasm as base64. */
export const CEP18_WASM_JS = require.resolve('casper-cep18-js-client/dist/wasm/cep18.js');

/** The CEP-18 contract Wasm bytes (read once per call; callers keep the result). */
export function loadCep18Wasm(): Uint8Array<ArrayBuffer> {
  const text = readFileSync(CEP18_WASM_JS, 'utf8');
  const m = /var base64 = "([A-Za-z0-9+/=]+)"/.exec(text);
  if (!m) throw new Error(`no base64 Wasm literal in ${CEP18_WASM_JS}`);
  return new Uint8Array(Buffer.from(m[1], 'base64'));
}
