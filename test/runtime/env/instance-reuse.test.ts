// Reused instances must be indistinguishable from fresh ones, as the node instantiates afresh for
// every execution: memory contents, memory size and mutable globals start as after instantiation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestEnv } from '../../../runtime';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(join(__dirname, '..', '..', '..', 'build', 'fixtures', `${name}.wasm`)));

test('the start code runs again in every execution (globals reset)', () => {
  const env = new TestEnv();
  const wasm = fixture('start-order');
  for (let i = 0; i < 3; i++) {
    const r = env.runSession({ wasm });
    expect(r.error?.apiError?.code).toBe(65536 + 100 + 1 + 2 + 3 + 3);
  }
});

test('memory contents and mutable globals start fresh after a run that changed them', async () => {
  // Reverts with User(previous byte at 100 + 16 × global), then sets both: a reused instance
  // that kept either would report a non-zero value the second time.
  const env = new TestEnv();
  const wabt = await require('wabt')();
  const text = `(module
    (import "env" "casper_revert" (func $casper_revert (param i32)))
    (memory 1)
    (global $g (mut i32) (i32.const 0))
    (func (export "call")
      (local $v i32)
      (local.set $v (i32.add (i32.load8_u (i32.const 100)) (i32.mul (global.get $g) (i32.const 16))))
      (i32.store8 (i32.const 100) (i32.const 7))
      (global.set $g (i32.const 3))
      (call $casper_revert (i32.add (i32.const 65536) (local.get $v)))))`;
  const bytes = new Uint8Array(wabt.parseWat('g.wat', text).toBinary({}).buffer);
  for (let i = 0; i < 3; i++) expect(env.runSession({ wasm: bytes }).error?.apiError?.code).toBe(65536);
});

test('a run that grew memory does not leave a bigger memory behind', async () => {
  const env = new TestEnv();
  const wabt = await require('wabt')();
  const text = `(module
    (import "env" "casper_revert" (func $casper_revert (param i32)))
    (memory 1)
    (func (export "call")
      (call $casper_revert (i32.add (i32.const 65536) (memory.grow (i32.const 1))))))`;
  const bytes = new Uint8Array(wabt.parseWat('m.wat', text).toBinary({}).buffer);
  // memory.grow returns the previous size: 1 page every time, as in a fresh instance.
  for (let i = 0; i < 3; i++) expect(env.runSession({ wasm: bytes }).error?.apiError?.code).toBe(65536 + 1);
});
