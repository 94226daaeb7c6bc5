/**
 * Source Map v3 lookup for Wasm (as asc writes `build/debug/<name>.wasm.map`): the generated
 * "column" of each segment is a byte offset in the module, so a code offset maps to the last
 * segment at or before it. Only what that needs: a base64-VLQ decoder and a sorted segment list.
 */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...B64].map((c, i) => [c, i]));

/** Decodes one segment's base64-VLQ fields. */
export function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const c of segment) {
    const d = DIGIT.get(c);
    if (d === undefined) throw new Error(`invalid base64-VLQ character '${c}'`);
    value += (d & 31) * 2 ** shift;
    if (d & 32) {
      shift += 5;
      continue;
    }
    out.push(value % 2 === 1 ? -Math.floor(value / 2) : value / 2);
    value = 0;
    shift = 0;
  }
  return out;
}

/** A source position: file as named in the map, 1-based line and column. */
export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** A parsed Wasm source map: `lookup(offset)` gives the source position of a code byte offset. */
export class WasmSourceMap {
  private offsets: number[] = [];
  private positions: Array<SourcePosition | null> = [];

  constructor(json: string) {
    const map = JSON.parse(json) as { sources: string[]; mappings: string };
    let gen = 0;
    let src = 0;
    let line = 0;
    let col = 0;
    for (const group of map.mappings.split(';')) {
      for (const seg of group.split(',')) {
        if (!seg) continue;
        const f = decodeVlq(seg);
        gen += f[0];
        if (f.length >= 4) {
          src += f[1];
          line += f[2];
          col += f[3];
          this.positions.push({ file: map.sources[src], line: line + 1, column: col + 1 });
        } else {
          this.positions.push(null);
        }
        this.offsets.push(gen);
      }
    }
    const order = this.offsets.map((_, i) => i).sort((a, b) => this.offsets[a] - this.offsets[b]);
    const positions = this.positions;
    this.offsets = order.map((i) => this.offsets[i]);
    this.positions = order.map((i) => positions[i]);
  }

  /** The position of the last mapped segment at or before `offset`, if any. */
  lookup(offset: number): SourcePosition | null {
    let lo = 0;
    let hi = this.offsets.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.offsets[mid] <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? null : this.positions[found];
  }
}
