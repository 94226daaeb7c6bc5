/**
 * JSON text ↔ values for the devnet's JSON-RPC, without losing u64 precision: integers outside
 * the safe range parse to `bigint`, and `bigint`s stringify as bare JSON numbers (serde_json
 * reads and writes u64/i64 exactly, JavaScript's JSON does not). Syntax errors read like
 * serde_json's (`expected value at line 1 column 1`), which the node returns in a Parse error.
 */

/** A parsed JSON value. Objects are plain objects; integers beyond 2^53 are bigints. */
export type JsonValue = null | boolean | number | bigint | string | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/** A syntax error, with serde_json's wording and position. */
export class JsonSyntaxError extends Error {}

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  private position(at: number): string {
    let line = 1;
    let col = 0;
    for (let k = 0; k < at && k < this.s.length; k++) {
      if (this.s[k] === '\n') {
        line++;
        col = 0;
      } else col++;
    }
    return `line ${line} column ${col}`;
  }

  /** serde_json reports the column of the last character read (EOF: the end of the text). */
  private fail(msg: string, at = this.i + 1): never {
    throw new JsonSyntaxError(`${msg} at ${this.position(Math.min(at, this.s.length))}`);
  }

  private ws(): void {
    while (this.i < this.s.length) {
      const c = this.s.charCodeAt(this.i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.i++;
      else break;
    }
  }

  parseDocument(): JsonValue {
    this.ws();
    const v = this.value();
    this.ws();
    if (this.i < this.s.length) this.fail('trailing characters');
    return v;
  }

  private value(): JsonValue {
    if (this.i >= this.s.length) this.fail('EOF while parsing a value', this.s.length);
    const c = this.s[this.i];
    switch (c) {
      case '{':
        return this.object();
      case '[':
        return this.array();
      case '"':
        return this.string();
      case 't':
        return this.ident('true', true);
      case 'f':
        return this.ident('false', false);
      case 'n':
        return this.ident('null', null);
      default:
        if (c === '-' || (c >= '0' && c <= '9')) return this.number();
        return this.fail('expected value');
    }
  }

  private ident<T extends JsonValue>(word: string, v: T): T {
    for (let k = 0; k < word.length; k++) {
      if (this.i >= this.s.length) this.fail('EOF while parsing a value', this.s.length);
      if (this.s[this.i] !== word[k]) this.fail('expected ident');
      this.i++;
    }
    return v;
  }

  private number(): number | bigint {
    const start = this.i;
    if (this.s[this.i] === '-') this.i++;
    const digit = () => this.i < this.s.length && this.s[this.i] >= '0' && this.s[this.i] <= '9';
    if (!digit()) this.fail(this.i >= this.s.length ? 'EOF while parsing a value' : 'invalid number');
    if (this.s[this.i] === '0') {
      this.i++;
      if (digit()) this.fail('invalid number');
    } else while (digit()) this.i++;
    let integer = true;
    if (this.s[this.i] === '.') {
      integer = false;
      this.i++;
      if (!digit()) this.fail(this.i >= this.s.length ? 'EOF while parsing a value' : 'invalid number');
      while (digit()) this.i++;
    }
    if (this.s[this.i] === 'e' || this.s[this.i] === 'E') {
      integer = false;
      this.i++;
      if (this.s[this.i] === '+' || this.s[this.i] === '-') this.i++;
      if (!digit()) this.fail(this.i >= this.s.length ? 'EOF while parsing a value' : 'invalid number');
      while (digit()) this.i++;
    }
    const text = this.s.slice(start, this.i);
    if (integer) {
      const n = Number(text);
      if (Number.isSafeInteger(n)) return n;
      return BigInt(text);
    }
    const f = Number(text);
    if (!Number.isFinite(f)) this.fail('number out of range', this.i);
    return f;
  }

  private string(): string {
    this.i++; // opening quote
    let out = '';
    let run = this.i;
    for (;;) {
      if (this.i >= this.s.length) this.fail('EOF while parsing a string', this.s.length);
      const c = this.s.charCodeAt(this.i);
      if (c === 0x22) {
        out += this.s.slice(run, this.i);
        this.i++;
        return out;
      }
      if (c < 0x20) this.fail('control character (\\u0000-\\u001F) found while parsing a string');
      if (c !== 0x5c) {
        this.i++;
        continue;
      }
      out += this.s.slice(run, this.i);
      this.i++;
      if (this.i >= this.s.length) this.fail('EOF while parsing a string', this.s.length);
      const e = this.s[this.i++];
      switch (e) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          const hex = this.s.slice(this.i, this.i + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
            if (this.i + 4 > this.s.length) this.fail('EOF while parsing a string', this.s.length);
            this.fail('invalid escape');
          }
          out += String.fromCharCode(parseInt(hex, 16));
          this.i += 4;
          break;
        }
        default:
          this.fail('invalid escape', this.i);
      }
      run = this.i;
    }
  }

  private array(): JsonValue[] {
    this.i++;
    const out: JsonValue[] = [];
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      if (this.i >= this.s.length) this.fail('EOF while parsing a list', this.s.length);
      out.push(this.value());
      this.ws();
      if (this.i >= this.s.length) this.fail('EOF while parsing a list', this.s.length);
      const c = this.s[this.i];
      if (c === ',') {
        this.i++;
        this.ws();
        if (this.s[this.i] === ']') this.fail('trailing comma');
        continue;
      }
      if (c === ']') {
        this.i++;
        return out;
      }
      this.fail('expected `,` or `]`');
    }
  }

  private object(): JsonObject {
    this.i++;
    const out: JsonObject = Object.create(null);
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      return { ...out };
    }
    for (;;) {
      this.ws();
      if (this.i >= this.s.length) this.fail('EOF while parsing an object', this.s.length);
      if (this.s[this.i] !== '"') this.fail('key must be a string');
      const key = this.string();
      this.ws();
      if (this.i >= this.s.length) this.fail('EOF while parsing an object', this.s.length);
      if (this.s[this.i] !== ':') this.fail('expected `:`');
      this.i++;
      this.ws();
      out[key] = this.value();
      this.ws();
      if (this.i >= this.s.length) this.fail('EOF while parsing an object', this.s.length);
      const c = this.s[this.i];
      if (c === ',') {
        this.i++;
        this.ws();
        if (this.s[this.i] === '}') this.fail('trailing comma');
        continue;
      }
      if (c === '}') {
        this.i++;
        return { ...out };
      }
      this.fail('expected `,` or `}`');
    }
  }
}

/** Parses JSON text; integers beyond ±(2^53−1) become bigints. Throws JsonSyntaxError. */
export function parseJson(text: string): JsonValue {
  return new Parser(text).parseDocument();
}

/** Compact JSON text of `v`; bigints are written as numbers, `undefined` members are left out. */
export function stringifyJson(v: unknown): string {
  const parts: string[] = [];
  write(v, parts);
  return parts.join('');
}

function write(v: unknown, out: string[]): void {
  if (v === null || v === undefined) {
    out.push('null');
  } else if (typeof v === 'bigint') {
    out.push(v.toString());
  } else if (typeof v === 'number') {
    out.push(Number.isFinite(v) ? String(v) : 'null');
  } else if (typeof v === 'string' || typeof v === 'boolean') {
    out.push(JSON.stringify(v));
  } else if (Array.isArray(v)) {
    out.push('[');
    v.forEach((x, i) => {
      if (i > 0) out.push(',');
      write(x, out);
    });
    out.push(']');
  } else if (typeof v === 'object') {
    out.push('{');
    let first = true;
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (x === undefined) continue;
      if (!first) out.push(',');
      first = false;
      out.push(JSON.stringify(k), ':');
      write(x, out);
    }
    out.push('}');
  } else {
    out.push('null');
  }
}

/** serde's name of a JSON value's kind in "invalid type" errors, e.g. integer `5`, a string "x". */
export function unexpected(v: JsonValue | undefined): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return `boolean \`${v}\``;
  if (typeof v === 'bigint') return `integer \`${v}\``;
  if (typeof v === 'number') return Number.isInteger(v) ? `integer \`${v}\`` : `floating point \`${v}\``;
  if (typeof v === 'string') return `string ${JSON.stringify(v)}`;
  if (Array.isArray(v)) return 'sequence';
  return 'map';
}

/** True for a JSON object (not an array, not null). */
export function isObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
