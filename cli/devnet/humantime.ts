/**
 * The text forms casper-types gives times (through the `humantime` crate): `Timestamp` as RFC 3339
 * with milliseconds (`2021-03-04T12:00:00.000Z`), `TimeDiff` as a duration (`30m`, `1day 2h`).
 * Parsing accepts what the node accepts (`parse_rfc3339_weak`, `parse_duration`); formatting
 * produces exactly the node's text, since responses echo a deploy's header in it.
 */

const UNITS: ReadonlyArray<[readonly string[], bigint]> = [
  [['nanos', 'nsec', 'ns'], 0n], // sub-millisecond units are accepted and truncated (as_millis)
  [['usec', 'us'], 0n],
  [['millis', 'msec', 'ms'], 1n],
  [['seconds', 'second', 'secs', 'sec', 's'], 1000n],
  [['minutes', 'minute', 'min', 'mins', 'm'], 60_000n],
  [['hours', 'hour', 'hr', 'hrs', 'h'], 3_600_000n],
  [['days', 'day', 'd'], 86_400_000n],
  [['weeks', 'week', 'w'], 604_800_000n],
  [['months', 'month', 'M'], 2_630_016_000n],
  [['years', 'year', 'y'], 31_557_600_000n],
];

const SUB_MS: Record<string, bigint> = { nanos: 1n, nsec: 1n, ns: 1n, usec: 1000n, us: 1000n };

const U64_MAX = 0xffff_ffff_ffff_ffffn;

/** Milliseconds of a humantime duration ("30m", "2h 30min", "1day"), or an error message. */
export function parseDuration(text: string): bigint | { error: string } {
  if (text.trim() === '') return { error: 'value was empty' };
  let nanos = 0n;
  let ms = 0n;
  let i = 0;
  const n = text.length;
  const isWs = (c: string) => /\s/.test(c);
  while (i < n) {
    while (i < n && isWs(text[i])) i++;
    if (i >= n) break;
    if (!/[0-9]/.test(text[i])) return { error: `expected number at ${i}` };
    let num = 0n;
    while (i < n && (/[0-9]/.test(text[i]) || isWs(text[i]))) {
      if (/[0-9]/.test(text[i])) {
        num = num * 10n + BigInt(text.charCodeAt(i) - 48);
        if (num > U64_MAX) return { error: 'number is too large' };
      }
      i++;
    }
    const start = i;
    while (i < n && /[a-zA-Z]/.test(text[i])) i++;
    if (i < n && !isWs(text[i]) && !/[0-9]/.test(text[i])) return { error: `invalid character at ${i}` };
    const unit = text.slice(start, i);
    const entry = UNITS.find(([names]) => names.includes(unit));
    if (!entry) {
      return {
        error: `unknown time unit ${JSON.stringify(unit)}, supported units: ns, us, ms, sec, min, hours, days, weeks, months, years (and few variations)`,
      };
    }
    if (entry[1] === 0n) nanos += num * SUB_MS[unit];
    else ms += num * entry[1];
    if (ms > U64_MAX) return { error: 'number is too large' };
  }
  return ms + nanos / 1_000_000n;
}

/** humantime `format_duration` of a millisecond count, e.g. 1800000 → "30m", 90061001 → "1day 1h 1m 1s 1ms". */
export function formatDuration(ms: bigint): string {
  if (ms === 0n) return '0s';
  const secs = ms / 1000n;
  const millis = ms % 1000n;
  const years = secs / 31_557_600n;
  const ydays = secs % 31_557_600n;
  const months = ydays / 2_630_016n;
  const mdays = ydays % 2_630_016n;
  const days = mdays / 86_400n;
  const daySecs = mdays % 86_400n;
  const hours = daySecs / 3600n;
  const minutes = (daySecs % 3600n) / 60n;
  const seconds = daySecs % 60n;
  const parts: string[] = [];
  const plural = (v: bigint, name: string) => {
    if (v > 0n) parts.push(`${v}${name}${v > 1n ? 's' : ''}`);
  };
  const item = (v: bigint, name: string) => {
    if (v > 0n) parts.push(`${v}${name}`);
  };
  plural(years, 'year');
  plural(months, 'month');
  plural(days, 'day');
  item(hours, 'h');
  item(minutes, 'm');
  item(seconds, 's');
  item(millis, 'ms');
  return parts.join(' ');
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz])?$/;

/** Milliseconds since the epoch of an RFC 3339 UTC timestamp (`parse_rfc3339_weak`), or an error message. */
export function parseTimestamp(text: string): bigint | { error: string } {
  const m = RFC3339.exec(text);
  if (!m) return { error: 'timestamp format is invalid' };
  const [, y, mo, d, h, mi, s, frac] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const dim = [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  if (
    year < 1970 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > dim[month - 1] ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 60
  ) {
    return { error: 'numeric component is out of range' };
  }
  const base = Date.UTC(year, month - 1, day, Number(h), Number(mi), Math.min(Number(s), 59));
  const millis = frac ? Number(frac.padEnd(9, '0').slice(0, 3)) : 0;
  return BigInt(base) + BigInt(millis);
}

/** humantime `format_rfc3339_millis`: `2021-03-04T12:00:00.000Z`. */
export function formatTimestamp(ms: bigint): string {
  return new Date(Number(ms)).toISOString();
}
