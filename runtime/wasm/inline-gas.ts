/**
 * Host-internal rewrite for speed: in the emulator's compiled copy of an instrumented module,
 * each `call $gas` (the node's block charge, argument on the stack) becomes inline code that
 * subtracts the charge from an appended, exported i64 global and calls `$gas` only when that
 * allowance goes negative:
 *
 *   i64.extend_i32_u  global.get $left  i64.sub  i64.const -1  i64.mul   ;; left - cost
 *   global.set $left
 *   global.get $left  i64.const 0  i64.lt_s  if  i32.const 0  call $gas  end
 *
 * The charges and where they happen are unchanged (the node's instrumented module decides them);
 * only the accounting moves into Wasm. The host binds `env.gas` to its out-of-gas path and reads
 * and writes the exported global to share one counter with host-function and storage gas.
 */

import { FunctionBodyDecoder } from './opcodes';
import { WasmReader } from './reader';

/** Export name of the appended allowance global. */
export const GAS_LEFT_EXPORT = '__casper_as_gas_left';

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

interface Section {
  id: number;
  start: number;
  body: number;
  end: number;
}

/** The module with its `call $gas` sites inlined (see the file comment); input must be valid. */
export function inlineGasCharges(bytes: Uint8Array, gasFunctionIndex: number): Uint8Array<ArrayBuffer> {
  const r = new WasmReader(bytes, 8);
  const sections: Section[] = [];
  while (!r.atEnd) {
    const start = r.pos;
    const id = r.readByte();
    const size = r.readVarU32();
    sections.push({ id, start, body: r.pos, end: r.pos + size });
    r.skip(size);
  }
  if (r.failed) throw new Error(`inlineGasCharges: malformed module (${r.error?.message})`);

  const globals = sections.find((s) => s.id === 6);
  let globalCount = 0;
  let globalEntries: number[] = [];
  if (globals) {
    const g = new WasmReader(bytes, globals.body, globals.end);
    globalCount = g.readVarU32();
    globalEntries = Array.from(bytes.subarray(g.pos, globals.end));
  }
  const left = leb(globalCount); // index of the appended global (no imported globals: validated)
  const gas = leb(gasFunctionIndex);
  const inline = [
    0xad,
    0x23,
    ...left,
    0x7d,
    0x42,
    0x7f,
    0x7e,
    0x24,
    ...left,
    0x23,
    ...left,
    0x42,
    0x00,
    0x53,
    0x04,
    0x40,
    0x41,
    0x00,
    0x10,
    ...gas,
    0x0b,
  ];
  const globalBody = [...leb(globalCount + 1), ...globalEntries, 0x7e, 0x01, 0x42, 0x00, 0x0b];

  const exportsSec = sections.find((s) => s.id === 7);
  const name = [...Buffer.from(GAS_LEFT_EXPORT, 'utf8')];
  const exportEntry = [...leb(name.length), ...name, 0x03, ...left];
  let exportBody: number[];
  if (exportsSec) {
    const e = new WasmReader(bytes, exportsSec.body, exportsSec.end);
    const n = e.readVarU32();
    exportBody = [...leb(n + 1), ...bytes.subarray(e.pos, exportsSec.end), ...exportEntry];
  } else exportBody = [...leb(1), ...exportEntry];

  const code = sections.find((s) => s.id === 10);
  let codeBody: number[] | null = null;
  if (code) {
    const c = new WasmReader(bytes, code.body, code.end);
    const n = c.readVarU32();
    codeBody = leb(n);
    const dec = new FunctionBodyDecoder(bytes);
    for (let i = 0; i < n; i++) {
      const size = c.readVarU32();
      const start = c.pos;
      c.skip(size);
      if (!dec.beginBody(start, start + size)) throw new Error('inlineGasCharges: malformed body');
      const body: number[] = [];
      let copied = start;
      while (dec.next()) {
        if (dec.opcode === 0x10 && dec.index === gasFunctionIndex) {
          for (let k = copied; k < dec.offset; k++) body.push(bytes[k]);
          body.push(...inline);
          copied = dec.reader.pos; // just past the call and its function index
        }
      }
      for (let k = copied; k < start + size; k++) body.push(bytes[k]);
      codeBody.push(...leb(body.length));
      for (const b of body) codeBody.push(b);
    }
  }

  const out: number[] = Array.from(bytes.subarray(0, 8));
  const emit = (id: number, body: number[]) => {
    out.push(id, ...leb(body.length));
    for (const b of body) out.push(b); // no spread: bodies can be hundreds of KB
  };
  let globalsDone = false;
  let exportsDone = false;
  for (const s of sections) {
    if (!globalsDone && (s.id === 6 || (s.id > 6 && s.id !== 0))) {
      emit(6, globalBody);
      globalsDone = true;
      if (s.id === 6) continue;
    }
    if (!exportsDone && (s.id === 7 || (s.id > 7 && s.id !== 0))) {
      emit(7, exportBody);
      exportsDone = true;
      if (s.id === 7) continue;
    }
    if (s.id === 10 && codeBody) {
      emit(10, codeBody);
      continue;
    }
    for (let k = s.start; k < s.end; k++) out.push(bytes[k]);
  }
  if (!globalsDone) emit(6, globalBody);
  if (!exportsDone) emit(7, exportBody);
  return Uint8Array.from(out);
}
