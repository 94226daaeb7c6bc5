/**
 * A JSON reader for `--session-args-json` that keeps what serde_json keeps and JavaScript's
 * `JSON.parse` loses: the exact text of every number (so `"U512"` values beyond 2^53 and the
 * integer/float distinction survive), object members in order (serde_json's `preserve_order`, a
 * repeated member keeping its first position and its last value), and where every value starts,
 * for messages in serde_json's wording ("expected value at line 1 column 7").
 */

/** A parsed JSON value with its position (index of its first character). */
export type JsonNode =
  | { readonly kind: 'null'; readonly at: number }
  | { readonly kind: 'bool'; readonly value: boolean; readonly at: number }
  | { readonly kind: 'number'; readonly raw: string; readonly at: number }
  | { readonly kind: 'string'; readonly value: string; readonly at: number }
  | { readonly kind: 'array'; readonly items: readonly JsonNode[]; readonly at: number; readonly end: number }
  | {
      readonly kind: 'object';
      readonly entries: ReadonlyArray<readonly [string, JsonNode]>;
      readonly at: number;
      readonly end: number;
    };

/** A syntax error, worded as serde_json words it, with its line and column. */
export class JsonTextError extends Error {}

/** "line L column C" of the character at index `at` (1-based, as serde_json counts). */
export function position(text: string, at: number): string {
  let line = 1;
  let col = 1;
  for (let i = 0; i < at && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      col = 1;
    } else col++;
  }
  return `line ${line} column ${col}`;
}

/** Parses one JSON document (nothing but whitespace may follow it). */
export function parseJsonText(text: string): JsonNode {
  let i = 0;
  const fail = (msg: string, at = i): never => {
    throw new JsonTextError(`${msg} at ${position(text, Math.min(at, text.length))}`);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const value = (what: string): JsonNode => {
    ws();
    const at = i;
    if (i >= text.length) fail(`EOF while parsing ${what}`);
    const c = text[i];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return { kind: 'string', value: string(), at };
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    for (const [word, node] of [
      ['null', { kind: 'null', at }],
      ['true', { kind: 'bool', value: true, at }],
      ['false', { kind: 'bool', value: false, at }],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return node;
      }
      if (word.startsWith(text.slice(i)) && text.length - i < word.length)
        fail('EOF while parsing a value', text.length);
    }
    return fail('expected value');
  };
  const number = (): JsonNode => {
    const at = i;
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i));
    if (!m || m[0] === '-') return fail('invalid number', i + 1);
    i += m[0].length;
    return { kind: 'number', raw: m[0], at };
  };
  const string = (): string => {
    i++; // opening quote
    let out = '';
    for (;;) {
      if (i >= text.length) fail('EOF while parsing a string');
      const c = text[i];
      if (c === '"') {
        i++;
        return out;
      }
      if (c < ' ') fail('control character (\\u0000-\\u001F) found while parsing a string');
      if (c !== '\\') {
        out += c;
        i++;
        continue;
      }
      const e = text[i + 1];
      const simple: Record<string, string> = {
        '"': '"',
        '\\': '\\',
        '/': '/',
        b: '\b',
        f: '\f',
        n: '\n',
        r: '\r',
        t: '\t',
      };
      if (e !== undefined && simple[e] !== undefined) {
        out += simple[e];
        i += 2;
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
      } else {
        fail(e === undefined ? 'EOF while parsing a string' : 'invalid escape', i + 1);
      }
    }
  };
  const array = (): JsonNode => {
    const at = i++;
    const items: JsonNode[] = [];
    ws();
    if (text[i] === ']') return { kind: 'array', items, at, end: i++ };
    for (;;) {
      items.push(value('a list'));
      ws();
      if (i >= text.length) fail('EOF while parsing a list');
      if (text[i] === ']') return { kind: 'array', items, at, end: i++ };
      if (text[i] !== ',') fail('expected `,` or `]`');
      i++;
    }
  };
  const object = (): JsonNode => {
    const at = i++;
    const entries: Array<[string, JsonNode]> = [];
    const put = (k: string, v: JsonNode) => {
      const prev = entries.findIndex(([name]) => name === k);
      if (prev >= 0) entries[prev] = [k, v];
      else entries.push([k, v]);
    };
    ws();
    if (text[i] === '}') return { kind: 'object', entries, at, end: i++ };
    for (;;) {
      ws();
      if (i >= text.length) fail('EOF while parsing an object');
      if (text[i] !== '"') fail('key must be a string');
      const k = string();
      ws();
      if (i >= text.length) fail('EOF while parsing an object');
      if (text[i] !== ':') fail('expected `:`');
      i++;
      put(k, value('a value'));
      ws();
      if (i >= text.length) fail('EOF while parsing an object');
      if (text[i] === '}') return { kind: 'object', entries, at, end: i++ };
      if (text[i] !== ',') fail('expected `,` or `}`');
      i++;
    }
  };
  const root = value('a value');
  ws();
  if (i < text.length) fail('trailing characters');
  return root;
}

/** serde_json's Display of a value: compact JSON (numbers as written). */
export function compactJson(n: JsonNode): string {
  switch (n.kind) {
    case 'null':
      return 'null';
    case 'bool':
      return String(n.value);
    case 'number':
      return n.raw;
    case 'string':
      return JSON.stringify(n.value);
    case 'array':
      return `[${n.items.map(compactJson).join(',')}]`;
    case 'object':
      return `{${n.entries.map(([k, v]) => `${JSON.stringify(k)}:${compactJson(v)}`).join(',')}}`;
  }
}

/** serde's name of a value's kind in "invalid type" messages. */
export function unexpectedKind(n: JsonNode): string {
  switch (n.kind) {
    case 'null':
      return 'null';
    case 'bool':
      return `boolean \`${n.value}\``;
    case 'number':
      return /[.eE]/.test(n.raw) ? `floating point \`${n.raw}\`` : `integer \`${n.raw}\``;
    case 'string':
      return `string ${JSON.stringify(n.value)}`;
    case 'array':
      return 'sequence';
    case 'object':
      return 'map';
  }
}
