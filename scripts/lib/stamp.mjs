// Content-hash stamps so an unchanged rebuild skips work.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function addPath(h, p) {
  if (!existsSync(p)) return;
  if (statSync(p).isDirectory()) {
    for (const f of readdirSync(p).sort()) addPath(h, join(p, f));
  } else {
    h.update(p);
    h.update('\0');
    h.update(readFileSync(p));
  }
}

/** SHA-256 over the given files/directories (recursively, sorted) and extra text. */
export function inputsHash(paths, extra = '') {
  const h = createHash('sha256');
  for (const p of paths) addPath(h, p);
  h.update(extra);
  return h.digest('hex');
}

/** The stamp recorded next to an output, or null (output missing counts as no stamp). */
export function readStamp(out) {
  if (!existsSync(out) || !existsSync(`${out}.stamp`)) return null;
  return readFileSync(`${out}.stamp`, 'utf8');
}

/** Records the stamp for an output. */
export function writeStamp(out, hash) {
  writeFileSync(`${out}.stamp`, hash);
}
