/**
 * Small byte helpers shared by the bytesrepr codecs: hex conversion, bytewise comparison and
 * Rust's `str` ordering (UTF-8 byte order) for JavaScript strings.
 */

const HEX: string[] = [];
for (let i = 0; i < 256; i++) HEX.push(i.toString(16).padStart(2, '0'));

/** Lowercase hex of `bytes[start, end)` (like `base16::encode_lower`). */
export function bytesToHex(bytes: Uint8Array, start = 0, end = bytes.length): string {
  // Node's native encoder builds a flat string about 4× faster than concatenation (this is on
  // the host's hot path: state and access-rights lookups key on it).
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('hex');
}

function nibble(c: number): number {
  if (c >= 48 && c <= 57) return c - 48; // 0-9
  if (c >= 97 && c <= 102) return c - 87; // a-f
  if (c >= 65 && c <= 70) return c - 55; // A-F
  return -1;
}

/** Parses hex (either case, no prefix, even length); throws RangeError on anything else. */
export function hexToBytes(hex: string): Uint8Array {
  if (hex.length % 2 !== 0) throw new RangeError(`hex string of odd length ${hex.length}`);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = nibble(hex.charCodeAt(2 * i));
    const lo = nibble(hex.charCodeAt(2 * i + 1));
    if (hi < 0 || lo < 0) throw new RangeError(`invalid hex digit near offset ${2 * i}`);
    out[i] = (hi << 4) | lo;
  }
  return out;
}

/** Lexicographic byte comparison (Rust `[u8]` Ord): negative, 0 or positive. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a[i] - b[i];
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** True when both arrays hold the same bytes. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Compares two strings in the order of their UTF-8 encodings (= Unicode code point order), which
 * is Rust's `String` Ord and hence the order of every `BTreeMap<String, _>`. Plain `<` on
 * JavaScript strings compares UTF-16 code units and differs when a surrogate pair meets a BMP
 * character at or above U+E000.
 */
export function compareStringsUtf8(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      // Map code units so that surrogates (0xD800-0xDFFF) sort above 0xE000-0xFFFF.
      if (x >= 0xd800) x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      if (y >= 0xd800) y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
      return x - y;
    }
  }
  return a.length - b.length;
}

/** Concatenates byte arrays into a fresh array. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/**
 * Sorts `items` by `cmp` (stable) and removes entries equal to a later one, keeping the last
 * occurrence — the result of inserting the items one by one into a Rust `BTreeMap`/`BTreeSet`
 * whose equal elements are indistinguishable. Returns a new array.
 */
export function sortDedupLast<T>(items: readonly T[], cmp: (a: T, b: T) => number): T[] {
  const idx = items.map((_, i) => i);
  idx.sort((i, j) => cmp(items[i], items[j]) || i - j);
  const out: T[] = [];
  for (let k = 0; k < idx.length; k++) {
    const cur = items[idx[k]];
    if (k + 1 < idx.length && cmp(cur, items[idx[k + 1]]) === 0) continue;
    out.push(cur);
  }
  return out;
}

/** UTF-8 byte length of a string (lone surrogates count as U+FFFD, 3 bytes, as TextEncoder writes them). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}
