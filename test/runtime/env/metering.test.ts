// Gas and limits as the node applies them to a running session: opcode gas from the injected
// counter (casper-wasm-utils metering with the 1.5.6 costs), host gas, out of gas, the
// stack-height limit and the memory limit — each failure leaving state untouched.
import { TestEnv } from '../../../runtime';

let wabt: any;
beforeAll(async () => {
  wabt = await require('wabt')();
});
const assemble = (wat: string): Uint8Array => new Uint8Array(wabt.parseWat('m.wat', wat).toBinary({}).buffer);

test('the engine gas_counter sequence costs exactly 499 140 as a whole session', () => {
  // execution_engine_testing/tests/src/test/gas_counter.rs: nothing else is charged for Wasm.
  const wasm = assemble(`(module (memory 1) (func (export "call")
    nop
    memory.size
    i32.const 10 i32.mul
    i32.const 11 i32.add
    i32.const 12 i32.sub
    i32.const 13 i32.div_u
    i32.const 3 i32.shl
    i32.const 0 i32.store offset=4 align=1
    i32.const 1 memory.grow
    i32.const 0 i32.store offset=4 align=1
    i32.const 0 if nop else nop nop end
    i32.const 0 i32.const 1 i32.eqz i32.store offset=4 align=1
    i32.const 123 i64.extend_i32_s drop))`);
  const env = new TestEnv();
  for (let i = 0; i < 2; i++) {
    const r = env.runSession({ wasm });
    expect(r.error).toBeUndefined();
    expect(r.gasUsed).toBe(499_140);
  }
});

test('a reverted session is charged its opcode gas plus the revert, and changes nothing', () => {
  // Block: i32.const (110) + call (68 000), charged up front; casper_revert costs 500.
  const wasm = assemble(`(module (import "env" "casper_revert" (func $r (param i32))) (memory 1)
    (func (export "call") (call $r (i32.const 65537))))`);
  const env = new TestEnv();
  const root = env.stateRoot();
  const r = env.runSession({ wasm });
  expect(r.error?.apiError?.code).toBe(65537);
  expect(r.gasUsed).toBe(110 + 68_000 + 500);
  expect(env.stateRoot()).toBe(root);
});

test('an infinite loop ends out of gas at exactly the limit', () => {
  const wasm = assemble('(module (memory 1) (func (export "call") (loop $l (br $l))))');
  const env = new TestEnv();
  const root = env.stateRoot();
  const r = env.runSession({ wasm, gasLimit: 10_000_000_000 });
  expect(r.error?.kind).toBe('GasLimit');
  expect(r.error?.message).toBe('Out of gas error');
  expect(r.gasUsed).toBe(10_000_000_000);
  expect(env.stateRoot()).toBe(root);
});

test('unbounded recursion stops at the stack-height limit with an Unreachable trap', () => {
  // The limiter adds each level's cost (declared locals + maximal operand height) to its counter
  // and executes `unreachable` once the sum passes 500 (exact depths: stack-height.test.ts).
  const wasm = assemble(`(module (memory 1)
    (func $f (param $d i32) (local $x i32)
      (i32.store (i32.const 0) (local.get $d))
      (call $f (i32.add (local.get $d) (i32.const 1))))
    (func (export "call") (call $f (i32.const 0))))`);
  const env = new TestEnv();
  const root = env.stateRoot();
  const r = env.runSession({ wasm });
  expect(r.error?.kind).toBe('Interpreter');
  expect(r.error?.message).toBe('Interpreter error: trap: Code(Unreachable)');
  expect(env.stateRoot()).toBe(root);
});

test('a memory bomb cannot grow past 64 pages', () => {
  // Grow one page at a time until memory.grow fails, then revert with the page count reached.
  const wasm = assemble(`(module (import "env" "casper_revert" (func $r (param i32))) (memory 1)
    (func (export "call")
      (loop $l (br_if $l (i32.ne (memory.grow (i32.const 1)) (i32.const -1))))
      (call $r (i32.add (i32.const 65536) (memory.size)))))`);
  const env = new TestEnv();
  const r = env.runSession({ wasm });
  expect(r.error?.apiError?.code).toBe(65536 + 64);
  const declared = assemble('(module (memory 65) (func (export "call")))');
  const big = env.runSession({ wasm: declared });
  expect(big.error?.kind).toBe('Interpreter');
  expect(big.error?.message).toBe('Interpreter error: maximum limit 64 is less than minimum 65');
});
