// Regenerates runtime/costs/chainspec-<version>.json from a casper-node chainspec.toml, so the cost
// tables the host emulator uses are data that anyone can reproduce from the node's own file.
//
//   node scripts/chainspec-to-json.mjs <chainspec.toml> [out.json]
//
// Without out.json the JSON goes to stdout. The output is one normalized shape for 1.5.x and 2.0
// chainspecs (see runtime/costs/index.ts, ChainspecCosts); every key keeps the TOML's own name:
//   protocol.version
//   core            selected [core] keys (CORE_KEYS below, those present)
//   deploys         1.5: [deploys]; 2.0: the scalar keys of [transactions] + [transactions.deploy]
//   transactions_v1 2.0 only: [transactions.v1] (lane definitions)
//   vacancy         2.0 only: [vacancy] (gas price bounds)
//   wasm            1.5: [wasm]; 2.0: [wasm.v1] — max_memory, max_stack_height, opcode_costs,
//                   host_function_costs ({cost, arguments} entries only; a plain-number entry such
//                   as 2.0's cost_increase_per_message is moved up to wasm.<name>), messages_limits
//                   (2.0: [wasm.messages_limits])
//   storage_costs   1.5: [wasm.storage_costs]; 2.0: [storage_costs]
//   system_costs    [system_costs] with its sub-tables
// Fractions ([7, 175070816] or '7/175070816') become strings "7/175070816". Integers beyond
// Number.MAX_SAFE_INTEGER become decimal strings. JSON is printed with 2-space indentation, arrays
// of scalars on one line (the layout `biome format` keeps).
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** [core] keys a host emulator uses (node engine config, auction, transfers, refunds). */
const CORE_KEYS = [
  'era_duration',
  'minimum_era_height',
  'minimum_block_time',
  'validator_slots',
  'auction_delay',
  'locked_funds_period',
  'vesting_schedule_period',
  'unbonding_delay',
  'round_seigniorage_rate',
  'max_associated_keys',
  'max_runtime_call_stack_height',
  'minimum_delegation_amount',
  'maximum_delegation_amount',
  'minimum_bid_amount',
  'strict_argument_checking',
  'max_delegators_per_validator',
  'allow_unrestricted_transfers',
  'allow_auction_bids',
  'compute_rewards',
  'refund_handling',
  'fee_handling',
  'validator_credit_cap',
  'pricing_handling',
  'allow_reservations',
  'gas_hold_balance_handling',
  'gas_hold_interval',
  'administrators',
  'enable_addressable_entity',
];

/** Keys whose value is a fraction (a two-integer array or an "a/b" string in the TOML). */
const FRACTION_KEYS = new Set([
  'round_seigniorage_rate',
  'refund_ratio',
  'validator_credit_cap',
  'finality_threshold_fraction',
  'reduced_reward_multiplier',
  'finders_fee',
  'finality_signature_proportion',
]);

// ---------------------------------------------------------------------------------------------
// Minimal TOML parser: comments, [tables], [dotted.tables], bare/quoted (dotted) keys, integers
// (sign, underscores, 0x/0o/0b), floats, '...' and "..." strings, booleans, arrays (multi-line,
// nested), inline tables. Integers are kept as BigInt. Arrays of tables ([[x]]) are rejected.

/** Parses TOML text into plain objects (integers as BigInt). Throws with a line number on error. */
export function parseToml(text) {
  let pos = 0;
  const root = {};
  let current = root;

  const fail = (msg) => {
    const line = text.slice(0, pos).split('\n').length;
    throw new SyntaxError(`TOML line ${line}: ${msg}`);
  };
  const peek = () => text[pos];
  const skipSpaces = () => {
    while (pos < text.length && (text[pos] === ' ' || text[pos] === '\t')) pos++;
  };
  const skipComment = () => {
    if (text[pos] === '#') while (pos < text.length && text[pos] !== '\n') pos++;
  };
  /** Skips whitespace, newlines and comments (inside arrays). */
  const skipAll = () => {
    for (;;) {
      skipSpaces();
      if (text[pos] === '#') skipComment();
      else if (text[pos] === '\n' || text[pos] === '\r') pos++;
      else return;
    }
  };
  const endOfLine = () => {
    skipSpaces();
    skipComment();
    if (pos < text.length && text[pos] !== '\n' && text[pos] !== '\r') fail(`unexpected '${text[pos]}'`);
  };

  const parseKeyPart = () => {
    skipSpaces();
    const c = peek();
    if (c === '"' || c === "'") return parseString();
    const start = pos;
    while (pos < text.length && /[A-Za-z0-9_-]/.test(text[pos])) pos++;
    if (pos === start) fail('expected a key');
    return text.slice(start, pos);
  };
  const parseKey = () => {
    const parts = [parseKeyPart()];
    skipSpaces();
    while (peek() === '.') {
      pos++;
      parts.push(parseKeyPart());
      skipSpaces();
    }
    return parts;
  };

  const parseString = () => {
    const quote = text[pos++];
    let out = '';
    while (pos < text.length && text[pos] !== quote) {
      const c = text[pos++];
      if (c === '\n') fail('newline in string');
      if (quote === '"' && c === '\\') {
        const e = text[pos++];
        const simple = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\' }[e];
        if (simple !== undefined) out += simple;
        else if (e === 'u' || e === 'U') {
          const n = e === 'u' ? 4 : 8;
          out += String.fromCodePoint(Number.parseInt(text.slice(pos, pos + n), 16));
          pos += n;
        } else fail(`bad escape \\${e}`);
      } else out += c;
    }
    if (text[pos] !== quote) fail('unterminated string');
    pos++;
    return out;
  };

  const parseValue = () => {
    skipSpaces();
    const c = peek();
    if (c === '"' || c === "'") {
      if (text.startsWith(c.repeat(3), pos)) fail('multi-line strings are not supported');
      return parseString();
    }
    if (c === '[') {
      pos++;
      const arr = [];
      for (;;) {
        skipAll();
        if (peek() === ']') {
          pos++;
          return arr;
        }
        arr.push(parseValue());
        skipAll();
        if (peek() === ',') pos++;
        else if (peek() !== ']') fail('expected , or ] in array');
      }
    }
    if (c === '{') {
      pos++;
      const table = {};
      skipSpaces();
      if (peek() === '}') {
        pos++;
        return table;
      }
      for (;;) {
        const key = parseKey();
        skipSpaces();
        if (text[pos++] !== '=') fail('expected = in inline table');
        assign(table, key, parseValue());
        skipSpaces();
        const d = text[pos++];
        if (d === '}') return table;
        if (d !== ',') fail('expected , or } in inline table');
      }
    }
    const m =
      /^(true|false|[+-]?(?:0x[0-9A-Fa-f_]+|0o[0-7_]+|0b[01_]+|[0-9_]+(?:\.[0-9_]+)?(?:[eE][+-]?[0-9_]+)?|inf|nan))/.exec(
        text.slice(pos, pos + 64),
      );
    if (!m) fail(`unsupported value starting with '${c}'`);
    pos += m[1].length;
    const tok = m[1];
    if (tok === 'true') return true;
    if (tok === 'false') return false;
    const clean = tok.replace(/_/g, '');
    if (/^[+-]?(0x|0o|0b)/.test(clean)) {
      const neg = clean.startsWith('-');
      const v = BigInt(clean.replace(/^[+-]/, ''));
      return neg ? -v : v;
    }
    if (/^[+-]?[0-9]+$/.test(clean)) return BigInt(clean);
    return Number(clean);
  };

  const assign = (table, key, value) => {
    let t = table;
    for (const part of key.slice(0, -1)) {
      if (t[part] === undefined) t[part] = {};
      t = t[part];
      if (typeof t !== 'object' || Array.isArray(t)) fail(`key ${key.join('.')} is not a table`);
    }
    const last = key[key.length - 1];
    if (Object.hasOwn(t, last)) fail(`duplicate key ${key.join('.')}`);
    t[last] = value;
  };

  while (pos < text.length) {
    skipAll();
    if (pos >= text.length) break;
    if (peek() === '[') {
      if (text[pos + 1] === '[') fail('arrays of tables are not supported');
      pos++;
      const key = parseKey();
      skipSpaces();
      if (text[pos++] !== ']') fail('expected ]');
      current = root;
      for (const part of key) {
        if (current[part] === undefined) current[part] = {};
        current = current[part];
        if (typeof current !== 'object' || Array.isArray(current)) fail(`${key.join('.')} is not a table`);
      }
      endOfLine();
    } else {
      const key = parseKey();
      skipSpaces();
      if (text[pos++] !== '=') fail('expected =');
      assign(current, key, parseValue());
      endOfLine();
    }
  }
  return root;
}

// ---------------------------------------------------------------------------------------------
// Normalization

/** Converts BigInt to number (or a decimal string beyond 2^53) and fraction keys to "a/b". */
function toJsonValue(value, key) {
  if (key !== undefined && FRACTION_KEYS.has(key)) {
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'bigint')) {
      return `${value[0]}/${value[1]}`;
    }
    if (typeof value === 'string' && /^\d+\s*\/\s*\d+$/.test(value)) return value.replace(/\s+/g, '');
    throw new Error(`${key}: expected a fraction, got ${JSON.stringify(String(value))}`);
  }
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (Array.isArray(value)) return value.map((v) => toJsonValue(v));
  if (value !== null && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJsonValue(v, k);
    return out;
  }
  return value;
}

const isTable = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function need(table, path) {
  let t = table;
  for (const part of path.split('.')) {
    if (!isTable(t) || t[part] === undefined) throw new Error(`chainspec has no [${path}]`);
    t = t[part];
  }
  return t;
}

/** Builds the normalized cost document (see the header comment) from a parsed chainspec. */
export function chainspecToCosts(spec) {
  const version = need(spec, 'protocol.version');
  const isV2 = isTable(spec.wasm?.v1);

  const coreIn = need(spec, 'core');
  const core = {};
  for (const k of CORE_KEYS) if (coreIn[k] !== undefined) core[k] = coreIn[k];

  let deploys;
  let transactionsV1;
  if (isV2) {
    const tx = need(spec, 'transactions');
    deploys = {};
    for (const [k, v] of Object.entries(tx)) if (!isTable(v)) deploys[k] = v;
    Object.assign(deploys, need(spec, 'transactions.deploy'));
    transactionsV1 = tx.v1;
  } else {
    deploys = need(spec, 'deploys');
  }

  const wasmIn = isV2 ? need(spec, 'wasm.v1') : need(spec, 'wasm');
  const hostIn = need(wasmIn, 'host_function_costs');
  const hostFunctionCosts = {};
  const hoisted = {};
  for (const [name, entry] of Object.entries(hostIn)) {
    if (isTable(entry)) {
      if (typeof entry.cost !== 'bigint' || !Array.isArray(entry.arguments)) {
        throw new Error(`host_function_costs.${name}: expected { cost, arguments }`);
      }
      hostFunctionCosts[name] = { cost: entry.cost, arguments: entry.arguments };
    } else {
      hoisted[name] = entry;
    }
  }
  const wasm = {
    max_memory: need(wasmIn, 'max_memory'),
    max_stack_height: need(wasmIn, 'max_stack_height'),
    opcode_costs: need(wasmIn, 'opcode_costs'),
    host_function_costs: hostFunctionCosts,
    ...hoisted,
  };
  const messagesLimits = isV2 ? spec.wasm.messages_limits : wasmIn.messages_limits;
  if (messagesLimits !== undefined) wasm.messages_limits = messagesLimits;

  const storage = isV2 ? need(spec, 'storage_costs') : need(spec, 'wasm.storage_costs');

  const out = { protocol: { version }, core, deploys };
  if (transactionsV1 !== undefined) out.transactions_v1 = transactionsV1;
  if (spec.vacancy !== undefined) out.vacancy = spec.vacancy;
  out.wasm = wasm;
  out.storage_costs = { gas_per_byte: need(storage, 'gas_per_byte') };
  out.system_costs = need(spec, 'system_costs');
  return toJsonValue(out);
}

// ---------------------------------------------------------------------------------------------
// Output: 2-space JSON; arrays of scalars inline when they fit in 120 columns.

/** Serializes like JSON.stringify(value, null, 2) but keeps short scalar arrays on one line. */
export function formatJson(value, indent = '', used = indent.length) {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inner = `${indent}  `;
    if (value.every((v) => v === null || typeof v !== 'object')) {
      const flat = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
      // `used` = columns before the value; +1 for a trailing comma.
      if (used + flat.length + 1 <= 120) return flat;
    }
    return `[\n${value.map((v) => inner + formatJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    // A small leaf table (host function entries) stays on one line, as written in the TOML.
    const leaf = ([, v]) =>
      v === null || typeof v !== 'object' || (Array.isArray(v) && !v.some(isTable) && !v.some(Array.isArray));
    if (indent !== '' && entries.length <= 2 && entries.every(leaf)) {
      const flat = `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${formatJson(v, inner, 0)}`).join(', ')} }`;
      if (!flat.includes('\n') && used + flat.length + 1 <= 120) return flat;
    }
    const line = ([k, v]) => {
      const head = `${inner}${JSON.stringify(k)}: `;
      return head + formatJson(v, inner, head.length);
    };
    return `{\n${entries.map(line).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const [input, output] = process.argv.slice(2);
  if (!input) {
    process.stderr.write('usage: node scripts/chainspec-to-json.mjs <chainspec.toml> [out.json]\n');
    process.exit(2);
  }
  const json = `${formatJson(chainspecToCosts(parseToml(readFileSync(input, 'utf8'))))}\n`;
  if (output) writeFileSync(output, json);
  else process.stdout.write(json);
}
