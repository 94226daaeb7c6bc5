/**
 * `casper-as new <name>`: scaffolds `sessions/<name>.ts` and `test/sessions/<name>.test.ts` from
 * cli/templates (a session that stores its u64 `value` under the named key `<name>`, and its jest
 * test), which build and pass as generated. Nothing is written if either file exists.
 */

import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { type CommandSpec, parseArgs } from '../argv';
import { badInput } from '../errors';
import type { Io } from '../io';
import { writeFilesAtomically } from '../output';
import { PROJECT_ROOT } from '../wasm';

export const SPEC: CommandSpec = { flags: {}, positionals: ['NAME'], requiredPositionals: 1 };

export const SUMMARY =
  'Scaffold sessions/<name>.ts and test/sessions/<name>.test.ts from a template that builds and passes';

/** Session names: lowercase words joined by '-' or '_' (they name the .ts, .wasm, test file and named key). */
const NAME = /^[a-z][a-z0-9]*([-_][a-z0-9]+)*$/;

export async function newCommand(argv: readonly string[], io: Io): Promise<number> {
  const name = parseArgs(argv, SPEC).positionals[0];
  if (!NAME.test(name)) {
    throw badInput(
      `invalid session name '${name}': use lowercase letters and digits, words joined by '-' or '_' (e.g. my-session)`,
    );
  }
  const template = (f: string) =>
    readFileSync(join(__dirname, '..', 'templates', f), 'utf8').replaceAll('__NAME__', name);
  const files = [
    { path: join(PROJECT_ROOT, 'sessions', `${name}.ts`), contents: template('session.ts.tmpl') },
    { path: join(PROJECT_ROOT, 'test', 'sessions', `${name}.test.ts`), contents: template('session.test.ts.tmpl') },
  ];
  for (const f of files) mkdirSync(dirname(f.path), { recursive: true });
  writeFilesAtomically(files, false);
  const rel = files.map((f) => relative(process.cwd(), f.path) || f.path);
  io.out(
    `Created ${rel[0]} and ${rel[1]}\nNext: casper-as build ${name} && npx jest ${relative(process.cwd(), files[1].path)}\n`,
  );
  return 0;
}
