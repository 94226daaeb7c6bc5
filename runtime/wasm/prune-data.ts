/**
 * Removes data segments nothing refers to, and the name section. asc emits every static object
 * it compiled (string constants, abort messages such as "Allocation too large") as active data;
 * once optimization has inlined `abort` into a revert, nothing reads those bytes any more, but
 * binaryen cannot know that and keeps them.
 *
 * asc addresses static data only through constant addresses, so a segment group is live when an
 * `i32.const` (in code or a global initializer) or a load/store offset points into it (with a
 * small margin below it, for header reads folded into constants). A group is one static object
 * as asc emitted it (`objects`: address ranges recorded before optimization), so the pieces
 * memory packing cut it into live or die together. Segments outside every range are kept.
 */

import { FunctionBodyDecoder, Imm, OPCODE_IMMEDIATES } from './opcodes';
import { WasmReader } from './reader';

interface Section {
  id: number;
  start: number; // first byte of the section header
  body: number;
  end: number;
}

interface Segment {
  index: number;
  start: number; // byte range of the segment entry in the data section
  end: number;
  address: number;
  length: number;
}

/** Bytes below a group's first address still counted as pointing into it. */
const MARGIN_BELOW = 8;

function sections(bytes: Uint8Array): Section[] | null {
  const r = new WasmReader(bytes, 8);
  const out: Section[] = [];
  while (!r.atEnd) {
    const start = r.pos;
    const id = r.readByte();
    const size = r.readVarU32();
    if (r.failed) return null;
    out.push({ id, start, body: r.pos, end: r.pos + size });
    r.skip(size);
  }
  return out;
}

function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

/** Every constant address the module uses: i32.const values and memory-access offsets. */
function referencedAddresses(bytes: Uint8Array, all: Section[]): number[] | null {
  const refs: number[] = [];
  const code = all.find((s) => s.id === 10);
  if (code) {
    const r = new WasmReader(bytes, code.body, code.end);
    const count = r.readVarU32();
    const dec = new FunctionBodyDecoder(bytes);
    for (let i = 0; i < count; i++) {
      const size = r.readVarU32();
      const start = r.pos;
      r.skip(size);
      if (r.failed || !dec.beginBody(start, start + size)) return null;
      while (dec.next()) {
        const imm = OPCODE_IMMEDIATES[dec.opcode];
        if (imm === Imm.I32) refs.push(dec.i32Value >>> 0);
        else if (imm === Imm.MemArg) refs.push(dec.memOffset >>> 0);
      }
      if (dec.reader.failed) return null;
    }
  }
  const globals = all.find((s) => s.id === 6);
  if (globals) {
    const r = new WasmReader(bytes, globals.body, globals.end);
    const n = r.readVarU32();
    const dec = new FunctionBodyDecoder(bytes);
    for (let i = 0; i < n; i++) {
      r.skip(2); // value type, mutability
      const start = r.pos;
      dec.beginExpr(start, globals.end);
      while (dec.next()) if (OPCODE_IMMEDIATES[dec.opcode] === Imm.I32) refs.push(dec.i32Value >>> 0);
      r.pos = dec.reader.pos;
    }
  }
  return refs;
}

function dataSegments(bytes: Uint8Array, s: Section): Segment[] | null {
  const r = new WasmReader(bytes, s.body, s.end);
  const n = r.readVarU32();
  const out: Segment[] = [];
  for (let i = 0; i < n; i++) {
    const start = r.pos;
    const flags = r.readVarU32();
    if (flags !== 0 || r.readByte() !== 0x41) return null; // only MVP active segments, i32.const offset
    const address = r.readVarI32() >>> 0;
    if (r.readByte() !== 0x0b) return null;
    const length = r.readVarU32();
    r.skip(length);
    if (r.failed) return null;
    out.push({ index: i, start, end: r.pos, address, length });
  }
  return out;
}

/**
 * Returns the module without the data of unreferenced static objects (`objects`: [start, end)
 * address ranges of the segments asc emitted) and without a name section.
 */
export function pruneData(bytes: Uint8Array, objects: ReadonlyArray<readonly [number, number]>): Uint8Array {
  const all = sections(bytes);
  if (!all) return bytes;
  const data = all.find((s) => s.id === 11);
  const nameSec = all.find((s) => s.id === 0 && new WasmReader(bytes, s.body, s.end).readName() === 'name');
  let newData: number[] | null = null;
  const segs = data ? dataSegments(bytes, data) : null;
  const refs = data ? referencedAddresses(bytes, all) : null;
  if (data && segs && refs) {
    // An object is live when code or a global refers to it, or when a live object's data holds a
    // pointer into it (e.g. a static Array's buffer, referred to only by the Array object).
    const objectOf = (s: Segment) => objects.findIndex(([lo, hi]) => s.address >= lo && s.address + s.length <= hi);
    const liveObjects = new Set<number>();
    // An address inside an object refers to that object only; the margin below an object's
    // start applies to addresses that are inside no object (so the static object just before a
    // string does not keep the string alive).
    const inside = (v: number, o: number) => v >= objects[o][0] && v < objects[o][1];
    const pointsInto = (v: number, o: number) =>
      inside(v, o) || (v >= objects[o][0] - MARGIN_BELOW && v < objects[o][0] && !objects.some((_, p) => inside(v, p)));
    // The aligned u32 words a segment's bytes are part of. Memory packing trims zero bytes off
    // both ends of a segment, so a word may stick out of it on either side: memory is zero there.
    const words = (seg: Segment): number[] => {
      const out: number[] = [];
      const dataStart = seg.end - seg.length;
      const byteAt = (addr: number) => {
        const i = addr - seg.address;
        return i >= 0 && i < seg.length ? bytes[dataStart + i] : 0;
      };
      for (let a = seg.address - (seg.address % 4); a < seg.address + seg.length; a += 4) {
        out.push((byteAt(a) | (byteAt(a + 1) << 8) | (byteAt(a + 2) << 16) | (byteAt(a + 3) << 24)) >>> 0);
      }
      return out;
    };
    // Segments outside every recorded object are always kept, so they are roots as well.
    let frontier = [...refs, ...segs.filter((seg) => objectOf(seg) < 0).flatMap(words)];
    while (frontier.length) {
      const next: number[] = [];
      for (let o = 0; o < objects.length; o++) {
        if (liveObjects.has(o) || !frontier.some((v) => pointsInto(v, o))) continue;
        liveObjects.add(o);
        for (const seg of segs) if (objectOf(seg) === o) next.push(...words(seg));
      }
      frontier = next;
    }
    const kept = segs.filter((s) => {
      const o = objectOf(s);
      return o < 0 || liveObjects.has(o);
    });
    newData = [...leb(kept.length)];
    for (const s of kept) for (let i = s.start; i < s.end; i++) newData.push(bytes[i]);
  }
  const out: number[] = Array.from(bytes.subarray(0, 8));
  for (const s of all) {
    if (s === nameSec) continue;
    if (s === data && newData) {
      if (newData.length === 1) continue; // no segment left: drop the section
      out.push(11, ...leb(newData.length), ...newData);
      continue;
    }
    for (let i = s.start; i < s.end; i++) out.push(bytes[i]);
  }
  return Uint8Array.from(out);
}
