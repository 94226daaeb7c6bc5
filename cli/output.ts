/**
 * Output files as casper-client writes them (`OutputKind`): an existing file is only replaced with
 * `--force` ("file at <path> already exists"), and every file is written to a temporary name in
 * the same directory and renamed into place, so a failed command leaves no partial file.
 */

import { chmodSync, existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { badInput } from './errors';

/** One file to write. */
export interface OutputFile {
  readonly path: string;
  readonly contents: string | Uint8Array;
  /** File mode (secret keys: 0o600, as casper-types `write_private_file`). */
  readonly mode?: number;
}

/** Refuses to overwrite without `force` (casper-client's check, done before anything is written). */
export function checkWritable(paths: readonly string[], force: boolean): void {
  if (force) return;
  for (const p of paths) if (existsSync(p)) throw badInput(`file at ${resolve(p)} already exists`);
}

/** Writes all files or none: temporaries first, then renames. */
export function writeFilesAtomically(files: readonly OutputFile[], force: boolean): void {
  checkWritable(
    files.map((f) => f.path),
    force,
  );
  const tmp = files.map((f) => `${f.path}.${process.pid}.${Math.random().toString(36).slice(2, 7)}.tmp`);
  try {
    files.forEach((f, i) => {
      writeFileSync(tmp[i], f.contents, { mode: f.mode ?? 0o644 });
      if (f.mode !== undefined) chmodSync(tmp[i], f.mode);
    });
    files.forEach((f, i) => renameSync(tmp[i], f.path));
  } finally {
    for (const t of tmp) rmSync(t, { force: true });
  }
}
