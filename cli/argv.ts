/**
 * Command-line flags the way casper-client (clap) reads them: `--name VALUE`, `--name=VALUE`,
 * `-n VALUE`, repeatable flags, boolean switches and positionals. Errors use clap's wording
 * ("unexpected argument '--x' found", "the following required arguments were not provided: …")
 * and are bad input (exit code 2).
 */

import { badInput } from './errors';

/** One flag of a command. */
export interface FlagSpec {
  /** One-letter alias (`-k`). */
  readonly short?: string;
  /** Value placeholder for messages and help (`PATH`); absent for a boolean switch. */
  readonly value?: string;
  /** May be given several times (values accumulate in order). */
  readonly multiple?: boolean;
  /** Must be given. */
  readonly required?: boolean;
  /** Default value when not given. */
  readonly default?: string;
  /** Help text. */
  readonly help: string;
}

/** A command's flags (by long name, without `--`) and positionals. */
export interface CommandSpec {
  readonly flags: Readonly<Record<string, FlagSpec>>;
  /** Positional placeholders, in order; a trailing `…` accepts any number. */
  readonly positionals?: readonly string[];
  /** How many positionals are required. */
  readonly requiredPositionals?: number;
}

/** Parsed flags: values by long name, switches as booleans, and the positionals. */
export interface ParsedArgs {
  readonly values: ReadonlyMap<string, readonly string[]>;
  readonly switches: ReadonlySet<string>;
  readonly positionals: readonly string[];
  /** The single value of `name` (or its default), or undefined. */
  get(name: string): string | undefined;
  /** All values of a repeatable flag. */
  all(name: string): readonly string[];
  /** Whether a switch (or a valued flag) was given. */
  has(name: string): boolean;
}

function display(name: string, spec: FlagSpec): string {
  return spec.value ? `--${name} <${spec.value}>` : `--${name}`;
}

/** Parses `argv` (the command's own arguments) against `spec`. */
export function parseArgs(argv: readonly string[], spec: CommandSpec): ParsedArgs {
  const values = new Map<string, string[]>();
  const switches = new Set<string>();
  const positionals: string[] = [];
  const byShort = new Map<string, string>();
  for (const [name, f] of Object.entries(spec.flags)) if (f.short) byShort.set(f.short, name);
  const maxPositionals = spec.positionals?.some((p) => p.endsWith('…')) ? Infinity : (spec.positionals?.length ?? 0);
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    let name: string | undefined;
    let inline: string | undefined;
    if (!onlyPositionals && arg === '--') {
      onlyPositionals = true;
      continue;
    }
    if (!onlyPositionals && arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq < 0 ? undefined : arg.slice(eq + 1);
      if (!spec.flags[name]) throw badInput(`unexpected argument '--${name}' found`);
    } else if (!onlyPositionals && /^-[A-Za-z]/.test(arg)) {
      name = byShort.get(arg[1]);
      if (!name) throw badInput(`unexpected argument '${arg.slice(0, 2)}' found`);
      if (arg.length > 2) inline = arg.slice(2).replace(/^=/, '');
    }
    if (name === undefined) {
      if (positionals.length >= maxPositionals) throw badInput(`unexpected argument '${arg}' found`);
      positionals.push(arg);
      continue;
    }
    const f = spec.flags[name];
    if (!f.value) {
      if (inline !== undefined)
        throw badInput(`unexpected value '${inline}' for '--${name}' found; no more were expected`);
      switches.add(name);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      if (i + 1 >= argv.length) throw badInput(`a value is required for '${display(name, f)}' but none was supplied`);
      value = argv[++i];
    }
    const list = values.get(name) ?? [];
    if (list.length > 0 && !f.multiple)
      throw badInput(`the argument '${display(name, f)}' cannot be used multiple times`);
    list.push(value);
    values.set(name, list);
  }
  const missing = Object.entries(spec.flags)
    .filter(([name, f]) => f.required && !values.has(name))
    .map(([name, f]) => display(name, f));
  const required = spec.requiredPositionals ?? 0;
  if (positionals.length < required) {
    missing.push(...(spec.positionals ?? []).slice(positionals.length, required).map((p) => `<${p.replace('…', '')}>`));
  }
  if (missing.length > 0) throw badInput(`the following required arguments were not provided: ${missing.join(', ')}`);
  return {
    values,
    switches,
    positionals,
    get: (name) => values.get(name)?.[values.get(name)!.length - 1] ?? spec.flags[name]?.default,
    all: (name) => values.get(name) ?? [],
    has: (name) => switches.has(name) || values.has(name),
  };
}

/** Help text of a command: usage line, then one line per flag. */
export function helpText(command: string, summary: string, spec: CommandSpec): string {
  const pos = (spec.positionals ?? []).map((p, i) => (i < (spec.requiredPositionals ?? 0) ? `<${p}>` : `[${p}]`));
  const lines = [
    `Usage: casper-as ${command}${pos.length ? ` ${pos.join(' ')}` : ''} [OPTIONS]`,
    '',
    summary,
    '',
    'Options:',
  ];
  const rows = Object.entries(spec.flags).map(([name, f]) => {
    const left = `${f.short ? `-${f.short}, ` : '    '}--${name}${f.value ? ` <${f.value}>` : ''}`;
    const extra = f.default !== undefined ? ` [default: ${f.default}]` : f.required ? ' (required)' : '';
    return [left, `${f.help}${extra}`];
  });
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [l, r] of rows) lines.push(`  ${l.padEnd(width)}  ${r}`);
  return `${lines.join('\n')}\n`;
}
