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
