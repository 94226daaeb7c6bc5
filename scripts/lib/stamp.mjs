// Content-hash stamps so an unchanged rebuild skips work: `<output>.stamp` holds the inputs'
// hash and the build's summary (sizes, imports), so an up-to-date check loads no compiler.
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

/** The stamp recorded next to an output ({ hash, ...summary }), or null (a missing output counts as none). */
export function readStamp(out) {
  if (!existsSync(out) || !existsSync(`${out}.stamp`)) return null;
  try {
    return JSON.parse(readFileSync(`${out}.stamp`, 'utf8'));
  } catch {
    return null;
  }
}

/** Records the stamp for an output. */
export function writeStamp(out, hash, summary = {}) {
  writeFileSync(`${out}.stamp`, JSON.stringify({ hash, ...summary }));
}
