// The release build's dead-data pass: unreferenced static objects go, referenced ones and
// anything they point to stay, and the name section is dropped.
import { pruneData } from '../../runtime/wasm/prune-data';
import { validateModule } from '../../runtime/wasm/validate';

let wabt: any;
beforeAll(async () => {
  wabt = await require('wabt')();
});

function assemble(wat: string): Uint8Array {
  const m = wabt.parseWat('t.wat', wat);
  return new Uint8Array(m.toBinary({ write_debug_names: true }).buffer);
}

function dataAddresses(bytes: Uint8Array): number[] {
  const m = wabt.readWasm(bytes, { readDebugNames: false });
  const text: string = m.toText({});
  return [...text.matchAll(/\(data \(;\d+;\) \(i32\.const (\d+)\)/g)].map((x) => Number(x[1]));
}

const MODULE = `(module
  (import "env" "casper_revert" (func $revert (param i32)))
  (memory 1)
  (data (i32.const 16) "dead string")
  (data (i32.const 64) "\\80\\00\\00\\00 pointer to 128")
  (data (i32.const 128) "only pointed to from data")
  (data (i32.const 200) "\\01\\02\\03\\04")
  (func $call (export "call")
    (i32.load (i32.const 68))
    (i32.load offset=200 (i32.const 0))
    i32.add
    call $revert))`;

const OBJECTS: Array<[number, number]> = [
  [16, 27],
  [64, 83],
  [128, 153],
  [200, 204],
];

test('drops only objects nothing refers to, keeps data reached through pointers and load offsets', () => {
  const bytes = assemble(MODULE);
  const pruned = pruneData(bytes, OBJECTS);
  expect(dataAddresses(bytes)).toEqual([16, 64, 128, 200]);
  expect(dataAddresses(pruned)).toEqual([64, 128, 200]);
  expect(validateModule(pruned).ok).toBe(true);
});

test('data outside the recorded objects is kept and its pointers count as references', () => {
  const pruned = pruneData(assemble(MODULE), [
    [16, 27],
    [128, 153],
  ]);
  expect(dataAddresses(pruned)).toEqual([64, 128, 200]);
});

test('removes the name section and keeps data outside the recorded objects', () => {
  const bytes = assemble(MODULE);
  const pruned = pruneData(bytes, []);
  expect(dataAddresses(pruned)).toEqual([16, 64, 128, 200]);
  expect(Buffer.from(bytes).includes(Buffer.from('name'))).toBe(true);
  expect(Buffer.from(pruned).includes(Buffer.from('name'))).toBe(false);
});

// Memory packing trims a segment's zero bytes: here the object at [300, 312) holds a pointer to
// 0x0140 = 320 in its last word, of which only the two low bytes are left in the segment, and the
// object at [320, 330) is reached only through that pointer.
const TRIMMED = `(module
  (import "env" "casper_revert" (func $revert (param i32)))
  (memory 1)
  (data (i32.const 308) "\\40\\01")
  (data (i32.const 321) "\\07")
  (data (i32.const 340) "next object")
  (func $call (export "call")
    (i32.load (i32.const 304))
    call $revert))`;

test('a pointer in a word that memory packing cut short still keeps its target', () => {
  const pruned = pruneData(assemble(TRIMMED), [
    [300, 312],
    [320, 330],
    [340, 351],
  ]);
  expect(dataAddresses(pruned)).toEqual([308, 321]);
});

test('an address inside one object does not keep the object just after it alive', () => {
  // 336 is inside [330, 338) and within the 8-byte margin below the object at 338.
  const wat = `(module
    (import "env" "casper_revert" (func $revert (param i32)))
    (memory 1)
    (data (i32.const 330) "\\01\\02\\03\\04\\05\\06\\07\\08")
    (data (i32.const 338) "string after")
    (data (i32.const 400) "reached by margin")
    (func $call (export "call")
      (call $revert (i32.const 336))
      (call $revert (i32.const 396))))`;
  const pruned = pruneData(assemble(wat), [
    [330, 338],
    [338, 350],
    [400, 417],
  ]);
  // 396 is inside no object and 4 bytes below 400: the margin still keeps that one.
  expect(dataAddresses(pruned)).toEqual([330, 400]);
});
