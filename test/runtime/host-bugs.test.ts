// DESIGN convention 4: a revert, out-of-gas or trap is an execution result; anything else a host
// handler throws is a defect of the emulator and must leave runSession as the thrown error, never
// as a result (runtime/engine/executor.ts, runtime/engine/errors.ts).
import { ExecutionError } from '../../runtime/engine/errors';
import { TestEnv } from '../../runtime/env';
import { HOST_HANDLERS } from '../../runtime/host';
import type { HostHandler } from '../../runtime/host/handler';
import { encodeRuntimeArgs, Writer } from '../../runtime/types';
import { session } from '../helpers/wat-session';
import * as handlePayment from '../../runtime/system/handle-payment';

const handlers = HOST_HANDLERS as Record<string, HostHandler>;

afterEach(() => jest.restoreAllMocks());

/** get_phase into 0, then has_key("num"): two host calls. */
const TWO_CALLS = `(call $casper_get_phase (i32.const 0))
  (drop (call $casper_has_key (i32.const 100) (i32.const 7)))`;
const NUM = new Writer().string('num').finish();

test('a plain Error thrown by a handler leaves runSession as that Error', async () => {
  const env = new TestEnv();
  const root = env.stateRoot();
  const wasm = await session(TWO_CALLS, [[100, NUM]]);
  const bug = new Error('handler defect');
  const spy = jest.spyOn(handlers, 'casper_has_key').mockImplementation(() => {
    throw bug;
  });
  expect(() => env.runSession({ wasm })).toThrow(bug);
  expect(spy).toHaveBeenCalledTimes(1);
  expect(env.stateRoot()).toBe(root);
  // Restored, the environment runs a session to success (another module: an instance binds its
  // handlers when it is created).
  spy.mockRestore();
  const r = env.runSession({
    wasm: await session(`(call $casper_get_phase (i32.const 8)) ${TWO_CALLS}`, [[100, NUM]]),
  });
  expect(r.error).toBeUndefined();
  expect(r.success).toBe(true);
});

test('a TypeError or RangeError from a handler is not mistaken for a Wasm trap', async () => {
  const wasm = await session(TWO_CALLS, [[100, NUM]]);
  for (const bug of [new TypeError('x is undefined'), new RangeError('Offset is outside the bounds of the DataView')]) {
    const env = new TestEnv();
    jest.spyOn(handlers, 'casper_get_phase').mockImplementation(() => {
      throw bug;
    });
    expect(() => env.runSession({ wasm })).toThrow(bug);
    jest.restoreAllMocks();
  }
});

test('an ExecutionError thrown by a handler is a result, not an exception', async () => {
  const env = new TestEnv();
  const wasm = await session(TWO_CALLS, [[100, NUM]]);
  const trap = new ExecutionError('InvalidContext', 'Invalid context');
  jest.spyOn(handlers, 'casper_has_key').mockImplementation(() => {
    throw trap;
  });
  const r = env.runSession({ wasm });
  expect(r.success).toBe(false);
  expect(r.error).toBe(trap);
  expect(r.effects).toEqual([]);
});

test('a defect in a nested call (inside a native system contract) is thrown through call_contract', async () => {
  const env = new TestEnv();
  const defect = new Error('handle payment defect');
  const spy = jest.spyOn(handlePayment, 'callHandlePayment').mockImplementation(() => {
    throw defect;
  });
  const root = env.stateRoot();
  const ep = new Writer().string('get_refund_purse').finish();
  const args = encodeRuntimeArgs([]);
  // get_system_contract(1 = handle payment) → 32 bytes at 200; call_contract(hash, "get_refund_purse", no args).
  const wasm = await session(
    `(drop (call $casper_get_system_contract (i32.const 1) (i32.const 200) (i32.const 32)))
     (drop (call $casper_call_contract (i32.const 200) (i32.const 32) (i32.const 300) (i32.const ${ep.length})
       (i32.const 400) (i32.const ${args.length}) (i32.const 0)))`,
    [
      [300, ep],
      [400, args],
    ],
  );
  expect(() => env.runSession({ wasm })).toThrow(defect);
  spy.mockRestore();
  expect(env.stateRoot()).toBe(root);
  // The environment stays usable and its call stack is back to the session frame.
  const probe = await session(`(drop (call $casper_load_call_stack (i32.const 0) (i32.const 4)))
    (if (i32.ne (i32.load (i32.const 0)) (i32.const 1)) (then (call $casper_revert (i32.const 1))))`);
  const r = env.runSession({ wasm: probe });
  expect(r.error).toBeUndefined();
  expect(r.success).toBe(true);
});
